import TenderCore

/// One value of a sheet as text, wherever the sheet came from: a CSV cell (`file:7:12`) or an XML attribute or
/// element text (`file:7`). The validators read only these, so a CSV and an XML sheet with the same values give
/// the same records and the same diagnostics, only located differently.
struct SheetValue: Hashable, Sendable {
    /// Trimmed.
    var text: String
    var location: SourceLocation
}

/// One record of a sheet (a CSV line, an XML record element).
struct SheetRow: Hashable, Sendable {
    var location: SourceLocation
    var values: [PerformanceColumn: SheetValue]
    /// A survey's answers, in the order of the sheet.
    var answers: [SheetAnswer] = []

    init(location: SourceLocation, values: [PerformanceColumn: SheetValue]) {
        self.location = location
        self.values = values
    }

    /// The trimmed text of a column, empty when the column is absent.
    func text(_ column: PerformanceColumn) -> String {
        values[column]?.text ?? ""
    }

    /// Where a column's value is, or the record itself when the column is absent.
    func location(_ column: PerformanceColumn) -> SourceLocation {
        values[column]?.location ?? location
    }
}

/// A survey answer: the item id and the answer as written (blank when the respondent gave none).
struct SheetAnswer: Hashable, Sendable {
    var item: String
    var value: SheetValue
}

/// A sheet's records, and which columns it has (a CSV sheet may lack an optional column).
struct SheetRows: Sendable {
    var rows: [SheetRow]
    var columns: Set<PerformanceColumn>
    /// Where problems of the whole sheet (too few records) are reported: the file.
    var file: String
}
