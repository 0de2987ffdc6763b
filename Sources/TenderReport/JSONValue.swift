import Foundation
public import TenderCore
import TenderModel

/// A JSON document whose numbers are kept as exact decimal text, so money and points are never passed through
/// `Double`. Objects are written with their keys sorted (by UTF-8 bytes) and arrays in their given order, so the
/// same value always gives the same bytes.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    /// Exact decimal text such as `2288231.72` or `-3`.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// An exact value as a JSON string, so no reader turns it into a binary float: its decimal text when the
    /// expansion ends (`"21.21"`, `"1800000"`, `"0.5"`), otherwise the fraction in lowest terms (`"2450/103"`).
    public static func decimal(_ value: ExactRatio) -> JSONValue {
        .string(value.terminates ? value.plainText : value.fractionText)
    }

    /// Money or points as their exact decimal text in a JSON string (`"2288231.72"`, `"30"`).
    public static func decimal(_ value: some ScaledDecimal) -> JSONValue {
        .string(value.plainText)
    }

    public static func int(_ value: Int) -> JSONValue {
        .number(String(value))
    }

    public static func optional(_ value: String?) -> JSONValue {
        value.map(JSONValue.string) ?? .null
    }

    public static func optional(_ value: ExactRatio?) -> JSONValue {
        value.map { JSONValue.decimal($0) } ?? .null
    }

    public static func optional<Value: ScaledDecimal>(_ value: Value?) -> JSONValue {
        value.map { JSONValue.decimal($0) } ?? .null
    }

    public static func optional(_ value: Int?) -> JSONValue {
        value.map(JSONValue.int) ?? .null
    }

    /// The document and a trailing newline: compact (no white space between tokens) or, with `pretty`, indented
    /// by two spaces with one member or element per line.
    public func rendered(pretty: Bool = true) -> String {
        var out = ""
        if pretty {
            write(into: &out, indent: 0)
        } else {
            writeCompact(into: &out)
        }
        out += "\n"
        return out
    }

    private func writeCompact(into out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .number(let text): out += text
        case .string(let text): JSONValue.writeString(text, into: &out)
        case .array(let elements):
            out += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { out += "," }
                element.writeCompact(into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (index, key) in keys.enumerated() {
                if index > 0 { out += "," }
                JSONValue.writeString(key, into: &out)
                out += ":"
                members[key, default: .null].writeCompact(into: &out)
            }
            out += "}"
        }
    }

    private func write(into out: inout String, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .number(let text): out += text
        case .string(let text): JSONValue.writeString(text, into: &out)
        case .array(let elements):
            guard !elements.isEmpty else {
                out += "[]"
                return
            }
            out += "[\n"
            for (index, element) in elements.enumerated() {
                out += String(repeating: " ", count: indent + 2)
                element.write(into: &out, indent: indent + 2)
                out += index + 1 < elements.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .object(let members):
            guard !members.isEmpty else {
                out += "{}"
                return
            }
            out += "{\n"
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (index, key) in keys.enumerated() {
                out += String(repeating: " ", count: indent + 2)
                JSONValue.writeString(key, into: &out)
                out += ": "
                members[key, default: .null].write(into: &out, indent: indent + 2)
                out += index + 1 < keys.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        }
    }

    /// RFC 8259 string: quotes, backslashes and control characters escaped; U+2028, U+2029 and bidi controls too, so the text is
    /// also valid JavaScript. Everything else is written as UTF-8.
    static func writeString(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                // Bidi overrides and C1 controls too: the decoded text is the same, but a terminal or editor
                // showing the file cannot be made to reorder or hide what is around them.
                if VisibleText.needsEscape(scalar) {
                    // JSON escapes UTF-16 code units: a scalar above U+FFFF (a tag character) is a surrogate pair.
                    for unit in String(scalar).utf16 {
                        let hex = String(unit, radix: 16, uppercase: false)
                        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
