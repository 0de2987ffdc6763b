import Foundation
public import TenderCore
public import TenderModel

/// Applies a tender's recorded decisions in order, one round each: the evaluation is computed before the first
/// and again after every decision, and each round keeps what changed (values before and after, ranks). Pure.
///
/// A decision that does not fit the evaluation it is applied to (a `from` that is not the member's current
/// score, a rejected bid that was never flagged, a bidder with no bid) is an error at its line and column; it
/// changes nothing and the later decisions still apply, so one mistake never hides the others.
public enum DecisionRounds {
    /// - Throws: as `TenderEvaluator.evaluate` (score sheet errors, before any decision applies).
    public static func evaluate(
        rubric: Rubric,
        bids: [BidImportOutcome],
        scores: [ScoreSheetEntry],
        committee: Committee? = nil,
        declarations: [ConflictDeclaration] = [],
        history: PerformanceHistory? = nil,
        decisions log: DecisionLog?
    ) throws(DiagnosticError) -> Evaluation {
        guard let log else {
            return try TenderEvaluator.evaluate(
                rubric: rubric,
                bids: bids,
                scores: scores,
                committee: committee,
                declarations: declarations,
                history: history
            )
        }
        let bidders = BidderNames(bids)
        var state = DecisionState()
        for decision in log.decisions {
            switch decision.kind {
            case .recusal(let member, let bidder):
                if let name = bidders.name(bidder) { state.excusedPairs.insert(DecisionState.key(member, name)) }
            case .replacement(let member, let newMember):
                state.excusedMembers.insert(member)
                state.waiting.insert(newMember)
            default:
                break
            }
        }
        func evaluate(_ state: DecisionState) throws(DiagnosticError) -> Evaluation {
            try TenderEvaluator.evaluate(
                rubric: rubric,
                bids: bids,
                scores: scores,
                committee: committee,
                declarations: declarations,
                history: history,
                state: state
            )
        }
        var current = try evaluate(state)
        var rounds: [DecisionRound] = []
        var problems: [Diagnostic] = []
        for decision in log.decisions {
            var next = state
            let check = apply(decision, to: &next, current: current, bidders: bidders)
            problems += check.diagnostics
            guard check.applies else {
                rounds.append(DecisionRound(decision: decision, applied: false, effects: [], rankChanges: []))
                continue
            }
            // A dissent changes no score: nothing to evaluate again (a long record of them stays cheap).
            if case .dissent = decision.kind {
                rounds.append(DecisionRound(decision: decision, applied: true, effects: [], rankChanges: []))
                state = next
                continue
            }
            let after: Evaluation
            do {
                after = try evaluate(next)
            } catch {
                problems += error.diagnostics
                rounds.append(DecisionRound(decision: decision, applied: false, effects: [], rankChanges: []))
                continue
            }
            rounds.append(
                DecisionRound(
                    decision: decision,
                    applied: true,
                    effects: DecisionEffects.between(current, after, decision: decision),
                    rankChanges: DecisionEffects.rankChanges(current, after)
                )
            )
            state = next
            current = after
        }
        current.decisionRounds = rounds
        current.decisionsFile = log.file
        current.decisionsHead = log.head
        current.diagnostics = (current.diagnostics + problems).sorted { $0.description < $1.description }
        return current
    }

    /// Checks `decision` against the evaluation so far and adds it to `state`.
    static func apply(
        _ decision: Decision,
        to state: inout DecisionState,
        current: Evaluation,
        bidders: BidderNames
    ) -> (applies: Bool, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func fail(_ message: String, at key: String) -> (applies: Bool, diagnostics: [Diagnostic]) {
            diagnostics.append(
                .error(
                    "decision \(decision.number) (\(decision.kind.keyword)): " + message,
                    at: decision.location(of: key)
                )
            )
            return (false, diagnostics)
        }
        func validResult(_ written: String) -> BidResult? {
            guard let name = bidders.name(written) else { return nil }
            return current.validResults.first { $0.displayName == name }
        }
        func noValidBid(_ written: String) -> String {
            guard let name = bidders.name(written) else {
                return "no bid from bidder '\(VisibleText.excerpt(written))'"
            }
            let status = current.results.first { $0.displayName == name }?.status.rawValue ?? "not read"
            return "the bid of '\(name)' is not a valid bid at this point (\(status))"
        }
        switch decision.kind {
        case .correction(let correction):
            guard let result = validResult(correction.bidder) else {
                return fail(noValidBid(correction.bidder), at: "bidder")
            }
            let name = result.displayName
            guard state.isCounted(member: correction.member, bidder: name) else {
                return fail(
                    "member '\(VisibleText.escaped(correction.member))''s scores for '\(name)' are not counted "
                        + "(recused or replaced); there is nothing to correct",
                    at: "member"
                )
            }
            let currentScore = memberScores(result, criterion: correction.criterion)[correction.member]
            let key = DecisionState.key(correction.member, name, correction.criterion)
            if currentScore == nil && !current.outstanding.isEmpty {
                // A preliminary evaluation shows no judgement score to check 'from' against: the correction is
                // kept in force and checked by the final run, when every score is in.
                state.corrections[key] = correction.to
                break
            }
            guard let currentScore else {
                return fail(
                    "member '\(VisibleText.escaped(correction.member))' has no score for '\(name)' on "
                        + "'\(correction.criterion)'",
                    at: "member"
                )
            }
            guard currentScore == correction.from else {
                let earlier = state.corrections[DecisionState.key(correction.member, name, correction.criterion)]
                return fail(
                    "'from' is \(correction.from.plainText) but member '\(VisibleText.escaped(correction.member))''s "
                        + "current score for '\(name)' on '\(correction.criterion)' is \(currentScore.plainText)"
                        + (earlier == nil ? " (as on the score sheet)" : " (after an earlier correction)"),
                    at: "from"
                )
            }
            state.corrections[DecisionState.key(correction.member, name, correction.criterion)] = correction.to
        case .recusal(let member, let bidder):
            guard let name = bidders.name(bidder) else { return fail(noValidBid(bidder), at: "bidder") }
            guard state.isCounted(member: member, bidder: name) else {
                return fail("member '\(VisibleText.escaped(member))' already does not score '\(name)'", at: "member")
            }
            state.recusals.insert(DecisionState.key(member, name))
        case .replacement(let member, let newMember):
            guard !state.replaced.contains(member) else {
                return fail("member '\(VisibleText.escaped(member))' was already replaced", at: "member")
            }
            guard !state.replaced.contains(newMember) else {
                return fail("member '\(VisibleText.escaped(newMember))' was replaced earlier", at: "new-member")
            }
            state.replaced.insert(member)
            state.waiting.remove(newMember)
        case .clarification(let bidder, let outcome):
            guard let result = validResult(bidder) else { return fail(noValidBid(bidder), at: "bidder") }
            let name = result.displayName
            let flagged = current.flags.contains { flag in
                switch flag {
                case .abnormallyLowPrice(let flaggedBidder, _, _, _), .implausiblyLowPrice(let flaggedBidder, _, _, _):
                    return flaggedBidder == name
                default:
                    return false
                }
            }
            if !flagged {
                if outcome == .rejected {
                    return fail(
                        "the price of '\(name)' is not flagged as abnormally or implausibly low; only a flagged bid "
                            + "is clarified, and only a failed clarification rejects a bid (87号令 Art 60)",
                        at: "outcome"
                    )
                }
                diagnostics.append(
                    .warning(
                        "decision \(decision.number) (clarification): the price of '\(name)' is not flagged as "
                            + "abnormally or implausibly low; the accepted clarification changes nothing",
                        at: decision.location(of: "bidder")
                    )
                )
            }
            switch outcome {
            case .rejected: state.rejected[name] = decision
            case .accepted: if flagged { state.accepted[name] = decision }
            }
        case .duplicate(let bidder, let file):
            guard let name = bidders.name(bidder) else { return fail(noValidBid(bidder), at: "bidder") }
            let held = current.heldForCommittee
            let files = bidders.files(of: name)
            guard files.contains(file) else {
                return fail(
                    "'\(VisibleText.escaped(file))' is not a bid of '\(name)'; its bids are "
                        + files.map { "'\(VisibleText.escaped($0))'" }.joined(separator: ", "),
                    at: "file"
                )
            }
            guard files.contains(where: held.contains) else {
                return fail("no bid of '\(name)' is held for the committee; there is nothing to decide", at: "bidder")
            }
            state.chosenDuplicates.append((file, decision))
        case .consensus(let bidder, let criterion, let score):
            guard let result = validResult(bidder) else { return fail(noValidBid(bidder), at: "bidder") }
            state.consensus[DecisionState.key(result.displayName, criterion)] = score
        case .dissent(let member, _):
            guard !state.replaced.contains(member) else {
                return fail(
                    "member '\(VisibleText.escaped(member))' was replaced earlier and no longer sits on the committee; "
                        + "only a sitting member's dissent is recorded",
                    at: "member"
                )
            }
        }
        return (true, diagnostics)
    }

    /// Each member's counted score for the criterion, as exact points.
    static func memberScores(_ result: BidResult, criterion: String) -> [String: Points] {
        guard case .judgement(let aggregate)? = result.score(for: criterion)?.basis else { return [:] }
        var scores: [String: Points] = [:]
        for score in aggregate.scores {
            scores[score.member] = score.score
        }
        return scores
    }
}

/// Resolves a bidder as a decision writes it (name or registration id) to the name its bid gives.
struct BidderNames {
    private var byName: [String: String] = [:]
    private var byID: [String: String] = [:]
    private var filesByName: [String: [String]] = [:]

    init(_ bids: [BidImportOutcome]) {
        for outcome in bids {
            guard case .imported(let bid, _) = outcome else { continue }
            let name = bid.bidder.name
            if let key = BidderIdentity.nameKey(name)?.value, byName[key] == nil { byName[key] = name }
            if let id = bid.bidder.registrationID, let key = BidderIdentity.registrationIDKey(id)?.value,
                byID[key] == nil
            {
                byID[key] = name
            }
        }
        for outcome in bids {
            guard case .imported(let bid, _) = outcome else { continue }
            let name = self.name(bid.bidder.name) ?? bid.bidder.name
            filesByName[name, default: []].append(bid.file)
            if let id = bid.bidder.registrationID, let owner = self.name(id), owner != name {
                filesByName[owner, default: []].append(bid.file)
            }
        }
    }

    func name(_ written: String) -> String? {
        BidderIdentity.nameKey(written).flatMap { byName[$0.value] }
            ?? BidderIdentity.registrationIDKey(written).flatMap { byID[$0.value] }
    }

    func files(of name: String) -> [String] {
        (filesByName[name] ?? []).sorted()
    }
}
