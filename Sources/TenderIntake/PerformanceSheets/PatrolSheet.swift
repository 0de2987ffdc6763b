import TenderCore
import TenderModel

/// 周巡查: one finding per row, dated inside the month, deducting more than 0 and at most the plan's maximum per
/// finding, with its photo's relative path (the pipeline hashes the file). No row at all: no findings.
enum PatrolSheet {
    static func findings(
        _ sheet: SheetRows,
        plan: EvaluationPlan,
        month: YearMonth
    ) -> (findings: [PatrolFinding], problems: [Diagnostic]) {
        var checks = SheetValueChecks()
        let items = ItemNames(ids: plan.contract.services.map(\.id), plan: plan)
        var seen: [String: SourceLocation] = [:]
        var findings: [PatrolFinding] = []
        for row in sheet.rows {
            let id = checks.required(.id, of: row)
            let isNew = id.map { checks.unique($0, "finding", at: row.location(.id), seen: &seen) } ?? false
            let date = checks.day(.date, of: row, month: month)
            let place = checks.required(.place, of: row)
            var item: String?
            if let name = checks.required(.item, of: row) {
                item = items.id(for: name)
                if item == nil {
                    checks.problems.error(
                        "unknown item '\(VisibleText.excerpt(name))'; the contract's service items are \(items.list)",
                        at: row.location(.item)
                    )
                }
            }
            let description = checks.required(.description, of: row)
            let deduction = checks.number(
                .deduction,
                of: row,
                maximum: plan.patrol.maximumPerFinding,
                limitName: "maximum per finding (maximum-per-finding)",
                aboveZero: true
            )
            let photoGiven = !row.text(.photo).isEmpty
            let photo = checks.photo(of: row, required: plan.patrol.photoRequired)
            guard let id, isNew, let date, let place, let item, let description, let deduction,
                photo != nil || !photoGiven, photo != nil || !plan.patrol.photoRequired
            else { continue }
            findings.append(
                PatrolFinding(
                    id: id,
                    date: date,
                    place: place,
                    item: item,
                    description: description,
                    deduction: deduction,
                    photo: photo,
                    photoSHA256: nil,
                    location: row.location(.deduction)
                )
            )
        }
        return (findings, checks.problems.diagnostics)
    }
}
