import Testing

@Suite struct PlaceholderTenderBidImportTests {
    @Test func builds() {
        #expect(Bool(true))
    }
}
