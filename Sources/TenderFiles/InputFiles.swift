public import TenderCore
import TenderModel

#if canImport(Glibc)
import Glibc
#endif

/// Finds and reads the files a run evaluates, refusing oversized ones before reading them.
public enum InputFiles {
    /// The size of the file `path` names (following a symbolic link), or nil when it cannot be told; for
    /// planning which files to hold in memory together before any is read. `read` still enforces every limit.
    public static func size(of path: InputPath) -> Int? {
        FileStatus.target(path)?.size
    }

    /// What a file is read as: each kind has its own size limit, and the message for an oversized file says
    /// which limit it is and whether the user can change it.
    public enum Kind: Sendable {
        /// A bid; the limit is `--max-file-size`.
        case bid
        /// A rubric; the limit is fixed (a real rubric is a few kilobytes).
        case rubric
        /// A committee score sheet; the limit is fixed.
        case scoreSheet
        /// A file this tool wrote earlier (a report, a manifest).
        case earlierOutput
        /// A list of bid paths (`--bids-from`); the limit is fixed.
        case pathList
        /// A committee file; the limit is fixed.
        case committee
        /// A decisions file; the limit is fixed.
        case decisions
        /// A contract's evaluation plan; the limit is fixed.
        case evaluationPlan
        /// One month's survey, team, department or patrol sheet; the limit is fixed.
        case performanceSheet
        /// A patrol finding's photo, read only to hash it; the limit is fixed.
        case photo

        func tooLarge(_ size: Int, limit: Int) -> String {
            let base = "file is \(size) bytes, larger than the limit of \(limit) bytes"
            switch self {
            case .bid:
                return base + "; it was not read (raise the limit with --max-file-size if this is a genuine bid)"
            case .rubric:
                return base + " for a rubric (\(limit / 1_048_576) MiB, fixed); it was not read: a rubric is a few "
                    + "kilobytes of YAML, so this is probably not the rubric file"
            case .scoreSheet:
                return base + " for a score sheet (\(limit / 1_048_576) MiB, fixed); it was not read: split the "
                    + "committee's scores over several sheets"
            case .earlierOutput:
                return base + " for a report of this tool; it was not read"
            case .committee:
                return base + " for a committee file (\(limit / 1_048_576) MiB, fixed); it was not read: a committee "
                    + "file is a few lines of YAML, so this is probably not the committee file"
            case .decisions:
                return base + " for a decisions file (\(limit / 1_048_576) MiB, fixed); it was not read: a decisions "
                    + "file is a few pages of YAML, so this is probably not the decisions file"
            case .evaluationPlan:
                return base + " for an evaluation plan (\(limit / 1_048_576) MiB, fixed); it was not read: a plan "
                    + "is a page of YAML, so this is probably not the plan file"
            case .performanceSheet:
                return base + " for a monthly evaluation sheet (\(limit / 1_048_576) MiB, fixed); it was not read"
            case .photo:
                return base + " for a patrol photo (\(limit / 1_048_576) MiB, fixed); it was not read: reduce the "
                    + "photo before recording it"
            case .pathList:
                return base + " for a list of bid paths (\(limit / 1_048_576) MiB, fixed); it was not read: "
                    + "split the list into several files"
            }
        }
    }

    /// The file's bytes, or a diagnostic: missing, unreadable, or larger than `limit` (checked before reading).
    public static func read(_ path: String, limit: Int, as kind: Kind) -> Result<[UInt8], DiagnosticError> {
        read(InputPath(path), limit: limit, as: kind)
    }

    /// The file's bytes, or a diagnostic: missing, not a regular file (a FIFO, a socket, a device, a folder, or
    /// a symbolic link to one), unreadable, or larger than `limit`. Nothing is opened before it is known to be
    /// a regular file, and the open cannot block: a FIFO swapped in after the check is caught on the open file.
    /// Messages never quote the file's content.
    public static func read(_ path: InputPath, limit: Int, as kind: Kind) -> Result<[UInt8], DiagnosticError> {
        let location = SourceLocation(file: path.display)
        func failure(_ message: String) -> Result<[UInt8], DiagnosticError> {
            .failure(DiagnosticError(.error(message, at: location)))
        }
        guard let entry = FileStatus.entry(path) else {
            return failure("cannot read file: \(systemError(errno))")
        }
        let status: FileStatus
        switch FileStatus.regularTarget(of: path, entry: entry) {
        case .success(let target): status = target
        case .failure(.cannotExamine(let reason)): return failure("cannot read file: \(reason)")
        case .failure(let reason): return failure(reason.message)
        }
        guard status.size <= limit else { return failure(kind.tooLarge(status.size, limit: limit)) }
        let descriptor = path.withCString { open($0, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY) }
        guard descriptor >= 0 else {
            return failure("cannot read file: \(systemError(errno))")
        }
        defer { close(descriptor) }
        guard let opened = FileStatus.descriptor(descriptor), opened.kind == .regular else {
            return failure("not a regular file when opened (it was replaced while being checked); it was not read")
        }
        guard opened.size <= limit else { return failure(kind.tooLarge(opened.size, limit: limit)) }
        // Read at most one byte past the limit, in case the file grew after it was measured.
        let capacity = limit < Int.max ? limit + 1 : limit
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(opened.size + 1, capacity))
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while bytes.count < capacity {
            let wanted = min(chunk.count, capacity - bytes.count)
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return failure("cannot read file: \(systemError(errno))")
            }
            if count == 0 { break }
            bytes += chunk[0..<count]
        }
        guard bytes.count <= limit else {
            return failure("file grew past the size limit while being read")
        }
        return .success(bytes)
    }
}
