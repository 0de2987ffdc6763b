public import TenderCore

#if canImport(Glibc)
import Glibc
#endif

/// A list of paths in a file, one per line (`--bids-from`): how ten thousand bids are named without ten thousand
/// command-line arguments.
public enum PathList {
    /// The largest list read: far above 10,000 paths of 1 KiB each.
    public static let maximumBytes = 16 * 1024 * 1024

    /// The paths listed in `file`, in order: UTF-8, one path per line (LF or CRLF), empty lines and lines starting
    /// with `#` skipped, nothing else trimmed (a path may begin or end with a space). A relative path is taken
    /// from the working folder, as on the command line.
    ///
    /// - Throws: every problem at once, each at the list's line: a line that is not UTF-8, or names nothing that
    ///   exists.
    public static func read(_ file: String) throws(DiagnosticError) -> [String] {
        let bytes = try InputFiles.read(file, limit: maximumBytes, as: .pathList).get()
        let shownFile = VisibleText.escaped(file)
        var paths: [String] = []
        var problems = DiagnosticCollector()
        for (index, rawLine) in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .enumerated()
        {
            var line = Array(rawLine)
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            guard !line.isEmpty, line.first != UInt8(ascii: "#") else { continue }
            let location = SourceLocation(file: shownFile, line: index + 1, column: 1)
            guard VisibleText.isValidUTF8(line), !line.contains(0) else {
                problems.error("path is not valid UTF-8 text: \(VisibleText.fileName(line))", at: location)
                continue
            }
            let path = String(decoding: line, as: UTF8.self)
            var status = stat()
            guard lstat(path, &status) == 0 else {
                problems.error("no such file or folder: '\(VisibleText.excerpt(path, limit: 200))'", at: location)
                continue
            }
            paths.append(path)
        }
        try problems.throwIfErrors()
        if paths.isEmpty {
            throw DiagnosticError(.error("the list names no bid file or folder", at: SourceLocation(file: shownFile)))
        }
        return paths
    }
}
