import TenderCore

#if canImport(Glibc)
import Glibc
#endif

/// Reads a plan file from disk for `PlanLoader.load(path:)`: regular files only (a FIFO or a device would block
/// or never end), at most `limit` bytes, and nothing opened before it is known to be a regular file.
enum PlanFileReader {
    static func read(_ path: String, limit: Int) throws(DiagnosticError) -> [UInt8] {
        let location = SourceLocation(file: path)
        func failure(_ message: String) -> DiagnosticError {
            DiagnosticError(.error(message, at: location))
        }
        var status = stat()
        guard stat(path, &status) == 0 else { throw failure("cannot read file: \(describe(errno))") }
        guard isRegular(status) else {
            throw failure("not a regular file (a folder, a FIFO, a socket or a device); it was not read")
        }
        guard Int(status.st_size) <= limit else { throw failure(tooLarge(Int(status.st_size), limit: limit)) }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { throw failure("cannot read file: \(describe(errno))") }
        defer { close(descriptor) }
        // The path may have been swapped for a FIFO between the check and the open: check the open file.
        var opened = stat()
        guard fstat(descriptor, &opened) == 0, isRegular(opened) else {
            throw failure("not a regular file when opened (it was replaced while being checked); it was not read")
        }
        // One byte past the limit tells a file that grew after it was measured.
        let capacity = limit + 1
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(Int(opened.st_size) + 1, capacity))
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while bytes.count < capacity {
            let wanted = min(chunk.count, capacity - bytes.count)
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw failure("cannot read file: \(describe(errno))")
            }
            if count == 0 { break }
            bytes += chunk[0..<count]
        }
        guard bytes.count <= limit else { throw failure(tooLarge(bytes.count, limit: limit)) }
        return bytes
    }

    static func tooLarge(_ size: Int, limit: Int) -> String {
        "file is \(size) bytes, larger than the limit of \(limit) bytes for an evaluation plan "
            + "(\(limit / 1_048_576) MiB, fixed); it was not read: a plan is a few kilobytes of YAML, so this is "
            + "probably not the plan file"
    }

    private static func isRegular(_ status: stat) -> Bool {
        status.st_mode & S_IFMT == S_IFREG
    }

    private static func describe(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
