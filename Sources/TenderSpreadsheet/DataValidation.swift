public import TenderCore

/// A rule Excel enforces while a cell is edited, with the message shown when the cell is selected and the one
/// shown when a value breaks the rule.
public struct DataValidation: Hashable, Sendable {
    public enum Rule: Hashable, Sendable {
        /// Any number from `minimum` to `maximum`, both included.
        case decimalRange(minimum: SpreadsheetNumber, maximum: SpreadsheetNumber)
        /// One of the listed values, offered as a dropdown. A list whose text is longer than Excel's inline limit
        /// (255 characters, commas included), or whose items contain a comma, is written to the workbook's hidden
        /// list sheet and referenced from there.
        case list([CellValue])
        /// Text of at most this many characters.
        case maximumTextLength(Int)
    }

    public var range: CellRange
    public var rule: Rule
    /// Whether an empty cell passes (the cell has not been filled in yet).
    public var allowsBlank: Bool
    /// At most 32 characters (Excel's limit).
    public var inputTitle: String?
    /// At most 255 characters.
    public var inputMessage: String?
    /// At most 32 characters.
    public var errorTitle: String?
    /// At most 255 characters.
    public var errorMessage: String?

    public init(
        range: CellRange,
        rule: Rule,
        allowsBlank: Bool = true,
        inputTitle: String? = nil,
        inputMessage: String? = nil,
        errorTitle: String? = nil,
        errorMessage: String? = nil
    ) {
        self.range = range
        self.rule = rule
        self.allowsBlank = allowsBlank
        self.inputTitle = inputTitle
        self.inputMessage = inputMessage
        self.errorTitle = errorTitle
        self.errorMessage = errorMessage
    }

    /// The allowed scores from 0 to `maximum` in steps of `step` (`0, 0.5, 1, …, 10`): the list rule for a score
    /// cell whose criterion allows only those steps. nil when `step` is not positive or does not divide
    /// `maximum` exactly, or when the list would exceed `maximumItems` values.
    public static func steps(
        upTo maximum: Points,
        step: Points,
        maximumItems: Int = 1000
    ) -> [SpreadsheetNumber]? {
        guard step.units > 0, maximum.units >= 0, maximum.units % step.units == 0 else { return nil }
        let count = maximum.units / step.units + 1
        guard count <= Int64(maximumItems) else { return nil }
        return (0..<count).map { SpreadsheetNumber(Points(units: $0 * step.units)) }
    }
}
