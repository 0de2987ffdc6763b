import Foundation
public import TenderCore
public import TenderModel

/// Policy checks that do not stop a rubric from loading but that a procurement officer should see: rules of
/// the `profile` named in the tender header.
public enum RubricLint {
    /// Words that suggest a criterion scores the size of the supplier, which 87号令 Art 17 forbids.
    static let bannedFactorWords: [(word: String, meaning: String)] = [
        ("headcount", "headcount"),
        ("从业人员", "headcount"),
        ("employees", "headcount"),
        ("注册资本", "registered capital"),
        ("registered-capital", "registered capital"),
        ("registered capital", "registered capital"),
        ("营业收入", "turnover"),
        ("turnover", "turnover"),
        ("资产总额", "total assets"),
        ("years-in-business", "years in business"),
        ("years in business", "years in business"),
        ("成立年限", "years in business"),
    ]

    /// Warnings for `rubric` under its profile; none without a profile.
    public static func warnings(for rubric: Rubric) -> [Diagnostic] {
        guard rubric.tender.profile == "cn-87" else { return [] }
        var warnings: [Diagnostic] = []
        if rubric.tender.method == .comprehensive {
            for group in rubric.groups where group.isPrice {
                if group.points < 10 {
                    warnings.append(
                        .warning(
                            "cn-87: price weight \(group.points.plainText) is below the 10 % floor for services "
                                + "(87号令 Art 55)",
                            at: group.location
                        )
                    )
                }
                for criterion in group.criteria {
                    if case .price(let formula) = criterion.rule, formula != .lowestPriceRatio {
                        warnings.append(
                            .warning(
                                "cn-87: price formula '\(formula.rawValue)' is not the 低价优先法 that 87号令 Art 55 "
                                    + "requires; use lowest-price-ratio",
                                at: criterion.location
                            )
                        )
                    }
                }
            }
        }
        warnings += committeeWarnings(for: rubric)
        for size in [EnterpriseSize.small, .micro] {
            guard let percent = rubric.pricePolicy.sizeDeductions[size], percent < 10 || percent > 20 else { continue }
            warnings.append(
                .warning(
                    "cn-87: the \(size.rawValue) enterprise deduction is \(percent.plainText) %; 财库〔2022〕19号 sets "
                        + "10–20 % for small and micro enterprises",
                    at: rubric.tender.location
                )
            )
        }
        warnings += historyWarnings(for: rubric)
        for criterion in rubric.criteria {
            let texts = [criterion.id, criterion.name.zh ?? "", criterion.name.en ?? ""].map { $0.lowercased() }
            guard let hit = bannedFactorWords.first(where: { entry in texts.contains { $0.contains(entry.word) } })
            else { continue }
            let what = hit.word == hit.meaning ? hit.meaning : "\(hit.meaning) (\(hit.word))"
            warnings.append(
                .warning(
                    "cn-87: criterion '\(VisibleText.excerpt(criterion.id))' seems to score \(what); 87号令 Art 17 "
                        + "forbids scoring suppliers on size such as registered capital, turnover or headcount",
                    at: criterion.location
                )
            )
        }
        return warnings
    }

    /// Without the publication date and the submission deadline, commitments signed and bids submitted before
    /// the tender notice, and late bids, cannot be detected; 政府采购法 Art 35 also wants at least 20 days
    /// between the two for goods and services.
    ///
    /// Kept apart from `warnings(for:)` so that only `tender-eval check` shows them: a run that scores bids is
    /// not the place to ask for header keys.
    public static func dateNotes(for rubric: Rubric) -> [Diagnostic] {
        guard rubric.tender.profile == "cn-87" else { return [] }
        let tender = rubric.tender
        var notes: [Diagnostic] = []
        if tender.published == nil {
            notes.append(
                .note(
                    "cn-87: the tender header gives no 'published' date; commitments signed and bids submitted "
                        + "before the tender notice cannot be detected",
                    at: tender.location
                )
            )
        }
        if tender.submissionDeadline == nil {
            notes.append(
                .note(
                    "cn-87: the tender header gives no 'submission-deadline'; late bids cannot be detected "
                        + "(87号令 Art 33 requires them to be refused)",
                    at: tender.location
                )
            )
        }
        if let published = tender.published, let deadline = tender.submissionDeadline,
            let days = daysBetween(published, String(deadline.prefix(10))), days < 20
        {
            notes.append(
                .warning(
                    "cn-87: only \(days) day\(days == 1 ? "" : "s") between publication (\(published)) and the "
                        + "submission deadline; 政府采购法 Art 35 requires at least 20 for goods and services",
                    at: tender.location
                )
            )
        }
        return notes
    }

    private static func daysBetween(_ start: String, _ end: String) -> Int? {
        func day(_ text: String) -> Int? {
            let parts = text.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3 else { return nil }
            // Days from civil date (proleptic Gregorian), so no calendar or time zone is involved.
            let (year, month, date) = (parts[0] - (parts[1] <= 2 ? 1 : 0), parts[1], parts[2])
            let era = (year >= 0 ? year : year - 399) / 400
            let yearOfEra = year - era * 400
            let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + date - 1
            let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
            return era * 146_097 + dayOfEra
        }
        guard let first = day(start), let last = day(end) else { return nil }
        return last - first
    }

    /// 87号令 Art 47: at least five members, an odd number, and at least seven when the budget is 10 million
    /// yuan or more.
    static func committeeWarnings(for rubric: Rubric) -> [Diagnostic] {
        guard let members = rubric.committee.members else { return [] }
        var warnings: [Diagnostic] = []
        if members < 5 || members % 2 == 0 {
            warnings.append(
                .warning(
                    "cn-87: a committee of \(members) member\(members == 1 ? "" : "s"); 87号令 Art 47 requires at "
                        + "least 5 and an odd number",
                    at: rubric.committee.location ?? rubric.tender.location
                )
            )
        }
        if let budget = rubric.tender.budget, budget >= 10_000_000, members < 7 {
            warnings.append(
                .warning(
                    "cn-87: the budget is 10,000,000 or more, so 87号令 Art 47 requires a committee of at least 7 "
                        + "members (this rubric has \(members))",
                    at: rubric.committee.location ?? rubric.tender.location
                )
            )
        }
        return warnings
    }
}
