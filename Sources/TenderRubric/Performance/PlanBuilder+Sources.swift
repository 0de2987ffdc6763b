import TenderCore
import TenderModel
import Yams

/// The four sources of the monthly score: survey (群众测评), team recommendation (班组推荐), department evaluation
/// (科室考评) and patrol findings (周巡查) as deductions.
extension PlanBuilder {
    struct Sources {
        var survey: SurveySource
        var team: TeamSource
        var department: DepartmentSource
        var patrol: PatrolSource
    }

    func readSources(_ field: Field, services: [ServiceItem]?) -> Sources? {
        guard let view = reader.mapping(field) else { return nil }
        let context = "in 'sources'"
        reader.checkKeys(view, allowed: PlanLoader.sourceKeys, context: context)
        let survey = reader.required(view, "survey", context: context).flatMap { readSurvey($0, services: services) }
        let team = reader.required(view, "team", context: context).flatMap(readTeam)
        let department = reader.required(view, "department", context: context).flatMap {
            readDepartment($0, services: services)
        }
        let patrol = reader.required(view, "patrol", context: context).flatMap(readPatrol)
        let weights = [("survey", survey?.weight), ("team", team?.weight), ("department", department?.weight)]
        let stated = weights.compactMap { name, weight in weight.map { (name, $0) } }
        // Only when every weight was read: a sum missing one would be a second, misleading error.
        if stated.count == weights.count, let sum = try? Points.sum(stated.map(\.1)), sum != 100 {
            reader.error(
                "source weights sum to \(sum.plainText), not 100 ("
                    + stated.map { "\($0.0) \($0.1.plainText)" }.joined(separator: " + ") + ")",
                at: view.location
            )
            return nil
        }
        guard let survey, let team, let department, let patrol else { return nil }
        return Sources(survey: survey, team: team, department: department, patrol: patrol)
    }

    private func readSurvey(_ field: Field, services: [ServiceItem]?) -> SurveySource? {
        guard let view = reader.mapping(field) else { return nil }
        let context = "in 'survey'"
        reader.checkKeys(view, allowed: PlanLoader.surveyKeys, context: context)
        let weight = reader.required(view, "weight", context: context).flatMap(weight)
        let answers = reader.required(view, "answers", context: context).flatMap(readAnswers)
        var items = services?.map(\.id)
        if let itemsField = view["items"] {
            items = readSurveyItems(itemsField, services: services)
        }
        let minimum = reader.required(view, "minimum-responses", context: context).flatMap {
            count($0, maximum: PlanLoader.maximumMinimum)
        }
        guard let weight, let answers, let items, let minimum else { return nil }
        return SurveySource(
            weight: weight,
            answers: answers,
            items: items,
            minimumResponses: minimum,
            location: view.location
        )
    }

    private func readAnswers(_ field: Field) -> [SurveyAnswer]? {
        guard
            let entries = boundedList(
                field,
                noun: ("answer", "answers"),
                maximum: PlanLoader.maximumAnswers,
                emptyAdvice: "list the answers a respondent chooses from (满意, 基本满意, 不满意) with their values"
            )
        else { return nil }
        var answers: [SurveyAnswer] = []
        // Every label read, also of an answer whose value is wrong, so that a repeated label is still found.
        var labels: [(label: String, location: SourceLocation)] = []
        var complete = true
        for entry in entries {
            guard let view = reader.mapping(entry, what: "an answer") else {
                complete = false
                continue
            }
            let context = "in an answer"
            reader.checkKeys(view, allowed: PlanLoader.answerKeys, context: context)
            var label = reader.required(view, "label", context: context).flatMap {
                reader.printableText($0, what: "label")
            }
            if let written = label {
                if let first = labels.first(where: { $0.label == written }) {
                    reader.error(
                        "answer '\(VisibleText.escaped(written))' is already listed at "
                            + "\(first.location.lineColumnText); a sheet's answer must name one value",
                        at: view["label"]?.location ?? view.location
                    )
                    label = nil
                } else {
                    labels.append((written, view.location))
                }
            }
            let value = reader.required(view, "value", context: context).flatMap { reader.points($0, .percent) }
            guard let label, let value else {
                complete = false
                continue
            }
            answers.append(SurveyAnswer(label: label, value: value))
        }
        guard complete else { return nil }
        guard answers.count >= 2 else {
            reader.error(
                "'answers' lists one answer; a survey needs at least two for respondents to choose between",
                at: field.location
            )
            return nil
        }
        return answers
    }

    private func readSurveyItems(_ field: Field, services: [ServiceItem]?) -> [String]? {
        guard
            let nodes = boundedList(
                field,
                noun: ("item", "items"),
                maximum: PlanLoader.maximumServices,
                emptyAdvice: "leave it out to survey every service item, or name the items surveyed"
            )
        else { return nil }
        var items: [String] = []
        var complete = true
        for node in nodes {
            guard let id = reader.string(node, what: "a survey item") else {
                complete = false
                continue
            }
            guard let services else {
                complete = false
                continue
            }
            guard services.contains(where: { $0.id == id }) else {
                unknownService(id, what: "survey item", services: services, at: reader.location(node))
                complete = false
                continue
            }
            guard !items.contains(id) else {
                reader.error("survey item '\(VisibleText.excerpt(id))' is named twice", at: reader.location(node))
                complete = false
                continue
            }
            items.append(id)
        }
        return complete ? items : nil
    }

    private func readTeam(_ field: Field) -> TeamSource? {
        guard let view = reader.mapping(field) else { return nil }
        let context = "in 'team'"
        reader.checkKeys(view, allowed: PlanLoader.teamKeys, context: context)
        let weight = reader.required(view, "weight", context: context).flatMap(weight)
        var step: Points??
        if let stepField = view["step"] {
            let read = reader.points(stepField, .positive)
            if let read, Points(100).units % read.units != 0 {
                reader.error(
                    "step \(read.plainText) does not divide the team score's 100 points",
                    at: stepField.location
                )
                step = .some(nil)
            } else {
                step = .some(read)
            }
        }
        let minimum = reader.required(view, "minimum-teams", context: context).flatMap {
            count($0, maximum: PlanLoader.maximumMinimum)
        }
        let reasons = requirement(view["reasons"])
        guard let weight, step != .some(nil), let minimum, let reasons else { return nil }
        return TeamSource(
            weight: weight,
            step: step ?? nil,
            minimumTeams: minimum,
            reasonsRequired: reasons,
            location: view.location
        )
    }

    private func readDepartment(_ field: Field, services: [ServiceItem]?) -> DepartmentSource? {
        guard let view = reader.mapping(field) else { return nil }
        let context = "in 'department'"
        reader.checkKeys(view, allowed: PlanLoader.departmentKeys, context: context)
        let weight = reader.required(view, "weight", context: context).flatMap(weight)
        let items = reader.required(view, "items", context: context).flatMap {
            readDepartmentItems($0, services: services)
        }
        var step: Points??
        if let stepField = view["step"] {
            let read = reader.points(stepField, .positive)
            step = .some(read)
            if let read, let items {
                let undivided = items.filter { $0.points.units % read.units != 0 }
                if !undivided.isEmpty {
                    reader.error(
                        "step \(read.plainText) does not divide the points of "
                            + undivided.map { "'\($0.id)' (\($0.points.plainText))" }.joined(separator: ", ")
                            + "; a department could not give every item its full points",
                        at: stepField.location
                    )
                    step = .some(nil)
                }
            }
        }
        let minimum = reader.required(view, "minimum-departments", context: context).flatMap {
            count($0, maximum: PlanLoader.maximumMinimum)
        }
        let reasons = requirement(view["reasons"])
        guard let weight, let items, step != .some(nil), let minimum, let reasons else { return nil }
        return DepartmentSource(
            weight: weight,
            items: items,
            step: step ?? nil,
            minimumDepartments: minimum,
            reasonsRequired: reasons,
            location: view.location
        )
    }

    private func readDepartmentItems(_ field: Field, services: [ServiceItem]?) -> [DepartmentItem]? {
        guard
            let entries = boundedList(
                field,
                noun: ("item", "items"),
                maximum: PlanLoader.maximumDepartmentItems,
                emptyAdvice: "list the service items departments score, with their points (summing to 100)"
            )
        else { return nil }
        var items: [DepartmentItem] = []
        var complete = true
        for entry in entries {
            guard let view = reader.mapping(entry, what: "a department item") else {
                complete = false
                continue
            }
            let context = "in a department item"
            reader.checkKeys(view, allowed: PlanLoader.departmentItemKeys, context: context)
            let idField = reader.required(view, "id", context: context)
            var id = idField.flatMap { reader.string($0) }
            if let idField, let written = id, let services, !services.contains(where: { $0.id == written }) {
                unknownService(written, what: "department item", services: services, at: idField.location)
                id = nil
            }
            let points = reader.required(view, "points", context: context).flatMap(itemPoints)
            guard let id, let points, services != nil else {
                complete = false
                continue
            }
            if let first = items.first(where: { $0.id == id }) {
                reader.error(
                    "department item '\(VisibleText.excerpt(id))' is already listed at "
                        + first.location.lineColumnText,
                    at: idField?.location ?? view.location
                )
                complete = false
                continue
            }
            items.append(DepartmentItem(id: id, points: points, location: view.location))
        }
        guard complete else { return nil }
        if let sum = try? Points.sum(items.map(\.points)), sum != 100 {
            reader.error(
                "department item points sum to \(sum.plainText), not 100 ("
                    + items.map { "\($0.id) \($0.points.plainText)" }.joined(separator: " + ") + ")",
                at: field.location
            )
            return nil
        }
        return items
    }

    private func readPatrol(_ field: Field) -> PatrolSource? {
        guard let view = reader.mapping(field) else { return nil }
        let context = "in 'patrol'"
        reader.checkKeys(view, allowed: PlanLoader.patrolKeys, context: context)
        let perFinding = reader.required(view, "maximum-per-finding", context: context).flatMap(deduction)
        let cap = reader.required(view, "monthly-cap", context: context).flatMap(deduction)
        let photo = requirement(view["photo"])
        if let perFinding, let cap, cap < perFinding, let capField = view["monthly-cap"] {
            reader.error(
                "monthly-cap \(cap.plainText) is less than maximum-per-finding \(perFinding.plainText); one finding "
                    + "alone could exceed the month's cap",
                at: capField.location
            )
            return nil
        }
        guard let perFinding, let cap, let photo else { return nil }
        return PatrolSource(
            maximumPerFinding: perFinding,
            monthlyCap: cap,
            photoRequired: photo,
            location: view.location
        )
    }

    // MARK: Numbers

    /// A source's weight: more than 0 and at most 100 (the weights sum to 100).
    private func weight(_ field: Field) -> Points? {
        guard let value = reader.points(field, .percent) else { return nil }
        guard value > .zero else {
            reader.error(
                "weight must be greater than 0; every source the plan lists counts in the monthly score",
                at: field.location
            )
            return nil
        }
        return value
    }

    /// A department item's points: more than 0 and at most 100.
    private func itemPoints(_ field: Field) -> Points? {
        guard let value = reader.points(field, .positive) else { return nil }
        guard value <= 100 else {
            reader.error(
                "points must be at most 100 (the items' points sum to 100), found '\(value.plainText)'",
                at: field.location
            )
            return nil
        }
        return value
    }

    /// Points a patrol takes off the monthly score (0...100): more than 0 and at most 100.
    private func deduction(_ field: Field) -> Points? {
        guard let value = reader.points(field, .positive) else { return nil }
        guard value <= 100 else {
            reader.error(
                "\(field.key) must be at most 100 (the monthly score's scale), found '\(value.plainText)'",
                at: field.location
            )
            return nil
        }
        return value
    }

    private func unknownService(_ id: String, what: String, services: [ServiceItem], at location: SourceLocation) {
        let ids = services.map(\.id)
        reader.error(
            "\(what) '\(VisibleText.excerpt(id))' is not a service item of the contract; its service items are "
                + ids.map { "'\($0)'" }.joined(separator: ", ") + didYouMean(id, among: ids),
            at: location
        )
    }
}
