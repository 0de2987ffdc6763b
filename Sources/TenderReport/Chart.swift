import TenderCore
import TenderModel

/// An inline SVG of every valid bidder's group scores (of those the report explains in full, above 200 bids): one horizontal stacked bar per bidder in rank order, one
/// colour per group (fixed palette, by group order), the numbers written as text. Coordinates are computed in
/// exact ratios (`Pixels`) and written with two decimals, so the same evaluation always gives the same bytes.
enum GroupChart {
    /// Okabe–Ito colours, distinguishable with the common colour-vision deficiencies and in grey print.
    static let palette = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999"]

    static let width: Pixels = 960
    static let rowHeight: Pixels = 28
    static let barHeight: Pixels = 20
    static let legendRowHeight: Pixels = 22

    static func svg(_ builder: ReportBuilder) -> String {
        // Above the full-explanation limit the chart shows the bids the report explains, not thousands of bars.
        let results = builder.explainedBids.map(\.result).filter { $0.status == .valid }
        let groups = builder.rubric.groups
        guard !results.isEmpty, !groups.isEmpty else { return "" }
        let maximum = groups.reduce(Pixels(0)) { $0 + Pixels($1.points.ratio) }
        guard maximum > 0 else { return "" }
        let title = builder.labels.chartTitle

        let names = results.map(\.displayName)
        let labelWidth = min(max(names.map(textWidth).max() ?? 0, 80), 360) + 12
        let barArea = width - labelWidth - 64
        let scale = barArea / maximum

        var body = ""
        // Legend, wrapped onto as many rows as it needs.
        var x: Pixels = 0
        var y: Pixels = 0
        for (index, group) in groups.enumerated() {
            let label = "\(group.name.text(in: builder.language)) (\(NumberFormat.exact(group.points)))"
            let itemWidth = 14 + 6 + textWidth(label) + 18
            if x > 0 && x + itemWidth > width {
                x = 0
                y += legendRowHeight
            }
            body += "<rect x=\"\(n(x))\" y=\"\(n(y + 3))\" width=\"14\" height=\"14\" fill=\"\(colour(index))\"/>"
            body += "<text x=\"\(n(x + 20))\" y=\"\(n(y + 15))\">\(HTMLWriter.escape(label))</text>\n"
            x += itemWidth
        }
        let top = y + legendRowHeight + 10

        for (row, result) in results.enumerated() {
            let rowY = top + Pixels(row) * rowHeight
            let textY = n(rowY + barHeight / 2 + 4)
            body += "<text x=\"\(n(labelWidth - 8))\" y=\"\(textY)\" text-anchor=\"end\">"
            body += "\(HTMLWriter.escape(result.displayName))</text>\n"
            var offset: Pixels = 0
            for (index, group) in groups.enumerated() {
                let points = max(result.groupScore(for: group.id) ?? 0, 0)
                let segment = Pixels(points.ratio) * scale
                let segmentX = labelWidth + offset * scale
                let value = builder.counted(points)
                let name = HTMLWriter.escape(group.name.text(in: builder.language))
                body += "<rect x=\"\(n(segmentX))\" y=\"\(n(rowY))\" width=\"\(n(segment))\" "
                body += "height=\"\(n(barHeight))\" fill=\"\(colour(index))\"><title>\(name): \(value)</title></rect>"
                if segment >= 30 {
                    body += "<text x=\"\(n(segmentX + segment / 2))\" y=\"\(textY)\" text-anchor=\"middle\">"
                    body += "\(value)</text>"
                }
                body += "\n"
                offset += Pixels(points.ratio)
            }
            let total = builder.totalText(result)
            body += "<text x=\"\(n(labelWidth + offset * scale + 6))\" y=\"\(textY)\" font-weight=\"bold\">"
            body += "\(total)</text>\n"
        }
        let height = top + Pixels(results.count) * rowHeight + 8
        let escapedTitle = HTMLWriter.escape(title)
        return """
            <figure>
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(n(width)) \(n(height))" width="\(n(width))" \
            height="\(n(height))" role="img" aria-label="\(escapedTitle)" font-family="sans-serif" font-size="12">
            <title>\(escapedTitle)</title>
            <line x1="\(n(labelWidth))" y1="\(n(top - 4))" x2="\(n(labelWidth))" y2="\(n(height - 4))" \
            stroke="#555"/>
            \(body)</svg>
            <figcaption>\(escapedTitle)</figcaption>
            </figure>

            """
    }

    static func colour(_ index: Int) -> String {
        palette[index % palette.count]
    }

    /// Rough width of a label at 12 px: narrow for ASCII, full width for CJK and everything else.
    static func textWidth(_ text: String) -> Pixels {
        Pixels(text.unicodeScalars.reduce(0) { width, scalar in width + (scalar.isASCII ? 7 : 12) })
    }

    private static func n(_ value: Pixels) -> String {
        (try? value.value.fixedText(places: 2)) ?? "0.00"
    }
}

/// A chart coordinate, exact. Coordinates are bounded by the drawing (960 px wide, a row per bid, points
/// below the rubric's 100), so their arithmetic cannot overflow; if it ever did, the coordinate would be 0,
/// a drawing fault rather than a wrong score.
struct Pixels: Comparable, ExpressibleByIntegerLiteral {
    var value: ExactRatio

    init(_ value: ExactRatio) {
        self.value = value
    }

    init(_ value: Int) {
        self.value = ExactRatio(value)
    }

    init(integerLiteral value: Int) {
        self.init(value)
    }

    static func + (lhs: Pixels, rhs: Pixels) -> Pixels {
        Pixels((try? lhs.value + rhs.value) ?? .zero)
    }

    static func - (lhs: Pixels, rhs: Pixels) -> Pixels {
        Pixels((try? lhs.value - rhs.value) ?? .zero)
    }

    static func * (lhs: Pixels, rhs: Pixels) -> Pixels {
        Pixels((try? lhs.value * rhs.value) ?? .zero)
    }

    static func / (lhs: Pixels, rhs: Pixels) -> Pixels {
        Pixels((try? lhs.value / rhs.value) ?? .zero)
    }

    static func += (lhs: inout Pixels, rhs: Pixels) {
        lhs = lhs + rhs
    }

    static func < (lhs: Pixels, rhs: Pixels) -> Bool {
        lhs.value < rhs.value
    }
}
