internal import CLibXML2
internal import CLibXML2Support
import TenderCore
import TenderModel

/// The namespaces of SpreadsheetML and of package relationships, in both the transitional form Excel writes and
/// the strict form it can save.
enum SpreadsheetNamespace {
    static let main: Set<String> = [
        "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        "http://purl.oclc.org/ooxml/spreadsheetml/main",
    ]
    static let relationships: [String] = [
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "http://purl.oclc.org/ooxml/officeDocument/relationships",
    ]
    static let package: Set<String> = ["http://schemas.openxmlformats.org/package/2006/relationships"]
}

/// Parses one XML part of the package with the bid importer's safe parser (`withParsedDocument`: no network,
/// no DTD, no entity, bounded depth and text), rewording its bid-specific messages for a workbook part.
enum XLSXPartParsing {
    /// An `.xlsx` part holds one sheet's XML: the per-text limit is the largest a cell text can be (32,767
    /// characters, up to 4 bytes each), with room for a formula.
    static func limits(partBytes: Int) -> ImportLimits {
        ImportLimits(maximumFileBytes: max(partBytes, 1), maximumDepth: 64, maximumTextLength: 256 * 1024)
    }

    static func parse<Result>(
        _ bytes: [UInt8],
        part: String,
        location: SourceLocation,
        limits: SpreadsheetReadLimits,
        _ body: (xmlNodePtr) throws(DiagnosticError) -> Result
    ) throws(DiagnosticError) -> Result {
        do {
            return try withParsedDocument(
                bytes: bytes,
                file: part,
                limits: Self.limits(partBytes: limits.maximumExpandedBytes)
            ) { (document, _) throws(DiagnosticError) -> Result in
                guard let root = xmlDocGetRootElement(document) else {
                    throw DiagnosticError(.error("part \(part) has no root element", at: location))
                }
                return try body(root)
            }
        } catch {
            // Errors of the body are already worded for the workbook; the parser's are reworded here.
            throw DiagnosticError(error.diagnostics.map { reworded($0, part: part, location: location) })
        }
    }

    private static func reworded(_ diagnostic: Diagnostic, part: String, location: SourceLocation) -> Diagnostic {
        guard diagnostic.location?.file == part, diagnostic.location?.sheet == nil else { return diagnostic }
        let line = diagnostic.location?.line.map { " (line \($0))" } ?? ""
        var message = diagnostic.message
        if message == RefusalMessage.doctype || message == RefusalMessage.entity {
            message = "part \(part) declares a DTD or an entity, which no workbook needs; it is refused for safety"
        } else if message.hasPrefix("bid file is ") {
            message = "part \(part) is " + message.dropFirst("bid file is ".count)
        } else if message.hasPrefix("bid ") {
            message = "part \(part) " + message.dropFirst("bid ".count)
        } else {
            message = "part \(part): " + message
        }
        return Diagnostic(diagnostic.severity, message + line, at: location)
    }
}

extension UnsafeMutablePointer where Pointee == xmlNode {
    /// The node's text exactly as written (white space kept: a cell's `<t xml:space="preserve">`).
    var rawText: String {
        guard let content = xmlNodeGetContent(self) else { return "" }
        defer { clibxml2_xmlFree(content) }
        return String(cString: content)
    }

    /// An attribute without a namespace, exactly as written; nil when absent.
    func rawAttribute(_ name: String) -> String? {
        guard let value = name.withXMLChars({ xmlGetNoNsProp(self, $0) }) else { return nil }
        defer { clibxml2_xmlFree(value) }
        return String(cString: value)
    }

    /// The `r:id` of a relationship reference, in either namespace form.
    var relationshipID: String? {
        for namespace in SpreadsheetNamespace.relationships {
            let value = "id".withXMLChars { name in namespace.withXMLChars { xmlGetNsProp(self, name, $0) } }
            if let value {
                defer { clibxml2_xmlFree(value) }
                return String(cString: value)
            }
        }
        return nil
    }
}

/// Excel's escapes in stored text (`_x000D_` for a carriage return, `_x005F_` for a literal underscore before
/// `x`), decoded as Excel decodes them.
enum ExcelEscapes {
    static func decoded(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "_", index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_",
                scalars[(index + 2)...(index + 5)].allSatisfy({ $0.properties.isASCIIHexDigit }),
                let code = UInt32(String(String.UnicodeScalarView(scalars[(index + 2)...(index + 5)])), radix: 16),
                let scalar = Unicode.Scalar(code)
            {
                result.append(scalar)
                index += 7
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }
}
