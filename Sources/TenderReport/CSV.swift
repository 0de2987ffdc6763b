import Foundation
import TenderCore
import TenderModel

/// `scores.csv`: one row per bid, for spreadsheets.
///
/// Written as RFC 4180 (fields quoted when they hold a comma, quote, CR or LF; CRLF after every record) in
/// UTF-8 **with a byte order mark**: Excel on Chinese Windows opens a BOM-less CSV as GB18030 and turns every
/// Chinese name into mojibake, while the BOM makes it read UTF-8 (and other tools skip it).
enum CSVWriter {
    static let byteOrderMark = "\u{FEFF}"

    static func document(_ builder: ReportBuilder) -> String {
        let labels = builder.labels
        let rubric = builder.rubric
        let language = builder.language
        var header: [String] = [
            labels.rank, labels.bidder, labels.registrationID, labels.file, labels.status, labels.total,
        ]
        header += rubric.groups.map { named($0.name.text(in: language), id: $0.id) }
        header += rubric.criteria.map { named($0.name.text(in: language), id: $0.id) }
        header += [labels.evaluatedPrice, labels.bidFlagsSection]

        var records: [[String]] = [header.map(text)]
        let ordered =
            builder.evaluation.results.filter { $0.status == .valid }
            + builder.evaluation.results.filter { $0.status == .disqualified }
            + builder.evaluation.results.filter { $0.status == .notEvaluated }
        for result in ordered {
            var record: [String] = [
                result.rank.map(String.init) ?? "",
                text(result.displayName),
                text(result.registrationID ?? ""),
                text(result.file),
                text(labels.statusName(result.status)),
                result.total.map { NumberFormat.points($0, decimals: builder.decimals) } ?? "",
            ]
            record += rubric.groups.map { group in result.groupScore(for: group.id).map(builder.counted) ?? "" }
            record += rubric.criteria.map { criterion in
                result.score(for: criterion.id).map { builder.counted($0.points) } ?? ""
            }
            // Plain digits (no thousands separators) so spreadsheets read a number; at least two decimals.
            record.append(
                result.price.map { $0.evaluatedPrice.fixedText(places: max(2, $0.evaluatedPrice.decimalPlaces)) } ?? ""
            )
            var notes = result.flags.map { builder.shortFlagText($0).plain }
            notes += result.gates.filter { !$0.passed }.map {
                labels.failedGateShort(builder.gateName($0.gateID)).plain
            }
            notes += result.problems.map(\.description)
            record.append(text(notes.joined(separator: "; ")))
            records.append(record)
        }
        return byteOrderMark + records.map { $0.map(quoted).joined(separator: ",") + "\r\n" }.joined()
    }

    private static func named(_ name: String, id: String) -> String {
        name == id ? name : "\(name) (\(id))"
    }

    /// A text cell: a value that a spreadsheet would read as a formula (leading `=`, `+`, `-`, `@`, tab or CR)
    /// gets a leading `'`, so `=HYPERLINK(…)` in a bidder's name stays text (OWASP CSV injection).
    static func text(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return value }
        return "'" + value
    }

    /// RFC 4180 quoting: only when needed, with inner quotes doubled.
    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
