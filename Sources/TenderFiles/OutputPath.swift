import TenderCore
import TenderModel

#if canImport(Glibc)
import Glibc
#endif

/// Where `--out` really points: an absolute path without `.`, `..` or symbolic links, so that the staging folder
/// is always created beside the output folder (never inside it, as `--out .` once did) and the atomic swap
/// names two sibling folders.
struct OutputPath {
    /// The canonical path of the output folder (which may not exist yet).
    var path: String
    var parent: String
    var name: String
    var exists: Bool

    static func resolve(_ given: String) throws(DiagnosticError) -> OutputPath {
        let location = SourceLocation(file: VisibleText.escaped(given))
        guard !given.isEmpty else { throw DiagnosticError(.error("the output folder has no name", at: location)) }
        if let real = realPath(given) {
            var info = stat()
            guard stat(real, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
                throw DiagnosticError(.error("output path exists and is not a folder", at: location))
            }
            guard real != "/" else {
                throw DiagnosticError(.error("the root folder cannot be the output folder", at: location))
            }
            return OutputPath(path: real, parent: parentPath(of: real), name: lastComponent(of: real), exists: true)
        }
        let resolveError = errno
        var info = stat()
        if lstat(given, &info) == 0 {
            // A dangling symbolic link is not a folder to create: its target is somewhere else.
            let reason =
                info.st_mode & S_IFMT == S_IFLNK
                ? "output path is a symbolic link to nothing"
                : "cannot resolve the output folder: \(systemError(resolveError))"
            throw DiagnosticError(.error(reason, at: location))
        }
        var trimmed = given
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        let name = lastComponent(of: trimmed)
        if name == "." || name == ".." {
            // `missing/.`: the folder to create is `missing` itself.
            guard mkdirParents(trimmed), realPath(trimmed) != nil else {
                throw DiagnosticError(.error("cannot create the output folder: \(systemError(errno))", at: location))
            }
            return try resolve(given)
        }
        let parentGiven = trimmed.contains("/") ? parentPath(of: trimmed) : "."
        guard mkdirParents(parentGiven), let parent = realPath(parentGiven) else {
            throw DiagnosticError(
                .error("cannot create the folder that holds the output folder: \(systemError(errno))", at: location)
            )
        }
        let path = parent == "/" ? "/" + name : parent + "/" + name
        return OutputPath(path: path, parent: parent, name: name, exists: false)
    }

    /// Whether the process's working folder is this folder or inside it (it will be swapped away underneath).
    var containsWorkingFolder: Bool {
        guard let working = OutputPath.realPath(".") else { return false }
        return working == path || working.hasPrefix(path + "/")
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func parentPath(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func lastComponent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// `mkdir -p`: true when the folder exists afterwards.
    private static func mkdirParents(_ path: String) -> Bool {
        var info = stat()
        if stat(path, &info) == 0 { return info.st_mode & S_IFMT == S_IFDIR }
        let parent = parentPath(of: path)
        if parent != path && parent != "." && parent != "/" {
            guard mkdirParents(parent) else { return false }
        }
        return mkdir(path, 0o755) == 0 || errno == EEXIST
    }
}
