import Foundation
public import TenderCore

/// Finds and reads the files a run evaluates, refusing oversized ones before reading them.
public enum InputFiles {
    /// Bid files named by `paths`: a file is taken as given; a folder contributes its `*.xml` files (not its
    /// subfolders). Sorted and without duplicates, so the order never depends on the command line or the
    /// file system.
    public static func files(
        in paths: [String],
        withExtension fileExtension: String
    ) throws(DiagnosticError) -> [String] {
        var found = Set<String>()
        var collector = DiagnosticCollector()
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                collector.error("no such file or folder", at: SourceLocation(file: path))
                continue
            }
            guard isDirectory.boolValue else {
                found.insert(path)
                continue
            }
            let names = (try? manager.contentsOfDirectory(atPath: path)) ?? []
            for name in names where name.lowercased().hasSuffix("." + fileExtension) && !name.hasPrefix(".") {
                let full = (path as NSString).appendingPathComponent(name)
                var isFolder: ObjCBool = false
                if manager.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue {
                    found.insert(full)
                }
            }
        }
        try collector.throwIfErrors()
        return found.sorted()
    }

    /// The file's bytes, or a diagnostic: missing, unreadable, or larger than `limit` (checked before reading).
    public static func read(_ path: String, limit: Int) -> Result<[UInt8], DiagnosticError> {
        let location = SourceLocation(file: path)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let size = (attributes[.size] as? NSNumber)?.intValue
        else {
            return .failure(DiagnosticError(.error("cannot read file", at: location)))
        }
        guard size <= limit else {
            return .failure(
                DiagnosticError(
                    .error(
                        "file is \(size) bytes, larger than the limit of \(limit) bytes; it was not read "
                            + "(raise the limit with --max-file-size if this is a genuine bid)",
                        at: location
                    )
                )
            )
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(DiagnosticError(.error("cannot read file", at: location)))
        }
        defer { try? handle.close() }
        // Read at most one byte past the limit, in case the file grew after it was measured.
        let data = (try? handle.read(upToCount: limit < Int.max ? limit + 1 : limit)) ?? Data()
        guard data.count <= limit else {
            return .failure(DiagnosticError(.error("file grew past the size limit while being read", at: location)))
        }
        return .success([UInt8](data))
    }
}
