import Foundation
import TenderCore
import TenderModel
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
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name != "manifest.json" {
            result[name] = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
        }
        return result
    }

    /// A stand-in for SHA-256: the tests only need equal bytes to give equal digests and others different ones.
    static func digest(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16) }.joined(separator: ".")
    }

    /// Reports plus the manifest that lists them, as a run writes them.
    static func reports(_ files: [(name: String, bytes: [UInt8])]) -> [(name: String, bytes: [UInt8])] {
        let outputs = files.map { "{\"path\": \"\($0.name)\", \"sha256\": \"\(digest($0.bytes))\"}" }
        let manifest = "{\"tool\": \"tender-eval\", \"outputs\": [\(outputs.joined(separator: ", "))]}"
        return files + [("manifest.json", Array(manifest.utf8))]
    }

    private func publish(
        _ files: [(name: String, bytes: [UInt8])],
        to folder: String,
        replace: Bool
    ) throws(DiagnosticError) {
        try OutputFolder.publish(files, to: folder, replace: replace, sha256: Self.digest)
    }

    private let first = reports([("report.md", Array("one".utf8)), ("a.csv", Array("1".utf8))])
    private let second = reports([("report.md", Array("two".utf8)), ("a.csv", Array("2".utf8))])

    @Test func createsTheFolderAndLeavesNoStagingBehind() throws {
        let parent = try temporaryFolder()
        try publish(first, to: parent + "/out", replace: false)
        #expect(try contents(of: parent + "/out") == ["report.md": "one", "a.csv": "1"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["out"])
    }

    /// Files written piece by piece straight into the staging folder end up whole and in order, and the writer
    /// is called once per name, in the order given (the manifest, written last, can list the others' hashes).
    @Test func filesWrittenInPiecesArePublishedWhole() throws {
        let parent = try temporaryFolder()
        var order: [Int] = []
        try OutputFolder.publish(
            names: ["report.md", "a.csv"],
            to: parent + "/out",
            replace: false,
            sha256: Self.digest
        ) {
            index,
            file in
            order.append(index)
            for piece in index == 0 ? ["one", " and", " more"] : ["1", ",2"] {
                Array(piece.utf8).withUnsafeBytes { file.write($0) }
            }
        }
        #expect(order == [0, 1])
        #expect(try contents(of: parent + "/out") == ["report.md": "one and more", "a.csv": "1,2"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["out"])
    }

    @Test func existingReportsAreKeptUnlessReplacingIsAsked() throws {
        let parent = try temporaryFolder()
        try publish(first, to: parent + "/out", replace: false)
        let error = #expect(throws: DiagnosticError.self) {
            try publish(second, to: parent + "/out", replace: false)
        }
        #expect(
            error?.description
                == "\(parent)/out: error: output folder already holds reports; pass --force to replace them"
        )
        #expect(try contents(of: parent + "/out") == ["report.md": "one", "a.csv": "1"])
        try publish(second, to: parent + "/out", replace: true)
        #expect(try contents(of: parent + "/out") == ["report.md": "two", "a.csv": "2"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["out"])
    }

    @Test func aFolderWithOtherFilesIsNeverReplaced() throws {
        let parent = try temporaryFolder()
        let folder = parent + "/out"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "keep me".write(toFile: folder + "/minutes.docx", atomically: true, encoding: .utf8)
        let error = #expect(throws: DiagnosticError.self) {
            try publish(first, to: folder, replace: true)
        }
        #expect(
            error?.description == "\(folder): error: output folder holds files that are not reports of this tool: "
                + "minutes.docx; nothing was deleted or replaced; choose another folder or move them away"
        )
        #expect(try contents(of: folder) == ["minutes.docx": "keep me"])
    }

    @Test func aReportChangedByHandOrAFolderIsForeignAndNothingIsDeleted() throws {
        let parent = try temporaryFolder()
        let folder = parent + "/out"
        try publish(first, to: folder, replace: false)
        try "edited".write(toFile: folder + "/report.md", atomically: false, encoding: .utf8)
        let edited = #expect(throws: DiagnosticError.self) { try publish(second, to: folder, replace: true) }
        #expect(
            edited?.description == "\(folder): error: output folder holds files that are not reports of this tool: "
                + "report.md (changed since this tool wrote it); nothing was deleted or replaced; choose another "
                + "folder or move them away"
        )
        #expect(try contents(of: folder) == ["report.md": "edited", "a.csv": "1"])
        try FileManager.default.removeItem(atPath: folder + "/report.md")
        try FileManager.default.createDirectory(atPath: folder + "/report.md", withIntermediateDirectories: false)
        let directory = #expect(throws: DiagnosticError.self) { try publish(second, to: folder, replace: true) }
        #expect(directory?.description.contains("report.md (not a regular file)") == true)
        #expect(FileManager.default.fileExists(atPath: folder + "/report.md"))
    }

    @Test func aFolderWithoutAManifestOfThisToolIsNeverReplaced() throws {
        let parent = try temporaryFolder()
        let folder = parent + "/out"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "mine".write(toFile: folder + "/report.md", atomically: true, encoding: .utf8)
        try "{}".write(toFile: folder + "/manifest.json", atomically: true, encoding: .utf8)
        let error = #expect(throws: DiagnosticError.self) { try publish(first, to: folder, replace: true) }
        #expect(
            error?.description == "\(folder): error: output folder holds files that are not reports of this tool: "
                + "manifest.json (not a manifest of this tool), report.md; nothing was deleted or replaced; choose "
                + "another folder or move them away"
        )
        #expect(try contents(of: folder) == ["report.md": "mine"])
    }

    @Test func everySpellingOfTheFolderStagesBesideIt() throws {
        let parent = try temporaryFolder()
        let folder = parent + "/out"
        try publish(first, to: folder + "/", replace: false)
        try publish(second, to: folder + "/.", replace: true)
        #expect(try contents(of: folder) == ["report.md": "two", "a.csv": "2"])
        try publish(first, to: folder + "/../out/./", replace: true)
        #expect(try contents(of: folder) == ["report.md": "one", "a.csv": "1"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["out"])
        let root = #expect(throws: DiagnosticError.self) { try publish(first, to: "/", replace: true) }
        #expect(root?.description == "/: error: the root folder cannot be the output folder")
    }

    @Test func stagingLeftByAKilledRunIsRemoved() throws {
        let parent = try temporaryFolder()
        // No process has this id: Linux limits ids to 2^22.
        let abandoned = parent + "/.out.tender-eval-staging-99999999"
        try FileManager.default.createDirectory(atPath: abandoned, withIntermediateDirectories: true)
        try "half".write(toFile: abandoned + "/report.md", atomically: true, encoding: .utf8)
        try publish(first, to: parent + "/out", replace: false)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["out"])
    }

    @Test func oversizedInputIsRefusedBeforeReading() throws {
        let parent = try temporaryFolder()
        let path = parent + "/big.xml"
        try String(repeating: "x", count: 2048).write(toFile: path, atomically: true, encoding: .utf8)
        guard case .failure(let error) = InputFiles.read(path, limit: 1024, as: .bid) else {
            Issue.record("an oversized file was read")
            return
        }
        #expect(
            error.description == "\(path): error: file is 2048 bytes, larger than the limit of 1024 bytes; it was "
                + "not read (raise the limit with --max-file-size if this is a genuine bid)"
        )
        guard case .failure(let missing) = InputFiles.read(parent + "/none.xml", limit: 1024, as: .bid) else { return }
        #expect(missing.description == "\(parent)/none.xml: error: cannot read file: No such file or directory")
    }

    @Test func bidFilesAreListedSortedWhateverTheArgumentOrder() throws {
        let parent = try temporaryFolder()
        for name in ["b.xml", "a.xml", "notes.txt", ".hidden.xml", "c.XML"] {
            try "x".write(toFile: parent + "/" + name, atomically: true, encoding: .utf8)
        }
        let listed = try InputFiles.inventory(bidPaths: [parent], sheetPaths: []).bids.map(\.display)
        #expect(listed == [parent + "/a.xml", parent + "/b.xml", parent + "/c.XML"])
        let reversed = try InputFiles.inventory(bidPaths: listed.reversed(), sheetPaths: []).bids.map(\.display)
        #expect(reversed == listed)
    }
}
