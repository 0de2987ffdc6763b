import TenderCore
import TenderModel

extension PerformanceLabels {
    static let english = PerformanceLabels(
        htmlLanguage: "en",
        none: "None.",
        dash: "—",
        listSeparator: ", ",
        periodTitle: { contract in "Performance evaluation of contract \(contract)" },
        monthTitle: { month, contract in "Monthly performance evaluation \(month), contract \(contract)" },
        contractSection: "Contract and evaluation plan",
        contractID: "Contract",
        tender: "Tender",
        buyer: "Buyer",
        contractor: "Contractor",
        registrationID: "Registration id",
        services: "Services",
        term: "Term",
        sources: "Sources",
        rounding: "Rounding",
        standings: "Standings",
        rules: "Standing rules",
        roundingRule: { rounding, decimals in
            switch rounding {
            case .perSource:
                return "each source's contribution rounded to \(decimals) decimals, half away from zero"
            case .total: return "only the monthly score rounded to \(decimals) decimals, half away from zero"
            }
        },
        weights: { survey, team, department, cap, each in
            "mass survey \(survey) %, team recommendation \(team) %, department evaluation \(department) %; "
                + "patrol findings deduct up to \(each) each and \(cap) a month"
        },
        band: { name, atLeast, consequence in
            let base: RichText = "\(name) ≥ \(atLeast)"
            return consequence.map { base + " (" + $0 + ")" } ?? base
        },
        rule: { count, within, standing, consequence, warns in
            let base: RichText =
                "\(count) \(standing) \(count == 1 ? "month" : "months") within \(within) "
                + "\(within == 1 ? "month" : "months") → \(consequence)"
            return warns ? base + " (a flag for the committee of the contractor's next tender)" : base
        },
        summarySection: "Summary and trend",
        monthsScored: { scored, pending in
            "\(scored) \(scored == 1 ? "month" : "months") scored"
                + (pending > 0 ? ", \(pending) without a current score" : "")
        },
        meanScore: "Mean monthly score",
        meanFormula: { sum, count, mean in "\(sum) / \(count) = \(mean)" },
        monthsPerStanding: "Months per standing",
        monthCount: { count in ": \(count)" },
        chartTitle: "Monthly score and source scores (0–100) with the standing bands",
        chartScore: "Monthly score",
        chartMarked: "lowest standing",
        monthsSection: "Months",
        month: "Month",
        sourceName: { source in
            switch source {
            case .survey: return "Mass survey"
            case .team: return "Team recommendation"
            case .department: return "Department evaluation"
            case .patrol: return "Patrol findings"
            }
        },
        sourceColumn: { source in
            switch source {
            case .survey: return "Survey S"
            case .team: return "Team S"
            case .department: return "Department S"
            case .patrol: return "Patrol"
            }
        },
        deduction: "Deduction",
        score: "Score",
        standing: "Standing",
        consequence: "Consequence",
        capped: { total, applied in "\(total) → \(applied) (capped)" },
        floored: { unrounded in "(\(unrounded) < 0 → 0)" },
        floorNote: "(a monthly score is never below 0)",
        pending: { status, sources in
            switch status {
            case .incomplete: return "not scored: \(sources.joined(separator: ", ")) not recorded"
            case .notComputed: return "recorded, not computed"
            case .stale(let correction): return "stale: computed before correction \(correction)"
            }
        },
        stale: { correction in "stale: computed before correction \(correction)" },
        staleStanding: { standing, note in standing + " (" + .text(note) + ")" },
        raisedSection: "Standing rules raised",
        raisedRule: { rule, months, raisedIn, consequence in
            "\(rule): \(months) → \(consequence) (raised in \(raisedIn))"
        },
        ruleSummary: { count, within, standing in
            "\(count) \(standing) \(count == 1 ? "month" : "months") within \(within) \(within == 1 ? "month" : "months")"
        },
        correctionsSection: "Corrections",
        number: "No.",
        date: "Date",
        record: "Record",
        change: "From → to",
        reason: "Reason",
        by: "By",
        struck: "(no answer)",
        target: { target, item in
            switch target {
            case .surveyAnswer(let respondent, let id):
                return "Survey, respondent \(user: respondent), \(item(id))"
            case .teamScore(let team): return "Team score, \(user: team)"
            case .departmentScore(let department, let id): return "Department score, \(user: department), \(item(id))"
            case .patrolDeduction(let finding): return "Patrol deduction, finding \(user: finding)"
            }
        },
        supersededSection: "Superseded computations",
        supersededNote: "Earlier computations of a month, replaced by a later one and kept on record.",
        computation: "Computation",
        computedOn: "Computed on",
        correctionsUpTo: "Corrections up to",
        computationText: { number, date in "computation \(number) on \(date)" },
        sheetsSection: "Sheets recorded",
        source: "Source",
        file: "File",
        recordedOn: "Recorded on",
        calculationSection: "Monthly score",
        formula: "Source score S",
        contribution: "Contribution",
        sourceFormula: { source, sum, count, mean in
            switch source {
            case .survey: return "Σ answer values / answers = \(sum) / \(count) = \(mean)"
            case .team: return "Σ team scores / teams = \(sum) / \(count) = \(mean)"
            case .department: return "Σ department totals / departments = \(sum) / \(count) = \(mean)"
            case .patrol: return "\(sum)"
            }
        },
        contributionFormula: { weight, mean, result in "\(weight) × \(mean) / 100 = \(result)" },
        patrolFormula: { terms, count in
            "\(count) \(count == 1 ? "finding" : "findings"), Σ deductions = \(terms)"
        },
        patrolCap: { total, cap, applied in "min(\(total), \(cap)) = \(applied)" },
        scoreLine: { terms, result in "Monthly score = \(terms) = \(result)" },
        standingLine: { score, atLeast, name in "Standing: \(score) ≥ \(atLeast) → \(name)" },
        surveySection: "Mass survey: answers per item",
        item: "Item",
        answers: "Answers",
        mean: "Mean",
        teamSection: "Team recommendations",
        team: "Team",
        departmentSection: "Department evaluation",
        department: "Department",
        total: "Total",
        itemMean: "Mean",
        departmentReasons: "Reasons given for scores below an item's points:",
        patrolSection: "Patrol findings",
        findingID: "No.",
        place: "Place",
        description: "Finding",
        photo: "Photo",
        photoSHA256: "Photo SHA-256",
        corrected: { value, from, numbers, reasons in
            let which = numbers.map(String.init).joined(separator: ", ")
            let word = numbers.count == 1 ? "correction" : "corrections"
            return "\(value) (corrected from \(from), \(word) \(which): " + reasons + ")"
        },
        notApplied: { numbers in
            "Corrections \(numbers) were recorded after this month's score was computed and are not in it; "
                + "compute the month again."
        },
        notScored: "This month has no score.",
        raisedThisMonth: "Standing rules raised this month",
        status: "Status",
        scored: "scored",
        deductionTotal: "Deductions found",
        unrounded: "Unrounded",
        correctionsColumn: "Corrections",
        name: "Name",
        value: "Value",
        weight: "Weight",
        reasonOrDescription: "Reason or finding",
        cappedNote: "capped"
    )
}
