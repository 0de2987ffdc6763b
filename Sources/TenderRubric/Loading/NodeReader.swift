import Foundation
import TenderCore
import TenderModel
import Yams

/// One `key: value` pair of a YAML mapping, with both positions.
struct Field {
    let key: String
    let keyLocation: SourceLocation
    let node: Node
    let location: SourceLocation
}

/// The entries of a YAML mapping in file order.
struct MappingView {
    let location: SourceLocation
    let fields: [Field]

    subscript(key: String) -> Field? {
        fields.first { $0.key == key }
    }

    func has(_ key: String) -> Bool {
        self[key] != nil
    }
}

/// What a number may be.
enum NumberRule {
    case any
    case nonNegative
    case positive
    case percent
}

/// Reads Yams nodes into values, recording a located diagnostic for everything that does not fit.
final class NodeReader {
    let file: String
    var diagnostics = DiagnosticCollector()

    /// Everything collected, in file order so the list reads top to bottom (problems at the same position, or
    /// without one, keep the order they were found in).
    func diagnosticsInFileOrder() -> [Diagnostic] {
        diagnostics.diagnostics.enumerated().sorted { lhs, rhs in
            let left = lhs.element.location ?? SourceLocation(file: file)
            let right = rhs.element.location ?? SourceLocation(file: file)
            return left == right ? lhs.offset < rhs.offset : left < right
        }.map(\.element)
    }
    /// Keys suggested for misspelt keys, per mapping, so that a typo is not also reported as a missing key.
    private var suggested: Set<String> = []
    /// "Did you mean" work left for this rubric, so that thousands of typos cost a bounded amount of time.
    var spelling = SpellingBudget()
    /// Where each XPath expression is written, by fact id (`gate:<id>` or the criterion id).
    var xpathSites: [String: XPathSite] = [:]

    init(file: String) {
        self.file = file
    }

    func location(_ node: Node) -> SourceLocation {
        YAMLDocument.location(node.mark, file: file)
    }

    func error(_ message: String, at location: SourceLocation) {
        diagnostics.error(message, at: location)
    }

    func warning(_ message: String, at location: SourceLocation) {
        diagnostics.warning(message, at: location)
    }

    /// How a node is described in "found …" messages.
    static func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if isNull(scalar) { return "nothing" }
            // A short excerpt only: the "rubric" may be any file given by mistake.
            return "'\(VisibleText.excerpt(scalar.string))'"
        }
    }

    static func isNull(_ scalar: Node.Scalar) -> Bool {
        scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    // MARK: Structure

    /// The node as a mapping, or nil after reporting `what must be a mapping`.
    func mapping(_ node: Node, what: String) -> MappingView? {
        guard case .mapping(let mapping) = node else {
            error("\(what) must be a mapping of keys, found \(NodeReader.describe(node))", at: location(node))
            return nil
        }
        var fields: [Field] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key, !NodeReader.isNull(scalar) else {
                error("keys must be plain text, found \(NodeReader.describe(key))", at: location(key))
                continue
            }
            fields.append(
                Field(key: scalar.string, keyLocation: location(key), node: value, location: location(value))
            )
        }
        return MappingView(location: location(node), fields: fields)
    }

    func mapping(_ field: Field) -> MappingView? {
        mapping(field.node, what: "'\(VisibleText.excerpt(field.key))'")
    }

    /// Reports every key of `view` that is not in `allowed`, suggesting the closest allowed key.
    func checkKeys(_ view: MappingView, allowed: [String], context: String) {
        for field in view.fields where !allowed.contains(field.key) {
            var message = "unknown key '\(VisibleText.excerpt(field.key))' \(context)"
            if let suggestion = suggestion(for: field.key, among: allowed) {
                message += "; did you mean '\(suggestion)'?"
                suggested.insert("\(view.location)|\(suggestion)")
            } else {
                message += "; expected one of: \(allowed.joined(separator: ", "))"
            }
            error(message, at: field.keyLocation)
        }
    }

    /// The field, or nil after reporting `missing required key`.
    func required(_ view: MappingView, _ key: String, context: String) -> Field? {
        if let field = view[key] { return field }
        if suggested.contains("\(view.location)|\(key)") { return nil }
        error("missing required key '\(VisibleText.excerpt(key))' \(context)", at: view.location)
        return nil
    }

    func sequence(_ field: Field) -> [Node]? {
        guard case .sequence(let sequence) = field.node else {
            error(
                "'\(VisibleText.excerpt(field.key))' must be a list, found \(NodeReader.describe(field.node))",
                at: field.location
            )
            return nil
        }
        return Array(sequence)
    }

    // MARK: Scalars
    /// A name or id as it is printed: a string of at most 200 characters with nothing that does not show or that
    /// reorders the text (a bidi override could make one member's or contractor's name read as another's); nil,
    /// with an error naming the characters, otherwise.
    func printableText(_ field: Field, what: String) -> String? {
        guard let text = string(field) else { return nil }
        var hidden: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars
        where (VisibleText.isInvisible(scalar) || VisibleText.needsEscape(scalar)) && !hidden.contains(scalar) {
            hidden.append(scalar)
        }
        guard hidden.isEmpty else {
            error(
                "\(what) '\(VisibleText.escaped(text))' contains characters that do not show or that reorder the "
                    + "text (\(hidden.prefix(5).map(BidderIdentity.codePoint).joined(separator: ", "))); write it as "
                    + "it is printed",
                at: field.location
            )
            return nil
        }
        guard text.unicodeScalars.count <= 200 else {
            error("\(what) is longer than 200 characters", at: field.location)
            return nil
        }
        return text
    }

    /// Non-empty text, or nil after reporting.
    func string(_ field: Field) -> String? {
        string(field.node, what: "'\(VisibleText.excerpt(field.key))'")
    }

    func string(_ node: Node, what: String) -> String? {
        guard case .scalar(let scalar) = node else {
            error("\(what) must be text, found \(NodeReader.describe(node))", at: location(node))
            return nil
        }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !NodeReader.isNull(scalar), !text.isEmpty else {
            error("\(what) must not be empty", at: location(node))
            return nil
        }
        return text
    }

    /// An identifier: letters, digits, `-`, `_` and `.`, starting with a letter or digit.
    func identifier(_ field: Field) -> String? {
        guard let text = string(field) else { return nil }
        guard NodeReader.isIdentifier(text) else {
            error(
                "'\(VisibleText.excerpt(field.key))' must use only letters, digits, '-', '_' and '.', found '\(VisibleText.excerpt(text))'",
                at: field.location
            )
            return nil
        }
        return text
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter || first.isNumber else { return false }
        return text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }
    }

    /// One of `choices`, or nil after reporting (with a suggestion when one is close).
    func choice(_ field: Field, _ choices: [String]) -> String? {
        guard let text = string(field) else { return nil }
        guard choices.contains(text) else {
            var message =
                "'\(VisibleText.excerpt(field.key))' must be one of \(choices.joined(separator: ", ")), found '\(VisibleText.excerpt(text))'"
            if let suggestion = suggestion(for: text, among: choices) {
                message += "; did you mean '\(suggestion)'?"
            }
            error(message, at: field.location)
            return nil
        }
        return text
    }

    /// A plain decimal numeral (`30`, `0.5`), checked against `rule`, exact whatever its decimals.
    func decimal(_ field: Field, _ rule: NumberRule) -> ExactRatio? {
        decimal(field.node, name: VisibleText.excerpt(field.key), rule)
    }

    /// Points (a criterion's maximum, a band's points): at most `Points.scale` decimals.
    func points(_ field: Field, _ rule: NumberRule) -> Points? {
        scaled(field.node, name: VisibleText.excerpt(field.key), rule, as: Points.self)
    }

    func points(_ node: Node, name: String, _ rule: NumberRule) -> Points? {
        scaled(node, name: name, rule, as: Points.self)
    }

    /// An amount of money (a budget, a ceiling): at most `Money.scale` decimals.
    func money(_ field: Field, _ rule: NumberRule) -> Money? {
        scaled(field.node, name: VisibleText.excerpt(field.key), rule, as: Money.self)
    }

    /// A numeral that must fit a fixed-point type: too many decimals or too large is reported here, at the
    /// numeral, rather than rounded.
    func scaled<Value: ScaledDecimal>(_ node: Node, name: String, _ rule: NumberRule, as type: Value.Type) -> Value? {
        guard let exact = decimal(node, name: name, rule) else { return nil }
        guard let value = try? Value(exactly: exact) else {
            let decimals = exact.decimalPlaces ?? Int.max
            error(
                decimals > Value.scale
                    ? "\(name) has \(decimals) decimals; at most \(Value.scale) are allowed"
                    : "\(name) is too large",
                at: location(node)
            )
            return nil
        }
        return value
    }

    func decimal(_ node: Node, name: String, _ rule: NumberRule) -> ExactRatio? {
        guard case .scalar(let scalar) = node, !NodeReader.isNull(scalar) else {
            error("\(name) must be a number, found \(NodeReader.describe(node))", at: location(node))
            return nil
        }
        let text = scalar.string.trimmingCharacters(in: .whitespaces)
        guard NodeReader.isPlainDecimal(text) else {
            error("\(name) must be a plain decimal number, found '\(VisibleText.excerpt(text))'", at: location(node))
            return nil
        }
        let digits = text.filter(\.isNumber).count
        guard digits <= DecimalText.maximumDigits else {
            error(
                "\(name) has more than \(DecimalText.maximumDigits) digits, found '\(VisibleText.excerpt(text))'",
                at: location(node)
            )
            return nil
        }
        guard let value = try? ExactRatio(parsing: text) else {
            error("\(name) must be a plain decimal number, found '\(VisibleText.excerpt(text))'", at: location(node))
            return nil
        }
        switch rule {
        case .any:
            break
        case .nonNegative:
            guard value >= .zero else {
                error("\(name) must not be negative, found '\(VisibleText.excerpt(text))'", at: location(node))
                return nil
            }
        case .positive:
            guard value > .zero else {
                error("\(name) must be greater than 0, found '\(VisibleText.excerpt(text))'", at: location(node))
                return nil
            }
        case .percent:
            guard value >= .zero && value <= ExactRatio(100) else {
                error(
                    "\(name) must be a percentage from 0 to 100, found '\(VisibleText.excerpt(text))'",
                    at: location(node)
                )
                return nil
            }
        }
        return value
    }

    /// `-12`, `0.5`, `+3`: optional sign, digits, optional fraction; nothing else.
    static func isPlainDecimal(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if let first = scalars.first, first == "-" || first == "+" { scalars = scalars.dropFirst() }
        let parts = scalars.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return false }
        return parts.allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0.value >= 0x30 && $0.value <= 0x39 }
        }
    }

    /// A whole number within `range`.
    func integer(_ field: Field, _ range: ClosedRange<Int>) -> Int? {
        let describeRange =
            range.upperBound == Int.max
            ? "\(range.lowerBound) or more" : "from \(range.lowerBound) to \(range.upperBound)"
        guard case .scalar(let scalar) = field.node, !NodeReader.isNull(scalar) else {
            error(
                "\(VisibleText.excerpt(field.key)) must be a whole number \(describeRange), found \(NodeReader.describe(field.node))",
                at: field.location
            )
            return nil
        }
        let text = scalar.string.trimmingCharacters(in: .whitespaces)
        guard text.count <= 9, let value = Int(text), range.contains(value) else {
            error(
                "\(VisibleText.excerpt(field.key)) must be a whole number \(describeRange), found '\(VisibleText.excerpt(text))'",
                at: field.location
            )
            return nil
        }
        return value
    }

    /// A name: plain text (taken as Chinese) or a mapping `{zh: …, en: …}`.
    func localized(_ field: Field) -> LocalizedText? {
        if case .mapping = field.node {
            guard let view = mapping(field) else { return nil }
            checkKeys(view, allowed: ["zh", "en"], context: "in '\(VisibleText.excerpt(field.key))'")
            let zh = view["zh"].flatMap { string($0) }
            let en = view["en"].flatMap { string($0) }
            guard zh != nil || en != nil else {
                if !view.has("zh") && !view.has("en") {
                    error("'\(VisibleText.excerpt(field.key))' needs a 'zh' or an 'en' text", at: field.location)
                }
                return nil
            }
            return LocalizedText(zh: zh, en: en)
        }
        guard let text = string(field) else { return nil }
        return LocalizedText(zh: text)
    }
}

extension NodeReader {
    /// The closest of `candidates` to a misspelt `word`, within this rubric's suggestion budget.
    func suggestion(for word: String, among candidates: [String]) -> String? {
        Spelling.suggestion(for: word, among: candidates, budget: &spelling)
    }
}
