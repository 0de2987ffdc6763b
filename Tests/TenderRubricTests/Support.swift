import Foundation
import TenderCore
import TenderModel
import Testing

@testable import TenderRubric

/// Helpers shared by the rubric tests.
enum RubricFixtures {
    static func url(_ name: String) throws -> URL {
        try #require(
            Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"),
            "missing fixture \(name)"
        )
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url(name)))
    }

    /// Loads a fixture under its bare file name, so diagnostics read `valid.yaml:3:5: …`.
    static func load(_ name: String) throws -> LoadedRubric {
        try RubricLoader.load(bytes: bytes(name), file: name)
    }

    /// The full text of every diagnostic thrown when loading the fixture (empty when it loads).
    static func errors(_ name: String) throws -> [String] {
        try errors(bytes: bytes(name), file: name)
    }

    static func errors(inline yaml: String, file: String = "inline.yaml") -> [String] {
        errors(bytes: Array(yaml.utf8), file: file)
    }

    static func errors(bytes: [UInt8], file: String) -> [String] {
        do {
            _ = try RubricLoader.load(bytes: bytes, file: file)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }
}
