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

/// What an array and an object written piece by piece share: the opening bracket before the first piece, a comma
/// between pieces, the indent of a pretty document, and the closing bracket (or `[]`, `{}` when nothing came).
private struct JSONContainer {
    let sink: any ReportSink
    let pretty: Bool
    let indent: Int
    let opening: UInt8
    let closing: UInt8
    private(set) var count = 0

    init(sink: any ReportSink, pretty: Bool, indent: Int, opening: UInt8, closing: UInt8) {
        self.sink = sink
        self.pretty = pretty
        self.indent = indent
        self.opening = opening
        self.closing = closing
    }

    /// Writes what goes before the next piece; returns the piece's indent.
    mutating func next() -> Int {
        sink.write(byte: count == 0 ? opening : UInt8(ascii: ","))
        if pretty {
            sink.write(byte: UInt8(ascii: "\n"))
            sink.write(String(repeating: " ", count: indent + 2))
        }
        count += 1
        return indent + 2
    }

    func close() {
        if count == 0 {
            sink.write(byte: opening)
        } else if pretty {
            sink.write("\n" + String(repeating: " ", count: indent))
        }
        sink.write(byte: closing)
    }
}

/// An array written one element at a time (for arrays too long to build, such as every bid's result).
struct JSONArrayWriter {
    private var container: JSONContainer

    init(sink: any ReportSink, pretty: Bool, indent: Int) {
        container = JSONContainer(
            sink: sink,
            pretty: pretty,
            indent: indent,
            opening: UInt8(ascii: "["),
            closing: UInt8(ascii: "]")
        )
    }

    /// `body` writes the element, given its indent.
    mutating func element(_ body: (Int) -> Void) {
        body(container.next())
    }

    func close() {
        container.close()
    }
}

/// An object written one member at a time; the caller gives the keys in sorted (UTF-8 byte) order.
struct JSONObjectWriter {
    private var container: JSONContainer
    var sink: any ReportSink { container.sink }
    var pretty: Bool { container.pretty }

    init(sink: any ReportSink, pretty: Bool, indent: Int) {
        container = JSONContainer(
            sink: sink,
            pretty: pretty,
            indent: indent,
            opening: UInt8(ascii: "{"),
            closing: UInt8(ascii: "}")
        )
    }

    mutating func member(_ key: String, _ body: (Int) -> Void) {
        let indent = container.next()
        JSONValue.write(string: key, to: sink)
        sink.write(pretty ? ": " : ":")
        body(indent)
    }

    /// As `member(_:_:)` for a key that is fixed text with nothing to escape: the quoted key and the colon are
    /// written straight from static bytes.
    mutating func member(fixed key: StaticString, _ body: (Int) -> Void) {
        let indent = container.next()
        sink.write(byte: UInt8(ascii: "\""))
        sink.write(fixed: key)
        sink.write(fixed: pretty ? "\": " as StaticString : "\":")
        body(indent)
    }

    func close() {
        container.close()
    }
}
