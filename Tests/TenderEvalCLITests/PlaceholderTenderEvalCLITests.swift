import Testing

@Suite struct PlaceholderTenderEvalCLITests {
    @Test func builds() {
        #expect(Bool(true))
    }
}
