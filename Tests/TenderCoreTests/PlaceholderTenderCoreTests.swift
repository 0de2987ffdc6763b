import Testing

@Suite struct PlaceholderTenderCoreTests {
    @Test func builds() {
        #expect(Bool(true))
    }
}
