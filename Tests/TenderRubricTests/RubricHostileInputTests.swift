import TenderCore
import TenderModel
import Testing

@testable import TenderRubric

@Suite struct RubricHostileInputTests {
    @Test func billionLaughsIsRefusedBeforeParsing() throws {
        #expect(
            try RubricFixtures.errors("alias-bomb.yaml") == [
                "alias-bomb.yaml:1:4: error: anchors and aliases are not allowed in a rubric"
            ]
        )
    }

    @Test(arguments: [
        ("tender: &t {id: T}\n", "inline.yaml:1:9"),
        ("a: 1\nb: *a\n", "inline.yaml:2:4"),
        ("list:\n  - &x one\n", "inline.yaml:2:5"),
        ("&k key: value\n", "inline.yaml:1:1"),
        ("a: !!str &x text\n", "inline.yaml:1:10"),
        ("a: [1, *b]\n", "inline.yaml:1:8"),
        ("a: {k: 1,\n  j: *v}\n", "inline.yaml:2:6"),
        ("? *k\n: v\n", "inline.yaml:1:3"),
    ])
    func anchorsAndAliasesAreRefusedWherever(yaml: String, location: String) {
        #expect(
            RubricFixtures.errors(inline: yaml) == [
                "\(location): error: anchors and aliases are not allowed in a rubric"
            ]
        )
    }

    /// `*` and `&` inside text are not anchors: quoted strings, plain scalars, comments, block scalars and
    /// continuation lines of a plain scalar must all pass the prescan.
    @Test func asterisksAndAmpersandsInTextAreFine() {
        let yaml = """
            # *comment &here
            a: "x * y & z"
            b: 'it''s *fine*'
            c: count(b:x) * 2 & more
            d: |
              * bullet
              & more
            e: a plain scalar that
              * continues here
            f: ["*", '&', x*y]
            g: >-
                *folded*
            """
        #expect(YAMLPrescan(file: "t.yaml").check(yaml) == nil)
    }

    @Test func deeplyNestedFlowIsRefusedWithoutRecursion() {
        let depth = 100_000
        let yaml = "a: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        #expect(
            RubricFixtures.errors(inline: yaml) == [
                "inline.yaml:1:67: error: rubric is nested more than 64 levels deep"
            ]
        )
    }

    @Test func deeplyNestedBlocksAreRefused() {
        var yaml = ""
        for level in 0..<80 {
            yaml += String(repeating: " ", count: level) + "k\(level):\n"
        }
        #expect(
            RubricFixtures.errors(inline: yaml) == [
                "inline.yaml:65:68: error: rubric is nested more than 64 levels deep"
            ]
        )
        let dashes = "a:\n  - " + String(repeating: "- ", count: 70) + "x\n"
        #expect(
            RubricFixtures.errors(inline: dashes) == [
                "inline.yaml:2:127: error: rubric is nested more than 64 levels deep"
            ]
        )
    }

    @Test func nestingUpToTheLimitIsAccepted() {
        let depth = 60
        let yaml = "a: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        #expect(YAMLPrescan(file: "t.yaml").check(yaml) == nil)
    }

    @Test func nonUTF8BytesAreReportedAtTheirPosition() throws {
        #expect(
            try RubricFixtures.errors("latin1.yaml") == [
                "latin1.yaml:3:14: error: file is not valid UTF-8 (byte 0xE9 cannot start or continue a character); "
                    + "save it as UTF-8"
            ]
        )
    }

    @Test func oversizeFilesAreRefused() {
        let bytes = [UInt8](repeating: 0x20, count: RubricLimits.maximumFileSize + 1)
        #expect(
            RubricFixtures.errors(bytes: bytes, file: "big.yaml") == [
                "big.yaml: error: file is larger than 4 MiB, too large for a rubric"
            ]
        )
    }

    @Test func malformedYAMLNamesLineAndColumn() throws {
        #expect(
            try RubricFixtures.errors("malformed.yaml") == [
                "malformed.yaml:4:2: error: malformed YAML: did not find expected key (while parsing a block mapping "
                    + "at line 1, column 1)"
            ]
        )
    }

    @Test func scannerErrorsAreReadable() {
        #expect(
            RubricFixtures.errors(inline: "tender:\n\tid: T\n") == [
                "inline.yaml:2:1: error: malformed YAML: found character that cannot start any token "
                    + "(while scanning for the next token at line 2, column 1)"
            ]
        )
        #expect(
            RubricFixtures.errors(inline: "a: \"open\nb: 1\n") == [
                "inline.yaml:3:1: error: malformed YAML: found unexpected end of stream "
                    + "(while scanning a quoted scalar at line 1, column 4)"
            ]
        )
        #expect(
            RubricFixtures.errors(inline: "a: 1\n---\nb: 2\n") == [
                "inline.yaml:2:1: error: malformed YAML: but found another document "
                    + "(expected a single document in the stream at line 1, column 1)"
            ]
        )
    }

    @Test func controlCharactersAreReported() {
        #expect(
            RubricFixtures.errors(inline: "a: b\nc: d\u{7}\n") == [
                "inline.yaml:2:5: error: malformed YAML: control characters are not allowed"
            ]
        )
    }
}
