/// One entry of a bids folder (or one file named on the command line) and what the run did with it, so that
/// every file the officer handed over is accounted for in the reports: read as a bid or a score sheet, or
/// left unread for a stated reason.
public struct InputFileEntry: Hashable, Sendable {
    public enum Role: Hashable, Sendable {
        case bid
        case scoreSheet
        /// The committee file (`committee.yaml` beside the bids, or `--committee`).
        case committee
        /// The decisions file (`decisions.yaml` beside the bids, or `--decisions`).
        case decisions
        case ignored(IgnoredReason)
    }

    /// The path as reports show it: the folder as given, then the entry's name; bytes that are not valid UTF-8
    /// are written as `\xHH` and control characters as escapes (see `VisibleText.fileName`).
    public var path: String
    public var role: Role
    /// The name on disk is not valid UTF-8 (e.g. GBK from an archive made on a Chinese Windows system).
    public var nameIsNotUTF8: Bool

    public init(path: String, role: Role, nameIsNotUTF8: Bool = false) {
        self.path = path
        self.role = role
        self.nameIsNotUTF8 = nameIsNotUTF8
    }

    /// The reason the entry was not read, when it was not.
    public var ignoredReason: IgnoredReason? {
        if case .ignored(let reason) = role { return reason }
        return nil
    }
}

/// Why an entry of a bids folder was not read.
public enum IgnoredReason: Error, Hashable, Sendable {
    /// Its name ends neither in `.xml` (a bid) nor in `.csv` (a score sheet), e.g. `README.md`.
    case notABidOrScoreSheet
    /// Its name starts with a dot: hidden files (editor backups, `._` files from macOS archives) are not bids.
    case hidden
    /// The entry itself is a folder, a FIFO, a socket or a device.
    case notARegularFile(FileKind)
    /// A symbolic link to a folder, a FIFO, a socket or a device: links are followed only to regular files.
    case symbolicLinkTo(FileKind)
    /// A symbolic link whose target does not exist.
    case danglingSymbolicLink
    /// A symbolic link that leads back to itself (or through too many links).
    case symbolicLinkLoop
    /// The same file (device and inode) as another path of the run: read once, under that path.
    case sameFileAs(String)
    /// A `*.csv` or `*.xlsx` in a bids folder while the score sheets were named with `--scores`.
    case scoreSheetsGivenSeparately
    /// The entry could not be examined; the system's reason.
    case cannotExamine(String)
    /// A subfolder holding `count` files named like bids or score sheets (`patterns`, e.g. `["*.xml"]`):
    /// subfolders are never read, but these files may be bids the officer put there by mistake.
    case subfolderWithBidLikeFiles(count: Int, patterns: [String])
    /// A `committee.yaml` in a bids folder while the committee file was named with `--committee`.
    case committeeGivenSeparately
    /// A `decisions.yaml` in a bids folder while the decisions file was named with `--decisions`.
    case decisionsGivenSeparately
    /// `~$sheet-01.xlsx`: the owner file Excel keeps beside a workbook while it is open, not a workbook.
    case spreadsheetLockFile

    /// Whether the entry looked like a bid or a score sheet that the run could not use: a problem the officer
    /// must fix, unlike a `README.md` or a hidden file.
    public var isUnusableInput: Bool {
        switch self {
        case .notARegularFile, .symbolicLinkTo, .danglingSymbolicLink, .symbolicLinkLoop, .cannotExamine: true
        case .notABidOrScoreSheet, .hidden, .sameFileAs, .scoreSheetsGivenSeparately, .subfolderWithBidLikeFiles,
            .committeeGivenSeparately, .decisionsGivenSeparately, .spreadsheetLockFile:
            false
        }
    }

    /// The reason in English, for diagnostics (reports word it in their own language).
    public var message: String {
        switch self {
        case .notABidOrScoreSheet: "not a bid (*.xml) or a score sheet (*.csv, *.xlsx)"
        case .hidden: "hidden file (its name starts with a dot)"
        case .notARegularFile(let kind): "\(kind.phrase), not a regular file; only regular files are read"
        case .symbolicLinkTo(let kind):
            "symbolic link to \(kind.phrase), not to a regular file; only regular files are read"
        case .danglingSymbolicLink: "symbolic link to a file that does not exist"
        case .symbolicLinkLoop: "symbolic link loop"
        case .sameFileAs(let other): "the same file as \(other), which is read once"
        case .scoreSheetsGivenSeparately: "score sheets were given with --scores"
        case .committeeGivenSeparately: "the committee file was given with --committee"
        case .decisionsGivenSeparately: "the decisions file was given with --decisions"
        case .spreadsheetLockFile: "Excel's lock file for a workbook that is open (~$…), not a score sheet"
        case .cannotExamine(let reason): "cannot be examined: \(reason)"
        case .subfolderWithBidLikeFiles(let count, let patterns):
            "folder holding \(count) bid-like \(count == 1 ? "file" : "files") (\(patterns.joined(separator: ", "))) "
                + "that \(count == 1 ? "is" : "are") not read: subfolders are never read; name the folder on the "
                + "command line if they belong to this tender"
        }
    }
}

/// What a directory entry is, when it is not a regular file.
public enum FileKind: String, Hashable, Sendable {
    case folder
    case fifo
    case socket
    case characterDevice = "character-device"
    case blockDevice = "block-device"
    case other

    /// With its article, for messages: "a FIFO (named pipe)".
    public var phrase: String {
        switch self {
        case .folder: "a folder"
        case .fifo: "a FIFO (named pipe)"
        case .socket: "a socket"
        case .characterDevice: "a character device"
        case .blockDevice: "a block device"
        case .other: "a special file"
        }
    }
}
