import Foundation
import TenderCore
import Testing

@testable import TenderFiles

@Suite struct OutputFolderTests {
    private func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "tender-files-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func contents(of folder: String) throws -> [String: String] {
        var result: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            result[name] = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
        }
        return result
    }

    private let first: [(name: String, bytes: [UInt8])] = [
        ("report.md", Array("one".utf8)), ("a.csv", Array("1".utf8)),
    ]
    private let second: [(name: String, bytes: [UInt8])] = [
        ("report.md", Array("two".utf8)), ("a.csv", Array("2".utf8)),
    ]

    @Test func createsTheFolderAndLeavesNoStagingBehind() throws {
        let parent = try temporaryFolder()
        try OutputFolder.publish(first, to: parent + "/out", replace: false)
        #expect(try contents(of: parent + "/out") == ["report.md": "one", "a.csv": "1"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["out"])
    }

    @Test func existingReportsAreKeptUnlessReplacingIsAsked() throws {
        let parent = try temporaryFolder()
        try OutputFolder.publish(first, to: parent + "/out", replace: false)
        let error = #expect(throws: DiagnosticError.self) {
            try OutputFolder.publish(second, to: parent + "/out", replace: false)
        }
        #expect(
            error?.description
                == "\(parent)/out: error: output folder already holds reports; pass --force to replace them"
        )
        #expect(try contents(of: parent + "/out") == ["report.md": "one", "a.csv": "1"])
        try OutputFolder.publish(second, to: parent + "/out", replace: true)
        #expect(try contents(of: parent + "/out") == ["report.md": "two", "a.csv": "2"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["out"])
    }

    @Test func aFolderWithOtherFilesIsNeverReplaced() throws {
        let parent = try temporaryFolder()
        let folder = parent + "/out"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "keep me".write(toFile: folder + "/minutes.docx", atomically: true, encoding: .utf8)
        let error = #expect(throws: DiagnosticError.self) {
            try OutputFolder.publish(first, to: folder, replace: true)
        }
        #expect(
            error?.description == "\(folder): error: output folder holds files that are not reports of this tool "
                + "(minutes.docx); choose another folder"
        )
        #expect(try contents(of: folder) == ["minutes.docx": "keep me"])
    }

    @Test func oversizedInputIsRefusedBeforeReading() throws {
        let parent = try temporaryFolder()
        let path = parent + "/big.xml"
        try String(repeating: "x", count: 2048).write(toFile: path, atomically: true, encoding: .utf8)
        guard case .failure(let error) = InputFiles.read(path, limit: 1024) else {
            Issue.record("an oversized file was read")
            return
        }
        #expect(
            error.description == "\(path): error: file is 2048 bytes, larger than the limit of 1024 bytes; it was "
                + "not read (raise the limit with --max-file-size if this is a genuine bid)"
        )
        guard case .failure(let missing) = InputFiles.read(parent + "/none.xml", limit: 1024) else { return }
        #expect(missing.description == "\(parent)/none.xml: error: cannot read file")
    }

    @Test func bidFilesAreListedSortedWhateverTheArgumentOrder() throws {
        let parent = try temporaryFolder()
        for name in ["b.xml", "a.xml", "notes.txt", ".hidden.xml", "c.XML"] {
            try "x".write(toFile: parent + "/" + name, atomically: true, encoding: .utf8)
        }
        let listed = try InputFiles.files(in: [parent], withExtension: "xml")
        #expect(listed == [parent + "/a.xml", parent + "/b.xml", parent + "/c.XML"])
        let reversed = try InputFiles.files(in: listed.reversed(), withExtension: "xml")
        #expect(reversed == listed)
    }
}
