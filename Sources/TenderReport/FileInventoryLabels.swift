import TenderCore
import TenderModel

/// The words of the "files in the bid folders" section, in one language. Kept apart from `Labels` because the
/// section states one idea: what the run did with every file it was handed.
struct FileInventoryLabels: Sendable {
    var section: String
    var summary: @Sendable (_ bids: Int, _ sheets: Int, _ notRead: Int) -> String
    var file: String
    var use: String
    var bid: String
    var scoreSheet: String
    var notRead: String
    var nameNotUTF8: String
    var reason: @Sendable (IgnoredReason) -> String

    static func labels(for language: ReportLanguage) -> FileInventoryLabels {
        switch language {
        case .en: english
        case .zh: chinese
        }
    }

    static let english = FileInventoryLabels(
        section: "Files in the bid folders",
        summary: { bids, sheets, notRead in
            "\(bids) \(bids == 1 ? "bid file" : "bid files") read, \(sheets) "
                + "\(sheets == 1 ? "score sheet" : "score sheets") read, \(notRead) "
                + "\(notRead == 1 ? "entry" : "entries") not read. Every bid file read appears in the ranking or "
                + "among the bids not ranked."
        },
        file: "File",
        use: "Use",
        bid: "bid",
        scoreSheet: "score sheet",
        notRead: "not read",
        nameNotUTF8: "name is not valid UTF-8 (shown with \\xHH escapes)",
        reason: { reason in
            switch reason {
            case .notABidOrScoreSheet: "not a bid (*.xml) or a score sheet (*.csv, *.xlsx)"
            case .hidden: "hidden file (name starts with a dot)"
            case .notARegularFile(let kind): "\(englishKind(kind)), not a regular file"
            case .symbolicLinkTo(let kind): "symbolic link to \(englishKind(kind)), not to a regular file"
            case .danglingSymbolicLink: "symbolic link to a file that does not exist"
            case .symbolicLinkLoop: "symbolic link loop"
            case .sameFileAs(let other): "same file as \(other), read once"
            case .scoreSheetsGivenSeparately: "score sheets were given with --scores"
            case .committeeGivenSeparately: "the committee file was given with --committee"
            case .decisionsGivenSeparately: "the decisions file was given with --decisions"
            case .spreadsheetLockFile: "Excel's lock file for a workbook that is open (~$…), not a score sheet"
            case .cannotExamine(let why): "cannot be examined: \(why)"
            case .subfolderWithBidLikeFiles(let count, let patterns):
                "folder holding \(count) bid-like \(count == 1 ? "file" : "files") "
                    + "(\(patterns.joined(separator: ", "))), not read: subfolders are never read; name the folder on "
                    + "the command line if they belong to this tender"
            }
        }
    )

    static let chinese = FileInventoryLabels(
        section: "投标文件夹中的文件",
        summary: { bids, sheets, notRead in
            "读取投标文件 \(bids) 个、评分表 \(sheets) 个，未读取 \(notRead) 项。读取的每个投标文件均列于排名或未参与排名的投标中。"
        },
        file: "文件",
        use: "用途",
        bid: "投标文件",
        scoreSheet: "评分表",
        notRead: "未读取",
        nameNotUTF8: "文件名不是有效的 UTF-8（以 \\xHH 转义显示）",
        reason: { reason in
            switch reason {
            case .notABidOrScoreSheet: "不是投标文件（*.xml）或评分表（*.csv、*.xlsx）"
            case .hidden: "隐藏文件（文件名以点开头）"
            case .notARegularFile(let kind): "\(chineseKind(kind))，不是普通文件"
            case .symbolicLinkTo(let kind): "指向\(chineseKind(kind))的符号链接，未指向普通文件"
            case .danglingSymbolicLink: "符号链接指向的文件不存在"
            case .symbolicLinkLoop: "符号链接循环"
            case .sameFileAs(let other): "与 \(other) 为同一文件，只读取一次"
            case .scoreSheetsGivenSeparately: "评分表已通过 --scores 指定"
            case .committeeGivenSeparately: "评标委员会名单已通过 --committee 指定"
            case .decisionsGivenSeparately: "评审决定记录已通过 --decisions 指定"
            case .spreadsheetLockFile: "Excel 打开工作簿时留下的锁定文件（~$…），不是评分表"
            case .cannotExamine(let why): "无法检查：\(why)"
            case .subfolderWithBidLikeFiles(let count, let patterns):
                "文件夹，内含 \(count) 个疑似投标文件（\(patterns.joined(separator: "、"))），未读取：子文件夹一律不读取；"
                    + "如属本项目，请在命令行中指定该文件夹"
            }
        }
    )

    private static func englishKind(_ kind: FileKind) -> String {
        kind.phrase
    }

    private static func chineseKind(_ kind: FileKind) -> String {
        switch kind {
        case .folder: "文件夹"
        case .fifo: "命名管道（FIFO）"
        case .socket: "套接字"
        case .characterDevice: "字符设备"
        case .blockDevice: "块设备"
        case .other: "特殊文件"
        }
    }
}
