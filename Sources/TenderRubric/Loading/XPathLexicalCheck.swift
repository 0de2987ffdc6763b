/// A lexical look at an XPath 1.0 expression: enough to catch undeclared namespace prefixes, unterminated
/// strings and unbalanced brackets while the rubric loads. The importer compiles the expression for real.
struct XPathLexicalCheck {
    struct Problem: Equatable {
        var message: String
        /// 0-based offset in unicode scalars from the start of the expression.
        var offset: Int
    }

    /// Problems in `expression`, given the declared prefixes (`xml` is always bound).
    static func problems(in expression: String, declaredPrefixes: Set<String>) -> [Problem] {
        let scalars = Array(expression.unicodeScalars)
        var problems: [Problem] = []
        var stack: [(Unicode.Scalar, Int)] = []
        var reported: Set<String> = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "'", "\"":
                guard let end = scalars[(index + 1)...].firstIndex(of: scalar) else {
                    problems.append(Problem(message: "XPath expression has an unterminated string", offset: index))
                    return problems
                }
                index = end + 1
                continue
            case "(", "[":
                stack.append((scalar, index))
            case ")", "]":
                let opening: Unicode.Scalar = scalar == ")" ? "(" : "["
                guard let last = stack.popLast(), last.0 == opening else {
                    problems.append(Problem(message: "XPath expression has an unmatched '\(scalar)'", offset: index))
                    return problems
                }
            default:
                if isNameStart(scalar) && (index == 0 || !isNameCharacter(scalars[index - 1])) {
                    var end = index + 1
                    while end < scalars.count && isNameCharacter(scalars[end]) { end += 1 }
                    let isPrefix =
                        end + 1 < scalars.count && scalars[end] == ":" && scalars[end + 1] != ":"
                        && (isNameStart(scalars[end + 1]) || scalars[end + 1] == "*")
                    if isPrefix {
                        let prefix = String(String.UnicodeScalarView(scalars[index..<end]))
                        if prefix != "xml" && !declaredPrefixes.contains(prefix) && !reported.contains(prefix) {
                            reported.insert(prefix)
                            problems.append(
                                Problem(
                                    message: "XPath prefix '\(prefix)' is not declared in 'namespaces'",
                                    offset: index
                                )
                            )
                        }
                    }
                    index = end
                    continue
                }
            }
            index += 1
        }
        if let open = stack.last {
            problems.append(Problem(message: "XPath expression has an unclosed '\(open.0)'", offset: open.1))
        }
        return problems
    }

    static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic
    }

    static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isNameStart(scalar) || scalar == "-" || scalar == "." || ("0"..."9").contains(scalar)
            || scalar.properties.numericType != nil
    }
}
