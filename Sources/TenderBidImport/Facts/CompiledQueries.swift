internal import CLibXML2
import Foundation
import Synchronization
import TenderCore

/// A rubric's fact queries compiled for one thread: an XPath context with the namespace bindings registered
/// once, and one compiled expression per query.
///
/// `@unchecked Sendable` because instances move between threads through `QueryPool`, which lends each one to
/// a single thread at a time; no instance is ever used by two threads at once.
final class CompiledQueries: @unchecked Sendable {
    private let context: xmlXPathContextPtr
    private let compiled: [(query: FactQuery, expression: xmlXPathCompExprPtr)]

    init(queries: [FactQuery], namespaces: [NamespaceBinding]) throws(DiagnosticError) {
        ensureLibXML2()
        guard let context = xmlXPathNewContext(nil) else {
            throw DiagnosticError(.error("out of memory while compiling the rubric's expressions"))
        }
        // XPath syntax errors go to this handler, not to the process's stderr.
        context.pointee.error = { _, _ in }
        for binding in namespaces {
            _ = binding.prefix.withXMLChars { prefix in
                binding.uri.withXMLChars { uri in xmlXPathRegisterNs(context, prefix, uri) }
            }
        }
        var compiled: [(query: FactQuery, expression: xmlXPathCompExprPtr)] = []
        var collector = DiagnosticCollector()
        let declared = Set(namespaces.map(\.prefix))
        for query in queries {
            let location = query.location
            if let prefix = XPathPrefixes.prefixes(in: query.expression).first(where: { !declared.contains($0) }) {
                collector.error(
                    "XPath expression '\(query.expression)' in criterion '\(query.id)' uses the prefix '\(prefix)', "
                        + "which the rubric does not declare",
                    at: location
                )
                continue
            }
            guard let expression = query.expression.withXMLChars({ xmlXPathCtxtCompile(context, $0) }) else {
                collector.error(
                    "invalid XPath expression '\(query.expression)' in criterion '\(query.id)'",
                    at: location
                )
                continue
            }
            compiled.append((query, expression))
        }
        if collector.hasErrors {
            for entry in compiled { xmlXPathFreeCompExpr(entry.expression) }
            xmlXPathFreeContext(context)
            throw DiagnosticError(collector.diagnostics)
        }
        self.context = context
        self.compiled = compiled
    }

    deinit {
        for entry in compiled { xmlXPathFreeCompExpr(entry.expression) }
        xmlXPathFreeContext(context)
    }

    var isEmpty: Bool { compiled.isEmpty }

    /// Evaluates every query in `document` and copies the results into Swift values.
    func evaluate(in document: xmlDocPtr, file: String) -> (facts: [String: Fact], warnings: [Diagnostic]) {
        context.pointee.doc = document
        // Expressions are written relative to the bid's root element (`b:capability/...`), as in the rubric
        // reference; absolute paths (`/b:bid/...`) work the same.
        context.pointee.node =
            xmlDocGetRootElement(document)
            ?? UnsafeMutableRawPointer(document).assumingMemoryBound(to: xmlNode.self)
        defer {
            context.pointee.doc = nil
            context.pointee.node = nil
        }
        var facts: [String: Fact] = [:]
        var warnings: [Diagnostic] = []
        for (query, expression) in compiled {
            guard let result = xmlXPathCompiledEval(expression, context) else {
                warnings.append(
                    .warning(
                        "could not evaluate '\(query.expression)' for criterion '\(query.id)'; the value is missing",
                        at: SourceLocation(file: file)
                    )
                )
                facts[query.id] = Fact(.absent)
                continue
            }
            defer { xmlXPathFreeObject(result) }
            let (fact, warning) = FactConversion.fact(from: result.pointee, query: query, file: file)
            facts[query.id] = fact
            if let warning { warnings.append(warning) }
        }
        return (facts, warnings)
    }
}

/// Compiled query sets, one per thread that is importing at the moment; a set is compiled the first time a
/// thread needs one and reused afterwards (never one compile per bid).
final class QueryPool: Sendable {
    let queries: [FactQuery]
    let namespaces: [NamespaceBinding]
    private let idle: Mutex<[CompiledQueries]>

    init(queries: [FactQuery], namespaces: [NamespaceBinding]) throws(DiagnosticError) {
        self.queries = queries
        self.namespaces = namespaces
        // Compiling once here both reports every syntax error at init and seeds the pool.
        let first = try CompiledQueries(queries: queries, namespaces: namespaces)
        idle = Mutex([first])
    }

    /// Lends a compiled set to `body` on the calling thread and takes it back afterwards.
    func withQueries<Result>(_ body: (CompiledQueries) -> Result) -> Result {
        let lent = idle.withLock { sets in sets.popLast() }
        let queries: CompiledQueries
        if let lent {
            queries = lent
        } else if let fresh = try? CompiledQueries(queries: self.queries, namespaces: namespaces) {
            queries = fresh
        } else {
            // Cannot happen: the same queries compiled in init.
            fatalError("rubric expressions compiled once but not a second time")
        }
        defer { idle.withLock { $0.append(queries) } }
        return body(queries)
    }
}

/// Converts an XPath result into a `Fact` of the kind the rubric asked for.
enum FactConversion {
    static func fact(from result: xmlXPathObject, query: FactQuery, file: String) -> (Fact, Diagnostic?) {
        switch result.type {
        case XPATH_NODESET, XPATH_XSLT_TREE:
            guard let set = result.nodesetval, set.pointee.nodeNr > 0, let node = set.pointee.nodeTab[0] else {
                return (Fact(.absent), nil)
            }
            let line = node.line
            let text: String
            if let value = xmlXPathCastNodeToString(node) {
                text = String(cString: value).trimmingXMLWhitespace
                clibxml2_xmlFree(value)
            } else {
                text = ""
            }
            return fromText(text, query: query, file: file, line: line, fromNode: true)
        case XPATH_BOOLEAN:
            let value = result.boolval != 0
            switch query.kind {
            case .boolean: return (Fact(.boolean(value)), nil)
            case .number: return (Fact(.number(value ? 1 : 0)), nil)
            case .text: return (Fact(.text(value ? "true" : "false")), nil)
            }
        case XPATH_NUMBER:
            let value = result.floatval
            switch query.kind {
            case .boolean:
                return (Fact(value.isNaN ? .absent : .boolean(value != 0)), nil)
            case .number, .text:
                guard value.isFinite else {
                    if value.isNaN { return (Fact(.absent), nil) }
                    return (
                        Fact(.absent),
                        .warning(
                            "criterion '\(query.id)' gives an infinite number; the value is missing",
                            at: SourceLocation(file: file)
                        )
                    )
                }
                guard let decimal = decimal(from: value) else { return (Fact(.absent), nil) }
                return query.kind == .number ? (Fact(.number(decimal)), nil) : (Fact(.text(decimal.plainText)), nil)
            }
        case XPATH_STRING:
            let text = result.stringval.map { String(cString: $0) }?.trimmingXMLWhitespace ?? ""
            return fromText(text, query: query, file: file, line: nil, fromNode: false)
        default:
            return (Fact(.absent), nil)
        }
    }

    private static func fromText(
        _ text: String,
        query: FactQuery,
        file: String,
        line: Int?,
        fromNode: Bool
    ) -> (Fact, Diagnostic?) {
        switch query.kind {
        case .text:
            return (Fact(text.isEmpty ? .absent : .text(text), line: line), nil)
        case .number:
            if text.isEmpty { return (Fact(.absent, line: line), nil) }
            if let value = Decimal(exactly: text) { return (Fact(.number(value), line: line), nil) }
            return (
                Fact(.absent, line: line),
                .warning(
                    "criterion '\(query.id)' expects a number but the bid gives '\(text.prefix(80))'; "
                        + "the value is missing",
                    at: SourceLocation(file: file, line: line)
                )
            )
        case .boolean:
            switch text.lowercased() {
            case "true", "1", "yes", "是": return (Fact(.boolean(true), line: line), nil)
            case "false", "0", "no", "否": return (Fact(.boolean(false), line: line), nil)
            case "": return (Fact(fromNode ? .boolean(true) : .absent, line: line), nil)
            default: return (Fact(.boolean(true), line: line), nil)
            }
        }
    }

    /// An integral or finite double as a decimal through its shortest text with at most 15 significant
    /// digits (so `0.1 + 0.2` from an XPath `sum` is 0.3, and counts are exact).
    static func decimal(from value: Double) -> Decimal? {
        let text = String(format: "%.15g", locale: Locale(identifier: "en_US_POSIX"), value)
        if let exact = Decimal(exactly: text) { return exact }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }
}

/// Finds the namespace prefixes an XPath 1.0 expression uses (`b:price`, `b:*`, `$v:x`), skipping string
/// literals and axis names (`child::`).
enum XPathPrefixes {
    static func prefixes(in expression: String) -> [String] {
        let characters = Array(expression.unicodeScalars)
        var result: [String] = []
        var index = 0
        func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "_" || scalar.properties.isAlphabetic
        }
        func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
            isNameStart(scalar) || scalar == "-" || scalar == "." || ("0"..."9").contains(scalar)
                || scalar.properties.generalCategory == .nonspacingMark
        }
        while index < characters.count {
            let scalar = characters[index]
            if scalar == "\"" || scalar == "'" {
                index += 1
                while index < characters.count, characters[index] != scalar { index += 1 }
                index += 1
            } else if ("0"..."9").contains(scalar) {
                while index < characters.count, ("0"..."9").contains(characters[index]) || characters[index] == "." {
                    index += 1
                }
            } else if isNameStart(scalar) {
                let start = index
                while index < characters.count, isNameCharacter(characters[index]) { index += 1 }
                let name = String(String.UnicodeScalarView(characters[start..<index]))
                if index + 1 < characters.count, characters[index] == ":", characters[index + 1] != ":",
                    isNameStart(characters[index + 1]) || characters[index + 1] == "*"
                {
                    if !result.contains(name) { result.append(name) }
                    index += 1
                    while index < characters.count, isNameCharacter(characters[index]) || characters[index] == "*" {
                        index += 1
                    }
                }
            } else {
                index += 1
            }
        }
        return result
    }
}
