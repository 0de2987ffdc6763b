internal import CLibXML2
import TenderCore
import TenderModel

/// Turns libxml2's messages into sentences a procurement officer can act on, keeping line and column.
enum ParseErrorMapping {
    static func diagnostic(for error: xmlError, session: ParseSession) -> Diagnostic {
        let location = session.location(line: Int(error.line), column: Int(error.int2))
        let raw = error.message.map { String(cString: $0) } ?? "unknown error"
        let message = raw.trimmingXMLWhitespace
        let severity: Diagnostic.Severity = error.level == XML_ERR_WARNING ? .warning : .error
        let code = xmlParserErrors(rawValue: UInt32(bitPattern: error.code))
        let text: String
        switch code {
        case XML_ERR_UNSUPPORTED_ENCODING:
            let name = error.str1.map { String(cString: $0) } ?? message.replacingPrefix("Unsupported encoding ")
            text =
                "bid declares encoding '\(name.trimmingXMLWhitespace)', which cannot be read; "
                + "use UTF-8, GB18030, GBK, GB2312, Big5 or UTF-16"
        case XML_ERR_INVALID_CHAR where message.hasPrefix("Input is not proper UTF-8"),
            XML_ERR_INVALID_ENCODING where message.hasPrefix("Input is not proper UTF-8"):
            text =
                "bid is not valid UTF-8 at line \(location.line.map(String.init) ?? "?"); "
                + "declare its encoding (e.g. encoding=\"GB18030\")"
        case XML_ERR_UNDECLARED_ENTITY, XML_WAR_UNDECLARED_ENTITY:
            let name = error.str1.map { String(cString: $0) } ?? "?"
            text = "bid refers to an undefined entity '&\(name);'; entities are not allowed in bids"
        case XML_ERR_ENTITY_LOOP, XML_ERR_ENTITY_BOUNDARY, XML_ERR_ENTITY_PE_INTERNAL:
            text = RefusalMessage.entity
        case XML_ERR_DOCUMENT_EMPTY:
            text = "bid file is empty or does not start with an XML element"
        default:
            if message.hasPrefix("Excessive depth in document") {
                text = "bid nests elements more than 256 levels deep; the limit is 256"
            } else if message.hasPrefix("Document labelled UTF-16 but has UTF-8 content") {
                text = "bid declares encoding UTF-16 but its bytes are not UTF-16"
            } else if message.contains("encoder error") || message.contains("input conversion failed") {
                text = "bid is not valid in its declared encoding at line \(location.line.map(String.init) ?? "?")"
            } else {
                text = "bid is not well-formed XML: " + message.lowercasingFirst.droppingTrailingPeriod
            }
        }
        return Diagnostic(severity, text, at: location)
    }
}

extension String {
    func replacingPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }

    var lowercasingFirst: String {
        guard let first else { return self }
        // Keep acronyms and names such as "XML" or "PCDATA" as written.
        if count > 1, self[index(after: startIndex)].isUppercase { return self }
        return first.lowercased() + dropFirst()
    }

    var droppingTrailingPeriod: String {
        hasSuffix(".") ? String(dropLast()) : self
    }
}
