public import TenderCore

/// Why a workbook cannot be written: a name or text beyond Excel's limits, a number a spreadsheet cannot hold
/// exactly, or a failure of libxlsxwriter or the file system. Nothing is written when it is thrown.
public struct SpreadsheetWriteError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    /// The worksheet concerned, when there is one.
    public var sheet: String?
    /// The cell concerned, when there is one.
    public var cell: CellReference?

    public init(_ message: String, sheet: String? = nil, cell: CellReference? = nil) {
        self.message = message
        self.sheet = sheet
        self.cell = cell
    }

    /// The error as a diagnostic located at `file:Sheet!C7`.
    public func diagnostic(file: String) -> Diagnostic {
        .error(message, at: SourceLocation(file: file, sheet: sheet, cell: cell))
    }

    public var description: String {
        guard sheet != nil || cell != nil else { return message }
        return "\(SourceLocation(file: "", sheet: sheet, cell: cell).description.dropFirst()): \(message)"
    }
}
