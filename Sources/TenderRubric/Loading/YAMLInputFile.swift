import TenderCore
import Yams

/// A small YAML file that sits beside the rubric (the committee, the decisions log), read the rubric's safe way:
/// a size limit, strict UTF-8, the prescan that refuses alias bombs and tags, and composition with located errors.
enum YAMLInputFile {
    /// Reads and composes the file.
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - file: its path, for the diagnostics.
    ///   - maximumSize: the largest file accepted, in bytes.
    ///   - kind: what the file is, for the messages ("committee file").
    ///   - needs: what an empty file lacks ("a 'members' list").
    /// - Returns: the document's root node.
    /// - Throws: `DiagnosticError` for a file too large, not UTF-8, refused by the prescan, not YAML, or empty.
    static func root(
        bytes: [UInt8],
        file: String,
        maximumSize: Int,
        kind: String,
        needs: String
    ) throws(DiagnosticError) -> Node {
        guard bytes.count <= maximumSize else {
            throw DiagnosticError(
                .error(
                    "file is larger than \(maximumSize / 1_048_576) MiB, too large for a \(kind)",
                    at: SourceLocation(file: file)
                )
            )
        }
        let text = try TextDecoding.decodeUTF8(bytes, file: file)
        if let problem = YAMLPrescan(file: file, kind: kind).check(text) { throw DiagnosticError(problem) }
        guard let root = try YAMLDocument.compose(text, file: file) else {
            throw DiagnosticError(.error("\(kind) is empty; it needs \(needs)", at: SourceLocation(file: file)))
        }
        return root
    }
}
