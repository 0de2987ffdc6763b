import Foundation
public import TenderCore
import TenderFiles
import TenderModel
import TenderReport

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
    ///
    /// - Returns: notes for the user.
    public static func publish(
        _ run: ScoreRun,
        to folder: String,
        replace: Bool,
        progress: (ScoreProgress) -> Void = { _ in }
    ) throws(DiagnosticError) -> [Diagnostic] {
        let fault = ProcessInfo.processInfo.environment[faultVariable].flatMap(OutputFolder.Step.init(rawValue:))
        let context = context(inputs: run.inputs, language: run.language, prettyJSON: run.prettyJSON)
        let reports = ReportRenderer.files
        var hashes: [(path: String, sha256: String)] = []
        progress(.rendering)
        return try OutputFolder.publish(
            names: reports.map(\.name) + [outputNames[outputNames.count - 1]],
            to: folder,
            replace: replace,
            sha256: sha256,
            reached: { step in if step == fault { kill(getpid(), SIGKILL) } },
            write: { index, file in
                let sink = HashingFileSink(file)
                if index < reports.count {
                    reports[index].write(run.evaluation, context, sink)
                } else {
                    sink.write(
                        ManifestRenderer.render(
                            toolVersion: ToolVersion.current,
                            inputs: sortedInputs(run.inputs),
                            outputs: hashes,
                            decisionsHead: run.evaluation.decisionsHead
                        )
                    )
                }
                let sha256 = sink.finish()
                if index < reports.count { hashes.append((path: reports[index].name, sha256: sha256)) }
            }
        )
    }

    /// Fault injection for the tests of atomic publishing: `TENDER_EVAL_FAULT=<step>` (one of
    /// `OutputFolder.Step`'s raw values) makes the process kill itself with SIGKILL when publishing reaches that
    /// step, so a test can stop a run at an exact moment instead of racing a timer.
    public static let faultVariable = "TENDER_EVAL_FAULT"
}
