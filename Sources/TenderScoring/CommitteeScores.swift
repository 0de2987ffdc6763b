import TenderCore
import TenderModel

/// Committee scores checked against the rubric and the bids, indexed by bidder name and criterion.
///
/// Out-of-range, off-step and duplicate scores are errors, never clamped or defaulted: 87号令 Art 64
/// allows correcting them only by the committee, on the record. Only valid bids need and use judgement scores: a
/// bid held for the committee, not evaluated or disqualified (a spoof the committee never saw, say) needs none,
/// and rows given for it are not used, a wrong one noted but never stopping the run.
struct CommitteeScores {
    let members: [String]
    private let scores: [String: [String: [MemberScore]]]
    /// Scores not counted because of a recorded decision (recusal, replacement), by bidder and criterion.
    private var setAside: [String: [String: [MemberScore]]] = [:]
    private var consensus: [String: Points] = [:]

    init(members: [String], scores: [String: [String: [MemberScore]]]) {
        self.members = members
        self.scores = scores
    }

    func scores(bidder: String, criterion: String) -> [MemberScore] {
        scores[bidder]?[criterion] ?? []
    }

    func setAside(bidder: String, criterion: String) -> [MemberScore] {
        setAside[bidder]?[criterion] ?? []
    }

    /// The committee's agreed score for the criterion, when a consensus decision is in force.
    func consensus(bidder: String, criterion: String) -> Points? {
        consensus[DecisionState.key(bidder, criterion)]
    }

    /// The scores as the decisions in force have them: corrected values, and recused or replaced members' scores
    /// set aside.
    func applying(_ state: DecisionState) -> CommitteeScores {
        var counted: [String: [String: [MemberScore]]] = [:]
        for (bidder, criteria) in scores {
            for (criterion, memberScores) in criteria {
                for var score in memberScores where state.isCounted(member: score.member, bidder: bidder) {
                    if let corrected = state.corrections[DecisionState.key(score.member, bidder, criterion)] {
                        score.score = corrected
                    }
                    counted[bidder, default: [:]][criterion, default: []].append(score)
                }
            }
        }
        var result = CommitteeScores(members: members, scores: counted)
        result.setAside = self.setAside(state)
        result.consensus = state.consensus
        return result
    }

    private func setAside(_ state: DecisionState) -> [String: [String: [MemberScore]]] {
        var setAside: [String: [String: [MemberScore]]] = [:]
        for (bidder, criteria) in scores {
            for (criterion, memberScores) in criteria {
                for score in memberScores where !state.isCounted(member: score.member, bidder: bidder) {
                    setAside[bidder, default: [:]][criterion, default: []].append(score)
                }
            }
        }
        return setAside
    }

    /// Checks every entry and indexes the good ones.
    ///
    /// - Parameters:
    ///   - entries: the rows of every score sheet, in sheet order.
    ///   - rubric: the rubric whose judgement criteria are scored.
    ///   - bidders: every bidder whose bid was read, by name, with its registration id, file and whether it is
    ///     valid. A row names a bidder by name or by registration id, both compared through `BidderIdentity`.
    ///   - unreadableBids: number of bid files that could not be read (their bidders are unknown).
    ///   - committee: the committee file, when there is one: members are matched to it by id or name, each scores
    ///     only the groups it assigns them, and every member must score every criterion of those groups.
    ///   - declarations: the members' conflict-of-interest declarations from their sheets.
    ///   - excusedPairs: member and bidder pairs (`DecisionState.key`) a recorded recusal excuses from scoring.
    ///   - excusedMembers: members a recorded replacement excuses from scoring.
    /// - Returns: the scores, the warnings about them, and the scores of valid bids not given yet.
    /// - Throws: `DiagnosticError` with every wrong or duplicate score of a valid bid.
    static func validate(
        _ entries: [ScoreSheetEntry],
        rubric: Rubric,
        bidders: [(name: String, registrationID: String?, file: String, valid: Bool)],
        unreadableBids: Int,
        committee: Committee? = nil,
        declarations: [ConflictDeclaration] = [],
        excusedPairs: Set<String> = [],
        excusedMembers: Set<String> = []
    ) throws(DiagnosticError) -> (CommitteeScores, [Diagnostic], [OutstandingScore]) {
        var collector = DiagnosticCollector()
        let roster = committee.map(CommitteeRoster.init)
        let reasonsRequired = rubric.committee.reasons == .required
        let judgement = Dictionary(
            rubric.criteria.compactMap { criterion -> (String, (Criterion, JudgementRule))? in
                guard case .judgement(let rule) = criterion.rule else { return nil }
                return (criterion.id, (criterion, rule))
            },
            uniquingKeysWith: { first, _ in first }
        )
        let index = BidderIndex(bidders)
        let validNames = Set(bidders.filter(\.valid).map(\.name))

        var members: [String] = []
        var table: [String: [String: [MemberScore]]] = [:]
        // Rows are told apart by small numbers for member, bidder and criterion, given once per spelling, rather
        // than by a composite text key built and hashed for every row.
        var firstSeen: [ScoreKey: SourceLocation] = [:]
        var memberNumbers: [String: Int] = [:]
        let criterionNumbers = Dictionary(
            judgement.keys.enumerated().map { ($1, $0) },
            uniquingKeysWith: { first, _ in first }
        )
        var bidderNumbers: [String: Int] = [:]
        // A sheet names each bidder once per member and criterion: match each spelling once.
        var matches: [String: (match: BidderIndex.Match, number: Int, used: Bool)] = [:]
        var assignedMember: [String: CommitteeMember] = [:]
        for var entry in entries {
            if let roster {
                guard let member = roster.member(entry.member) else {
                    collector.error(roster.unknown(entry.member), at: entry.memberLocation ?? entry.location)
                    continue
                }
                entry.member = member.id
                assignedMember[member.id] = member
            } else if !members.contains(entry.member) {
                members.append(entry.member)
            }
            guard let (criterion, rule) = judgement[entry.criterionID] else {
                let known = rubric.criteria.first { $0.id == entry.criterionID }
                let message =
                    known == nil
                    ? "unknown criterion '\(VisibleText.excerpt(entry.criterionID))'; judgement criteria are "
                        + judgement.keys.sorted().map { "'\(VisibleText.excerpt($0))'" }.joined(separator: ", ")
                    : "criterion '\(VisibleText.excerpt(entry.criterionID))' is not scored by the committee; its points are computed"
                collector.error(message, at: entry.location)
                continue
            }
            let match: BidderIndex.Match
            let bidderNumber: Int
            let used: Bool
            if let known = matches[entry.bidder] {
                (match, bidderNumber, used) = known
            } else {
                match = index.match(entry.bidder)
                if case .bidder(let name) = match {
                    bidderNumber = bidderNumbers[name] ?? bidderNumbers.count
                    bidderNumbers[name] = bidderNumber
                    used = validNames.contains(name)
                } else {
                    bidderNumber = -1
                    used = false
                }
                matches[entry.bidder] = (match, bidderNumber, used)
            }
            if case .ambiguous(let message) = match {
                collector.error(message, at: entry.location)
                continue
            }
            guard case .bidder(let bidder) = match else {
                if unreadableBids > 0 {
                    collector.warning(
                        "scores for '\(VisibleText.excerpt(entry.bidder))' ignored: no readable bid from this bidder "
                            + "(\(unreadableBids) bid file\(unreadableBids == 1 ? "" : "s") could not be read)",
                        at: entry.location
                    )
                } else {
                    collector.error("no bid from bidder '\(VisibleText.excerpt(entry.bidder))'", at: entry.location)
                }
                continue
            }
            // A wrong row for a bid that is not ranked changes nothing: it is noted, never an error.
            func problem(_ message: String) {
                if used {
                    collector.error(message, at: entry.location)
                } else {
                    collector.append(
                        .note(message + " (not used: the bid of '\(bidder)' is not ranked)", at: entry.location)
                    )
                }
            }
            let memberNumber = memberNumbers[entry.member] ?? memberNumbers.count
            memberNumbers[entry.member] = memberNumber
            let key = ScoreKey(
                member: memberNumber,
                bidder: bidderNumber,
                criterion: criterionNumbers[entry.criterionID] ?? -1
            )
            if let first = firstSeen[key] {
                problem(
                    "member '\(VisibleText.excerpt(entry.member))' scored '\(bidder)' on '\(VisibleText.excerpt(entry.criterionID))' twice "
                        + "(first at \(first))"
                )
                continue
            }
            firstSeen[key] = entry.location
            if entry.score < 0 || entry.score > criterion.points {
                problem(
                    "score \(entry.score.plainText) for '\(VisibleText.excerpt(entry.criterionID))' is outside 0…"
                        + "\(criterion.points.plainText); scores are never clamped"
                )
                continue
            }
            if let step = rule.step, step > 0, !isMultiple(entry.score, of: step) {
                problem(
                    "score \(entry.score.plainText) for '\(VisibleText.excerpt(entry.criterionID))' is not a multiple of its step "
                        + step.plainText
                )
                continue
            }
            if let member = assignedMember[entry.member], let group = rubric.group(containing: criterion.id),
                !member.groups.contains(group.id)
            {
                problem(
                    "member '\(VisibleText.escaped(member.id))' does not score group '\(group.id)' (criterion "
                        + "'\(criterion.id)' is in it); the committee file assigns them "
                        + member.groups.map { "'\($0)'" }.joined(separator: ", ")
                )
                continue
            }
            if reasonsRequired, entry.score < criterion.points, entry.reason == nil {
                let given = entry.reasonLocation == nil ? "the sheet has no reason column" : "its reason cell is empty"
                let message =
                    "score \(entry.score.plainText) for '\(VisibleText.excerpt(entry.criterionID))' is below its "
                    + "maximum \(criterion.points.plainText) and \(given); the rubric requires the member's reason for "
                    + "every score below the maximum (reasons: required)"
                if used {
                    collector.error(message, at: entry.reasonLocation ?? entry.location)
                } else {
                    collector.append(
                        .note(
                            message + " (not used: the bid of '\(bidder)' is not ranked)",
                            at: entry.reasonLocation ?? entry.location
                        )
                    )
                }
                // The score itself is good: it is kept, so the only error is the missing reason.
            }
            guard used else { continue }
            table[bidder, default: [:]][entry.criterionID, default: []]
                .append(
                    MemberScore(
                        member: entry.member,
                        score: entry.score,
                        location: entry.location,
                        reason: entry.reason
                    )
                )
        }

        // A member who declares a conflict of interest with a bidder must not score it (实施条例 Art 9).
        var conflicts: [String: SourceLocation] = [:]
        for declaration in declarations where !declaration.noConflict {
            let memberID = roster?.member(declaration.member)?.id ?? declaration.member
            guard case .bidder(let bidder) = index.match(declaration.bidder) else { continue }
            conflicts["\(memberID)\u{0}\(bidder)"] = declaration.location
            // A recorded recusal sets the scores aside: they are not counted, so nothing is wrong.
            if excusedPairs.contains(DecisionState.key(memberID, bidder)) { continue }
            let scored = table[bidder]?.values.flatMap { $0 }.filter { $0.member == memberID } ?? []
            guard let first = scored.compactMap(\.location).min() else { continue }
            collector.error(
                "member '\(VisibleText.escaped(memberID))' declares a conflict of interest with '\(bidder)' but scored "
                    + "it (\(first)); a member with a conflict of interest does not score that bidder: leave the "
                    + "scores empty and record the recusal",
                at: declaration.location
            )
        }

        if let roster {
            members = roster.committee.members.map(\.id)
        } else if let expected = rubric.committee.members, !entries.isEmpty, members.count > expected {
            collector.error(
                "score sheets name \(members.count) member\(members.count == 1 ? "" : "s") "
                    + "(\(members.joined(separator: ", "))); the rubric's committee has \(expected)",
                at: entries.first?.location
            )
        }
        // What is not given yet is outstanding, never an error: the run is preliminary until it comes in, or
        // until a recorded decision excuses the member (a recusal, a replacement).
        var outstanding: [OutstandingScore] = []
        let judgementCriteria = rubric.criteria.filter { judgement[$0.id] != nil }
        // Without a committee file, members the rubric counts but no sheet names are known only by number.
        let unnamedMembers = roster == nil ? max(rubric.committee.members.map { $0 - members.count } ?? 0, 0) : 0
        for name in validNames.sorted() {
            for criterion in judgementCriteria {
                let given = Set(table[name]?[criterion.id]?.map(\.member) ?? [])
                let expected =
                    roster.map { roster in
                        let group = rubric.group(containing: criterion.id)?.id
                        return roster.committee.members.filter { $0.groups.contains(group ?? "") }.map(\.id)
                    } ?? members
                // Every member who would score it recused or replaced: no counted score exists, and none may be
                // made up (a zero would silently decide the ranking); a member must score it.
                let counting = expected.filter {
                    !excusedMembers.contains($0) && !excusedPairs.contains(DecisionState.key($0, name))
                }
                if counting.isEmpty && !expected.isEmpty {
                    outstanding.append(OutstandingScore(member: nil, bidder: name, criterionID: criterion.id))
                }
                for member in expected where !given.contains(member) {
                    // A recorded recusal or replacement excuses the member's sheet.
                    if excusedMembers.contains(member) || excusedPairs.contains(DecisionState.key(member, name)) {
                        continue
                    }
                    outstanding.append(
                        OutstandingScore(
                            member: member,
                            bidder: name,
                            criterionID: criterion.id,
                            conflictDeclaredAt: conflicts["\(member)\u{0}\(name)"]
                        )
                    )
                }
                if unnamedMembers > 0 || (roster == nil && members.isEmpty) {
                    outstanding.append(OutstandingScore(member: nil, bidder: name, criterionID: criterion.id))
                }
            }
        }
        let memberOrder = Dictionary(members.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let criterionOrder = Dictionary(
            judgementCriteria.enumerated().map { ($1.id, $0) },
            uniquingKeysWith: { first, _ in first }
        )
        outstanding.sort { lhs, rhs in
            let left = (lhs.member.flatMap { memberOrder[$0] } ?? members.count, lhs.bidder)
            let right = (rhs.member.flatMap { memberOrder[$0] } ?? members.count, rhs.bidder)
            if left != right { return left < right }
            return (criterionOrder[lhs.criterionID] ?? 0) < (criterionOrder[rhs.criterionID] ?? 0)
        }
        try collector.throwIfErrors()
        return (CommitteeScores(members: members, scores: table), collector.diagnostics, outstanding)
    }

    /// A row's member, bidder and criterion, each by the number given to it in `validate`.
    private struct ScoreKey: Hashable {
        var member: Int
        var bidder: Int
        var criterion: Int
    }

    private static func isMultiple(_ value: Points, of step: Points) -> Bool {
        value.units % step.units == 0
    }
}

/// Finds the committee member a score-sheet row names, by id or by name, compared as identities (case, width and
/// invisible characters aside), as the committee loader compared them when it refused duplicates.
private struct CommitteeRoster {
    let committee: Committee
    private var byID: [String: Int] = [:]
    private var byName: [String: Int] = [:]

    init(_ committee: Committee) {
        self.committee = committee
        for (position, member) in committee.members.enumerated() {
            if let key = BidderIdentity.registrationIDKey(member.id) { byID[key.value] = position }
            if let key = BidderIdentity.nameKey(member.name) { byName[key.value] = position }
        }
    }

    func member(_ written: String) -> CommitteeMember? {
        let position =
            BidderIdentity.registrationIDKey(written).flatMap { byID[$0.value] }
            ?? BidderIdentity.nameKey(written).flatMap { byName[$0.value] }
        return position.map { committee.members[$0] }
    }

    func unknown(_ written: String) -> String {
        let listed = committee.members.prefix(10).map { "'\(VisibleText.escaped($0.id))'" }.joined(separator: ", ")
        let more = committee.members.count > 10 ? ", …" : ""
        return "member '\(VisibleText.escaped(written))' is not on the committee (\(committee.file)); its members are "
            + listed + more
    }
}

/// Finds the bidder a score-sheet row names, by name or by registration id, never letting one bidder's id stand
/// for another bidder's name.
private struct BidderIndex {
    enum Match {
        case none
        case bidder(String)
        case ambiguous(String)
    }

    let bidders: [(name: String, registrationID: String?, file: String, valid: Bool)]
    private var byName: [String: [Int]] = [:]
    private var byID: [String: [Int]] = [:]

    init(_ bidders: [(name: String, registrationID: String?, file: String, valid: Bool)]) {
        self.bidders = bidders
        for (position, bidder) in bidders.enumerated() {
            if let key = BidderIdentity.nameKey(bidder.name) { byName[key.value, default: []].append(position) }
            if let id = bidder.registrationID, let key = BidderIdentity.registrationIDKey(id) {
                byID[key.value, default: []].append(position)
            }
        }
    }

    func match(_ written: String) -> Match {
        let byName = BidderIdentity.nameKey(written).flatMap { self.byName[$0.value] } ?? []
        let byID = BidderIdentity.registrationIDKey(written).flatMap { self.byID[$0.value] } ?? []
        if !byName.isEmpty, !byID.isEmpty, Set(byName).isDisjoint(with: byID) {
            return .ambiguous(
                "'\(VisibleText.escaped(written))' is the name of \(describe(byName)) and the registration id of "
                    + "\(describe(byID)); a registration id never matches another bidder's name, so write the name "
                    + "or id that only one bidder has"
            )
        }
        let candidates = Set(byName + byID).sorted { bidders[$0].file < bidders[$1].file }
        guard let first = candidates.first else { return .none }
        // Bids held as duplicates share the valid bid's identity: the row scores the bid that is evaluated.
        let valid = candidates.filter { bidders[$0].valid }
        if valid.count > 1 {
            return .ambiguous("'\(VisibleText.escaped(written))' matches \(describe(valid))")
        }
        return .bidder(bidders[valid.first ?? first].name)
    }

    private func describe(_ positions: [Int]) -> String {
        positions.sorted { bidders[$0].file < bidders[$1].file }
            .map { "'\(VisibleText.escaped(bidders[$0].name))' (\(bidders[$0].file))" }
            .joined(separator: ", ")
    }
}
