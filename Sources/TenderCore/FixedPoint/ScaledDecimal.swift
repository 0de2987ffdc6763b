/// A decimal held as an `Int64` count of `10^-scale` units, so sums and comparisons are exact integer
/// operations; products and quotients go through `ExactRatio` and come back only by an explicit rounding.
public protocol ScaledDecimal: Hashable, Sendable, Comparable, CustomStringConvertible, ExpressibleByIntegerLiteral
where IntegerLiteralType == Int64 {
    /// Digits after the point that every value of the type can carry.
    static var scale: Int { get }
    var units: Int64 { get }
    init(units: Int64)
}

extension ScaledDecimal {
    public static var zero: Self { Self(units: 0) }

    /// A whole number written in the source (`30`, `0`); a literal beyond the range stops the program, as any
    /// integer literal overflow does.
    public init(integerLiteral value: Int64) {
        let (units, overflow) = value.multipliedReportingOverflow(by: Self.unitsPerWhole)
        precondition(!overflow, "literal out of range")
        self.init(units: units)
    }

    /// Units in one whole: 10^scale.
    public static var unitsPerWhole: Int64 {
        var power: Int64 = 1
        for _ in 0..<scale { power *= 10 }
        return power
    }

    /// Digits after the point in the shortest exact text (`19.5` has 1).
    public var decimalPlaces: Int {
        guard units != 0 else { return 0 }
        var (rest, places) = (units, Self.scale)
        while places > 0 && rest % 10 == 0 {
            rest /= 10
            places -= 1
        }
        return places
    }

    /// Parses a plain decimal numeral exactly (see `DecimalText.parse`).
    /// - Throws: `.tooManyDecimals` when the numeral has more decimals than `scale`, `.tooLarge` when it does
    ///   not fit, `.notANumber` for anything else.
    public init(parsing text: some StringProtocol) throws(DecimalText.Problem) {
        let parsed = try DecimalText.parse(text)
        guard parsed.scale <= Self.scale else { throw .tooManyDecimals(maximum: Self.scale) }
        var units = parsed.units
        for _ in parsed.scale..<Self.scale {
            let (product, overflow) = units.multipliedReportingOverflow(by: 10)
            guard !overflow else { throw .tooLarge }
            units = product
        }
        guard let exact = Int64(exactly: units) else { throw .tooLarge }
        self.init(units: exact)
    }

    /// The integer `value`.
    public init(integer value: Int) throws(FixedPointOverflow) {
        try self.init(exactly: ExactRatio(value))
    }

    /// The ratio's value, which must be representable at `scale` decimals: use `init(rounding:places:)` where
    /// the rubric says to round.
    public init(exactly ratio: ExactRatio) throws(FixedPointOverflow) {
        let units = try ratio.roundedUnits(places: Self.scale)
        guard try ExactRatio(units, try ExactRatio.powerOfTen(Self.scale)) == ratio else {
            throw FixedPointOverflow(.outOfRange)
        }
        try self.init(checkedUnits: units)
    }

    /// The ratio rounded half away from zero to `places` decimals (at most `scale`).
    public init(rounding ratio: ExactRatio, places: Int) throws(FixedPointOverflow) {
        guard (0...Self.scale).contains(places) else { throw FixedPointOverflow(.outOfRange) }
        let rounded = try ratio.roundedUnits(places: places)
        try self.init(checkedUnits: try ExactRatio.multiply(rounded, try ExactRatio.powerOfTen(Self.scale - places)))
    }

    private init(checkedUnits units: Int128) throws(FixedPointOverflow) {
        guard let exact = Int64(exactly: units) else { throw FixedPointOverflow(.outOfRange) }
        self.init(units: exact)
    }

    /// The exact value as a ratio, for products and quotients.
    public var ratio: ExactRatio {
        ExactRatio(units: Int128(units), knownScale: Self.scale)
    }

    public static func + (lhs: Self, rhs: Self) throws(FixedPointOverflow) -> Self {
        let (sum, overflow) = lhs.units.addingReportingOverflow(rhs.units)
        guard !overflow else { throw FixedPointOverflow(.outOfRange) }
        return Self(units: sum)
    }

    public static func - (lhs: Self, rhs: Self) throws(FixedPointOverflow) -> Self {
        let (difference, overflow) = lhs.units.subtractingReportingOverflow(rhs.units)
        guard !overflow else { throw FixedPointOverflow(.outOfRange) }
        return Self(units: difference)
    }

    /// The sum of `values`, exact.
    public static func sum(_ values: some Sequence<Self>) throws(FixedPointOverflow) -> Self {
        var total = Self.zero
        for value in values { total = try total + value }
        return total
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.units < rhs.units
    }

    /// Exactly `places` decimals, rounding half away from zero when `places < scale` (`19.93`, `20.00`).
    public func fixedText(places: Int) -> String {
        guard places < Self.scale else {
            return DecimalText.fixed(units: Int128(units) * pow10(places - Self.scale), places: places)
        }
        // A rounding at most `scale` places down cannot overflow: the result is no larger than the value.
        let rounded = (try? ratio.roundedUnits(places: max(0, places))) ?? Int128(units)
        return DecimalText.fixed(units: rounded, places: max(0, places))
    }

    /// The shortest exact text (`30`, `0.5`, `19.93`).
    public var plainText: String {
        DecimalText.shortest(units: Int128(units), places: Self.scale)
    }

    public var description: String { plainText }

    private func pow10(_ exponent: Int) -> Int128 {
        var result: Int128 = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }
}

/// An amount of money, exact to a millionth of the currency unit.
///
/// Six decimals hold every evaluated price exactly: a price in cents less a deduction of a percentage with
/// two decimals (`1234.56 × (100 − 12.5) / 100`) has at most six. `Int64` micro-units reach about 9.2 × 10¹²
/// currency units, far above any tender this tool scores; beyond that an amount is refused, not rounded.
public struct Money: ScaledDecimal {
    public static let scale = 6
    public let units: Int64

    public init(units: Int64) {
        self.units = units
    }
}

/// Points of a score, exact to a millionth of a point: every criterion's score rounded at the rubric's
/// decimals (at most 6), and every member's score, is held exactly; unrounded intermediates are `ExactRatio`.
public struct Points: ScaledDecimal {
    public static let scale = 6
    public let units: Int64

    public init(units: Int64) {
        self.units = units
    }
}

extension ExactRatio: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int64) {
        self.init(Int(value))
    }

    /// The exact text when the expansion ends (`21.25`, `0.0000001`); otherwise cut and followed by `…`.
    public var plainText: String {
        decimalText(maximumDigits: decimalPlaces ?? 10)
    }

    /// Parses a plain decimal numeral exactly (`0.0000000000000001` is 1/10¹⁶).
    public init(parsing text: some StringProtocol) throws(DecimalText.Problem) {
        let parsed = try DecimalText.parse(text)
        // The parser keeps the scale below 38 and the units within 18 digits.
        self.init(units: parsed.units, knownScale: parsed.scale)
    }
}
