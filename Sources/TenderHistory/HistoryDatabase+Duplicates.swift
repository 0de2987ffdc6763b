import GRDB
public import TenderCore
public import TenderModel

/// A sheet already recorded for a contract, with the month it was recorded for.
public struct RecordedSheetInMonth: Hashable, Sendable {
    public var month: YearMonth
    public var sheet: RecordedSheet

    public init(month: YearMonth, sheet: RecordedSheet) {
        self.month = month
        self.sheet = sheet
    }
}

extension HistoryDatabase {
    /// The sheets of `contractID` recorded for a month other than `month` whose file had exactly these bytes
    /// (`sha256`), oldest month first: the same file given again (last month's team sheet for this month's) is
    /// allowed, since two months can truly score alike, but is worth a warning.
    public func sheets(
        contractID: String,
        sha256: String,
        otherThan month: YearMonth
    ) throws(DiagnosticError) -> [RecordedSheetInMonth] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT month, source, file, file_sha256, recorded_on FROM record_batch
                    WHERE contract_id = ? AND file_sha256 = ? AND month <> ?
                    ORDER BY month, source
                    """,
                arguments: [contractID, sha256, month.description]
            ).compactMap { row -> RecordedSheetInMonth? in
                let monthText: String = row["month"]
                let sourceText: String = row["source"]
                guard let recordedMonth = YearMonth(monthText), let source = PerformanceSource(rawValue: sourceText)
                else { return nil }
                return RecordedSheetInMonth(
                    month: recordedMonth,
                    sheet: RecordedSheet(
                        source: source,
                        file: row["file"],
                        sha256: row["file_sha256"],
                        recordedOn: row["recorded_on"]
                    )
                )
            }
        }
    }
}
