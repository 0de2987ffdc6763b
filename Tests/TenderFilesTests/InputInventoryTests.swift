import Foundation
import TenderCore
import TenderModel
import Testing

@testable import TenderFiles

#if canImport(Glibc)
import Glibc
#endif

@Suite struct InputInventoryTests {
    private func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "tender-inventory-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func reasons(_ inventory: InputInventory) -> [String: IgnoredReason] {
        Dictionary(
            uniqueKeysWithValues: inventory.entries.compactMap { entry in entry.ignoredReason.map { (entry.path, $0) } }
        )
    }

    @Test func everyEntryIsClassified() throws {
        let folder = try temporaryFolder()
        let manager = FileManager.default
        for name in ["a.xml", "B.XML", "sheet.csv", "README.md", ".hidden.xml"] {
            try "x".write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }
        try manager.createDirectory(atPath: folder + "/dir.xml", withIntermediateDirectories: false)
        try manager.createSymbolicLink(atPath: folder + "/gone.xml", withDestinationPath: "none.xml")
        try manager.createSymbolicLink(atPath: folder + "/self.xml", withDestinationPath: "self.xml")
        try manager.createSymbolicLink(atPath: folder + "/link.xml", withDestinationPath: "a.xml")
        #expect(mkfifo(folder + "/pipe.csv", 0o644) == 0)

        let inventory = try InputFiles.inventory(bidPaths: [folder], sheetPaths: nil)
        #expect(inventory.bids.map(\.display) == [folder + "/B.XML", folder + "/a.xml"])
        #expect(inventory.sheets.map(\.display) == [folder + "/sheet.csv"])
        #expect(
            reasons(inventory) == [
                folder + "/.hidden.xml": .hidden,
                folder + "/README.md": .notABidOrScoreSheet,
                folder + "/dir.xml": .notARegularFile(.folder),
                folder + "/gone.xml": .danglingSymbolicLink,
                folder + "/self.xml": .symbolicLinkLoop,
                folder + "/link.xml": .sameFileAs(folder + "/a.xml"),
                folder + "/pipe.csv": .notARegularFile(.fifo),
            ]
        )
        #expect(
            inventory.diagnostics.map(\.description) == [
                "\(folder)/dir.xml: error: not read: a folder, not a regular file; only regular files are read",
                "\(folder)/gone.xml: error: not read: symbolic link to a file that does not exist",
                "\(folder)/pipe.csv: error: not read: a FIFO (named pipe), not a regular file; only regular files "
                    + "are read",
                "\(folder)/self.xml: error: not read: symbolic link loop",
            ]
        )
    }

    @Test func sheetsInTheBidsFolderAreListedWhenNamedSeparately() throws {
        let folder = try temporaryFolder()
        try "x".write(toFile: folder + "/a.xml", atomically: true, encoding: .utf8)
        try "x".write(toFile: folder + "/old.csv", atomically: true, encoding: .utf8)
        let sheets = try temporaryFolder()
        try "x".write(toFile: sheets + "/new.csv", atomically: true, encoding: .utf8)
        let inventory = try InputFiles.inventory(bidPaths: [folder], sheetPaths: [sheets + "/new.csv"])
        #expect(inventory.sheets.map(\.display) == [sheets + "/new.csv"])
        #expect(reasons(inventory) == [folder + "/old.csv": .scoreSheetsGivenSeparately])
    }

    @Test func aNamedPathThatIsNotARegularFileOrFolderIsAnError() throws {
        let folder = try temporaryFolder()
        #expect(mkfifo(folder + "/p.xml", 0o644) == 0)
        let error = #expect(throws: DiagnosticError.self) {
            try InputFiles.inventory(bidPaths: [folder + "/p.xml", folder + "/none.xml"], sheetPaths: nil)
        }
        #expect(
            error?.description == "\(folder)/p.xml: error: a FIFO (named pipe), not a regular file; only regular "
                + "files are read\n\(folder)/none.xml: error: no such file or folder"
        )
        guard case .failure(let refused) = InputFiles.read(folder + "/p.xml", limit: 1024, as: .bid) else {
            Issue.record("a FIFO was read")
            return
        }
        #expect(
            refused.description == "\(folder)/p.xml: error: a FIFO (named pipe), not a regular file; only regular "
                + "files are read"
        )
    }

    @Test func namesAreShownEscaped() {
        #expect(VisibleText.fileName([0x62, 0x2F, 0xCD, 0xB6, 0xB1, 0xEA, 0x2E, 0x78]) == "b/\\xCD\\xB6\\xB1\\xEA.x")
        #expect(VisibleText.fileName(Array("投标/a\nb.xml".utf8)) == "投标/a\\nb.xml")
        #expect(VisibleText.escaped("a\u{202E}b\u{1B}[2K\u{85}\u{2066}") == "a\\u{202E}b\\u{1B}[2K\\u{85}\\u{2066}")
        let forged = Diagnostic.error("bad\nx.xml:1:1: error: forged", at: SourceLocation(file: "a\nb.xml", line: 1))
        #expect(forged.description == "a\\nb.xml:1: error: bad\\nx.xml:1:1: error: forged")
        #expect(VisibleText.excerpt(String(repeating: "s", count: 50), limit: 4) == "ssss…")
    }
}
