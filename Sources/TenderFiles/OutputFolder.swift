import CAtomicRename
import Foundation
public import TenderCore

#if canImport(Glibc)
import Glibc
#endif

/// Publishes a run's reports all at once: either every new file is in the output folder, or the folder is
/// exactly as it was before (a failed or killed run never leaves half-written or mixed reports).
///
/// The files are written into a staging folder beside the output folder, flushed to disk, and then the two
/// folders are swapped in one atomic `renameat2(RENAME_EXCHANGE)`.
public enum OutputFolder {
    /// Publishes `files` into `folder`.
    ///
    /// - Parameters:
    ///   - files: names (no path separators) and contents.
    ///   - folder: the output folder; created when missing.
    ///   - replace: whether an existing folder of earlier reports may be replaced (`--force`).
    /// - Throws: `DiagnosticError` when the folder holds reports and `replace` is false, holds anything that
    ///   is not one of `files` (never deleted), or cannot be written.
    public static func publish(
        _ files: [(name: String, bytes: [UInt8])],
        to folder: String,
        replace: Bool
    ) throws(DiagnosticError) {
        let manager = FileManager.default
        let location = SourceLocation(file: folder)
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: folder, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue {
            throw DiagnosticError(.error("output path exists and is not a folder", at: location))
        }
        let existing = exists ? ((try? manager.contentsOfDirectory(atPath: folder)) ?? []) : []
        if !existing.isEmpty {
            let ours = Set(files.map(\.name))
            let foreign = existing.filter { !ours.contains($0) }.sorted()
            guard foreign.isEmpty else {
                throw DiagnosticError(
                    .error(
                        "output folder holds files that are not reports of this tool "
                            + "(\(foreign.prefix(3).joined(separator: ", "))); choose another folder",
                        at: location
                    )
                )
            }
            guard replace else {
                throw DiagnosticError(
                    .error("output folder already holds reports; pass --force to replace them", at: location)
                )
            }
        }

        let staging = try stage(files, besides: folder)
        if !exists {
            guard rename(staging, folder) == 0 else {
                let reason = String(cString: strerror(errno))
                try? manager.removeItem(atPath: staging)
                throw DiagnosticError(.error("cannot create output folder: \(reason)", at: location))
            }
            return
        }
        guard catomic_exchange(staging, folder) == 0 else {
            let reason = String(cString: strerror(errno))
            try? manager.removeItem(atPath: staging)
            throw DiagnosticError(.error("cannot replace output folder atomically: \(reason)", at: location))
        }
        // The staging path now holds the previous reports.
        try? manager.removeItem(atPath: staging)
    }

    /// Writes every file into a new hidden folder next to `folder` and flushes it; returns its path.
    private static func stage(
        _ files: [(name: String, bytes: [UInt8])],
        besides folder: String
    ) throws(DiagnosticError) -> String {
        let trimmed = folder.hasSuffix("/") && folder.count > 1 ? String(folder.dropLast()) : folder
        let parent = (trimmed as NSString).deletingLastPathComponent
        let base = (trimmed as NSString).lastPathComponent
        let staging = ((parent.isEmpty ? "." : parent) as NSString)
            .appendingPathComponent(".\(base).tender-eval-staging-\(getpid())")
        let manager = FileManager.default
        removeAbandonedStaging(in: parent.isEmpty ? "." : parent, base: base)
        try? manager.removeItem(atPath: staging)
        do {
            try manager.createDirectory(atPath: staging, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticError(
                .error("cannot create a staging folder for the reports", at: SourceLocation(file: staging))
            )
        }
        for file in files {
            let path = (staging as NSString).appendingPathComponent(file.name)
            guard writeDurably(file.bytes, to: path) else {
                let reason = String(cString: strerror(errno))
                try? manager.removeItem(atPath: staging)
                throw DiagnosticError(.error("cannot write report: \(reason)", at: SourceLocation(file: path)))
            }
        }
        let directory = open(staging, O_RDONLY)
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
        return staging
    }

    /// Removes staging folders left by runs that were killed (their process no longer exists).
    private static func removeAbandonedStaging(in parent: String, base: String) {
        let prefix = ".\(base).tender-eval-staging-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(atPath: (parent as NSString).appendingPathComponent(name))
            }
        }
    }

    private static func writeDurably(_ bytes: [UInt8], to path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress! + written, bytes.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                return false
            }
            written += result
        }
        return fsync(descriptor) == 0
    }
}
