/// The zip container of an `.xlsx`, read and bounds-checked here before a single byte is inflated.
///
/// ZIPFoundation's `Archive` is not used to walk the directory: with in-memory data it crashes on an entry whose
/// offset lies beyond the end of the file, and on Linux it inflates past an entry's compressed bytes. So every
/// offset and size is checked here, and only ZIPFoundation's bounded inflation is used (see `ZipInflation`).
struct ZipEntry: Hashable, Sendable {
    static let stored: UInt16 = 0
    static let deflated: UInt16 = 8

    let name: String
    let method: UInt16
    let crc32: UInt32
    let compressedSize: Int
    let uncompressedSize: Int
    /// Where the compressed bytes start in the archive.
    let dataOffset: Int
}

/// Why a file is not a readable zip archive; the reader turns it into a sentence located at the file.
enum ZipProblem: Error, Hashable, Sendable {
    case notZip
    case compoundFile
    case truncated
    case damaged(String)
    case zip64
    case multiDisk
    case encrypted(entry: String)
    case unsupportedMethod(entry: String, method: UInt16)
    case unsafeName(String)
    case duplicateName(String)
    case tooManyEntries(count: Int, limit: Int)
    case tooLarge(total: Int, limit: Int)
    case ratio(entry: String, ratio: Int, limit: Int)
    case expandsBeyondDeclared(entry: String, declared: Int)
    case checksum(entry: String)
    case corruptData(entry: String)

    var message: String {
        switch self {
        case .notZip:
            "not an .xlsx workbook: the file is not a zip archive"
        case .compoundFile:
            "not an .xlsx workbook but an OLE2 compound file: an Excel 97-2003 .xls workbook, or an .xlsx saved "
                + "with a password; save it as an .xlsx workbook without a password"
        case .truncated:
            "the .xlsx file is truncated or damaged: its zip directory is missing"
        case .damaged(let detail):
            "the .xlsx file is damaged: \(detail)"
        case .zip64:
            "the .xlsx file uses ZIP64 extensions, which no score sheet needs (over 4 GiB or 65,535 entries)"
        case .multiDisk:
            "the .xlsx file is one part of a split zip archive"
        case .encrypted(let entry):
            "the .xlsx file's entry '\(entry)' is encrypted; save the workbook without a password"
        case .unsupportedMethod(let entry, let method):
            "the .xlsx file's entry '\(entry)' uses compression method \(method); only stored and deflated "
                + "entries can be read"
        case .unsafeName(let name):
            "the .xlsx file contains an entry with an unsafe name '\(name)' (an absolute path, '..', a "
                + "backslash or a control character); it was not written by a spreadsheet program"
        case .duplicateName(let name):
            "the .xlsx file contains two entries named '\(name)'"
        case .tooManyEntries(let count, let limit):
            "the .xlsx file has \(count) entries; the limit is \(limit)"
        case .tooLarge(let total, let limit):
            "the .xlsx file expands to \(total) bytes; the limit is \(limit) bytes (a zip bomb, or not a "
                + "score sheet)"
        case .ratio(let entry, let ratio, let limit):
            "the .xlsx file's entry '\(entry)' expands \(ratio) times its compressed size; the limit is "
                + "\(limit) (a zip bomb, not a workbook)"
        case .expandsBeyondDeclared(let entry, let declared):
            "the .xlsx file's entry '\(entry)' expands beyond the \(declared) bytes its header declares "
                + "(a damaged or hostile archive)"
        case .checksum(let entry):
            "the .xlsx file's entry '\(entry)' is damaged: its checksum does not match"
        case .corruptData(let entry):
            "the .xlsx file's entry '\(entry)' is damaged: its compressed data cannot be read"
        }
    }
}

enum ZipDirectory {
    private static let localHeaderSignature: UInt32 = 0x0403_4B50
    private static let centralHeaderSignature: UInt32 = 0x0201_4B50
    private static let endSignature: UInt32 = 0x0605_4B50
    private static let zip64LocatorSignature: UInt32 = 0x0706_4B50
    private static let endRecordSize = 22
    private static let centralHeaderSize = 46
    private static let localHeaderSize = 30

    /// The entries of a zip archive, in directory order, each checked to lie inside the file.
    static func entries(of bytes: [UInt8], limits: SpreadsheetReadLimits) throws(ZipProblem) -> [ZipEntry] {
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { throw .compoundFile }
        guard bytes.starts(with: [0x50, 0x4B]) else { throw .notZip }
        guard bytes.count >= endRecordSize, let end = endRecordOffset(bytes) else { throw .truncated }
        let reader = LittleEndian(bytes)
        let diskNumber = reader.u16(end + 4)
        let directoryDisk = reader.u16(end + 6)
        let entriesOnDisk = Int(reader.u16(end + 8))
        let entryCount = Int(reader.u16(end + 10))
        let directorySize = Int(reader.u32(end + 12))
        let directoryOffset = Int(reader.u32(end + 16))
        let commentLength = Int(reader.u16(end + 20))
        if end >= 20, reader.u32(end - 20) == zip64LocatorSignature { throw .zip64 }
        if entryCount == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF { throw .zip64 }
        guard diskNumber == 0, directoryDisk == 0, entriesOnDisk == entryCount else { throw .multiDisk }
        guard end + endRecordSize + commentLength == bytes.count else {
            throw .damaged("its end-of-directory record does not end the file")
        }
        guard directoryOffset + directorySize <= end else { throw .truncated }
        guard entryCount <= limits.maximumEntries else {
            throw .tooManyEntries(count: entryCount, limit: limits.maximumEntries)
        }
        var entries: [ZipEntry] = []
        var names: Set<String> = []
        var declaredTotal = 0
        var position = directoryOffset
        let directoryEnd = directoryOffset + directorySize
        for _ in 0..<entryCount {
            guard position + centralHeaderSize <= directoryEnd, reader.u32(position) == centralHeaderSignature else {
                throw .damaged("its zip directory is cut short")
            }
            let flags = reader.u16(position + 8)
            let method = reader.u16(position + 10)
            let crc = reader.u32(position + 16)
            let compressed = Int(reader.u32(position + 20))
            let uncompressed = Int(reader.u32(position + 24))
            let nameLength = Int(reader.u16(position + 28))
            let extraLength = Int(reader.u16(position + 30))
            let commentLength = Int(reader.u16(position + 32))
            let localOffset = Int(reader.u32(position + 42))
            let nameStart = position + centralHeaderSize
            guard nameStart + nameLength + extraLength + commentLength <= directoryEnd else {
                throw .damaged("its zip directory is cut short")
            }
            let name = try entryName(bytes[nameStart..<(nameStart + nameLength)], utf8Flag: flags & 0x0800 != 0)
            position = nameStart + nameLength + extraLength + commentLength
            guard names.insert(name.lowercased()).inserted else { throw .duplicateName(name) }
            if flags & 0x0001 != 0 || flags & 0x0040 != 0 { throw .encrypted(entry: name) }
            if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || localOffset == 0xFFFF_FFFF {
                throw .zip64
            }
            guard method == ZipEntry.stored || method == ZipEntry.deflated else {
                throw .unsupportedMethod(entry: name, method: method)
            }
            guard method == ZipEntry.deflated || compressed == uncompressed else {
                throw .damaged("its stored entry '\(name)' declares two different sizes")
            }
            declaredTotal += uncompressed
            guard declaredTotal <= limits.maximumExpandedBytes else {
                throw .tooLarge(total: declaredTotal, limit: limits.maximumExpandedBytes)
            }
            let ratio = uncompressed / max(compressed, 1)
            if uncompressed > 1024 * 1024, ratio > limits.maximumCompressionRatio {
                throw .ratio(entry: name, ratio: ratio, limit: limits.maximumCompressionRatio)
            }
            // The local header repeats the name and method; its own name and extra lengths place the data.
            guard localOffset + localHeaderSize <= directoryOffset, reader.u32(localOffset) == localHeaderSignature
            else { throw .damaged("its entry '\(name)' lies outside the file") }
            guard reader.u16(localOffset + 8) == method else {
                throw .damaged("its entry '\(name)' has two different compression methods")
            }
            let dataOffset =
                localOffset + localHeaderSize + Int(reader.u16(localOffset + 26)) + Int(reader.u16(localOffset + 28))
            guard dataOffset + compressed <= directoryOffset else {
                throw .damaged("its entry '\(name)' lies outside the file")
            }
            entries.append(
                ZipEntry(
                    name: name,
                    method: method,
                    crc32: crc,
                    compressedSize: compressed,
                    uncompressedSize: uncompressed,
                    dataOffset: dataOffset
                )
            )
        }
        return entries
    }

    /// The last end-of-directory signature within the final 64 KiB + 22 bytes (a zip comment is at most 65,535
    /// bytes), searched from the end as ZIPFoundation does.
    private static func endRecordOffset(_ bytes: [UInt8]) -> Int? {
        let lowest = max(0, bytes.count - endRecordSize - 0xFFFF)
        var offset = bytes.count - endRecordSize
        while offset >= lowest {
            if bytes[offset] == 0x50, bytes[offset + 1] == 0x4B, bytes[offset + 2] == 0x05, bytes[offset + 3] == 0x06 {
                return offset
            }
            offset -= 1
        }
        return nil
    }

    /// The entry's name, which must be a relative path inside the package: OPC part names never hold `..`,
    /// a leading `/`, a backslash, a drive letter or a control character.
    private static func entryName(_ raw: ArraySlice<UInt8>, utf8Flag: Bool) throws(ZipProblem) -> String {
        // Names outside ASCII are read as UTF-8 whatever the flag says: OPC requires it, and a name that is not
        // UTF-8 is refused rather than guessed.
        guard let name = String(validating: raw, as: UTF8.self) else {
            throw .unsafeName(String(decoding: raw, as: UTF8.self))
        }
        let segments = name.split(separator: "/", omittingEmptySubsequences: false)
        let unsafe =
            name.isEmpty || name.hasPrefix("/") || name.contains("\\")
            || name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
            || segments.contains { $0 == ".." || $0 == "." } || (segments.first?.contains(":") ?? false)
        if unsafe { throw .unsafeName(name) }
        return name
    }
}

/// Little-endian integers at checked offsets (the caller checks the bounds first).
private struct LittleEndian {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    func u16(_ offset: Int) -> UInt16 {
        guard offset >= 0, offset + 2 <= bytes.count else { return 0 }
        return UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    func u32(_ offset: Int) -> UInt32 {
        guard offset >= 0, offset + 4 <= bytes.count else { return 0 }
        return UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
            | UInt32(bytes[offset + 3]) << 24
    }
}
