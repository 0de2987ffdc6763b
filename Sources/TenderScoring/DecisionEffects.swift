import Foundation
import TenderCore
import TenderModel

/// What one round changed, found by comparing the evaluations before and after it.
enum DecisionEffects {
    static func between(_ before: Evaluation, _ after: Evaluation, decision: Decision) -> [DecisionEffect] {
        var effects: [DecisionEffect] = []
        if case .replacement(let member, _) = decision.kind {
            let archived = before.validResults.reduce(0) { count, result in
                count
                    + result.criterionScores.reduce(0) { count, score in
                        guard case .judgement(let aggregate) = score.basis else { return count }
                        return count + aggregate.scores.filter { $0.member == member }.count
                    }
            }
            effects.append(.archived(member: member, scores: archived))
        }
        let beforeByKey = Dictionary(
            before.results.map { ("\($0.displayName)\u{0}\($0.file)", $0) },
            uniquingKeysWith: { first, _ in first }
        )
        let afterKeys = Set(after.results.map { "\($0.displayName)\u{0}\($0.file)" })
        for result in after.results {
            guard let old = beforeByKey["\(result.displayName)\u{0}\(result.file)"] else { continue }
            if old.status != result.status {
                effects.append(
                    .status(bidder: result.displayName, file: result.file, before: old.status, after: result.status)
                )
            }
            guard old.status == .valid, result.status == .valid else { continue }
            for score in result.criterionScores {
                guard let previous = old.score(for: score.criterionID) else { continue }
                if case .replacement = decision.kind {
                } else {
                    let members = DecisionRounds.memberScores(old, criterion: score.criterionID)
                    let now = DecisionRounds.memberScores(result, criterion: score.criterionID)
                    for member in Set(members.keys).union(now.keys).sorted() where members[member] != now[member] {
                        effects.append(
                            .memberScore(
                                member: member,
                                bidder: result.displayName,
                                criterion: score.criterionID,
                                before: members[member],
                                after: now[member]
                            )
                        )
                    }
                }
                if previous.points != score.points {
                    effects.append(
                        .criterionPoints(
                            bidder: result.displayName,
                            criterion: score.criterionID,
                            before: previous.points,
                            after: score.points
                        )
                    )
                }
            }
            if old.total != result.total {
                effects.append(
                    .total(
                        bidder: result.displayName,
                        before: old.total,
                        after: result.total
                    )
                )
            }
        }
        // A bid that the round moved out of the results (a set-aside duplicate keeps its file) is still shown.
        for old in before.results where !afterKeys.contains("\(old.displayName)\u{0}\(old.file)") {
            effects.append(.status(bidder: old.displayName, file: old.file, before: old.status, after: .notEvaluated))
        }
        return effects
    }

    static func rankChanges(_ before: Evaluation, _ after: Evaluation) -> [RankChange] {
        var previous: [String: Int] = [:]
        for result in before.validResults { if let rank = result.rank { previous[result.displayName] = rank } }
        var changes: [RankChange] = []
        var seen: Set<String> = []
        for result in after.results {
            guard seen.insert(result.displayName).inserted else { continue }
            let old = previous[result.displayName]
            let new = result.status == .valid ? result.rank : nil
            if old != new { changes.append(RankChange(bidder: result.displayName, before: old, after: new)) }
        }
        return changes
    }
}
