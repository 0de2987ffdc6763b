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
    /// The moments of publishing at which a test can make the process die (fault injection): a kill at any of
    /// them must leave the output folder with either the previous reports or the complete new ones.
    public enum Step: String, Sendable, CaseIterable {
        /// The staging folder exists and is empty.
        case stagingCreated = "staging-created"
        /// The first report is written into the staging folder; the others are not.
        case firstReportWritten = "first-report-written"
        /// Every report is staged and flushed; the output folder is still the previous one.
        case reportsStaged = "reports-staged"
        /// The folders are swapped; the previous reports wait in the staging path to be removed.
        case exchanged
    }

    /// Publishes `files` into `folder`.
    ///
    /// - Parameters:
    ///   - files: names (no path separators) and contents. These names are the only ones that can count as
    ///     earlier reports of this tool when `replace` is true.
    ///   - folder: the output folder, in any spelling (`.`, `./`, `dir/.`, `..`, a link); created when missing.
    ///   - replace: whether an existing folder of earlier reports may be replaced (`--force`).
    ///   - sha256: the hex SHA-256 of some bytes, to recognise the reports a previous run listed in its manifest.
    ///   - reached: called at each step of publishing (fault injection for the tests of atomicity).
    /// - Returns: notes for the user (e.g. that their working folder was swapped away underneath them).
    /// - Throws: `DiagnosticError` when the folder holds reports and `replace` is false, holds anything this tool
    ///   did not write (nothing is deleted then), or cannot be written.
    @discardableResult
    public static func publish(
        _ files: [(name: String, bytes: [UInt8])],
        to folder: String,
        replace: Bool,
        sha256: ([UInt8]) -> String,
        reached: (Step) -> Void = { _ in }
    ) throws(DiagnosticError) -> [Diagnostic] {
        try publish(names: files.map(\.name), to: folder, replace: replace, sha256: sha256, reached: reached) {
            index,
            file in
            file.write(files[index].bytes)
        }
    }

    /// Publishes files that `write` produces straight into the staging folder, in the order of `names`, so a
    /// report is never held whole in memory: `write(index, file)` writes `names[index]`'s bytes into `file`
    /// (which may be written in any number of pieces and is flushed and closed afterwards).
    ///
    /// - Parameters and errors as `publish(_:to:replace:sha256:reached:)`; a name may be `folder/file` when
    ///   `folder` is one of `folders`: the subfolders (one level) this tool writes, each with the test its file names
    ///   pass; such a folder counts as the tool's own only when every file in it passes the test and is one the
    ///   previous manifest lists with the hash it still has.
    @discardableResult
    public static func publish(
        names: [String],
        folders: [String: @Sendable (String) -> Bool] = [:],
        to folder: String,
        replace: Bool,
        sha256: ([UInt8]) -> String,
        reached: (Step) -> Void = { _ in },
        write: (Int, StagedFile) -> Void
    ) throws(DiagnosticError) -> [Diagnostic] {
        let location = SourceLocation(file: VisibleText.escaped(folder))
        let target = try OutputPath.resolve(folder)
        var holdsFiles = false
        if target.exists {
            let foreign = OutputOwnership.foreignEntries(
                in: target.path,
                reportNames: Set(names),
                reportFolders: folders,
                sha256: sha256
            )
            guard foreign.isEmpty else {
                let shown = foreign.prefix(3).joined(separator: ", ") + (foreign.count > 3 ? ", …" : "")
                throw DiagnosticError(
                    .error(
                        "output folder holds files that are not reports of this tool: \(shown); nothing was "
                            + "deleted or replaced; choose another folder or move them away",
                        at: location
                    )
                )
            }
            holdsFiles = !((try? folderEntryNames(InputPath(target.path)).get()) ?? []).isEmpty
            guard !holdsFiles || replace else {
                throw DiagnosticError(
                    .error("output folder already holds reports; pass --force to replace them", at: location)
                )
            }
        }

        let staging = try stage(names, in: target.parent, for: target.name, reached: reached, write: write)
        reached(.reportsStaged)
        let manager = FileManager.default
        if !target.exists {
            guard rename(staging, target.path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? manager.removeItem(atPath: staging)
                throw DiagnosticError(.error("cannot create output folder: \(reason)", at: location))
            }
            return []
        }
        let insideOutput = target.containsWorkingFolder
        guard catomic_exchange(staging, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? manager.removeItem(atPath: staging)
            throw DiagnosticError(.error("cannot replace output folder atomically: \(reason)", at: location))
        }
        reached(.exchanged)
        // The staging path now holds the previous reports.
        try? manager.removeItem(atPath: staging)
        guard insideOutput else { return [] }
        return [
            .note(
                "the output folder was replaced by a new one; a shell whose working folder is inside it must "
                    + "enter it again (cd \"$PWD\") to see the new reports",
                at: location
            )
        ]
    }

    /// Writes every file into a new hidden folder beside the output folder (in its canonical parent) and flushes
    /// it; returns its path.
    private static func stage(
        _ names: [String],
        in parent: String,
        for base: String,
        reached: (Step) -> Void,
        write: (Int, StagedFile) -> Void
    ) throws(DiagnosticError) -> String {
        let staging = (parent == "/" ? "" : parent) + "/.\(base).tender-eval-staging-\(getpid())"
        let manager = FileManager.default
        removeAbandonedStaging(in: parent, base: base)
        try? manager.removeItem(atPath: staging)
        do {
            try manager.createDirectory(atPath: staging, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticError(
                .error(
                    "cannot create a staging folder for the reports",
                    at: SourceLocation(file: VisibleText.escaped(staging))
                )
            )
        }
        reached(.stagingCreated)
        for (index, name) in names.enumerated() {
            let path = (staging as NSString).appendingPathComponent(name)
            let failure: Int32?
            // A name `folder/file` puts the file into a subfolder of the output folder, made on first use.
            if let slash = name.lastIndex(of: "/") {
                let subfolder = (staging as NSString).appendingPathComponent(String(name[..<slash]))
                try? manager.createDirectory(atPath: subfolder, withIntermediateDirectories: false)
            }
            if let file = StagedFile(creating: path) {
                write(index, file)
                failure = file.finish()
            } else {
                failure = errno
            }
            if let failure {
                let reason = String(cString: strerror(failure))
                try? manager.removeItem(atPath: staging)
                throw DiagnosticError(
                    .error("cannot write report: \(reason)", at: SourceLocation(file: VisibleText.escaped(path)))
                )
            }
            if index == 0 { reached(.firstReportWritten) }
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
}

/// A report file being written into the staging folder: created new (never through an existing name), written
/// in as many pieces as its writer likes, then flushed to disk. The first failure is kept and stops further
/// writes, so the writer need not check every call.
public final class StagedFile {
    private var descriptor: Int32
    private var failure: Int32?

    init?(creating path: String) {
        descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil, let base = bytes.baseAddress else { return }
        var written = 0
        while written < bytes.count {
            let result = Glibc.write(descriptor, base + written, bytes.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                failure = errno
                return
            }
            written += result
        }
    }

    public func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { write($0) }
    }

    /// Flushes and closes the file; returns the `errno` of the first failure, or nil.
    func finish() -> Int32? {
        if failure == nil && fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0 && failure == nil { failure = errno }
        descriptor = -1
        return failure
    }
}
