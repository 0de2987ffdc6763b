/// Decimal numerals to and from integers, with no locale, no exponent and no binary floating point.
public enum DecimalText {
    /// What is wrong with a numeral; the caller adds the location.
    public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        /// Not a plain decimal numeral (`1e5`, `NaN`, `1,5`, `12.`, empty).
        case notANumber
        /// More digits after the point than the value's type can hold exactly.
        case tooManyDecimals(maximum: Int)
        /// More digits than the value's type can hold.
        case tooLarge

        public var description: String {
            switch self {
            case .notANumber: "not a plain decimal number"
            case .tooManyDecimals(let maximum): "more than \(maximum) decimal places"
            case .tooLarge: "too large"
            }
        }
    }

    /// A parsed numeral: `units × 10^-scale`.
    public struct Parsed: Hashable, Sendable {
        public var units: Int128
        public var scale: Int
    }

    /// The most significant digits a numeral may have: every value fits an `Int64` count of units.
    public static let maximumDigits = 18

    /// Parses `-12`, `+0.5`, `2288231.72` and nothing else: no exponent, no white space, no thousands
    /// separator, at least one digit on each side of a point, at most `maximumDigits` digits.
    public static func parse(_ text: some StringProtocol) throws(Problem) -> Parsed {
        var units: Int128 = 0
        var digits = 0
        var scale = 0
        // Zeros after the point are held back until a nonzero digit follows, so "1.50" is 1.5 at scale 1 and
        // trailing zeros never count against the digit limit.
        var pendingZeros = 0
        var sawPoint = false
        var sawDigit = false
        var sawFractionDigit = false
        var negative = false
        for (offset, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "-") where offset == 0:
                negative = true
            case UInt8(ascii: "+") where offset == 0:
                continue
            case UInt8(ascii: "0") where sawPoint:
                sawFractionDigit = true
                pendingZeros += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                sawDigit = true
                if sawPoint { sawFractionDigit = true }
                for _ in 0..<pendingZeros {
                    if units != 0 { digits += 1 }
                    guard digits <= maximumDigits else { throw .tooLarge }
                    guard scale < 38 else { throw .tooManyDecimals(maximum: 38) }
                    units *= 10
                    scale += 1
                }
                pendingZeros = 0
                // Leading zeros are not significant digits ("0.05" has one).
                if units != 0 || byte != UInt8(ascii: "0") { digits += 1 }
                guard digits <= maximumDigits else { throw .tooLarge }
                guard scale < 38 else { throw .tooManyDecimals(maximum: 38) }
                units = units * 10 + Int128(byte - UInt8(ascii: "0"))
                if sawPoint { scale += 1 }
            case UInt8(ascii: ".") where !sawPoint && sawDigit:
                sawPoint = true
            default:
                throw .notANumber
            }
        }
        guard sawDigit, !sawPoint || sawFractionDigit else { throw .notANumber }
        return Parsed(units: negative ? -units : units, scale: scale)
    }

    /// Why `text` cannot be a value of `Value`, for a diagnostic that names it (`price has 7 decimals; at most 6
    /// are allowed`, `amount is too large`); nil when it can.
    public static func refusal<Value: ScaledDecimal>(of text: some StringProtocol, as type: Value.Type, name: String)
        -> String?
    {
        do {
            _ = try Value(parsing: text)
            return nil
        } catch .tooManyDecimals {
            let decimals = (try? parse(text))?.scale ?? Value.scale + 1
            return "\(name) has \(decimals) decimals; at most \(Value.scale) are allowed"
        } catch .tooLarge {
            return "\(name) is too large"
        } catch {
            return "\(name) is not a plain decimal number"
        }
    }

    /// `units × 10^-places` with exactly `places` decimals (`fixed(1993, 2)` is `19.93`, `fixed(5, 2)` is
    /// `0.05`), built from the digits directly.
    public static func fixed(units: Int128, places: Int) -> String {
        let negative = units < 0
        var digits = Array(String(units.magnitude).utf8)
        if places > 0 {
            if digits.count <= places {
                digits = Array(repeating: UInt8(ascii: "0"), count: places - digits.count + 1) + digits
            }
            digits.insert(UInt8(ascii: "."), at: digits.count - places)
        }
        return (negative ? "-" : "") + String(decoding: digits, as: UTF8.self)
    }

    /// The shortest exact text of `units × 10^-places` (`30`, `0.5`, `19.93`).
    public static func shortest(units: Int128, places: Int) -> String {
        var (units, places) = (units, places)
        while places > 0 && units % 10 == 0 {
            units /= 10
            places -= 1
        }
        return fixed(units: units, places: places)
    }
}
