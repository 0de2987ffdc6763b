import Foundation
import TenderCore
import TenderIntake
import TenderModel
import TenderRubric
import TenderScoring

/// Small builders so each test states only what it is about.
enum Build {
    static func decimal(_ text: String) -> ExactRatio {
        (try? ExactRatio(parsing: text))!
    }

    static func decimal(_ text: String) -> Points {
        (try? Points(parsing: text))!
    }

    static func decimal(_ text: String) -> Money {
        (try? Money(parsing: text))!
    }

    static func rubric(
        groups: [CriterionGroup],
        gates: [Gate] = [],
        method: EvaluationMethod = .comprehensive,
        decimals: Int = 2,
        rounding: RoundingPolicy = .perCriterion,
        minimumValidBids: Int = 3,
        tieBreak: [TieBreakRule] = [],
        deductions: [EnterpriseSize: ExactRatio] = [:],
        members: Int? = nil
    ) -> Rubric {
        Rubric(
            file: "test.yaml",
            tender: TenderHeader(
                id: "T-1",
                title: LocalizedText(en: "Test"),
                buyer: LocalizedText(en: "Buyer"),
                currency: "CNY",
                budget: nil,
                method: method,
                decimals: decimals,
                rounding: rounding,
                minimumValidBids: minimumValidBids,
                tieBreak: tieBreak,
                evaluationDate: "2020-11-20",
                profile: nil,
                location: SourceLocation(file: "test.yaml", line: 1, column: 1)
            ),
            namespaces: [],
            pricePolicy: PricePolicy(sizeDeductions: deductions),
            committee: CommitteePolicy(members: members),
            gates: gates,
            groups: groups
        )
    }

    static func group(_ id: String, _ points: String, _ criteria: [Criterion]) -> CriterionGroup {
        CriterionGroup(
            id: id,
            name: LocalizedText(en: id),
            points: decimal(points),
            criteria: criteria,
            location: SourceLocation(file: "test.yaml")
        )
    }

    static func criterion(_ id: String, _ points: String, _ rule: CriterionRule) -> Criterion {
        Criterion(
            id: id,
            name: LocalizedText(en: id),
            points: decimal(points),
            rule: rule,
            guidance: nil,
            location: SourceLocation(file: "test.yaml")
        )
    }

    static func gate(_ id: String, _ rule: GateRule) -> Gate {
        Gate(id: id, name: LocalizedText(en: id), rule: rule, location: SourceLocation(file: "test.yaml"))
    }

    /// The bid inside `bid(...)`'s outcome, for tests that check one bid on its own.
    static func plainBid(_ name: String, price: String, violations: [Violation] = []) -> Bid {
        guard case .imported(let bid, _) = Build.bid(name, price: price, violations: violations) else {
            fatalError("Build.bid always imports")
        }
        return bid
    }

    static func priceGroup(_ points: String, formula: PriceFormula = .lowestPriceRatio) -> CriterionGroup {
        group("price", points, [criterion("price", points, .price(formula))])
    }

    static func bid(
        _ name: String,
        price: String,
        currency: String = "CNY",
        size: EnterpriseSize? = nil,
        facts: [String: FactValue] = [:],
        submittedAt: String? = nil,
        violations: [Violation] = [],
        commitments: [Commitment] = []
    ) -> BidImportOutcome {
        .imported(
            Bid(
                file: "\(name).xml",
                format: .native,
                tenderReference: "T-1",
                submittedAt: submittedAt,
                bidder: Bidder(name: name, size: size, line: 3),
                price: BidPrice(total: decimal(price), currency: currency, line: 10),
                commitments: commitments,
                violations: violations,
                attachments: [],
                facts: facts.mapValues { Fact($0, line: 20) }
            ),
            warnings: []
        )
    }

    static func score(_ member: String, _ bidder: String, _ criterion: String, _ score: String, line: Int)
        -> ScoreSheetEntry
    {
        ScoreSheetEntry(
            member: member,
            bidder: bidder,
            criterionID: criterion,
            score: decimal(score),
            location: SourceLocation(file: "scores.csv", line: line, column: 1)
        )
    }
}
