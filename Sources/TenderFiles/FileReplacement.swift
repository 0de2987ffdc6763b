import Foundation
public import TenderCore

#if canImport(Glibc)
import Glibc
#endif

extension OutputFolder {
    /// Replaces the file at `path` with `bytes` atomically (a temporary file beside it, renamed over it), so an
    /// interrupted seal leaves the decisions file either as it was or complete. The file keeps its permissions
    /// (a record of confidential reasons must not become world-readable); a symbolic link or a file with other
    /// hard links is refused, since replacing it would split one record into two that differ.
    public static func replaceFile(atPath path: String, with bytes: [UInt8]) throws(DiagnosticError) {
        let location = SourceLocation(file: VisibleText.escaped(path))
        func failure(_ message: String) -> DiagnosticError {
            DiagnosticError(.error(message, at: location))
        }
        var status = stat()
        guard lstat(path, &status) == 0 else {
            throw failure("cannot write the file: \(String(cString: strerror(errno)))")
        }
        if (status.st_mode & S_IFMT) == S_IFLNK {
            throw failure("is a symbolic link; give the file it points to, so the record is rewritten in one place")
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw failure("is not a regular file") }
        if status.st_nlink > 1 {
            throw failure(
                "has \(status.st_nlink) hard links; rewriting it would leave the other names with the old record"
            )
        }
        let temporary = path + ".tender-eval-\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, status.st_mode & 0o7777)
        guard descriptor >= 0 else {
            throw failure("cannot write the file: \(String(cString: strerror(errno)))")
        }
        var written = 0
        var problem: String?
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    problem = String(cString: strerror(errno))
                    return
                }
                written += count
            }
        }
        // open() applies the umask: the mode is set again so the file keeps exactly its permissions.
        if problem == nil && fchmod(descriptor, status.st_mode & 0o7777) != 0 {
            problem = String(cString: strerror(errno))
        }
        if problem == nil && fsync(descriptor) != 0 { problem = String(cString: strerror(errno)) }
        close(descriptor)
        if problem == nil && rename(temporary, path) != 0 { problem = String(cString: strerror(errno)) }
        if let problem {
            unlink(temporary)
            throw failure("cannot write the file: \(problem)")
        }
    }
}
