import Foundation
import TenderCore

/// The minor unit of a currency (ISO 4217 "exponent"): the number of decimal places an amount may have and
/// the smallest amount that can be paid. A price written more finely than that, or an evaluated price below
/// one minor unit, is not an amount anyone can be paid.
enum CurrencyMinorUnit {
    /// Currencies whose minor unit is not two places (ISO 4217 list). Every other code, including codes this
    /// table does not know, is taken to have two: cents, fen (分), pence.
    private static let exceptions: [String: Int] = [
        "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "ISK": 0, "JPY": 0, "KMF": 0, "KRW": 0, "PYG": 0, "RWF": 0,
        "UGX": 0, "UYI": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0,
        "BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
        "CLF": 4, "UYW": 4,
    ]

    static func places(of currency: String) -> Int {
        exceptions[currency] ?? 2
    }

    /// One minor unit: 0.01 for CNY, 1 for JPY, 0.001 for KWD.
    static func smallestAmount(of currency: String) -> Money {
        var units = Money.unitsPerWhole
        for _ in 0..<min(places(of: currency), Money.scale) { units /= 10 }
        return Money(units: units)
    }
}
