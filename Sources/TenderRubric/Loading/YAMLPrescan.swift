import TenderCore
import TenderModel

/// Limits the rubric loader enforces before the YAML parser sees the text.
public enum RubricLimits {
    /// Largest rubric file accepted, in bytes (a real rubric is a few kilobytes).
    public static let maximumFileSize = 4 * 1024 * 1024
    /// Deepest nesting of mappings and lists accepted.
    public static let maximumDepth = 64
}

/// A quick lexical pass over the YAML text, run before Yams, that refuses what could make the parser or the
/// tree walk blow up: anchors and aliases (an "alias bomb" grows exponentially when walked) and nesting deeper
/// than `RubricLimits.maximumDepth` (the composer recurses once per level).
///
/// It follows YAML's token rules closely enough for rubrics: quoted scalars (also across lines), comments,
/// block scalars (`|`, `>`) and multi-line plain scalars are skipped, so `*` and `&` inside text are fine.
struct YAMLPrescan {
    let file: String
    /// What the file is, for the messages: a rubric, a committee file, a decisions file.
    var kind = "rubric"

    func check(_ text: String) -> Diagnostic? {
        var scanner = Scanner(lines: text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false))
        scanner.kind = kind
        return scanner.run(file: file)
    }
}

private struct Scanner {
    enum Quote {
        case none
        case single
        case double
    }

    let lines: [Substring.UnicodeScalarView]
    var kind = "rubric"
    var quote = Quote.none
    var flowDepth = 0
    /// Indentation levels of the enclosing block collections.
    var indentStack: [Int] = []
    /// Set while inside a block scalar: lines indented more than this belong to it.
    var blockScalarOwnerIndent: Int?
    /// Set after a line that ended inside a plain scalar: more indented lines continue it.
    var plainOwnerIndent: Int?
    var expectNode = true

    init(lines: [Substring.UnicodeScalarView]) {
        self.lines = lines
    }

    mutating func run(file: String) -> Diagnostic? {
        for (lineIndex, rawLine) in lines.enumerated() {
            var line = Array(rawLine)
            if line.last == "\r" { line.removeLast() }
            if let problem = scan(line: line, lineNumber: lineIndex + 1) {
                return .error(
                    problem.message,
                    at: SourceLocation(file: file, line: lineIndex + 1, column: problem.column)
                )
            }
        }
        return nil
    }

    private static func isBlank(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return true }
        return scalar == " " || scalar == "\t"
    }

    private static func isFlowIndicator(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return scalar == "," || scalar == "[" || scalar == "]" || scalar == "{" || scalar == "}"
    }

    private mutating func scan(line: [Unicode.Scalar], lineNumber: Int) -> (message: String, column: Int)? {
        let indent = line.prefix { $0 == " " }.count
        let isBlankLine = line.allSatisfy { Scanner.isBlank($0) }
        let isCommentLine = !isBlankLine && line[line.firstIndex { !Scanner.isBlank($0) }!] == "#"

        if let owner = blockScalarOwnerIndent {
            if isBlankLine || indent > owner { return nil }
            blockScalarOwnerIndent = nil
        }
        if quote == .none && flowDepth == 0, let owner = plainOwnerIndent {
            if isBlankLine || isCommentLine { return nil }
            if indent > owner { return nil }
            plainOwnerIndent = nil
        }
        if isBlankLine { return nil }

        var index = 0
        var dashes = 0
        if quote == .none && flowDepth == 0 {
            if isCommentLine { return nil }
            while let last = indentStack.last, last >= indent { indentStack.removeLast() }
            indentStack.append(indent)
            expectNode = true
            index = indent
        }
        // Column (0-based) of the node that owns what follows: a key, a `-` entry or the line's first node.
        var ownerColumn = indent
        var plainStartOwner: Int?
        var keyStart = indent

        func depthProblem(at column: Int) -> (String, Int)? {
            let depth = indentStack.count + dashes + flowDepth
            guard depth > RubricLimits.maximumDepth else { return nil }
            return ("\(kind) is nested more than \(RubricLimits.maximumDepth) levels deep", column + 1)
        }

        while index < line.count {
            let scalar = line[index]
            let next: Unicode.Scalar? = index + 1 < line.count ? line[index + 1] : nil
            switch quote {
            case .double:
                if scalar == "\\" {
                    index += 2
                    continue
                }
                if scalar == "\"" { quote = .none }
                index += 1
                continue
            case .single:
                if scalar == "'" {
                    if next == "'" {
                        index += 2
                        continue
                    }
                    quote = .none
                }
                index += 1
                continue
            case .none:
                break
            }
            if Scanner.isBlank(scalar) {
                index += 1
                continue
            }
            if scalar == "#" && (index == 0 || Scanner.isBlank(line[index - 1])) { break }

            if expectNode {
                switch scalar {
                case "&", "*":
                    return ("anchors and aliases are not allowed in a \(kind)", index + 1)
                case "!":
                    while index < line.count && !Scanner.isBlank(line[index]) { index += 1 }
                    continue
                case "-" where flowDepth == 0 && Scanner.isBlank(next),
                    "?" where Scanner.isBlank(next):
                    if scalar == "-" {
                        dashes += 1
                        ownerColumn = index
                        if let problem = depthProblem(at: index) { return problem }
                    }
                    index += 1
                    continue
                case "[", "{":
                    flowDepth += 1
                    if let problem = depthProblem(at: index) { return problem }
                    index += 1
                    continue
                case "]", "}":
                    flowDepth = max(0, flowDepth - 1)
                    expectNode = false
                    index += 1
                    continue
                case "," where flowDepth > 0:
                    index += 1
                    continue
                case "\"":
                    quote = .double
                    expectNode = false
                    keyStart = index
                    plainStartOwner = nil
                    index += 1
                    continue
                case "'":
                    quote = .single
                    expectNode = false
                    keyStart = index
                    plainStartOwner = nil
                    index += 1
                    continue
                case "|" where flowDepth == 0, ">" where flowDepth == 0:
                    blockScalarOwnerIndent = ownerColumn
                    return nil
                default:
                    expectNode = false
                    keyStart = index
                    plainStartOwner = flowDepth == 0 ? ownerColumn : nil
                    index += 1
                    continue
                }
            }
            // Inside or after a scalar: look for the indicators that end it.
            if scalar == ":" && (Scanner.isBlank(next) || (flowDepth > 0 && Scanner.isFlowIndicator(next))) {
                expectNode = true
                plainStartOwner = nil
                if flowDepth == 0 {
                    ownerColumn = keyStart
                    if let problem = depthProblem(at: index) { return problem }
                }
            } else if flowDepth > 0 && scalar == "," {
                expectNode = true
            } else if flowDepth > 0 && (scalar == "]" || scalar == "}") {
                flowDepth -= 1
            } else if flowDepth > 0 && (scalar == "[" || scalar == "{") {
                flowDepth += 1
                if let problem = depthProblem(at: index) { return problem }
            }
            index += 1
        }
        if quote == .none && flowDepth == 0, let owner = plainStartOwner {
            plainOwnerIndent = owner
        }
        return nil
    }
}
