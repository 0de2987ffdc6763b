import Foundation
import TenderCore
import TenderModel

/// Turns a fact read from a bid into points on a criterion's scale.
enum ObjectiveScorer {
    static func score(_ fact: Fact?, on scale: Scale) throws(FixedPointOverflow) -> (
        points: ExactRatio, applied: AppliedScale
    ) {
        let value = fact?.value ?? .absent
        switch (scale, value) {
        case (.linear(let lower, let upper, let lowerPoints, let upperPoints), .number(let number)):
            let clamped = min(max(number, min(lower, upper)), max(lower, upper))
            let points =
                try lowerPoints.ratio
                + (try clamped - lower) * (try upperPoints.ratio - lowerPoints.ratio)
                / (try upper - lower)
            return (
                points,
                .linear(value: clamped, lower: lower, upper: upper, lowerPoints: lowerPoints, upperPoints: upperPoints)
            )
        case (.bands(let bands), .number(let number)):
            let band = bands.first { number >= $0.from && ($0.to.map { number < $0 } ?? true) }
            return (band?.points.ratio ?? .zero, .band(band))
        case (.perItem(let each, let cap), .number(let value)):
            // A count below zero means nothing to count, never negative points.
            let count = max(value, .zero)
            return (min(try count * each.ratio, cap.ratio), .perItem(count: count, each: each, cap: cap))
        case (.yesNo(let yes, let no), .boolean(let flag)):
            return ((flag ? yes : no).ratio, .yesNo(flag, yes: yes, no: no))
        case (.lookup(let entries, let otherwise), .text(let text)):
            let key = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if let entry = entries.first(where: { $0.key == key }) {
                return (entry.points.ratio, .lookup(key: key, matched: true))
            }
            return (otherwise.ratio, .lookup(key: key, matched: false))
        default:
            return (.zero, .absent)
        }
    }
}
