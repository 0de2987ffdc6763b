import TenderCore
import TenderModel

#if canImport(Glibc)
import Glibc
#endif

/// A path kept as the bytes the file system uses, with the text reports show for it. File names on Linux are
/// bytes, not text: a GBK name read through `String` would be mangled or dropped, so every file is opened by
/// its bytes and only shown through `VisibleText`.
public struct InputPath: Hashable, Sendable {
    public var bytes: [UInt8]
    /// The path as diagnostics and reports show it.
    public var display: String

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        self.display = VisibleText.fileName(bytes)
    }

    /// A path given as text (on the command line): shown exactly as given, escaped only where it must be.
    public init(_ path: String) {
        self.bytes = Array(path.utf8)
        self.display = VisibleText.escaped(path)
    }

    /// The path of `name` inside this folder.
    func appending(_ name: [UInt8]) -> InputPath {
        var joined = bytes
        if joined.last != UInt8(ascii: "/") { joined.append(UInt8(ascii: "/")) }
        return InputPath(bytes: joined + name)
    }

    /// Calls `body` with the path as a C string.
    func withCString<Result>(_ body: (UnsafePointer<CChar>) -> Result) -> Result {
        (bytes.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}

/// What `lstat` and `stat` say about a path, reduced to what the intake decides on.
struct FileStatus {
    enum Kind: Equatable {
        case regular
        case special(FileKind)
        case symbolicLink
    }

    var kind: Kind
    var device: UInt64
    var inode: UInt64
    var size: Int

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int(info.st_size)
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFLNK: kind = .symbolicLink
        case S_IFDIR: kind = .special(.folder)
        case S_IFIFO: kind = .special(.fifo)
        case S_IFSOCK: kind = .special(.socket)
        case S_IFCHR: kind = .special(.characterDevice)
        case S_IFBLK: kind = .special(.blockDevice)
        default: kind = .special(.other)
        }
    }

    /// The entry itself, without following a symbolic link; `errno` is left set on failure.
    static func entry(_ path: InputPath) -> FileStatus? {
        var info = stat()
        return path.withCString { lstat($0, &info) } == 0 ? FileStatus(info) : nil
    }

    /// What the path leads to, following symbolic links; `errno` is left set on failure.
    static func target(_ path: InputPath) -> FileStatus? {
        var info = stat()
        return path.withCString { stat($0, &info) } == 0 ? FileStatus(info) : nil
    }

    /// The regular file the entry `entry` of `path` is or leads to (a symbolic link is followed only to a
    /// regular file), or why it is not one.
    static func regularTarget(of path: InputPath, entry: FileStatus) -> Result<FileStatus, IgnoredReason> {
        switch entry.kind {
        case .regular:
            return .success(entry)
        case .special(let kind):
            return .failure(.notARegularFile(kind))
        case .symbolicLink:
            guard let target = FileStatus.target(path) else {
                switch errno {
                case ELOOP: return .failure(.symbolicLinkLoop)
                case ENOENT: return .failure(.danglingSymbolicLink)
                case let code: return .failure(.cannotExamine(systemError(code)))
                }
            }
            switch target.kind {
            case .regular: return .success(target)
            case .special(let kind): return .failure(.symbolicLinkTo(kind))
            case .symbolicLink: return .failure(.symbolicLinkLoop)
            }
        }
    }

    /// The open file itself.
    static func descriptor(_ descriptor: Int32) -> FileStatus? {
        var info = stat()
        return fstat(descriptor, &info) == 0 ? FileStatus(info) : nil
    }
}

/// The system's text for `code`.
func systemError(_ code: Int32) -> String {
    String(cString: strerror(code))
}

/// Every entry name of a folder, as bytes, without `.` and `..`; `errno`'s text when the folder cannot be read.
func folderEntryNames(_ folder: InputPath) -> Result<[[UInt8]], DiagnosticError> {
    guard let directory = folder.withCString({ opendir($0) }) else {
        let reason = systemError(errno)
        return .failure(
            DiagnosticError(.error("cannot read folder: \(reason)", at: SourceLocation(file: folder.display)))
        )
    }
    defer { closedir(directory) }
    var names: [[UInt8]] = []
    while true {
        errno = 0
        guard let entry = readdir(directory) else {
            if errno != 0 {
                let reason = systemError(errno)
                return .failure(
                    DiagnosticError(.error("cannot read folder: \(reason)", at: SourceLocation(file: folder.display)))
                )
            }
            return .success(names)
        }
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
            Array(raw.prefix { $0 != 0 })
        }
        if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
        names.append(name)
    }
}
