import Foundation
internal import ZIPFoundation

/// Expands one checked zip entry with ZIPFoundation's inflater, bounded on both sides.
///
/// On Linux, `Data.decompress` keeps asking its provider for input until the deflate stream ends, and tells
/// zlib every chunk is full-sized. So the provider here hands out only the entry's own compressed bytes, each
/// chunk padded to the full size (padding that zlib may read but that never belongs to the entry), and throws
/// once they are used up: a truncated stream ends in an error, not an endless loop or a read past the buffer.
/// The consumer throws as soon as the output passes the declared size, which stops a zip bomb after at most
/// one chunk beyond what the header promised.
enum ZipInflation {
    private static let chunkSize = 16 * 1024

    private struct InputExhausted: Error {}
    private struct OutputBeyondDeclared: Error {}

    static func contents(of entry: ZipEntry, in archive: [UInt8]) throws(ZipProblem) -> [UInt8] {
        let compressed = archive[entry.dataOffset..<(entry.dataOffset + entry.compressedSize)]
        let output: [UInt8]
        let checksum: UInt32
        if entry.method == ZipEntry.stored {
            output = Array(compressed)
            checksum = Data(output).crc32(checksum: 0)
        } else {
            var expanded: [UInt8] = []
            expanded.reserveCapacity(entry.uncompressedSize)
            do {
                checksum = try Data.decompress(
                    size: Int64(entry.compressedSize),
                    bufferSize: chunkSize,
                    skipCRC32: false,
                    provider: { position, size in
                        let start = compressed.startIndex + Int(position)
                        guard position >= 0, start < compressed.endIndex else { throw InputExhausted() }
                        var chunk = Data(compressed[start..<min(start + size, compressed.endIndex)])
                        if chunk.count < size { chunk.append(Data(repeating: 0xFF, count: size - chunk.count)) }
                        return chunk
                    },
                    consumer: { data in
                        guard expanded.count + data.count <= entry.uncompressedSize else {
                            throw OutputBeyondDeclared()
                        }
                        expanded.append(contentsOf: data)
                    }
                )
            } catch is OutputBeyondDeclared {
                throw .expandsBeyondDeclared(entry: entry.name, declared: entry.uncompressedSize)
            } catch {
                throw .corruptData(entry: entry.name)
            }
            output = expanded
        }
        guard output.count == entry.uncompressedSize, checksum == entry.crc32 else {
            throw .checksum(entry: entry.name)
        }
        return output
    }
}
