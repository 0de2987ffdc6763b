/// Builds zip archives byte by byte, so that tests can make the hostile ones no zip tool would write: lying
/// sizes, traversal names, encrypted flags, entries outside the file.
struct ZipBuilder {
    struct Entry {
        var name: String
        var data: [UInt8]
        /// 0 stored, 8 deflated (`data` is then already deflated).
        var method: UInt16 = 0
        var uncompressedSize: Int? = nil
        var crc32: UInt32? = nil
        var flags: UInt16 = 0
    }

    var entries: [Entry] = []

    mutating func add(_ name: String, _ text: String) {
        entries.append(Entry(name: name, data: Array(text.utf8)))
    }

    func bytes() -> [UInt8] {
        var output: [UInt8] = []
        var directory: [UInt8] = []
        for entry in entries {
            let offset = output.count
            let name = Array(entry.name.utf8)
            let size = entry.uncompressedSize ?? entry.data.count
            let crc = entry.crc32 ?? CRC32.checksum(entry.data)
            output += le32(0x0403_4B50) + le16(20) + le16(entry.flags) + le16(entry.method) + le16(0) + le16(0x21)
            output += le32(crc) + le32(UInt32(entry.data.count)) + le32(UInt32(size))
            output += le16(UInt16(name.count)) + le16(0) + name + entry.data
            directory += le32(0x0201_4B50) + le16(20) + le16(20) + le16(entry.flags) + le16(entry.method)
            directory += le16(0) + le16(0x21) + le32(crc) + le32(UInt32(entry.data.count)) + le32(UInt32(size))
            directory += le16(UInt16(name.count)) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0)
            directory += le32(UInt32(offset)) + name
        }
        let directoryOffset = output.count
        output += directory
        output += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(entries.count)) + le16(UInt16(entries.count))
        output += le32(UInt32(directory.count)) + le32(UInt32(directoryOffset)) + le16(0)
        return output
    }

    private func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    private func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * UInt32($0))) & 0xFF) } }

    /// The parts of a minimal valid workbook with one sheet whose XML is `sheet`.
    static func minimalWorkbook(sheet: String, sharedStrings: String? = nil) -> ZipBuilder {
        var zip = ZipBuilder()
        zip.add(
            "[Content_Types].xml",
            #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#
        )
        zip.add(
            "_rels/.rels",
            #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
        )
        zip.add(
            "xl/workbook.xml",
            #"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#
        )
        var rels =
            #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>"#
        if sharedStrings != nil {
            rels +=
                #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#
        }
        zip.add("xl/_rels/workbook.xml.rels", rels + "</Relationships>")
        zip.add("xl/worksheets/sheet1.xml", sheet)
        if let sharedStrings { zip.add("xl/sharedStrings.xml", sharedStrings) }
        return zip
    }
}

enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 != 0 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}

/// A raw deflate stream (fixed Huffman codes) that expands to `1 + 258 × repeats` zero bytes: one literal zero,
/// then `repeats` copies of "length 258, distance 1". Each copy costs 13 bits, so the stream is about 160 times
/// smaller than what it expands to: a zip bomb in miniature.
enum ZeroBomb {
    static func deflated(repeats: Int) -> [UInt8] {
        var writer = BitWriter()
        writer.write(1, bits: 1)  // final block
        writer.write(1, bits: 2)  // fixed Huffman (BTYPE 01, least significant bit first)
        writer.writeCode(0b0011_0000, length: 8)  // literal 0
        for _ in 0..<repeats {
            writer.writeCode(0b1100_0101, length: 8)  // length code 285: 258 bytes
            writer.writeCode(0, length: 5)  // distance code 0: distance 1
        }
        writer.writeCode(0, length: 7)  // end of block (256)
        return writer.bytes + (writer.bitCount > 0 ? [writer.current] : [])
    }

    static func expandedSize(repeats: Int) -> Int { 1 + 258 * repeats }

    private struct BitWriter {
        var bytes: [UInt8] = []
        var current: UInt8 = 0
        var bitCount = 0

        /// Header fields and extra bits: least significant bit first.
        mutating func write(_ value: Int, bits: Int) {
            for bit in 0..<bits { push((value >> bit) & 1) }
        }

        /// Huffman codes: most significant bit first.
        mutating func writeCode(_ code: Int, length: Int) {
            for bit in stride(from: length - 1, through: 0, by: -1) { push((code >> bit) & 1) }
        }

        private mutating func push(_ bit: Int) {
            current |= UInt8(bit) << UInt8(bitCount)
            bitCount += 1
            if bitCount == 8 {
                bytes.append(current)
                current = 0
                bitCount = 0
            }
        }
    }
}
