public import TenderCore
public import TenderModel

#if canImport(Glibc)
import Glibc
#endif

/// Every file a `score` run was handed, classified: the bids and score sheets it reads, and every other entry of
/// the bids folders with the reason it was not read. Nothing in a named folder is skipped without a trace.
public struct InputInventory: Sendable {
    /// Bid files to read, sorted by path, each file once.
    public var bids: [InputPath]
    /// Score sheets to read, sorted by path, each file once.
    public var sheets: [InputPath]
    /// The committee file: the one named with `--committee`, or the `committee.yaml` found in a bids folder.
    public var committee: InputPath? = nil
    /// Every committee file found, sorted by path: more than one (from two bids folders) is an error for the run.
    public var committeeCandidates: [InputPath] = []
    /// The decisions file: the one named with `--decisions`, or the `decisions.yaml` found in a bids folder.
    public var decisions: InputPath? = nil
    /// Every decisions file found, sorted by path: more than one is an error for the run.
    public var decisionsCandidates: [InputPath] = []
    /// Every entry of every named folder and every named file, sorted by path.
    public var entries: [InputFileEntry]

    /// Warnings and errors about entries that looked like bids or score sheets but cannot be used, and about
    /// names that are not valid UTF-8.
    public var diagnostics: [Diagnostic] {
        entries.compactMap { entry in
            let location = SourceLocation(file: entry.path)
            if case .subfolderWithBidLikeFiles(let count, let patterns)? = entry.ignoredReason {
                return .warning(
                    "folder '\(entry.path)' holds \(count) bid-like \(count == 1 ? "file" : "files") "
                        + "(\(patterns.joined(separator: ", "))) that \(count == 1 ? "is" : "are") not read: "
                        + "subfolders are never read; name the folder on the command line if they belong to this tender",
                    at: location
                )
            }
            if let reason = entry.ignoredReason {
                // A subfolder such as `attachments` is expected; one named like a bid is a bid that is missing.
                let looksLikeInput = [".xml", ".csv", ".xlsx"].contains { entry.path.lowercased().hasSuffix($0) }
                let unusable = reason == .notARegularFile(.folder) ? looksLikeInput : reason.isUnusableInput
                return unusable ? .error("not read: \(reason.message)", at: location) : nil
            }
            return entry.nameIsNotUTF8
                ? .warning("file name is not valid UTF-8; it is shown with \\xHH escapes", at: location) : nil
        }
    }
}

extension InputFiles {
    /// Classifies every entry of the folders in `bidPaths` (and of `sheetPaths`, when the score sheets are named
    /// separately): `*.xml` regular files are bids, `*.csv` and `*.xlsx` are score sheets unless `sheetPaths` is given, and
    /// everything else is listed with its reason. Files named directly are taken whatever their extension.
    /// The same file reached twice (two spellings of a path, a symbolic or hard link, a folder and the file in
    /// it) is read once, under the path that sorts first.
    ///
    /// - Throws: a path that does not exist or is not a regular file or folder, a folder that cannot be read,
    ///   and a bids folder holding no bid at all: each an input error, never an empty evaluation.
    public static func inventory(
        bidPaths: [String],
        sheetPaths: [String]?,
        committeePath: String? = nil,
        decisionsPath: String? = nil
    ) throws(DiagnosticError) -> InputInventory {
        var scan = Scan()
        scan.committeeGiven = committeePath != nil
        scan.decisionsGiven = decisionsPath != nil
        for path in bidPaths {
            scan.add(InputPath(path), role: .bid, folderSheets: sheetPaths == nil)
        }
        if let committeePath {
            scan.add(InputPath(committeePath), role: .committee, folderSheets: true)
        }
        if let decisionsPath {
            scan.add(InputPath(decisionsPath), role: .decisions, folderSheets: true)
        }
        for path in sheetPaths ?? [] {
            scan.add(InputPath(path), role: .scoreSheet, folderSheets: true)
        }
        try scan.problems.throwIfErrors()
        return scan.finish()
    }
}

/// The state of one inventory while the named paths are examined.
private struct Scan {
    enum Wanted {
        case bid
        case scoreSheet
        case committee
        case decisions
    }

    struct Candidate {
        var path: InputPath
        var role: Wanted
        var device: UInt64
        var inode: UInt64
        var nameIsNotUTF8: Bool
    }

    var candidates: [Candidate] = []
    var ignored: [InputFileEntry] = []
    var problems = DiagnosticCollector()
    /// `--committee` was given: a `committee.yaml` in a bids folder is not the committee file.
    var committeeGiven = false
    /// `--decisions` was given: a `decisions.yaml` in a bids folder is not the decisions file.
    var decisionsGiven = false

    mutating func add(_ path: InputPath, role: Wanted, folderSheets: Bool) {
        let location = SourceLocation(file: path.display)
        guard let target = FileStatus.target(path) else {
            let code = errno
            let entry = FileStatus.entry(path)
            switch (code, entry?.kind) {
            case (ELOOP, _): problems.error(IgnoredReason.symbolicLinkLoop.message, at: location)
            case (ENOENT, .symbolicLink?): problems.error(IgnoredReason.danglingSymbolicLink.message, at: location)
            case (ENOENT, _): problems.error("no such file or folder", at: location)
            default: problems.error("cannot be examined: \(systemError(code))", at: location)
            }
            return
        }
        switch target.kind {
        case .regular:
            candidates.append(
                Candidate(path: path, role: role, device: target.device, inode: target.inode, nameIsNotUTF8: false)
            )
        case .special(.folder):
            addFolder(path, role: role, folderSheets: folderSheets)
        case .special(let kind):
            problems.error(IgnoredReason.notARegularFile(kind).message, at: location)
        case .symbolicLink:
            problems.error(IgnoredReason.symbolicLinkLoop.message, at: location)
        }
    }

    private mutating func addFolder(_ folder: InputPath, role: Wanted, folderSheets: Bool) {
        let names: [[UInt8]]
        switch folderEntryNames(folder) {
        case .success(let found): names = found
        case .failure(let error):
            problems.append(contentsOf: error.diagnostics)
            return
        }
        var bidsFound = 0
        for name in names {
            let path = folder.appending(name)
            let nameIsNotUTF8 = !VisibleText.isValidUTF8(name)
            let lowered = String(decoding: name, as: UTF8.self).lowercased()
            let wanted: Wanted?
            if lowered.hasSuffix(".xml") && role == .bid {
                wanted = .bid
            } else if lowered.hasSuffix(".csv") || lowered.hasSuffix(".xlsx") {
                wanted = .scoreSheet
            } else if lowered == CommitteeFile.defaultName && role == .bid {
                wanted = .committee
            } else if lowered == DecisionsFile.defaultName && role == .bid {
                wanted = .decisions
            } else {
                wanted = nil
            }
            if name.first == UInt8(ascii: ".") {
                ignore(path, .hidden, nameIsNotUTF8)
                continue
            }
            // Excel keeps `~$name.xlsx` (a few bytes naming who has it open) beside a workbook being edited: an
            // officer scoring while a member's sheet is still open must not get a "not a workbook" error for it.
            if name.starts(with: Array("~$".utf8)) && lowered.hasSuffix(".xlsx") {
                ignore(path, .spreadsheetLockFile, nameIsNotUTF8)
                continue
            }
            guard let entry = FileStatus.entry(path) else {
                ignore(path, .cannotExamine(systemError(errno)), nameIsNotUTF8)
                continue
            }
            if entry.kind == .special(.folder) {
                ignore(path, Self.subfolderReason(path, namedLikeInput: wanted != nil), nameIsNotUTF8)
                continue
            }
            guard let wanted else {
                ignore(path, .notABidOrScoreSheet, nameIsNotUTF8)
                continue
            }
            if wanted == .committee && committeeGiven {
                ignore(path, .committeeGivenSeparately, nameIsNotUTF8)
                continue
            }
            if wanted == .decisions && decisionsGiven {
                ignore(path, .decisionsGivenSeparately, nameIsNotUTF8)
                continue
            }
            if wanted == .scoreSheet && role == .bid && !folderSheets {
                ignore(path, .scoreSheetsGivenSeparately, nameIsNotUTF8)
                continue
            }
            guard let status = usableTarget(path, entry: entry, nameIsNotUTF8: nameIsNotUTF8) else { continue }
            if wanted == .bid { bidsFound += 1 }
            candidates.append(
                Candidate(
                    path: path,
                    role: wanted,
                    device: status.device,
                    inode: status.inode,
                    nameIsNotUTF8: nameIsNotUTF8
                )
            )
        }
        if role == .bid && bidsFound == 0 {
            let detail =
                names.isEmpty
                ? "the folder is empty"
                : names.count == 1
                    ? "its only entry is not a regular *.xml file"
                    : "none of its \(names.count) entries is a regular *.xml file"
            problems.error("no bid in this folder: \(detail)", at: SourceLocation(file: folder.display))
        }
    }

    /// Why a subfolder is not read: one named like a bid is a bid that is missing (an error); one holding files
    /// named like bids or score sheets may hold bids put there by mistake (a warning); any other (`attachments`)
    /// is simply a folder.
    private static func subfolderReason(_ folder: InputPath, namedLikeInput: Bool) -> IgnoredReason {
        guard !namedLikeInput, case .success(let names) = folderEntryNames(folder) else {
            return .notARegularFile(.folder)
        }
        var counts: [String: Int] = [:]
        for name in names where name.first != UInt8(ascii: ".") {
            let lowered = String(decoding: name, as: UTF8.self).lowercased()
            for pattern in ["*.xml", "*.csv", "*.xlsx"] where lowered.hasSuffix(pattern.dropFirst()) {
                counts[pattern, default: 0] += 1
            }
        }
        guard !counts.isEmpty else { return .notARegularFile(.folder) }
        return .subfolderWithBidLikeFiles(count: counts.values.reduce(0, +), patterns: counts.keys.sorted().reversed())
    }

    /// The regular file `path` is or leads to; otherwise records why it is ignored and returns nil.
    private mutating func usableTarget(_ path: InputPath, entry: FileStatus, nameIsNotUTF8: Bool) -> FileStatus? {
        switch FileStatus.regularTarget(of: path, entry: entry) {
        case .success(let target):
            return target
        case .failure(let reason):
            ignore(path, reason, nameIsNotUTF8)
            return nil
        }
    }

    private mutating func ignore(_ path: InputPath, _ reason: IgnoredReason, _ nameIsNotUTF8: Bool) {
        ignored.append(InputFileEntry(path: path.display, role: .ignored(reason), nameIsNotUTF8: nameIsNotUTF8))
    }

    /// Sorts the candidates by path and keeps the first path of every file (device and inode).
    func finish() -> InputInventory {
        var entries = ignored
        var firstPath: [FileIdentity: String] = [:]
        var bids: [InputPath] = []
        var sheets: [InputPath] = []
        var committees: [InputPath] = []
        var decisions: [InputPath] = []
        let sorted = candidates.sorted { $0.path.bytes.lexicographicallyPrecedes($1.path.bytes) }
        var seen = Set<[UInt8]>()
        // The same path named twice (a folder and a file in it) is simply one path.
        for candidate in sorted where seen.insert(candidate.path.bytes).inserted {
            let identity = FileIdentity(device: candidate.device, inode: candidate.inode)
            if let first = firstPath[identity] {
                entries.append(
                    InputFileEntry(
                        path: candidate.path.display,
                        role: .ignored(.sameFileAs(first)),
                        nameIsNotUTF8: candidate.nameIsNotUTF8
                    )
                )
                continue
            }
            firstPath[identity] = candidate.path.display
            switch candidate.role {
            case .bid: bids.append(candidate.path)
            case .scoreSheet: sheets.append(candidate.path)
            case .committee: committees.append(candidate.path)
            case .decisions: decisions.append(candidate.path)
            }
            let role: InputFileEntry.Role
            switch candidate.role {
            case .bid: role = .bid
            case .scoreSheet: role = .scoreSheet
            case .committee: role = .committee
            case .decisions: role = .decisions
            }
            entries.append(
                InputFileEntry(
                    path: candidate.path.display,
                    role: role,
                    nameIsNotUTF8: candidate.nameIsNotUTF8
                )
            )
        }
        entries.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        var inventory = InputInventory(bids: bids, sheets: sheets, entries: entries)
        inventory.committee = committees.first
        inventory.committeeCandidates = committees
        inventory.decisions = decisions.first
        inventory.decisionsCandidates = decisions
        return inventory
    }
}

private struct FileIdentity: Hashable {
    var device: UInt64
    var inode: UInt64
}
