import TenderCore
import TenderModel

/// Applies the rubric's pass/fail gates to one bid; every gate is checked so the report lists all failures.
struct GateChecker {
    let rubric: Rubric

    func check(_ bid: Bid) -> [GateResult] {
        rubric.gates.map { gate in
            switch gate.rule {
            case .commitment(let kind):
                guard let commitment = bid.commitments.first(where: { $0.kind == kind }) else {
                    return GateResult(gateID: gate.id, passed: false, finding: .commitmentMissing(kind: kind))
                }
                guard let signed = commitment.signedOn, !signed.isEmpty else {
                    return GateResult(
                        gateID: gate.id,
                        passed: false,
                        finding: .commitmentUnsigned(kind: kind, line: commitment.line)
                    )
                }
                if let problem = DateChecks.commitmentProblem(
                    signed,
                    tender: rubric.tender,
                    submittedAt: bid.submittedAt
                ) {
                    return GateResult(
                        gateID: gate.id,
                        passed: false,
                        finding: .commitmentDateImplausible(
                            kind: kind,
                            signedOn: signed,
                            line: commitment.line,
                            problem: problem
                        )
                    )
                }
                return GateResult(
                    gateID: gate.id,
                    passed: true,
                    finding: .commitment(kind: kind, signedOn: signed, line: commitment.line)
                )
            case .noViolations(let severity, let years):
                guard bid.format == .native else {
                    return GateResult(
                        gateID: gate.id,
                        passed: false,
                        finding: .violationsNotDeclared(format: bid.format)
                    )
                }
                // A record of the gate's severity dated in the future (or implausibly long ago) is never read as
                // clean: the gate fails with the reason until the committee has the record clarified.
                let implausible = bid.violations.lazy.filter { $0.severity == severity }.compactMap { violation in
                    DateChecks.violationProblem(violation.date, tender: rubric.tender).map { (violation, $0) }
                }.first
                if let (violation, problem) = implausible {
                    return GateResult(
                        gateID: gate.id,
                        passed: false,
                        finding: .violationDateImplausible(violation, problem: problem)
                    )
                }
                let since = Self.date(rubric.tender.evaluationDate, minusYears: years)
                let end = rubric.tender.evaluationDate
                let found = bid.violations.filter { violation in
                    let day = String(violation.date.prefix(10))
                    return violation.severity == severity && day >= since && day <= end
                }
                return GateResult(
                    gateID: gate.id,
                    passed: found.isEmpty,
                    finding: .violations(found, severity: severity, since: since)
                )
            case .attachment(let type):
                let attachment = bid.attachments.first { $0.type == type }
                return GateResult(
                    gateID: gate.id,
                    passed: attachment != nil,
                    finding: .attachment(type: type, name: attachment?.name, line: attachment?.line)
                )
            case .xpath(let test):
                let value: Bool
                if case .boolean(let result) = bid.facts[Self.factID(forGate: gate.id)]?.value {
                    value = result
                } else {
                    value = false
                }
                return GateResult(gateID: gate.id, passed: value, finding: .xpath(test: test, result: value))
            }
        }
    }

    /// The fact id under which the importer stores an XPath gate's result.
    static func factID(forGate id: String) -> String {
        "gate:\(id)"
    }

    /// `YYYY-MM-DD` moved back by whole years; 29 February becomes 28 February in a common year.
    static func date(_ day: String, minusYears years: Int) -> String {
        let parts = day.split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]) else { return day }
        let newYear = year - years
        var rest = "\(parts[1])-\(parts[2])"
        if rest == "02-29" && !CalendarDate.isLeapYear(newYear) { rest = "02-28" }
        let yearText = String(newYear)
        return String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText + "-" + rest
    }
}
