import Foundation
public import TenderCore
import TenderFiles
import TenderIntake
public import TenderModel
import TenderReport
import TenderRubric
import TenderScoring

/// What `tender-eval score` is asked to do.
public struct ScoreRequest: Sendable {
    public var rubricPath: String
    /// Bid files and folders (a folder contributes its `*.xml` files).
    public var bidPaths: [String]
    /// Files that list more bid files and folders, one per line (`--bids-from`).
    public var bidListPaths: [String]
    /// Committee score sheets (CSV or `.xlsx`); nil means every `*.csv` and `*.xlsx` in the bid folders.
    public var sheetPaths: [String]?
    public var limits: ImportLimits
    public var language: ReportLanguage
    /// `result.json` indented for reading instead of compact (`--pretty`).
    public var prettyJSON: Bool
    /// The committee file (`--committee`); nil means the `committee.yaml` in a bids folder, if there is one.
    public var committeePath: String? = nil
    /// The decisions file (`--decisions`); nil means the `decisions.yaml` in a bids folder, if there is one.
    public var decisionsPath: String? = nil
    /// The performance history a history criterion reads (`--db`); nil means `tender-eval.sqlite` here. Opened
    /// only when the rubric has such a criterion.
    public var historyDatabasePath: String? = nil

    public init(
        rubricPath: String,
        bidPaths: [String],
        bidListPaths: [String] = [],
        sheetPaths: [String]?,
        limits: ImportLimits,
        language: ReportLanguage,
        prettyJSON: Bool = false
    ) {
        self.prettyJSON = prettyJSON
        self.rubricPath = rubricPath
        self.bidPaths = bidPaths
        self.bidListPaths = bidListPaths
        self.sheetPaths = sheetPaths
        self.limits = limits
        self.language = language
    }
}

/// The outcome of a run: the evaluation, what to tell the user and the exit status. The reports are rendered
/// only when they are written (`ScorePipeline.publish(_:to:replace:)` streams each into its file).
public struct ScoreRun: Sendable {
    public var evaluation: Evaluation
    /// Every file read, as shown, with its SHA-256.
    public var inputs: [(path: String, sha256: String)]
    public var language: ReportLanguage
    public var prettyJSON: Bool
    /// Everything found on the way, for stderr.
    public var diagnostics: [Diagnostic]
    public var exitStatus: ExitStatus

    /// Report files by name, manifest last, rendered in memory (for tests and small tenders).
    public var reports: [(name: String, bytes: [UInt8])] {
        ScorePipeline.render(evaluation, inputs: inputs, language: language, prettyJSON: prettyJSON)
    }

    /// Streams `report.md` to `output` in 64 KiB pieces (what `score` prints without `--out`).
    public func writeMarkdown(to output: (UnsafeRawBufferPointer) -> Void) {
        withoutActuallyEscaping(output) { output in
            let sink = ChunkedSink(output)
            ReportRenderer.writeMarkdown(
                evaluation,
                context: ScorePipeline.context(inputs: inputs, language: language, prettyJSON: prettyJSON),
                to: sink
            )
            sink.flush()
        }
    }
}

/// How far a `score` run has come, for a progress line on a terminal.
public enum ScoreProgress: Sendable, Equatable {
    /// `done` of `of` bid files read and imported.
    case importing(done: Int, of: Int)
    case evaluating
    case rendering
}

/// The process exit statuses scripts can rely on.
public enum ExitStatus: Int32, Sendable {
    case success = 0
    /// A rubric, bid or score sheet could not be used (reports are still written for what was good).
    case badInput = 1
    /// Lawful disqualifications (gates, late bids, prices above the ceiling or budget) leave fewer valid bids than
    /// the rubric's minimum, and every bid was read and decided: the tender failed (废标).
    case tenderFailed = 2
    /// Every bid read and decided, but judgement scores are outstanding: the reports are preliminary, with no
    /// ranking, and list what is outstanding.
    case preliminary = 3
    /// A bid could not be read, or is held for the committee as a duplicate: nothing can be concluded (not even a
    /// failed tender) until these are fixed; the reports list them, with any outstanding scores.
    case cannotConclude = 4
    case usage = 64
}

/// The `score` pipeline as a library call: rubric → bids → score sheets → evaluation → reports.
public enum ScorePipeline {
    /// Bid files read and imported together; large enough to keep every core busy.
    static let importBatchSize = 512
    /// Bytes of bid files held in memory together (a larger file is imported alone).
    static let importBatchBytes = 64 * 1024 * 1024

    /// - Throws: `DiagnosticError` when nothing can be evaluated: the rubric is wrong, a path does not exist,
    ///   or a score sheet is wrong. Bad bids never throw; they are listed as not evaluated.
    public static func run(
        _ request: ScoreRequest,
        progress: (ScoreProgress) -> Void = { _ in }
    ) throws(DiagnosticError) -> ScoreRun {
        let evaluated = try evaluate(request, progress: progress)
        let evaluation = evaluated.evaluation
        let status: ExitStatus
        switch evaluation.conclusion {
        case .cannotConclude: status = .cannotConclude
        case .failed: status = .tenderFailed
        case .preliminary, .final:
            if evaluated.diagnostics.contains(where: { $0.severity == .error }) {
                status = .badInput
            } else {
                status = evaluation.conclusion == .preliminary ? .preliminary : .success
            }
        }
        return ScoreRun(
            evaluation: evaluation,
            inputs: evaluated.inputs,
            language: request.language,
            prettyJSON: request.prettyJSON,
            diagnostics: evaluated.diagnostics,
            exitStatus: status
        )
    }

    /// A tender evaluated, before any report is rendered: what `score` renders and `explain` reads one bid from.
    public struct Evaluated: Sendable {
        public var evaluation: Evaluation
        /// Every file read, as shown, with its SHA-256.
        public var inputs: [(path: String, sha256: String)]
        /// Everything found on the way, for stderr.
        public var diagnostics: [Diagnostic]
    }

    /// Reads the rubric, the bids and the score sheets and evaluates the tender; renders nothing.
    ///
    /// - Throws: as `run`.
    public static func evaluate(
        _ request: ScoreRequest,
        progress: (ScoreProgress) -> Void = { _ in }
    ) throws(DiagnosticError) -> Evaluated {
        let rubricBytes = try InputFiles.read(request.rubricPath, limit: RubricLimits.maximumFileSize, as: .rubric)
            .get()
        // The rubric's path as shown in every diagnostic and report (escaped once, here).
        let rubricFile = VisibleText.escaped(request.rubricPath)
        let loaded = try RubricLoader.load(bytes: rubricBytes, file: rubricFile)
        let rubric = loaded.rubric
        var inputs: [(path: String, sha256: String)] = [(rubricFile, sha256(rubricBytes))]
        let importer = try BidImporter(
            queries: rubric.factQueries,
            namespaces: rubric.namespaces,
            limits: request.limits
        )

        var bidPaths = request.bidPaths
        var listProblems = DiagnosticCollector()
        for list in request.bidListPaths {
            do {
                bidPaths += try PathList.read(list)
            } catch {
                listProblems.append(contentsOf: error.diagnostics)
            }
        }
        try listProblems.throwIfErrors()
        let inventory = try InputFiles.inventory(
            bidPaths: bidPaths,
            sheetPaths: request.sheetPaths,
            committeePath: request.committeePath,
            decisionsPath: request.decisionsPath
        )
        let committee = try CommitteeInput.load(inventory, rubric: rubric)
        if let committee { inputs.append((committee.committee.file, committee.sha256)) }
        let decisions = try DecisionsInput.load(inventory, rubric: rubric, committee: committee?.committee)
        if let decisions { inputs.append((decisions.log.file, decisions.sha256)) }
        let bidFiles = inventory.bids
        // Bids are read, hashed and imported a batch at a time, so memory holds one batch of files, not all: at
        // most `importBatchSize` files and `importBatchBytes` bytes (or one larger file alone), so that many copies
        // or hard links of one huge bid are parsed one after another, never all at once. The batch is decided from
        // each file's size on disk before it is read, so a large file's bytes never sit beside a batch being parsed.
        // Outcomes stay in the order of the files.
        var slots = [BidImportOutcome?](repeating: nil, count: bidFiles.count)
        var batch: [(file: String, bytes: [UInt8])] = []
        var batchIndices: [Int] = []
        var batchBytes = 0
        var failures = QueryFailureTally()
        var done = 0
        func importBatch() {
            guard !batch.isEmpty else { return }
            let imported = importer.importBatch(batch)
            failures.add(imported)
            for (index, outcome) in zip(batchIndices, imported.outcomes) { slots[index] = outcome }
            done = (batchIndices.last ?? done - 1) + 1
            progress(.importing(done: done, of: bidFiles.count))
            batch.removeAll()
            batchIndices.removeAll()
            batchBytes = 0
        }
        for (index, file) in bidFiles.enumerated() {
            let size = min(InputFiles.size(of: file) ?? 0, request.limits.maximumFileBytes)
            if batch.count >= importBatchSize || batchBytes + size > importBatchBytes { importBatch() }
            switch InputFiles.read(file, limit: request.limits.maximumFileBytes, as: .bid) {
            case .success(let bytes):
                inputs.append((file.display, sha256(bytes)))
                batchBytes += bytes.count
                batch.append((file.display, bytes))
                batchIndices.append(index)
            case .failure(let error):
                slots[index] = .rejected(file: file.display, diagnostics: error.diagnostics)
            }
        }
        importBatch()
        let outcomes = slots.enumerated().map { index, outcome in
            outcome ?? .rejected(file: bidFiles[index].display, diagnostics: [.error("bid was not imported")])
        }
        // An expression that libxml2 cannot evaluate in any bid is the rubric's mistake, not every bidder's zero.
        let rubricErrors = failures.rubricErrors(rubric.factQueries)
        if !rubricErrors.isEmpty { throw DiagnosticError(loaded.warnings + rubricErrors) }

        var sheetEntries: [ScoreSheetEntry] = []
        var declarations: [ConflictDeclaration] = []
        var sheetNotes: [Diagnostic] = []
        var sheetProblems = DiagnosticCollector()
        for file in inventory.sheets {
            do {
                let bytes = try InputFiles.read(file, limit: ScoreSheetParser.maximumFileSize, as: .scoreSheet).get()
                inputs.append((file.display, sha256(bytes)))
                let parsed =
                    file.display.lowercased().hasSuffix(".xlsx")
                    ? try ScoreSheetParser.parseWorkbook(bytes: bytes, file: file.display)
                    : try ScoreSheetParser.parseSheet(bytes: bytes, file: file.display)
                sheetEntries += parsed.entries
                declarations += parsed.declarations
                sheetNotes += parsed.notes
            } catch {
                sheetProblems.append(contentsOf: error.diagnostics)
            }
        }
        try sheetProblems.throwIfErrors()

        let history = try TenderHistoryInput.load(
            rubric: rubric,
            bids: outcomes,
            databasePath: request.historyDatabasePath
        )

        progress(.evaluating)
        var evaluation = try DecisionRounds.evaluate(
            rubric: rubric,
            bids: outcomes,
            scores: sheetEntries,
            committee: committee?.committee,
            declarations: declarations,
            history: history,
            decisions: decisions?.log
        )
        evaluation.inputFiles = inventory.entries
        // Entries that looked like bids but could not be read are part of the evaluation's record, like import
        // warnings, so every report lists them.
        evaluation.diagnostics = inventory.diagnostics + evaluation.diagnostics
        // The evaluation already holds the import warnings; the reasons bids were not evaluated are on them.
        // An unlawfully composed committee is an error (the reports show the finding too).
        let diagnostics =
            loaded.warnings + (committee?.policyErrors(after: decisions?.log, rubric: rubric) ?? []) + sheetNotes
            + evaluation.diagnostics
            + evaluation.results.filter { $0.status == .notEvaluated }.flatMap(\.problems)

        return Evaluated(evaluation: evaluation, inputs: inputs, diagnostics: diagnostics)
    }

    /// The names of the files a run writes, in the order `render` returns them: the four reports, then the
    /// manifest. `--force` may replace only files of these names (see `publish`).
    public static let outputNames = ["report.md", "report.html", "scores.csv", "result.json", "manifest.json"]

    /// Renders the four reports and the manifest that records the SHA-256 of every input and output.
    public static func render(
        _ evaluation: Evaluation,
        inputs: [(path: String, sha256: String)],
        language: ReportLanguage,
        prettyJSON: Bool = false
    ) -> [(name: String, bytes: [UInt8])] {
        let context = context(inputs: inputs, language: language, prettyJSON: prettyJSON)
        let reports = ReportRenderer.files.map { file in
            let buffer = ReportBuffer()
            file.write(evaluation, context, buffer)
            return (name: file.name, bytes: buffer.bytes)
        }
        let manifest = manifest(
            evaluation,
            inputs: inputs,
            outputs: reports.map { (path: $0.name, sha256: sha256($0.bytes)) }
        )
        return reports + [(outputNames[outputNames.count - 1], Array(manifest.utf8))]
    }

    /// The manifest of a run: the tool, every input and output with its SHA-256, and the decisions' head.
    static func manifest(
        _ evaluation: Evaluation,
        inputs: [(path: String, sha256: String)],
        outputs: [(path: String, sha256: String)]
    ) -> String {
        ManifestRenderer.render(
            toolVersion: ToolVersion.current,
            inputs: sortedInputs(inputs),
            outputs: outputs,
            decisionsHead: evaluation.decisionsHead
        )
    }

    static func sortedInputs(_ inputs: [(path: String, sha256: String)]) -> [(path: String, sha256: String)] {
        inputs.sorted { $0.path < $1.path }
    }

    static func context(
        inputs: [(path: String, sha256: String)],
        language: ReportLanguage,
        prettyJSON: Bool
    ) -> ReportContext {
        ReportContext(
            language: language,
            toolVersion: ToolVersion.current,
            inputs: sortedInputs(inputs).map { ReportInput(path: $0.path, sha256: $0.sha256) },
            prettyJSON: prettyJSON
        )
    }

    static func sha256(_ bytes: [UInt8]) -> String {
        SHA256Digest.hex(bytes)
    }
}
