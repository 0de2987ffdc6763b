import Foundation
import Testing

/// The `duplicate` and `consensus` decisions, a recusal that settles a declared conflict, and a rewritten last
/// decision, through the built binary. Each test writes its own score sheet from code (the example's sheets
/// may change format), so the expected values follow from the scores below.
@Suite struct DecisionKindsTests {
    static let timeLimit: TimeInterval = 120
    static let members = ["评委1", "评委2", "评委3", "评委4", "评委5"]
    static let bidders = [
        "台州市安澜物业服务有限公司", "浙江鸿宇后勤管理集团有限公司", "台州金桥物业管理有限公司", "台州青禾环境服务有限公司",
        "台州橘乡物业服务有限公司", "浙江永宁城市服务有限公司", "台州市黄岩九峰后勤服务有限公司", "台州瀛海物业服务有限公司",
        "台州市黄岩澄江保洁服务有限公司",
    ]
    static let jiufeng = "台州市黄岩九峰后勤服务有限公司"

    /// The example's rubric, bids and committee, with one sheet in which every member gives every bidder 8, 8
    /// and 5 (with a reason); `blank` members leave a bidder's scores empty and declare a conflict with it.
    static func copy(blank: [(member: String, bidder: String)] = []) throws -> ExampleTenderCopy {
        let copy = try CommitteeTests.copyWithCommittee()
        let bids = copy.folder.appendingPathComponent("bids")
        for name in try FileManager.default.contentsOfDirectory(atPath: bids.path)
        where !name.hasSuffix(".xml") && name != "committee.yaml" {
            try FileManager.default.removeItem(at: bids.appendingPathComponent(name))
        }
        var rows = ["member,bidder,criterion,score,reason,no-conflict"]
        for member in members {
            for bidder in bidders {
                let conflict = blank.contains { $0.member == member && $0.bidder == bidder }
                for (index, (criterion, score)) in [
                    ("service-plan", "8"), ("quality-assurance", "8"), ("emergency-plan", "5"),
                ]
                .enumerated() {
                    let declared = index == 0 ? (conflict ? "否" : "是") : ""
                    rows.append(
                        "\(member),\(bidder),\(criterion),\(conflict ? "" : score),\(conflict ? "" : "论述不够具体"),\(declared)"
                    )
                }
            }
        }
        try rows.joined(separator: "\n").write(
            to: bids.appendingPathComponent("sheet.csv"),
            atomically: true,
            encoding: .utf8
        )
        return copy
    }

    /// Writes `entries` (unsealed) as the decisions file and seals it with the binary.
    static func decide(_ copy: ExampleTenderCopy, _ entries: [String], append: Bool = false) throws {
        let url = copy.folder.appendingPathComponent("bids/decisions.yaml")
        let start = append ? try copy.text("bids/decisions.yaml") : "decisions:\n"
        try (start + entries.joined()).write(to: url, atomically: true, encoding: .utf8)
        let sealed = try CLI.run(["decisions", "seal", "bids/decisions.yaml"], in: copy.folder, timeLimit: timeLimit)
        #expect(sealed.status == 0, "\(sealed.stderr)")
    }

    static func entry(_ kind: String, _ fields: String, reason: String = "评标委员会讨论决定") -> String {
        "  - date: 2020-11-20\n    by: 评委1\n    kind: \(kind)\n" + fields + "    reason: \(reason)\n"
    }

    static func json(_ copy: ExampleTenderCopy, _ path: String = "out/result.json") throws -> [String: Any] {
        let data = try Data(contentsOf: copy.folder.appendingPathComponent(path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func result(_ json: [String: Any], file: String) throws -> [String: Any] {
        let results = try #require(json["results"] as? [[String: Any]])
        return try #require(results.first { $0["file"] as? String == file })
    }

    @Test func aConsensusCountsTheAgreedScoreAndShowsTheMeanBesideIt() throws {
        let copy = try Self.copy()
        defer { copy.remove() }
        try Self.decide(
            copy,
            [
                Self.entry(
                    "consensus",
                    "    bidder: 台州橘乡物业服务有限公司\n    criterion: service-plan\n    score: 9.5\n"
                )
            ]
        )
        let result = try copy.score(["--out", "out"])
        #expect(result.status == 0, "\(result.stderr)")
        let section = ExampleTenderCopy.section("Recorded decisions", in: try copy.text("out/report.md"))
        #expect(
            section.contains {
                $0.contains("Consensus: 台州橘乡物业服务有限公司, Service plan counts 9.5 points, agreed by the committee")
            }
        )
        #expect(
            section.filter { $0.hasPrefix("- ") } == [
                "- Reason: 评标委员会讨论决定",
                "- 台州橘乡物业服务有限公司, Service plan points: 8 → 9.5",
                "- 台州橘乡物业服务有限公司, total: 81.41 → 82.91",
            ]
        )
        let juxiang = try Self.result(try Self.json(copy), file: "bids/05-juxiang.xml")
        let scores = try #require(juxiang["criterionScores"] as? [[String: Any]])
        let plan = try #require(scores.first { $0["criterionID"] as? String == "service-plan" })
        #expect(plan["unrounded"] as? String == "9.5")
        let basis = try #require(plan["basis"] as? [String: Any])
        #expect(basis["consensus"] as? String == "9.5")
        #expect((basis["scores"] as? [[String: Any]])?.count == 5)
    }

    @Test func aDuplicateDecisionReleasesTheHoldAndSetsTheOtherBidAside() throws {
        let copy = try Self.copy()
        defer { copy.remove() }
        let original = copy.folder.appendingPathComponent("bids/05-juxiang.xml")
        try FileManager.default.copyItem(
            at: original,
            to: copy.folder.appendingPathComponent("bids/10-juxiang-resubmitted.xml")
        )
        let held = try copy.score(["--out", "held"])
        #expect(held.status == 4, "\(held.stderr)")
        #expect((try Self.json(copy, "held/result.json"))["status"] as? String == "cannot-conclude")
        try Self.decide(
            copy,
            [
                Self.entry(
                    "duplicate",
                    "    bidder: 台州橘乡物业服务有限公司\n    file: bids/10-juxiang-resubmitted.xml\n",
                    reason: "投标人书面确认以第二份投标文件为准"
                )
            ]
        )
        let decided = try copy.score(["--out", "out"])
        #expect(decided.status == 0, "\(decided.stderr)")
        let json = try Self.json(copy)
        #expect(json["status"] as? String == "final")
        #expect(try Self.result(json, file: "bids/10-juxiang-resubmitted.xml")["status"] as? String == "valid")
        let setAside = try Self.result(json, file: "bids/05-juxiang.xml")
        #expect(setAside["status"] as? String == "not-evaluated")
        let problems = try #require(setAside["problems"] as? [[String: Any]])
        #expect(
            problems.map { $0["message"] as? String } == [
                "set aside: the committee decided that bids/10-juxiang-resubmitted.xml is the bid of this bidder "
                    + "(decision 1, 2020-11-20)"
            ]
        )
    }

    @Test func aDeclaredConflictIsPreliminaryUntilTheRecusalIsRecorded() throws {
        let copy = try Self.copy(blank: [("评委4", Self.jiufeng)])
        defer { copy.remove() }
        let waiting = try copy.score(["--out", "waiting"])
        #expect(waiting.status == 3, "\(waiting.stderr)")
        let report = try copy.text("waiting/report.md")
        #expect(
            report.contains(
                "评委4 declared a conflict of interest with \(Self.jiufeng) (bids/sheet.csv:"
            )
        )
        #expect(report.contains("): the committee must record the recusal"))
        #expect((try Self.json(copy, "waiting/result.json"))["status"] as? String == "preliminary")

        try Self.decide(
            copy,
            [Self.entry("recusal", "    member: 评委4\n    bidder: \(Self.jiufeng)\n", reason: "评委4 申请回避")]
        )
        let final = try copy.score(["--out", "out"])
        #expect(final.status == 0, "\(final.stderr)")
        let json = try Self.json(copy)
        #expect(json["status"] as? String == "final")
        #expect((json["outstanding"] as? [Any])?.isEmpty ?? true)
    }

    @Test func aRewrittenLastDecisionIsRefusedAgainstTheEarlierReports() throws {
        let copy = try Self.copy()
        defer { copy.remove() }
        let consensus = Self.entry(
            "consensus",
            "    bidder: 台州橘乡物业服务有限公司\n    criterion: service-plan\n    score: 9.5\n"
        )
        try Self.decide(copy, [consensus])
        #expect(try copy.score(["--out", "out"]).status == 0)
        let earlier = try copy.text("out/report.md")
        let manifest = try Self.json(copy, "out/manifest.json")
        let head = try #require(manifest["decisionsHead"] as? String)

        // The last (only) entry rewritten and sealed again: the chain is intact, its head is not the recorded one.
        try Self.decide(copy, [consensus.replacingOccurrences(of: "score: 9.5", with: "score: 10")])
        let refused = try copy.score(["--out", "out", "--force"])
        #expect(refused.status == 1)
        let newHead = try #require(
            try Self.json(copy, "out/manifest.json")["decisionsHead"] as? String
        )
        #expect(newHead == head)
        #expect(try copy.text("out/report.md") == earlier)
        let line = try #require(copy.stderrLines(refused).last)
        #expect(
            line.hasPrefix(
                "out/manifest.json: error: the reports in this folder were made from decisions whose last entry has the hash \(head), and no entry of 'bids/decisions.yaml' has that hash now (its head is "
            )
        )
        #expect(
            line.hasSuffix(
                "): a recorded decision was edited or removed after those reports were written; nothing was replaced: "
                    + "restore the earlier entry and append the change as a new decision, or write the reports to "
                    + "another folder to keep the earlier ones beside them"
            )
        )
        // Another folder takes the rewritten record; appending to the original record replaces the reports.
        #expect(try copy.score(["--out", "rewritten"]).status == 0)
        try Self.decide(copy, [consensus])
        try Self.decide(copy, [Self.entry("dissent", "    member: 评委3\n    statement: 本人保留意见\n")], append: true)
        let appended = try copy.score(["--out", "out", "--force"])
        #expect(appended.status == 0, "\(appended.stderr)")
        #expect(try Self.json(copy, "out/manifest.json")["decisionsHead"] as? String != head)
    }
}
