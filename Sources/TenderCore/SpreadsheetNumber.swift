/// A number as a spreadsheet cell holds it, kept exactly: `units × 10^-scale`, never a binary float.
///
/// The writer builds it from `Points`, `Money` or an integer and checks that libxlsxwriter's text for it reads
/// back as the same value; the reader builds it from a cell's `<v>` text, which Excel may write in scientific
/// form (`1.5E-3`, `2.0000000000000001E-2`). Either way, turning it into `Points` or `Money` is exact or fails.
public struct SpreadsheetNumber: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Always in lowest form: no trailing zero digit when `scale > 0`.
    public let units: Int128
    public let scale: Int

    private init(normalising units: Int128, scale: Int) {
        var (units, scale) = (units, scale)
        while scale > 0 && units % 10 == 0 {
            units /= 10
            scale -= 1
        }
        self.units = units
        self.scale = scale
    }

    public init<Value: ScaledDecimal>(_ value: Value) {
        self.init(normalising: Int128(value.units), scale: Value.scale)
    }

    public init(integer: Int) {
        self.init(normalising: Int128(integer), scale: 0)
    }

    /// The largest power of ten a cell's text may carry (`1E+38`): beyond it no `Int128` holds the digits.
    private static let maximumScale = 38

    /// Parses a plain numeral (`-12`, `0.5`) or one in the scientific form spreadsheets write (`1.5E-3`, `1e+16`),
    /// exactly.
    /// - Throws: `.notANumber` for anything else (`NaN`, `1,5`, white space), `.tooLarge` or `.tooManyDecimals`
    ///   for a value beyond 18 significant digits or 38 places.
    public init(parsing text: some StringProtocol) throws(DecimalText.Problem) {
        let bytes = Array(text.utf8)
        guard let marker = bytes.firstIndex(where: { $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "e") }) else {
            let parsed = try DecimalText.parse(text)
            self.init(normalising: parsed.units, scale: parsed.scale)
            return
        }
        let mantissa = try DecimalText.parse(String(decoding: bytes[..<marker], as: UTF8.self))
        var exponentBytes = bytes[(marker + 1)...]
        var negativeExponent = false
        if let sign = exponentBytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negativeExponent = sign == UInt8(ascii: "-")
            exponentBytes = exponentBytes.dropFirst()
        }
        guard !exponentBytes.isEmpty, exponentBytes.count <= 4,
            exponentBytes.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else { throw .notANumber }
        let magnitude = exponentBytes.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        var scale = mantissa.scale + (negativeExponent ? magnitude : -magnitude)
        var units = mantissa.units
        while scale < 0 {
            guard units != 0 else {
                scale = 0
                break
            }
            let (product, overflow) = units.multipliedReportingOverflow(by: 10)
            guard !overflow else { throw .tooLarge }
            units = product
            scale += 1
        }
        // Trailing zeros of the mantissa do not count against the places.
        while scale > Self.maximumScale && units % 10 == 0 && units != 0 {
            units /= 10
            scale -= 1
        }
        guard scale <= Self.maximumScale || units == 0 else { throw .tooManyDecimals(maximum: Self.maximumScale) }
        self.init(normalising: units, scale: units == 0 ? 0 : scale)
    }

    /// A spreadsheet number has 15 significant digits (Excel's specification: it holds a binary double and shows
    /// and compares 15 digits). A cell's stored text may carry 16 or 17 (`0.30000000000000004`, or libxlsxwriter's
    /// `%.16G` rendering of 99999999.99 as `99999999.98999999`), the binary noise of the same double.
    public static let significantDigits = 15

    /// The value of a cell's stored text (`<v>`) as the spreadsheet means it: parsed exactly, then rounded half
    /// away from zero to `significantDigits` significant digits, in decimal, without a binary float.
    public init(cellText text: some StringProtocol) throws(DecimalText.Problem) {
        let exact = try SpreadsheetNumber(parsing: text)
        var digits = 0
        var rest = exact.units.magnitude
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        let excess = digits - Self.significantDigits
        guard excess > 0 else {
            self = exact
            return
        }
        var divisor: Int128 = 1
        for _ in 0..<excess { divisor *= 10 }
        var units = exact.units / divisor
        let remainder = (exact.units % divisor).magnitude
        if remainder * 2 >= divisor.magnitude { units += exact.units < 0 ? -1 : 1 }
        var scale = exact.scale - excess
        while scale < 0 {
            units *= 10
            scale += 1
        }
        self.init(normalising: units, scale: scale)
    }

    /// The shortest plain decimal text: `7.5`, `2288231.72`, `-0.001`, `30`.
    public var text: String { DecimalText.fixed(units: units, places: scale) }

    public var description: String { text }

    /// The value in a fixed-point type, exactly.
    /// - Throws: `.tooManyDecimals` when it has more places than the type keeps, `.tooLarge` when it does not fit.
    public func value<Value: ScaledDecimal>(as type: Value.Type) throws(DecimalText.Problem) -> Value {
        try Value(parsing: text)
    }

    /// The exact value as a ratio.
    public var ratio: ExactRatio {
        ExactRatio(units: units, knownScale: scale)
    }

    public static func < (lhs: SpreadsheetNumber, rhs: SpreadsheetNumber) -> Bool {
        lhs.ratio < rhs.ratio
    }
}
