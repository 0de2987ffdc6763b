public import Foundation
public import TenderCore

/// The one place where decision values (`Points`) meet the scores the engine still holds as `Decimal`; when the
/// engine moves to fixed point, this file goes and its callers use `Points` directly.
public enum PointsBridge {
    /// The exact `Decimal` of `points` (a `Decimal` holds every `Int64` count of millionths exactly).
    public static func decimal(_ points: Points) -> Decimal {
        Decimal(points.units) / Decimal(1_000_000)
    }

    /// `value` as `Points`, or nil when it has more than six decimals or does not fit.
    public static func points(_ value: Decimal) -> Points? {
        try? Points(parsing: value.plainText)
    }
}
