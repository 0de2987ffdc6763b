import Foundation
import TenderCore
import TenderModel

/// Gives meaning to one raw decisions entry, recording a located diagnostic for everything wrong.
struct DecisionBuilder {
    let reader: NodeReader
    let rubric: Rubric
    let committee: Committee?

    func build(_ entry: RawDecisionEntry, number: Int, hash: String) -> Decision? {
        var locations: [String: SourceLocation] = [:]
        for field in entry.fields { locations[field.key] = field.location }
        func text(_ key: String) -> String? {
            guard let field = entry.fields.first(where: { $0.key == key }) else {
                reader.error("missing required key '\(key)' in decision \(number)", at: entry.location)
                return nil
            }
            let trimmed = field.value.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else {
                reader.error("'\(key)' must not be empty", at: field.location)
                return nil
            }
            return trimmed
        }
        guard let kindText = text("kind") else { return nil }
        guard let kindKeys = DecisionLoader.kindKeys[kindText] else {
            reader.error(
                "unknown decision kind '\(VisibleText.excerpt(kindText))'; expected one of: "
                    + DecisionKind.keywords.joined(separator: ", "),
                at: locations["kind"] ?? entry.location
            )
            return nil
        }
        let allowed = DecisionLoader.commonKeys + kindKeys
        for field in entry.fields where !allowed.contains(field.key) {
            reader.error(
                "unknown key '\(VisibleText.excerpt(field.key))' in a \(kindText) decision; expected one of: "
                    + allowed.joined(separator: ", "),
                at: field.keyLocation
            )
        }
        let date = text("date").flatMap { checkDate($0, at: locations["date"] ?? entry.location) }
        let by = text("by")
        // A dissent's statement is its reason; every other decision states why it was made.
        let reason = kindText == "dissent" ? (entry.value("reason") ?? "") : text("reason")
        let kind: DecisionKind?
        switch kindText {
        case "correction":
            kind = correction(entry, text: text, locations: locations)
        case "recusal":
            let member = text("member").flatMap { self.member($0, at: locations["member"]) }
            let bidder = text("bidder")
            kind = member.flatMap { member in bidder.map { .recusal(member: member, bidder: $0) } }
        case "replacement":
            let member = text("member").flatMap { self.member($0, at: locations["member"]) }
            let newMember = text("new-member").flatMap { self.member($0, at: locations["new-member"]) }
            if let member, let newMember, member == newMember {
                reader.error(
                    "member '\(VisibleText.escaped(member))' cannot replace themselves",
                    at: locations["new-member"] ?? entry.location
                )
                kind = nil
            } else {
                kind = member.flatMap { member in newMember.map { .replacement(member: member, newMember: $0) } }
            }
        case "clarification":
            let bidder = text("bidder")
            let outcome = text("outcome").flatMap { written -> ClarificationOutcome? in
                guard let outcome = ClarificationOutcome(rawValue: written) else {
                    reader.error(
                        "'outcome' must be accepted or rejected (non-responsive), found "
                            + "'\(VisibleText.excerpt(written))'",
                        at: locations["outcome"] ?? entry.location
                    )
                    return nil
                }
                return outcome
            }
            kind = bidder.flatMap { bidder in outcome.map { .clarification(bidder: bidder, outcome: $0) } }
        case "duplicate":
            let bidder = text("bidder")
            let file = text("file")
            kind = bidder.flatMap { bidder in file.map { .duplicate(bidder: bidder, file: $0) } }
        case "consensus":
            let bidder = text("bidder")
            let criterion = text("criterion").flatMap { judgementCriterion($0, at: locations["criterion"]) }
            let score = criterion.flatMap { criterion in
                text("score").flatMap { points($0, key: "score", criterion: criterion, at: locations["score"]) }
            }
            kind = bidder.flatMap { bidder in
                criterion.flatMap { criterion in
                    score.map { .consensus(bidder: bidder, criterion: criterion.id, score: $0) }
                }
            }
        default:
            let member = text("member").flatMap { self.member($0, at: locations["member"]) }
            let statement = text("statement")
            kind = member.flatMap { member in statement.map { .dissent(member: member, statement: $0) } }
        }
        guard let date, let by, let reason, let kind else { return nil }
        return Decision(
            number: number,
            date: date,
            by: by,
            reason: reason,
            kind: kind,
            location: entry.location,
            fieldLocations: locations,
            hash: hash
        )
    }

    private func correction(
        _ entry: RawDecisionEntry,
        text: (String) -> String?,
        locations: [String: SourceLocation]
    ) -> DecisionKind? {
        let member = text("member").flatMap { self.member($0, at: locations["member"]) }
        let bidder = text("bidder")
        let criterion = text("criterion").flatMap { judgementCriterion($0, at: locations["criterion"]) }
        let from = criterion.flatMap { criterion in
            text("from").flatMap {
                points($0, key: "from", criterion: criterion, at: locations["from"], inRange: false)
            }
        }
        let to = criterion.flatMap { criterion in
            text("to").flatMap { points($0, key: "to", criterion: criterion, at: locations["to"]) }
        }
        let ground = text("ground").flatMap { written -> CorrectionGround? in
            if let ground = CorrectionGround.allCases.first(where: {
                $0.rawValue == written || $0.statutoryText == written
            }) {
                return ground
            }
            reader.error(
                "'ground' must be one of the grounds of 87号令 Art 64: "
                    + CorrectionGround.allCases.map { "\($0.rawValue) (\($0.statutoryText))" }.joined(separator: ", ")
                    + "; found '\(VisibleText.excerpt(written))'",
                at: locations["ground"] ?? entry.location
            )
            return nil
        }
        if let from, let to, from == to {
            reader.error(
                "'to' is the same as 'from' (\(to.plainText)); a correction changes the score",
                at: locations["to"] ?? entry.location
            )
            return nil
        }
        guard let member, let bidder, let criterion, let from, let to, let ground else { return nil }
        return .correction(
            ScoreCorrection(member: member, bidder: bidder, criterion: criterion.id, from: from, to: to, ground: ground)
        )
    }

    /// A date that is a real day, not before the tender was published (or its deadline, when the rubric gives
    /// one) and not after the evaluation date: decisions are made by the committee that evaluates.
    private func checkDate(_ written: String, at location: SourceLocation) -> String? {
        guard CalendarDate.parts(written) != nil else {
            reader.error(
                "'date' must be a calendar date YYYY-MM-DD, found '\(VisibleText.excerpt(written))'",
                at: location
            )
            return nil
        }
        let tender = rubric.tender
        if let deadline = tender.submissionDeadline.map({ String($0.prefix(10)) }), written < deadline {
            reader.error(
                "date \(written) is before the submission deadline (\(deadline)); the committee decides after the bids "
                    + "are opened",
                at: location
            )
            return nil
        }
        if let published = tender.published, written < published {
            reader.error("date \(written) is before the tender was published (\(published))", at: location)
            return nil
        }
        if written > tender.evaluationDate {
            reader.error(
                "date \(written) is after the rubric's evaluation date (\(tender.evaluationDate)); a decision made "
                    + "later belongs to a later evaluation: set the rubric's evaluation-date to the day of the run",
                at: location
            )
            return nil
        }
        return written
    }

    /// The committee member `written` names (by id or name), as their id; any text when there is no committee file.
    private func member(_ written: String, at location: SourceLocation?) -> String? {
        guard let committee else { return written }
        let key = BidderIdentity.registrationIDKey(written)?.value
        let nameKey = BidderIdentity.nameKey(written)?.value
        if let member = committee.members.first(where: {
            (key != nil && BidderIdentity.registrationIDKey($0.id)?.value == key)
                || (nameKey != nil && BidderIdentity.nameKey($0.name)?.value == nameKey)
        }) {
            return member.id
        }
        reader.error(
            "member '\(VisibleText.escaped(written))' is not on the committee (\(committee.file)); its members are "
                + committee.members.prefix(10).map { "'\(VisibleText.escaped($0.id))'" }.joined(separator: ", "),
            at: location ?? SourceLocation(file: reader.file)
        )
        return nil
    }

    private func judgementCriterion(_ id: String, at location: SourceLocation?) -> Criterion? {
        guard let criterion = rubric.criteria.first(where: { $0.id == id }) else {
            reader.error(
                "unknown criterion '\(VisibleText.excerpt(id))'; judgement criteria are "
                    + judgementCriteria.map { "'\($0.id)'" }.joined(separator: ", "),
                at: location ?? SourceLocation(file: reader.file)
            )
            return nil
        }
        guard case .judgement = criterion.rule else {
            reader.error(
                "criterion '\(id)' is not scored by the committee (its points are computed); only judgement scores "
                    + "are corrected or agreed by decision",
                at: location ?? SourceLocation(file: reader.file)
            )
            return nil
        }
        return criterion
    }

    private var judgementCriteria: [Criterion] {
        rubric.criteria.filter {
            if case .judgement = $0.rule { return true }
            return false
        }
    }

    /// A score for `criterion` as exact `Points`; `inRange` asks for 0…points at the criterion's step (a `from`
    /// may be the out-of-range score being corrected).
    private func points(
        _ written: String,
        key: String,
        criterion: Criterion,
        at location: SourceLocation?,
        inRange: Bool = true
    ) -> Points? {
        let location = location ?? SourceLocation(file: reader.file)
        let value: Points
        do {
            value = try Points(parsing: written)
        } catch {
            reader.error("'\(key)' must be a score, found '\(VisibleText.excerpt(written))' (\(error))", at: location)
            return nil
        }
        guard inRange else { return value }
        let maximum = criterion.points
        guard value >= .zero, value <= maximum else {
            reader.error(
                "'\(key)' \(value.plainText) is outside 0…\(maximum.plainText), the points of '\(criterion.id)'",
                at: location
            )
            return nil
        }
        if case .judgement(let rule) = criterion.rule, let step = rule.step,
            step.units > 0, value.units % step.units != 0
        {
            reader.error(
                "'\(key)' \(value.plainText) is not a multiple of the step \(step.plainText) of '\(criterion.id)'",
                at: location
            )
            return nil
        }
        return value
    }
}
