import Foundation
import TenderCore
import TenderModel

/// `result.json`: the whole evaluation as data, independent of the report language (names carry both `zh` and
/// `en`). Keys are camelCase and sorted; arrays keep the evaluation's order (rank order, rubric order).
enum ResultJSON {
    static let formatVersion = 2

    /// The whole document; `withResults: false` leaves `results` empty, for `write(_:context:to:)` to stream.
    static func document(_ evaluation: Evaluation, context: ReportContext, withResults: Bool = true) -> JSONValue {
        let rubric = evaluation.rubric
        var document: [String: JSONValue] = [
            "format": .string("tender-eval-result"),
            "formatVersion": .int(formatVersion),
            "tool": .object(["name": .string("tender-eval"), "version": .string(context.toolVersion)]),
            "inputs": .array(context.sortedInputs.map(input)),
            "tender": tender(rubric),
            "rubric": rubricValue(rubric),
            "outcome": outcome(of: evaluation),
            "status": .string(evaluation.conclusion.rawValue),
            "outstanding": .array(evaluation.outstanding.map(outstandingScore)),
            "priceBase": evaluation.priceBase.map { base in
                .object([
                    "lowest": .decimal(base.lowest),
                    "highest": .decimal(base.highest),
                    "lowestBidder": .string(base.lowestBidder),
                    "plausibleMinimum": .optional(base.plausibleFloor?.amount),
                    "allBelowPlausibleMinimum": .bool(base.allBelowFloor),
                    "setAside": .array(
                        base.setAside.map { entry in
                            .object([
                                "bidder": .string(entry.bidder), "bidTotal": .decimal(entry.bidTotal),
                                "evaluatedPrice": .decimal(entry.evaluatedPrice),
                            ])
                        }
                    ),
                ])
            } ?? .null,
            "members": .array(evaluation.members.map(JSONValue.string)),
            "results": .array(
                withResults
                    ? evaluation.results.map { result($0, rubric: rubric, resolution: evaluation.resolution(of:)) } : []
            ),
            "criteria": .array(
                rubric.groups.flatMap { group in group.criteria.map { rule($0, group: group, rubric: rubric) } }
            ),
            "flags": .array(evaluation.flags.map { flag($0, resolvedBy: evaluation.resolution(of: $0)) }),
            "diagnostics": .array(evaluation.diagnostics.map(diagnostic)),
            "inputFiles": .array(evaluation.inputFiles.map(inputFile)),
        ]
        // Only with a decisions file, so results without one keep their shape.
        if let decisions = decisions(evaluation) { document["decisions"] = decisions }
        // Only when history criteria read one, so results without them keep their shape.
        if let history = evaluation.history { document["history"] = historySource(history) }
        return .object(document)
    }

    /// One entry of the bids folders: what the run did with it and, when it was not read, why (as data).
    static func inputFile(_ entry: InputFileEntry) -> JSONValue {
        let use: String
        var reason: JSONValue = .null
        switch entry.role {
        case .bid: use = "bid"
        case .scoreSheet: use = "score-sheet"
        case .committee: use = "committee"
        case .decisions: use = "decisions"
        case .ignored(let why):
            use = "not-read"
            reason = ignoredReason(why)
        }
        return .object([
            "path": .string(entry.path), "use": .string(use), "reason": reason,
            "nameIsNotUTF8": .bool(entry.nameIsNotUTF8),
        ])
    }

    static func ignoredReason(_ reason: IgnoredReason) -> JSONValue {
        var fields: [String: JSONValue] = ["message": .string(reason.message)]
        switch reason {
        case .notABidOrScoreSheet: fields["kind"] = .string("not-a-bid-or-score-sheet")
        case .hidden: fields["kind"] = .string("hidden")
        case .notARegularFile(let kind):
            fields["kind"] = .string("not-a-regular-file")
            fields["fileKind"] = .string(kind.rawValue)
        case .symbolicLinkTo(let kind):
            fields["kind"] = .string("symbolic-link-to-not-a-regular-file")
            fields["fileKind"] = .string(kind.rawValue)
        case .danglingSymbolicLink: fields["kind"] = .string("dangling-symbolic-link")
        case .symbolicLinkLoop: fields["kind"] = .string("symbolic-link-loop")
        case .sameFileAs(let other):
            fields["kind"] = .string("same-file")
            fields["sameFileAs"] = .string(other)
        case .scoreSheetsGivenSeparately: fields["kind"] = .string("score-sheets-given-separately")
        case .committeeGivenSeparately: fields["kind"] = .string("committee-given-separately")
        case .decisionsGivenSeparately: fields["kind"] = .string("decisions-given-separately")
        case .spreadsheetLockFile: fields["kind"] = .string("spreadsheet-lock-file")
        case .cannotExamine(let why):
            fields["kind"] = .string("cannot-examine")
            fields["systemError"] = .string(why)
        case .subfolderWithBidLikeFiles(let count, let patterns):
            fields["kind"] = .string("subfolder-with-bid-like-files")
            fields["bidLikeFiles"] = .number(String(count))
            fields["patterns"] = .array(patterns.map(JSONValue.string))
        }
        return .object(fields)
    }

    static func input(_ input: ReportInput) -> JSONValue {
        .object(["path": .string(input.path), "sha256": .string(input.sha256)])
    }

    static func text(_ text: LocalizedText) -> JSONValue {
        .object(["zh": .optional(text.zh), "en": .optional(text.en)])
    }

    static func location(_ location: SourceLocation) -> JSONValue {
        var fields: [String: JSONValue] = [
            "file": .string(location.file), "line": .optional(location.line), "column": .optional(location.column),
        ]
        // A place in an `.xlsx` sheet: its worksheet and A1 cell (added only there, so other locations keep
        // their shape).
        if let sheet = location.sheet { fields["sheet"] = .string(sheet) }
        if let cell = location.cell { fields["cell"] = .string(cell.description) }
        return .object(fields)
    }

    static func diagnostic(_ diagnostic: Diagnostic) -> JSONValue {
        .object([
            "severity": .string(diagnostic.severity.rawValue),
            "message": .string(diagnostic.message),
            "location": diagnostic.location.map(location) ?? .null,
            "text": .string(diagnostic.description),
        ])
    }

    // MARK: - Rubric

    static func tender(_ rubric: Rubric) -> JSONValue {
        let tender = rubric.tender
        var fields: [String: JSONValue] = [
            "id": .string(tender.id),
            "title": text(tender.title),
            "buyer": text(tender.buyer),
            "currency": .string(tender.currency),
            "budget": .optional(tender.budget),
            "method": .string(tender.method.rawValue),
            "decimals": .int(tender.decimals),
            "rounding": .string(tender.rounding.rawValue),
            "minimumValidBids": .int(tender.minimumValidBids),
            "tieBreak": .array(tender.tieBreak.map(tieBreak)),
            "evaluationDate": .string(tender.evaluationDate),
            "profile": .optional(tender.profile),
            "rubricFile": .string(rubric.file),
        ]
        if let published = tender.published { fields["published"] = .string(published) }
        if let deadline = tender.submissionDeadline { fields["submissionDeadline"] = .string(deadline) }
        return .object(fields)
    }

    static func dateProblem(_ problem: DateProblem) -> JSONValue {
        switch problem {
        case .afterEvaluation(let date):
            return .object(["type": .string("after-evaluation"), "evaluationDate": .string(date)])
        case .afterDeadline(let deadline):
            return .object(["type": .string("after-deadline"), "deadline": .string(deadline)])
        case .afterSubmission(let time):
            return .object(["type": .string("after-submission"), "submittedAt": .string(time)])
        case .beforePublication(let date):
            return .object(["type": .string("before-publication"), "published": .string(date)])
        case .beforeEarliestPlausible(let date):
            return .object(["type": .string("before-earliest-plausible"), "earliest": .string(date)])
        }
    }

    static func tieBreak(_ rule: TieBreakRule) -> JSONValue {
        switch rule {
        case .technicalScore: return .object(["rule": .string("technical-score")])
        case .groupScore(let groups):
            return .object(["rule": .string("group-score"), "groups": .array(groups.map(JSONValue.string))])
        case .criterionScore(let criterion):
            return .object(["rule": .string("criterion-score"), "criterion": .string(criterion)])
        case .earliestSubmission: return .object(["rule": .string("earliest-submission")])
        }
    }

    static func rubricValue(_ rubric: Rubric) -> JSONValue {
        let deductions = rubric.pricePolicy.sizeDeductions.sorted { $0.key < $1.key }
        return .object([
            "namespaces": .array(
                rubric.namespaces.map { .object(["prefix": .string($0.prefix), "uri": .string($0.uri)]) }
            ),
            "pricePolicy": .object([
                "sizeDeductions": .array(
                    deductions.map { .object(["size": .string($0.key.rawValue), "percent": .decimal($0.value)]) }
                ),
                "abnormallyLowPercent": .decimal(rubric.pricePolicy.abnormallyLowPercent),
                "plausibleMinimum": plausibleMinimum(rubric),
                "ceiling": .optional(rubric.pricePolicy.ceiling),
            ]),
            "committee": .object([
                "members": .optional(rubric.committee.members),
                "aggregation": .string(rubric.committee.aggregation.rawValue),
                "disagreementPercent": .decimal(rubric.committee.disagreementPercent),
            ]),
            "gates": .array(rubric.gates.map(gate)),
            "groups": .array(
                rubric.groups.map { group in
                    .object([
                        "id": .string(group.id),
                        "name": text(group.name),
                        "points": .decimal(group.points),
                        "criteria": .array(group.criteria.map(criterion)),
                    ])
                }
            ),
        ])
    }

    static func gate(_ gate: Gate) -> JSONValue {
        var members: [String: JSONValue] = ["id": .string(gate.id), "name": text(gate.name)]
        switch gate.rule {
        case .commitment(let kind):
            members["rule"] = .string("commitment")
            members["kind"] = .string(kind)
        case .noViolations(let severity, let years):
            members["rule"] = .string("no-violations")
            members["severity"] = .string(severity.rawValue)
            members["withinYears"] = .int(years)
        case .attachment(let type):
            members["rule"] = .string("attachment")
            members["type"] = .string(type)
        case .xpath(let test):
            members["rule"] = .string("xpath")
            members["test"] = .string(test)
        }
        return .object(members)
    }

    static func criterion(_ criterion: Criterion) -> JSONValue {
        var members: [String: JSONValue] = [
            "id": .string(criterion.id),
            "name": text(criterion.name),
            "points": .decimal(criterion.points),
            "guidance": criterion.guidance.map(text) ?? .null,
        ]
        switch criterion.rule {
        case .objective(let rule):
            members["kind"] = .string("objective")
            members["value"] = .string(rule.value)
            members["scale"] = scale(rule.scale)
        case .judgement(let rule):
            members["kind"] = .string("judgement")
            members["step"] = .optional(rule.step)
            members["bands"] = .array(
                rule.bands.map { .object(["label": text($0.label), "min": .decimal($0.min), "max": .decimal($0.max)]) }
            )
        case .price(let formula):
            members["kind"] = .string("price")
            members["formula"] = .string(formula.rawValue)
        case .history(let rule):
            // The window needs the rubric's dates: `rule(_:group:rubric:)` adds it.
            members["kind"] = .string("history")
            members["months"] = .int(rule.months)
            members["buyer"] = .string(rule.buyer.rawValue)
            members["neutral"] = .decimal(rule.neutral)
            members["scale"] = scale(rule.scale)
        }
        return .object(members)
    }

    /// A criterion with its group and its whole rule, for the top-level `criteria`: the rules each bid's
    /// `criterionScores` apply. A judgement criterion's scores are combined as `aggregation` says.
    static func rule(_ criterion: Criterion, group: CriterionGroup, rubric: Rubric) -> JSONValue {
        guard case .object(var members) = self.criterion(criterion) else { return self.criterion(criterion) }
        members["groupID"] = .string(group.id)
        if case .judgement = criterion.rule {
            members["aggregation"] = .string(rubric.committee.aggregation.rawValue)
        }
        if case .history(let history) = criterion.rule {
            members.merge(historyRule(history, rubric: rubric)) { _, windowed in windowed }
        }
        return .object(members)
    }

    static func band(_ band: Band) -> JSONValue {
        .object(["from": .decimal(band.from), "to": .optional(band.to), "points": .decimal(band.points)])
    }

    static func scale(_ scale: Scale) -> JSONValue {
        switch scale {
        case .linear(let lower, let upper, let lowerPoints, let upperPoints):
            return .object([
                "type": .string("linear"), "lower": .decimal(lower), "upper": .decimal(upper),
                "lowerPoints": .decimal(lowerPoints), "upperPoints": .decimal(upperPoints),
            ])
        case .bands(let bands):
            return .object(["type": .string("bands"), "bands": .array(bands.map(band))])
        case .perItem(let each, let cap):
            return .object(["type": .string("per-item"), "each": .decimal(each), "cap": .decimal(cap)])
        case .yesNo(let yes, let no):
            return .object(["type": .string("yes-no"), "yes": .decimal(yes), "no": .decimal(no)])
        case .lookup(let entries, let otherwise):
            return .object([
                "type": .string("lookup"),
                "entries": .array(entries.map { .object(["key": .string($0.key), "points": .decimal($0.points)]) }),
                "otherwise": .decimal(otherwise),
            ])
        }
    }

    // MARK: - Evaluation

    /// The outcome, or, while bids are held for the committee, `{"status": "provisional", "heldFiles": […],
    /// "ranking": <the outcome as it stands>}`, so a reader that only checks `status == "ranked"` never takes a
    /// provisional ranking for a final one.
    static func outcome(of evaluation: Evaluation) -> JSONValue {
        let held = evaluation.heldForCommittee
        // Nothing may be read as a ranking while scores are outstanding or a bid could not be read.
        if held.isEmpty {
            switch evaluation.conclusion {
            case .preliminary: return .object(["status": .string("preliminary")])
            case .cannotConclude:
                return .object(["status": .string("cannot-conclude"), "ranking": outcome(evaluation.outcome)])
            case .final, .failed: break
            }
        }
        guard !held.isEmpty else { return outcome(evaluation.outcome) }
        return .object([
            "status": .string("provisional"),
            "heldFiles": .array(held.map(JSONValue.string)),
            "ranking": outcome(evaluation.outcome),
        ])
    }

    static func outcome(_ outcome: TenderOutcome) -> JSONValue {
        switch outcome {
        case .ranked: return .object(["status": .string("ranked")])
        case .failed(let valid, let minimum):
            return .object(["status": .string("failed"), "validBids": .int(valid), "minimum": .int(minimum)])
        }
    }

    /// One bid's result; `rubric` gives the rules its criterion scores point into (by band index, say).
    /// `resolution` gives the decision that resolved a flag, if any.
    static func result(_ result: BidResult, rubric: Rubric, resolution: (Flag) -> Int? = { _ in nil }) -> JSONValue {
        var members = resultMembers(result, rubric: rubric, resolution: resolution)
        members["criterionScores"] = .array(result.criterionScores.map { criterionScore($0, rubric: rubric) })
        return .object(members)
    }

    /// A bid's result members except `criterionScores`, which the streaming writer writes score by score.
    static func resultMembers(
        _ result: BidResult,
        rubric: Rubric,
        resolution: (Flag) -> Int? = { _ in nil }
    ) -> [String: JSONValue] {
        [
            "file": .string(result.file),
            "bidderName": .optional(result.bidderName),
            "registrationID": .optional(result.registrationID),
            "size": .optional(result.size?.rawValue),
            "submittedAt": .optional(result.submittedAt),
            "status": .string(result.status.rawValue),
            "problems": .array(result.problems.map(diagnostic)),
            "gates": .array(result.gates.map(gateResult)),
            "groupScores": .array(
                result.groupScores.map { .object(["groupID": .string($0.groupID), "points": .decimal($0.points)]) }
            ),
            "total": .optional(result.total),
            "unroundedTotal": .optional(result.unroundedTotal),
            "price": result.price.map(price) ?? .null,
            "rank": .optional(result.rank),
            "decidedBy": result.decidedBy.map(decision) ?? .null,
            "tiedWith": .array(result.tiedWith.map(JSONValue.string)),
            "flags": .array(result.flags.map { flag($0, resolvedBy: resolution($0)) }),
            "disqualifications": .array(result.disqualifications.map(disqualification)),
        ]
    }

    /// One judgement score not given yet; `member` is null for a member known only by the committee's size.
    static func outstandingScore(_ item: OutstandingScore) -> JSONValue {
        .object([
            "member": .optional(item.member),
            "bidder": .string(item.bidder),
            "criterion": .string(item.criterionID),
            "conflictDeclaredAt": item.conflictDeclaredAt.map(location) ?? .null,
        ])
    }

    /// A ground other than a gate on which the bid is disqualified, with its clause and evidence.
    static func disqualification(_ entry: Disqualification) -> JSONValue {
        var fields: [String: JSONValue] = ["clause": .string(entry.clause), "location": location(entry.location)]
        switch entry.ground {
        case .lateSubmission(let submitted, let deadline):
            fields["ground"] = .string("late-submission")
            fields["submittedAt"] = .string(submitted)
            fields["deadline"] = .string(deadline)
        case .aboveCeiling(let price, let ceiling, let currency):
            fields["ground"] = .string("above-ceiling")
            fields["price"] = .decimal(price)
            fields["ceiling"] = .decimal(ceiling)
            fields["currency"] = .string(currency)
        case .aboveBudget(let price, let budget, let currency):
            fields["ground"] = .string("above-budget")
            fields["price"] = .decimal(price)
            fields["budget"] = .decimal(budget)
            fields["currency"] = .string(currency)
        case .rejectedAfterClarification(let number, let date, let reason):
            fields["ground"] = .string("rejected-after-clarification")
            fields["decision"] = .int(number)
            fields["date"] = .string(date)
            fields["reason"] = .string(reason)
        }
        return .object(fields)
    }

    static func decision(_ decision: TieBreakDecision) -> JSONValue {
        switch decision {
        case .lowerEvaluatedPrice: return .object(["rule": .string("lower-evaluated-price")])
        case .rule(let rule): return tieBreak(rule)
        }
    }

    static func gateResult(_ gate: GateResult) -> JSONValue {
        .object(["gateID": .string(gate.gateID), "passed": .bool(gate.passed), "finding": finding(gate.finding)])
    }

    static func violation(_ violation: Violation) -> JSONValue {
        .object([
            "date": .string(violation.date),
            "severity": .string(violation.severity.rawValue),
            "description": .string(violation.description),
            "authority": .optional(violation.authority),
            "line": .optional(violation.line),
        ])
    }

    static func finding(_ finding: GateFinding) -> JSONValue {
        switch finding {
        case .commitment(let kind, let signedOn, let line):
            return .object([
                "type": .string("commitment"), "kind": .string(kind), "signedOn": .optional(signedOn),
                "line": .optional(line),
            ])
        case .commitmentMissing(let kind):
            return .object(["type": .string("commitment-missing"), "kind": .string(kind)])
        case .commitmentUnsigned(let kind, let line):
            return .object(["type": .string("commitment-unsigned"), "kind": .string(kind), "line": .optional(line)])
        case .violations(let violations, let severity, let since):
            return .object([
                "type": .string("violations"), "violations": .array(violations.map(violation)),
                "severity": .string(severity.rawValue), "since": .string(since),
            ])
        case .violationsNotDeclared(let format):
            return .object(["type": .string("violations-not-declared"), "format": .string(format.rawValue)])
        case .attachment(let type, let name, let line):
            return .object([
                "type": .string("attachment"), "attachmentType": .string(type), "name": .optional(name),
                "line": .optional(line),
            ])
        case .xpath(let test, let result):
            return .object(["type": .string("xpath"), "test": .string(test), "result": .bool(result)])
        case .commitmentDateImplausible(let kind, let signedOn, let line, let problem):
            return .object([
                "type": .string("commitment-date-implausible"), "kind": .string(kind), "signedOn": .string(signedOn),
                "line": .optional(line), "problem": dateProblem(problem),
            ])
        case .violationDateImplausible(let found, let problem):
            return .object([
                "type": .string("violation-date-implausible"), "violation": violation(found),
                "problem": dateProblem(problem),
            ])
        }
    }

    static func fact(_ value: FactValue) -> JSONValue {
        switch value {
        case .number(let number): return .object(["type": .string("number"), "value": .decimal(number)])
        case .text(let text): return .object(["type": .string("text"), "value": .string(text)])
        case .boolean(let flag): return .object(["type": .string("boolean"), "value": .bool(flag)])
        case .absent: return .object(["type": .string("absent")])
        }
    }

    /// What the bid's value selected in its criterion's rule; the rule itself (bounds, bands, each and cap,
    /// yes and no points, the table) is stated once, in the top-level `criteria`.
    static func applied(_ applied: AppliedScale, criterionID: String, rubric: Rubric) -> JSONValue {
        switch applied {
        case .linear(let value, _, _, _, _):
            return .object(["type": .string("linear"), "value": .decimal(value)])
        case .band(let matched):
            var bands: [Band] = []
            // Looked up group by group: `rubric.criteria` would build the whole list for every band score.
            for group in rubric.groups {
                guard let criterion = group.criteria.first(where: { $0.id == criterionID }) else { continue }
                if case .objective(let rule) = criterion.rule, case .bands(let all) = rule.scale { bands = all }
                if case .history(let rule) = criterion.rule, case .bands(let all) = rule.scale { bands = all }
                break
            }
            return .object([
                "type": .string("band"), "bandIndex": .optional(matched.flatMap { bands.firstIndex(of: $0) }),
            ])
        case .perItem(let count, _, _):
            return .object(["type": .string("per-item"), "count": .decimal(count)])
        case .yesNo(let value, _, _):
            return .object(["type": .string("yes-no"), "value": .bool(value)])
        case .lookup(let key, let matched):
            return .object(["type": .string("lookup"), "key": .string(key), "matched": .bool(matched)])
        case .absent:
            return .object(["type": .string("absent")])
        }
    }

    static func criterionScore(_ score: CriterionScore, rubric: Rubric) -> JSONValue {
        let basis: JSONValue
        switch score.basis {
        case .objective(let value, let line, let scale):
            basis = .object([
                "kind": .string("objective"), "fact": fact(value), "line": .optional(line),
                "applied": applied(scale, criterionID: score.criterionID, rubric: rubric),
            ])
        case .judgement(let aggregate):
            var fields: [String: JSONValue] = [
                "kind": .string("judgement"),
                "aggregation": .string(aggregate.aggregation.rawValue),
                "scores": .array(
                    aggregate.scores.map { member in
                        var object: [String: JSONValue] = [
                            "member": .string(member.member),
                            "score": .decimal(member.score),
                            "location": member.location.map(location) ?? .null,
                        ]
                        // Only where a member wrote one, so results without reasons keep their shape.
                        if let reason = member.reason { object["reason"] = .string(reason) }
                        return JSONValue.object(object)
                    }
                ),
                "dropped": .array(aggregate.dropped.map(JSONValue.string)),
                "sum": .decimal(aggregate.sum),
                "count": .int(aggregate.count),
            ]
            // Only where a decision made them, so results without decisions keep their shape.
            if let consensus = aggregate.consensus { fields["consensus"] = .decimal(consensus) }
            if !aggregate.setAside.isEmpty {
                fields["setAside"] = .array(aggregate.setAside.map { .string($0.member) })
            }
            basis = .object(fields)
        case .price(let evaluation):
            basis = .object(["kind": .string("price"), "price": price(evaluation)])
        case .history(let evidence):
            basis = .object(historyBasis(evidence, criterionID: score.criterionID, rubric: rubric))
        }
        return .object([
            "criterionID": .string(score.criterionID),
            "groupID": .string(score.groupID),
            "points": .decimal(score.points),
            "unrounded": .decimal(score.unrounded),
            "basis": basis,
        ])
    }

    static func price(_ price: PriceEvaluation) -> JSONValue {
        .object([
            "bidTotal": .decimal(price.bidTotal),
            "currency": .string(price.currency),
            "deductionPercent": .decimal(price.deductionPercent),
            "evaluatedPrice": .decimal(price.evaluatedPrice),
            "formula": .string(price.formula.rawValue),
            "lowest": .decimal(price.lowest),
            "highest": .decimal(price.highest),
            "maximumPoints": .decimal(price.maximumPoints),
        ])
    }

    /// A flag, with `resolvedBy` (the decision's number) when a recorded decision resolved it.
    static func flag(_ flag: Flag, resolvedBy decision: Int?) -> JSONValue {
        guard let decision, case .object(var fields) = self.flag(flag) else { return self.flag(flag) }
        fields["resolvedBy"] = .int(decision)
        return .object(fields)
    }

    static func flag(_ flag: Flag) -> JSONValue {
        switch flag {
        case .abnormallyLowPrice(let bidder, let price, let mean, let percent):
            return .object([
                "type": .string("abnormally-low-price"), "bidder": .string(bidder), "evaluatedPrice": .decimal(price),
                "meanOfOthers": .decimal(mean), "percentBelow": .decimal(percent),
            ])
        case .scoreDisagreement(let bidder, let criterionID, let lowest, let highest, let threshold, let outliers):
            return .object([
                "type": .string("score-disagreement"), "bidder": .string(bidder), "criterionID": .string(criterionID),
                "lowest": .decimal(lowest), "highest": .decimal(highest), "threshold": .decimal(threshold),
                "outliers": .array(outliers.map(JSONValue.string)),
            ])
        case .tooFewValidBids(let valid, let minimum):
            return .object(["type": .string("too-few-valid-bids"), "valid": .int(valid), "minimum": .int(minimum)])
        case .bidsHeldForCommittee(let files):
            return .object(["type": .string("bids-held-for-committee"), "files": .array(files.map(JSONValue.string))])
        case .declaredTie(let bidders, let rank):
            return .object([
                "type": .string("declared-tie"), "bidders": .array(bidders.map(JSONValue.string)), "rank": .int(rank),
            ])
        case .rankReversal(let removed, let winner, let winnerWithoutRemoved):
            return .object([
                "type": .string("rank-reversal"), "removed": .string(removed), "winner": .string(winner),
                "winnerWithoutRemoved": .string(winnerWithoutRemoved),
            ])
        case .suspiciousBidderName(let bidder, let file, let characters):
            return .object([
                "type": .string("suspicious-bidder-name"), "bidder": .string(bidder), "file": .string(file),
                "characters": .array(characters.map { .string(BidderIdentity.codePoint($0)) }),
            ])
        case .implausibleDate(let bidder, let file, let line, let part, let date, let problem):
            var partValue: [String: JSONValue] = ["type": .string("submission")]
            switch part {
            case .submission: break
            case .violation: partValue["type"] = .string("violation")
            case .commitment(let kind): partValue = ["type": .string("commitment"), "kind": .string(kind)]
            }
            return .object([
                "type": .string("implausible-date"), "bidder": .string(bidder), "file": .string(file),
                "line": .optional(line), "part": .object(partValue), "date": .string(date),
                "problem": dateProblem(problem),
            ])
        case .implausiblyLowPrice(let bidder, let price, let minimum, let setsPriceBase):
            return .object([
                "type": .string("implausibly-low-price"), "bidder": .string(bidder), "bidTotal": .decimal(price),
                "plausibleMinimum": .decimal(minimum), "setsPriceBase": .bool(setsPriceBase),
            ])
        case .committeeComposition(let finding):
            return committeeFinding(finding)
        case .performanceWarning(let bidder, let warning, let contractID, let tenderID, let buyer, let contractor):
            return performanceWarning(
                bidder: bidder,
                warning: warning,
                contractID: contractID,
                tenderID: tenderID,
                buyer: buyer,
                contractor: contractor
            )
        case .historyIdentity(let bidder, let file, let registrationID, let problem):
            return historyIdentity(bidder: bidder, file: file, registrationID: registrationID, problem: problem)
        case .possibleCollusion(let signal):
            return .object([
                "type": .string("possible-collusion"),
                "kind": .string(signal.kind.rawValue),
                "value": .string(signal.value),
                "bidders": .array(signal.bidders.map(JSONValue.string)),
                "evidence": .array(
                    signal.evidence.map { entry in
                        .object([
                            "bidder": .string(entry.bidder),
                            "file": .string(entry.file),
                            "line": .optional(entry.line),
                            "field": .string(entry.field.rawValue),
                            "written": .optional(entry.written),
                        ])
                    }
                ),
            ])
        }
    }

    static func committeeFinding(_ finding: CommitteeFinding) -> JSONValue {
        var object: [String: JSONValue] = ["type": .string("committee-composition")]
        switch finding {
        case .tooFewMembers(let count, let minimum, let largeBudget):
            object["rule"] = .string("too-few-members")
            object["members"] = .int(count)
            object["minimum"] = .int(minimum)
            object["largeBudget"] = .bool(largeBudget)
        case .evenNumberOfMembers(let count):
            object["rule"] = .string("even-number-of-members")
            object["members"] = .int(count)
        case .tooFewExperts(let experts, let members):
            object["rule"] = .string("too-few-experts")
            object["experts"] = .int(experts)
            object["members"] = .int(members)
        case .purchaserRepresentativeChairs(let id, let name):
            object["rule"] = .string("purchaser-representative-chairs")
            object["memberID"] = .string(id)
            object["name"] = .string(name)
        }
        return .object(object)
    }

    /// The plausible minimum in effect, as the rubric states it or by default, and as an amount (nil when there is
    /// none: switched off, or no budget or ceiling to take the default from).
    static func plausibleMinimum(_ rubric: Rubric) -> JSONValue {
        guard let floor = rubric.plausibleFloor else { return .null }
        var object: [String: JSONValue] = ["amount": .decimal(floor.amount), "default": .bool(floor.isDefault)]
        switch floor.origin {
        case .stated(.percentOfBudget(let percent)): object["percentOfBudget"] = .decimal(percent)
        case .stated(.amount): break
        case .defaultOfBudget: object["percentOfBudget"] = .decimal(PlausibleFloor.defaultPercent)
        case .defaultOfCeiling: object["percentOfCeiling"] = .decimal(PlausibleFloor.defaultPercent)
        }
        return .object(object)
    }
}
