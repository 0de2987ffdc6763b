import Foundation
import TenderCore
import TenderIntake
import TenderModel
import TenderRubric
import Testing

@testable import TenderScoring

/// A history criterion scored from a hand-built `PerformanceHistory`: the exact mean of the counted months, the
/// window, the buyer filter, registration-key matching, the neutral value and the committee's warning flags.
@Suite struct HistoryScoringTests {
    static let buyer = LocalizedText(zh: "台州市黄岩区机关事务中心", en: "Huangyan Offices Centre")
    static let registered = "91331003MA2AXXXXXX"

    static func rubric(buyer: HistoryBuyer = .thisBuyer, months: Int = 36) -> Rubric {
        let rule = HistoryRule(
            months: months,
            buyer: buyer,
            neutral: 3,
            scale: .linear(lower: 70, upper: 100, lowerPoints: 0, upperPoints: 5),
            location: SourceLocation(file: "test.yaml", line: 30, column: 13)
        )
        var rubric = Build.rubric(
            groups: [
                Build.priceGroup("95"),
                Build.group("reputation", "5", [Build.criterion("past-performance", "5", .history(rule))]),
            ],
            minimumValidBids: 1
        )
        rubric.tender.buyer = Self.buyer
        rubric.tender.published = "2022-10-15"
        return rubric
    }

    static func bid(_ name: String, registrationID: String?) -> BidImportOutcome {
        guard case .imported(var bid, let warnings) = Build.bid(name, price: "100") else {
            fatalError("Build.bid always imports")
        }
        bid.bidder.registrationID = registrationID
        return .imported(bid, warnings: warnings)
    }

    static func month(_ text: String, _ score: String) -> HistoryMonth {
        HistoryMonth(
            month: YearMonth(text)!,
            score: Build.decimal(score),
            standing: "qualified",
            standingName: LocalizedText(zh: "合格", en: "Qualified")
        )
    }

    /// 2021-01 … 2021-12: eleven months of 87.31 and one of 87.26, Σ 1047.67; plus one month on each side of the
    /// window (2019-09 and 2022-10) that must not count.
    static let thisBuyerContract = ContractHistory(
        contractID: "HYJG-2020-FW-017-HT",
        tenderID: "HYJG-2020-FW-017",
        // Another spelling of the rubric's English name (two spaces), and no Chinese name: matched through the
        // identity name key.
        buyer: LocalizedText(en: "Huangyan  Offices Centre"),
        contractor: PerformanceContractor(name: "台州清和物业服务有限公司", registrationID: registered),
        months: [month("2019-09", "0")] + (1...11).map { month(String(format: "2021-%02d", $0), "87.31") }
            + [month("2021-12", "87.26"), month("2022-10", "0")]
    )

    static let otherBuyerContract = ContractHistory(
        contractID: "WL-2021-007-HT",
        tenderID: "WL-2021-007",
        buyer: LocalizedText(zh: "温岭市人民医院"),
        contractor: PerformanceContractor(name: "台州清和物业服务有限公司", registrationID: registered),
        months: [month("2020-05", "50")]
    )

    static func warning(_ raisedIn: String, warns: Bool = true) -> RaisedRule {
        RaisedRule(
            contractID: "HYJG-2020-FW-017-HT",
            ruleID: "three-unqualified",
            raisedIn: YearMonth(raisedIn)!,
            months: [YearMonth("2021-02")!, YearMonth("2021-04")!, YearMonth(raisedIn)!],
            consequence: LocalizedText(zh: "下次招标时提请评标委员会注意", en: "Warning to the committee of the next tender"),
            warnsNextTender: warns
        )
    }

    static func history(warnings: [RaisedRule] = [], first: String = "2019-10", last: String = "2022-09")
        -> PerformanceHistory
    {
        PerformanceHistory(
            firstMonth: YearMonth(first)!,
            lastMonth: YearMonth(last)!,
            bidders: [
                registered: BidderHistory(contracts: [otherBuyerContract, thisBuyerContract], warnings: warnings),
                "91330000OTHERBUYERONLY": BidderHistory(contracts: [otherBuyerContract], warnings: []),
            ],
            database: "tender-eval.sqlite",
            digest: "ab12"
        )
    }

    static func evidence(_ evaluation: Evaluation, _ bidder: String) throws -> (CriterionScore, HistoryEvidence) {
        let result = try #require(evaluation.results.first { $0.displayName == bidder })
        let score = try #require(result.score(for: "past-performance"))
        guard case .history(let evidence) = score.basis else {
            Issue.record("not a history basis: \(score.basis)")
            throw CancellationError()
        }
        return (score, evidence)
    }

    @Test func theMeanOfTheCountedMonthsIsExactAndOnlyThisWindowCounts() throws {
        // The bid writes the id in groups and in lower case: the registration key still finds the history.
        let evaluation = try TenderEvaluator.evaluate(
            rubric: Self.rubric(),
            bids: [Self.bid("台州清和物业服务有限公司", registrationID: "91331003 ma2a xxxxxx")],
            scores: [],
            history: Self.history()
        )
        let (score, evidence) = try Self.evidence(evaluation, "台州清和物业服务有限公司")
        #expect(evidence.sum == Build.decimal("1047.67"))
        #expect(evidence.count == 12)
        let mean = try ExactRatio(104_767, 1200)
        #expect(
            evidence.outcome
                == .scored(
                    mean: mean,
                    applied: .linear(value: mean, lower: 70, upper: 100, lowerPoints: 0, upperPoints: 5)
                )
        )
        // (1047.67 / 12 − 70) / 30 × 5 = 207.67 / 72, rounded like every criterion.
        #expect(score.unrounded == (try ExactRatio(20_767, 7200)))
        #expect(score.points == Build.decimal("2.88"))
        #expect(evidence.contracts.map(\.contractID) == ["HYJG-2020-FW-017-HT"])
        #expect(
            evidence.contracts[0].months.map(\.month.description) == (1...12).map { String(format: "2021-%02d", $0) }
        )
        #expect(evidence.otherBuyers == ["WL-2021-007-HT"])
        #expect(evidence.firstMonth == YearMonth("2019-10") && evidence.lastMonth == YearMonth("2022-09"))
        #expect(
            evaluation.history
                == HistorySource(
                    database: "tender-eval.sqlite",
                    digest: "ab12",
                    firstMonth: YearMonth("2019-10")!,
                    lastMonth: YearMonth("2022-09")!
                )
        )
    }

    @Test func anyBuyerCountsEveryContract() throws {
        let evaluation = try TenderEvaluator.evaluate(
            rubric: Self.rubric(buyer: .any),
            bids: [Self.bid("台州清和物业服务有限公司", registrationID: Self.registered)],
            scores: [],
            history: Self.history()
        )
        let (score, evidence) = try Self.evidence(evaluation, "台州清和物业服务有限公司")
        #expect(evidence.contracts.map(\.contractID) == ["HYJG-2020-FW-017-HT", "WL-2021-007-HT"])
        #expect(evidence.otherBuyers.isEmpty)
        #expect(evidence.sum == Build.decimal("1097.67"))
        #expect(evidence.count == 13)
        // (1097.67 / 13 − 70) / 30 × 5 = (1097.67 − 910) / 78.
        #expect(score.unrounded == (try ExactRatio(18_767, 7800)))
        #expect(score.points == Build.decimal("2.41"))
    }

    @Test func aShorterWindowFiltersALongerHistory() throws {
        // 12 months before 2022-10: 2021-10 … 2022-09, which holds 2021-10, 2021-11 (87.31) and 2021-12 (87.26).
        let evaluation = try TenderEvaluator.evaluate(
            rubric: Self.rubric(months: 12),
            bids: [Self.bid("台州清和物业服务有限公司", registrationID: Self.registered)],
            scores: [],
            history: Self.history()
        )
        let (_, evidence) = try Self.evidence(evaluation, "台州清和物业服务有限公司")
        #expect(evidence.count == 3)
        #expect(evidence.sum == Build.decimal("261.88"))
        #expect(evidence.contracts[0].months.map(\.month.description) == ["2021-10", "2021-11", "2021-12"])
        // The other buyer's only month (2020-05) lies outside this window: nothing to set aside.
        #expect(evidence.otherBuyers.isEmpty)
    }

    @Test func noHistoryOrNoRegistrationIDGivesTheNeutralValueWithItsReason() throws {
        let evaluation = try TenderEvaluator.evaluate(
            rubric: Self.rubric(),
            bids: [
                Self.bid("New", registrationID: "91330000NEWCOMER00"),
                Self.bid("Nameless", registrationID: nil),
                Self.bid("Elsewhere", registrationID: "91330000otherbuyeronly"),
            ],
            scores: [],
            history: Self.history()
        )
        for (bidder, reason) in [
            ("New", NeutralReason.noMonths), ("Nameless", .noRegistrationID), ("Elsewhere", .noMonths),
        ] {
            let (score, evidence) = try Self.evidence(evaluation, bidder)
            #expect(evidence.outcome == .neutral(reason, points: 3), "\(bidder)")
            #expect(score.points == 3 && score.unrounded == 3, "\(bidder)")
            #expect(evidence.count == 0 && evidence.contracts.isEmpty, "\(bidder)")
        }
        #expect(try Self.evidence(evaluation, "Elsewhere").1.otherBuyers == ["WL-2021-007-HT"])
    }

    @Test func aWarningInTheWindowIsFlaggedAndChangesNothingElse() throws {
        let bids = [Self.bid("台州清和物业服务有限公司", registrationID: Self.registered), Self.bid("New", registrationID: nil)]
        let quiet = try TenderEvaluator.evaluate(rubric: Self.rubric(), bids: bids, scores: [], history: Self.history())
        let warned = try TenderEvaluator.evaluate(
            rubric: Self.rubric(),
            bids: bids,
            scores: [],
            history: Self.history(warnings: [
                Self.warning("2021-06"),
                // Outside the window, and a rule that does not warn the next tender: neither is flagged.
                Self.warning("2019-05"),
                Self.warning("2021-08", warns: false),
            ])
        )
        let expected = Flag.performanceWarning(
            bidder: "台州清和物业服务有限公司",
            warning: Self.warning("2021-06"),
            contractID: "HYJG-2020-FW-017-HT",
            tenderID: "HYJG-2020-FW-017",
            buyer: LocalizedText(en: "Huangyan  Offices Centre"),
            contractor: "台州清和物业服务有限公司"
        )
        #expect(warned.flags == quiet.flags + [expected])
        #expect(warned.results.first { $0.displayName == "台州清和物业服务有限公司" }?.flags == [expected])
        // New's own flag (no registration id) is the same with or without the warning.
        #expect(
            warned.results.first { $0.displayName == "New" }?.flags
                == quiet.results.first { $0.displayName == "New" }?.flags
        )
        // Committee attention only: the same scores, totals, ranks and statuses.
        let strip = { (evaluation: Evaluation) in
            evaluation.results.map { result -> BidResult in
                var result = result
                result.flags = []
                return result
            }
        }
        #expect(strip(warned) == strip(quiet))
        #expect(warned.results.allSatisfy { $0.status == .valid })
    }

    @Test func aHistoryCriterionWithoutTheHistoryIsAnError() {
        #expect {
            _ = try TenderEvaluator.evaluate(
                rubric: Self.rubric(),
                bids: [Self.bid("台州清和物业服务有限公司", registrationID: Self.registered)],
                scores: []
            )
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.map(\.description) == [
                "test.yaml: error: criterion 'past-performance' reads the performance history: give the "
                    + "database with --db"
            ]
        }
    }

    @Test func aHistoryThatDoesNotCoverTheWindowIsAnError() {
        #expect {
            _ = try TenderEvaluator.evaluate(
                rubric: Self.rubric(),
                bids: [Self.bid("台州清和物业服务有限公司", registrationID: Self.registered)],
                scores: [],
                history: Self.history(first: "2020-10")
            )
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.map(\.description) == [
                "test.yaml: error: criterion 'past-performance' needs the performance history of 2019-10 … "
                    + "2022-09, but tender-eval.sqlite was read for 2020-10 … 2022-09"
            ]
        }
    }

    @Test func aRubricWithoutHistoryCriteriaIgnoresAGivenHistory() throws {
        var rubric = Build.rubric(groups: [Build.priceGroup("100")], minimumValidBids: 1)
        rubric.tender.published = "2022-10-15"
        let evaluation = try TenderEvaluator.evaluate(
            rubric: rubric,
            bids: [Self.bid("A", registrationID: Self.registered)],
            scores: [],
            history: Self.history(warnings: [Self.warning("2021-06")])
        )
        #expect(evaluation.history == nil)
        #expect(evaluation.flags.isEmpty)
    }

    @Test func aLoadedRubricScoresFromTheHistoryAndDecisionRoundsPassItOn() throws {
        let yaml = """
            tender:
              id: T-1
              currency: CNY
              buyer: {zh: 台州市黄岩区机关事务中心, en: Huangyan Offices Centre}
              evaluation-date: 2022-11-20
              published: 2022-10-15
              minimum-valid-bids: 1
            groups:
              - {id: price, points: 95, criteria: [{id: price, points: 95, price: lowest-price-ratio}]}
              - id: reputation
                points: 5
                criteria:
                  - id: past-performance
                    points: 5
                    history:
                      months: 36
                      buyer: this-buyer
                      neutral: 3
                      bands: [{from: 0, to: 80, points: 1}, {from: 80, to: 90, points: 4}, {from: 90, points: 5}]
            """
        let rubric = try RubricLoader.load(bytes: Array(yaml.utf8), file: "h.yaml").rubric
        let bids = [Self.bid("台州清和物业服务有限公司", registrationID: Self.registered), Self.bid("New", registrationID: nil)]
        let evaluation = try DecisionRounds.evaluate(
            rubric: rubric,
            bids: bids,
            scores: [],
            history: Self.history(),
            decisions: nil
        )
        // Mean 87.3058… lies in [80, 90): 4 points; the newcomer gets the neutral 3.
        #expect(evaluation.results.map { $0.score(for: "past-performance")?.points } == [4, 3])
        let (_, evidence) = try Self.evidence(evaluation, "台州清和物业服务有限公司")
        guard case .scored(_, .band(let band)) = evidence.outcome else {
            Issue.record("not scored on a band: \(evidence.outcome)")
            return
        }
        #expect(band?.points == 4)
    }
}
