import TenderCore

/// A lexical look at an XPath 1.0 expression while the rubric loads: undeclared namespace prefixes, unterminated
/// strings, unbalanced brackets, variables, unknown axes, and function calls outside XPath 1.0's core library or
/// with the wrong number of arguments. The importer compiles the expression with libxml2 for the rest.
struct XPathLexicalCheck {
    struct Problem: Equatable {
        var message: String
        /// 0-based offset in unicode scalars from the start of the expression.
        var offset: Int
    }

    /// Problems in `expression`, given the declared prefixes (`xml` is always bound); `suggest` finds the closest
    /// of some names to a misspelt one.
    static func problems(
        in expression: String,
        declaredPrefixes: Set<String>,
        suggest: (String, [String]) -> String? = { Spelling.suggestion(for: $0, among: $1) }
    ) -> [Problem] {
        let result = XPathTokenizer.tokenize(expression)
        let tokens = result.tokens
        var problems: [Problem] = []
        var reported: Set<String> = []
        /// Open brackets: the bracket, its offset, the function it calls (for `(`), and its argument count so far.
        var stack: [(bracket: String, offset: Int, function: XPathToken?, commas: Int, empty: Bool, start: Int)] = []
        /// The function call that closed last: the index of its name token and of its `)`.
        var lastCall: (function: Int, close: Int)?
        for (position, token) in tokens.enumerated() {
            if !stack.isEmpty && !(token.kind == .symbol && token.text == ")") {
                stack[stack.count - 1].empty = false
            }
            switch token.kind {
            case .symbol where token.text == "(" || token.text == "[":
                let previous = position > 0 ? tokens[position - 1] : nil
                let function = previous?.kind == .functionName ? previous : nil
                stack.append((token.text, token.offset, function, 0, true, position))
            case .symbol where token.text == ")" || token.text == "]":
                let opening = token.text == ")" ? "(" : "["
                guard let last = stack.popLast(), last.bracket == opening else {
                    problems.append(
                        Problem(
                            message: "XPath expression has an unmatched '\(VisibleText.excerpt(token.text))'",
                            offset: token.offset
                        )
                    )
                    return problems
                }
                if let function = last.function,
                    let problem = arityProblem(function, arguments: last.empty ? 0 : last.commas + 1)
                {
                    problems.append(problem)
                } else if let function = last.function, !last.empty, last.commas == 0,
                    let problem = argumentTypeProblem(
                        function,
                        argument: tokens[(last.start + 1)..<position],
                        lastCall: lastCall
                    )
                {
                    problems.append(problem)
                }
                if last.function != nil { lastCall = (last.start - 1, position) }
            case .symbol where token.text == ",":
                if !stack.isEmpty { stack[stack.count - 1].commas += 1 }
            case .functionName:
                if let problem = functionProblem(token, suggest: suggest) {
                    problems.append(problem)
                    if let prefix = token.prefix { reported.insert(prefix) }
                }
            case .variable:
                problems.append(
                    Problem(
                        message: "XPath variable '$\(token.text)' is not defined; rubric expressions have no variables",
                        offset: token.offset
                    )
                )
            case .axisName where !XPathTokenizer.axes.contains(token.text):
                var message = "unknown XPath axis '\(VisibleText.excerpt(token.text))'"
                if let suggestion = suggest(token.text, XPathTokenizer.axes) {
                    message += "; did you mean '\(suggestion)'?"
                }
                problems.append(Problem(message: message, offset: token.offset))
            default:
                break
            }
            if let prefix = token.prefix, prefix != "xml", !declaredPrefixes.contains(prefix),
                !reported.contains(prefix)
            {
                reported.insert(prefix)
                problems.append(
                    Problem(
                        message: "XPath prefix '\(VisibleText.excerpt(prefix))' is not declared in 'namespaces'",
                        offset: token.offset
                    )
                )
            }
        }
        if let offset = result.unterminatedLiteral {
            problems.append(Problem(message: "XPath expression has an unterminated string", offset: offset))
            return problems
        }
        if let open = stack.last {
            problems.append(Problem(message: "XPath expression has an unclosed '\(open.bracket)'", offset: open.offset))
        }
        return problems
    }

    /// The function is not one of XPath 1.0's core functions (libxml2 offers those and the rubric may use nothing
    /// else: no XSLT `document()`, no XPath 2 `unparsed-text()`, no EXSLT or other prefixed extension).
    private static func functionProblem(_ token: XPathToken, suggest: (String, [String]) -> String?) -> Problem? {
        if token.prefix == nil, XPathFunctions.core[token.text] != nil { return nil }
        if token.prefix == nil, let suggestion = suggest(token.text, XPathFunctions.names) {
            return Problem(
                message: "unknown XPath function '\(token.text)()'; did you mean '\(suggestion)()'?",
                offset: token.offset
            )
        }
        return Problem(
            message: "XPath function '\(token.text)()' is not available; rubric expressions may use only the "
                + "core functions of XPath 1.0",
            offset: token.offset
        )
    }

    private static func arityProblem(_ function: XPathToken, arguments: Int) -> Problem? {
        guard function.prefix == nil, let arity = XPathFunctions.core[function.text], !arity.contains(arguments) else {
            return nil
        }
        let expected: String
        if arity.upperBound == Int.max {
            expected = "at least \(arity.lowerBound) arguments"
        } else if arity.count == 1 {
            expected = arity.lowerBound == 1 ? "1 argument" : "\(arity.lowerBound) arguments"
        } else {
            expected = "\(arity.lowerBound) to \(arity.upperBound) arguments"
        }
        return Problem(
            message: "XPath function '\(function.text)()' takes \(expected), found \(arguments)",
            offset: function.offset
        )
    }

    /// A core function that needs a node-set (`count`, `sum`, and the optional argument of `name`, `local-name`,
    /// `namespace-uri`) given a literal, a number or a call that returns no node-set. libxml2 raises the type
    /// error only when it evaluates the call, which the dry run in an empty bid never does inside a predicate:
    /// without this check every bidder would silently score 0 on the criterion.
    private static func argumentTypeProblem(
        _ function: XPathToken,
        argument: ArraySlice<XPathToken>,
        lastCall: (function: Int, close: Int)?
    ) -> Problem? {
        guard function.prefix == nil, XPathFunctions.nodeSetArgument.contains(function.text),
            let first = argument.first
        else { return nil }
        let found: String
        if argument.count == 1, first.kind == .literal {
            found = "a string"
        } else if argument.count == 1, first.kind == .number {
            found = "a number"
        } else if argument.count == 2, first.kind == .operator, first.text == "-", argument.last?.kind == .number {
            found = "a number"
        } else if first.kind == .functionName, first.prefix == nil, let lastCall,
            lastCall.function == argument.startIndex, lastCall.close == argument.endIndex - 1,
            let type = XPathFunctions.resultType[first.text]
        {
            found = "'\(first.text)()', which returns \(type)"
        } else {
            return nil
        }
        return Problem(
            message: "XPath function '\(function.text)()' needs a node-set argument, found \(found)",
            offset: first.offset
        )
    }

    static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        XPathTokenizer.isNameStart(scalar)
    }

    static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        XPathTokenizer.isNameCharacter(scalar)
    }
}

/// XPath 1.0's core function library (§4) with the number of arguments each takes.
enum XPathFunctions {
    static let core: [String: ClosedRange<Int>] = [
        // Node-set functions.
        "last": 0...0, "position": 0...0, "count": 1...1, "id": 1...1, "local-name": 0...1, "namespace-uri": 0...1,
        "name": 0...1,
        // String functions.
        "string": 0...1, "concat": 2...Int.max, "starts-with": 2...2, "contains": 2...2, "substring-before": 2...2,
        "substring-after": 2...2, "substring": 2...3, "string-length": 0...1, "normalize-space": 0...1,
        "translate": 3...3,
        // Boolean functions.
        "boolean": 1...1, "not": 1...1, "true": 0...0, "false": 0...0, "lang": 1...1,
        // Number functions.
        "number": 0...1, "sum": 1...1, "floor": 1...1, "ceiling": 1...1, "round": 1...1,
    ]

    /// The functions whose argument must be a node-set (XPath 1.0 §4.1, §4.4).
    static let nodeSetArgument: Set<String> = ["count", "sum", "local-name", "namespace-uri", "name"]

    /// What each core function returns, for the ones that never return a node-set (`id` does).
    static let resultType: [String: String] = {
        var types: [String: String] = [:]
        for name in ["last", "position", "count", "string-length", "number", "sum", "floor", "ceiling", "round"] {
            types[name] = "a number"
        }
        for name in [
            "local-name", "namespace-uri", "name", "string", "concat", "substring-before", "substring-after",
            "substring", "normalize-space", "translate",
        ] {
            types[name] = "a string"
        }
        for name in ["starts-with", "contains", "boolean", "not", "true", "false", "lang"] {
            types[name] = "a boolean"
        }
        return types
    }()

    /// The names in a fixed order, so a suggestion never depends on dictionary order.
    static let names: [String] = core.keys.sorted()
}
