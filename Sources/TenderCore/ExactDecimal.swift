public import Foundation

/// Exact decimal arithmetic for points and money.
///
/// Binary floating point cannot hold 0.1 exactly, so "weights sum to 100" checks and cent-exact price
/// scores are done in `Decimal` (38 significant digits), parsed from the text the user wrote.
extension Decimal {
    /// The largest number of significant digits accepted from an input; well inside `Decimal`'s 38, so
    /// products of two inputs stay exact.
    public static let maximumInputDigits = 18

    /// Parses a plain decimal numeral (`-12`, `0.5`, `2288231.72`) and nothing else: no exponents, no
    /// `NaN`, no `inf`, no trailing text, at most `maximumInputDigits` digits.
    public init?(exactly text: some StringProtocol) {
        // Digits are accumulated into an integer and scaled by a power of ten, so the value is exact and no
        // locale-dependent parser is involved.
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var sawPoint = false
        var negative = false
        for (offset, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "-") where offset == 0:
                negative = true
            case UInt8(ascii: "+") where offset == 0:
                continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                guard digits <= Decimal.maximumInputDigits else { return nil }
                mantissa = mantissa * 10 + UInt64(byte - UInt8(ascii: "0"))
                if sawPoint { fractionDigits += 1 }
            case UInt8(ascii: ".") where !sawPoint && digits > 0:
                sawPoint = true
            default:
                return nil
            }
        }
        guard digits > 0, !sawPoint || fractionDigits > 0 else { return nil }
        self.init(
            sign: negative && mantissa != 0 ? .minus : .plus,
            exponent: -fractionDigits,
            significand: Decimal(mantissa)
        )
    }

    /// Rounded to `places` decimals, half away from zero, as published Chinese award notices do.
    public func rounded(places: Int) -> Decimal {
        var input = self
        var output = Decimal()
        NSDecimalRound(&output, &input, places, .plain)
        return output
    }

    /// Fixed-point text with exactly `places` decimals after rounding half away from zero (`19.93`,
    /// `20.00`): the same digits whatever the locale.
    public func fixed(places: Int) -> String {
        let value = rounded(places: places)
        let negative = value < 0
        let magnitude = negative ? -value : value
        var scaled = magnitude
        for _ in 0..<places { scaled *= 10 }
        var digits = scaled.rounded(places: 0).description
        if places > 0 {
            if digits.count <= places {
                digits = String(repeating: "0", count: places - digits.count + 1) + digits
            }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
        }
        return (negative && magnitude != 0 ? "-" : "") + digits
    }

    /// The shortest exact text for the value (`19.9282353105…`, `30`, `0.5`), used where a report shows an
    /// unrounded intermediate. Foundation's own digits (`description` is locale-free), not a detour through
    /// `NSDecimalNumber`.
    public var plainText: String {
        description
    }

    /// Number of digits after the decimal point in the shortest exact text.
    public var decimalPlaces: Int {
        let text = plainText
        guard let point = text.firstIndex(of: ".") else { return 0 }
        return text.distance(from: point, to: text.endIndex) - 1
    }
}
