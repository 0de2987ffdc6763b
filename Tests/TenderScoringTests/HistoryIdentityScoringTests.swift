import Foundation
import TenderCore
import TenderModel
import Testing

@testable import TenderScoring

/// A bid whose performance history cannot be matched safely (no registration id, not a valid 统一社会信用代码
/// under cn-87, its name a recorded contractor's under another id) gets a committee flag and the history
/// evidence says so; the points stay exactly what the rubric gives (the neutral value when nothing matched).
@Suite struct HistoryIdentityScoringTests {
    static let name = "台州市黄岩澄江保洁服务有限公司"
    static let registered = "91331003MA2J4P6N44"

    /// Twelve months of 60 (below the scale's 70: 0 points, worse than the neutral 3) and a warning.
    static let contract = ContractHistory(
        contractID: "HYJG-2021-FW-004-HT01",
        tenderID: "HYJG-2021-FW-004",
        buyer: HistoryScoringTests.buyer,
        contractor: PerformanceContractor(name: name, registrationID: registered),
        months: (1...12).map { HistoryScoringTests.month(String(format: "2021-%02d", $0), "60") }
    )

    static let warning = RaisedRule(
        contractID: "HYJG-2021-FW-004-HT01",
        ruleID: "three-unqualified",
        raisedIn: YearMonth("2021-11")!,
        months: [YearMonth("2021-06")!, YearMonth("2021-08")!, YearMonth("2021-11")!],
        consequence: LocalizedText(zh: "下次招标时提请评标委员会注意", en: "Warning to the committee of the next tender"),
        warnsNextTender: true
    )

    static let record = ContractorRecord(
        contractID: "HYJG-2021-FW-004-HT01",
        tenderID: "HYJG-2021-FW-004",
        buyer: HistoryScoringTests.buyer,
        contractor: PerformanceContractor(name: name, registrationID: registered),
        scoredMonths: 12,
        warnings: 1
    )

    /// The history as the pipeline reads it for these bidders; `named: false` as it was read before contracts
    /// were also asked for by name.
    static func history(named: Bool = true) -> PerformanceHistory {
        PerformanceHistory(
            firstMonth: YearMonth("2019-10")!,
            lastMonth: YearMonth("2022-09")!,
            bidders: [registered: BidderHistory(contracts: [contract], warnings: [warning])],
            database: "tender-eval.sqlite",
            digest: "ab12",
            // Keyed by the name as written with a stray space: the scorer keys it again.
            contractorsByName: named ? [" " + name: [record]] : [:]
        )
    }

    static func rubric(profile: String? = "cn-87") -> Rubric {
        var rubric = HistoryScoringTests.rubric()
        rubric.tender.profile = profile
        return rubric
    }

    static func evaluate(
        _ bids: [BidImportOutcome],
        profile: String? = "cn-87",
        named: Bool = true
    ) throws -> Evaluation {
        try TenderEvaluator.evaluate(
            rubric: rubric(profile: profile),
            bids: bids,
            scores: [],
            history: history(named: named)
        )
    }

    static func identityFlags(_ evaluation: Evaluation) -> [Flag] {
        evaluation.flags.filter { if case .historyIdentity = $0 { true } else { false } }
    }

    /// Scores, totals, ranks and statuses, without flags or evidence: what the identity check must never change.
    static func standings(_ evaluation: Evaluation) -> [String] {
        evaluation.results.map { result in
            "\(result.displayName) \(result.status) \(String(describing: result.rank)) "
                + "\(String(describing: result.total)) \(result.criterionScores.map { "\($0.points)" })"
        }
    }

    @Test func theReviewersCaseIsFlaggedAndTheScoreStaysNeutral() throws {
        let hidden = "91331003-MA2J4P6N44"
        let evaluation = try Self.evaluate([
            HistoryScoringTests.bid(Self.name, registrationID: hidden),
            HistoryScoringTests.bid("台州市椒江明远会务服务有限公司", registrationID: "91331002MA2HC83D9R"),
        ])
        let problem = HistoryIdentityProblem(
            registrationID: .notACreditCode(.character("-", position: 9)),
            sameName: [Self.record]
        )
        let flag = Flag.historyIdentity(
            bidder: Self.name,
            file: "\(Self.name).xml",
            registrationID: hidden,
            problem: problem
        )
        // The flag, and no warning: the warning is the contract's, which was not applied.
        #expect(Self.identityFlags(evaluation) == [flag])
        #expect(!evaluation.flags.contains { if case .performanceWarning = $0 { true } else { false } })
        #expect(evaluation.results.first { $0.displayName == Self.name }?.flags.contains(flag) == true)
        let (score, evidence) = try HistoryScoringTests.evidence(evaluation, Self.name)
        #expect(evidence.outcome == .neutral(.noMonths, points: 3))
        #expect(score.points == 3)
        #expect(evidence.identity == problem)
        // The newcomer with a valid id and no record: neutral, nothing to flag.
        let (_, newcomer) = try HistoryScoringTests.evidence(evaluation, "台州市椒江明远会务服务有限公司")
        #expect(newcomer.identity == nil)

        // Written as the contract has it: the record counts (0 points, below the scale) and the warning is flagged.
        let matched = try Self.evaluate([HistoryScoringTests.bid(Self.name, registrationID: Self.registered)])
        #expect(Self.identityFlags(matched).isEmpty)
        let (matchedScore, matchedEvidence) = try HistoryScoringTests.evidence(matched, Self.name)
        #expect(matchedScore.points == 0)
        #expect(matchedEvidence.identity == nil)
        #expect(matched.flags.count == 1)
        if case .performanceWarning = matched.flags.first {} else { Issue.record("\(matched.flags)") }
    }

    @Test func eachProblemIsFlaggedAndNoScoreChanges() throws {
        let cases: [(id: String?, profile: String?, named: Bool, expected: HistoryIdentityProblem?)] = [
            // (a) No registration id, with and without a contract under the name.
            (nil, "cn-87", false, HistoryIdentityProblem(registrationID: .missing, sameName: [])),
            (nil, "cn-87", true, HistoryIdentityProblem(registrationID: .missing, sameName: [Self.record])),
            (nil, nil, false, HistoryIdentityProblem(registrationID: .missing, sameName: [])),
            ("  ", nil, false, HistoryIdentityProblem(registrationID: .missing, sameName: [])),
            // (b) Not a 统一社会信用代码: only under cn-87 (elsewhere an id may be a VAT number or anything else).
            (
                "91331003MA2J4P6N45", "cn-87", false,
                HistoryIdentityProblem(
                    registrationID: .notACreditCode(.checkCharacter(expected: "4", found: "5")),
                    sameName: []
                )
            ),
            ("91331003MA2J4P6N45", nil, false, nil),
            (
                "91331003\u{041C}A2J4P6N44", "cn-87", false,
                HistoryIdentityProblem(
                    registrationID: .notACreditCode(.character("\u{041C}", position: 9)),
                    sameName: []
                )
            ),
            (
                "91331003MA2J4P6N44.", "cn-87", false,
                HistoryIdentityProblem(registrationID: .notACreditCode(.character(".", position: 19)), sameName: [])
            ),
            // (c) The name is the contractor's of a contract under another key, whatever the profile.
            ("91331003-MA2J4P6N44", nil, true, HistoryIdentityProblem(registrationID: nil, sameName: [Self.record])),
            // A valid code, but another one: still the name's record not applied.
            ("91331003MA2D9FX61W", "cn-87", true, HistoryIdentityProblem(registrationID: nil, sameName: [Self.record])),
            // Grouped and in lower case: the same key, a valid code, the record applied; nothing to flag.
            ("9133 1003 ma2j 4p6n44", "cn-87", true, nil),
        ]
        for (id, profile, named, expected) in cases {
            let label = "\(id ?? "nil") \(profile ?? "no profile") \(named)"
            let bids = [HistoryScoringTests.bid(Self.name, registrationID: id)]
            let evaluation = try Self.evaluate(bids, profile: profile, named: named)
            let flags = Self.identityFlags(evaluation)
            if let expected {
                #expect(
                    flags == [
                        .historyIdentity(
                            bidder: Self.name,
                            file: "\(Self.name).xml",
                            registrationID: id,
                            problem: expected
                        )
                    ],
                    "\(label)"
                )
            } else {
                #expect(flags.isEmpty, "\(label)")
            }
            let (_, evidence) = try HistoryScoringTests.evidence(evaluation, Self.name)
            #expect(evidence.identity == expected, "\(label)")
            // The same points as without the identity check (no profile, no contracts by name).
            let unchecked = try Self.evaluate(bids, profile: nil, named: false)
            #expect(Self.standings(evaluation) == Self.standings(unchecked), "\(label)")
            #expect(evaluation.results.allSatisfy { $0.status == .valid }, "\(label)")
        }
    }

    @Test func theNameIsComparedThroughTheIdentityKey() throws {
        // Inner white space collapsed and the ends trimmed, as for duplicate bidders.
        let evaluation = try Self.evaluate(
            [HistoryScoringTests.bid("  台州市黄岩澄江保洁服务有限公司 ", registrationID: "91331003MA2D9FX61W")]
        )
        #expect(Self.identityFlags(evaluation).count == 1)
        let other = try Self.evaluate([HistoryScoringTests.bid("台州市黄岩澄江物业有限公司", registrationID: "91331003MA2D9FX61W")])
        #expect(Self.identityFlags(other).isEmpty)
    }

    @Test func aRubricWithoutHistoryCriteriaFlagsNothing() throws {
        let rubric = Build.rubric(groups: [Build.priceGroup("100")], minimumValidBids: 1)
        let evaluation = try TenderEvaluator.evaluate(
            rubric: rubric,
            bids: [HistoryScoringTests.bid(Self.name, registrationID: nil)],
            scores: [],
            history: Self.history()
        )
        #expect(Self.identityFlags(evaluation).isEmpty)
    }
}
