import Foundation
import TenderCore
import TenderModel
import Testing

@testable import TenderScoring

/// Recorded decisions applied as rounds (`DecisionRounds.evaluate`), one kind at a time, with exact values,
/// effects and diagnostics.
@Suite struct DecisionRoundTests {
    /// Price 30 (lowest-price ratio) and one judgement criterion of 70 points at step 0.5.
    private let rubric = Build.rubric(
        groups: [
            Build.priceGroup("30"),
            Build.group(
                "technical",
                "70",
                [Build.criterion("plan", "70", .judgement(JudgementRule(step: Build.decimal("0.5"), bands: [])))]
            ),
        ],
        minimumValidBids: 1
    )
    /// Alpha's 60 is more than 20 % below the others' mean (100): flagged abnormally low.
    private let bids = [
        Build.bid("Alpha", price: "60"), Build.bid("Beta", price: "100"), Build.bid("Gamma", price: "100"),
    ]

    private func points(_ text: String) -> Points { Build.decimal(text) }

    /// Every member's scores for Alpha, Beta and Gamma, in that order.
    private func sheet(_ members: [(String, [String])]) -> [ScoreSheetEntry] {
        var line = 1
        return members.flatMap { member, scores in
            zip(["Alpha", "Beta", "Gamma"], scores).compactMap { bidder, score in
                line += 1
                return score.isEmpty ? nil : Build.score(member, bidder, "plan", score, line: line)
            }
        }
    }

    /// Decision `number` starts at line 10 × number; each key's value is on its own line after it.
    private func decision(_ number: Int, _ kind: DecisionKind) -> Decision {
        let line = number * 10
        let keys = ["member", "bidder", "criterion", "from", "to", "outcome", "file", "score", "new-member"]
        var fields: [String: TenderCore.SourceLocation] = [:]
        for (offset, key) in keys.enumerated() {
            fields[key] = TenderCore.SourceLocation(file: "decisions.yaml", line: line + offset + 1, column: 7)
        }
        return Decision(
            number: number,
            date: "2020-11-20",
            by: "m1",
            reason: "reason \(number)",
            kind: kind,
            location: TenderCore.SourceLocation(file: "decisions.yaml", line: line, column: 5),
            fieldLocations: fields,
            hash: String(repeating: String(number % 10), count: 64)
        )
    }

    private func run(
        _ scores: [ScoreSheetEntry],
        _ decisions: [Decision],
        bids: [BidImportOutcome]? = nil,
        declarations: [ConflictDeclaration] = []
    ) throws -> Evaluation {
        try DecisionRounds.evaluate(
            rubric: rubric,
            bids: bids ?? self.bids,
            scores: scores,
            declarations: declarations,
            decisions: DecisionLog(file: "decisions.yaml", decisions: decisions)
        )
    }

    private func result(_ evaluation: Evaluation, _ bidder: String, file: String? = nil) throws -> BidResult {
        try #require(
            evaluation.results.first { $0.displayName == bidder && (file == nil || $0.file == file) }
        )
    }

    private func aggregate(_ evaluation: Evaluation, _ bidder: String) throws -> JudgementAggregate {
        let score = try #require(try result(evaluation, bidder).score(for: "plan"))
        guard case .judgement(let aggregate) = score.basis else { throw DecisionTestFailure.notJudgement }
        return aggregate
    }

    private func errors(_ evaluation: Evaluation) -> [String] {
        evaluation.diagnostics.filter { $0.severity == .error }.map(\.description)
    }

    private let threeMembers = [
        ("m1", ["60", "50", "40"]), ("m2", ["61.5", "50", "40"]), ("m3", ["62", "50", "40"]),
    ]

    // MARK: - Correction

    @Test func aCorrectionsFromMustBeTheCurrentValueAlsoAfterAnEarlierCorrection() throws {
        let evaluation = try run(
            sheet(threeMembers),
            [
                decision(1, .correction(correction("m2", from: "61.5", to: "62.5"))),
                decision(2, .correction(correction("m2", from: "61.5", to: "63"))),
                decision(3, .correction(correction("m1", from: "59", to: "60.5"))),
                decision(4, .correction(correction("m2", from: "62.5", to: "63"))),
            ]
        )
        #expect(evaluation.decisionRounds.map(\.applied) == [true, false, false, true])
        #expect(
            errors(evaluation) == [
                "decisions.yaml:24:7: error: decision 2 (correction): 'from' is 61.5 but member 'm2''s current score "
                    + "for 'Alpha' on 'plan' is 62.5 (after an earlier correction)",
                "decisions.yaml:34:7: error: decision 3 (correction): 'from' is 59 but member 'm1''s current score "
                    + "for 'Alpha' on 'plan' is 60 (as on the score sheet)",
            ]
        )
        #expect(
            evaluation.decisionRounds[0].effects == [
                .memberScore(
                    member: "m2",
                    bidder: "Alpha",
                    criterion: "plan",
                    before: points("61.5"),
                    after: points("62.5")
                ),
                .criterionPoints(bidder: "Alpha", criterion: "plan", before: points("61.17"), after: points("61.5")),
                .total(bidder: "Alpha", before: points("91.17"), after: points("91.5")),
            ]
        )
        #expect(evaluation.decisionRounds[1].effects.isEmpty)
        // (60 + 63 + 62) / 3, exact.
        let alpha = try #require(try result(evaluation, "Alpha").score(for: "plan"))
        #expect(alpha.unrounded == (try ExactRatio(185, 3)))
        #expect(alpha.points == points("61.67"))
        #expect(try aggregate(evaluation, "Alpha").scores.map(\.score) == [points("60"), points("63"), points("62")])
        #expect(evaluation.conclusion == .final)
    }

    private func correction(_ member: String, from: String, to: String) -> ScoreCorrection {
        ScoreCorrection(
            member: member,
            bidder: "Alpha",
            criterion: "plan",
            from: points(from),
            to: points(to),
            ground: .abnormallyHighOrLow
        )
    }

    @Test func aCorrectionOfAScoreThatIsNotCountedIsAnError() throws {
        let evaluation = try run(
            sheet(threeMembers),
            [
                decision(1, .recusal(member: "m3", bidder: "Alpha")),
                decision(2, .correction(correction("m3", from: "62", to: "61"))),
            ]
        )
        #expect(evaluation.decisionRounds.map(\.applied) == [true, false])
        #expect(
            errors(evaluation) == [
                "decisions.yaml:21:7: error: decision 2 (correction): member 'm3''s scores for 'Alpha' are not "
                    + "counted (recused or replaced); there is nothing to correct"
            ]
        )
    }

    // MARK: - Recusal

    private let fiveMembers = [
        ("m1", ["60", "50", "40"]), ("m2", ["61.5", "50", "40"]), ("m3", ["62", "50", "40"]),
        ("m4", ["63.5", "50", "40"]), ("m5", ["20", "50", "40"]),
    ]

    @Test func aRecusalCountsTheMeanOfTheOtherFourExactly() throws {
        let evaluation = try run(sheet(fiveMembers), [decision(1, .recusal(member: "m5", bidder: "Alpha"))])
        // (60 + 61.5 + 62 + 63.5) / 4 = 61.75; before, with m5's 20: 267 / 5 = 53.4.
        let alpha = try #require(try result(evaluation, "Alpha").score(for: "plan"))
        #expect(alpha.unrounded == points("61.75").ratio)
        let counted = try aggregate(evaluation, "Alpha")
        #expect(counted.count == 4)
        #expect(counted.scores.map(\.member) == ["m1", "m2", "m3", "m4"])
        #expect(counted.setAside.map(\.member) == ["m5"])
        #expect(counted.setAside.map(\.score) == [points("20")])
        #expect(
            evaluation.decisionRounds[0].effects == [
                .memberScore(member: "m5", bidder: "Alpha", criterion: "plan", before: points("20"), after: nil),
                .criterionPoints(bidder: "Alpha", criterion: "plan", before: points("53.4"), after: points("61.75")),
                .total(bidder: "Alpha", before: points("83.4"), after: points("91.75")),
            ]
        )
        // Beta's and Gamma's means still count all five members.
        #expect(try aggregate(evaluation, "Beta").count == 5)
        #expect(errors(evaluation).isEmpty)
    }

    /// Every member recused from Alpha: no counted score exists, so none is made up (a zero would decide the
    /// ranking); the criterion is outstanding and the evaluation preliminary until a member scores it.
    @Test func aBidderEveryMemberRecusedFromIsOutstandingNeverZero() throws {
        let recusals = ["m1", "m2", "m3"].enumerated().map { index, member in
            decision(index + 1, .recusal(member: member, bidder: "Alpha"))
        }
        let evaluation = try run(sheet(threeMembers), recusals)
        #expect(evaluation.conclusion == .preliminary)
        #expect(evaluation.outstanding == [OutstandingScore(member: nil, bidder: "Alpha", criterionID: "plan")])
        #expect(try result(evaluation, "Alpha").total == nil)
        #expect(evaluation.results.allSatisfy { $0.rank == nil })
        #expect(errors(evaluation).isEmpty)
    }

    @Test func aDeclaredConflictWithBlankScoresWaitsForTheRecordedRecusal() throws {
        var members = fiveMembers
        members[4] = ("m5", ["", "50", "40"])
        let declaration = ConflictDeclaration(
            member: "m5",
            bidder: "Alpha",
            noConflict: false,
            location: TenderCore.SourceLocation(file: "m5.csv", line: 2, column: 6)
        )
        let waiting = try run(sheet(members), [], declarations: [declaration])
        #expect(
            waiting.outstanding == [
                OutstandingScore(
                    member: "m5",
                    bidder: "Alpha",
                    criterionID: "plan",
                    conflictDeclaredAt: declaration.location
                )
            ]
        )
        #expect(waiting.conclusion == .preliminary)
        let recused = try run(
            sheet(members),
            [decision(1, .recusal(member: "m5", bidder: "Alpha"))],
            declarations: [declaration]
        )
        #expect(recused.outstanding.isEmpty)
        #expect(recused.conclusion == .final)
        #expect(try result(recused, "Alpha").score(for: "plan")?.unrounded == points("61.75").ratio)
        #expect(try result(recused, "Alpha").rank == 1)
    }

    @Test func aSecondRecusalOfTheSameMemberIsAnError() throws {
        let evaluation = try run(
            sheet(fiveMembers),
            [
                decision(1, .recusal(member: "m5", bidder: "Alpha")),
                decision(2, .recusal(member: "m5", bidder: "Alpha")),
            ]
        )
        #expect(
            errors(evaluation) == [
                "decisions.yaml:21:7: error: decision 2 (recusal): member 'm5' already does not score 'Alpha'"
            ]
        )
    }

    // MARK: - Replacement

    @Test func aReplacementArchivesTheReplacedMembersScoresAndCountsTheNewMember() throws {
        let scores = sheet(threeMembers + [("m4", ["66", "50", "40"])])
        let evaluation = try run(
            scores,
            [
                decision(1, .replacement(member: "m3", newMember: "m4")),
                decision(2, .replacement(member: "m3", newMember: "m5")),
            ]
        )
        #expect(evaluation.decisionRounds.map(\.applied) == [true, false])
        #expect(
            errors(evaluation) == [
                "decisions.yaml:21:7: error: decision 2 (replacement): member 'm3' was already replaced"
            ]
        )
        // Before: m1, m2, m3 (60 + 61.5 + 62) / 3 = 61.17, m4 not yet seated; after: m1, m2, m4 = 187.5 / 3 = 62.5.
        #expect(
            evaluation.decisionRounds[0].effects == [
                .archived(member: "m3", scores: 3),
                .criterionPoints(bidder: "Alpha", criterion: "plan", before: points("61.17"), after: points("62.5")),
                .total(bidder: "Alpha", before: points("91.17"), after: points("92.5")),
            ]
        )
        let alpha = try aggregate(evaluation, "Alpha")
        #expect(alpha.scores.map(\.member) == ["m1", "m2", "m4"])
        #expect(alpha.setAside.map(\.member) == ["m3"])
        #expect(try result(evaluation, "Alpha").score(for: "plan")?.unrounded == points("62.5").ratio)
        #expect(evaluation.members == ["m1", "m2", "m4"])
        #expect(evaluation.conclusion == .final)
    }

    @Test func aReplacedMembersDissentIsAnError() throws {
        let scores = sheet(threeMembers + [("m4", ["66", "50", "40"])])
        let evaluation = try run(
            scores,
            [
                decision(1, .replacement(member: "m3", newMember: "m4")),
                decision(2, .dissent(member: "m3", statement: "I disagree")),
            ]
        )
        #expect(evaluation.decisionRounds.map(\.applied) == [true, false])
        #expect(
            errors(evaluation) == [
                "decisions.yaml:21:7: error: decision 2 (dissent): member 'm3' was replaced earlier and no longer sits "
                    + "on the committee; only a sitting member's dissent is recorded"
            ]
        )
    }

    // MARK: - Clarification

    @Test func anAcceptedClarificationResolvesTheLowPriceFlag() throws {
        let evaluation = try run(
            sheet(threeMembers),
            [decision(1, .clarification(bidder: "Alpha", outcome: .accepted))]
        )
        let flag = try #require(
            evaluation.flags.first { if case .abnormallyLowPrice = $0 { true } else { false } }
        )
        #expect(flag.concernedBidders == ["Alpha"])
        #expect(evaluation.resolution(of: flag) == 1)
        #expect(evaluation.acceptedClarifications == ["Alpha": 1])
        #expect(evaluation.decisionRounds[0].applied)
        #expect(evaluation.decisionRounds[0].effects.isEmpty)
        #expect(try result(evaluation, "Alpha").status == .valid)
        #expect(evaluation.diagnostics.isEmpty)
    }

    @Test func aRejectedClarificationDisqualifiesTheBidWithTheClauseAndTheDecision() throws {
        let evaluation = try run(
            sheet(threeMembers),
            [decision(1, .clarification(bidder: "Alpha", outcome: .rejected))]
        )
        let alpha = try result(evaluation, "Alpha")
        #expect(alpha.status == .disqualified)
        let ground = try #require(alpha.disqualifications.first)
        #expect(
            ground.ground == .rejectedAfterClarification(decision: 1, date: "2020-11-20", reason: "reason 1")
        )
        #expect(ground.clause == "87号令 Art 60")
        #expect(ground.location == TenderCore.SourceLocation(file: "decisions.yaml", line: 16, column: 7))
        #expect(evaluation.acceptedClarifications.isEmpty)
        // Without Alpha the lowest price is 100: Beta and Gamma get the full 30.
        #expect(try result(evaluation, "Beta").score(for: "price")?.points == points("30"))
        #expect(
            evaluation.decisionRounds[0].effects.contains(
                .status(bidder: "Alpha", file: "Alpha.xml", before: .valid, after: .disqualified)
            )
        )
        #expect(
            evaluation.decisionRounds[0].rankChanges == [
                RankChange(bidder: "Beta", before: 2, after: 1), RankChange(bidder: "Gamma", before: 3, after: 2),
                RankChange(bidder: "Alpha", before: 1, after: nil),
            ]
        )
    }

    @Test func rejectingAnUnflaggedBidIsAnErrorAndAcceptingOneAWarning() throws {
        let evaluation = try run(
            sheet(threeMembers),
            [
                decision(1, .clarification(bidder: "Beta", outcome: .rejected)),
                decision(2, .clarification(bidder: "Gamma", outcome: .accepted)),
            ]
        )
        #expect(evaluation.decisionRounds.map(\.applied) == [false, true])
        #expect(
            evaluation.diagnostics.map(\.description) == [
                "decisions.yaml:16:7: error: decision 1 (clarification): the price of 'Beta' is not flagged as "
                    + "abnormally or implausibly low; only a flagged bid is clarified, and only a failed "
                    + "clarification rejects a bid (87号令 Art 60)",
                "decisions.yaml:22:7: warning: decision 2 (clarification): the price of 'Gamma' is not flagged as "
                    + "abnormally or implausibly low; the accepted clarification changes nothing",
            ]
        )
        #expect(try result(evaluation, "Beta").status == .valid)
        #expect(evaluation.acceptedClarifications.isEmpty)
    }

    // MARK: - Duplicate

    private var duplicateBids: [BidImportOutcome] {
        guard case .imported(var second, let warnings) = Build.bid("Alpha", price: "90") else { return [] }
        second.file = "Alpha-2.xml"
        return [Build.bid("Alpha", price: "80"), .imported(second, warnings: warnings)] + bids.dropFirst()
    }

    @Test func theChosenDuplicateCountsAndTheOtherIsSetAsideWithANote() throws {
        let held = try run(sheet(threeMembers), [], bids: duplicateBids)
        #expect(held.heldForCommittee == ["Alpha-2.xml", "Alpha.xml"])
        #expect(held.conclusion == .cannotConclude)

        let decided = try run(
            sheet(threeMembers),
            [decision(1, .duplicate(bidder: "Alpha", file: "Alpha-2.xml"))],
            bids: duplicateBids
        )
        #expect(decided.heldForCommittee.isEmpty)
        #expect(decided.conclusion == .final)
        let chosen = try result(decided, "Alpha", file: "Alpha-2.xml")
        #expect(chosen.status == .valid)
        #expect(chosen.price?.bidTotal == Build.decimal("90"))
        let other = try result(decided, "Alpha", file: "Alpha.xml")
        #expect(other.status == .notEvaluated)
        #expect(
            other.problems.map(\.description) == [
                "decisions.yaml:17:7: note: set aside: the committee decided that Alpha-2.xml is the bid of this "
                    + "bidder (decision 1, 2020-11-20)"
            ]
        )
        #expect(
            decided.decisionRounds[0].effects.contains(
                .status(bidder: "Alpha", file: "Alpha-2.xml", before: .notEvaluated, after: .valid)
            )
        )
        #expect(errors(decided).isEmpty)
    }

    @Test func aDuplicateDecisionNamingAnotherFileOrNothingHeldIsAnError() throws {
        let evaluation = try run(
            sheet(threeMembers),
            [
                decision(1, .duplicate(bidder: "Alpha", file: "Beta.xml")),
                decision(2, .duplicate(bidder: "Beta", file: "Beta.xml")),
            ],
            bids: duplicateBids
        )
        #expect(
            errors(evaluation) == [
                "decisions.yaml:17:7: error: decision 1 (duplicate): 'Beta.xml' is not a bid of 'Alpha'; its bids "
                    + "are 'Alpha-2.xml', 'Alpha.xml'",
                "decisions.yaml:22:7: error: decision 2 (duplicate): no bid of 'Beta' is held for the committee; "
                    + "there is nothing to decide",
            ]
        )
        #expect(evaluation.conclusion == .cannotConclude)
    }

    // MARK: - Consensus and dissent

    @Test func aConsensusCountsInsteadOfTheMeanWhichStaysBesideIt() throws {
        let evaluation = try run(
            sheet(threeMembers),
            [decision(1, .consensus(bidder: "Alpha", criterion: "plan", score: points("65")))]
        )
        let alpha = try #require(try result(evaluation, "Alpha").score(for: "plan"))
        #expect(alpha.points == points("65"))
        #expect(alpha.unrounded == points("65").ratio)
        let aggregate = try aggregate(evaluation, "Alpha")
        #expect(aggregate.consensus == points("65"))
        #expect(aggregate.sum == points("183.5"))
        #expect(aggregate.count == 3)
        #expect(
            evaluation.decisionRounds[0].effects == [
                .criterionPoints(bidder: "Alpha", criterion: "plan", before: points("61.17"), after: points("65")),
                .total(bidder: "Alpha", before: points("91.17"), after: points("95")),
            ]
        )
    }

    @Test func aDissentChangesNoScore() throws {
        let plain = try run(sheet(threeMembers), [])
        let evaluation = try run(sheet(threeMembers), [decision(1, .dissent(member: "m3", statement: "I disagree"))])
        #expect(evaluation.decisionRounds[0].applied)
        #expect(evaluation.decisionRounds[0].effects.isEmpty)
        #expect(evaluation.decisionRounds[0].rankChanges.isEmpty)
        #expect(evaluation.results == plain.results)
        #expect(evaluation.decisionsHead == String(repeating: "1", count: 64))
    }
}

private enum DecisionTestFailure: Error {
    case notJudgement
}
