import Foundation
import Testing

/// Issue 7, dates: every date a bid carries is checked against the tender's publication date, submission
/// deadline and evaluation date (rubrics/huangyan-logistics-2020.yaml: 2020-10-28, 2020-11-19T09:30:00+08:00,
/// 2020-11-20).
@Suite struct DateAttackTests {
    @Test func aViolationDatedInTheFutureIsNeverACleanRecord() throws {
        let copy = try ExampleTenderCopy()
        try copy.edit("bids/09-chengjiang.xml", "violation date=\"2017-06-15\"", "violation date=\"2021-06-15\"")
        let result = try copy.score()
        #expect(result.status == 0)
        #expect(
            result.stdout.contains(
                "- ✗ No major legal violation in business activities in the three years before the tender: major "
                    + "violation dated 2021-06-15 (bids/09-chengjiang.xml:97), after the evaluation date 2020-11-20: "
                    + "the record is not clean and must be clarified"
            )
        )
    }

    @Test func aViolationDatedImplausiblyLongAgoFailsTheGateToo() throws {
        let copy = try ExampleTenderCopy()
        try copy.edit("bids/02-hongyu.xml", "violation date=\"2019-08-22\"", "violation date=\"0219-08-22\"")
        let result = try copy.score()
        #expect(result.status == 0)
        #expect(
            result.stdout.contains(
                "major violation dated 0219-08-22 (bids/02-hongyu.xml:136), before 1990-01-01, earlier than any date "
                    + "a bid can plausibly carry: the record is not clean and must be clarified"
            )
        )
    }

    @Test func aLateSubmissionIsNotEvaluated() throws {
        let copy = try ExampleTenderCopy()
        try copy.edit(
            "bids/04-qinghe.xml",
            "submitted=\"2020-11-19T08:51:06+08:00\"",
            "submitted=\"2020-11-19T01:31:00Z\""
        )
        let result = try copy.score()
        // Refused: a lawful disqualification with its clause, not an input error.
        #expect(result.status == 0)
        #expect(copy.stderrLines(result) == [])
        #expect(
            result.stdout.contains(
                "| 台州青禾环境服务有限公司 | bids/04-qinghe.xml | disqualified | Failed: submitted at "
                    + "2020-11-19T01:31:00Z, after the deadline 2020-11-19T09:30:00+08:00; a late bid is refused "
                    + "(87号令 Art 33) (bids/04-qinghe.xml:2) |"
            )
        )
    }

    @Test func aSubmissionBeforePublicationCannotWinTheEarliestSubmissionTieBreak() throws {
        let copy = try ExampleTenderCopy()
        try copy.edit(
            "rubric.yaml",
            "tie-break: [group:capability, earliest-submission]",
            "tie-break: [earliest-submission]"
        )
        try copy.edit(
            "bids/05-juxiang.xml",
            "submitted=\"2020-11-18T16:37:25+08:00\"",
            "submitted=\"2020-10-01T08:00:00+08:00\""
        )
        let result = try copy.score()
        #expect(result.status == 0)
        #expect(
            copy.stderrLines(result) == [
                "bids/05-juxiang.xml: warning: the earliest-submission tie-break cannot use this bid's submission "
                    + "time ('2020-10-01T08:00:00+08:00' is before the tender was published); it ranks after bids "
                    + "whose time is known",
                "bids/05-juxiang.xml:2: warning: bid says it was submitted at 2020-10-01T08:00:00+08:00, before the "
                    + "tender was published (2020-10-28); the time cannot be true and cannot win the "
                    + "earliest-submission tie-break",
            ]
        )
        #expect(result.stdout.contains("| 1 | 浙江永宁城市服务有限公司 | 81.51 |"))
        #expect(result.stdout.contains("| 2 | 台州橘乡物业服务有限公司 | 81.51 |"))
        #expect(
            result.stdout.contains(
                "- Implausible date: 台州橘乡物业服务有限公司's submission is dated 2020-10-01T08:00:00+08:00 "
                    + "(bids/05-juxiang.xml:2), before the tender was published (2020-10-28); this time cannot win "
                    + "the earliest-submission tie-break"
            )
        )
    }

    @Test func aCommitmentSignedAfterTheEvaluationDateDoesNotCount() throws {
        let copy = try ExampleTenderCopy()
        try copy.edit(
            "bids/01-anlan.xml",
            "kind=\"technical-service\" signed=\"2020-11-16\"",
            "kind=\"technical-service\" signed=\"2020-11-21\""
        )
        let result = try copy.score()
        #expect(result.status == 0)
        #expect(
            result.stdout.contains(
                "- ✗ Signed technical service commitment: technical service commitment signed on 2020-11-21 "
                    + "(bids/01-anlan.xml:145), after the evaluation date 2020-11-20: it does not count"
            )
        )
    }

    @Test func aCommitmentSignedBeforePublicationDoesNotCount() throws {
        let copy = try ExampleTenderCopy()
        try copy.edit(
            "bids/01-anlan.xml",
            "kind=\"integrity\" signed=\"2020-11-16\"",
            "kind=\"integrity\" signed=\"2020-10-27\""
        )
        let result = try copy.score()
        #expect(result.status == 0)
        #expect(
            result.stdout.contains(
                "- ✗ Signed integrity (anti-corruption) commitment: integrity commitment signed on 2020-10-27 "
                    + "(bids/01-anlan.xml:147), before the tender was published (2020-10-28): it does not count"
            )
        )
    }

    @Test func anInvalidCalendarDateIsALocatedError() throws {
        let copy = try ExampleTenderCopy()
        try copy.edit(
            "bids/01-anlan.xml",
            "kind=\"technical-service\" signed=\"2020-11-16\"",
            "kind=\"technical-service\" signed=\"2020-02-30\""
        )
        let result = try copy.score()
        #expect(result.status == 4)
        #expect(
            result.stdout.contains(
                "bids/01-anlan.xml:145: error: bid does not follow the bid schema: element 'commitment', attribute "
                    + "'signed': '2020-02-30' is not a valid value of the atomic type 'date'"
            )
        )
    }
}
