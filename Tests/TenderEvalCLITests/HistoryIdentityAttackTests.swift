import Foundation
import TenderTestSupport
import Testing

/// The reviewer's case through the binary: the 2022 tender's 澄江 writes its registration id so that its own
/// record (three unqualified months, a warning) is not matched. The score stays the rubric's neutral value, but
/// the committee is told, in every report, in result.json and beside the criterion; the public notice and the
/// other bidders' letters do not mention it.
@Suite(.serialized) struct HistoryIdentityAttackTests {
    static let name = "台州市黄岩澄江保洁服务有限公司"
    static let registered = "91331003MA2J4P6N44"
    static let contract =
        "HYJG-2021-FW-004-HT01 (registration id 91331003MA2J4P6N44; 12 scored months, 1 past-performance warning in "
        + "2019-03 … 2022-02)"

    /// The example history in `folder` (recorded once per test) and a copy of the 2022 bids in `folder/<name>`
    /// with 澄江's registration id element replaced by `element`.
    static func bids(named name: String, in folder: URL, element: String) throws -> String {
        let bids = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: bids, withIntermediateDirectories: true)
        let source = CLI.root.appendingPathComponent("bids/huangyan-conference-2022")
        for file in try FileManager.default.contentsOfDirectory(atPath: source.path) where file.hasSuffix(".xml") {
            try FileManager.default.copyItem(
                at: source.appendingPathComponent(file),
                to: bids.appendingPathComponent(file)
            )
        }
        let bid = bids.appendingPathComponent("02-chengjiang.xml")
        let original = try String(contentsOf: bid, encoding: .utf8)
        let written = "<registration-id scheme=\"USCC\">\(registered)</registration-id>"
        #expect(original.contains(written))
        try original.replacingOccurrences(of: written, with: element).write(to: bid, atomically: true, encoding: .utf8)
        return name
    }

    static func score(_ bids: String, in folder: URL, language: String, out: String) throws -> CLI.Result {
        try CLI.run(
            [
                "score", CLI.root.appendingPathComponent("rubrics/huangyan-conference-2022.yaml").path, bids, "--db",
                "tender-eval.sqlite", "--out", out, "--lang", language, "--public",
            ],
            in: folder
        )
    }

    @Test func anIDWrittenWithAHyphenIsFlaggedEverywhereTheCommitteeLooks() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try PerformanceExampleTests.recordExampleYear(in: folder)
        let hidden = "91331003-MA2J4P6N44"
        let bids = try Self.bids(
            named: "bids",
            in: folder,
            element: "<registration-id scheme=\"USCC\">\(hidden)</registration-id>"
        )
        let scored = try Self.score(bids, in: folder, language: "en", out: "en")
        #expect(scored.status == 0, "\(scored.stderr)")
        // The neutral 6 still applies (the rubric says so) and the warning is not raised: the flag is.
        #expect(
            scored.stdout.contains("first: \(Self.name) with 89.67 points; 1 flag for the committee"),
            "\(scored.stdout)"
        )

        let report = try String(contentsOf: folder.appendingPathComponent("en/report.md"), encoding: .utf8)
        let flag =
            "- Bidder identity for the performance history — \(Self.name) (bids/02-chengjiang.xml): the name matches "
            + "the contractor of \(Self.contract), but the bid gives \(hidden), which is not a valid 统一社会信用代码 "
            + "(character 9, '-', is not one the code uses) — the history was not applied; the committee should "
            + "verify the bidder's identity; for the committee's attention only: it changes no score (a bid that "
            + "matches no contract keeps the rubric's neutral value) and excludes no bid"
        // In the committee's flags and in the bid's own section.
        #expect(report.components(separatedBy: flag).count == 3, "\(report)")
        #expect(
            report.contains(
                "| registration id \(hidden) is not a valid 统一社会信用代码 (character 9, '-', is not one the code "
                    + "uses): no contract can be matched; not applied, under the bidder's name with another "
                    + "registration id: \(Self.contract) | neutral 6 (FAR 15.305(a)(2)(iv)) — see flag: the committee "
                    + "should verify the bidder's identity | 6.00 |"
            )
        )
        #expect(!report.contains("Past-performance warning"))

        let json = try JSONSerialization.jsonObject(
            with: Data(contentsOf: folder.appendingPathComponent("en/result.json"))
        )
        let result = try #require(json as? [String: Any])
        let flags = try #require(result["flags"] as? [[String: Any]])
        #expect(flags.count == 1)
        let identity = try #require(flags.first)
        #expect(identity["type"] as? String == "history-identity")
        #expect(identity["bidder"] as? String == Self.name)
        #expect(identity["registrationID"] as? String == hidden)
        let problem = try #require(identity["registrationIDProblem"] as? [String: Any])
        #expect(problem["kind"] as? String == "not-a-credit-code")
        let sameName = try #require(identity["sameName"] as? [[String: Any]])
        #expect(sameName.map { $0["contractID"] as? String } == ["HYJG-2021-FW-004-HT01"])
        #expect(sameName.first?["warnings"] as? Int == 1)
        let bidResults = try #require(result["results"] as? [[String: Any]])
        let chengjiang = try #require(bidResults.first { $0["bidderName"] as? String == Self.name })
        #expect((chengjiang["flags"] as? [[String: Any]])?.map { $0["type"] as? String } == ["history-identity"])

        // The committee's words stay in the room: the notice and the other bidders' letters do not carry them.
        let letters = try FileManager.default.contentsOfDirectory(
            atPath: folder.appendingPathComponent("en/letters").path
        ).filter { $0.hasSuffix(".md") }
        #expect(letters.count == 3, "\(letters)")
        for document in ["public/notice.md", "public/notice.html"] + letters.map({ "letters/" + $0 })
        where !document.contains("MA2J4P6N44") {
            let text = try String(contentsOf: folder.appendingPathComponent("en/" + document), encoding: .utf8)
            #expect(!text.contains("HYJG-2021-FW-004-HT01"), "\(document)")
            #expect(!text.contains("identity"), "\(document)")
        }

        let chinese = try Self.score(bids, in: folder, language: "zh", out: "zh")
        #expect(chinese.status == 0, "\(chinese.stderr)")
        let zh = try String(contentsOf: folder.appendingPathComponent("zh/report.md"), encoding: .utf8)
        #expect(
            zh.contains(
                "- 履约历史身份待核实（\(Self.name)，bids/02-chengjiang.xml）：投标人名称与合同 HYJG-2021-FW-004-HT01"
                    + "（统一社会信用代码 91331003MA2J4P6N44；2019-03 … 2022-02 期间 12 个月考评、1 项履约警示）的供应商相同，"
                    + "但投标文件填写的是 \(hidden)，不是有效的统一社会信用代码（第 9 位字符“-”不在代码字符集内）——该履约历史"
                    + "未予采用；请评标委员会核实投标人身份；仅提请评标委员会注意，不改变任何得分（未匹配到合同的投标按评分细则"
                    + "给予中性分），也不否决投标"
            ),
            "\(zh)"
        )

        // Leaving the id out altogether is flagged the same way.
        let omitted = try Self.bids(named: "omitted", in: folder, element: "")
        let without = try Self.score(omitted, in: folder, language: "en", out: "omitted-out")
        #expect(without.status == 0, "\(without.stderr)")
        let omittedReport = try String(
            contentsOf: folder.appendingPathComponent("omitted-out/report.md"),
            encoding: .utf8
        )
        #expect(
            omittedReport.contains(
                "- Bidder identity for the performance history — \(Self.name) (omitted/02-chengjiang.xml): the name "
                    + "matches the contractor of \(Self.contract), but the bid gives no registration id — the history "
                    + "was not applied"
            ),
            "\(omittedReport)"
        )
    }

    /// The other way round: a bidder that gives ANOTHER company's registration id under its own name takes that
    /// company's record; the points follow the id (the rubric matches by id), and the committee is told to check
    /// that the bidder is that contractor.
    @Test func anotherCompanysIDUnderTheBiddersOwnNameIsFlagged() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try PerformanceExampleTests.recordExampleYear(in: folder)
        let bids = folder.appendingPathComponent("bids")
        try FileManager.default.createDirectory(at: bids, withIntermediateDirectories: true)
        let source = CLI.root.appendingPathComponent("bids/huangyan-conference-2022")
        for file in ["02-chengjiang.xml", "03-mingyuan.xml"] {
            try FileManager.default.copyItem(
                at: source.appendingPathComponent(file),
                to: bids.appendingPathComponent(file)
            )
        }
        // 明远 (no record of its own) writes 橘乡's registration id; 橘乡 itself does not bid.
        let bid = bids.appendingPathComponent("03-mingyuan.xml")
        let original = try String(contentsOf: bid, encoding: .utf8)
        #expect(original.contains("91331002MA2HC83D9R"))
        try original.replacingOccurrences(of: "91331002MA2HC83D9R", with: "91331003MA2D9FX61W")
            .write(to: bid, atomically: true, encoding: .utf8)
        let scored = try Self.score("bids", in: folder, language: "en", out: "en")
        let report = try String(contentsOf: folder.appendingPathComponent("en/report.md"), encoding: .utf8)
        #expect(
            report.contains(
                "- Bidder identity for the performance history — 台州市椒江明远会务服务有限公司 (bids/03-mingyuan.xml): the "
                    + "bid's registration id is that of the contractor of HYJG-2020-FW-017-HT01 (台州橘乡物业服务有限公司), "
                    + "under another name — the history was applied; the committee should verify that the bidder is "
                    + "that contractor (a change of name shows in its registration)"
            ),
            "\(scored.stderr)"
        )
        let json = try String(contentsOf: folder.appendingPathComponent("en/result.json"), encoding: .utf8)
        #expect(json.contains("\"otherName\":[{\"buyer\""))
    }
}
