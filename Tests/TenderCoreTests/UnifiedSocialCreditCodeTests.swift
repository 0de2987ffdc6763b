import Foundation
import TenderCore
import TenderTestSupport
import Testing

/// The GB 32100-2015 check of a 统一社会信用代码: every id of the examples is a valid code, and each way a code
/// can be wrong is named with what is wrong.
@Suite struct UnifiedSocialCreditCodeTests {
    /// Every registration id in the example bids and plans (`<registration-id …>ID<` and `registration-id: ID`).
    static func exampleIDs() throws -> [String] {
        let root = SharedData.repositoryRoot
        var files: [URL] = []
        for folder in ["bids", "examples/performance"] {
            let enumerator = FileManager.default.enumerator(
                at: root.appendingPathComponent(folder),
                includingPropertiesForKeys: nil
            )
            while let url = enumerator?.nextObject() as? URL {
                if url.pathExtension == "xml" || url.lastPathComponent == "plan.yaml" { files.append(url) }
            }
        }
        var ids: Set<String> = []
        let patterns = [#"<registration-id[^>]*>([^<]*)<"#, #"registration-id:\s*(\S+)"#]
        for file in files {
            // Some example bids are GB18030: the ids are ASCII either way.
            let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            for pattern in patterns {
                let expression = try NSRegularExpression(pattern: pattern)
                for match in expression.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    if let range = Range(match.range(at: 1), in: text) { ids.insert(String(text[range])) }
                }
            }
        }
        return ids.sorted()
    }

    @Test func everyExampleIDIsAValidCode() throws {
        let ids = try Self.exampleIDs()
        // The 2020 and 2022 tenders' bidders and the two plans' contractors.
        #expect(ids.count >= 10, "\(ids)")
        #expect(ids.contains("91331003MA2J4P6N44") && ids.contains("91331003MA2D9FX61W"))
        for id in ids {
            #expect(UnifiedSocialCreditCode.problem(in: id) == nil, "\(id)")
            let scalars = Array(id.unicodeScalars)
            #expect(UnifiedSocialCreditCode.checkCharacter(of: scalars.prefix(17)) == scalars.last, "\(id)")
        }
    }

    @Test func theCheckCharacterIsThirtyOneMinusTheWeightedSumModuloThirtyOne() {
        // Weights 3^i mod 31; Σ = 0 gives 31, written 0; Σ ≡ 1 gives 30, the last character Y.
        #expect(UnifiedSocialCreditCode.checkCharacter(of: "00000000000000000".unicodeScalars) == "0")
        #expect(UnifiedSocialCreditCode.checkCharacter(of: "10000000000000000".unicodeScalars) == "Y")
        // A 1 in the second place weighs 3: 31 − 3 = 28, W.
        #expect(UnifiedSocialCreditCode.checkCharacter(of: "01000000000000000".unicodeScalars) == "W")
        #expect(UnifiedSocialCreditCode.problem(in: "000000000000000000") == nil)
        #expect(UnifiedSocialCreditCode.problem(in: "10000000000000000Y") == nil)
        #expect(UnifiedSocialCreditCode.checkCharacter(of: "0000000000000000".unicodeScalars) == nil)
        #expect(UnifiedSocialCreditCode.checkCharacter(of: "0000000000000000I".unicodeScalars) == nil)
    }

    @Test func eachWayACodeIsWrongIsNamed() {
        let cases: [(String, UnifiedSocialCreditCode.Problem)] = [
            ("91331003-MA2J4P6N44", .character("-", position: 9)),
            ("91331003MA2J4P6N44.", .character(".", position: 19)),
            // Cyrillic М (U+041C), which looks like the Latin M.
            ("91331003\u{041C}A2J4P6N44", .character("\u{041C}", position: 9)),
            // Letters the alphabet leaves out, and lower case (the caller normalises, this check does not).
            ("91331003MA2J4P6NI4", .character("I", position: 17)),
            ("91331003MA2J4P6NO4", .character("O", position: 17)),
            ("91331003ma2j4p6n44", .character("m", position: 9)),
            ("91331003MA2J4P6N4", .length(17)),
            ("91331003MA2J4P6N444", .length(19)),
            ("", .length(0)),
            ("91331003MA2J4P6N45", .checkCharacter(expected: "4", found: "5")),
            // Two characters swapped: the weights catch it.
            ("91331003AM2J4P6N44", .checkCharacter(expected: "X", found: "4")),
        ]
        for (code, problem) in cases {
            #expect(UnifiedSocialCreditCode.problem(in: code) == problem, "\(code)")
        }
    }
}
