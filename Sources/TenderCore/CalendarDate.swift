/// `YYYY-MM-DD` dates as bids and rubrics write them, checked against the Gregorian calendar without a time
/// zone or a locale: one rule for every date the tool reads.
public enum CalendarDate {
    /// The year, month and day of `text` when it is exactly `YYYY-MM-DD` in ASCII digits and names a real day
    /// (`2020-02-30` does not); nil otherwise.
    public static func parts(_ text: some StringProtocol) -> (year: Int, month: Int, day: Int)? {
        let fields = text.split(separator: "-", omittingEmptySubsequences: false)
        guard fields.count == 3, fields[0].count == 4, fields[1].count == 2, fields[2].count == 2,
            fields.allSatisfy({ $0.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } }),
            let year = Int(fields[0]), let month = Int(fields[1]), let day = Int(fields[2]),
            (1...12).contains(month), day >= 1
        else { return nil }
        let days = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1] ? (year, month, day) : nil
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }
}
