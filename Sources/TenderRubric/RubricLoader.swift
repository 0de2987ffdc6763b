public import TenderCore
public import TenderModel
import Yams

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A loaded rubric and the non-fatal findings about it (policy lint).
public struct LoadedRubric: Hashable, Sendable {
    public var rubric: Rubric
    public var warnings: [Diagnostic]

    public init(rubric: Rubric, warnings: [Diagnostic]) {
        self.rubric = rubric
        self.warnings = warnings
    }
}

/// Reads a rubric YAML file and validates it, collecting every problem before throwing.
public enum RubricLoader {
    /// Loads and validates a rubric from the bytes of a YAML file; `file` names it in diagnostics.
    ///
    /// Throws one `DiagnosticError` holding every error found (warnings found at the same time are included);
    /// on success, warnings (policy lint, rounding remarks) are in `LoadedRubric.warnings`.
    public static func load(bytes: [UInt8], file: String) throws(DiagnosticError) -> LoadedRubric {
        guard bytes.count <= RubricLimits.maximumFileSize else {
            throw DiagnosticError(
                .error(
                    "file is larger than \(RubricLimits.maximumFileSize / 1_048_576) MiB, too large for a rubric",
                    at: SourceLocation(file: file)
                )
            )
        }
        let text = try TextDecoding.decodeUTF8(bytes, file: file)
        if let problem = YAMLPrescan(file: file).check(text) {
            throw DiagnosticError(problem)
        }
        guard let root = try YAMLDocument.compose(text, file: file) else {
            throw DiagnosticError(
                .error("rubric is empty; it needs at least 'tender' and 'groups'", at: SourceLocation(file: file))
            )
        }
        let reader = NodeReader(file: file)
        let rubric = RubricBuilder(reader: reader).build(root: root)
        // In file order, so the list reads top to bottom (the sort is stable for equal positions).
        let found = reader.diagnostics.diagnostics.enumerated().sorted { lhs, rhs in
            let left = lhs.element.location ?? SourceLocation(file: file)
            let right = rhs.element.location ?? SourceLocation(file: file)
            return left == right ? lhs.offset < rhs.offset : left < right
        }.map(\.element)
        if found.contains(where: { $0.severity == .error }) { throw DiagnosticError(found) }
        guard let rubric else {
            // Unreachable in practice: the builder reports an error whenever it gives up.
            throw DiagnosticError(.error("rubric could not be read", at: SourceLocation(file: file)))
        }
        return LoadedRubric(rubric: rubric, warnings: found + RubricLint.warnings(for: rubric))
    }

    /// Reads the file at `path` and loads it; a file that cannot be read gives `path: error: cannot read file`.
    public static func load(path: String) throws(DiagnosticError) -> LoadedRubric {
        guard let bytes = readFile(path) else {
            throw DiagnosticError(.error("cannot read file", at: SourceLocation(file: path)))
        }
        return try load(bytes: bytes, file: path)
    }

    /// The bytes of a regular file, at most one byte past the size limit (so an oversize file is still refused
    /// by `load(bytes:file:)` without reading all of it), or nil when it cannot be read.
    private static func readFile(_ path: String) -> [UInt8]? {
        guard let handle = fopen(path, "rb") else { return nil }
        defer { fclose(handle) }
        var status = stat()
        guard fstat(fileno(handle), &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        let limit = RubricLimits.maximumFileSize + 1
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while bytes.count < limit {
            let count = chunk.withUnsafeMutableBytes { buffer in
                fread(buffer.baseAddress, 1, min(buffer.count, limit - bytes.count), handle)
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk.prefix(count))
        }
        guard ferror(handle) == 0 else { return nil }
        return bytes
    }
}
