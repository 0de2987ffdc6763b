/// How much "did you mean" work one rubric may still spend: each candidate looked at and each cell of an edit
/// distance costs one unit. A rubric full of typos gets suggestions for the first ones and plain messages for the
/// rest, instead of a check that takes minutes (the work would otherwise grow with typos × candidates).
struct SpellingBudget {
    static let perRubric = 4_000_000
    var remaining = SpellingBudget.perRubric
}

/// "Did you mean" suggestions.
enum Spelling {
    /// Longer words are never misspellings of a rubric keyword or id worth suggesting.
    static let longestWord = 64
    /// The most edits between a word and its suggestion.
    static let maximumDistance = 2

    static func suggestion(for word: String, among candidates: [String]) -> String? {
        var budget = SpellingBudget()
        return suggestion(for: word, among: candidates, budget: &budget)
    }

    static func suggestion(for word: String, among candidates: [String], budget: inout SpellingBudget) -> String? {
        let lowered = Array(word.lowercased())
        guard lowered.count <= longestWord, budget.remaining > 0 else { return nil }
        var best: (candidate: String, distance: Int)?
        var prefixed: String?
        for candidate in candidates {
            budget.remaining -= 1
            if budget.remaining <= 0 { return nil }
            let other = Array(candidate.lowercased())
            if prefixed == nil, lowered.count >= 3, other.starts(with: lowered) { prefixed = candidate }
            guard abs(other.count - lowered.count) <= maximumDistance else { continue }
            let limit = min(best?.distance ?? maximumDistance, maximumDistance)
            guard let distance = editDistance(lowered, other, atMost: limit, budget: &budget) else { continue }
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
            if distance == 0 { break }
        }
        if let best, best.distance < max(lowered.count, 2) { return best.candidate }
        return prefixed
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        var budget = SpellingBudget(remaining: Int.max)
        return editDistance(Array(lhs), Array(rhs), atMost: Int.max, budget: &budget) ?? Int.max
    }

    /// The Levenshtein distance when it is at most `limit`, else nil; only the diagonal band of width
    /// 2 × `limit` + 1 is computed, so the work is linear in the words' length.
    static func editDistance(
        _ left: [Character],
        _ right: [Character],
        atMost limit: Int,
        budget: inout SpellingBudget
    ) -> Int? {
        if abs(left.count - right.count) > limit { return nil }
        if left.isEmpty { return right.count }
        if right.isEmpty { return left.count }
        let beyond = limit == Int.max ? Int.max : limit + 1
        var previous = (0...right.count).map { $0 > limit ? beyond : $0 }
        var current = [Int](repeating: beyond, count: right.count + 1)
        for i in 1...left.count {
            let low = limit == Int.max ? 1 : max(1, i - limit)
            let high = limit == Int.max ? right.count : min(right.count, i + limit)
            current[0] = i > limit ? beyond : i
            if low > 1 { current[low - 1] = beyond }
            var rowMinimum = current[0]
            if low <= high {
                for j in low...high {
                    let cost = left[i - 1] == right[j - 1] ? 0 : 1
                    let value = min(previous[j] &+ 1, current[j - 1] &+ 1, previous[j - 1] &+ cost)
                    current[j] = min(value, beyond)
                    rowMinimum = min(rowMinimum, current[j])
                }
                budget.remaining -= high - low + 1
            }
            if high < right.count { current[high + 1] = beyond }
            if rowMinimum > limit { return nil }
            swap(&previous, &current)
        }
        return previous[right.count] <= limit ? previous[right.count] : nil
    }
}
