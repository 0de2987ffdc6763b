public import TenderCore

/// Limits no genuine bid reaches; exceeding one rejects that bid with a clear diagnostic.
public struct ImportLimits: Hashable, Sendable {
    public var maximumFileBytes: Int
    public var maximumDepth: Int
    public var maximumTextLength: Int
    public var maximumAttachments: Int

    public init(
        maximumFileBytes: Int = 50 * 1024 * 1024,
        maximumDepth: Int = 64,
        maximumTextLength: Int = 1024 * 1024,
        maximumAttachments: Int = 1000
    ) {
        self.maximumFileBytes = maximumFileBytes
        self.maximumDepth = maximumDepth
        self.maximumTextLength = maximumTextLength
        self.maximumAttachments = maximumAttachments
    }
}

/// What happened to one bid file.
public enum BidImportOutcome: Hashable, Sendable {
    /// Read; `warnings` are things the evaluation should show but that do not stop it.
    case imported(Bid, warnings: [Diagnostic])
    /// Not readable safely or not a valid bid: every reason, each with file, line and column.
    case rejected(file: String, diagnostics: [Diagnostic])
}

/// Reads bid documents through libxml2 with safe options and evaluates a rubric's fact queries in each.
///
/// Queries are compiled once when the importer is made; `importBids` reads files in parallel and returns
/// outcomes in input order.
public struct BidImporter: Sendable {
    public let queries: [FactQuery]
    public let namespaces: [NamespaceBinding]
    public let limits: ImportLimits

    /// Fails with a diagnostic at the query's location when an expression does not compile or uses an
    /// unbound prefix.
    public init(
        queries: [FactQuery],
        namespaces: [NamespaceBinding],
        limits: ImportLimits = ImportLimits()
    ) throws(DiagnosticError) {
        self.queries = queries
        self.namespaces = namespaces
        self.limits = limits
    }

    public func importBid(bytes: [UInt8], file: String) -> BidImportOutcome {
        .rejected(file: file, diagnostics: [.error("bid import is not implemented yet", at: SourceLocation(file: file))])
    }

    public func importBids(_ files: [(file: String, bytes: [UInt8])]) -> [BidImportOutcome] {
        files.map { importBid(bytes: $0.bytes, file: $0.file) }
    }

    /// Validates a native bid against the XSD only (for `tender-eval inspect --schema`).
    public func validateSchema(bytes: [UInt8], file: String) -> [Diagnostic] {
        [.error("schema validation is not implemented yet", at: SourceLocation(file: file))]
    }
}
