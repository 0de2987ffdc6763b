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
