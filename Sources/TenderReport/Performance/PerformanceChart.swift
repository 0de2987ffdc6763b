import TenderCore
import TenderModel

/// The period report's trend chart as inline SVG: the standing bands shaded with their names, the monthly score
/// as a solid line and each source's 0–100 score as a dashed one (told apart by dash pattern as well as colour, so
/// a grey print still reads), months in the lowest band ringed, stale months hollow, unscored months a dotted
/// grey line. Coordinates are exact (`Pixels`) and written with two decimals: the same input, the same bytes.
enum PerformanceChart {
    static let width: Pixels = 960
    static let plotLeft: Pixels = 44
    static let plotRight: Pixels = 820
    static let plotTop: Pixels = 12
    static let plotBottom: Pixels = 292

    struct Series {
        var name: String
        var colour: String
        var dash: String?
        var strokeWidth: String
        var value: (MonthlyEvaluation) -> ExactRatio
    }

    static func svg(_ builder: PerformanceReportBuilder) -> String {
        let input = builder.input
        let labels = builder.labels
        guard let lastReported = builder.reportedMonths.last else { return "" }
        let first = min(builder.contract.firstMonth, builder.reportedMonths.first ?? lastReported)
        let months = (first.ordinal...max(first.ordinal, lastReported.ordinal)).compactMap(YearMonth.init(ordinal:))
        let step = (plotRight - plotLeft) / Pixels(months.count)
        func x(_ index: Int) -> Pixels { plotLeft + step * Pixels(index) + step / 2 }
        func y(_ value: ExactRatio) -> Pixels {
            let clamped = min(max(value, .zero), ExactRatio(100))
            return plotTop + (Pixels(100) - Pixels(clamped)) * (plotBottom - plotTop) / 100
        }

        var body = ""
        // Standing bands, highest first; each reaches up to the band above (the top one to 100).
        var upper = ExactRatio(100)
        for (index, standing) in builder.plan.standings.enumerated() {
            let lower = standing.atLeast.ratio
            let fill =
                index == 0 ? "#E3F2E5" : index == builder.plan.standings.count - 1 ? "#FBE3E1" : "#F2F2F2"
            body += "<rect x=\"\(n(plotLeft))\" y=\"\(n(y(upper)))\" width=\"\(n(plotRight - plotLeft))\" "
            body += "height=\"\(n(y(lower) - y(upper)))\" fill=\"\(fill)\"/>\n"
            if lower > .zero {
                body += "<line x1=\"\(n(plotLeft))\" y1=\"\(n(y(lower)))\" x2=\"\(n(plotRight))\" "
                body += "y2=\"\(n(y(lower)))\" stroke=\"#777\" stroke-dasharray=\"4 3\"/>\n"
            }
            let name = standing.name.text(in: builder.language) + " ≥ " + builder.exact(standing.atLeast)
            body += "<text x=\"\(n(plotRight + 8))\" y=\"\(n((y(upper) + y(lower)) / 2 + 4))\">"
            body += "\(HTMLWriter.escape(name))</text>\n"
            upper = lower
        }
        // The 0–100 axis.
        for tick in stride(from: 0, through: 100, by: 20) {
            let tickY = y(ExactRatio(tick))
            body += "<text x=\"\(n(plotLeft - 6))\" y=\"\(n(tickY + 4))\" text-anchor=\"end\">\(tick)</text>"
            body += "<line x1=\"\(n(plotLeft - 3))\" y1=\"\(n(tickY))\" x2=\"\(n(plotLeft))\" y2=\"\(n(tickY))\" "
            body += "stroke=\"#555\"/>\n"
        }
        body += "<rect x=\"\(n(plotLeft))\" y=\"\(n(plotTop))\" width=\"\(n(plotRight - plotLeft))\" "
        body += "height=\"\(n(plotBottom - plotTop))\" fill=\"none\" stroke=\"#555\"/>\n"
        // Months: a label under every month when they fit, otherwise under every few.
        let every = max(1, (months.count + 13) / 14)
        for (index, month) in months.enumerated() where index % every == 0 {
            body += "<text x=\"\(n(x(index)))\" y=\"\(n(plotBottom + 16))\" text-anchor=\"middle\">"
            body += "\(month.description)</text>\n"
        }
        let scored = Dictionary(input.months.map { ($0.month, $0) }, uniquingKeysWith: { first, _ in first })
        for (index, month) in months.enumerated() where scored[month] == nil && input.pending(month) != nil {
            let status = input.pending(month).map { builder.pendingText($0.status) } ?? ""
            body += "<line x1=\"\(n(x(index)))\" y1=\"\(n(plotTop))\" x2=\"\(n(x(index)))\" y2=\"\(n(plotBottom))\" "
            body += "stroke=\"#999\" stroke-dasharray=\"1 3\"><title>\(month.description): "
            body += "\(HTMLWriter.escape(status))</title></line>\n"
        }

        let series = seriesList(builder)
        for line in series.reversed() {
            // One polyline per run of consecutive scored months: an unscored month breaks the line.
            var runs: [[Int]] = []
            for (index, month) in months.enumerated() {
                if scored[month] == nil { continue }
                if let last = runs.last?.last, last == index - 1 {
                    runs[runs.count - 1].append(index)
                } else {
                    runs.append([index])
                }
            }
            for run in runs where run.count > 1 {
                let points = run.map { index in "\(n(x(index))),\(n(y(line.value(scored[months[index]]!))))" }
                body += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" "
                body += "stroke=\"\(line.colour)\" stroke-width=\"\(line.strokeWidth)\""
                body += line.dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
                body += "/>\n"
            }
        }
        // The monthly score's points, with its value; months in the lowest band ringed in red.
        for (index, month) in months.enumerated() {
            guard let evaluation = scored[month] else { continue }
            let pointX = n(x(index))
            let pointY = y(evaluation.score.ratio)
            let stale = builder.stale(month) != nil
            let standing = builder.standingName(evaluation.standing).plain
            let tip = "\(month.description): \(builder.counted(evaluation.score)) \(standing)"
            body += "<circle cx=\"\(pointX)\" cy=\"\(n(pointY))\" r=\"3.5\" fill=\"\(stale ? "#FFFFFF" : "#000000")\" "
            body += "stroke=\"#000000\"><title>\(HTMLWriter.escape(tip))</title></circle>"
            if builder.isBottom(evaluation.standing) {
                body += "<circle cx=\"\(pointX)\" cy=\"\(n(pointY))\" r=\"8\" fill=\"none\" stroke=\"#C00000\" "
                body += "stroke-width=\"2\"/>"
            }
            // The value above the point; below it for a ringed point, clear of the ring.
            let labelY = builder.isBottom(evaluation.standing) ? pointY + 22 : pointY - 10
            body += "<text x=\"\(pointX)\" y=\"\(n(labelY))\" text-anchor=\"middle\" font-size=\"10\">"
            body += "\(builder.counted(evaluation.score))</text>\n"
        }

        // Legend under the month labels, one row.
        var legendX: Pixels = plotLeft
        let legendY = plotBottom + 40
        for line in series {
            body += "<line x1=\"\(n(legendX))\" y1=\"\(n(legendY - 4))\" x2=\"\(n(legendX + 28))\" "
            body += "y2=\"\(n(legendY - 4))\" stroke=\"\(line.colour)\" stroke-width=\"\(line.strokeWidth)\""
            body += line.dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
            body += "/><text x=\"\(n(legendX + 34))\" y=\"\(n(legendY))\">\(HTMLWriter.escape(line.name))</text>\n"
            legendX += 34 + GroupChart.textWidth(line.name) + 20
        }
        body += "<circle cx=\"\(n(legendX + 8))\" cy=\"\(n(legendY - 4))\" r=\"8\" fill=\"none\" stroke=\"#C00000\" "
        body += "stroke-width=\"2\"/><text x=\"\(n(legendX + 22))\" y=\"\(n(legendY))\">"
        body += "\(HTMLWriter.escape(labels.chartMarked))</text>\n"

        let height = legendY + 12
        let title = HTMLWriter.escape(labels.chartTitle)
        return """
            <figure>
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(n(width)) \(n(height))" width="\(n(width))" \
            height="\(n(height))" role="img" aria-label="\(title)" font-family="sans-serif" font-size="11">
            <title>\(title)</title>
            \(body)</svg>
            <figcaption>\(title)</figcaption>
            </figure>

            """
    }

    static func seriesList(_ builder: PerformanceReportBuilder) -> [Series] {
        let labels = builder.labels
        return [
            Series(name: labels.chartScore, colour: "#000000", dash: nil, strokeWidth: "2.5") { $0.score.ratio },
            Series(name: labels.sourceColumn(.survey), colour: "#0072B2", dash: "7 3", strokeWidth: "1.5") {
                $0.survey.score
            },
            Series(name: labels.sourceColumn(.team), colour: "#E69F00", dash: "2 3", strokeWidth: "1.5") {
                $0.team.score
            },
            Series(name: labels.sourceColumn(.department), colour: "#009E73", dash: "9 3 2 3", strokeWidth: "1.5") {
                $0.department.score
            },
        ]
    }

    private static func n(_ value: Pixels) -> String {
        (try? value.value.fixedText(places: 2)) ?? "0.00"
    }
}
