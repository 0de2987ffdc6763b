import TenderFiles
import TenderReport

/// A report sink that writes into a staged file in 64 KiB pieces and hashes every byte on the way, so the
/// manifest's SHA-256 of a report is known as soon as its last byte is written and no file is read back.
final class HashingFileSink: ReportSink {
    static let chunkSize = 64 * 1024

    private let file: StagedFile
    private let hash = SHA256Stream()
    /// Renderers write many pieces of a few bytes each: a fixed buffer filled by `memcpy` keeps each write a
    /// bounds check and a copy, with none of an array's uniqueness and capacity checks.
    private let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
    private var count = 0

    init(_ file: StagedFile) {
        self.file = file
    }

    deinit {
        buffer.deallocate()
    }

    func write(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > Self.chunkSize {
            flush()
            // A piece larger than the buffer goes straight to the file.
            if bytes.count >= Self.chunkSize {
                hash.update(bytes)
                file.write(bytes)
                return
            }
        }
        (buffer.baseAddress! + count).copyMemory(from: source, byteCount: bytes.count)
        count += bytes.count
    }

    /// Writes what is buffered and returns the hex SHA-256 of everything written.
    func finish() -> String {
        flush()
        return hash.finish()
    }

    private func flush() {
        guard count > 0 else { return }
        // Hashed a chunk at a time: one libcrypto call per 64 KiB instead of one per piece of text.
        let filled = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
        hash.update(filled)
        file.write(filled)
        count = 0
    }
}
