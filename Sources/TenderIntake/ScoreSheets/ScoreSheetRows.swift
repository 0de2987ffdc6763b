import Foundation
public import TenderCore
import TenderModel

/// One cell of a score sheet as text, wherever the sheet came from: a CSV field (`file:7:12`) or an `.xlsx` cell
/// (`file.xlsx:评分表!D7`). The one validator below reads both, so a CSV and a workbook with the same cells give
/// the same entries and the same diagnostics, only located differently.
public struct ScoreSheetCell: Hashable, Sendable {
    public var text: String
    public var location: SourceLocation
    /// The formula of a spreadsheet cell whose value is a formula's result.
    public var formula: String?

    public init(text: String, location: SourceLocation, formula: String? = nil) {
        self.text = text
        self.location = location
        self.formula = formula
    }
}

/// A line of a score sheet: its cells from the first column, and where the line starts.
public struct ScoreSheetLine: Hashable, Sendable {
    public var cells: [ScoreSheetCell]
    public var location: SourceLocation

    public init(cells: [ScoreSheetCell], location: SourceLocation) {
        self.cells = cells
        self.location = location
    }

    /// The lines of a worksheet, cell by cell, as a CSV of it would give them: the cells a row leaves out before a
    /// written one are empty, and every row is as wide as the widest (a spreadsheet drops empty cells at a row's
    /// end, as a CSV Excel pads does not). With `widest`, a cell beyond that column is left out, and one that holds
    /// something is reported with `beyond` at its cell.
    static func lines(
        of worksheet: SpreadsheetSheet,
        widest: Int? = nil,
        beyond: String = "",
        problems: inout DiagnosticCollector
    ) -> [ScoreSheetLine] {
        var lines: [ScoreSheetLine] = []
        for row in worksheet.rows {
            guard let first = CellReference(row: row.number, column: 1) else { continue }
            var cells: [ScoreSheetCell] = []
            for cell in row.cells {
                if let widest, cell.reference.column > widest {
                    if !cell.value.isBlank || cell.formula != nil {
                        problems.error(beyond, at: worksheet.location(of: cell.reference))
                    }
                    continue
                }
                while cells.count + 1 < cell.reference.column {
                    guard let gap = CellReference(row: row.number, column: cells.count + 1) else { break }
                    cells.append(ScoreSheetCell(text: "", location: worksheet.location(of: gap)))
                }
                cells.append(
                    ScoreSheetCell(
                        text: ScoreSheetParser.text(of: cell.value),
                        location: worksheet.location(of: cell.reference),
                        formula: cell.formula
                    )
                )
            }
            lines.append(ScoreSheetLine(cells: cells, location: worksheet.location(of: first)))
        }
        let width = lines.map(\.cells.count).max() ?? 0
        for index in lines.indices {
            let row = lines[index].location.cell?.row ?? 1
            while lines[index].cells.count < width {
                guard let gap = CellReference(row: row, column: lines[index].cells.count + 1) else { break }
                lines[index].cells.append(ScoreSheetCell(text: "", location: worksheet.location(of: gap)))
            }
        }
        return lines
    }

    /// Every cell empty or white space (spreadsheets keep such lines below the data).
    var isBlank: Bool {
        cells.allSatisfy { $0.formula == nil && ScoreSheetParser.trimmed($0.text).isEmpty }
    }
}

extension ScoreSheetParser {
    /// Reads the lines of one sheet, the first non-blank one being the header, collecting every malformed line
    /// before throwing. `start` is where an empty sheet is reported.
    public static func parseLines(_ lines: [ScoreSheetLine], start: SourceLocation) throws(DiagnosticError) -> Sheet {
        guard let headerIndex = lines.firstIndex(where: { !$0.isBlank }) else {
            throw DiagnosticError(
                .error("score sheet is empty; expected the header \(columns.joined(separator: ","))", at: start)
            )
        }
        let layout = try Layout(header: lines[headerIndex])
        var collector = DiagnosticCollector()
        var entries: [ScoreSheetEntry] = []
        var declarations: [ConflictDeclaration] = []
        for line in lines[(headerIndex + 1)...] where !line.isBlank {
            read(line, layout: layout, into: &entries, &declarations, problems: &collector)
        }
        if collector.hasErrors {
            throw DiagnosticError(DiagnosticLimit.capped(collector.diagnostics, file: start.file))
        }
        return Sheet(entries: entries, declarations: declarations, notes: [])
    }

    private static func read(
        _ line: ScoreSheetLine,
        layout: Layout,
        into entries: inout [ScoreSheetEntry],
        _ declarations: inout [ConflictDeclaration],
        problems collector: inout DiagnosticCollector
    ) {
        // Spreadsheets pad lines to their widest line with empty cells: those are not columns of the sheet.
        var fields = line.cells
        while fields.count > layout.columns.count, let last = fields.last, last.formula == nil,
            last.text.trimmingCharacters(in: .whitespaces) == ""
        {
            fields.removeLast()
        }
        guard fields.count == layout.columns.count else {
            let count = layout.columns.count
            collector.error(
                "row has \(fields.count) column\(fields.count == 1 ? "" : "s"), expected \(count) "
                    + "(\(layout.columns.map(\.rawValue).joined(separator: ",")))",
                at: line.location
            )
            return
        }
        func field(_ column: ScoreSheetColumn) -> ScoreSheetCell? {
            layout.columns.firstIndex(of: column).map { fields[$0] }
        }
        // A formula's cached result is what the spreadsheet last computed, which need not be what the member
        // sees or meant (a sheet saved without recalculation keeps a stale one): a read cell must hold the value.
        var hasFormula = false
        for (column, cell) in zip(layout.columns, fields) where !ScoreSheetColumn.guidanceOnly.contains(column) {
            guard let formula = cell.formula else { continue }
            collector.error(
                "the \(column.rawValue) cell holds a formula (=\(VisibleText.excerpt(formula))); type the value "
                    + "itself: a score sheet records what the member decided, not a computed result",
                at: cell.location
            )
            hasFormula = true
        }
        if hasFormula { return }
        func cell(_ column: ScoreSheetColumn) -> String {
            let text = field(column).map { trimmed($0.text) } ?? ""
            // The `'` a sheet writer puts before `=`, `+`, `-` or `@` so that Excel keeps the cell as text.
            if text.hasPrefix("'"), let next = text.unicodeScalars.dropFirst().first,
                "=+-@".unicodeScalars.contains(next)
            {
                return String(text.dropFirst())
            }
            return text
        }
        var rowIsGood = true
        for column in [ScoreSheetColumn.member, .bidder, .criterion] where cell(column).isEmpty {
            // A member sheet's conflict declaration may stand on a row of its own, without a criterion.
            if column == .criterion && layout.hasDeclarations && cell(.score).isEmpty { continue }
            collector.error("\(column.rawValue) is empty", at: field(column)?.location)
            rowIsGood = false
        }
        if layout.hasDeclarations, let declared = field(.noConflict) {
            let answer = cell(.noConflict)
            if !answer.isEmpty {
                if ScoreSheetColumn.noConflictWords.contains(answer.lowercased())
                    || ScoreSheetColumn.conflictWords.contains(answer.lowercased())
                {
                    if !cell(.member).isEmpty && !cell(.bidder).isEmpty {
                        declarations.append(
                            ConflictDeclaration(
                                member: cell(.member),
                                bidder: cell(.bidder),
                                noConflict: ScoreSheetColumn.noConflictWords.contains(answer.lowercased()),
                                location: declared.location
                            )
                        )
                    }
                } else {
                    collector.error(
                        "conflict-of-interest declaration '\(VisibleText.excerpt(answer))' is neither yes (是) "
                            + "nor no (否)",
                        at: declared.location
                    )
                }
            }
        }
        let scoreField = field(.score)!
        let scoreText = cell(.score)
        // A blank score is not yet scored (or left empty after a declared conflict), on a member sheet or a
        // committee sheet alike: the evaluation lists it as outstanding, never guesses it.
        if scoreText.isEmpty { return }
        guard let score = try? Points(parsing: scoreText) else {
            collector.error(
                DecimalText.refusal(
                    of: scoreText,
                    as: Points.self,
                    name: "score '\(VisibleText.excerpt(scoreText))'"
                )
                    ?? "score '\(VisibleText.excerpt(scoreText))' is not a plain decimal number",
                at: scoreField.location
            )
            return
        }
        if rowIsGood {
            let reason = cell(.reason)
            entries.append(
                ScoreSheetEntry(
                    member: cell(.member),
                    bidder: cell(.bidder),
                    criterionID: cell(.criterion),
                    score: score,
                    location: scoreField.location,
                    reason: reason.isEmpty ? nil : reason,
                    reasonLocation: field(.reason)?.location,
                    memberLocation: field(.member)?.location
                )
            )
        }
    }

    /// Which column is which, from the header line.
    struct Layout {
        var columns: [ScoreSheetColumn]

        var hasDeclarations: Bool {
            columns.contains(.noConflict)
        }

        init(header: ScoreSheetLine) throws(DiagnosticError) {
            var names = header.cells.map { $0.text.trimmingCharacters(in: .whitespaces) }
            while names.count > ScoreSheetColumn.required.count, names.last == "" { names.removeLast() }
            let lowered = names.map { $0.lowercased() }
            let required = ScoreSheetParser.columns
            let chinese = ScoreSheetParser.chineseColumns
            guard lowered.count >= required.count,
                Array(lowered.prefix(required.count)) == required || Array(names.prefix(required.count)) == chinese
            else {
                throw DiagnosticError(
                    .error(
                        "file is not a score sheet: its header is "
                            + "'\(VisibleText.excerpt(header.cells.map(\.text).joined(separator: ",")))', expected "
                            + "'\(required.joined(separator: ","))' (or '\(chinese.joined(separator: ","))')",
                        at: header.location
                    )
                )
            }
            var columns = ScoreSheetColumn.required
            var problems = DiagnosticCollector()
            for (index, name) in names.enumerated().dropFirst(required.count) {
                let at = header.cells[index].location
                guard let column = ScoreSheetColumn(header: name) else {
                    problems.error(
                        "unknown score-sheet column '\(VisibleText.excerpt(name))'; after "
                            + "\(required.joined(separator: ",")) a sheet may have "
                            + ScoreSheetColumn.memberSheet.dropFirst(required.count).map(\.rawValue).joined(
                                separator: ", "
                            ),
                        at: at
                    )
                    continue
                }
                if columns.contains(column) {
                    problems.error("column '\(VisibleText.excerpt(name))' appears twice", at: at)
                    continue
                }
                columns.append(column)
            }
            try problems.throwIfErrors()
            self.columns = columns
        }
    }
}
