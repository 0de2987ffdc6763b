import Foundation
import TenderTestSupport
import Testing

/// `tender-eval explain` prints any one bid's full explanation, found by name, registration id or file.
@Suite struct ExplainTests {
    static let arguments = ["explain", "rubrics/huangyan-logistics-2020.yaml", "bids/huangyan-logistics-2020"]

    @Test(arguments: [
        "台州橘乡物业服务有限公司", " 台州橘乡\u{200B}物业服务有限公司 ", "91331003ma2d9fx61w",
        "bids/huangyan-logistics-2020/05-juxiang.xml",
    ])
    func findsTheBidByNameIdOrFile(bidder: String) throws {
        let result = try CLI.run(Self.arguments + ["--bidder", bidder, "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("### Rank 1 — 台州橘乡物业服务有限公司"))
        #expect(result.stdout.contains("- **File**: bids/huangyan-logistics-2020/05-juxiang.xml"))
        #expect(
            result.stdout.contains(
                "P_min / P_i × 30 = 6,318,000.00 / 8,936,400.00 × 30 = 21.2098… | 21.2098… → 21.21 |"
            )
        )
        // Only that bid: no other bidder's section.
        #expect(result.stdout.components(separatedBy: "\n### ").count == 2)
    }

    @Test func explainsWhatTheReportSaysOfThatBid() throws {
        let folder = try CLI.temporaryFolder()
        _ = try CLI.run([
            "score", "rubrics/huangyan-logistics-2020.yaml", "bids/huangyan-logistics-2020", "--out", folder.path,
            "--lang", "en",
        ])
        let report = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        let explained = try CLI.run(Self.arguments + ["--bidder", "台州橘乡物业服务有限公司", "--lang", "en"]).stdout
        let section = explained.components(separatedBy: "\n### ").dropFirst().joined()
        #expect(!section.isEmpty)
        #expect(report.contains(section.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    @Test func aBidderNoBidNamesIsAnError() throws {
        let result = try CLI.run(Self.arguments + ["--bidder", "无此公司"])
        #expect(result.status == 1)
        #expect(
            result.stderr.hasSuffix(
                "error: no bid of a bidder named or registered as '无此公司', nor a bid file of that name, among the 9 "
                    + "bids\n"
            )
        )
        #expect(result.stdout.isEmpty)
    }

    /// Above 200 bids the reports explain in full only the first three ranks and the flagged, tied or disputed
    /// bids; every other bid is one `explain` away, and result.json still holds every bid.
    @Test func largeTendersExplainTheBidsAReaderWillReadAndExplainGivesAnyOther() throws {
        let folder = try CLI.temporaryFolder()
        let tender = folder.appendingPathComponent("tender")
        let generated = try CLI.runProgram(
            CLI.bench.path,
            ["files", "--bids", "250", "--criteria", "12", "--seed", "5", "--out", tender.path]
        )
        #expect(generated.status == 0, "\(generated.stderr)")
        let rubric = tender.appendingPathComponent("rubric.yaml").path
        let bids = tender.appendingPathComponent("bids").path
        let out = folder.appendingPathComponent("out")
        let scored = try CLI.run(["score", rubric, bids, "--out", out.path, "--lang", "en"])
        #expect(scored.status == 0 || scored.status == 2, "\(scored.stderr)")
        let report = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        // Bid sections are the level-3 headings of "Bids in detail" (the summary has level-3 headings too).
        let details = report.components(separatedBy: "\n## Bids in detail\n").last ?? ""
        let explained = details.components(separatedBy: "\n## ").first?.components(separatedBy: "\n### ").count ?? 1
        let explainedCount = explained - 1
        #expect(explainedCount > 0 && explainedCount < 250)
        #expect(report.contains("This report explains \(explainedCount) of the 250 bids in full"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("result.json")))
        #expect(((json as? [String: Any])?["results"] as? [Any])?.count == 250)

        // A bid the report does not explain: explain prints its section.
        let files = try FileManager.default.contentsOfDirectory(atPath: bids).filter { $0.hasSuffix(".xml") }.sorted()
        let unexplained = try #require(files.first { !report.contains("- **File**: \(bids)/\($0)") })
        let result = try CLI.run(["explain", rubric, bids, "--bidder", "\(bids)/\(unexplained)", "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("- **File**: \(bids)/\(unexplained)"))
    }
}
