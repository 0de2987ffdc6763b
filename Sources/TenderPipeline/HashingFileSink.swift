import TenderFiles
import TenderReport

/// A report sink that writes into a staged file in 64 KiB pieces and hashes every byte on the way, so the
/// manifest's SHA-256 of a report is known as soon as its last byte is written and no file is read back.
final class HashingFileSink: ReportSink {
    static let chunkSize = 64 * 1024

    private let file: StagedFile
    private let hash = SHA256Stream()
    private var buffer: [UInt8] = []

    init(_ file: StagedFile) {
        self.file = file
        buffer.reserveCapacity(Self.chunkSize)
    }

    func write(_ bytes: UnsafeRawBufferPointer) {
        if buffer.count + bytes.count > Self.chunkSize {
            flush()
            // A piece larger than the buffer goes straight to the file.
            if bytes.count >= Self.chunkSize {
                hash.update(bytes)
                file.write(bytes)
                return
            }
        }
        // Typed, so the copy is one memcpy rather than a byte-by-byte walk of a raw buffer.
        buffer.append(contentsOf: bytes.assumingMemoryBound(to: UInt8.self))
    }

    /// Writes what is buffered and returns the hex SHA-256 of everything written.
    func finish() -> String {
        flush()
        return hash.finish()
    }

    private func flush() {
        guard !buffer.isEmpty else { return }
        // Hashed a chunk at a time: one libcrypto call per 64 KiB instead of one per piece of text.
        buffer.withUnsafeBytes { bytes in
            hash.update(bytes)
            file.write(bytes)
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
