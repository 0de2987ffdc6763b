import Foundation
import TenderModel

/// Turns a fact read from a bid into points on a criterion's scale.
enum ObjectiveScorer {
    static func score(_ fact: Fact?, on scale: Scale) -> (points: Decimal, applied: AppliedScale) {
        let value = fact?.value ?? .absent
        switch (scale, value) {
        case (.linear(let lower, let upper, let lowerPoints, let upperPoints), .number(let number)):
            let clamped = min(max(number, min(lower, upper)), max(lower, upper))
            let points = lowerPoints + (clamped - lower) * (upperPoints - lowerPoints) / (upper - lower)
            return (
                points,
                .linear(value: clamped, lower: lower, upper: upper, lowerPoints: lowerPoints, upperPoints: upperPoints)
            )
        case (.bands(let bands), .number(let number)):
            let band = bands.first { number >= $0.from && ($0.to.map { number < $0 } ?? true) }
            return (band?.points ?? 0, .band(band))
        case (.perItem(let each, let cap), .number(let value)):
            // A count below zero means nothing to count, never negative points.
            let count = max(value, 0)
            return (min(count * each, cap), .perItem(count: count, each: each, cap: cap))
        case (.yesNo(let yes, let no), .boolean(let flag)):
            return (flag ? yes : no, .yesNo(flag, yes: yes, no: no))
        case (.lookup(let entries, let otherwise), .text(let text)):
            let key = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if let entry = entries.first(where: { $0.key == key }) {
                return (entry.points, .lookup(key: key, matched: true))
            }
            return (otherwise, .lookup(key: key, matched: false))
        default:
            return (0, .absent)
        }
    }
}
