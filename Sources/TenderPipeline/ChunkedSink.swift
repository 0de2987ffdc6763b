import TenderReport

/// A report sink that hands its bytes on in 64 KiB pieces (to standard output, say).
final class ChunkedSink: ReportSink {
    static let chunkSize = 64 * 1024

    private let output: (UnsafeRawBufferPointer) -> Void
    private var buffer: [UInt8] = []

    init(_ output: @escaping (UnsafeRawBufferPointer) -> Void) {
        self.output = output
        buffer.reserveCapacity(Self.chunkSize)
    }

    func write(_ bytes: UnsafeRawBufferPointer) {
        if buffer.count + bytes.count > Self.chunkSize { flush() }
        if bytes.count >= Self.chunkSize {
            output(bytes)
        } else {
            buffer.append(contentsOf: bytes.assumingMemoryBound(to: UInt8.self))
        }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { output($0) }
        buffer.removeAll(keepingCapacity: true)
    }
}
