import Foundation
import TenderCore
import TenderIntake
public import TenderModel
import TenderRubric

/// The promises the fuzzers check on every input, shared by the libFuzzer targets, their file-replay mode and the
/// regression tests that keep every finding. Each check returns what is wrong, or nil when the promise holds.
public enum FuzzChecks {
    /// A subset of the example rubric's fact queries (rubrics/huangyan-logistics-2020.yaml), so that fact
    /// extraction runs on every input the way it does in a real evaluation.
    public static let exampleQueries: [FactQuery] = [
        FactQuery(
            id: "gate:business-licence",
            expression: "boolean(/b:bid/b:bidder/b:registration-id[@scheme='USCC'])",
            kind: .boolean
        ),
        FactQuery(id: "price", expression: "number(/b:bid/b:price/b:total)", kind: .number),
        FactQuery(
            id: "certified-staff",
            expression: "count(/b:bid/b:capability/b:staff/b:person[b:qualification])",
            kind: .number
        ),
        FactQuery(
            id: "project-manager",
            expression:
                "boolean(/b:bid/b:capability/b:staff/b:person[@role='project-manager'][b:qualification='物业管理师'])",
            kind: .boolean
        ),
        FactQuery(
            id: "emergency-response",
            expression: "/b:bid/b:capability/b:emergency-response/@minutes",
            kind: .number
        ),
        FactQuery(id: "spare-parts", expression: "/b:bid/b:capability/b:spare-parts/@stock-value", kind: .number),
        FactQuery(id: "equipment", expression: "count(/b:bid/b:capability/b:equipment/b:item)", kind: .number),
        FactQuery(
            id: "iso9001",
            expression:
                "boolean(/b:bid/b:quality/b:certification[@standard='ISO9001' and "
                + "translate(@valid-until, '-', '') >= 20201120])",
            kind: .boolean
        ),
        FactQuery(
            id: "association-rating",
            expression: "string(/b:bid/b:quality/b:association-rating/@grade)",
            kind: .text
        ),
        FactQuery(
            id: "client-satisfaction",
            expression:
                "sum(/b:bid/b:reputation/b:past-contract/@satisfaction) div count(/b:bid/b:reputation/b:past-contract)",
            kind: .number
        ),
        FactQuery(
            id: "comparable-contracts",
            expression: "count(/b:bid/b:reputation/b:past-contract[@year >= 2017 and @value >= 1500000])",
            kind: .number
        ),
        FactQuery(id: "any-text", expression: "string(//*[local-name()='name'][1])", kind: .text),
    ]

    static let bidImporter: BidImporter = {
        do {
            return try BidImporter(
                queries: exampleQueries,
                namespaces: [NamespaceBinding(prefix: "b", uri: "urn:tender-eval:bid:1")]
            )
        } catch {
            fatalError("the fuzz queries do not compile: \(error)")
        }
    }()

    /// The importer returns, and either imports the bid or rejects it with an error located in the file, at a
    /// real line and column.
    public static func bidImportProblem(_ bytes: [UInt8], file: String = "fuzz-input.xml") -> String? {
        switch bidImporter.importBid(bytes: bytes, file: file) {
        case .imported(let bid, _):
            return bid.file == file ? nil : "imported bid names file \(bid.file), expected \(file)"
        case .rejected(let rejectedFile, let diagnostics):
            guard rejectedFile == file else { return "rejection names file \(rejectedFile), expected \(file)" }
            return locatedErrorsProblem(diagnostics, file: file, what: "bid")
        }
    }

    /// The loader returns a rubric (whose fact queries can be listed) or throws errors, each located in the file
    /// at a real line and column.
    public static func rubricProblem(_ bytes: [UInt8], file: String = "fuzz-input.yaml") -> String? {
        do {
            let loaded = try RubricLoader.load(bytes: bytes, file: file)
            _ = loaded.rubric.factQueries
            return nil
        } catch {
            return locatedErrorsProblem(error.diagnostics, file: file, what: "rubric")
        }
    }

    /// The evaluation plan loader returns a plan (whose months and standings can be read) or throws errors, each
    /// located in the file at a real line and column.
    public static func planProblem(_ bytes: [UInt8], file: String = "fuzz-input.yaml") -> String? {
        do {
            let plan = try PlanLoader.load(bytes: bytes, file: file)
            _ = plan.months
            _ = plan.standing(for: .zero)
            return nil
        } catch {
            return locatedErrorsProblem(error.diagnostics, file: file, what: "evaluation plan")
        }
    }

    private static func locatedErrorsProblem(_ diagnostics: [Diagnostic], file: String, what: String) -> String? {
        let errors = diagnostics.filter { $0.severity == .error }
        guard !errors.isEmpty else { return "\(what) refused without an error diagnostic: \(diagnostics)" }
        guard errors.contains(where: { $0.location?.file == file }) else {
            return "\(what) refused without an error located in the input: \(diagnostics)"
        }
        for diagnostic in errors {
            guard let location = diagnostic.location else { continue }
            guard (location.line ?? 1) >= 1, (location.column ?? 1) >= 1 else {
                return "\(what) error at an impossible position: \(diagnostic)"
            }
        }
        return nil
    }

    /// The fuzz targets' ordinary-build entry point: runs every file named on the command line through `check`
    /// and stops at the first broken promise, which reproduces a fuzzer finding. Returns the exit status.
    public static func replay(arguments: [String], tool: String, check: ([UInt8]) -> String?) -> Int32 {
        guard !arguments.isEmpty else {
            FileHandle.standardError.write(Data("usage: \(tool) FILE...\n".utf8))
            return 2
        }
        for path in arguments {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("\(path): cannot read file\n".utf8))
                return 1
            }
            if let problem = check([UInt8](data)) {
                FileHandle.standardError.write(Data("\(path): \(problem)\n".utf8))
                return 1
            }
            print("\(path): ok")
        }
        return 0
    }
}
