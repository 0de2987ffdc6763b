import TenderCore
import TenderModel

/// Reads a CSV performance sheet (or a worksheet's lines) into rows: decoded as UTF-8 (with or without BOM) or GB18030, tokenized by the
/// committee score sheets' reader, the header matched column by column. Empty lines and the empty cells Excel
/// keeps after the data are ignored.
enum PerformanceCSVRows {
    static func rows(
        _ bytes: [UInt8],
        file: String,
        kind: PerformanceSheetKind,
        plan: EvaluationPlan
    ) throws(DiagnosticError) -> SheetRows {
        let text: String
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if TextDecoding.firstInvalidUTF8Offset(body) == nil {
            text = try TextDecoding.decodeUTF8(bytes, file: file)
        } else {
            text = try TextDecoding.decode(bytes, as: .gb18030, file: file)
        }
        let lines = try CSVReader.records(in: text, file: file).map { record in
            ScoreSheetLine(
                cells: record.fields.map {
                    ScoreSheetCell(
                        text: $0.text,
                        location: SourceLocation(file: file, line: $0.line, column: $0.column)
                    )
                },
                location: SourceLocation(file: file, line: record.line, column: 1)
            )
        }
        return try rows(
            lines,
            file: file,
            start: SourceLocation(file: file, line: 1, column: 1),
            kind: kind,
            plan: plan
        )
    }

    /// The rows of a sheet's lines (CSV lines, or a worksheet's rows), the first non-blank line being the header.
    /// `start` is where an empty sheet is reported.
    static func rows(
        _ lines: [ScoreSheetLine],
        file: String,
        start: SourceLocation,
        kind: PerformanceSheetKind,
        plan: EvaluationPlan
    ) throws(DiagnosticError) -> SheetRows {
        guard let headerIndex = lines.firstIndex(where: { !$0.isBlank }) else {
            throw DiagnosticError(
                .error(
                    "\(kind.noun) is empty; expected the header "
                        + kind.columns.map(\.names).joined(separator: ",")
                        + (kind == .survey ? " and one column per surveyed item" : ""),
                    at: start
                )
            )
        }
        let header = try Header(lines[headerIndex], kind: kind, plan: plan)
        var problems = DiagnosticCollector()
        var rows: [SheetRow] = []
        for line in lines[(headerIndex + 1)...] where !line.isBlank {
            var cells = line.cells
            while cells.count > header.width, let last = cells.last, last.formula == nil,
                ScoreSheetParser.trimmed(last.text).isEmpty
            {
                cells.removeLast()
            }
            guard cells.count == header.width else {
                problems.error(
                    "row has \(cells.count) cell\(cells.count == 1 ? "" : "s"), but the header has "
                        + "\(header.width) column\(header.width == 1 ? "" : "s")",
                    at: line.location
                )
                continue
            }
            // A formula's cached result is what the spreadsheet last computed, which need not be what was decided
            // (a workbook saved without recalculation keeps a stale one): a read cell must hold the value itself.
            let formulas = zip(header.slots, cells).filter { $0.1.formula != nil }
            for (slot, cell) in formulas {
                problems.error(
                    "the \(Header.name(of: slot)) cell holds a formula (=\(VisibleText.excerpt(cell.formula ?? ""))); "
                        + "type the value itself: a sheet records what was decided, not a computed result",
                    at: cell.location
                )
            }
            if !formulas.isEmpty { continue }
            var row = SheetRow(location: line.location, values: [:])
            for (slot, cell) in zip(header.slots, cells) {
                let value = SheetValue(text: shownValue(cell.text), location: cell.location)
                switch slot {
                case .column(let column): row.values[column] = value
                case .item(let id): row.answers.append(SheetAnswer(item: id, value: value))
                }
            }
            rows.append(row)
        }
        if problems.hasErrors {
            throw DiagnosticError(DiagnosticLimit.capped(problems.diagnostics, file: file))
        }
        return SheetRows(rows: rows, columns: header.columns, file: file)
    }

    /// The cell trimmed, without the `'` a spreadsheet writer puts before `=`, `+`, `-` or `@` to keep the cell
    /// as text (as committee score sheets read it).
    static func shownValue(_ cell: String) -> String {
        let text = ScoreSheetParser.trimmed(cell)
        if text.hasPrefix("'"), let next = text.unicodeScalars.dropFirst().first, "=+-@".unicodeScalars.contains(next) {
            return String(text.dropFirst())
        }
        return text
    }

    /// What each column of the header holds.
    struct Header {
        enum Slot: Hashable {
            case column(PerformanceColumn)
            /// A survey's answer column for this item id.
            case item(String)
        }

        var slots: [Slot]
        var columns: Set<PerformanceColumn>
        var width: Int { slots.count }

        init(_ line: ScoreSheetLine, kind: PerformanceSheetKind, plan: EvaluationPlan) throws(DiagnosticError) {
            var cells = line.cells
            while let last = cells.last, ScoreSheetParser.trimmed(last.text).isEmpty { cells.removeLast() }
            let items = ItemNames(ids: kind == .survey ? plan.survey.items : [], plan: plan)
            var problems = DiagnosticCollector()
            var slots: [Slot] = []
            var firstAt: [Slot: SourceLocation] = [:]
            for cell in cells {
                let name = ScoreSheetParser.trimmed(cell.text)
                let slot: Slot
                if let column = kind.columns.first(where: { $0.matches(header: name) }) {
                    slot = .column(column)
                } else if let id = items.id(for: name) {
                    slot = .item(id)
                } else {
                    problems.error(Self.unknown(name, kind: kind, items: items), at: cell.location)
                    continue
                }
                if let first = firstAt[slot] {
                    problems.error(
                        "column '\(VisibleText.excerpt(name))' repeats the \(Self.describe(slot, items: items)) "
                            + "column (first at \(first))",
                        at: cell.location
                    )
                } else {
                    firstAt[slot] = cell.location
                }
                slots.append(slot)
            }
            for column in kind.columns where !kind.isOptional(column, plan: plan) && firstAt[.column(column)] == nil {
                problems.error(
                    "\(kind.noun) has no \(column.rawValue) (\(column.chinese)) column"
                        + (column == .photo ? "; the plan requires a photo for every finding (photo: required)" : ""),
                    at: line.location
                )
            }
            for item in items.items where firstAt[.item(item.id)] == nil {
                problems.error(
                    "survey sheet has no column for item \(items.described(item)); it has one column per surveyed item",
                    at: line.location
                )
            }
            try problems.throwIfErrors()
            self.slots = slots
            self.columns = Set(
                slots.compactMap {
                    if case .column(let column) = $0 { return column }
                    return nil
                }
            )
        }

        static func name(of slot: Slot) -> String {
            switch slot {
            case .column(let column): column.rawValue
            case .item(let id): id
            }
        }

        static func describe(_ slot: Slot, items: ItemNames) -> String {
            switch slot {
            case .column(let column): "\(column.rawValue) (\(column.chinese))"
            case .item(let id): "item \(items.described(id: id))"
            }
        }

        static func unknown(_ name: String, kind: PerformanceSheetKind, items: ItemNames) -> String {
            let shown = name.isEmpty ? "a column without a name" : "unknown column '\(VisibleText.excerpt(name))'"
            let fixed = kind.columns.map(\.names).joined(separator: ", ")
            if kind == .survey {
                return "\(shown); a survey sheet has the columns \(fixed) and one column per surveyed item, named by "
                    + "its id or name: \(items.list)"
            }
            return "\(shown); a \(kind.noun) has the columns \(fixed)"
        }
    }
}
