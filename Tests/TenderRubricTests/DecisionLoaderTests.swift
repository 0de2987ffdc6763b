import Foundation
import TenderCore
import TenderModel
import Testing

@testable import TenderRubric

/// The decisions loader: each kind, dates, members, criteria, values and the hash chain. The chain's digest is a
/// stand-in here (the pipeline passes SHA-256; the built binary's tests cover that): what is tested is which
/// bytes are hashed and which links are checked.
@Suite struct DecisionLoaderTests {
    /// FNV-1a over the bytes, as 64 hex digits: deterministic and sensitive to every byte.
    static func digest(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 64 - hex.count) + hex
    }

    static func committee() throws -> Committee {
        try CommitteeLoader.load(
            bytes: Array(CommitteeLoaderTests.five.utf8),
            file: "committee.yaml",
            rubric: CommitteeLoaderTests.rubric()
        )
    }

    /// `entries` sealed (every `previous` filled in), then loaded.
    static func load(_ entries: [String]) throws -> Result<DecisionLog, DiagnosticError> {
        let sealed = try seal(entries)
        let rubric = try CommitteeLoaderTests.rubric()
        let committee = try Self.committee()
        return Result { () throws(DiagnosticError) in
            try DecisionLoader.load(
                bytes: sealed,
                file: "decisions.yaml",
                rubric: rubric,
                committee: committee,
                sha256: digest
            )
        }
    }

    static func seal(_ entries: [String]) throws -> [UInt8] {
        let text = "decisions:\n" + entries.joined()
        return try DecisionLoader.seal(bytes: Array(text.utf8), file: "decisions.yaml", sha256: digest).bytes
    }

    static func errors(_ entries: [String]) throws -> [String] {
        switch try load(entries) {
        case .success: return []
        case .failure(let error): return error.diagnostics.map(\.description)
        }
    }

    static func entry(_ kind: String, date: String = "2020-11-20", by: String = "e1", _ fields: String) -> String {
        "  - date: \(date)\n    by: \(by)\n    kind: \(kind)\n    reason: 理由\n" + fields
    }

    static let recusal = entry("recusal", "    member: e4\n    bidder: 台州市黄岩九峰后勤服务有限公司\n")
    static let correction = entry(
        "correction",
        "    member: e2\n    bidder: 台州瀛海物业服务有限公司\n    criterion: service-plan\n    from: 8.5\n    to: 7\n"
            + "    ground: 经评审委员会认定评分畸高、畸低\n"
    )

    @Test func everyKindLoads() throws {
        let entries = [
            Self.recusal,
            Self.correction,
            Self.entry("replacement", "    member: e3\n    new-member: p1\n"),
            Self.entry("clarification", by: "张明", "    bidder: 台州青禾环境服务有限公司\n    outcome: accepted\n"),
            Self.entry("duplicate", "    bidder: 台州青禾环境服务有限公司\n    file: bids/04-qinghe.xml\n"),
            Self.entry("consensus", "    bidder: 台州青禾环境服务有限公司\n    criterion: service-plan\n    score: 6.5\n"),
            "  - date: 2020-11-20\n    by: e3\n    kind: dissent\n    member: e3\n    statement: 本人不同意\n",
        ]
        let log = try Self.load(entries).get()
        #expect(
            log.decisions.map(\.kind.keyword) == [
                "recusal", "correction", "replacement", "clarification", "duplicate", "consensus", "dissent",
            ]
        )
        #expect(
            log.decisions[1].kind
                == .correction(
                    ScoreCorrection(
                        member: "e2",
                        bidder: "台州瀛海物业服务有限公司",
                        criterion: "service-plan",
                        from: try Points(parsing: "8.5"),
                        to: try Points(parsing: "7"),
                        ground: .abnormallyHighOrLow
                    )
                )
        )
        #expect(
            log.decisions[5].kind
                == .consensus(bidder: "台州青禾环境服务有限公司", criterion: "service-plan", score: try Points(parsing: "6.5"))
        )
        #expect(log.decisions[6].kind == .dissent(member: "e3", statement: "本人不同意"))
        #expect(log.head == log.decisions[6].hash)
        #expect(log.decisions[0].location == SourceLocation(file: "decisions.yaml", line: 2, column: 5))
    }

    @Test func theCanonicalFormIsSortedKeysWithEscapedValues() {
        let bytes = DecisionCanonicalForm.bytes([("reason", "a\\b\nc\r"), ("by", "e1"), ("date", "2020-11-20")])
        #expect(String(decoding: bytes, as: UTF8.self) == "by=e1\ndate=2020-11-20\nreason=a\\\\b\\nc\\r\n")
    }

    @Test func aMemberIsNamedByIdOrNameAndMustSitOnTheCommittee() throws {
        let log = try Self.load([Self.entry("recusal", "    member: 名e4\n    bidder: x\n")]).get()
        #expect(log.decisions[0].kind == .recusal(member: "e4", bidder: "x"))
        #expect(
            try Self.errors([Self.entry("recusal", "    member: e9\n    bidder: x\n")]) == [
                "decisions.yaml:7:13: error: member 'e9' is not on the committee (committee.yaml); its members are "
                    + "'e1', 'e2', 'e3', 'e4', 'p1'"
            ]
        )
    }

    @Test func datesMustBeRealAndWithinTheEvaluation() throws {
        #expect(
            try Self.errors([Self.entry("recusal", date: "2020-02-30", "    member: e4\n    bidder: x\n")]) == [
                "decisions.yaml:3:11: error: 'date' must be a calendar date YYYY-MM-DD, found '2020-02-30'"
            ]
        )
        #expect(
            try Self.errors([Self.entry("recusal", date: "2020-11-18", "    member: e4\n    bidder: x\n")]) == [
                "decisions.yaml:3:11: error: date 2020-11-18 is before the submission deadline (2020-11-19); the "
                    + "committee decides after the bids are opened"
            ]
        )
        #expect(
            try Self.errors([Self.entry("recusal", date: "2020-11-21", "    member: e4\n    bidder: x\n")]) == [
                "decisions.yaml:3:11: error: date 2020-11-21 is after the rubric's evaluation date (2020-11-20); a "
                    + "decision made later belongs to a later evaluation: set the rubric's evaluation-date to the day "
                    + "of the run"
            ]
        )
    }

    @Test func correctionValuesAndGroundsAreChecked() throws {
        let wrong = Self.correction.replacingOccurrences(of: "to: 7\n", with: "to: 10.5\n")
            .replacingOccurrences(of: "经评审委员会认定评分畸高、畸低", with: "评委不满意")
        let errors = try Self.errors([wrong])
        #expect(
            errors == [
                "decisions.yaml:11:9: error: 'to' 10.5 is outside 0…10, the points of 'service-plan'",
                "decisions.yaml:12:13: error: 'ground' must be one of the grounds of 87号令 Art 64: summation-error "
                    + "(分值汇总计算错误), out-of-range (分项评分超出评分标准规定的分值范围), objective-inconsistent "
                    + "(客观评审因素评分不一致), abnormally-high-or-low (经评审委员会认定评分畸高、畸低); found '评委不满意'",
            ]
        )
        let offStep = Self.correction.replacingOccurrences(of: "to: 7\n", with: "to: 7.25\n")
        #expect(
            try Self.errors([offStep]) == [
                "decisions.yaml:11:9: error: 'to' 7.25 is not a multiple of the step 0.5 of 'service-plan'"
            ]
        )
        let objective = Self.correction.replacingOccurrences(of: "service-plan", with: "price")
        #expect(
            try Self.errors([objective]).first?.hasPrefix(
                "decisions.yaml:9:16: error: criterion 'price' is not scored by the committee"
            ) == true
        )
    }

    @Test func unknownKindsKeysAndOutcomesAreErrors() throws {
        #expect(
            try Self.errors([Self.entry("veto", "")]) == [
                "decisions.yaml:5:11: error: unknown decision kind 'veto'; expected one of: correction, recusal, "
                    + "replacement, clarification, duplicate, consensus, dissent"
            ]
        )
        let errors = try Self.errors([Self.entry("clarification", "    bidder: x\n    outcome: maybe\n    score: 3\n")])
        #expect(
            errors == [
                "decisions.yaml:8:14: error: 'outcome' must be accepted or rejected (non-responsive), found 'maybe'",
                "decisions.yaml:9:5: error: unknown key 'score' in a clarification decision; expected one of: previous, "
                    + "date, by, kind, reason, bidder, outcome",
            ]
        )
    }

    @Test func sealFillsInEveryPreviousAndChecksTheSealedOnes() throws {
        let once = try Self.seal([Self.recusal])
        let text = String(decoding: once, as: UTF8.self)
        #expect(text.hasPrefix("decisions:\n  - previous: \(DecisionChain.genesis)\n    date: 2020-11-20\n"))
        let appended = Array((text + Self.correction).utf8)
        let twice = try DecisionLoader.seal(bytes: appended, file: "decisions.yaml", sha256: Self.digest)
        #expect(twice.sealed == 1)
        let again = try DecisionLoader.seal(bytes: twice.bytes, file: "decisions.yaml", sha256: Self.digest)
        #expect(again.sealed == 0)
        #expect(again.bytes == twice.bytes)
    }

    @Test func anEditedRemovedOrReorderedEntryBreaksTheChain() throws {
        let sealed = String(decoding: try Self.seal([Self.recusal, Self.correction, Self.recusal]), as: UTF8.self)
        let rubric = try CommitteeLoaderTests.rubric()
        let committee = try Self.committee()
        func errors(_ text: String) -> [String] {
            do {
                _ = try DecisionLoader.load(
                    bytes: Array(text.utf8),
                    file: "decisions.yaml",
                    rubric: rubric,
                    committee: committee,
                    sha256: Self.digest
                )
                return []
            } catch {
                return error.diagnostics.map(\.description)
            }
        }
        #expect(errors(sealed).isEmpty)
        let edited = sealed.replacingOccurrences(of: "to: 7\n", with: "to: 6\n")
        #expect(
            errors(edited) == [
                "decisions.yaml:20:15: error: decision 3's 'previous' does not match decision 2 (line 9, column 5): "
                    + "decision 2 was edited, or an entry between them was removed or moved, after decision 3 was "
                    + "recorded"
            ]
        )
        let entries = sealed.components(separatedBy: "  - previous: ")
        let removed = ([entries[0], entries[1]] + entries[3...]).joined(separator: "  - previous: ")
        #expect(
            errors(removed) == [
                "decisions.yaml:9:15: error: decision 2's 'previous' does not match decision 1 (line 2, column 5): "
                    + "decision 1 was edited, or an entry between them was removed or moved, after decision 2 was "
                    + "recorded"
            ]
        )
        let unsealed = "decisions:\n" + Self.recusal
        #expect(
            errors(unsealed) == [
                "decisions.yaml:2:5: error: decision 1 has no 'previous' (the hash of the entry before it); run "
                    + "'tender-eval decisions seal decisions.yaml' after appending decisions"
            ]
        )
        // Sealing never repairs: a broken link stops it.
        #expect(throws: DiagnosticError.self) {
            try DecisionLoader.seal(bytes: Array(edited.utf8), file: "decisions.yaml", sha256: Self.digest)
        }
    }
}
