import TenderCore
import TenderModel

/// 科室考评, long format as the committee's sheets: one row per department and item; every department scores
/// every item of the plan exactly once, within the item's points.
enum DepartmentSheet {
    static func scores(
        _ sheet: SheetRows,
        plan: EvaluationPlan
    ) -> (scores: [DepartmentScore], problems: [Diagnostic]) {
        var checks = SheetValueChecks()
        let items = ItemNames(ids: plan.department.items.map(\.id), plan: plan)
        var departments: [String] = []
        var firstRow: [String: SourceLocation] = [:]
        var scored: [String: SourceLocation] = [:]
        var scores: [DepartmentScore] = []
        for row in sheet.rows {
            let department = checks.required(.department, of: row)
            if let department, firstRow[department] == nil {
                departments.append(department)
                firstRow[department] = row.location(.department)
            }
            var item: DepartmentItem?
            if let name = checks.required(.item, of: row) {
                if let id = items.id(for: name) {
                    item = plan.department.item(id: id)
                } else {
                    checks.problems.error(
                        "unknown item '\(VisibleText.excerpt(name))'; the plan's department items are \(items.list)",
                        at: row.location(.item)
                    )
                }
            }
            var isNew = false
            if let department, let item {
                isNew = checks.unique(
                    "\(department)\u{0}\(item.id)",
                    "",
                    at: row.location(.item),
                    seen: &scored,
                    message: { first in
                        "department '\(VisibleText.excerpt(department))' scores item \(items.described(id: item.id)) "
                            + "twice (first at \(first))"
                    }
                )
            }
            guard let item else { continue }
            let context =
                " for item '\(item.id)'" + (department.map { " of department '\(VisibleText.excerpt($0))'" } ?? "")
            guard
                let score = checks.number(
                    .score,
                    of: row,
                    maximum: item.points,
                    context: context,
                    step: plan.department.step
                )
            else { continue }
            let reason = checks.reason(
                of: row,
                in: sheet,
                score: score,
                maximum: item.points,
                scored: context.trimmingPrefixSpace,
                required: plan.department.reasonsRequired
            )
            guard let department, isNew else { continue }
            scores.append(
                DepartmentScore(
                    department: department,
                    item: item.id,
                    score: score,
                    reason: reason,
                    location: row.location(.score)
                )
            )
        }
        for department in departments {
            for item in plan.department.items where scored["\(department)\u{0}\(item.id)"] == nil {
                checks.problems.error(
                    "department '\(VisibleText.excerpt(department))' does not score item "
                        + "\(items.described(id: item.id)); every department scores every item once",
                    at: firstRow[department]
                )
            }
        }
        if departments.count < plan.department.minimumDepartments {
            checks.problems.error(
                "the department sheet has \(counted(departments.count, "department")); the plan requires at least "
                    + "\(plan.department.minimumDepartments) (minimum-departments)",
                at: SourceLocation(file: sheet.file)
            )
        }
        return (scores, checks.problems.diagnostics)
    }
}
