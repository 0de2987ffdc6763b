import TenderCore
import TenderModel

/// A rubric expression simple enough to be read in the single walk of a bid (`SinglePassPlan`) instead of by
/// libxml2's XPath engine: a path of child steps from the bid's root element, each with at most one
/// predicate, optionally ending in an attribute, optionally wrapped in `count`, `boolean`, `string` or
/// `number`.
///
/// Names are resolved at recognition time: a step holds the namespace URI its prefix is bound to (nil for an
/// unprefixed name, which in XPath 1.0 means "no namespace").
struct SimpleQuery: Hashable, Sendable {
    enum Wrapper: String, Hashable, Sendable {
        /// The bare node-set.
        case none
        case count
        case boolean
        case string
        case number
    }

    var wrapper: Wrapper
    var path: SimplePath
}

/// Text compared byte for byte (UTF-8), as libxml2 compares names and values; `String` equality would treat
/// canonically equivalent spellings (a precomposed and a decomposed "é") as equal.
struct ExactText: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    let utf8: [UInt8]

    init(_ text: String) {
        utf8 = Array(text.utf8)
    }

    init(stringLiteral value: String) {
        self.init(value)
    }

    var description: String { String(decoding: utf8, as: UTF8.self) }
}

/// `/step/step/@attr` (absolute: the first step tests the root element itself) or `step/step/@attr`
/// (relative to the root element).
struct SimplePath: Hashable, Sendable {
    /// The first step of an absolute path, tested on the root element; nil for a relative path.
    var rootStep: SimpleStep?
    /// Child steps below the root element, outermost first.
    var steps: [SimpleStep]
    /// A final `/@name` step: an attribute without a namespace.
    var attribute: ExactText?
}

struct SimpleStep: Hashable, Sendable {
    /// Namespace URI the element must have; nil means no namespace.
    var namespace: ExactText?
    var localName: ExactText
    var predicate: SimplePredicate?
}

enum SimplePredicate: Hashable, Sendable {
    /// `[@name='value']`: the attribute exists and its value is exactly `value` (no trimming, byte equality).
    case attributeEquals(name: ExactText, value: ExactText)
    /// `[@name]`.
    case hasAttribute(name: ExactText)
    /// `[prefix:name]`: at least one such child element.
    case hasChild(namespace: ExactText?, localName: ExactText)
}

/// Recognises the simple expressions; anything else gives nil, which means "evaluate with libxml2", never an
/// error.
enum SimpleXPath {
    enum Token: Hashable {
        case name(prefix: String?, local: String)
        case at
        case slash
        case openParenthesis
        case closeParenthesis
        case openBracket
        case closeBracket
        case equals
        case literal(String)
    }

    /// Unprefixed names that XPath may read as an operator or a node type; refused so that no expression is
    /// ever read differently from libxml2.
    static let reservedNames: Set<String> = [
        "and", "or", "div", "mod", "node", "text", "comment", "processing-instruction",
    ]

    /// The namespace bindings as libxml2's XPath context sees them: a later binding of a prefix wins.
    static func prefixMap(_ namespaces: [NamespaceBinding]) -> [ExactText: ExactText] {
        var map: [ExactText: ExactText] = [:]
        for binding in namespaces { map[ExactText(binding.prefix)] = ExactText(binding.uri) }
        return map
    }

    static func parse(_ expression: String, namespaces: [NamespaceBinding]) -> SimpleQuery? {
        parse(expression, namespaces: prefixMap(namespaces))
    }

    static func parse(_ expression: String, namespaces: [ExactText: ExactText]) -> SimpleQuery? {
        guard let tokens = tokens(expression), !tokens.isEmpty else { return nil }
        var body = tokens[...]
        var wrapper = SimpleQuery.Wrapper.none
        if tokens.count >= 2, case .name(nil, let function) = tokens[0], tokens[1] == .openParenthesis {
            guard let known = SimpleQuery.Wrapper(rawValue: function), known != .none,
                tokens.last == .closeParenthesis
            else { return nil }
            wrapper = known
            body = tokens[2..<(tokens.count - 1)]
        }
        guard let path = parsePath(body, namespaces: namespaces) else { return nil }
        return SimpleQuery(wrapper: wrapper, path: path)
    }

    private static func parsePath(_ tokens: ArraySlice<Token>, namespaces: [ExactText: ExactText]) -> SimplePath? {
        var index = tokens.startIndex
        let end = tokens.endIndex
        guard index < end else { return nil }
        var absolute = false
        if tokens[index] == .slash {
            absolute = true
            index += 1
        }
        var steps: [SimpleStep] = []
        var attribute: ExactText?
        while true {
            guard index < end else { return nil }
            if tokens[index] == .at {
                index += 1
                guard index < end, case .name(nil, let name) = tokens[index] else { return nil }
                index += 1
                guard index == end else { return nil }
                attribute = ExactText(name)
                break
            }
            guard case .name(let prefix, let local) = tokens[index],
                let namespace = resolve(prefix: prefix, local: local, namespaces: namespaces)
            else { return nil }
            index += 1
            var predicate: SimplePredicate?
            if index < end, tokens[index] == .openBracket {
                guard let (parsed, next) = parsePredicate(tokens, from: index + 1, namespaces: namespaces) else {
                    return nil
                }
                predicate = parsed
                index = next
            }
            steps.append(SimpleStep(namespace: namespace, localName: ExactText(local), predicate: predicate))
            if index == end { break }
            guard tokens[index] == .slash else { return nil }
            index += 1
        }
        var rootStep: SimpleStep?
        if absolute {
            guard !steps.isEmpty else { return nil }
            rootStep = steps.removeFirst()
        }
        return SimplePath(rootStep: rootStep, steps: steps, attribute: attribute)
    }

    /// Parses what follows `[` up to and including `]`; returns the predicate and the index after `]`.
    private static func parsePredicate(
        _ tokens: ArraySlice<Token>,
        from start: Int,
        namespaces: [ExactText: ExactText]
    ) -> (SimplePredicate, Int)? {
        var index = start
        func next() -> Token? {
            guard index < tokens.endIndex else { return nil }
            defer { index += 1 }
            return tokens[index]
        }
        switch next() {
        case .at:
            guard case .name(nil, let name) = next() else { return nil }
            switch next() {
            case .closeBracket:
                return (.hasAttribute(name: ExactText(name)), index)
            case .equals:
                guard case .literal(let value) = next(), next() == .closeBracket else { return nil }
                return (.attributeEquals(name: ExactText(name), value: ExactText(value)), index)
            default:
                return nil
            }
        case .name(let prefix, let local):
            guard let namespace = resolve(prefix: prefix, local: local, namespaces: namespaces),
                next() == .closeBracket
            else { return nil }
            return (.hasChild(namespace: namespace, localName: ExactText(local)), index)
        default:
            return nil
        }
    }

    /// The namespace URI of an element name test: `.some(nil)` for "no namespace", nil when the name is not
    /// simple (unbound prefix, `xml:`, a reserved word).
    private static func resolve(prefix: String?, local: String, namespaces: [ExactText: ExactText]) -> ExactText?? {
        guard let prefix else {
            return reservedNames.contains(local) ? nil : .some(nil)
        }
        // libxml2 always resolves `xml` itself, whatever the rubric binds it to.
        guard prefix != "xml", let uri = namespaces[ExactText(prefix)], !uri.utf8.isEmpty else { return nil }
        return .some(uri)
    }

    // MARK: - Tokens

    /// The expression as tokens, or nil when it holds anything outside the simple subset (numbers, `*`,
    /// `.`, `//`, `::`, `|`, `,`, `$`, operators other than `=`, unterminated literals …).
    static func tokens(_ expression: String) -> [Token]? {
        let scalars = Array(expression.unicodeScalars)
        var tokens: [Token] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case " ", "\t", "\r", "\n":
                index += 1
            case "/":
                if index + 1 < scalars.count, scalars[index + 1] == "/" { return nil }
                tokens.append(.slash)
                index += 1
            case "@":
                tokens.append(.at)
                index += 1
            case "(":
                tokens.append(.openParenthesis)
                index += 1
            case ")":
                tokens.append(.closeParenthesis)
                index += 1
            case "[":
                tokens.append(.openBracket)
                index += 1
            case "]":
                tokens.append(.closeBracket)
                index += 1
            case "=":
                tokens.append(.equals)
                index += 1
            case "'", "\"":
                var end = index + 1
                while end < scalars.count, scalars[end] != scalar { end += 1 }
                guard end < scalars.count else { return nil }
                tokens.append(.literal(String(String.UnicodeScalarView(scalars[(index + 1)..<end]))))
                index = end + 1
            default:
                guard isNameStart(scalar) else { return nil }
                let local = name(scalars, from: &index)
                if index < scalars.count, scalars[index] == ":" {
                    // `prefix:name`; `prefix::axis`, `prefix:*` and `prefix: name` are not simple.
                    guard index + 1 < scalars.count, isNameStart(scalars[index + 1]) else { return nil }
                    index += 1
                    let second = name(scalars, from: &index)
                    tokens.append(.name(prefix: local, local: second))
                } else {
                    tokens.append(.name(prefix: nil, local: local))
                }
            }
        }
        return tokens
    }

    private static func name(_ scalars: [Unicode.Scalar], from index: inout Int) -> String {
        let start = index
        index += 1
        while index < scalars.count, isNameCharacter(scalars[index]) { index += 1 }
        return String(String.UnicodeScalarView(scalars[start..<index]))
    }

    /// A conservative NCName start: ASCII letters, `_`, and non-ASCII letters (CJK included).
    static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
        }
        return scalar.properties.isAlphabetic
    }

    static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isNameStart(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "."
    }
}
