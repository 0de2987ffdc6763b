internal import CLibXML2
import TenderCore
import TenderModel

/// Reads an XML performance sheet (namespace `urn:tender-eval:performance:1`) into rows, through the bids' safe
/// parser (no DTD, no entity, no network, bounded depth and text) and the embedded performance schema.
enum PerformanceXMLRows {
    static let namespace = "urn:tender-eval:performance:1"

    /// Parsed once per process, then only read (see `BidSchema`).
    static let schema = BidSchema(text: PerformanceSchemaText.text, subject: "performance sheet", namespace: namespace)

    static func rows(
        _ bytes: [UInt8],
        file: String,
        kind: PerformanceSheetKind,
        plan: EvaluationPlan,
        month: YearMonth,
        maximumFileBytes: Int
    ) throws(DiagnosticError) -> SheetRows {
        let limits = ImportLimits(maximumFileBytes: maximumFileBytes, maximumDepth: 16, maximumTextLength: 64 * 1024)
        do {
            return try withParsedDocument(bytes: bytes, file: file, limits: limits) {
                (document, session) throws(DiagnosticError) -> SheetRows in
                guard let root = xmlDocGetRootElement(document) else {
                    throw DiagnosticError(.error("\(kind.noun) has no root element", at: SourceLocation(file: file)))
                }
                let rootLocation = SourceLocation(file: file, line: root.line ?? session.rootLine)
                guard root.localName == kind.rootElement, root.namespaceURI == namespace else {
                    throw DiagnosticError(
                        .error(
                            "root element <\(VisibleText.excerpt(root.localName))> (namespace "
                                + "\(VisibleText.excerpt(root.namespaceURI ?? "none", limit: 80))) is not a "
                                + "\(kind.noun); expected <\(kind.rootElement)> in namespace \(namespace)",
                            at: rootLocation
                        )
                    )
                }
                let violations = schema.validate(document, file: file)
                if violations.contains(where: { $0.severity == .error }) {
                    throw DiagnosticError(violations)
                }
                var problems = DiagnosticCollector()
                let contract = root.attribute("contract") ?? ""
                if contract != plan.contract.id {
                    problems.error(
                        "the sheet is for contract '\(VisibleText.excerpt(contract))', not the plan's contract "
                            + "'\(VisibleText.excerpt(plan.contract.id))'",
                        at: rootLocation
                    )
                }
                let sheetMonth = root.attribute("month") ?? ""
                if sheetMonth != month.description {
                    problems.error(
                        "the sheet is for month \(VisibleText.excerpt(sheetMonth)), not \(month), the month being "
                            + "recorded",
                        at: rootLocation
                    )
                }
                try problems.throwIfErrors()
                let items = ItemNames(ids: plan.survey.items, plan: plan)
                var rows: [SheetRow] = []
                for element in root.elementChildren {
                    let location = SourceLocation(file: file, line: element.line)
                    var row = SheetRow(location: location, values: [:])
                    for column in kind.columns {
                        if let attribute = kind.attribute(for: column) {
                            if let text = element.attribute(attribute) {
                                row.values[column] = SheetValue(text: text, location: location)
                            }
                        } else {
                            row.values[column] = SheetValue(text: element.trimmedText, location: location)
                        }
                    }
                    for answer in element.elementChildren {
                        let name = answer.attribute("item") ?? ""
                        // An item the plan does not survey keeps its name, for the validator to report.
                        row.answers.append(
                            SheetAnswer(
                                item: items.id(for: name) ?? name,
                                value: SheetValue(
                                    text: answer.trimmedText,
                                    location: SourceLocation(file: file, line: answer.line)
                                )
                            )
                        )
                    }
                    rows.append(row)
                }
                return SheetRows(rows: rows, columns: Set(kind.columns), file: file)
            }
        } catch {
            throw DiagnosticError(error.diagnostics.map(reworded))
        }
    }

    /// The safe parser words its refusals for bids; here they are about a performance sheet.
    static func reworded(_ diagnostic: Diagnostic) -> Diagnostic {
        var message = diagnostic.message
        if message == RefusalMessage.doctype {
            message = "performance sheet contains a document type declaration (DOCTYPE); sheets must not declare DTDs"
        } else if message == RefusalMessage.entity {
            message = "performance sheet uses an entity declaration; entities are not allowed in sheets"
        } else if message.hasPrefix("bid file ") {
            message = "performance sheet file " + message.dropFirst("bid file ".count)
        } else if message.hasPrefix("bid ") {
            message = "performance sheet " + message.dropFirst("bid ".count)
        } else if message.hasSuffix(" the bid") {
            message = message.dropLast("the bid".count) + "the performance sheet"
        }
        return Diagnostic(diagnostic.severity, message, at: diagnostic.location)
    }
}
