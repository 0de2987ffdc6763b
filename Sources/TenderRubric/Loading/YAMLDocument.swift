import TenderCore
import TenderModel
import Yams

/// Parses YAML text into a Yams node tree, turning every Yams error into a located diagnostic.
enum YAMLDocument {
    static func compose(_ text: String, file: String) throws(DiagnosticError) -> Node? {
        do {
            let parser = try Parser(yaml: text)
            return try parser.singleRoot()
        } catch let error as YamlError {
            throw DiagnosticError(diagnostic(for: error, text: text, file: file))
        } catch {
            throw DiagnosticError(.error("cannot read YAML: \(error)", at: SourceLocation(file: file)))
        }
    }

    static func location(_ mark: Mark?, file: String) -> SourceLocation {
        guard let mark else { return SourceLocation(file: file) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    static func diagnostic(for error: YamlError, text: String, file: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = "malformed YAML: \(problem)"
            if let context {
                message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
            }
            return .error(message, at: location(mark, file: file))
        case .reader(let problem, let offset, _, _):
            var at = SourceLocation(file: file)
            if let offset {
                let (line, column) = position(ofCharacter: offset, in: text)
                at = SourceLocation(file: file, line: line, column: column)
            }
            return .error("malformed YAML: \(problem)", at: at)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return duplicateKey(duplicates.first ?? "", firstMark: context.mark, text: text, file: file)
        case .memory:
            return .error("not enough memory to read the YAML", at: SourceLocation(file: file))
        default:
            return .error("malformed YAML: \(error)", at: SourceLocation(file: file))
        }
    }

    /// 1-based line and column of the character at `offset`.
    static func position(ofCharacter offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return (line, column)
    }

    /// Yams reports where a duplicated key first appears; the user needs to see the second one too. For block
    /// mappings the repeat is the next line at the same indentation that starts with the same key.
    private static func duplicateKey(_ key: String, firstMark: Mark, text: String, file: String) -> Diagnostic {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let firstLine = firstMark.line - 1
        let column = firstMark.column
        if firstLine >= 0 && firstLine < lines.count {
            for lineIndex in (firstLine + 1)..<lines.count {
                let scalars = Array(lines[lineIndex].unicodeScalars)
                let indent = scalars.prefix { $0 == " " }.count
                let content = String(String.UnicodeScalarView(scalars.dropFirst(indent)))
                if content.isEmpty || content.hasPrefix("#") { continue }
                if indent + 1 < column { break }
                guard indent + 1 == column else { continue }
                if startsWithKey(content, key) {
                    return .error(
                        "key '\(VisibleText.excerpt(key))' appears twice in the same mapping (first at line \(firstMark.line))",
                        at: SourceLocation(file: file, line: lineIndex + 1, column: column)
                    )
                }
            }
        }
        return .error(
            "key '\(VisibleText.excerpt(key))' appears more than once in this mapping",
            at: location(firstMark, file: file)
        )
    }

    private static func startsWithKey(_ content: String, _ key: String) -> Bool {
        for candidate in [key, "\"\(key)\"", "'\(key)'"] where content.hasPrefix(candidate) {
            let rest = content.dropFirst(candidate.count).drop { $0 == " " }
            if rest.first == ":" { return true }
        }
        return false
    }
}
