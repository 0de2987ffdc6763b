import Foundation
public import TenderCore
import TenderFiles
import TenderModel
import TenderReport
import TenderSpreadsheet

#if canImport(Glibc)
import Glibc
#endif

extension ScorePipeline {
    /// Writes the reports into `folder` all at once; `replace` (`--force`) replaces only reports this tool wrote,
    /// recognised by the SHA-256 the previous run's manifest recorded for each.
    ///
    /// - Returns: notes for the user.
    public static func publish(
        _ reports: [(name: String, bytes: [UInt8])],
        to folder: String,
        replace: Bool
    ) throws(DiagnosticError) -> [Diagnostic] {
        let fault = ProcessInfo.processInfo.environment[faultVariable].flatMap(OutputFolder.Step.init(rawValue:))
        return try OutputFolder.publish(reports, to: folder, replace: replace, sha256: sha256) { step in
            if step == fault { kill(getpid(), SIGKILL) }
        }
    }

    /// Renders the run's reports straight into the staging folder, one file at a time and each as it is built
    /// (never a whole report in memory), hashing each on the way; the manifest, written last, lists those hashes.
    /// With `publicDocuments` (`--public`) and a final evaluation, the winning-candidate notice goes into
    /// `public/` and one debrief letter per bidder into `letters/` (see `publicRefusal` for when there is none).
    ///
    /// - Returns: notes for the user.
    public static func publish(
        _ run: ScoreRun,
        to folder: String,
        replace: Bool,
        publicDocuments: Bool = false,
        progress: (ScoreProgress) -> Void = { _ in }
    ) throws(DiagnosticError) -> [Diagnostic] {
        let fault = ProcessInfo.processInfo.environment[faultVariable].flatMap(OutputFolder.Step.init(rawValue:))
        let context = context(inputs: run.inputs, language: run.language, prettyJSON: run.prettyJSON)
        let reports = ReportRenderer.files
        let extras =
            publicDocuments && run.publicRefusal == nil ? PublicDocuments.files(run.evaluation, context: context) : []
        var notes: [Diagnostic] = []
        var workbook: [UInt8]?
        do {
            workbook = try XLSXWriter.data(
                for: ScoresWorkbook.workbook(run.evaluation, language: run.language),
                temporaryFolder: NSTemporaryDirectory()
            )
        } catch {
            // The reports do not depend on the workbook: a tender too large for Excel still gets them.
            notes.append(.warning("\(ScoresWorkbook.fileName) was not written: \(error.message)"))
        }
        let written = reports.map(\.name) + (workbook == nil ? [] : [ScoresWorkbook.fileName]) + extras.map(\.name)
        let extrasStart = written.count - extras.count
        var hashes: [(path: String, sha256: String)] = []
        progress(.rendering)
        return try notes
            + OutputFolder.publish(
                names: written + [outputNames[outputNames.count - 1]],
                folders: outputFolders,
                to: folder,
                replace: replace,
                sha256: sha256,
                reached: { step in if step == fault { kill(getpid(), SIGKILL) } },
                write: { index, file in
                    let sink = HashingFileSink(file)
                    if index < reports.count {
                        reports[index].write(run.evaluation, context, sink)
                    } else if index < extrasStart, let workbook {
                        sink.write(workbook)
                    } else if index < written.count {
                        extras[index - extrasStart].write(sink)
                    } else {
                        sink.write(manifest(run.evaluation, inputs: run.inputs, outputs: hashes))
                    }
                    let sha256 = sink.finish()
                    if index < written.count { hashes.append((path: written[index], sha256: sha256)) }
                }
            )
    }

    /// The subfolders a run may write (`--public`), each with the names its files can have: under `--force` they
    /// are replaced like the reports, when every file in them has such a name and is one the previous manifest
    /// lists with its hash.
    public static let outputFolders: [String: @Sendable (String) -> Bool] = [
        PublicDocuments.noticeFolder: { PublicDocuments.noticeNames.contains($0) },
        PublicDocuments.lettersFolder: PublicDocuments.isLetterName,
    ]

    /// Fault injection for the tests of atomic publishing: `TENDER_EVAL_FAULT=<step>` (one of
    /// `OutputFolder.Step`'s raw values) makes the process kill itself with SIGKILL when publishing reaches that
    /// step, so a test can stop a run at an exact moment instead of racing a timer.
    public static let faultVariable = "TENDER_EVAL_FAULT"
}

extension ScoreRun {
    /// Why `--public` has nothing to publish, or nil when the evaluation is final and clean: the notice and the
    /// letters state a ranking, which only a final run without input errors has.
    public var publicRefusal: Diagnostic? {
        guard exitStatus != .success || evaluation.conclusion != .final else { return nil }
        let status: String
        switch evaluation.conclusion {
        case .final: status = "final, but some input could not be used"
        case .failed: status = "failed (废标)"
        case .preliminary: status = "preliminary"
        case .cannotConclude: status = "cannot-conclude"
        }
        return .error(
            "--public: nothing to publish: the evaluation is \(status) (exit status \(exitStatus.rawValue)); the "
                + "winning-candidate notice and the debrief letters are written only for a final evaluation"
        )
    }
}
