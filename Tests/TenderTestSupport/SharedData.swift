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

    /// `../shared/<relativePath>` when it exists. When it does not, a user's clone skips the test with a visible
    /// message, while CI (`CI=true`) records a failure: there the data must be present.
    public static func folder(
        _ relativePath: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> URL? {
        let url = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/\(relativePath)")
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            return url
        }
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            Issue.record("shared test data \(url.path) is missing under CI", sourceLocation: sourceLocation)
        } else {
            print("SKIPPED: shared test data \(url.path) is not present; this test needs ../shared beside the clone")
        }
        return nil
    }
}
