import TenderCore
import TenderModel

/// Number formats shared by every renderer, from exact values' own digits, never `Double`.
enum NumberFormat {
    /// Money with thousands separators and at least two decimals (`2,288,231.72`); more decimals only when the
    /// exact value has them (a 12.5 % deduction can give `1,999,999.125`), so a hand recomputation matches.
    /// A value with more than six decimals (a mean of prices, say) is cut after four and marked `…`.
    static func money(_ value: ExactRatio) -> String {
        let long = (value.decimalPlaces ?? .max) > 6
        // One conversion to text; every digit below comes from it, so nothing is rounded.
        let text = long ? value.decimalText(maximumDigits: 4) : value.plainText
        let negative = text.hasPrefix("-")
        var unsigned = negative ? text.dropFirst() : Substring(text)
        if unsigned.hasSuffix("…") { unsigned = unsigned.dropLast() }
        let parts = unsigned.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integer = Array(parts[0])
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        if !long && fraction.count < 2 {
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

    static func money(_ value: Money) -> String {
        money(value.ratio)
    }

    /// Points at the rubric's decimals (`19.93`, `8.00`).
    static func points(_ value: Points, decimals: Int) -> String {
        value.fixedText(places: decimals)
    }

    /// An exact value at `decimals`, rounded half away from zero (a total under `rounding: total`).
    static func points(_ value: ExactRatio, decimals: Int) -> String {
        (try? value.fixedText(places: decimals)) ?? exact(value)
    }

    /// An exact value as written (`8.2`, `30`, `4.65`); a value with more than six decimals is cut (not
    /// rounded) after four and marked `…` (`29.8923…`), as the rounding step that follows shows the result.
    static func exact(_ value: ExactRatio) -> String {
        (value.decimalPlaces ?? .max) > 6 ? value.decimalText(maximumDigits: 4) : value.plainText
    }

    static func exact(_ value: some ScaledDecimal) -> String {
        value.plainText
    }

    /// A percentage as an exact value (`10`, `20.9486…`).
    static func percent(_ value: ExactRatio) -> String {
        exact(value)
    }

    /// `unrounded → rounded` when rounding changed the value, otherwise only the rounded points.
    static func rounding(_ unrounded: ExactRatio, to points: Points, decimals: Int) -> String {
        let rounded = NumberFormat.points(points, decimals: decimals)
        return unrounded == points.ratio ? rounded : exact(unrounded) + " → " + rounded
    }
}
