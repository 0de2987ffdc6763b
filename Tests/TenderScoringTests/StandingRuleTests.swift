import TenderCore
import TenderModel
import Testing

@testable import TenderScoring

/// "3 unqualified months in the last 12": raised at the month that completes it, and only from months inside the
/// window.
@Suite struct StandingRuleTests {
    static func month(_ year: Int, _ month: Int) -> YearMonth {
        YearMonth(year: year, month: month)!
    }

    /// 2021's months qualified except the ones listed.
    static func standings(unqualified: [YearMonth], from first: YearMonth = month(2021, 1), through last: YearMonth)
        -> [YearMonth: String]
    {
        var standings: [YearMonth: String] = [:]
        for ordinal in first.ordinal...last.ordinal {
            let month = YearMonth(ordinal: ordinal)!
            standings[month] = unqualified.contains(month) ? "unqualified" : "qualified"
        }
        return standings
    }

    let plan = Perf.plan(rules: [Perf.rule("three-unqualified", count: 3, within: 12)])

    @Test func threeInTwelveIsRaisedOnlyAtTheCompletingMonth() {
        let bad = [Self.month(2021, 2), Self.month(2021, 5), Self.month(2021, 9)]
        let standings = Self.standings(unqualified: bad, through: Self.month(2021, 12))
        for ordinal in Self.month(2021, 1).ordinal...Self.month(2021, 12).ordinal {
            let month = YearMonth(ordinal: ordinal)!
            let raised = StandingRules.raised(plan: plan, month: month, standings: standings)
            if month == Self.month(2021, 9) {
                #expect(
                    raised == [
                        RaisedRule(
                            contractID: "HT-1",
                            ruleID: "three-unqualified",
                            raisedIn: month,
                            months: bad,
                            consequence: LocalizedText(zh: "提请评标委员会注意"),
                            warnsNextTender: true
                        )
                    ]
                )
            } else {
                #expect(raised.isEmpty, "raised at \(month)")
            }
        }
    }

    @Test func twoInTwelveIsNotRaised() {
        let standings = Self.standings(
            unqualified: [Self.month(2021, 2), Self.month(2021, 5)],
            through: Self.month(2021, 12)
        )
        #expect(StandingRules.raised(plan: plan, month: Self.month(2021, 5), standings: standings).isEmpty)
    }

    @Test func monthsOutsideTheWindowDoNotCount() {
        // At 2021-05 the window is 2020-06 … 2021-05: 2020-05 is one month too early, 2020-06 just inside.
        let outside = Self.standings(
            unqualified: [Self.month(2020, 5), Self.month(2021, 2), Self.month(2021, 5)],
            from: Self.month(2020, 1),
            through: Self.month(2021, 5)
        )
        #expect(StandingRules.raised(plan: plan, month: Self.month(2021, 5), standings: outside).isEmpty)
        let inside = Self.standings(
            unqualified: [Self.month(2020, 6), Self.month(2021, 2), Self.month(2021, 5)],
            from: Self.month(2020, 1),
            through: Self.month(2021, 5)
        )
        let raised = StandingRules.raised(plan: plan, month: Self.month(2021, 5), standings: inside)
        #expect(raised.map(\.months) == [[Self.month(2020, 6), Self.month(2021, 2), Self.month(2021, 5)]])
    }

    @Test func aFourthBadMonthRaisesItAgain() {
        let bad = [Self.month(2021, 2), Self.month(2021, 5), Self.month(2021, 9), Self.month(2021, 11)]
        let standings = Self.standings(unqualified: bad, through: Self.month(2021, 12))
        let raised = StandingRules.raised(plan: plan, month: Self.month(2021, 11), standings: standings)
        #expect(raised.map(\.months) == [bad])
    }

    @Test func twoRulesAreCheckedEachOnItsOwnWindow() {
        let plan = Perf.plan(rules: [
            Perf.rule("three-unqualified", count: 3, within: 12),
            Perf.rule("two-in-six", count: 2, within: 6, warns: false),
            Perf.rule("excellent-streak", standing: "excellent", count: 2, within: 2, warns: false),
        ])
        let standings = Self.standings(
            unqualified: [Self.month(2021, 2), Self.month(2021, 5), Self.month(2021, 9)],
            through: Self.month(2021, 12)
        )
        let raised = StandingRules.raised(plan: plan, month: Self.month(2021, 9), standings: standings)
        #expect(raised.map(\.ruleID) == ["three-unqualified", "two-in-six"])
        #expect(
            raised.map(\.months) == [
                [Self.month(2021, 2), Self.month(2021, 5), Self.month(2021, 9)],
                [Self.month(2021, 5), Self.month(2021, 9)],
            ]
        )
        #expect(raised.map(\.warnsNextTender) == [true, false])
        // At 2021-05 only two bad months so far, both within six: the second rule alone.
        #expect(
            StandingRules.raised(plan: plan, month: Self.month(2021, 5), standings: standings).map(\.ruleID) == [
                "two-in-six"
            ]
        )
    }

    @Test func aMonthNotEvaluatedRaisesNothing() {
        let standings = Self.standings(
            unqualified: [Self.month(2021, 1), Self.month(2021, 2), Self.month(2021, 3)],
            through: Self.month(2021, 3)
        )
        #expect(StandingRules.raised(plan: plan, month: Self.month(2021, 3), standings: standings).count == 1)
        #expect(StandingRules.raised(plan: plan, month: Self.month(2021, 4), standings: standings).isEmpty)
    }
}

/// The fact a later tender's history criterion scores.
@Suite struct HistoryFactTests {
    @Test func theWindowEndsTheMonthBeforePublication() {
        let window = HistoryFact.window(months: 36, before: YearMonth(year: 2024, month: 3)!)
        #expect(window.first == YearMonth(year: 2021, month: 3)! && window.last == YearMonth(year: 2024, month: 2)!)
        let january = HistoryFact.window(months: 12, before: YearMonth(year: 2024, month: 1)!)
        #expect(january.first == YearMonth(year: 2023, month: 1)! && january.last == YearMonth(year: 2023, month: 12)!)
        let one = HistoryFact.window(months: 1, before: YearMonth(year: 2024, month: 1)!)
        #expect(one.first == YearMonth(year: 2023, month: 12)! && one.last == one.first)
    }

    static func contract(_ id: String, _ scores: [String]) -> ContractHistory {
        ContractHistory(
            contractID: id,
            tenderID: "T-1",
            buyer: LocalizedText(zh: "机关事务中心"),
            contractor: PerformanceContractor(name: "清和物业", registrationID: "91331003MA2AXXXXXX"),
            months: scores.enumerated().map { index, score in
                HistoryMonth(
                    month: YearMonth(year: 2022, month: index + 1)!,
                    score: Perf.points(score),
                    standing: "qualified",
                    standingName: LocalizedText(zh: "合格")
                )
            }
        )
    }

    @Test func theMeanWeighsEveryMonthOfEveryContractTheSame() throws {
        let history = BidderHistory(
            contracts: [Self.contract("A", ["90", "85.5"]), Self.contract("B", ["70.25"])],
            warnings: []
        )
        // (90 + 85.5 + 70.25) / 3 = 245.75 / 3, not the mean of the contracts' means.
        #expect(try HistoryFact.mean(history) == Perf.ratio(983, 12))
    }

    @Test func noMonthIsNoMeanNotZero() throws {
        #expect(try HistoryFact.mean(BidderHistory(contracts: [], warnings: [])) == nil)
        #expect(try HistoryFact.mean(BidderHistory(contracts: [Self.contract("A", [])], warnings: [])) == nil)
    }

    @Test func aZeroMonthCountsAsZero() throws {
        let history = BidderHistory(contracts: [Self.contract("A", ["0", "100"])], warnings: [])
        #expect(try HistoryFact.mean(history) == 50)
    }

    static let rule = HistoryRule(
        months: 36,
        buyer: .thisBuyer,
        neutral: 6,
        scale: .linear(lower: 60, upper: 100, lowerPoints: 0, upperPoints: 10),
        location: Perf.at(50)
    )

    @Test func theMeanIsScoredOnTheRulesScale() throws {
        let history = BidderHistory(
            contracts: [Self.contract("A", ["90", "85.5"]), Self.contract("B", ["70.25"])],
            warnings: []
        )
        let scored = try HistoryFact.points(for: history, rule: Self.rule)
        // (983/12 − 60) × 10 / 40 = 263/48.
        #expect(scored.mean == Perf.ratio(983, 12))
        #expect(scored.points == Perf.ratio(263, 48))
        #expect(scored.applied != nil)
    }

    @Test func aBidderWithoutHistoryGetsTheNeutralPointsNotZero() throws {
        for history in [
            nil, BidderHistory(contracts: [], warnings: []),
            BidderHistory(contracts: [Self.contract("A", [])], warnings: []),
        ] {
            let scored = try HistoryFact.points(for: history, rule: Self.rule)
            #expect(scored.mean == nil && scored.points == 6 && scored.applied == nil)
        }
        // A real mean of 0 is not "no history": it scores the scale's bottom.
        let zero = try HistoryFact.points(
            for: BidderHistory(contracts: [Self.contract("A", ["0"])], warnings: []),
            rule: Self.rule
        )
        #expect(zero.mean == 0 && zero.points == 0)
    }

    @Test func onlyWarningRulesRaisedInTheWindowReachTheCommittee() {
        func raised(_ rule: String, _ year: Int, _ month: Int, warns: Bool = true) -> RaisedRule {
            RaisedRule(
                contractID: "A",
                ruleID: rule,
                raisedIn: YearMonth(year: year, month: month)!,
                months: [],
                consequence: LocalizedText(zh: "提请评标委员会注意"),
                warnsNextTender: warns
            )
        }
        let history = BidderHistory(
            contracts: [],
            warnings: [
                raised("early", 2021, 2), raised("first", 2021, 3), raised("quiet", 2022, 1, warns: false),
                raised("last", 2024, 2), raised("late", 2024, 3),
            ]
        )
        let window = HistoryFact.window(months: 36, before: YearMonth(year: 2024, month: 3)!)
        #expect(
            HistoryFact.warnings(history, first: window.first, last: window.last).map(\.ruleID) == ["first", "last"]
        )
    }
}
