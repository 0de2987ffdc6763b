import TenderCore

/// JSON written straight into a sink, with the same bytes as `rendered(pretty:)` gives (minus its final line
/// feed), so a document can be written member by member and element by element.
extension JSONValue {
    /// Writes the value; `indent` is the depth (in spaces) of the line it starts on, used only when `pretty`.
    func write(to sink: some ReportSink, pretty: Bool, indent: Int = 0) {
        switch self {
        case .null: sink.write("null")
        case .bool(let value): sink.write(value ? "true" : "false")
        case .number(let text): sink.write(text)
        case .string(let text): JSONValue.write(string: text, to: sink)
        case .array(let elements):
            guard !elements.isEmpty else {
                sink.write("[]")
                return
            }
            var writer = JSONArrayWriter(sink: sink, pretty: pretty, indent: indent)
            for element in elements {
                writer.element { element.write(to: sink, pretty: pretty, indent: $0) }
            }
            writer.close()
        case .object(let members):
            guard !members.isEmpty else {
                sink.write("{}")
                return
            }
            var writer = JSONObjectWriter(sink: sink, pretty: pretty, indent: indent)
            for key in members.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                writer.member(key) { members[key, default: .null].write(to: sink, pretty: pretty, indent: $0) }
            }
            writer.close()
        }
    }

    /// A JSON string. Text with nothing to escape (no quote, backslash, control character or character that
    /// `VisibleText` shows) is copied as it is; anything else goes through `writeString`.
    static func write(string text: String, to sink: some ReportSink) {
        guard
            ByteEscaping.mayNeedEscape(text, special: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") })
        else {
            sink.write(byte: UInt8(ascii: "\""))
            sink.write(text)
            sink.write(byte: UInt8(ascii: "\""))
            return
        }
        var out = ""
        writeString(text, into: &out)
        sink.write(out)
    }
}

/// An array written one element at a time (for arrays too long to build, such as every bid's result).
struct JSONArrayWriter {
    let sink: any ReportSink
    let pretty: Bool
    let indent: Int
    private var count = 0

    init(sink: any ReportSink, pretty: Bool, indent: Int) {
        self.sink = sink
        self.pretty = pretty
        self.indent = indent
    }

    /// `body` writes the element, given its indent.
    mutating func element(_ body: (Int) -> Void) {
        if count == 0 {
            sink.write(pretty ? "[\n" : "[")
        } else {
            sink.write(pretty ? ",\n" : ",")
        }
        if pretty { sink.write(String(repeating: " ", count: indent + 2)) }
        count += 1
        body(indent + 2)
    }

    func close() {
        if count == 0 {
            sink.write("[]")
        } else if pretty {
            sink.write("\n" + String(repeating: " ", count: indent) + "]")
        } else {
            sink.write("]")
        }
    }
}

/// An object written one member at a time; the caller gives the keys in sorted (UTF-8 byte) order.
struct JSONObjectWriter {
    let sink: any ReportSink
    let pretty: Bool
    let indent: Int
    private var count = 0

    init(sink: any ReportSink, pretty: Bool, indent: Int) {
        self.sink = sink
        self.pretty = pretty
        self.indent = indent
    }

    mutating func member(_ key: String, _ body: (Int) -> Void) {
        if count == 0 {
            sink.write(pretty ? "{\n" : "{")
        } else {
            sink.write(pretty ? ",\n" : ",")
        }
        if pretty { sink.write(String(repeating: " ", count: indent + 2)) }
        count += 1
        JSONValue.write(string: key, to: sink)
        sink.write(pretty ? ": " : ":")
        body(indent + 2)
    }

    /// As `member(_:_:)` for a key that is fixed text with nothing to escape: the separator, the quoted key and
    /// the colon are written straight from static bytes.
    mutating func member(fixed key: StaticString, _ body: (Int) -> Void) {
        if count == 0 {
            sink.write(fixed: pretty ? "{\n" as StaticString : "{")
        } else {
            sink.write(fixed: pretty ? ",\n" as StaticString : ",")
        }
        if pretty { sink.write(String(repeating: " ", count: indent + 2)) }
        count += 1
        sink.write(byte: UInt8(ascii: "\""))
        sink.write(fixed: key)
        sink.write(fixed: pretty ? "\": " as StaticString : "\":")
        body(indent + 2)
    }

    func close() {
        if count == 0 {
            sink.write("{}")
        } else if pretty {
            sink.write("\n" + String(repeating: " ", count: indent) + "}")
        } else {
            sink.write("}")
        }
    }
}
