/// One token of an XPath 1.0 expression, classified by the disambiguation rules of XPath 1.0 §3.7.
struct XPathToken: Equatable {
    enum Kind: Equatable {
        /// `'text'` or `"text"`.
        case literal
        case number
        /// A QName followed by `(` that is not a node type: a function call.
        case functionName
        /// `node`, `text`, `comment` or `processing-instruction` followed by `(`.
        case nodeType
        /// An NCName followed by `::`.
        case axisName
        /// A QName, `prefix:*` or `*` in a step.
        case nameTest
        /// `and`, `or`, `mod`, `div` where an operator is expected.
        case operatorName
        /// `$QName`.
        case variable
        /// `(`, `)`, `[`, `]`, `.`, `..`, `@`, `,`, `::`.
        case symbol
        /// `/`, `//`, `|`, `+`, `-`, `=`, `!=`, `<`, `<=`, `>`, `>=` and the multiply `*`.
        case `operator`
        /// A character outside the grammar; libxml2 reports the syntax error when it compiles the expression.
        case invalid
    }

    var kind: Kind
    /// The token's text; for names the whole QName (`b:staff`), for variables without the `$`.
    var text: String
    /// The prefix of a QName or `prefix:*`, if any.
    var prefix: String?
    /// 0-based offset in unicode scalars from the start of the expression.
    var offset: Int

    /// The local part of a QName.
    var localName: Substring {
        guard let prefix else { return Substring(text) }
        return text.dropFirst(prefix.count + 1)
    }
}

/// Splits an XPath 1.0 expression into tokens (XPath 1.0 §3.7, "Lexical Structure"), in one pass over the text.
enum XPathTokenizer {
    struct Result {
        var tokens: [XPathToken]
        /// Where a string literal starts that has no closing quote; tokenizing stops there.
        var unterminatedLiteral: Int?
    }

    static let nodeTypes: Set<Substring> = ["node", "text", "comment", "processing-instruction"]
    static let axes: [String] = [
        "ancestor", "ancestor-or-self", "attribute", "child", "descendant", "descendant-or-self", "following",
        "following-sibling", "namespace", "parent", "preceding", "preceding-sibling", "self",
    ]
    static let operatorNames: Set<String> = ["and", "or", "mod", "div"]

    static func tokenize(_ expression: String) -> Result {
        let scalars = Array(expression.unicodeScalars)
        var tokens: [XPathToken] = []
        var index = 0
        func text(_ range: Range<Int>) -> String {
            String(String.UnicodeScalarView(scalars[range]))
        }
        func next(after position: Int) -> Int {
            var position = position
            while position < scalars.count, isWhitespace(scalars[position]) { position += 1 }
            return position
        }
        while index < scalars.count {
            let scalar = scalars[index]
            let start = index
            // §3.7: after nothing or after `@ :: ( [ ,` or an operator, a name or `*` starts an operand; elsewhere
            // `*` multiplies and a name must be an operator name.
            let operandExpected = tokens.last.map(startsOperand) ?? true
            if isWhitespace(scalar) {
                index += 1
                continue
            }
            switch scalar {
            case "'", "\"":
                guard let end = scalars[(index + 1)...].firstIndex(of: scalar) else {
                    return Result(tokens: tokens, unterminatedLiteral: index)
                }
                tokens.append(XPathToken(kind: .literal, text: text((index + 1)..<end), offset: start))
                index = end + 1
            case "(", ")", "[", "]", "@", ",":
                tokens.append(XPathToken(kind: .symbol, text: String(scalar), offset: start))
                index += 1
            case ".":
                if index + 1 < scalars.count, isDigit(scalars[index + 1]) {
                    index = numberEnd(scalars, from: index)
                    tokens.append(XPathToken(kind: .number, text: text(start..<index), offset: start))
                } else {
                    let double = index + 1 < scalars.count && scalars[index + 1] == "."
                    index += double ? 2 : 1
                    tokens.append(XPathToken(kind: .symbol, text: double ? ".." : ".", offset: start))
                }
            case ":":
                let double = index + 1 < scalars.count && scalars[index + 1] == ":"
                index += double ? 2 : 1
                tokens.append(XPathToken(kind: double ? .symbol : .invalid, text: double ? "::" : ":", offset: start))
            case "/", "<", ">", "!", "=", "|", "+", "-":
                var length = 1
                if index + 1 < scalars.count {
                    let following = scalars[index + 1]
                    if (scalar == "/" && following == "/")
                        || ("<>!".unicodeScalars.contains(scalar) && following == "=")
                    {
                        length = 2
                    }
                }
                let kind: XPathToken.Kind = scalar == "!" && length == 1 ? .invalid : .operator
                tokens.append(XPathToken(kind: kind, text: text(index..<(index + length)), offset: start))
                index += length
            case "*":
                tokens.append(XPathToken(kind: operandExpected ? .nameTest : .operator, text: "*", offset: start))
                index += 1
            case "$":
                let (end, prefix) = qNameEnd(scalars, from: index + 1, allowStar: false)
                if end == index + 1 {
                    tokens.append(XPathToken(kind: .invalid, text: "$", offset: start))
                    index += 1
                } else {
                    tokens.append(
                        XPathToken(kind: .variable, text: text((index + 1)..<end), prefix: prefix, offset: start)
                    )
                    index = end
                }
            default:
                if isDigit(scalar) {
                    index = numberEnd(scalars, from: index)
                    tokens.append(XPathToken(kind: .number, text: text(start..<index), offset: start))
                } else if isNameStart(scalar) {
                    let (end, prefix) = qNameEnd(scalars, from: index, allowStar: true)
                    let name = text(start..<end)
                    index = end
                    let following = next(after: end)
                    let kind: XPathToken.Kind
                    if !operandExpected && prefix == nil {
                        kind = operatorNames.contains(name) ? .operatorName : .nameTest
                    } else if following < scalars.count, scalars[following] == "(", !name.hasSuffix("*") {
                        kind = prefix == nil && nodeTypes.contains(Substring(name)) ? .nodeType : .functionName
                    } else if prefix == nil, following + 1 < scalars.count, scalars[following] == ":",
                        scalars[following + 1] == ":"
                    {
                        kind = .axisName
                    } else {
                        kind = .nameTest
                    }
                    tokens.append(XPathToken(kind: kind, text: name, prefix: prefix, offset: start))
                } else {
                    tokens.append(XPathToken(kind: .invalid, text: String(scalar), offset: start))
                    index += 1
                }
            }
        }
        return Result(tokens: tokens, unterminatedLiteral: nil)
    }

    /// True when an operand (a name test, `*` as a wildcard) may follow `token`.
    private static func startsOperand(_ token: XPathToken) -> Bool {
        switch token.kind {
        case .operator, .operatorName: return true
        case .symbol: return ["@", "::", "(", "[", ","].contains(token.text)
        default: return false
        }
    }

    /// The end of `Digits ('.' Digits?)?` or `'.' Digits` starting at `start`.
    private static func numberEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        while index < scalars.count, isDigit(scalars[index]) { index += 1 }
        if index < scalars.count, scalars[index] == "." {
            index += 1
            while index < scalars.count, isDigit(scalars[index]) { index += 1 }
        }
        return index
    }

    /// The end of the QName (or `prefix:*` when `allowStar`) starting at `start`, and its prefix.
    private static func qNameEnd(_ scalars: [Unicode.Scalar], from start: Int, allowStar: Bool) -> (Int, String?) {
        guard start < scalars.count, isNameStart(scalars[start]) else { return (start, nil) }
        var end = start + 1
        while end < scalars.count, isNameCharacter(scalars[end]) { end += 1 }
        guard end + 1 < scalars.count, scalars[end] == ":", scalars[end + 1] != ":" else { return (end, nil) }
        let prefix = String(String.UnicodeScalarView(scalars[start..<end]))
        if allowStar, scalars[end + 1] == "*" { return (end + 2, prefix) }
        guard isNameStart(scalars[end + 1]) else { return (end, nil) }
        var local = end + 2
        while local < scalars.count, isNameCharacter(scalars[local]) { local += 1 }
        return (local, prefix)
    }

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }

    static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic
    }

    static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isNameStart(scalar) || scalar == "-" || scalar == "." || isDigit(scalar) || scalar.properties.numericType != nil
            || scalar.properties.generalCategory == .nonspacingMark
            || scalar.properties.generalCategory == .spacingMark
    }
}
