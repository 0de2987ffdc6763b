import TenderCore
import TenderModel

/// The checks every performance sheet applies to its values, worded once: scores are read exactly and never
/// clamped, dates are real calendar days inside the month, photo paths stay inside the photos folder.
struct SheetValueChecks {
    var problems = DiagnosticCollector()

    /// The text of a column that must not be empty, or nil (after reporting it).
    mutating func required(_ column: PerformanceColumn, of row: SheetRow) -> String? {
        let text = row.text(column)
        if text.isEmpty {
            problems.error("\(column.rawValue) is empty", at: row.location(column))
            return nil
        }
        return text
    }

    /// A score or a deduction in `0...maximum` (above 0 when `aboveZero`), a multiple of `step` when there is
    /// one; nil (after reporting why) otherwise. `context` follows the value in messages (` for item 'cleaning'`).
    mutating func number(
        _ column: PerformanceColumn,
        of row: SheetRow,
        maximum: Points,
        context: String = "",
        limitName: String? = nil,
        aboveZero: Bool = false,
        step: Points? = nil
    ) -> Points? {
        let at = row.location(column)
        let name = column.rawValue
        guard let text = required(column, of: row) else { return nil }
        if text.hasPrefix("=") {
            problems.error(
                "\(name) '\(VisibleText.excerpt(text))' is a formula; type the value itself: a sheet records what was "
                    + "decided, not a computed result",
                at: at
            )
            return nil
        }
        guard let value = try? Points(parsing: text) else {
            problems.error(
                DecimalText.refusal(of: text, as: Points.self, name: "\(name) '\(VisibleText.excerpt(text))'")
                    ?? "\(name) '\(VisibleText.excerpt(text))' is not a plain decimal number",
                at: at
            )
            return nil
        }
        if aboveZero && value <= 0 {
            problems.error("\(name) \(value.plainText) is not above 0; a finding deducts a positive number", at: at)
            return nil
        }
        if let limitName, value > maximum {
            problems.error(
                "\(name) \(value.plainText)\(context) is above the \(limitName) \(maximum.plainText); \(name)s are "
                    + "never clamped",
                at: at
            )
            return nil
        }
        if value < 0 || value > maximum {
            problems.error(
                "\(name) \(value.plainText)\(context) is outside 0…\(maximum.plainText); \(name)s are never "
                    + "clamped",
                at: at
            )
            return nil
        }
        if let step, step > 0, value.units % step.units != 0 {
            problems.error(
                "\(name) \(value.plainText)\(context) is not a multiple of the step \(step.plainText)",
                at: at
            )
            return nil
        }
        return value
    }

    /// A score below its maximum needs a reason when the plan says `reasons: required`.
    mutating func reason(
        of row: SheetRow,
        in sheet: SheetRows,
        score: Points,
        maximum: Points,
        scored what: String,
        required: Bool
    ) -> String? {
        let reason = row.text(.reason)
        if required, score < maximum, reason.isEmpty {
            let given = sheet.columns.contains(.reason) ? "its reason is empty" : "the sheet has no reason column"
            problems.error(
                "score \(score.plainText) \(what) is below the maximum \(maximum.plainText) and \(given); the plan "
                    + "requires a reason for every score below the maximum (reasons: required)",
                at: sheet.columns.contains(.reason) ? row.location(.reason) : row.location(.score)
            )
        }
        return reason.isEmpty ? nil : reason
    }

    /// Reports a record whose key was already seen; false when it was.
    mutating func unique(
        _ key: String,
        _ what: String,
        at location: SourceLocation,
        seen: inout [String: SourceLocation],
        message: ((SourceLocation) -> String)? = nil
    ) -> Bool {
        if let first = seen[key] {
            problems.error(
                message?(first) ?? "\(what) '\(VisibleText.excerpt(key))' appears twice (first at \(first))",
                at: location
            )
            return false
        }
        seen[key] = location
        return true
    }

    /// A `YYYY-MM-DD` day inside `month`, or nil (after reporting it).
    mutating func day(_ column: PerformanceColumn, of row: SheetRow, month: YearMonth) -> String? {
        guard let text = required(column, of: row) else { return nil }
        guard let parts = CalendarDate.parts(text) else {
            problems.error(
                "\(column.rawValue) '\(VisibleText.excerpt(text))' is not a real date written YYYY-MM-DD",
                at: row.location(column)
            )
            return nil
        }
        guard parts.year == month.year, parts.month == month.month else {
            problems.error(
                "\(column.rawValue) \(text) is outside \(month), the month being recorded",
                at: row.location(column)
            )
            return nil
        }
        return text
    }

    /// A survey's submission time: `YYYY-MM-DD` or `YYYY-MM-DD HH:MM[:SS]`, inside `month`.
    mutating func submitted(of row: SheetRow, month: YearMonth) {
        let text = row.text(.submitted)
        guard !text.isEmpty else { return }
        let at = row.location(.submitted)
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard (1...2).contains(parts.count), let date = CalendarDate.parts(parts[0]),
            parts.count == 1 || Self.isTime(parts[1])
        else {
            problems.error(
                "submitted '\(VisibleText.excerpt(text))' is not a time written YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS]",
                at: at
            )
            return
        }
        if date.year != month.year || date.month != month.month {
            problems.error("submitted \(parts[0]) is outside \(month), the month being recorded", at: at)
        }
    }

    /// `HH:MM` or `HH:MM:SS`, 00:00 to 23:59:59.
    static func isTime(_ text: Substring) -> Bool {
        let fields = text.split(separator: ":", omittingEmptySubsequences: false)
        let limits = [23, 59, 59]
        guard (2...3).contains(fields.count) else { return false }
        return zip(fields, limits).allSatisfy { field, limit in
            field.count == 2 && field.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
                && Int(field).map { $0 <= limit } == true
        }
    }

    /// A photo named on a patrol sheet: a plain relative path, read later from the photos folder, so it must not
    /// be absolute, climb out with `..`, or hold control characters.
    mutating func photo(of row: SheetRow, required: Bool) -> String? {
        let text = row.text(.photo)
        let at = row.location(.photo)
        guard !text.isEmpty else {
            if required {
                problems.error("photo is empty; the plan requires a photo for every finding (photo: required)", at: at)
            }
            return nil
        }
        let shown = VisibleText.excerpt(text, limit: 80)
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            problems.error("photo path '\(shown)' contains a control character", at: at)
            return nil
        }
        let isDrive = text.utf8.count >= 2 && text.utf8.dropFirst().first == UInt8(ascii: ":")
        if text.hasPrefix("/") || text.hasPrefix("\\") || isDrive {
            problems.error("photo path '\(shown)' is absolute; name the photo relative to the photos folder", at: at)
            return nil
        }
        let components = text.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == "\\" }
        if components.contains("..") {
            problems.error("photo path '\(shown)' climbs out of the photos folder with '..'", at: at)
            return nil
        }
        return text
    }
}
