import Foundation
import Testing

/// The decisions file (`decisions.yaml`) through the built binary: the example's decisions applied as rounds,
/// each kind's errors at their line and column, the hash chain and `decisions seal`.
@Suite struct DecisionsTests {
    static let timeLimit: TimeInterval = 120

    /// A copy of the example tender with its committee and its decisions in `bids/`.
    static func copy() throws -> ExampleTenderCopy {
        let copy = try CommitteeTests.copyWithCommittee()
        try FileManager.default.copyItem(
            at: CLI.root.appendingPathComponent("bids/huangyan-logistics-2020/decisions.yaml"),
            to: copy.folder.appendingPathComponent("bids/decisions.yaml")
        )
        return copy
    }

    func seal(_ copy: ExampleTenderCopy, _ file: String = "bids/decisions.yaml") throws -> CLI.Result {
        try CLI.run(["decisions", "seal", file], in: copy.folder, timeLimit: Self.timeLimit)
    }

    func append(_ copy: ExampleTenderCopy, _ entries: String) throws {
        let url = copy.folder.appendingPathComponent("bids/decisions.yaml")
        try (try copy.text("bids/decisions.yaml") + entries).write(to: url, atomically: true, encoding: .utf8)
    }

    func json(_ copy: ExampleTenderCopy, _ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: copy.folder.appendingPathComponent(path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The bidder's points for a judgement criterion, exact, from `result.json`.
    func unrounded(_ result: [String: Any], bidder: String, criterion: String) throws -> String {
        let results = try #require(result["results"] as? [[String: Any]])
        let entry = try #require(results.first { $0["bidderName"] as? String == bidder })
        let scores = try #require(entry["criterionScores"] as? [[String: Any]])
        let score = try #require(scores.first { $0["criterionID"] as? String == criterion })
        return try #require(score["unrounded"] as? String)
    }

    @Test func theExampleDecisionsApplyAsRounds() throws {
        let copy = try Self.copy()
        defer { copy.remove() }
        let result = try copy.score(["--out", "out"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try copy.text("out/report.md")
        let items = ExampleTenderCopy.items("Recorded decisions", in: report)
        #expect(items.contains("- Member 评委4, 台州市黄岩九峰后勤服务有限公司, Service plan: 6.5 → not counted"))
        #expect(items.contains("- 台州市黄岩九峰后勤服务有限公司, Service plan points: 7 → 7.13"))
        #expect(items.contains("- Member 评委2, 台州瀛海物业服务有限公司, Service plan: 8.5 → 7"))
        #expect(items.contains("- 台州瀛海物业服务有限公司, total: 73.68 → 73.38"))
        #expect(ExampleTenderCopy.items("Dissent", in: report).count == 1)
        // The recusal's mean is of the other four members, exact: (7 + 7.5 + 7 + 7) / 4.
        let json = try self.json(copy, "out/result.json")
        #expect(try unrounded(json, bidder: "台州市黄岩九峰后勤服务有限公司", criterion: "service-plan") == "7.125")
        let decisions = try #require(json["decisions"] as? [String: Any])
        let rounds = try #require(decisions["rounds"] as? [[String: Any]])
        #expect(rounds.map { $0["kind"] as? String } == ["recusal", "correction", "clarification", "dissent"])
        #expect(rounds.allSatisfy { $0["applied"] as? Bool == true })
        let manifest = try self.json(copy, "out/manifest.json")
        #expect(manifest["decisionsHead"] as? String == rounds.last?["hash"] as? String)
        #expect(decisions["head"] as? String == rounds.last?["hash"] as? String)
    }

    @Test func aRoundReportsTheRanksItChanged() throws {
        let copy = try Self.copy()
        defer { copy.remove() }
        try append(
            copy,
            "  - date: 2020-11-20\n    by: 评委1\n    kind: consensus\n    bidder: 浙江永宁城市服务有限公司\n"
                + "    criterion: service-plan\n    score: 10\n    reason: 评标委员会一致认定该方案为最优\n"
        )
        #expect(try seal(copy).stdout == "bids/decisions.yaml: sealed 1 decision\n")
        let result = try copy.score(["--out", "out"])
        #expect(result.status == 0, "\(result.stderr)")
        let items = ExampleTenderCopy.items("Recorded decisions", in: try copy.text("out/report.md"))
        #expect(
            Array(items.suffix(5)) == [
                "- Reason: 评标委员会一致认定该方案为最优",
                "- 浙江永宁城市服务有限公司, Service plan points: 8.1 → 10",
                "- 浙江永宁城市服务有限公司, total: 81.51 → 83.41",
                "- 浙江永宁城市服务有限公司, rank: 2 → 1",
                "- 台州橘乡物业服务有限公司, rank: 1 → 2",
            ]
        )
        let rounds = try #require(
            (try json(copy, "out/result.json")["decisions"] as? [String: Any])?["rounds"] as? [[String: Any]]
        )
        let changes = try #require(rounds.last?["rankChanges"] as? [[String: Any]])
        #expect(changes.map { $0["bidder"] as? String } == ["浙江永宁城市服务有限公司", "台州橘乡物业服务有限公司"])
    }

    @Test func aFromThatIsNotTheCurrentValueAndAnUnflaggedRejectionAreErrorsAtTheirCells() throws {
        let copy = try Self.copy()
        defer { copy.remove() }
        try append(
            copy,
            "  - date: 2020-11-20\n    by: 评委1\n    kind: correction\n    member: 评委2\n"
                + "    bidder: 台州瀛海物业服务有限公司\n    criterion: service-plan\n    from: 8.5\n    to: 7.5\n"
                + "    ground: abnormally-high-or-low\n    reason: 再次复核\n"
                + "  - date: 2020-11-20\n    by: 评委1\n    kind: clarification\n    bidder: 台州市安澜物业服务有限公司\n"
                + "    outcome: rejected\n    reason: 未按时提交说明\n"
        )
        #expect(try seal(copy).status == 0)
        let result = try copy.score(["--out", "out"])
        #expect(result.status == 1)
        #expect(
            copy.stderrLines(result).filter { $0.contains("decisions.yaml") } == [
                "bids/decisions.yaml:42:11: error: decision 5 (correction): 'from' is 8.5 but member '评委2''s current "
                    + "score for '台州瀛海物业服务有限公司' on 'service-plan' is 7 (after an earlier correction)",
                "bids/decisions.yaml:51:14: error: decision 6 (clarification): the price of '台州市安澜物业服务有限公司' "
                    + "is not flagged as abnormally or implausibly low; only a flagged bid is clarified, and only a "
                    + "failed clarification rejects a bid (87号令 Art 60)",
            ]
        )
        // The reports are still written, and say the decisions were not applied.
        let items = ExampleTenderCopy.items("Recorded decisions", in: try copy.text("out/report.md"))
        #expect(
            items.filter { $0.hasPrefix("- Not applied") }.count == 2
        )
    }

    @Test func aRejectedClarificationOfTheFlaggedBidDisqualifiesIt() throws {
        let copy = try Self.copy()
        defer { copy.remove() }
        try copy.edit("bids/decisions.yaml", "outcome: accepted", "outcome: rejected")
        // The edit breaks the chain at the next entry; sealing refuses to repair it.
        let refused = try seal(copy)
        #expect(refused.status == 1)
        #expect(
            copy.stderrLines(refused) == [
                "bids/decisions.yaml:29:15: error: decision 4's 'previous' does not match decision 3 (line 22, column "
                    + "5): decision 3 was edited, or an entry between them was removed or moved, after decision 4 "
                    + "was recorded"
            ]
        )
        // Written anew (the dissent dropped and the file sealed again), the rejection takes the bid out.
        let text = try copy.text("bids/decisions.yaml")
        let kept = text.components(separatedBy: "  - previous: ").prefix(4).joined(separator: "  - previous: ")
        let unsealed = kept.replacingOccurrences(
            of: #"(?m)^  - previous: [0-9a-f]{64}\n    "#,
            with: "  - ",
            options: .regularExpression
        )
        try unsealed.write(
            to: copy.folder.appendingPathComponent("bids/decisions.yaml"),
            atomically: true,
            encoding: .utf8
        )
        #expect(try seal(copy).status == 0)
        let result = try copy.score(["--out", "out"])
        #expect(result.status == 0, "\(result.stderr)")
        let items = ExampleTenderCopy.items("Recorded decisions", in: try copy.text("out/report.md"))
        #expect(items.contains("- 台州青禾环境服务有限公司 (bids/04-qinghe.xml), status: valid → disqualified"))
        #expect(items.contains("- 台州青禾环境服务有限公司, rank: 7 → not ranked"))
    }

    @Test func anEditedRemovedOrReorderedPastEntryIsDetected() throws {
        let copy = try Self.copy()
        defer { copy.remove() }
        let original = try copy.text("bids/decisions.yaml")
        let url = copy.folder.appendingPathComponent("bids/decisions.yaml")
        let entries = original.components(separatedBy: "  - previous: ")
        func run(_ text: String) throws -> [String] {
            try text.write(to: url, atomically: true, encoding: .utf8)
            let result = try copy.score(["--out", "out"])
            #expect(result.status == 1)
            #expect(!FileManager.default.fileExists(atPath: copy.folder.appendingPathComponent("out").path))
            return copy.stderrLines(result)
        }
        #expect(
            try run(original.replacingOccurrences(of: "to: 7\n", with: "to: 6.5\n")) == [
                "bids/decisions.yaml:22:15: error: decision 3's 'previous' does not match decision 2 (line 11, "
                    + "column 5): decision 2 was edited, or an entry between them was removed or moved, after "
                    + "decision 3 was recorded"
            ]
        )
        let removed = ([entries[0], entries[1]] + entries[3...]).joined(separator: "  - previous: ")
        #expect(
            try run(removed) == [
                "bids/decisions.yaml:11:15: error: decision 2's 'previous' does not match decision 1 (line 4, "
                    + "column 5): decision 1 was edited, or an entry between them was removed or moved, after "
                    + "decision 2 was recorded"
            ]
        )
        let reordered = ([entries[0], entries[2], entries[1]] + entries[3...]).joined(separator: "  - previous: ")
        #expect(
            try run(reordered) == [
                "bids/decisions.yaml:4:15: error: decision 1's 'previous' is not the chain's start (64 zeros): an "
                    + "entry before it was removed or the entries were reordered",
                "bids/decisions.yaml:15:15: error: decision 2's 'previous' does not match decision 1 (line 4, "
                    + "column 5): decision 1 was edited, or an entry between them was removed or moved, after "
                    + "decision 2 was recorded",
                "bids/decisions.yaml:22:15: error: decision 3's 'previous' does not match decision 2 (line 15, "
                    + "column 5): decision 2 was edited, or an entry between them was removed or moved, after "
                    + "decision 3 was recorded",
            ]
        )
    }

    @Test func aReplacementArchivesTheReplacedMembersSheetsAndCountsTheNewMember() throws {
        let copy = try Self.copy()
        defer { copy.remove() }
        try append(
            copy.folder.appendingPathComponent("bids/committee.yaml"),
            "  - id: 评委6\n    name: 郑国华\n    role: expert\n"
        )
        // 评委6 scores as 评委5 did, except 5.5 for 瀛海's service plan.
        let sheet = try copy.text("bids/committee-scores.csv").components(separatedBy: "\n")
            .filter { $0.hasPrefix("评委5,") }
            .map { line in
                var row = "评委6" + line.dropFirst("评委5".count)
                if row.hasPrefix("评委6,台州瀛海物业服务有限公司,service-plan,8,") {
                    row = "评委6,台州瀛海物业服务有限公司,service-plan,5.5,人员配置表缺失"
                }
                return row
            }
        try (["member,bidder,criterion,score,reason"] + sheet).joined(separator: "\n")
            .write(to: copy.folder.appendingPathComponent("bids/member-6.csv"), atomically: true, encoding: .utf8)
        try append(
            copy,
            "  - date: 2020-11-20\n    by: 评委1\n    kind: replacement\n    member: 评委5\n    new-member: 评委6\n"
                + "    reason: 评委5 因身体原因无法继续评审，依法补抽评委6\n"
        )
        #expect(try seal(copy).status == 0)
        let result = try copy.score(["--out", "out"])
        #expect(result.status == 0, "\(result.stderr)")
        // The mean of 评委1…4 (5; 7, as corrected; 7; 7.5) and 评委6 (5.5): 32 / 5 = 6.4.
        let json = try self.json(copy, "out/result.json")
        #expect(try unrounded(json, bidder: "台州瀛海物业服务有限公司", criterion: "service-plan") == "6.4")
        let items = ExampleTenderCopy.items("Recorded decisions", in: try copy.text("out/report.md"))
        #expect(
            items.contains { $0.hasPrefix("- Member 评委5: ") && $0.hasSuffix(" scores archived, no longer counted") }
        )
        #expect(items.contains("- 台州瀛海物业服务有限公司, Service plan points: 6.9 → 6.4"))
    }

    func append(_ url: URL, _ text: String) throws {
        let old = try String(contentsOf: url, encoding: .utf8)
        try (old + text).write(to: url, atomically: true, encoding: .utf8)
    }

    @Test func checkValidatesTheDecisionsAndTheirChain() throws {
        let copy = try Self.copy()
        defer { copy.remove() }
        let result = try CLI.run(
            ["check", "rubric.yaml", "--committee", "bids/committee.yaml", "--decisions", "bids/decisions.yaml"],
            in: copy.folder,
            timeLimit: Self.timeLimit
        )
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Decisions: 4 recorded, chain intact (head "))
        try copy.edit("bids/decisions.yaml", "member: 评委4", "member: 评委9")
        let wrong = try CLI.run(
            ["check", "rubric.yaml", "--committee", "bids/committee.yaml", "--decisions", "bids/decisions.yaml"],
            in: copy.folder,
            timeLimit: Self.timeLimit
        )
        #expect(wrong.status == 1)
        #expect(
            copy.stderrLines(wrong) == [
                "bids/decisions.yaml:8:13: error: member '评委9' is not on the committee (bids/committee.yaml); its "
                    + "members are '评委1', '评委2', '评委3', '评委4', '评委5'",
                "bids/decisions.yaml:11:15: error: decision 2's 'previous' does not match decision 1 (line 4, "
                    + "column 5): decision 1 was edited, or an entry between them was removed or moved, after "
                    + "decision 2 was recorded",
            ]
        )
    }

    /// Sealing keeps the file's permissions and refuses a symbolic link, which it would otherwise replace by a
    /// copy, leaving the record it points to unsealed.
    @Test func sealKeepsPermissionsAndRefusesALink() throws {
        let copy = try Self.copy()
        defer { copy.remove() }
        try append(
            copy,
            """
              - date: 2020-11-20
                by: 评委3
                kind: dissent
                member: 评委3
                statement: 我保留意见

            """
        )
        let file = copy.folder.appendingPathComponent("bids/decisions.yaml").path
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        let link = copy.folder.appendingPathComponent("bids/link.yaml").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "decisions.yaml")
        let refused = try seal(copy, "bids/link.yaml")
        #expect(refused.status == 1)
        #expect(
            refused.stderr
                == "bids/link.yaml: error: is a symbolic link; give the file it points to, so the record is rewritten "
                + "in one place\n"
        )
        let sealed = try seal(copy)
        #expect(sealed.status == 0, "\(sealed.stderr)")
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try copy.text("bids/decisions.yaml").contains("previous:"))
    }

}
