import Foundation
import TenderCore
import TenderModel

/// One section per bid: identity, status and every gate with its finding.
extension ReportBuilder {
    // MARK: - One bid

    func bidTitle(_ result: BidResult) -> RichText {
        let name = RichText.user(result.displayName)
        switch result.status {
        case .valid:
            guard result.rank != nil else { return conclusionWords.validUnrankedHeading(name) }
            return labels.validHeading(rank: rankText(result), bidder: name)
        case .disqualified: return labels.disqualifiedHeading(name)
        case .notEvaluated: return labels.notEvaluatedHeading(name)
        }
    }

    /// One bid; every bid after the first starts a printed page (the first follows its section heading).
    func bidSection(_ result: BidResult, anchor: String, pageBreakBefore: Bool) -> Section {
        var facts: [KeyValue] = []
        if let id = result.registrationID {
            facts.append(KeyValue(key: "\(labels.registrationID)", value: .user(id)))
        }
        facts.append(KeyValue(key: "\(labels.file)", value: .shown(result.file)))
        if let size = result.size {
            facts.append(KeyValue(key: "\(labels.enterpriseSize)", value: "\(labels.sizeName(size))"))
        }
        if let submitted = result.submittedAt {
            facts.append(KeyValue(key: "\(labels.submittedAt)", value: .user(submitted)))
        }
        facts.append(KeyValue(key: "\(labels.status)", value: "\(labels.statusName(result.status))"))
        var blocks: [Block] = [.keyValue(facts)]
        switch result.status {
        case .valid: break
        case .disqualified:
            blocks.append(.paragraph(labels.disqualifiedNote(unrankedReason(result)), style: .alert))
        case .notEvaluated:
            blocks.append(.paragraph("\(labels.notEvaluatedNote)", style: .alert))
        }
        if !result.problems.isEmpty {
            blocks.append(
                subsection(
                    labels.problemsSection,
                    anchor,
                    "problems",
                    [.list(result.problems.map { .shown($0.description) })]
                )
            )
        }
        if !result.gates.isEmpty {
            blocks.append(
                subsection(labels.gatesSection, anchor, "gates", [.list(result.gates.map { gateLine($0, result) })])
            )
        }
        if !result.criterionScores.isEmpty {
            blocks.append(subsection(labels.scoresSection, anchor, "scores", scoreBlocks(result)))
        }
        if !result.flags.isEmpty {
            blocks.append(subsection(labels.bidFlagsSection, anchor, "flags", [.list(result.flags.map(bidFlagText))]))
        }
        return Section(
            level: 3,
            title: bidTitle(result),
            anchor: anchor,
            pageBreakBefore: pageBreakBefore,
            blocks: blocks
        )
    }

    func subsection(_ title: String, _ anchor: String, _ suffix: String, _ blocks: [Block]) -> Block {
        .section(
            Section(
                level: 4,
                title: "\(title)",
                anchor: "\(anchor)-\(suffix)",
                pageBreakBefore: false,
                blocks: blocks
            )
        )
    }

    // MARK: - Gates

    func gateLine(_ gate: GateResult, _ result: BidResult) -> RichText {
        "\(gate.passed ? "✓" : "✗") \(gateName(gate.gateID))\(labels.colon)\(finding(gate.finding, result))"
    }

    func kindName(_ kind: String) -> RichText {
        labels.commitmentKindName(kind).map { RichText.text($0) } ?? .user(kind)
    }

    func finding(_ finding: GateFinding, _ result: BidResult) -> RichText {
        switch finding {
        case .commitment(let kind, let signedOn, let line):
            return labels.commitmentSigned(
                kind: kindName(kind),
                date: .user(signedOn ?? labels.dash),
                source: location(line, in: result)
            )
        case .commitmentMissing(let kind):
            return labels.commitmentMissing(kind: kindName(kind))
        case .commitmentUnsigned(let kind, let line):
            return labels.commitmentUnsigned(kind: kindName(kind), source: location(line, in: result))
        case .violations(let violations, let severity, let since):
            let severityName = labels.severityName(severity)
            guard !violations.isEmpty else { return labels.noViolations(severity: severityName, since: since) }
            let items = violations.map { violation in
                labels.violation(
                    date: .user(violation.date),
                    severity: labels.severityName(violation.severity),
                    authority: violation.authority.map { .user($0) },
                    description: .user(violation.description),
                    source: location(violation.line, in: result)
                )
            }
            return labels.violationsFound(count: violations.count, severity: severityName, since: since) + " — "
                + items.joined(separator: .text(labels.stepSeparator))
        case .violationsNotDeclared(let format):
            return labels.violationsNotDeclared(format: format.rawValue)
        case .attachment(let type, let name, let line):
            guard let name else { return labels.attachmentMissing(type: .user(type)) }
            return labels.attachmentFound(type: .user(type), name: .user(name), source: location(line, in: result))
        case .xpath(let test, let value):
            return labels.xpathTest(.user(test), result: value)
        case .commitmentDateImplausible(let kind, let signedOn, let line, let problem):
            return labels.commitmentDateImplausible(
                kind: kindName(kind),
                date: .user(signedOn),
                source: location(line, in: result),
                problem: labels.dateProblem(problem)
            )
        case .violationDateImplausible(let violation, let problem):
            return labels.violationDateImplausible(
                date: .user(violation.date),
                severity: labels.severityName(violation.severity),
                description: .user(violation.description),
                source: location(violation.line, in: result),
                problem: labels.dateProblem(problem)
            )
        }
    }
}
