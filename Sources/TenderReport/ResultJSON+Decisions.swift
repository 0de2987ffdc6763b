import TenderCore
import TenderModel

/// `result.json`'s `decisions`: the file, the chain's head and every round (docs/result-json.md).
extension ResultJSON {
    static func decisions(_ evaluation: Evaluation) -> JSONValue? {
        guard let file = evaluation.decisionsFile else { return nil }
        return .object([
            "file": .string(file),
            "head": .optional(evaluation.decisionsHead),
            "rounds": .array(evaluation.decisionRounds.map(round)),
        ])
    }

    static func round(_ round: DecisionRound) -> JSONValue {
        let decision = round.decision
        var object: [String: JSONValue] = [
            "number": .int(decision.number),
            "date": .string(decision.date),
            "by": .string(decision.by),
            "reason": .string(decision.reason),
            "kind": .string(decision.kind.keyword),
            "hash": .string(decision.hash),
            "location": location(decision.location),
            "applied": .bool(round.applied),
            "changes": .array(round.effects.map(effect)),
            "rankChanges": .array(
                round.rankChanges.map { change in
                    .object([
                        "bidder": .string(change.bidder), "before": .optional(change.before),
                        "after": .optional(change.after),
                    ])
                }
            ),
        ]
        switch decision.kind {
        case .correction(let correction):
            object["member"] = .string(correction.member)
            object["bidder"] = .string(correction.bidder)
            object["criterionID"] = .string(correction.criterion)
            object["from"] = points(correction.from)
            object["to"] = points(correction.to)
            object["ground"] = .string(correction.ground.rawValue)
        case .recusal(let member, let bidder):
            object["member"] = .string(member)
            object["bidder"] = .string(bidder)
        case .replacement(let member, let newMember):
            object["member"] = .string(member)
            object["newMember"] = .string(newMember)
        case .clarification(let bidder, let outcome):
            object["bidder"] = .string(bidder)
            object["outcome"] = .string(outcome.rawValue)
        case .duplicate(let bidder, let file):
            object["bidder"] = .string(bidder)
            object["file"] = .string(file)
        case .consensus(let bidder, let criterion, let score):
            object["bidder"] = .string(bidder)
            object["criterionID"] = .string(criterion)
            object["score"] = points(score)
        case .dissent(let member, let statement):
            object["member"] = .string(member)
            object["statement"] = .string(statement)
        }
        return .object(object)
    }

    static func effect(_ effect: DecisionEffect) -> JSONValue {
        switch effect {
        case .memberScore(let member, let bidder, let criterion, let before, let after):
            return .object([
                "type": .string("member-score"), "member": .string(member), "bidder": .string(bidder),
                "criterionID": .string(criterion), "before": points(before), "after": points(after),
            ])
        case .criterionPoints(let bidder, let criterion, let before, let after):
            return .object([
                "type": .string("criterion-points"), "bidder": .string(bidder), "criterionID": .string(criterion),
                "before": points(before), "after": points(after),
            ])
        case .total(let bidder, let before, let after):
            return .object([
                "type": .string("total"), "bidder": .string(bidder), "before": points(before),
                "after": points(after),
            ])
        case .status(let bidder, let file, let before, let after):
            return .object([
                "type": .string("status"), "bidder": .string(bidder), "file": .string(file),
                "before": .string(before.rawValue), "after": .string(after.rawValue),
            ])
        case .archived(let member, let scores):
            return .object(["type": .string("archived"), "member": .string(member), "scores": .int(scores)])
        }
    }

    /// Points as an exact JSON number, `null` when absent or not counted.
    static func points(_ value: Points?) -> JSONValue {
        value.map { .number($0.plainText) } ?? .null
    }
}
