public import TenderCore
public import TenderModel

/// Lays out each member's blank score sheet from the rubric, the committee and the bidders. Pure.
public enum MemberSheetBuilder {
    /// One sheet per member, in committee order. A member whose groups hold no judgement criterion still gets a
    /// sheet (with the conflict declarations only), so every member signs one.
    ///
    /// - Throws: `FixedPointOverflow` when a criterion's points do not fit the fixed-point range.
    public static func sheets(
        rubric: Rubric,
        committee: Committee,
        bidders: [SheetBidder],
        language: ReportLanguage
    ) throws(FixedPointOverflow) -> [MemberSheet] {
        var criteriaByGroup: [String: [SheetCriterion]] = [:]
        for group in rubric.groups where !group.isPrice {
            for criterion in group.criteria {
                guard case .judgement(let rule) = criterion.rule else { continue }
                criteriaByGroup[group.id, default: []].append(
                    SheetCriterion(
                        id: criterion.id,
                        groupID: group.id,
                        name: criterion.name,
                        maximum: try points(criterion.points.plainText),
                        step: try rule.step.map { step throws(FixedPointOverflow) in try points(step.plainText) },
                        bands: try rule.bands.map { band throws(FixedPointOverflow) in
                            SheetBand(
                                label: band.label,
                                minimum: try points(band.min.plainText),
                                maximum: try points(band.max.plainText)
                            )
                        },
                        guidance: criterion.guidance
                    )
                )
            }
        }
        return committee.members.map { member in
            MemberSheet(
                tenderID: rubric.tender.id,
                tenderTitle: rubric.tender.title,
                member: member,
                language: language,
                criteria: member.groups.flatMap { criteriaByGroup[$0] ?? [] },
                bidders: bidders
            )
        }
    }

    private static func points(_ text: String) throws(FixedPointOverflow) -> Points {
        do {
            return try Points(parsing: text)
        } catch {
            throw FixedPointOverflow(.outOfRange)
        }
    }
}
