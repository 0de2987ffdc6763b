import Foundation
import TenderTestSupport
import Testing

@Suite struct BrokenInputTests {
    static let broken = "Tests/TenderEvalCLITests/Fixtures/broken"
    static let reversal = "Tests/TenderEvalCLITests/Fixtures/rank-reversal"

    @Test func missingRubricFileIsAnErrorNamingIt() throws {
        let result = try CLI.run(["score", "rubrics/missing.yaml", "bids/huangyan-logistics-2020"])
        #expect(result.status == 1)
        #expect(result.stderr == "rubrics/missing.yaml: error: cannot read file: No such file or directory\n")
    }

    @Test(arguments: [
        (
            "malformed.yaml",
            "malformed.yaml:4:1: error: malformed YAML: did not find expected ',' or ']' "
                + "(while parsing a flow sequence at line 3, column 10)"
        ),
        (
            "unknown-key.yaml",
            "unknown-key.yaml:10:5: error: unknown key 'pionts' in group 'price'; did you mean 'points'?"
        ),
        ("sum-99.99.yaml", "sum-99.99.yaml:7:1: error: group points sum to 99.99, expected 100"),
    ])
    func brokenRubricIsReportedWithLineAndColumn(file: String, message: String) throws {
        let result = try CLI.run(["check", "\(Self.broken)/\(file)"])
        #expect(result.status == 1)
        #expect(result.stderr == "\(Self.broken)/\(message)\n")
    }

    @Test func badBidsAreListedAndGoodBidsAreStillEvaluated() throws {
        let out = try CLI.temporaryFolder().appendingPathComponent("out")
        let result = try CLI.run([
            "score", "\(Self.reversal)/rubric.yaml", Self.reversal, "\(Self.broken)/usd.xml",
            "\(Self.broken)/schema-violation.xml", "--out", out.path, "--lang", "en",
        ])
        #expect(result.status == 4)
        #expect(
            result.stderr.contains(
                "\(Self.broken)/schema-violation.xml:7: error: bid does not follow the bid schema: element 'total': "
                    + "'about a hundred' is not a valid value of the atomic type 'money'\n"
            )
        )
        #expect(
            result.stderr.contains(
                "\(Self.broken)/usd.xml:6: error: bid is priced in USD; this tender is evaluated in CNY and prices "
                    + "are never converted\n"
            )
        )
        let csv = String(decoding: try Data(contentsOf: out.appendingPathComponent("scores.csv")), as: UTF8.self)
        let rows = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == 6)
        #expect(rows[1].contains("甲公司 Alpha"))
        #expect(rows.contains { $0.contains("usd.xml") && $0.contains("not evaluated") })
        #expect(rows.contains { $0.contains("schema-violation.xml") && $0.contains("not evaluated") })
    }

    @Test func addingAThirdBidderReversesTheWinnerAndTheReportShowsBoth() throws {
        let two = try CLI.run([
            "score", "\(Self.reversal)/rubric.yaml", "\(Self.reversal)/a.xml", "\(Self.reversal)/b.xml", "--lang", "en",
        ])
        #expect(two.status == 0)
        #expect(two.stdout.contains("| 1 | 乙公司 Beta | 82.00 |"))
        #expect(two.stdout.contains("| 2 | 甲公司 Alpha | 78.00 |"))
        let three = try CLI.run(["score", "\(Self.reversal)/rubric.yaml", Self.reversal, "--lang", "en"])
        #expect(three.status == 0)
        #expect(three.stdout.contains("| 1 | 甲公司 Alpha | 64.67 |"))
        #expect(three.stdout.contains("| 2 | 乙公司 Beta | 64.22 |"))
        #expect(three.stdout.contains("| 3 | 丙公司 Gamma | 52.00 |"))
        #expect(three.stdout.contains("without 丙公司 Gamma, 乙公司 Beta would rank first"))
    }

    @Test func tooFewValidBidsFailsTheTenderWithStatus2() throws {
        let result = try CLI.run(["score", "\(Self.reversal)/rubric.yaml", "\(Self.reversal)/a.xml", "--lang", "en"])
        #expect(result.status == 2)
        #expect(result.stdout.contains("1 valid bid"))
    }

    @Test func usageErrorsExitWith64() throws {
        #expect(try CLI.run(["score"]).status == 64)
        #expect(try CLI.run(["score", "r.yaml", "b", "--lang", "fr"]).status == 64)
        #expect(try CLI.run(["frobnicate"]).status == 64)
    }
}
