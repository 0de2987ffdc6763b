/// A small valid PNG standing in for a patrol photo: 8 × 8 pixels in a colour drawn from the finding's id, with
/// the id in a text chunk, so each finding's evidence file has its own SHA-256 and any image viewer opens it.
enum PatrolPhoto {
    static func png(for findingID: String) -> [UInt8] {
        var hash: UInt32 = 2_166_136_261
        for byte in findingID.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        let colour = [
            UInt8(truncatingIfNeeded: hash), UInt8(truncatingIfNeeded: hash >> 8),
            UInt8(truncatingIfNeeded: hash >> 16),
        ]
        let side = 8
        // Each scanline: filter byte 0, then RGB pixels.
        var raw: [UInt8] = []
        for _ in 0..<side {
            raw.append(0)
            for _ in 0..<side { raw.append(contentsOf: colour) }
        }
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        header.append(contentsOf: bigEndian(UInt32(side)))
        header.append(contentsOf: bigEndian(UInt32(side)))
        header.append(contentsOf: [8, 2, 0, 0, 0])
        chunk("IHDR", header, into: &png)
        chunk("tEXt", Array("Comment".utf8) + [0] + Array(findingID.utf8.filter { $0 < 0x80 }), into: &png)
        chunk("IDAT", storedZlib(raw), into: &png)
        chunk("IEND", [], into: &png)
        return png
    }

    /// A zlib stream of one stored (uncompressed) deflate block: enough for a few hundred bytes.
    static func storedZlib(_ data: [UInt8]) -> [UInt8] {
        let length = UInt16(data.count)
        var stream: [UInt8] = [0x78, 0x01, 0x01]
        stream.append(contentsOf: [
            UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8),
        ])
        stream.append(contentsOf: data)
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        stream.append(contentsOf: bigEndian(b << 16 | a))
        return stream
    }

    static func chunk(_ type: String, _ data: [UInt8], into png: inout [UInt8]) {
        png.append(contentsOf: bigEndian(UInt32(data.count)))
        let typed = Array(type.utf8) + data
        png.append(contentsOf: typed)
        png.append(contentsOf: bigEndian(crc32(typed)))
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [
            UInt8(value >> 24), UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 8),
            UInt8(truncatingIfNeeded: value),
        ]
    }
}
