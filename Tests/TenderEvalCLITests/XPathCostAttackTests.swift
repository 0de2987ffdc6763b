import Foundation
import TenderTestSupport
import Testing

/// Issue 7, items 6 and 7, second round: work libxml2's operation count misses is bounded by a per-bid time
/// budget, and an expression that fails in every bid is the rubric's error, not a zero for every bidder. Every
/// test runs the built binary as a real process with a time limit.
@Suite struct XPathCostAttackTests {
    /// Builds the string value of the whole bid for each staff record: quadratic in the bid's size, and almost
    /// free against libxml2's operation count (about 36 s over 20,000 records, whatever the operation budget).
    static let wholeDocumentPerRecord = "count(b:capability/b:staff/b:person[string-length(/) > 0])"

    static func outOfTime(_ file: String, seconds: Int) -> String {
        "\(file): error: reading this bid and evaluating the rubric's expressions in it took more than \(seconds) "
            + "second\(seconds == 1 ? "" : "s") of processor time; raise --max-seconds-per-bid if the rubric really needs that much time for one bid (unlike "
            + "--max-xpath-operations, this safety net depends on the speed of the machine)\n"
    }

    /// The example tender's bids plus one with `staff` extra staff records, next to a rubric whose
    /// certified-staff criterion is `expression`.
    static func tender(expression: String, staff: Int) throws -> URL {
        let folder = try XPathAttackTests.rubric(withExpression: expression)
        let bids = folder.appendingPathComponent("bids")
        try FileManager.default.copyItem(at: XPathAttackTests.exampleBids, to: bids)
        try XPathAttackTests.largeBid(staff: staff).write(to: bids.appendingPathComponent("10-large.xml"))
        return folder
    }

    @Test func aBidOverItsTimeIsNotEvaluatedAndTheOthersAreRanked() throws {
        let folder = try Self.tender(expression: Self.wholeDocumentPerRecord, staff: 20_000)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        // The operation budget alone does not stop it; the time budget does, and the run ends soon after.
        let result = try CLI.run(
            [
                "score", "rubric.yaml", "bids", "--out", out.path, "--lang", "en", "--max-xpath-operations", "200000",
                "--max-seconds-per-bid", "2",
            ],
            in: folder,
            timeLimit: 30
        )
        #expect(!result.timedOut)
        #expect(result.status == 4)
        #expect(result.stderr.hasSuffix(Self.outOfTime("bids/10-large.xml", seconds: 2)))
        let csv = String(decoding: try Data(contentsOf: out.appendingPathComponent("scores.csv")), as: UTF8.self)
        let rows = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.dropFirst()
        #expect(rows.filter { $0.contains(",valid,") }.count == 7)
        #expect(rows.contains { $0.hasPrefix("1,") })
        #expect(rows.contains { $0.contains("bids/10-large.xml,not evaluated,") })
        let report = String(decoding: try Data(contentsOf: out.appendingPathComponent("report.md")), as: UTF8.self)
        #expect(report.contains("raise --max-seconds-per-bid"))
    }

    @Test func inspectKeepsTheSameTimeBudget() throws {
        let folder = try Self.tender(expression: Self.wholeDocumentPerRecord, staff: 20_000)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(
            ["inspect", "--rubric", "rubric.yaml", "--max-seconds-per-bid", "1", "bids/10-large.xml"],
            in: folder,
            timeLimit: 30
        )
        #expect(!result.timedOut)
        #expect(result.status == 1)
        #expect(result.stderr == Self.outOfTime("bids/10-large.xml", seconds: 1))
        #expect(result.stdout.isEmpty)
    }

    @Test(arguments: ["0", "86401"])
    func aTimeBudgetOutOfRangeIsAUsageError(value: String) throws {
        let result = try CLI.run(
            [
                "score", XPathAttackTests.exampleRubric.path, XPathAttackTests.exampleBids.path,
                "--max-seconds-per-bid", value,
            ],
            in: CLI.root,
            timeLimit: 30
        )
        #expect(result.status == 64)
        #expect(result.stderr.contains("--max-seconds-per-bid must be from 1 to 86400"))
    }

    @Test func anExpressionThatFailsInEveryBidIsTheRubricsError() throws {
        // Passes `check` (the argument is an expression, not a literal, and the dry run in an empty bid never
        // reaches the predicate), then fails in every bid: the rubric is wrong, so no report ranks anyone on it.
        let expression = "count(/b:bid/b:capability/b:staff/b:person[count(1 + 2)])"
        let folder = try XPathAttackTests.rubric(withExpression: expression)
        defer { try? FileManager.default.removeItem(at: folder) }
        let check = try CLI.run(["check", "rubric.yaml"], in: folder, timeLimit: 60)
        #expect(check.status == 0)
        let out = folder.appendingPathComponent("out")
        let score = try CLI.run(
            ["score", "rubric.yaml", XPathAttackTests.exampleBids.path, "--out", out.path, "--lang", "en"],
            in: folder,
            timeLimit: 60
        )
        #expect(!score.timedOut)
        #expect(score.status == 1)
        #expect(
            score.stderr
                == "rubric.yaml:101:19: error: XPath expression '\(expression)' in criterion 'certified-staff' could "
                + "not be evaluated in any of the 9 bids: a function gets an argument of the wrong type (e.g. count() "
                + "of a string)\n"
        )
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("report.md").path))
        // One bid is enough to tell.
        let one = try CLI.run(
            [
                "score", "rubric.yaml", XPathAttackTests.exampleBids.appendingPathComponent("01-anlan.xml").path,
                "--out", out.path, "--lang", "en",
            ],
            in: folder,
            timeLimit: 60
        )
        #expect(one.status == 1)
        #expect(one.stderr.contains("could not be evaluated in the only bid: a function gets an argument"))
    }
}
