internal import CLibXML2
public import TenderCore

/// Reads an `.xlsx` workbook back into plain values.
///
/// The archive is checked before anything is inflated (see `ZipDirectory`), every entry is inflated within
/// `SpreadsheetReadLimits`, and every XML part goes through the same safe libxml2 parse as a bid. Any problem is
/// a located diagnostic: `file.xlsx: error: …` for the container and its parts, `file.xlsx:Sheet1!C7: error: …`
/// for a cell.
public enum XLSXReader {
    /// All sheets of the workbook, in workbook order.
    /// - Parameters:
    ///   - bytes: the file's contents (read with `InputFiles.read` or similar, so the size is bounded first).
    ///   - file: the name shown in diagnostics.
    ///   - limits: what reading may cost at most.
    /// - Returns: the sheets, in workbook order, hidden ones included.
    /// - Throws: `DiagnosticError` with every problem found in one sheet's cells, or the first problem with the
    ///   container or a part.
    public static func read(
        _ bytes: [UInt8],
        file: String,
        limits: SpreadsheetReadLimits = SpreadsheetReadLimits()
    ) throws(DiagnosticError) -> SpreadsheetContents {
        ensureLibXML2()
        let package = try XLSXPackage(bytes: bytes, file: file, limits: limits)
        let fileLocation = SourceLocation(file: file)
        let workbookPart =
            try package.relationships(of: "").first { $0.type == "officeDocument" }?.target ?? "xl/workbook.xml"
        guard package.has(workbookPart) else {
            throw DiagnosticError(
                .error(
                    "the .xlsx file has no workbook part (\(workbookPart)): it is not an Excel workbook",
                    at: fileLocation
                )
            )
        }
        let relationships = try package.relationships(of: workbookPart)
        let declared =
            try package.parsePart(workbookPart, location: fileLocation) { root throws(DiagnosticError) in
                try WorkbookPart.sheets(in: root, location: fileLocation, limits: limits)
            } ?? []
        let sharedStrings =
            try relationships.first { $0.type == "sharedStrings" }.map {
                relationship throws(DiagnosticError) -> [String] in
                try package.parsePart(relationship.target, location: fileLocation) { root in
                    SharedStringsPart.strings(in: root)
                } ?? []
            } ?? []
        let lockedStyles =
            try relationships.first { $0.type == "styles" }.map {
                relationship throws(DiagnosticError) -> [Bool] in
                try package.parsePart(relationship.target, location: fileLocation) { root in
                    StylesPart.lockedFlags(in: root)
                } ?? []
            } ?? []
        var sheets: [SpreadsheetSheet] = []
        for sheet in declared {
            let location = SourceLocation(file: file, sheet: sheet.name)
            guard let relationship = relationships.first(where: { $0.id == sheet.relationshipID }) else {
                throw DiagnosticError(
                    .error("sheet '\(sheet.name)' has no part in the workbook's relationships", at: location)
                )
            }
            let context = SheetPart.Context(
                file: file,
                sheetName: sheet.name,
                sharedStrings: sharedStrings,
                lockedStyles: lockedStyles,
                maximumCells: limits.maximumCellsPerSheet
            )
            guard
                let parsed = try package.parsePart(
                    relationship.target,
                    location: location,
                    { root throws(DiagnosticError) in
                        try SheetPart.read(root, context: context)
                    }
                )
            else {
                throw DiagnosticError(
                    .error(
                        "sheet '\(sheet.name)' refers to part \(relationship.target), which is missing from the file",
                        at: location
                    )
                )
            }
            sheets.append(
                SpreadsheetSheet(
                    name: sheet.name,
                    isHidden: sheet.isHidden,
                    isProtected: parsed.isProtected,
                    rows: parsed.rows,
                    validations: parsed.validations,
                    file: file
                )
            )
        }
        return SpreadsheetContents(file: file, sheets: sheets)
    }

    /// The raw bytes of one part (`xl/worksheets/sheet1.xml`), inflated with the same checks as `read`; nil
    /// when the package has no such part. For inspecting what a writer produced.
    public static func part(
        _ name: String,
        of bytes: [UInt8],
        file: String,
        limits: SpreadsheetReadLimits = SpreadsheetReadLimits()
    ) throws(DiagnosticError) -> [UInt8]? {
        try XLSXPackage(bytes: bytes, file: file, limits: limits).bytes(of: name, location: SourceLocation(file: file))
    }
}

/// `xl/workbook.xml`: the sheets' names, states and relationship ids.
enum WorkbookPart {
    struct DeclaredSheet: Hashable {
        let name: String
        let relationshipID: String
        let isHidden: Bool
    }

    static func sheets(
        in root: xmlNodePtr,
        location: SourceLocation,
        limits: SpreadsheetReadLimits
    ) throws(DiagnosticError) -> [DeclaredSheet] {
        guard root.isElement(SpreadsheetNamespace.main, "workbook") else {
            throw DiagnosticError(
                .error("the .xlsx file's workbook part is not a SpreadsheetML workbook", at: location)
            )
        }
        let nodes = root.child(SpreadsheetNamespace.main, "sheets")?.children(SpreadsheetNamespace.main, "sheet") ?? []
        guard !nodes.isEmpty else { throw DiagnosticError(.error("the workbook has no sheets", at: location)) }
        guard nodes.count <= limits.maximumSheets else {
            throw DiagnosticError(
                .error("the workbook has \(nodes.count) sheets; the limit is \(limits.maximumSheets)", at: location)
            )
        }
        var result: [DeclaredSheet] = []
        for node in nodes {
            guard let name = node.rawAttribute("name"), !name.isEmpty, let id = node.relationshipID else {
                throw DiagnosticError(.error("the workbook lists a sheet without a name or part", at: location))
            }
            let state = node.rawAttribute("state") ?? "visible"
            result.append(DeclaredSheet(name: name, relationshipID: id, isHidden: state != "visible"))
        }
        return result
    }
}

/// `xl/sharedStrings.xml`: each `<si>` is plain text (`<t>`) or rich text (runs `<r><t>`), joined; phonetic
/// guides (`<rPh>`) are not part of the text.
enum SharedStringsPart {
    static func strings(in root: xmlNodePtr) -> [String] {
        root.children(SpreadsheetNamespace.main, "si").map(text(ofStringItem:))
    }

    static func text(ofStringItem item: xmlNodePtr) -> String {
        var text = ""
        for child in item.elementChildren {
            if child.isElement(SpreadsheetNamespace.main, "t") {
                text += child.rawText
            } else if child.isElement(SpreadsheetNamespace.main, "r") {
                for run in child.children(SpreadsheetNamespace.main, "t") { text += run.rawText }
            }
        }
        return ExcelEscapes.decoded(text)
    }
}

/// `xl/styles.xml`: whether each cell format (`cellXfs` index, a cell's `s`) locks the cell.
enum StylesPart {
    static func lockedFlags(in root: xmlNodePtr) -> [Bool] {
        guard let formats = root.child(SpreadsheetNamespace.main, "cellXfs") else { return [] }
        return formats.children(SpreadsheetNamespace.main, "xf").map { format in
            guard let locked = format.child(SpreadsheetNamespace.main, "protection")?.rawAttribute("locked") else {
                return true
            }
            return !(locked == "0" || locked == "false")
        }
    }
}
