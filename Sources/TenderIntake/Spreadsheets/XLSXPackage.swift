internal import CLibXML2
import TenderCore

/// The parts of an `.xlsx` package and the relationships between them (OPC): which part is the workbook, which
/// part each sheet is, where the shared strings and styles are.
struct XLSXPackage {
    let file: String
    let limits: SpreadsheetReadLimits
    private let archive: [UInt8]
    private let entries: [String: ZipEntry]

    init(bytes: [UInt8], file: String, limits: SpreadsheetReadLimits) throws(DiagnosticError) {
        self.file = file
        self.limits = limits
        guard bytes.count <= limits.maximumFileBytes else {
            throw DiagnosticError(
                .error(
                    "the .xlsx file is \(bytes.count) bytes; the limit is \(limits.maximumFileBytes) bytes",
                    at: SourceLocation(file: file)
                )
            )
        }
        guard !bytes.isEmpty else {
            throw DiagnosticError(.error("the .xlsx file is empty", at: SourceLocation(file: file)))
        }
        do {
            let list = try ZipDirectory.entries(of: bytes, limits: limits)
            var byName: [String: ZipEntry] = [:]
            for entry in list { byName[entry.name.lowercased()] = entry }
            entries = byName
        } catch {
            throw DiagnosticError(.error(error.message, at: SourceLocation(file: file)))
        }
        archive = bytes
    }

    /// Whether the package has a part (OPC part names ignore case).
    func has(_ part: String) -> Bool {
        entries[part.lowercased()] != nil
    }

    /// The part's bytes, inflated within the limits; nil when the package has no such part.
    func bytes(of part: String, location: SourceLocation) throws(DiagnosticError) -> [UInt8]? {
        guard let entry = entries[part.lowercased()] else { return nil }
        do {
            return try ZipInflation.contents(of: entry, in: archive)
        } catch {
            throw DiagnosticError(.error(error.message, at: location))
        }
    }

    /// The part parsed as XML, handed to `body` as its root element; nil when the package has no such part.
    func parsePart<Result>(
        _ part: String,
        location: SourceLocation,
        _ body: (xmlNodePtr) throws(DiagnosticError) -> Result
    ) throws(DiagnosticError) -> Result? {
        guard let bytes = try bytes(of: part, location: location) else { return nil }
        return try XLSXPartParsing.parse(bytes, part: part, location: location, limits: limits, body)
    }

    /// A relationship: its type (the last segment of the type URI, `worksheet`, `sharedStrings`) and the
    /// target part's name resolved against the source part.
    struct Relationship: Hashable {
        let id: String
        let type: String
        let target: String
    }

    /// The relationships of `part` (from `_rels/<name>.rels` beside it); empty when it has none.
    func relationships(of part: String) throws(DiagnosticError) -> [Relationship] {
        let folder = part.split(separator: "/").dropLast().joined(separator: "/")
        let name = part.split(separator: "/").last.map(String.init) ?? ""
        let relsPart = (folder.isEmpty ? "" : folder + "/") + "_rels/" + name + ".rels"
        let location = SourceLocation(file: file)
        let found = try parsePart(relsPart, location: location) { root throws(DiagnosticError) -> [Relationship] in
            var result: [Relationship] = []
            for node in root.children(SpreadsheetNamespace.package, "Relationship") {
                guard node.rawAttribute("TargetMode") != "External", let id = node.rawAttribute("Id"),
                    let type = node.rawAttribute("Type"), let target = node.rawAttribute("Target")
                else { continue }
                guard let resolved = Self.resolve(target, from: folder) else {
                    throw DiagnosticError(
                        .error(
                            "part \(relsPart) points outside the package ('\(target)'); it was not written by a "
                                + "spreadsheet program",
                            at: location
                        )
                    )
                }
                result.append(
                    Relationship(id: id, type: String(type.split(separator: "/").last ?? ""), target: resolved)
                )
            }
            return result
        }
        return found ?? []
    }

    /// A relationship target resolved against the source folder (`worksheets/sheet1.xml` from `xl` is
    /// `xl/worksheets/sheet1.xml`; `/xl/styles.xml` is absolute); nil when it climbs out of the package.
    static func resolve(_ target: String, from folder: String) -> String? {
        var segments: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for segment in target.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..":
                guard !segments.isEmpty else { return nil }
                segments.removeLast()
            default: segments.append(segment)
            }
        }
        return segments.isEmpty ? nil : segments.joined(separator: "/")
    }
}
