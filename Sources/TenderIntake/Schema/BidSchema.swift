internal import CLibXML2
import TenderCore
import TenderModel

/// The native bid schema, parsed once per process from the embedded text and then only read.
///
/// libxml2 documents a parsed `xmlSchema` as safe to share between threads for validation as long as each
/// validation has its own `xmlSchemaValidCtxt`, which `validate` creates and frees every time.
final class BidSchema: @unchecked Sendable {
    static let native = BidSchema(text: EmbeddedSchema.text)

    private let schema: xmlSchemaPtr?
    /// What the schema describes, as diagnostics name it (`bid`, `performance sheet`).
    let subject: String
    /// The target namespace, left out of the element names libxml2 quotes.
    let namespace: String
    /// Why the embedded schema did not load (a build defect, reported on every bid rather than crashing).
    let loadProblems: [String]

    init(text: String, subject: String = "bid", namespace: String = NativeNames.namespace) {
        ensureLibXML2()
        self.subject = subject
        self.namespace = namespace
        let problems = MessageCollector()
        var parsed: xmlSchemaPtr?
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters in
                guard let parser = xmlSchemaNewMemParserCtxt(characters.baseAddress, Int32(characters.count)) else {
                    return
                }
                defer { xmlSchemaFreeParserCtxt(parser) }
                withExtendedLifetime(problems) {
                    xmlSchemaSetParserStructuredErrors(
                        parser,
                        { userData, error in
                            guard let userData, let error else { return }
                            let collector = Unmanaged<MessageCollector>.fromOpaque(userData).takeUnretainedValue()
                            collector.messages.append(error.pointee.message.map { String(cString: $0) } ?? "?")
                        },
                        Unmanaged.passUnretained(problems).toOpaque()
                    )
                    parsed = xmlSchemaParse(parser)
                }
            }
        }
        schema = parsed
        loadProblems = parsed == nil ? (problems.messages.isEmpty ? ["schema did not load"] : problems.messages) : []
    }

    deinit {
        if let schema { xmlSchemaFree(schema) }
    }

    /// Validates a parsed document; every violation becomes a diagnostic with the line of the offending node.
    func validate(_ document: xmlDocPtr, file: String) -> [Diagnostic] {
        guard let schema else {
            return loadProblems.map {
                .error(
                    "internal error: the \(subject) schema does not load: \($0.trimmingXMLWhitespace)",
                    at: SourceLocation(file: file)
                )
            }
        }
        guard let context = xmlSchemaNewValidCtxt(schema) else {
            return [.error("out of memory while validating the \(subject)", at: SourceLocation(file: file))]
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        let collector = SchemaErrorCollector(file: file, subject: subject, namespace: namespace)
        withExtendedLifetime(collector) {
            xmlSchemaSetValidStructuredErrors(
                context,
                { userData, error in
                    guard let userData, let error else { return }
                    let collector = Unmanaged<SchemaErrorCollector>.fromOpaque(userData).takeUnretainedValue()
                    collector.add(error.pointee)
                },
                Unmanaged.passUnretained(collector).toOpaque()
            )
            _ = xmlSchemaValidateDoc(context, document)
        }
        return collector.summary
    }
}

private final class MessageCollector {
    var messages: [String] = []
}

private final class SchemaErrorCollector {
    /// Violations shown per bid: a bid that breaks the schema thousands of times (20,000 records with one bad
    /// attribute each) is rejected just the same, but must not flood the terminal and the report.
    static let shownLimit = 20

    let file: String
    let subject: String
    let namespace: String
    var diagnostics: [Diagnostic] = []
    var notShown = 0

    init(file: String, subject: String, namespace: String) {
        self.file = file
        self.subject = subject
        self.namespace = namespace
    }

    /// The violations shown, and one line counting the rest when there are more.
    var summary: [Diagnostic] {
        guard notShown > 0 else { return diagnostics }
        return diagnostics + [
            .error(
                "\(subject) does not follow the \(subject) schema in \(notShown) more places, not listed",
                at: SourceLocation(file: file)
            )
        ]
    }

    func add(_ error: xmlError) {
        guard diagnostics.count < Self.shownLimit else {
            notShown += 1
            return
        }
        var message = (error.message.map { String(cString: $0) } ?? "invalid").trimmingXMLWhitespace
        message = message.replacingAll("{\(namespace)}", with: "")
        let line = Int(error.line)
        let column = Int(error.int2)
        diagnostics.append(
            Diagnostic(
                error.level == XML_ERR_WARNING ? .warning : .error,
                "\(subject) does not follow the \(subject) schema: " + message.lowercasingFirst.droppingTrailingPeriod,
                at: SourceLocation(
                    file: file,
                    line: line > 0 ? line : nil,
                    column: line > 0 && column > 0 ? column : nil
                )
            )
        )
    }
}

extension String {
    /// Plain substring replacement without Foundation.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        result += rest
        return result
    }
}
