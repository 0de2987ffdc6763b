internal import CLibXML2
import Foundation
public import TenderCore
public import TenderModel

/// Reads bid documents through libxml2 with safe options and evaluates a rubric's fact queries in each.
///
/// Queries are compiled once when the importer is made (and once more per extra thread that imports at the
/// same time); `importBids` reads files in parallel and returns outcomes in input order.
public struct BidImporter: Sendable {
    public let queries: [FactQuery]
    public let namespaces: [NamespaceBinding]
    public let limits: ImportLimits
    private let pool: QueryPool

    /// Fails with a diagnostic at the query's location when an expression does not compile or uses an
    /// unbound prefix.
    public init(
        queries: [FactQuery],
        namespaces: [NamespaceBinding],
        limits: ImportLimits = ImportLimits()
    ) throws(DiagnosticError) {
        try self.init(queries: queries, namespaces: namespaces, limits: limits, evaluation: .singleWalk)
    }

    /// `evaluation: .libxml2Only` switches the single walk off (for the tests that compare both).
    init(
        queries: [FactQuery],
        namespaces: [NamespaceBinding],
        limits: ImportLimits = ImportLimits(),
        evaluation: FactEvaluation
    ) throws(DiagnosticError) {
        self.queries = queries
        self.namespaces = namespaces
        self.limits = limits
        self.pool = try QueryPool(queries: queries, namespaces: namespaces, evaluation: evaluation)
    }

    /// Reads one bid. Never throws and never crashes on hostile input: anything it cannot read safely is a
    /// `.rejected` outcome with the reasons.
    public func importBid(bytes: [UInt8], file: String) -> BidImportOutcome {
        pool.withQueries { queries in
            var failures: [String: String] = [:]
            return importBid(bytes: bytes, file: file, queries: queries, cancellation: nil, failures: &failures)
        }
    }

    /// Reads many bids in parallel on all cores, each within the time budget; the outcomes are in the order of
    /// `files`.
    public func importBids(_ files: [(file: String, bytes: [UInt8])]) -> [BidImportOutcome] {
        importBatch(files).outcomes
    }

    /// One bid on the calling thread, interruptible through `cancellation`, with the queries that failed in it.
    func timedImport(bytes: [UInt8], file: String, cancellation: EvaluationCancellation) -> (
        BidImportOutcome, [String: String]
    ) {
        pool.withQueries { queries in
            var failures: [String: String] = [:]
            let outcome = importBid(
                bytes: bytes,
                file: file,
                queries: queries,
                cancellation: cancellation,
                failures: &failures
            )
            return (outcome, failures)
        }
    }

    /// Validates a native bid against the XSD only (for `tender-eval inspect --schema`): parse problems,
    /// refusals and schema violations, or nothing when the bid is valid.
    public func validateSchema(bytes: [UInt8], file: String) -> [Diagnostic] {
        do {
            return try withParsedDocument(bytes: bytes, file: file, limits: limits) {
                document,
                session throws(DiagnosticError) -> [Diagnostic] in
                guard let root = xmlDocGetRootElement(document) else { return [] }
                guard root.namespaceURI == NativeNames.namespace, root.localName == "bid" else {
                    return [
                        .error(
                            "root element <\(root.localName)> (namespace \(root.namespaceURI ?? "none")) is not a "
                                + "tender-eval bid; only tender-eval bids (urn:tender-eval:bid:1) have a schema here",
                            at: session.location(line: session.rootLine, column: session.rootColumn)
                        )
                    ]
                }
                return BidSchema.native.validate(document, file: file)
            }
        } catch {
            return error.diagnostics
        }
    }

    private func importBid(
        bytes: [UInt8],
        file: String,
        queries: CompiledQueries,
        cancellation: EvaluationCancellation?,
        failures: inout [String: String]
    ) -> BidImportOutcome {
        do {
            return try withParsedDocument(bytes: bytes, file: file, limits: limits) {
                document,
                session throws(DiagnosticError) -> BidImportOutcome in
                guard let root = xmlDocGetRootElement(document) else {
                    throw DiagnosticError(.error("bid has no root element", at: SourceLocation(file: file)))
                }
                var (bid, warnings) = try BidFormatDetection.map(
                    document: document,
                    root: root,
                    session: session,
                    limits: limits
                )
                if !queries.isEmpty {
                    // A bid already out of time is not worth evaluating.
                    if cancellation?.isCancelled == true { throw DiagnosticError([]) }
                    let evaluated = try queries.evaluateRecordingFailures(
                        in: document,
                        file: file,
                        operationLimit: limits.maximumXPathOperations,
                        cancellation: cancellation
                    )
                    bid.facts = evaluated.facts
                    warnings += evaluated.warnings
                    failures = evaluated.failures
                }
                return .imported(bid, warnings: warnings)
            }
        } catch {
            return .rejected(file: file, diagnostics: error.diagnostics)
        }
    }
}

/// Recognises the document type by the root element's namespace URI (never its prefix) and maps it.
enum BidFormatDetection {
    static func map(
        document: xmlDocPtr,
        root: xmlNodePtr,
        session: ParseSession,
        limits: ImportLimits
    ) throws(DiagnosticError) -> (Bid, [Diagnostic]) {
        let file = session.file
        let uri = root.namespaceURI ?? ""
        let name = root.localName
        if uri == NativeNames.namespace && name == "bid" {
            let problems = BidSchema.native.validate(document, file: file)
            if problems.contains(where: { $0.severity == .error }) { throw DiagnosticError(problems) }
            return (try NativeMapping.bid(root: root, file: file, limits: limits), problems)
        }
        if UBLNames.tenderRoots.contains(uri) && name == "Tender" {
            return try UBLTenderMapping.bid(root: root, file: file, limits: limits)
        }
        if (ESPDNames.v1Roots.contains(uri) && name == "ESPDResponse")
            || (ESPDNames.v2Roots.contains(uri) && name == "QualificationApplicationResponse")
        {
            return try ESPDMapping.bid(root: root, file: file, limits: limits)
        }
        throw DiagnosticError(
            .error(
                "root element <\(name)> (namespace \(uri.isEmpty ? "none" : uri)) is not a bid; "
                    + "expected a tender-eval bid, a UBL Tender or an ESPD response",
                at: session.location(line: session.rootLine, column: session.rootColumn)
            )
        )
    }
}

extension BidImporter {
    /// The whole text content of a document as decoded by the importer's parser (same safety rules),
    /// whatever its root; for tests that check the decoding of documents that are not bids.
    static func decodedText(bytes: [UInt8], file: String, limits: ImportLimits = ImportLimits()) throws(DiagnosticError)
        -> String
    {
        try withParsedDocument(bytes: bytes, file: file, limits: limits) { document, _ throws(DiagnosticError) in
            xmlDocGetRootElement(document)?.trimmedText ?? ""
        }
    }
}
