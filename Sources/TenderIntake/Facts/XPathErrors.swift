internal import CLibXML2
import TenderCore
import TenderModel

/// An error libxml2's XPath engine recorded in a context's last error: what went wrong and where.
struct XPathError {
    /// libxml2's `xmlXPathError` number (`XPATH_EXPR_ERROR`, …), or nil when no XPath error was recorded.
    var number: UInt32?
    /// Byte offset in the expression where the compiler stopped.
    var offset: Int

    init(_ error: xmlError) {
        let base = Int32(XML_XPATH_EXPRESSION_OK.rawValue)
        number = error.domain == Int32(XML_FROM_XPATH.rawValue) && error.code >= base ? UInt32(error.code - base) : nil
        offset = Int(max(0, error.int1))
    }

    var isOperationLimit: Bool { number == XPATH_OP_LIMIT_EXCEEDED.rawValue }

    /// The reason in words, for a rubric author.
    var reason: String {
        guard let number else { return "libxml2 cannot compile it" }
        switch xmlXPathError(rawValue: number) {
        case XPATH_NUMBER_ERROR: return "a number is malformed"
        case XPATH_UNFINISHED_LITERAL_ERROR: return "a string is not closed"
        case XPATH_START_LITERAL_ERROR: return "a string is expected here"
        case XPATH_VARIABLE_REF_ERROR, XPATH_UNDEF_VARIABLE_ERROR, XPATH_FORBID_VARIABLE_ERROR:
            return "rubric expressions have no variables"
        case XPATH_INVALID_PREDICATE_ERROR: return "the predicate is not valid"
        case XPATH_EXPR_ERROR: return "the expression is not valid XPath 1.0 here"
        case XPATH_UNCLOSED_ERROR: return "a bracket is not closed"
        case XPATH_UNKNOWN_FUNC_ERROR: return "the function is not available"
        case XPATH_INVALID_OPERAND: return "an operand is not valid"
        case XPATH_INVALID_TYPE: return "a function gets an argument of the wrong type (e.g. count() of a string)"
        case XPATH_INVALID_ARITY: return "a function gets the wrong number of arguments"
        case XPATH_UNDEF_PREFIX_ERROR: return "a namespace prefix is not declared"
        case XPATH_ENCODING_ERROR, XPATH_INVALID_CHAR_ERROR: return "it contains a character XPath does not allow"
        case XPATH_RECURSION_LIMIT_EXCEEDED: return "it nests too deeply"
        case XPATH_MEMORY_ERROR: return "libxml2 ran out of memory"
        default: return "libxml2 cannot compile it"
        }
    }
}

extension FactQuery {
    /// "criterion 'x'" or "gate 'y'", for messages.
    var owner: String {
        id.hasPrefix("gate:") ? "gate '\(id.dropFirst("gate:".count))'" : "criterion '\(id)'"
    }

    /// The rubric location of the character at UTF-8 byte `offset` of the expression, when the expression's
    /// characters map to columns; else where the expression is written.
    func location(ofByte offset: Int) -> SourceLocation? {
        guard var start = expressionStart, let column = start.column else { return location }
        let bytes = expression.utf8
        let end = bytes.index(bytes.startIndex, offsetBy: min(offset, bytes.count))
        // libxml2 counts bytes; the rubric's columns count characters (unicode scalars).
        start.column = column + expression[..<end].unicodeScalars.count
        return start
    }
}

extension CompiledQueries {
    /// Evaluates every expression once in an empty bid, so that errors libxml2 finds only on evaluation (a
    /// function given a string where it needs nodes) are reported with the rubric, not as a criterion that
    /// fails in every bid.
    func dryRun() -> [Diagnostic] {
        guard let document = xmlNewDoc("1.0"), let root = xmlNewDocNode(document, nil, "bid", nil) else { return [] }
        defer { xmlFreeDoc(document) }
        _ = xmlNewNs(root, "urn:tender-eval:bid:1", nil)
        _ = xmlDocSetRootElement(document, root)
        return evaluationErrors(in: document)
    }
}
