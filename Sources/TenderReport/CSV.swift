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
        let buffer = ReportBuffer()
        write(builder, to: buffer)
        return buffer.text
    }

    /// Writes the header and then one record per bid as each is formatted.
    static func write(_ builder: ReportBuilder, to sink: some ReportSink) {
        let labels = builder.labels
        let rubric = builder.rubric
        let language = builder.language
        var header: [String] = [
            labels.rank, labels.bidder, labels.registrationID, labels.file, labels.status, labels.total,
        ]
        header += rubric.groups.map { named($0.name.text(in: language), id: $0.id) }
        let criteria = rubric.criteria
        header += criteria.map { named($0.name.text(in: language), id: $0.id) }
        header += [PublicWords.words(for: language).quotedPriceColumn, labels.evaluatedPrice, labels.bidFlagsSection]

        sink.write(byteOrderMark)
        writeRecord(header.map(text), to: sink)
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
            record += criteria.enumerated().map { position, criterion in
                // A valid bid's scores are in rubric order: the score is nearly always at the criterion's position.
                let scores = result.criterionScores
                let score =
                    position < scores.count && scores[position].criterionID == criterion.id
                    ? scores[position] : result.score(for: criterion.id)
                return score.map { builder.counted($0.points) } ?? ""
            }
            // Plain digits (no thousands separators) so spreadsheets read a number; at least two decimals.
            record.append(result.price.map { $0.bidTotal.fixedText(places: max(2, $0.bidTotal.decimalPlaces)) } ?? "")
            record.append(
                result.price.map { $0.evaluatedPrice.fixedText(places: max(2, $0.evaluatedPrice.decimalPlaces)) } ?? ""
            )
            var notes = result.flags.map { builder.shortFlagText($0).plain }
            notes += result.gates.filter { !$0.passed }.map {
                labels.failedGateShort(builder.gateName($0.gateID)).plain
            }
            notes += result.problems.map(\.description)
            record.append(text(notes.joined(separator: "; ")))
            writeRecord(record, to: sink)
        }
    }

    private static func writeRecord(_ record: [String], to sink: some ReportSink) {
        for (index, field) in record.enumerated() {
            if index > 0 { sink.write(byte: UInt8(ascii: ",")) }
            if needsQuotes(field) {
                sink.write(quoted(field))
            } else {
                sink.write(field)
            }
        }
        sink.write("\r\n")
    }

    /// Whether `field` holds a comma, a quote or a line break (ASCII, NEL, LS or PS): one scan of its bytes.
    private static func needsQuotes(_ field: String) -> Bool {
        var field = field
        return field.withUTF8 { utf8 in
            for index in utf8.indices {
                switch utf8[index] {
                case UInt8(ascii: ","), UInt8(ascii: "\""), 0x0A...0x0D: return true
                case 0xC2 where index + 1 < utf8.count && utf8[index + 1] == 0x85: return true
                case 0xE2
                where index + 2 < utf8.count && utf8[index + 1] == 0x80
                    && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                    return true
                default: continue
                }
            }
            return false
        }
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
