import TenderCore
import Yams

/// The bytes of a decisions entry that its hash is taken over (docs/decisions.md, "Hash chain"):
/// every key of the entry, `previous` included, in ascending order of the key's UTF-8 bytes, each as
/// `key=value` and a line feed, where `value` is the scalar's text as YAML reads it (quotes and folding
/// resolved) with `\` written `\\`, a line feed `\n` and a carriage return `\r`. Comments, key order, quoting
/// style and indentation therefore do not change the hash; any change of a value or a key does.
enum DecisionCanonicalForm {
    /// The canonical bytes of `fields` (key and scalar text), or nil when a value is not a scalar.
    static func bytes(_ fields: [(key: String, value: String)]) -> [UInt8] {
        var bytes: [UInt8] = []
        for field in fields.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            bytes += Array(field.key.utf8)
            bytes.append(UInt8(ascii: "="))
            for byte in field.value.utf8 {
                switch byte {
                case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                default: bytes.append(byte)
                }
            }
            bytes.append(0x0A)
        }
        return bytes
    }
}

/// A decisions entry as written: its scalar fields in file order, with their positions, before any meaning is
/// given to them. Both the loader and `seal` start from this.
struct RawDecisionEntry {
    var location: SourceLocation
    /// Line and column (1-based) of the entry's first key, where `seal` inserts a missing `previous`.
    var firstKeyLine: Int
    var firstKeyColumn: Int
    var isFlow: Bool
    var fields: [(key: String, value: String, location: SourceLocation, keyLocation: SourceLocation)]

    func value(_ key: String) -> String? {
        fields.first { $0.key == key }?.value
    }

    func canonicalBytes(previous: String? = nil) -> [UInt8] {
        var pairs = fields.map { (key: $0.key, value: $0.value) }
        if let previous {
            pairs.removeAll { $0.key == "previous" }
            pairs.append((key: "previous", value: previous))
        }
        return DecisionCanonicalForm.bytes(pairs)
    }
}

/// Reads the structure of a decisions file: a mapping with the key `decisions`, a list of mappings of scalars.
struct RawDecisionFile {
    var entries: [RawDecisionEntry]
    var listLocation: SourceLocation?

    static func read(_ root: Node, reader: NodeReader) -> RawDecisionFile? {
        guard let top = reader.mapping(root, what: "a decisions file") else { return nil }
        reader.checkKeys(top, allowed: ["decisions"], context: "at the top level of the decisions file")
        guard let list = reader.required(top, "decisions", context: "at the top level of the decisions file") else {
            return nil
        }
        if case .scalar(let scalar) = list.node, NodeReader.isNull(scalar) {
            return RawDecisionFile(entries: [], listLocation: list.location)
        }
        guard let nodes = reader.sequence(list) else { return nil }
        var entries: [RawDecisionEntry] = []
        for node in nodes {
            guard case .mapping(let mapping) = node, let view = reader.mapping(node, what: "a decision") else {
                reader.error(
                    "a decision must be a mapping of keys (date, by, kind, reason, …), found "
                        + NodeReader.describe(node),
                    at: reader.location(node)
                )
                continue
            }
            var fields: [(key: String, value: String, location: SourceLocation, keyLocation: SourceLocation)] = []
            for field in view.fields {
                guard case .scalar(let scalar) = field.node else {
                    reader.error(
                        "'\(VisibleText.excerpt(field.key))' must be text, found \(NodeReader.describe(field.node))",
                        at: field.location
                    )
                    continue
                }
                fields.append((field.key, scalar.string, field.location, field.keyLocation))
            }
            let first = view.fields.first?.keyLocation ?? view.location
            entries.append(
                RawDecisionEntry(
                    location: view.location,
                    firstKeyLine: first.line ?? 1,
                    firstKeyColumn: first.column ?? 1,
                    isFlow: mapping.style == .flow,
                    fields: fields
                )
            )
        }
        return RawDecisionFile(entries: entries, listLocation: list.location)
    }
}
