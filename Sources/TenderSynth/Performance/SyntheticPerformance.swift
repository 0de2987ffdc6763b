import TenderCore
public import TenderModel

/// Deterministic, realistic monthly performance records (月考评) for a contract: a survey of the building's users,
/// the teams' recommendations, the departments' sheets and the weekly patrols' findings with their photos. The
/// same plan, scenario and seed give the same bytes on every machine; each month depends only on the seed and the
/// month, so months can be generated one at a time (the benchmark's ten contracts × twelve months).
public enum SyntheticPerformance {
    /// Every month of the scenario, oldest first.
    public static func generate(
        plan: SyntheticPerformancePlan,
        scenario: PerformanceScenario,
        seed: UInt64
    ) -> [SyntheticPerformanceMonth] {
        scenario.monthList.map { month(month: $0, plan: plan, scenario: scenario, seed: seed) }
    }

    /// One month of the scenario (also a month outside `scenario.months`: the drift simply continues).
    public static func month(
        month: YearMonth,
        plan: SyntheticPerformancePlan,
        scenario: PerformanceScenario,
        seed: UInt64
    ) -> SyntheticPerformanceMonth {
        var random = SyntheticRandom(seed: seed).derived(UInt64(truncatingIfNeeded: month.ordinal))
        let designedPoor = scenario.unqualifiedMonths.contains(month)
        let elapsed = scenario.firstMonth.months(to: month)
        var quality = scenario.quality + scenario.driftPerMonth * elapsed + random.int(in: -60...60)
        if designedPoor { quality -= 300 }
        quality = min(1000, max(0, quality))

        var surveyRandom = random.derived(1)
        var teamRandom = random.derived(2)
        var departmentRandom = random.derived(3)
        var patrolRandom = random.derived(4)
        return SyntheticPerformanceMonth(
            month: month,
            quality: quality,
            designedUnqualified: designedPoor,
            respondents: survey(month, quality, plan, scenario, &surveyRandom),
            teams: teams(quality, plan, &teamRandom),
            departments: departments(quality, plan, &departmentRandom),
            findings: findings(month, quality, designedPoor, plan, &patrolRandom)
        )
    }

    /// The plan file's text (see `SyntheticPerformancePlan.renderYAML`).
    public static func renderPlanYAML(_ plan: SyntheticPerformancePlan) -> String {
        plan.renderYAML()
    }

    // MARK: Sources

    /// Each respondent has a disposition around the month's quality and answers each item near it, so one
    /// respondent's answers agree with each other as real ones do.
    static func survey(
        _ month: YearMonth,
        _ quality: Int,
        _ plan: SyntheticPerformancePlan,
        _ scenario: PerformanceScenario,
        _ random: inout SyntheticRandom
    ) -> [SyntheticPerformanceMonth.Respondent] {
        let variation = max(0, scenario.respondentVariation)
        let count = max(plan.minimumResponses, scenario.respondents + random.int(in: -variation...variation), 1)
        let itemCount = plan.services.count
        let answerCount = plan.answers.count
        // People fill the form in at their desks: most answers come in office hours, a few in the evening.
        var offsets = (0..<count).map { _ in
            let day = random.int(in: 0...(month.days - 1))
            let secondOfDay =
                random.chance(perMille: 920)
                ? random.int(in: (8 * 3_600)...(18 * 3_600 - 1)) : random.int(in: (18 * 3_600)...(22 * 3_600 - 1))
            return day * 86_400 + secondOfDay
        }
        offsets.sort()
        let width = max(4, String(count).count)
        var respondents: [SyntheticPerformanceMonth.Respondent] = []
        respondents.reserveCapacity(count)
        for index in 0..<count {
            let disposition = quality + random.int(in: -150...150)
            var answers = [Int8](repeating: -1, count: itemCount)
            var answered = 0
            for item in 0..<itemCount {
                if random.chance(perMille: scenario.blankAnswersPerMille) { continue }
                let level = disposition + random.int(in: -120...120)
                var choice = answerCount - 1
                for threshold in 0..<(answerCount - 1) where level >= 780 - threshold * 180 {
                    choice = threshold
                    break
                }
                answers[item] = Int8(choice)
                answered += 1
            }
            if answered == 0, itemCount > 0 {
                answers[itemCount - 1] = Int8(min(answerCount - 1, max(0, (1000 - disposition) / 180)))
            }
            respondents.append(
                SyntheticPerformanceMonth.Respondent(
                    id: "R" + padded(index + 1, width: width),
                    submitted: timestamp(month, offsets[index]),
                    answers: answers
                )
            )
        }
        return respondents
    }

    static func teams(_ quality: Int, _ plan: SyntheticPerformancePlan, _ random: inout SyntheticRandom)
        -> [SyntheticPerformanceMonth.TeamScore]
    {
        let count = max(plan.minimumTeams, random.int(in: 4...6))
        let step = plan.teamStep ?? 1
        return (0..<count).map { index in
            let lossPoints = max(0, (1000 - quality) / 25 + random.int(in: -3...5))
            let score = below(100, lossUnits: Int64(lossPoints) * Points.unitsPerWhole, step: step)
            var reason: String?
            if score < 100 {
                // A liaison team names what it saw of one of the contract's services in its building.
                let service = random.pick(plan.services)
                reason = random.pick(PerformanceNames.teamReasons[service.id] ?? PerformanceNames.genericTeamReasons)
            }
            return SyntheticPerformanceMonth.TeamScore(
                team: index < PerformanceNames.teams.count ? PerformanceNames.teams[index] : "联络组\(index + 1)",
                score: score,
                reason: reason
            )
        }
    }

    static func departments(_ quality: Int, _ plan: SyntheticPerformancePlan, _ random: inout SyntheticRandom)
        -> [SyntheticPerformanceMonth.DepartmentScore]
    {
        let count = max(plan.minimumDepartments, random.int(in: 5...8))
        let step = plan.departmentStep ?? Points(units: Points.unitsPerWhole / 2)
        var scores: [SyntheticPerformanceMonth.DepartmentScore] = []
        for index in 0..<count {
            let department =
                index < PerformanceNames.departments.count ? PerformanceNames.departments[index] : "科室\(index + 1)"
            // A strict or lenient department marks every item a little lower or higher.
            let strictness = random.int(in: -40...40)
            for service in plan.services {
                let lossPerMille = max(0, (1000 - quality) / 2 + strictness + random.int(in: -50...50))
                let lossUnits = service.departmentPoints.units / 1000 * Int64(lossPerMille)
                let score = below(service.departmentPoints, lossUnits: lossUnits, step: step)
                let reasons = PerformanceNames.departmentReasons[service.id] ?? PerformanceNames.genericReasons
                scores.append(
                    SyntheticPerformanceMonth.DepartmentScore(
                        department: department,
                        item: service.id,
                        score: score,
                        reason: score < service.departmentPoints ? random.pick(reasons) : nil
                    )
                )
            }
        }
        return scores
    }

    static func findings(
        _ month: YearMonth,
        _ quality: Int,
        _ designedPoor: Bool,
        _ plan: SyntheticPerformancePlan,
        _ random: inout SyntheticRandom
    ) -> [SyntheticPerformanceMonth.Finding] {
        let expected = (1000 - quality) / 60
        let count = designedPoor ? random.int(in: 6...9) : min(6, random.int(in: 0...max(0, expected * 2)))
        let halfUnits = Points.unitsPerWhole / 2
        let maximumHalves = max(1, Int(plan.maximumPerFinding.units / halfUnits))
        var dated: [(day: Int, finding: SyntheticPerformanceMonth.Finding)] = []
        for _ in 0..<count {
            let service = random.pick(plan.services)
            let halves =
                designedPoor
                ? random.int(in: min(3, maximumHalves)...maximumHalves) : random.int(in: 1...min(6, maximumHalves))
            let day = random.int(in: 1...month.days)
            let site = random.pick(PerformanceNames.sites[service.id] ?? PerformanceNames.genericSites)
            dated.append(
                (
                    day,
                    SyntheticPerformanceMonth.Finding(
                        id: "",
                        date: month.description + "-" + padded(day, width: 2),
                        place: site.place,
                        item: service.id,
                        description: random.pick(site.problems),
                        deduction: Points(units: Int64(halves) * halfUnits),
                        photo: ""
                    )
                )
            )
        }
        // Numbered in date order, as the patrol log is kept.
        return dated.enumerated().sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }.enumerated().map
        {
            number,
            entry in
            var finding = entry.element.finding
            finding.id = "XC-\(month)-" + padded(number + 1, width: 2)
            finding.photo = finding.id + ".png"
            return finding
        }
    }

    // MARK: Helpers

    /// `maximum` less `lossUnits`, rounded down to a multiple of `step` lost, never below 0.
    static func below(_ maximum: Points, lossUnits: Int64, step: Points) -> Points {
        let stepUnits = max(1, step.units)
        let steps = (lossUnits + stepUnits / 2) / stepUnits
        return Points(units: max(0, maximum.units - steps * stepUnits))
    }

    static func padded(_ value: Int, width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// `YYYY-MM-DD HH:MM:SS`, `offset` seconds into the month.
    static func timestamp(_ month: YearMonth, _ offset: Int) -> String {
        let day = offset / 86_400 + 1
        let hour = offset % 86_400 / 3_600
        let minute = offset % 3_600 / 60
        let second = offset % 60
        return "\(month)-\(padded(day, width: 2)) \(padded(hour, width: 2)):\(padded(minute, width: 2)):"
            + padded(second, width: 2)
    }
}

extension YearMonth {
    /// Days in the month (Gregorian).
    var days: Int {
        switch month {
        case 2: return CalendarDate.isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
