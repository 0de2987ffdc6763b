public import Foundation
public import Testing

/// Where the repository and the read-only third-party test data (`../shared` beside the repository) are.
public enum SharedData {
    /// The repository root, found from this file's compile-time path.
    public static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// Whether a test that needs `../shared/<relativePath>` should run: when the data is there, and always under
    /// CI (`CI=true`), where its absence must fail the test rather than skip it. Use it as
    /// `.enabled(if: SharedData.available("corpus/hostile"), "needs ../shared/corpus/hostile")` so that a clone
    /// without the data shows the test as skipped, never as passed.
    public static func available(_ relativePath: String) -> Bool {
        if ProcessInfo.processInfo.environment["CI"] == "true" { return true }
        var isDirectory: ObjCBool = false
        let url = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/\(relativePath)")
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// `../shared/<relativePath>` when it exists. When it does not, the test records a failure: tests that use it
    /// are guarded by `available(_:)`, so this happens only under CI, where the data must be present.
    public static func folder(
        _ relativePath: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> URL? {
        let url = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/\(relativePath)")
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            return url
        }
        Issue.record("shared test data \(url.path) is missing", sourceLocation: sourceLocation)
        return nil
    }
}
