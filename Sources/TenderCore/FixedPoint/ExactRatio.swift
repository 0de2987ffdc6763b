/// An exact rational number: a numerator and a positive denominator in lowest terms, both `Int128`.
///
/// Every intermediate of the legal arithmetic (a price ratio `P_min / P_i × points`, a mean of members'
/// scores, a linear interpolation) is kept as a ratio, so nothing is cut off before the one rounding the
/// rubric asks for. An operation whose exact result does not fit throws `FixedPointOverflow`: a value that
/// cannot be held is reported, never replaced by a nearby one.
public struct ExactRatio: Hashable, Sendable, CustomStringConvertible {
    public let numerator: Int128
    /// Always positive; 1 for integers.
    public let denominator: Int128

    public static let zero = ExactRatio(reduced: 0, 1)
    public static let one = ExactRatio(reduced: 1, 1)

    /// `numerator / denominator`, reduced to lowest terms.
    /// - Throws: `FixedPointOverflow` when `denominator` is zero, or when the sign cannot be normalised
    ///   (`Int128.min`).
    public init(_ numerator: Int128, _ denominator: Int128) throws(FixedPointOverflow) {
        guard denominator != 0 else { throw FixedPointOverflow(.divisionByZero) }
        guard numerator != .min, denominator != .min else { throw FixedPointOverflow(.outOfRange) }
        let divisor = Self.gcd(numerator.magnitude, denominator.magnitude)
        let sign: Int128 = denominator < 0 ? -1 : 1
        self.init(reduced: sign * numerator / Int128(divisor), sign * denominator / Int128(divisor))
    }

    public init(_ integer: Int) {
        self.init(reduced: Int128(integer), 1)
    }

    /// The value of `units × 10^-scale`, e.g. `(1993, 2)` is 19.93.
    public init(units: Int64, scale: Int) throws(FixedPointOverflow) {
        try self.init(Int128(units), try Self.powerOfTen(scale))
    }

    /// `units × 10^-scale` for a scale the caller knows to be at most 38 (a parsed numeral, a fixed-point
    /// type's scale): the denominator is a positive power of ten and `units` is above `Int128.min`, so nothing
    /// can fail.
    init(units: Int128, knownScale scale: Int) {
        precondition((0...38).contains(scale) && units != .min, "scale out of range")
        let power = Self.powersOfTen[scale]
        // Whole values (most points and prices) need no common divisor.
        if units % power == 0 {
            self.init(reduced: units / power, 1)
            return
        }
        let divisor = Int128(Self.gcd(units.magnitude, power.magnitude))
        self.init(reduced: units / divisor, power / divisor)
    }

    /// The integer `value`.
    public init(integer value: Int128) throws(FixedPointOverflow) {
        guard value != .min else { throw FixedPointOverflow(.outOfRange) }
        self.init(reduced: value, 1)
    }

    private init(reduced numerator: Int128, _ denominator: Int128) {
        self.numerator = numerator
        self.denominator = denominator
    }

    public var isZero: Bool { numerator == 0 }

    // MARK: Arithmetic

    public static func + (lhs: ExactRatio, rhs: ExactRatio) throws(FixedPointOverflow) -> ExactRatio {
        if lhs.denominator == rhs.denominator {
            let (sum, overflow) = lhs.numerator.addingReportingOverflow(rhs.numerator)
            guard !overflow else { throw FixedPointOverflow(.outOfRange) }
            return lhs.denominator == 1 ? try ExactRatio(integer: sum) : try ExactRatio(sum, lhs.denominator)
        }
        // a/b + c/d over the least common denominator keeps the intermediates as small as they can be.
        let divisor = Int128(gcd(lhs.denominator.magnitude, rhs.denominator.magnitude))
        let left = try multiply(lhs.numerator, rhs.denominator / divisor)
        let right = try multiply(rhs.numerator, lhs.denominator / divisor)
        let (sum, overflow) = left.addingReportingOverflow(right)
        guard !overflow else { throw FixedPointOverflow(.outOfRange) }
        return try ExactRatio(sum, try multiply(lhs.denominator / divisor, rhs.denominator))
    }

    public static func - (lhs: ExactRatio, rhs: ExactRatio) throws(FixedPointOverflow) -> ExactRatio {
        try lhs + rhs.negated()
    }

    public static func * (lhs: ExactRatio, rhs: ExactRatio) throws(FixedPointOverflow) -> ExactRatio {
        if lhs.denominator == 1 && rhs.denominator == 1 {
            return try ExactRatio(integer: try multiply(lhs.numerator, rhs.numerator))
        }
        // Cross-reduce first: (a/b)(c/d) = (a/g1 · c/g2) / (b/g2 · d/g1).
        let first = Int128(gcd(lhs.numerator.magnitude, rhs.denominator.magnitude))
        let second = Int128(gcd(rhs.numerator.magnitude, lhs.denominator.magnitude))
        return try ExactRatio(
            try multiply(lhs.numerator / first, rhs.numerator / second),
            try multiply(lhs.denominator / second, rhs.denominator / first)
        )
    }

    public static func / (lhs: ExactRatio, rhs: ExactRatio) throws(FixedPointOverflow) -> ExactRatio {
        guard !rhs.isZero else { throw FixedPointOverflow(.divisionByZero) }
        return try lhs * ExactRatio(rhs.denominator, rhs.numerator)
    }

    public func negated() throws(FixedPointOverflow) -> ExactRatio {
        ExactRatio(reduced: -numerator, denominator)
    }

    /// The magnitude.
    public var absolute: ExactRatio {
        ExactRatio(reduced: numerator < 0 ? -numerator : numerator, denominator)
    }

    // MARK: Rounding

    /// The value rounded to `places` decimals, half away from zero, as a count of `10^-places` units.
    public func roundedUnits(places: Int) throws(FixedPointOverflow) -> Int128 {
        let scaled = try Self.multiply(numerator, try Self.powerOfTen(places))
        if denominator == 1 { return scaled }
        let quotient = scaled / denominator
        let remainder = (scaled % denominator).magnitude
        // Half away from zero: |remainder| ≥ denominator / 2, compared without dividing.
        guard remainder >= denominator.magnitude - remainder else { return quotient }
        return scaled < 0 ? quotient - 1 : quotient + 1
    }

    /// The value rounded to `places` decimals, half away from zero, as an exact ratio.
    public func rounded(places: Int) throws(FixedPointOverflow) -> ExactRatio {
        try ExactRatio(try roundedUnits(places: places), try Self.powerOfTen(places))
    }

    // MARK: Text

    /// The value with exactly `places` decimals after rounding half away from zero (`19.93`, `20.00`).
    public func fixedText(places: Int) throws(FixedPointOverflow) -> String {
        DecimalText.fixed(units: try roundedUnits(places: places), places: places)
    }

    /// Digits after the point of the exact decimal expansion (`21.25` has 2), or nil when it does not end.
    public var decimalPlaces: Int? {
        var (rest, twos, fives) = (denominator, 0, 0)
        while rest % 2 == 0 {
            rest /= 2
            twos += 1
        }
        while rest % 5 == 0 {
            rest /= 5
            fives += 1
        }
        return rest == 1 ? max(twos, fives) : nil
    }

    /// Whether the decimal expansion ends (the denominator has no prime factor but 2 and 5).
    public var terminates: Bool {
        var rest = denominator
        while rest % 2 == 0 { rest /= 2 }
        while rest % 5 == 0 { rest /= 5 }
        return rest == 1
    }

    /// The exact decimal expansion when it ends (`21.25`, `30`, `-0.5`); otherwise the first `digits` decimals,
    /// cut (not rounded) and followed by `…` (`21.2098…`), so an unrounded value is never passed off as exact.
    public func decimalText(maximumDigits digits: Int = 10) -> String {
        let negative = numerator < 0
        let magnitude = numerator.magnitude
        let divisor = denominator.magnitude
        var text = (negative ? "-" : "") + String(magnitude / divisor)
        var remainder = magnitude % divisor
        guard remainder != 0 else { return text }
        text.append(".")
        var written = 0
        while remainder != 0 && written < digits {
            // remainder × 10 may exceed UInt128 for a huge divisor, so the digit comes from a full-width division.
            let (digit, rest) = divisor.dividingFullWidth(remainder.multipliedFullWidth(by: 10))
            text.append(Character(String(digit)))
            remainder = rest
            written += 1
        }
        if remainder != 0 { text.append("…") }
        return text
    }

    /// `p/q` in lowest terms, or `p` for an integer: the form `result.json` gives an unrounded value in.
    public var fractionText: String {
        denominator == 1 ? String(numerator) : "\(numerator)/\(denominator)"
    }

    public var description: String { fractionText }

    // MARK: Integer helpers

    static func multiply(_ lhs: Int128, _ rhs: Int128) throws(FixedPointOverflow) -> Int128 {
        let (product, overflow) = lhs.multipliedReportingOverflow(by: rhs)
        guard !overflow else { throw FixedPointOverflow(.outOfRange) }
        return product
    }

    /// 10^exponent for 0 ≤ exponent ≤ 38.
    static func powerOfTen(_ exponent: Int) throws(FixedPointOverflow) -> Int128 {
        guard (0...38).contains(exponent) else { throw FixedPointOverflow(.outOfRange) }
        return powersOfTen[exponent]
    }

    static let powersOfTen: [Int128] = (0...38).reduce(into: []) { powers, exponent in
        powers.append(exponent == 0 ? 1 : powers[exponent - 1] * 10)
    }

    static func gcd(_ lhs: UInt128, _ rhs: UInt128) -> UInt128 {
        // Most operands fit 64 bits, where a division is many times cheaper than a 128-bit one.
        if let left = UInt64(exactly: lhs), let right = UInt64(exactly: rhs) {
            var (a, b) = (left, right)
            while b != 0 { (a, b) = (b, a % b) }
            return a == 0 ? 1 : UInt128(a)
        }
        var (a, b) = (lhs, rhs)
        while b != 0 { (a, b) = (b, a % b) }
        return a == 0 ? 1 : a
    }
}

extension ExactRatio: Comparable {
    /// Compared without multiplying out, so two valid ratios always compare, however large.
    public static func < (lhs: ExactRatio, rhs: ExactRatio) -> Bool {
        if lhs.numerator.signum() != rhs.numerator.signum() { return lhs.numerator.signum() < rhs.numerator.signum() }
        if lhs.numerator < 0 {
            return Self.magnitudeLess(
                rhs.numerator.magnitude,
                rhs.denominator.magnitude,
                lhs.numerator.magnitude,
                lhs.denominator.magnitude
            )
        }
        return Self.magnitudeLess(
            lhs.numerator.magnitude,
            lhs.denominator.magnitude,
            rhs.numerator.magnitude,
            rhs.denominator.magnitude
        )
    }

    /// a/b < c/d for non-negative ratios, by comparing integer parts and then the reciprocals of the
    /// fractional parts (a continued-fraction walk), so no product can overflow.
    private static func magnitudeLess(_ a: UInt128, _ b: UInt128, _ c: UInt128, _ d: UInt128) -> Bool {
        var (a, b, c, d) = (a, b, c, d)
        while true {
            let (left, right) = (a / b, c / d)
            if left != right { return left < right }
            let (leftRest, rightRest) = (a % b, c % d)
            if leftRest == 0 { return rightRest != 0 }
            if rightRest == 0 { return false }
            // Equal integer parts: leftRest/b < rightRest/d  ⇔  d/rightRest < b/leftRest.
            (a, b, c, d) = (d, rightRest, b, leftRest)
        }
    }
}

/// An exact value that cannot be held in the fixed-point types: the caller reports it at the input's location.
public struct FixedPointOverflow: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        case outOfRange
        case divisionByZero
    }

    public var kind: Kind

    public init(_ kind: Kind) {
        self.kind = kind
    }

    public var description: String {
        switch kind {
        case .outOfRange: "the exact result is too large to compute"
        case .divisionByZero: "division by zero"
        }
    }
}
