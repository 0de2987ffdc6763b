import Foundation
import TenderCore

/// What is at a history path, judged from the file system and the 100-byte SQLite header alone, so that a file
/// that is refused is never opened by SQLite (which could otherwise roll back a journal or create one).
enum HistoryFileCheck: Equatable {
    case missing
    /// Zero bytes: SQLite treats it as an empty database, and so does the history.
    case empty
    /// An SQLite file with tender-eval's application id.
    case history
    /// An SQLite file with no application id: taken over only when it has no tables.
    case blankSQLite
    /// Something that must not be touched, described for the diagnostic.
    case foreign(String)

    static let sqliteMagic = Array("SQLite format 3\0".utf8)

    static func inspect(path: String) throws(DiagnosticError) -> HistoryFileCheck {
        let manager = FileManager.default
        guard let attributes = try? manager.attributesOfItem(atPath: path) else {
            let parent = (path as NSString).deletingLastPathComponent
            var isDirectory: ObjCBool = false
            if !parent.isEmpty, !manager.fileExists(atPath: parent, isDirectory: &isDirectory) || !isDirectory.boolValue
            {
                throw HistoryDatabase.refusal(path, "the folder \(parent) does not exist")
            }
            return .missing
        }
        if attributes[.type] as? FileAttributeType == .typeSymbolicLink {
            // SQLite follows the link (and would create a missing target), so the target is what is judged.
            var target = stat()
            guard stat(path, &target) == 0 else {
                throw HistoryDatabase.refusal(path, "is a symbolic link to nothing; it was left unchanged")
            }
            switch target.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: return .foreign("is a folder, not a history database file")
            default: return .foreign("is not a regular file (a FIFO, socket or device)")
            }
        } else {
            switch attributes[.type] as? FileAttributeType {
            case .typeRegular?: break
            case .typeDirectory?: return .foreign("is a folder, not a history database file")
            default: return .foreign("is not a regular file (a FIFO, socket or device)")
            }
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw HistoryDatabase.refusal(path, "cannot be read (permission denied?)")
        }
        defer { try? handle.close() }
        let header = Array((try? handle.read(upToCount: 100)) ?? Data())
        if header.isEmpty { return .empty }
        guard header.count == 100, Array(header.prefix(16)) == sqliteMagic else {
            return .foreign("is not an SQLite database, so not a tender-eval performance history")
        }
        let applicationID = header[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        if applicationID == UInt32(HistoryMigrations.applicationID) { return .history }
        if applicationID == 0 { return .blankSQLite }
        let hex = String(applicationID, radix: 16, uppercase: true)
        return .foreign(
            "is an SQLite database of another application (application id 0x\(hex), tender-eval's is 0x544E4452)"
        )
    }
}
