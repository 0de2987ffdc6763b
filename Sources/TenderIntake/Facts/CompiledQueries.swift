internal import CLibXML2
internal import CLibXML2Support
import Foundation
import Synchronization
import TenderCore
import TenderModel

/// How the importer evaluates the rubric's fact queries.
enum FactEvaluation: Hashable, Sendable {
    /// Simple child / attribute paths (`SimpleXPath`) for all queries in one walk of each bid; libxml2's XPath
    /// engine for the rest. The default.
    case singleWalk
    /// libxml2's XPath engine for every query (the reference the single walk is tested against).
    case libxml2Only
}

/// A rubric's fact queries compiled for one thread: an XPath context with the namespace bindings registered
/// once, one compiled expression per query, and the single-walk plan of the simple ones.
///
/// `@unchecked Sendable` because instances move between threads through `QueryPool`, which lends each one to
/// a single thread at a time; no instance is ever used by two threads at once.
final class CompiledQueries: @unchecked Sendable {
    private let context: xmlXPathContextPtr
    private let compiled: [(query: FactQuery, expression: xmlXPathCompExprPtr)]
    /// The simple queries, read in one walk of each bid; nil when none is simple or the walk is switched off.
    private let plan: SinglePassPlan?

    init(
        queries: [FactQuery],
        namespaces: [NamespaceBinding],
        evaluation: FactEvaluation = .singleWalk
    ) throws(DiagnosticError) {
        ensureLibXML2()
        // libxml2 reports an unknown function on evaluation through its generic handler; never on our stderr.
        clibxml2_silence_generic_errors_on_this_thread()
        guard let context = xmlXPathNewContext(nil) else {
            throw DiagnosticError(.error("out of memory while compiling the rubric's expressions"))
        }
        // XPath errors go to this handler, not to the process's stderr; their code and position are read from
        // the context's last error.
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
                    "XPath expression '\(query.expression)' in \(query.owner) uses the prefix '\(prefix)', "
                        + "which the rubric does not declare",
                    at: location
                )
                continue
            }
            xmlResetError(&context.pointee.lastError)
            guard let expression = query.expression.withXMLChars({ xmlXPathCtxtCompile(context, $0) }) else {
                let error = XPathError(context.pointee.lastError)
                collector.error(
                    "invalid XPath expression '\(query.expression)' in \(query.owner): \(error.reason)",
                    at: query.location(ofByte: error.offset)
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
        // Every query is compiled by libxml2 above (same syntax errors, and the fallback); the simple ones are
        // also planned for the single walk.
        var plan: SinglePassPlan?
        if evaluation == .singleWalk {
            let prefixes = SimpleXPath.prefixMap(namespaces)
            let candidate = SinglePassPlan(
                queries: compiled.map { SimpleXPath.parse($0.query.expression, namespaces: prefixes) }
            )
            if !candidate.isEmpty { plan = candidate }
        }
        self.plan = plan
    }

    /// How many queries the single walk reads (the others go through libxml2's XPath engine).
    var singleWalkCount: Int { plan?.wrappers.count ?? 0 }

    deinit {
        for entry in compiled { xmlXPathFreeCompExpr(entry.expression) }
        xmlXPathFreeContext(context)
    }

    var isEmpty: Bool { compiled.isEmpty }

    /// The errors libxml2 raises when it evaluates each expression in `document` (not the operation limit).
    func evaluationErrors(in document: xmlDocPtr) -> [Diagnostic] {
        context.pointee.doc = document
        context.pointee.node = xmlDocGetRootElement(document)
        context.pointee.opLimit = 10_000_000
        defer {
            context.pointee.doc = nil
            context.pointee.node = nil
            context.pointee.opLimit = 0
        }
        var diagnostics: [Diagnostic] = []
        for (query, expression) in compiled {
            context.pointee.opCount = 0
            xmlResetError(&context.pointee.lastError)
            if let result = xmlXPathCompiledEval(expression, context) {
                xmlXPathFreeObject(result)
                continue
            }
            let error = XPathError(context.pointee.lastError)
            if error.isOperationLimit { continue }
            diagnostics.append(
                .error(
                    "XPath expression '\(query.expression)' in \(query.owner) cannot be evaluated: \(error.reason)",
                    at: query.expressionStart ?? query.location
                )
            )
        }
        return diagnostics
    }

    /// Evaluates every query in `document` and copies the results into Swift values. libxml2's XPath engine may
    /// spend at most `operationLimit` operations on the bid, all queries together; past that the bid is not
    /// evaluated (a quadratic expression over a large bid would otherwise stall the run).
    func evaluate(
        in document: xmlDocPtr,
        file: String,
        operationLimit: Int = ImportLimits().maximumXPathOperations
    ) throws(DiagnosticError) -> (facts: [String: Fact], warnings: [Diagnostic]) {
        let evaluated = try evaluateRecordingFailures(in: document, file: file, operationLimit: operationLimit)
        return (evaluated.facts, evaluated.warnings)
    }

    /// `evaluate`, also returning the queries libxml2 could not evaluate (by query id, with the reason), so that
    /// an expression failing in every bid can be reported as the rubric's error. `cancellation` lets another
    /// thread stop the evaluation when the bid runs out of time.
    func evaluateRecordingFailures(
        in document: xmlDocPtr,
        file: String,
        operationLimit: Int = ImportLimits().maximumXPathOperations,
        cancellation: EvaluationCancellation? = nil
    ) throws(DiagnosticError) -> (facts: [String: Fact], warnings: [Diagnostic], failures: [String: String]) {
        context.pointee.opLimit = UInt(max(1, operationLimit))
        context.pointee.opCount = 0
        cancellation?.attach(context)
        defer { cancellation?.detach() }
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
        var failures: [String: String] = [:]
        let root = xmlDocGetRootElement(document)
        let plan = root == nil ? nil : self.plan
        if let plan, let root { plan.run(root: root) }
        for (index, (query, expression)) in compiled.enumerated() {
            if let plan, let slot = plan.slotOfQuery[index] {
                let (fact, warning) = plan.fact(slot: slot, query: query, file: file)
                facts[query.id] = fact
                if let warning { warnings.append(warning) }
                continue
            }
            xmlResetError(&context.pointee.lastError)
            guard let result = xmlXPathCompiledEval(expression, context) else {
                let error = XPathError(context.pointee.lastError)
                if error.isOperationLimit {
                    throw DiagnosticError(
                        .error(
                            "evaluating the rubric's expressions took more than \(operationLimit) XPath operations "
                                + "(\(query.owner)); raise --max-xpath-operations if the rubric really needs that "
                                + "much work in one bid",
                            at: SourceLocation(file: file)
                        )
                    )
                }
                warnings.append(
                    .warning(
                        "could not evaluate '\(query.expression)' for criterion '\(query.id)'; the value is missing",
                        at: SourceLocation(file: file)
                    )
                )
                facts[query.id] = Fact(.absent)
                failures[query.id] = error.reason
                continue
            }
            defer { xmlXPathFreeObject(result) }
            let (fact, warning) = FactConversion.fact(from: result.pointee, query: query, file: file)
            facts[query.id] = fact
            if let warning { warnings.append(warning) }
        }
        return (facts, warnings, failures)
    }
}

/// Compiled query sets, one per thread that is importing at the moment; a set is compiled the first time a
/// thread needs one and reused afterwards (never one compile per bid).
final class QueryPool: Sendable {
    let queries: [FactQuery]
    let namespaces: [NamespaceBinding]
    let evaluation: FactEvaluation
    private let idle: Mutex<[CompiledQueries]>

    init(
        queries: [FactQuery],
        namespaces: [NamespaceBinding],
        evaluation: FactEvaluation = .singleWalk
    ) throws(DiagnosticError) {
        self.queries = queries
        self.namespaces = namespaces
        self.evaluation = evaluation
        // Compiling once here both reports every syntax error at init and seeds the pool; the dry run finds the
        // errors libxml2 only raises on evaluation.
        let first = try CompiledQueries(queries: queries, namespaces: namespaces, evaluation: evaluation)
        let evaluationErrors = first.dryRun()
        if !evaluationErrors.isEmpty { throw DiagnosticError(evaluationErrors) }
        idle = Mutex([first])
    }

    /// Lends a compiled set to `body` on the calling thread and takes it back afterwards.
    func withQueries<Result>(_ body: (CompiledQueries) -> Result) -> Result {
        let lent = idle.withLock { sets in sets.popLast() }
        let queries: CompiledQueries
        if let lent {
            queries = lent
        } else if let fresh = try? CompiledQueries(
            queries: self.queries,
            namespaces: namespaces,
            evaluation: evaluation
        ) {
            queries = fresh
        } else {
            // Cannot happen: the same queries compiled in init.
            fatalError("rubric expressions compiled once but not a second time")
        }
        defer { idle.withLock { $0.append(queries) } }
        return body(queries)
    }
}

/// Converts an XPath result into a `Fact` of the kind the rubric asked for. The single-walk evaluator calls the
/// same functions for the same kinds of result, so both give identical facts and warnings.
enum FactConversion {
    static func fact(from result: xmlXPathObject, query: FactQuery, file: String) -> (Fact, Diagnostic?) {
        switch result.type {
        case XPATH_NODESET, XPATH_XSLT_TREE:
            var first: xmlNodePtr?
            if let set = result.nodesetval, set.pointee.nodeNr > 0 { first = set.pointee.nodeTab[0] }
            return nodeSet(first: first, query: query, file: file)
        case XPATH_BOOLEAN:
            return boolean(result.boolval != 0, query: query)
        case XPATH_NUMBER:
            return number(result.floatval, query: query, file: file)
        case XPATH_STRING:
            return string(result.stringval.map { UnsafePointer($0) }, query: query, file: file)
        default:
            return (Fact(.absent), nil)
        }
    }

    /// A node-set result, given by its first node in document order (nil when empty).
    static func nodeSet(first node: xmlNodePtr?, query: FactQuery, file: String) -> (Fact, Diagnostic?) {
        guard let node else { return (Fact(.absent), nil) }
        let line = node.line
        let text: String
        if let value = xmlXPathCastNodeToString(node) {
            text = String(cString: value).trimmingXMLWhitespace
            clibxml2_xmlFree(value)
        } else {
            text = ""
        }
        return fromText(text, query: query, file: file, line: line, fromNode: true)
    }

    static func boolean(_ value: Bool, query: FactQuery) -> (Fact, Diagnostic?) {
        switch query.kind {
        case .boolean: return (Fact(.boolean(value)), nil)
        case .number: return (Fact(.number(value ? 1 : 0)), nil)
        case .text: return (Fact(.text(value ? "true" : "false")), nil)
        }
    }

    static func number(_ value: Double, query: FactQuery, file: String) -> (Fact, Diagnostic?) {
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
            guard let decimal = decimal(from: value) else {
                return (
                    Fact(.absent),
                    .warning(
                        "criterion '\(query.id)' gives a number too large to use exactly; the value is missing",
                        at: SourceLocation(file: file)
                    )
                )
            }
            return query.kind == .number ? (Fact(.number(decimal)), nil) : (Fact(.text(decimal.plainText)), nil)
        }
    }

    static func string(_ value: UnsafePointer<xmlChar>?, query: FactQuery, file: String) -> (Fact, Diagnostic?) {
        let text = value.map { String(cString: $0) }?.trimmingXMLWhitespace ?? ""
        return fromText(text, query: query, file: file, line: nil, fromNode: false)
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
            if let value = try? ExactRatio(parsing: text) { return (Fact(.number(value), line: line), nil) }
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
    static func decimal(from value: Double) -> ExactRatio? {
        // A whole number below 10^15 is exact as an integer: no text, no number formatter, which costs about as
        // much as a whole bid's parse (counts are the common case).
        if value == value.rounded(.towardZero), value.magnitude < 1e15 {
            return ExactRatio(Int(value))
        }
        return formattedDecimal(from: value)
    }

    /// The general conversion, through the formatted text.
    static func formattedDecimal(from value: Double) -> ExactRatio? {
        // Foundation's formatter sets a number formatter up on every call, which costs more than parsing a bid;
        // what it writes for `%.15g` is the shortest text that reads back as the double, rounded half to even at
        // the 15th significant digit, and that is computed here directly. Outside the magnitudes every rubric
        // value has, the formatter is asked.
        if value.isFinite, value == 0 || (1e-60...1e60).contains(value.magnitude),
            let fast = shortestRounded(value)
        {
            return fast
        }
        return localeFormattedDecimal(from: value)
    }

    /// Swift's shortest round-trip text of `value`, rounded half to even to at most 15 significant digits.
    static func shortestRounded(_ value: Double) -> ExactRatio? {
        var digits: [UInt8] = []
        var pointPosition: Int?
        var exponent = 0
        var text = Substring(value.magnitude.description)
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let written = Int(text[text.index(after: e)...]) else { return nil }
            exponent = written
            text = text[..<e]
        }
        for character in text.utf8 {
            switch character {
            case UInt8(ascii: "."): pointPosition = digits.count
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits.append(character - UInt8(ascii: "0"))
            default: return nil
            }
        }
        // value = 0.d1d2d3… × 10^(exponent + point)
        exponent += pointPosition ?? digits.count
        while digits.first == 0 {
            digits.removeFirst()
            exponent -= 1
        }
        if digits.count > 15 {
            let rest = digits[15...]
            let first = rest.first ?? 0
            let roundsUp = first > 5 || (first == 5 && (rest.dropFirst().contains { $0 != 0 } || digits[14] % 2 == 1))
            digits.removeSubrange(15...)
            if roundsUp {
                var position = 14
                while position >= 0 {
                    if digits[position] == 9 {
                        digits[position] = 0
                        position -= 1
                    } else {
                        digits[position] += 1
                        break
                    }
                }
                if position < 0 {
                    digits.insert(1, at: 0)
                    digits.removeLast()
                    exponent += 1
                }
            }
        }
        while digits.last == 0 { digits.removeLast() }
        guard !digits.isEmpty else { return .zero }
        // At most 15 digits: the significand fits an Int64 and the power of ten is exact.
        let magnitude = digits.reduce(Int64(0)) { $0 * 10 + Int64($1) }
        let significand = value.sign == .minus ? -magnitude : magnitude
        let power = exponent - digits.count
        guard power.magnitude <= 38 else { return nil }
        if power <= 0 { return try? ExactRatio(units: significand, scale: -power) }
        guard let scale = try? ExactRatio(units: 1, scale: power) else { return nil }
        return try? ExactRatio(Int(significand)) / scale
    }

    /// The conversion through Foundation's formatter, whatever the process's locale (the reference the C
    /// library's text is tested against).
    static func localeFormattedDecimal(from value: Double) -> ExactRatio? {
        guard value.isFinite else { return nil }
        let text = String(format: "%.15g", locale: Locale(identifier: "en_US_POSIX"), value)
        let parts = text.split(maxSplits: 1) { $0 == "e" || $0 == "E" }
        guard let mantissa = try? ExactRatio(parsing: parts[0]) else { return nil }
        guard parts.count == 2 else { return mantissa }
        guard let exponent = Int(parts[1].drop { $0 == "+" }), exponent.magnitude <= 38,
            let power = try? ExactRatio(units: 1, scale: Int(exponent.magnitude))
        else { return nil }
        return exponent < 0 ? try? mantissa * power : try? mantissa / power
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
