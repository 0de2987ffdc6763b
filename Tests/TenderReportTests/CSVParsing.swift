/// A strict RFC 4180 reader for the tests: records end in CRLF, quoted fields may hold commas, quotes and line
/// breaks. Returns nil on anything malformed, so a test sees a broken file as a failure.
func parseCSV(_ text: String) -> [[String]]? {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var scalars = Array(text.unicodeScalars)[...]
    var inQuotes = false
    var fieldStarted = false
    while let scalar = scalars.popFirst() {
        if inQuotes {
            if scalar == "\"" {
                if scalars.first == "\"" {
                    scalars.removeFirst()
                    field.unicodeScalars.append("\"")
                } else {
                    inQuotes = false
                }
            } else {
                field.unicodeScalars.append(scalar)
            }
            continue
        }
        switch scalar {
        case "\"":
            guard !fieldStarted else { return nil }
            inQuotes = true
            fieldStarted = true
        case ",":
            record.append(field)
            field = ""
            fieldStarted = false
        case "\r":
            guard scalars.popFirst() == "\n" else { return nil }
            record.append(field)
            records.append(record)
            record = []
            field = ""
            fieldStarted = false
        case "\n":
            return nil
        default:
            field.unicodeScalars.append(scalar)
            fieldStarted = true
        }
    }
    guard !inQuotes, record.isEmpty, field.isEmpty else { return nil }
    return records
}
