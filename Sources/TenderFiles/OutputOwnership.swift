import Foundation
import TenderCore
import TenderModel

#if canImport(Glibc)
import Glibc
#endif

/// Decides which files in an existing output folder this tool wrote. The previous run's `manifest.json` lists
/// every report it wrote with its SHA-256: a file is ours only when its name is one of the fixed report names
/// this tool writes, it is a regular file, the manifest lists it, and its bytes still have that hash. The
/// manifest is a file anyone can write, so it can only confirm a report name, never make another name ours: a
/// forged manifest listing `thesis.docx` cannot get it deleted. Anything else (another name, a report edited by
/// hand, a folder, a link) is someone else's, and `--force` never deletes it.
enum OutputOwnership {
    static let manifestName = "manifest.json"

    /// Each entry of `folder` that the tool did not write, with why, sorted by name; `reportNames` are the only
    /// names the tool ever writes at the top of the folder (the manifest among them). `reportFolders` are the
    /// subfolders it writes (one level, e.g. `letters`), each with the test its file names pass: a real folder of
    /// that name is ours when every entry in it is a regular file whose name passes the test and that the manifest
    /// lists as `folder/name` with the hash its bytes still have. Their file names vary from run to run (one
    /// letter per bidder), so the test is a pattern, never a list; and the manifest only confirms a file actually
    /// found inside that folder: a manifest naming `../x` or `letters/../../x` names nothing found.
    static func foreignEntries(
        in folder: String,
        reportNames: Set<String>,
        reportFolders: [String: @Sendable (String) -> Bool] = [:],
        sha256: ([UInt8]) -> String
    ) -> [String] {
        let names: [[UInt8]]
        switch folderEntryNames(InputPath(bytes: Array(folder.utf8))) {
        case .success(let found): names = found.sorted { $0.lexicographicallyPrecedes($1) }
        case .failure: return ["(the folder cannot be read)"]
        }
        let written = manifestOutputs(in: folder)
        var foreign: [String] = []
        for raw in names {
            let shown = VisibleText.fileName(raw)
            let path = InputPath(bytes: Array(folder.utf8) + [UInt8(ascii: "/")] + raw)
            if let name = String(validating: raw, as: UTF8.self), let owns = reportFolders[name],
                let entry = FileStatus.entry(path), entry.kind == .special(.folder)
            {
                foreign += foreignEntries(
                    inReportFolder: name,
                    of: folder,
                    owns: owns,
                    written: written,
                    sha256: sha256
                )
                continue
            }
            guard let entry = FileStatus.entry(path), entry.kind == .regular else {
                foreign.append("\(shown) (not a regular file)")
                continue
            }
            guard let name = String(validating: raw, as: UTF8.self), reportNames.contains(name) else {
                foreign.append(shown)
                continue
            }
            if name == manifestName {
                if written == nil { foreign.append("\(shown) (not a manifest of this tool)") }
                continue
            }
            guard let expected = written?[name] else {
                foreign.append(shown)
                continue
            }
            guard case .success(let bytes) = InputFiles.read(path, limit: Int(Int32.max), as: .earlierOutput),
                sha256(bytes) == expected
            else {
                foreign.append("\(shown) (changed since this tool wrote it)")
                continue
            }
        }
        return foreign
    }

    /// The entries of the report subfolder `name` that the tool did not write, shown as `name/entry`.
    private static func foreignEntries(
        inReportFolder name: String,
        of folder: String,
        owns: (String) -> Bool,
        written: [String: String]?,
        sha256: ([UInt8]) -> String
    ) -> [String] {
        let subfolder = Array(folder.utf8) + [UInt8(ascii: "/")] + Array(name.utf8)
        let names: [[UInt8]]
        switch folderEntryNames(InputPath(bytes: subfolder)) {
        case .success(let found): names = found.sorted { $0.lexicographicallyPrecedes($1) }
        case .failure: return ["\(name)/ (the folder cannot be read)"]
        }
        var foreign: [String] = []
        for raw in names {
            let shown = name + "/" + VisibleText.fileName(raw)
            let path = InputPath(bytes: subfolder + [UInt8(ascii: "/")] + raw)
            guard let entry = FileStatus.entry(path), entry.kind == .regular else {
                foreign.append("\(shown) (not a regular file)")
                continue
            }
            guard let entryName = String(validating: raw, as: UTF8.self), owns(entryName),
                let expected = written?[name + "/" + entryName]
            else {
                foreign.append(shown)
                continue
            }
            guard case .success(let bytes) = InputFiles.read(path, limit: Int(Int32.max), as: .earlierOutput),
                sha256(bytes) == expected
            else {
                foreign.append("\(shown) (changed since this tool wrote it)")
                continue
            }
        }
        return foreign
    }

    /// The outputs the folder's manifest lists (name to SHA-256), or nil when there is no manifest of this tool.
    private static func manifestOutputs(in folder: String) -> [String: String]? {
        let path = InputPath(folder + "/" + manifestName)
        guard case .success(let bytes) = InputFiles.read(path, limit: 64 * 1024 * 1024, as: .earlierOutput),
            let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
            object["tool"] as? String == "tender-eval",
            let outputs = object["outputs"] as? [[String: Any]]
        else { return nil }
        var result: [String: String] = [:]
        for output in outputs {
            guard let name = output["path"] as? String, let hash = output["sha256"] as? String else { return nil }
            result[name] = hash
        }
        return result
    }
}
