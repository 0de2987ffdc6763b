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

    /// Each disqualification ground of a bid as "ground price clause file:line".
    static func grounds(of file: String, in json: [String: Any]) -> [String] {
        let result = (json["results"] as? [[String: Any]])?.first { $0["file"] as? String == file }
        return (result?["disqualifications"] as? [[String: Any]] ?? []).map { entry in
            let location = entry["location"] as? [String: Any]
            return [
                entry["ground"] as? String ?? "",
                entry["price"] as? String ?? (entry["price"] as? NSNumber)?.stringValue ?? "",
                entry["clause"] as? String ?? "",
                "\(location?["file"] as? String ?? ""):\((location?["line"] as? NSNumber)?.intValue ?? 0)",
            ].joined(separator: " ")
        }
    }

    static func total(_ file: String, from old: String, to new: String) -> (String, [(String, String)]) {
        (file, [("<total>\(old)</total>", "<total>\(new)</total>")])
    }

    /// Finer than Money's micro-unit: refused where it is written, never rounded to a price the bidder did not bid.
    @Test func priceFinerThanMoneyHoldsIsALocatedImportError() throws {
        let outcome = try Self.score([Self.total("bids/04-qinghe.xml", from: "6318000.00", to: "0.0000000000000001")])
        // The bid cannot be read, so nothing is concluded until it is fixed (exit 4), never a rounded price.
        #expect(outcome.run.status == 4)
        #expect(
            outcome.run.stderr.components(separatedBy: "\n").filter { $0.hasPrefix("bids/04-") } == [
                "bids/04-qinghe.xml:15: error: amount '0.0000000000000001' has 16 decimals; at most 6 are allowed"
            ]
        )
        #expect(Self.status(of: "bids/04-qinghe.xml", in: outcome.json) == "not-evaluated")
        #expect(Self.lowestPrice(outcome.json) == "7414200")
    }

    @Test(arguments: ["0.001", "6318000.005"])
    func priceFinerThanTheFenIsNotEvaluatedAndDoesNotSetTheBase(_ price: String) throws {
        let outcome = try Self.score([Self.total("bids/04-qinghe.xml", from: "6318000.00", to: price)])
        // An input to fix, not a ground to disqualify: the evaluation cannot conclude until it is fixed.
        #expect(outcome.run.status == 4)
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
        #expect(outcome.run.status == 4)
        #expect(
            outcome.run.stderr.components(separatedBy: "\n").filter { $0.hasPrefix("bids/") } == [
                "bids/07-jiufeng.xml:14: error: evaluated price 0.009 (0.01 less the 10 % deduction for a small "
                    + "enterprise) is below one minor unit of CNY (0.01); it cannot be evaluated"
            ]
        )
        #expect(Self.lowestPrice(outcome.json) == "6318000")
    }

    @Test func twoFenAfterTheDeductionIsAnAmountFlaggedTwiceAndLeftOutOfTheBase() throws {
        let outcome = try Self.score([Self.total("bids/07-jiufeng.xml", from: "8658000.00", to: "0.02")])
        #expect(outcome.run.status == 0)
        #expect(Self.lowestPrice(outcome.json) == "6318000")
        let flags = (outcome.json["flags"] as? [[String: Any]]) ?? []
        for type in ["abnormally-low-price", "implausibly-low-price"] {
            #expect(
                flags.contains { $0["type"] as? String == type && $0["bidder"] as? String == "台州市黄岩九峰后勤服务有限公司" }
            )
        }
    }

    /// Issue 7 §9: "the report flags such a price rather than letting it set the base". Without a stated
    /// plausible-minimum the default floor (10 % of the 9,800,000 budget) applies.
    @Test(arguments: [("1.00", "1.00"), ("00001.00", "1.00"), ("0.01", "0.01")])
    func anAbsurdPriceIsFlaggedAndDoesNotSetTheBase(_ price: (written: String, shown: String)) throws {
        let tender = try ExampleTenderCopy()
        defer { tender.remove() }
        try tender.edit("bids/04-qinghe.xml", [("<total>6318000.00</total>", "<total>\(price.written)</total>")])
        let run = try tender.score()
        #expect(!run.timedOut)
        #expect(run.status == 0)
        #expect(run.stderr == "")
        let lines = run.stdout.components(separatedBy: "\n")
        let chengjiang = "台州市黄岩澄江保洁服务有限公司"
        #expect(
            lines.contains(
                "Price base (valid bids only; disqualified and unread bids are not part of it): P_min = 7,414,200.00 "
                    + "(\(chengjiang)), P_max = 9,586,000.00"
            )
        )
        #expect(
            lines.contains(
                "Left out of the price base, below the plausible minimum 980,000.00: \(Self.qinghe) (bid total "
                    + "\(price.shown), evaluated price \(price.shown)). P_min = 7,414,200.00 (\(chengjiang)) is the lowest "
                    + "evaluated price of the other valid bids; a bid left out is scored against this base, at most the "
                    + "criterion's points, until the committee accepts or rejects its explanation (87号令 Art 60)"
            )
        )
        #expect(
            ExampleTenderCopy.items("Committee flags", in: run.stdout).contains(
                "- Implausibly low price: \(Self.qinghe) bids \(price.shown), below the plausible minimum 980,000.00; "
                    + "it does not set the price base (P_min = 7,414,200.00, \(chengjiang)); see the rule in Tender"
            )
        )
        #expect(
            lines.contains(
                "- **Plausible minimum price**: a bid total below 980,000.00 (the default, 10 % of the budget; the "
                    + "rubric's plausible-minimum changes it, 'none' switches it off) is flagged: written clarification "
                    + "required (87号令 Art 60); it does not set the price base"
            )
        )
        // The other bidders keep real price scores: 九峰's is 7,414,200 / 7,792,200 × 30, not 0.00.
        #expect(lines.contains { $0.hasPrefix("| 5 | 台州市黄岩九峰后勤服务有限公司 | 76.46 | 28.54 |") })
        #expect(lines.contains { $0.hasPrefix("| 7 | \(Self.qinghe) | 55.95 | 30.00 |") })
    }

    @Test func plausibleMinimumNoneSwitchesTheFloorOff() throws {
        let outcome = try Self.score([
            (
                "rubric.yaml",
                [
                    (
                        "  size-deductions: {small: 10, micro: 10}",
                        "  size-deductions: {small: 10, micro: 10}\n  plausible-minimum: none"
                    )
                ]
            ),
            Self.total("bids/04-qinghe.xml", from: "6318000.00", to: "1.00"),
        ])
        #expect(outcome.run.status == 0)
        #expect(Self.lowestPrice(outcome.json) == "1")
        let flags = (outcome.json["flags"] as? [[String: Any]]) ?? []
        #expect(!flags.contains { $0["type"] as? String == "implausibly-low-price" })
        #expect(flags.contains { $0["type"] as? String == "abnormally-low-price" })
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
        #expect(implausible.first?["setsPriceBase"] as? Bool == false)
        #expect(Self.status(of: "bids/04-qinghe.xml", in: outcome.json) == "valid")
        // 澄江 (micro, 10 % off 8,238,000.00) sets the base instead.
        #expect(Self.lowestPrice(outcome.json) == "7414200")
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
                "- Implausibly low price: \(Self.qinghe) bids 2,000,000.00, below the plausible minimum "
                    + "2,940,000.00; it does not set the price base (P_min = 7,414,200.00, 台州市黄岩澄江保洁服务有限公司); "
                    + "see the rule in Tender"
            )
        )
        #expect(
            run.stdout.contains(
                "- **Plausible minimum price**: a bid total below 2,940,000.00 (30 % of the budget) is flagged: "
                    + "written clarification required (87号令 Art 60); it does not set the price base\n"
            )
        )
    }

    @Test func aboveTheBudgetIsInvalid() throws {
        let outcome = try Self.score([Self.total("bids/01-anlan.xml", from: "9586000.00", to: "9800000.01")])
        // A lawful disqualification, not bad input: the other seven bids rank and the run succeeds.
        #expect(outcome.run.status == 0)
        #expect(outcome.run.stderr.components(separatedBy: "\n").filter { $0.hasPrefix("bids/") } == [])
        #expect(Self.status(of: "bids/01-anlan.xml", in: outcome.json) == "disqualified")
        #expect(
            Self.grounds(of: "bids/01-anlan.xml", in: outcome.json) == [
                "above-budget 9800000.01 87号令 Art 63 bids/01-anlan.xml:14"
            ]
        )
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
        #expect(outcome.run.status == 0)
        #expect(outcome.run.stderr.components(separatedBy: "\n").filter { $0.hasPrefix("bids/") } == [])
        #expect(
            Self.grounds(of: "bids/01-anlan.xml", in: outcome.json) == [
                "above-ceiling 9586000 87号令 Art 63 bids/01-anlan.xml:14"
            ]
        )
    }
}
