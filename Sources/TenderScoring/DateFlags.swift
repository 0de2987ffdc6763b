import TenderCore
import TenderModel

/// Dates that are wrong for this tender but do not by themselves exclude a bid: a submission time before the
/// tender was published, and a violation of a severity no gate reads dated in the future or implausibly long
/// ago. Each is flagged for the committee and warned about at its line. (Late submissions are refused by
/// `Admissibility`; commitments and gate-severity violations fail their gate in `GateChecker`.)
enum DateFlags {
    static func check(_ bids: [Bid], rubric: Rubric) -> (flags: [Flag], warnings: [Diagnostic]) {
        let gateSeverities = Set(
            rubric.gates.compactMap { gate -> ViolationSeverity? in
                if case .noViolations(let severity, _) = gate.rule { return severity }
                return nil
            }
        )
        var flags: [Flag] = []
        var warnings: [Diagnostic] = []
        for bid in bids.sorted(by: { ($0.bidder.name, $0.file) < ($1.bidder.name, $1.file) }) {
            if let submitted = bid.submittedAt,
                let problem = DateChecks.earlySubmission(submitted, tender: rubric.tender)
            {
                flags.append(
                    .implausibleDate(
                        bidder: bid.bidder.name,
                        file: bid.file,
                        line: bid.submittedLine,
                        part: .submission,
                        date: submitted,
                        problem: problem
                    )
                )
                warnings.append(
                    .warning(
                        "bid says it was submitted at \(submitted), \(describe(problem)); the time cannot be true "
                            + "and cannot win the earliest-submission tie-break",
                        at: SourceLocation(file: bid.file, line: bid.submittedLine)
                    )
                )
            }
            for violation in bid.violations where !gateSeverities.contains(violation.severity) {
                guard let problem = DateChecks.violationProblem(violation.date, tender: rubric.tender) else { continue }
                flags.append(
                    .implausibleDate(
                        bidder: bid.bidder.name,
                        file: bid.file,
                        line: violation.line,
                        part: .violation,
                        date: violation.date,
                        problem: problem
                    )
                )
                warnings.append(
                    .warning(
                        "violation dated \(violation.date), \(describe(problem)); the record must be clarified",
                        at: SourceLocation(file: bid.file, line: violation.line)
                    )
                )
            }
        }
        return (flags, warnings)
    }

    static func describe(_ problem: DateProblem) -> String {
        switch problem {
        case .afterEvaluation(let date): return "after the evaluation date \(date)"
        case .afterDeadline(let deadline): return "after the submission deadline \(deadline)"
        case .afterSubmission(let time): return "after the bid's own submission time \(time)"
        case .beforePublication(let date): return "before the tender was published (\(date))"
        case .beforeEarliestPlausible(let date):
            return "before \(date), earlier than any date a bid can plausibly carry"
        }
    }
}
