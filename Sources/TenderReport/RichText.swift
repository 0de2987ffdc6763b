/// Text made of the renderer's own words and numbers (`text`), of strings that come from a bid, a rubric or a
/// score sheet as they were read (`user`, escaped in full), and of text already escaped for showing (`shown`: a
/// file name as diagnostics show it, a diagnostic line), which is not escaped a second time. Markdown escapes
/// only the `user` and `shown` parts (so formulas stay readable); HTML escapes all.
struct RichText: Hashable, Sendable, ExpressibleByStringInterpolation {
    enum Span: Hashable, Sendable {
        case text(String)
        case user(String)
        case shown(String)
    }

    var spans: [Span]

    init(spans: [Span]) {
        self.spans = spans
    }

    init(stringLiteral value: String) {
        spans = value.isEmpty ? [] : [.text(value)]
    }

    init(stringInterpolation: Interpolation) {
        spans = stringInterpolation.spans
    }

    static func user(_ value: String) -> RichText {
        RichText(spans: [.user(value)])
    }

    /// Text already escaped for showing (`VisibleText.escaped`, a `Diagnostic`'s description, a file name as the
    /// inventory shows it).
    static func shown(_ value: String) -> RichText {
        RichText(spans: [.shown(value)])
    }

    static func text(_ value: String) -> RichText {
        RichText(spans: [.text(value)])
    }

    static func + (lhs: RichText, rhs: RichText) -> RichText {
        RichText(spans: lhs.spans + rhs.spans)
    }

    /// The unescaped characters, for tests and for formats without markup (CSV).
    var plain: String {
        spans.map { span in
            switch span {
            case .text(let value), .user(let value), .shown(let value): return value
            }
        }
        .joined()
    }

    var isEmpty: Bool {
        plain.isEmpty
    }

    struct Interpolation: StringInterpolationProtocol {
        var spans: [Span] = []

        init(literalCapacity: Int, interpolationCount: Int) {}

        mutating func appendLiteral(_ literal: String) {
            if !literal.isEmpty { spans.append(.text(literal)) }
        }

        /// The renderer's own text (numbers, labels).
        mutating func appendInterpolation(_ value: String) {
            if !value.isEmpty { spans.append(.text(value)) }
        }

        mutating func appendInterpolation(_ value: Int) {
            spans.append(.text(String(value)))
        }

        mutating func appendInterpolation(_ value: RichText) {
            spans.append(contentsOf: value.spans)
        }

        /// Text from a bid, a rubric or a score sheet: always escaped.
        mutating func appendInterpolation(user value: String) {
            if !value.isEmpty { spans.append(.user(value)) }
        }
    }
}

extension Sequence where Element == RichText {
    func joined(separator: RichText) -> RichText {
        var result = RichText(spans: [])
        var first = true
        for element in self {
            if !first { result = result + separator }
            result = result + element
            first = false
        }
        return result
    }
}

/// A report as a tree of blocks, built once and written as Markdown or HTML so both say the same thing.
enum Block: Hashable, Sendable {
    case section(Section)
    case paragraph(RichText, style: ParagraphStyle = .normal)
    case list([RichText])
    /// Two columns: label and value.
    case keyValue([KeyValue])
    case table(Table)
    /// The group-score chart; Markdown leaves it out (the ranking table holds the same numbers).
    case chart
}

enum ParagraphStyle: Hashable, Sendable {
    case normal
    case strong
    /// Something the reader must not miss (a failed tender, a disqualification).
    case alert
}

struct KeyValue: Hashable, Sendable {
    var key: RichText
    var value: RichText
}

struct Section: Hashable, Sendable {
    var level: Int
    var title: RichText
    /// HTML anchor, made only of ASCII letters, digits and `-`.
    var anchor: String
    /// Starts a new page when printed (one bidder per page).
    var pageBreakBefore: Bool
    var blocks: [Block]
}

struct Table: Hashable, Sendable {
    enum Alignment: Hashable, Sendable {
        case left
        case right
        /// Left-aligned names (bidders, members): printed whole, never split between two CJK characters.
        case name
    }

    var headers: [RichText]
    var alignments: [Alignment]
    var rows: [[RichText]]
}
