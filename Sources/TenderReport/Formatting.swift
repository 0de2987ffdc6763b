import Foundation
import TenderCore
import TenderModel

/// Number formats shared by every renderer. Everything goes through `Decimal`'s exact text, never `Double`.
enum NumberFormat {
    /// Money with thousands separators and at least two decimals (`2,288,231.72`); more decimals only when the
    /// exact value has them (a 12.5 % deduction can give `1,999,999.125`), so a hand recomputation matches.
    /// A value with more than six decimals (a mean of prices, say) is cut after four and marked `…`.
    static func money(_ value: Decimal) -> String {
        // One conversion to text; every digit below comes from it, so nothing is rounded.
        money(text: value.plainText)
    }

    /// Fixed-point money in the same form.
    static func money(_ value: Money) -> String {
        money(text: value.plainText)
    }

    private static func money(text: String) -> String {
        let negative = text.hasPrefix("-")
        let unsigned = negative ? text.dropFirst() : Substring(text)
        let parts = unsigned.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integer = Array(parts[0])
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        let long = fraction.count > 6
        if long {
            fraction = String(fraction.prefix(4))
        } else if fraction.count < 2 {
            fraction += String(repeating: "0", count: 2 - fraction.count)
        }
        var grouped = ""
        grouped.reserveCapacity(integer.count + integer.count / 3 + fraction.count + 4)
        for (index, digit) in integer.enumerated() {
            if index > 0 && (integer.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (negative ? "-" : "") + grouped + "." + fraction + (long ? "…" : "")
    }

    /// Points at the rubric's decimals (`19.93`, `8.00`).
    static func points(_ value: Decimal, decimals: Int) -> String {
        value.fixed(places: decimals)
    }

    /// An exact value as written (`8.2`, `30`, `4.65`); a value with more than six decimals is cut (not
    /// rounded) after four and marked `…` (`29.8923…`), as the rounding step that follows shows the result.
    static func exact(_ value: Decimal) -> String {
        let text = value.plainText
        guard let point = text.firstIndex(of: "."), text.distance(from: point, to: text.endIndex) > 7 else {
            return text
        }
        let end = text.index(point, offsetBy: 5)
        return String(text[..<end]) + "…"
    }

    /// A percentage as an exact value (`10`, `20.9486…`).
    static func percent(_ value: Decimal) -> String {
        exact(value)
    }

    /// `unrounded → rounded` when rounding changed the value, otherwise only the rounded points.
    static func rounding(_ unrounded: Decimal, to points: Decimal, decimals: Int) -> String {
        let rounded = NumberFormat.points(points, decimals: decimals)
        return unrounded == points ? rounded : exact(unrounded) + " → " + rounded
    }
}
