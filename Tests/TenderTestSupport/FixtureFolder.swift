public import Foundation

/// The files of a fixture folder that tests run one by one (a folder's README is its description, not an input).
public enum FixtureFolder {
    public static func inputNames(_ folder: URL?) -> [String] {
        guard let folder, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            return []
        }
        return names.filter { $0 != "README.md" }.sorted()
    }
}
