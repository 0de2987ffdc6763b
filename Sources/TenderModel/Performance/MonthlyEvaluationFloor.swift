import TenderCore

extension MonthlyEvaluation {
    /// Whether the deductions exceeded what the sources contributed, so the score was held at 0 (reports say so
    /// rather than show a 0 that looks earned). Judged on the sum the plan rounds: the rounded contributions under
    /// per-source rounding, the exact ones under total rounding.
    public var flooredAtZero: Bool {
        let sources = [survey, team, department]
        if sources.allSatisfy({ $0.roundedContribution != nil }) {
            let units = sources.reduce(Int128(0)) { $0 + Int128($1.roundedContribution!.units) }
            return units < Int128(patrol.applied.units)
        }
        var exact = ExactRatio.zero
        for source in sources {
            guard let sum = try? exact + source.contribution else { return false }
            exact = sum
        }
        return exact < patrol.applied.ratio
    }
}
