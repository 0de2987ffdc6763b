public import TenderCore

/// What happened to one bid file.
public enum BidImportOutcome: Hashable, Sendable {
    /// Read; `warnings` are things the evaluation should show but that do not stop it.
    case imported(Bid, warnings: [Diagnostic])
    /// Not readable safely or not a valid bid: every reason, each with file, line and column.
    case rejected(file: String, diagnostics: [Diagnostic])
}
