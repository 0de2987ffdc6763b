import Foundation
import TenderCore
import TenderModel

/// Orders valid bids by the legal chain: total ↓ (or, for the lowest-evaluated-price method, price ↑ first),
/// evaluated price ↑, then the rubric's tie-break rules; bids still equal share a rank (并列).
enum Ranking {
    private enum Step {
        case total
        case price
        case rule(TieBreakRule)

        var decision: TieBreakDecision? {
            switch self {
            case .total: return nil
            case .price: return .lowerEvaluatedPrice
            case .rule(let rule): return .rule(rule)
            }
        }
    }

    private enum Order {
        case before(Step)
        case after(Step)
        case equal
    }

    static func rank(_ results: [BidResult], rubric: Rubric) -> [BidResult] {
        let primary: [Step] = rubric.tender.method == .comprehensive ? [.total, .price] : [.price]
        let steps = primary + rubric.tender.tieBreak.map(Step.rule)
        let priceGroups = Set(rubric.groups.filter(\.isPrice).map(\.id))
        func compare(_ lhs: BidResult, _ rhs: BidResult) -> Order {
            for step in steps {
                switch compareOn(step, lhs, rhs, priceGroups: priceGroups, rubric: rubric) {
                case .orderedAscending: return .before(step)
                case .orderedDescending: return .after(step)
                case .orderedSame: continue
                }
            }
            return .equal
        }
        let sorted = results.sorted { lhs, rhs in
            switch compare(lhs, rhs) {
            case .before: return true
            case .after: return false
            case .equal: return (lhs.displayName, lhs.file) < (rhs.displayName, rhs.file)
            }
        }
        var ranked = sorted
        for index in ranked.indices {
            guard index > 0 else {
                ranked[index].rank = 1
                continue
            }
            switch compare(ranked[index - 1], ranked[index]) {
            case .equal:
                ranked[index].rank = ranked[index - 1].rank
            case .before(let step), .after(let step):
                ranked[index].rank = index + 1
                if let firstStep = primary.first, !isSame(step, firstStep) {
                    ranked[index - 1].decidedBy = step.decision
                }
            }
        }
        // Bidders sharing each rank, in ranking order (one pass, so 100,000 bids do not cost 10^10 comparisons).
        var sharing: [Int: [(file: String, name: String)]] = [:]
        for entry in ranked {
            if let rank = entry.rank { sharing[rank, default: []].append((entry.file, entry.displayName)) }
        }
        for index in ranked.indices {
            let file = ranked[index].file
            ranked[index].tiedWith = (ranked[index].rank.flatMap { sharing[$0] } ?? []).filter { $0.file != file }
                .map(\.name)
        }
        return ranked
    }

    private static func isSame(_ lhs: Step, _ rhs: Step) -> Bool {
        switch (lhs, rhs) {
        case (.total, .total), (.price, .price): return true
        default: return false
        }
    }

    /// `.orderedAscending` means `lhs` ranks higher.
    private static func compareOn(
        _ step: Step,
        _ lhs: BidResult,
        _ rhs: BidResult,
        priceGroups: Set<String>,
        rubric: Rubric
    ) -> ComparisonResult {
        switch step {
        case .total:
            return descending(lhs.total ?? 0, rhs.total ?? 0)
        case .price:
            return ascending(lhs.price?.evaluatedPrice ?? 0, rhs.price?.evaluatedPrice ?? 0)
        case .rule(.technicalScore):
            // Group scores are bounded by the rubric's 100 points: their unit sums cannot overflow.
            func technical(_ result: BidResult) -> Int64 {
                result.groupScores.filter { !priceGroups.contains($0.groupID) }.reduce(0) { $0 &+ $1.points.units }
            }
            return descending(technical(lhs), technical(rhs))
        case .rule(.groupScore(let ids)):
            func sum(_ result: BidResult) -> Int64 {
                ids.reduce(0) { $0 &+ (result.groupScore(for: $1)?.units ?? 0) }
            }
            return descending(sum(lhs), sum(rhs))
        case .rule(.criterionScore(let id)):
            return descending(lhs.score(for: id)?.points ?? 0, rhs.score(for: id)?.points ?? 0)
        case .rule(.earliestSubmission):
            // Bids whose time is not a readable instant come after those whose time is, and equal to each other,
            // so the order stays consistent (and independent of file order) whatever the bids say.
            switch (
                submissionInstant(lhs.submittedAt, rubric: rubric), submissionInstant(rhs.submittedAt, rubric: rubric)
            ) {
            case (let left?, let right?): return ascending(left, right)
            case (.some, nil): return .orderedAscending
            case (nil, .some): return .orderedDescending
            case (nil, nil): return .orderedSame
            }
        }
    }

    private static func descending<T: Comparable>(_ lhs: T, _ rhs: T) -> ComparisonResult {
        lhs == rhs ? .orderedSame : (lhs > rhs ? .orderedAscending : .orderedDescending)
    }

    private static func ascending<T: Comparable>(_ lhs: T, _ rhs: T) -> ComparisonResult {
        lhs == rhs ? .orderedSame : (lhs < rhs ? .orderedAscending : .orderedDescending)
    }

    /// The instant the earliest-submission tie-break may use: none for a time before the tender was published
    /// (or before any plausible date), which cannot be true and so must not win.
    static func submissionInstant(_ text: String?, rubric: Rubric) -> Date? {
        guard let text, DateChecks.earlySubmission(text, tender: rubric.tender) == nil else { return nil }
        return instant(text)
    }

    /// Submission times are compared as instants, so `+08:00` and `Z` times order correctly; a time without a
    /// zone (or a date alone) is no instant.
    static func instant(_ text: String) -> Date? {
        try? Date(text, strategy: .iso8601)
    }
}
