import Foundation
import Testing

/// Issue 7 §9: amounts that make no sense are refused or flagged, through the built binary, on copies of the
/// example tender. A refused price never becomes the price base: the base is then the next lowest valid price.
@Suite(.serialized) struct PriceAttackTests {
    static let qinghe = "台州青禾环境服务有限公司"

    struct Outcome {
        var run: CLI.Result
        var json: [String: Any]
    }

    static func score(
        _ edits: [(file: String, replacements: [(old: String, new: String)])]
    ) throws -> Outcome {
        let tender = try ExampleTenderCopy()
        defer { tender.remove() }
        for edit in edits { try tender.edit(edit.file, edit.replacements) }
        let run = try tender.score(["--out", "out"])
        #expect(!run.timedOut)
        let data = try Data(contentsOf: tender.folder.appendingPathComponent("out/result.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return Outcome(run: run, json: json)
    }

    static func lowestPrice(_ json: [String: Any]) -> String? {
        ((json["priceBase"] as? [String: Any])?["lowest"] as? NSNumber)?.stringValue
            ?? (json["priceBase"] as? [String: Any])?["lowest"] as? String
    }

    static func status(of file: String, in json: [String: Any]) -> String? {
        (json["results"] as? [[String: Any]])?.first { $0["file"] as? String == file }?["status"] as? String
    }

    static func total(_ file: String, from old: String, to new: String) -> (String, [(String, String)]) {
        (file, [("<total>\(old)</total>", "<total>\(new)</total>")])
    }

    @Test(arguments: ["0.0000000000000001", "0.001", "6318000.005"])
    func priceFinerThanTheFenIsNotEvaluatedAndDoesNotSetTheBase(_ price: String) throws {
        let outcome = try Self.score([Self.total("bids/04-qinghe.xml", from: "6318000.00", to: price)])
        #expect(outcome.run.status == 1)
        #expect(
            outcome.run.stderr.components(separatedBy: "\n").filter { $0.hasPrefix("bids/") } == [
                "bids/04-qinghe.xml:14: error: price \(price) has more decimal places than CNY's minor unit (2)"
            ]
        )
        #expect(Self.status(of: "bids/04-qinghe.xml", in: outcome.json) == "not-evaluated")
        // 澄江 (micro, 10 % off 8,238,000.00) is now the lowest evaluated price.
        #expect(Self.lowestPrice(outcome.json) == "7414200")
    }

    @Test func oneFenLessTheSmallEnterpriseDeductionIsBelowOneFen() throws {
        let outcome = try Self.score([Self.total("bids/07-jiufeng.xml", from: "8658000.00", to: "0.01")])
        #expect(outcome.run.status == 1)
        #expect(
            outcome.run.stderr.components(separatedBy: "\n").filter { $0.hasPrefix("bids/") } == [
                "bids/07-jiufeng.xml:14: error: evaluated price 0.009 (0.01 less the 10 % deduction for a small "
                    + "enterprise) is below one minor unit of CNY (0.01); it cannot be evaluated"
            ]
        )
        #expect(Self.lowestPrice(outcome.json) == "6318000")
    }

    @Test func twoFenAfterTheDeductionIsAnAmountAndTheAbnormallyLowFlagCatchesIt() throws {
        let outcome = try Self.score([Self.total("bids/07-jiufeng.xml", from: "8658000.00", to: "0.02")])
        #expect(outcome.run.status == 0)
        #expect(Self.lowestPrice(outcome.json) == "0.018")
        let flags = (outcome.json["flags"] as? [[String: Any]]) ?? []
        #expect(
            flags.contains {
                $0["type"] as? String == "abnormally-low-price" && $0["bidder"] as? String == "台州市黄岩九峰后勤服务有限公司"
            }
        )
    }

    @Test func belowThePlausibleMinimumIsFlaggedForClarification() throws {
        let outcome = try Self.score([
            (
                "rubric.yaml",
                [
                    (
                        "  size-deductions: {small: 10, micro: 10}",
                        "  size-deductions: {small: 10, micro: 10}\n  plausible-minimum: 30%"
                    )
                ]
            ),
            Self.total("bids/04-qinghe.xml", from: "6318000.00", to: "2000000.00"),
        ])
        #expect(outcome.run.status == 0)
        #expect(outcome.run.stderr == "")
        let flags = (outcome.json["flags"] as? [[String: Any]]) ?? []
        let implausible = flags.filter { $0["type"] as? String == "implausibly-low-price" }
        #expect(implausible.count == 1)
        #expect(implausible.first?["bidder"] as? String == Self.qinghe)
        #expect(implausible.first?["setsPriceBase"] as? Bool == true)
        #expect(Self.status(of: "bids/04-qinghe.xml", in: outcome.json) == "valid")
    }

    @Test func belowThePlausibleMinimumReadsInTheReport() throws {
        let tender = try ExampleTenderCopy()
        defer { tender.remove() }
        try tender.edit(
            "rubric.yaml",
            [
                (
                    "  size-deductions: {small: 10, micro: 10}",
                    "  size-deductions: {small: 10, micro: 10}\n  plausible-minimum: 30%"
                )
            ]
        )
        try tender.edit("bids/04-qinghe.xml", [("<total>6318000.00</total>", "<total>2000000.00</total>")])
        let run = try tender.score()
        #expect(run.status == 0)
        #expect(
            ExampleTenderCopy.items("Committee flags", in: run.stdout).contains(
                "- Implausibly low price: \(Self.qinghe) bids 2,000,000.00, below the rubric's plausible minimum "
                    + "2,940,000.00; its evaluated price is the price base (P_min) of every price score until the "
                    + "committee accepts or rejects it — written clarification required (87号令 Art 60); not "
                    + "rejected automatically"
            )
        )
        #expect(
            run.stdout.contains(
                "- **Plausible minimum price**: a bid total below 2,940,000.00 (30 % of the budget) is flagged: "
                    + "written clarification required (87号令 Art 60)\n"
            )
        )
    }

    @Test func aboveTheBudgetIsInvalid() throws {
        let outcome = try Self.score([Self.total("bids/01-anlan.xml", from: "9586000.00", to: "9800000.01")])
        #expect(outcome.run.status == 1)
        #expect(
            outcome.run.stderr.components(separatedBy: "\n").filter { $0.hasPrefix("bids/") } == [
                "bids/01-anlan.xml:14: error: price 9800000.01 is above the tender's budget 9800000; under 87号令 "
                    + "Art 63 the bid is invalid"
            ]
        )
        #expect(Self.status(of: "bids/01-anlan.xml", in: outcome.json) == "not-evaluated")
    }

    @Test func aboveTheCeilingIsInvalid() throws {
        let outcome = try Self.score([
            (
                "rubric.yaml",
                [
                    (
                        "  size-deductions: {small: 10, micro: 10}",
                        "  size-deductions: {small: 10, micro: 10}\n  ceiling: 9500000"
                    )
                ]
            )
        ])
        #expect(outcome.run.status == 1)
        #expect(
            outcome.run.stderr.components(separatedBy: "\n").filter { $0.hasPrefix("bids/") } == [
                "bids/01-anlan.xml:14: error: price 9586000 is above the tender's ceiling price (最高限价) 9500000; "
                    + "under 87号令 Art 63 the bid is invalid"
            ]
        )
    }
}
