/// A calendar month, `YYYY-MM`: the period a monthly performance evaluation (月考评) covers.
public struct YearMonth: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public let year: Int
    /// 1...12.
    public let month: Int

    /// Nil unless `month` is 1...12 and `year` is 1...9999.
    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Reads exactly `YYYY-MM` (ASCII digits, zero-padded month); anything else is nil.
    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-") else { return nil }
        var year = 0
        var month = 0
        for (index, byte) in bytes.enumerated() where index != 4 {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            if index < 4 { year = year * 10 + digit } else { month = month * 10 + digit }
        }
        self.init(year: year, month: month)
    }

    /// The month a `YYYY-MM-DD` date falls in (the day is not checked here).
    public init?(dayText: some StringProtocol) {
        guard dayText.utf8.count == 10 else { return nil }
        self.init(dayText.prefix(7))
    }

    /// Months since January of year 0: consecutive months differ by one.
    public var ordinal: Int { year * 12 + (month - 1) }

    public init?(ordinal: Int) {
        self.init(year: ordinal / 12, month: ordinal % 12 + 1)
    }

    /// `self` moved by `months` (negative: earlier), nil outside years 1...9999.
    public func adding(months: Int) -> YearMonth? {
        YearMonth(ordinal: ordinal + months)
    }

    /// Whole months from `self` to `other` (`other` later: positive).
    public func months(to other: YearMonth) -> Int {
        other.ordinal - ordinal
    }

    /// `YYYY-MM`.
    public var description: String {
        let yearText = String(year)
        let paddedYear = String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText
        return paddedYear + (month < 10 ? "-0" : "-") + String(month)
    }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
        lhs.ordinal < rhs.ordinal
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = YearMonth(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not YYYY-MM"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
