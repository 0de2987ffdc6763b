import Foundation
public import TenderCore
import TenderFiles
import TenderModel

extension ScorePipeline {
    /// Checks that the decisions this run applied extend the record the reports already in `folder` were made
    /// from. The hash chain shows an edited or removed past entry by itself, but an edited *last* entry leaves an
    /// intact chain with a different head: only the earlier run's manifest, which recorded that head, can tell.
    /// A record rewritten rather than appended to would silently replace reports the committee may have signed,
    /// so `score` refuses (even with `--force`) and the earlier reports stay as the record of what was decided.
    ///
    /// - Returns: the error, or nil when there is no earlier manifest, it recorded no head, or this run's
    ///   decisions contain that head (the earlier record, with or without entries appended).
    public static func rewrittenDecisions(_ run: ScoreRun, out folder: String) -> Diagnostic? {
        let path = (folder as NSString).appendingPathComponent("manifest.json")
        guard FileManager.default.fileExists(atPath: path),
            case .success(let bytes) = InputFiles.read(path, limit: 64 * 1024 * 1024, as: .earlierOutput),
            let manifest = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
            let earlierHead = manifest["decisionsHead"] as? String
        else { return nil }
        let evaluation = run.evaluation
        let hashes = Set(evaluation.decisionRounds.map(\.decision.hash)).union([DecisionChain.genesis])
        guard !hashes.contains(earlierHead) else { return nil }
        let file = evaluation.decisionsFile.map { "'\($0)'" } ?? "no decisions file"
        let now =
            evaluation.decisionsFile == nil
            ? "this run has no decisions file"
            : "no entry of \(file) has that hash now (its head is \(evaluation.decisionsHead ?? DecisionChain.genesis))"
        return .error(
            "the reports in this folder were made from decisions whose last entry has the hash \(earlierHead), and "
                + now + ": a recorded decision was edited or removed after those reports were written; nothing was "
                + "replaced: restore the earlier entry and append the change as a new decision, or write the "
                + "reports to another folder to keep the earlier ones beside them",
            at: SourceLocation(file: VisibleText.escaped(path))
        )
    }
}
