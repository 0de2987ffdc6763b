import TenderCore
import TenderModel

extension ResultJSON {
    /// Writes `result.json` into `sink` with the bytes `document(_:context:).rendered(pretty:)` gives, holding
    /// one bid's result at a time: the members are written in sorted order, and `results` element by element.
    static func write(_ evaluation: Evaluation, context: ReportContext, to sink: some ReportSink) {
        let pretty = context.prettyJSON
        guard case .object(let members) = document(evaluation, context: context, withResults: false) else {
            preconditionFailure("result.json is an object")
        }
        var object = JSONObjectWriter(sink: sink, pretty: pretty, indent: 0)
        for key in members.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            object.member(key) { indent in
                if key == "results" {
                    var array = JSONArrayWriter(sink: sink, pretty: pretty, indent: indent)
                    for bid in evaluation.results {
                        array.element {
                            writeResult(
                                bid,
                                rubric: evaluation.rubric,
                                resolution: evaluation.resolution(of:),
                                to: sink,
                                pretty: pretty,
                                indent: $0
                            )
                        }
                    }
                    array.close()
                } else {
                    members[key, default: .null].write(to: sink, pretty: pretty, indent: indent)
                }
            }
        }
        object.close()
        sink.write("\n")
    }

    /// The bytes `result(_:rubric:)` gives, with the criterion scores (most of a result) written member by member
    /// in their sorted order instead of being built as dictionaries first.
    static func writeResult(
        _ result: BidResult,
        rubric: Rubric,
        resolution: (Flag) -> Int? = { _ in nil },
        to sink: some ReportSink,
        pretty: Bool,
        indent: Int
    ) {
        let members = resultMembers(result, rubric: rubric, resolution: resolution)
        var object = JSONObjectWriter(sink: sink, pretty: pretty, indent: indent)
        let keys = (Array(members.keys) + ["criterionScores"])
            .sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        for key in keys {
            if key == "criterionScores" {
                object.member(key) { indent in
                    var array = JSONArrayWriter(sink: sink, pretty: pretty, indent: indent)
                    for score in result.criterionScores {
                        array.element {
                            writeCriterionScore(score, rubric: rubric, to: sink, pretty: pretty, indent: $0)
                        }
                    }
                    array.close()
                }
            } else {
                object.member(key, members[key, default: .null])
            }
        }
        object.close()
    }

    /// The bytes `criterionScore(_:rubric:)` gives; keys in UTF-8 order, as `JSONValue` sorts them.
    static func writeCriterionScore(
        _ score: CriterionScore,
        rubric: Rubric,
        to sink: some ReportSink,
        pretty: Bool,
        indent: Int
    ) {
        var object = JSONObjectWriter(sink: sink, pretty: pretty, indent: indent)
        object.member(fixed: "basis") { indent in
            var basis = JSONObjectWriter(sink: sink, pretty: pretty, indent: indent)
            switch score.basis {
            case .objective(let value, let line, let scale):
                basis.member(fixed: "applied", applied(scale, criterionID: score.criterionID, rubric: rubric))
                basis.member(fixed: "fact") { writeFact(value, to: sink, pretty: pretty, indent: $0) }
                basis.member(fixed: "kind", .string("objective"))
                basis.member(fixed: "line", .optional(line))
            case .judgement(let aggregate):
                basis.member(fixed: "aggregation", .string(aggregate.aggregation.rawValue))
                if let consensus = aggregate.consensus { basis.member(fixed: "consensus", .decimal(consensus)) }
                basis.member(fixed: "count", .int(aggregate.count))
                basis.member(fixed: "dropped", .array(aggregate.dropped.map(JSONValue.string)))
                basis.member(fixed: "kind", .string("judgement"))
                basis.member(fixed: "scores") { indent in
                    var scores = JSONArrayWriter(sink: sink, pretty: pretty, indent: indent)
                    for member in aggregate.scores {
                        scores.element { indent in
                            var object = JSONObjectWriter(sink: sink, pretty: pretty, indent: indent)
                            if let place = member.location {
                                object.member(fixed: "location") {
                                    writeLocation(place, to: sink, pretty: pretty, indent: $0)
                                }
                            } else {
                                object.member(fixed: "location", .null)
                            }
                            object.member(fixed: "member", .string(member.member))
                            if let reason = member.reason { object.member(fixed: "reason", .string(reason)) }
                            object.member(fixed: "score", decimal: member.score)
                            object.close()
                        }
                    }
                    scores.close()
                }
                if !aggregate.setAside.isEmpty {
                    basis.member(fixed: "setAside", .array(aggregate.setAside.map { .string($0.member) }))
                }
                basis.member(fixed: "sum", decimal: aggregate.sum)
            case .price(let evaluation):
                basis.member(fixed: "kind", .string("price"))
                basis.member(fixed: "price") { writePrice(evaluation, to: sink, pretty: pretty, indent: $0) }
            case .history(let evidence):
                let members = historyBasis(evidence, criterionID: score.criterionID, rubric: rubric)
                for key in members.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                    basis.member(key, members[key, default: .null])
                }
            }
            basis.close()
        }
        object.member(fixed: "criterionID", .string(score.criterionID))
        object.member(fixed: "groupID", .string(score.groupID))
        object.member(fixed: "points", decimal: score.points)
        object.member(fixed: "unrounded", .decimal(score.unrounded))
        object.close()
    }
}

extension ResultJSON {
    /// The bytes `fact(_:)` gives.
    static func writeFact(_ value: FactValue, to sink: some ReportSink, pretty: Bool, indent: Int) {
        var object = JSONObjectWriter(sink: sink, pretty: pretty, indent: indent)
        switch value {
        case .number(let number):
            object.member(fixed: "type", .string("number"))
            object.member(fixed: "value", .decimal(number))
        case .text(let text):
            object.member(fixed: "type", .string("text"))
            object.member(fixed: "value", .string(text))
        case .boolean(let flag):
            object.member(fixed: "type", .string("boolean"))
            object.member(fixed: "value", .bool(flag))
        case .absent:
            object.member(fixed: "type", .string("absent"))
        }
        object.close()
    }

    /// The bytes `location(_:)` gives.
    static func writeLocation(_ location: SourceLocation, to sink: some ReportSink, pretty: Bool, indent: Int) {
        // An `.xlsx` cell's location has a sheet and a cell besides (see `location(_:)`): the general path.
        guard location.sheet == nil && location.cell == nil else {
            Self.location(location).write(to: sink, pretty: pretty, indent: indent)
            return
        }
        var object = JSONObjectWriter(sink: sink, pretty: pretty, indent: indent)
        object.member(fixed: "column", .optional(location.column))
        object.member(fixed: "file", .string(location.file))
        object.member(fixed: "line", .optional(location.line))
        object.close()
    }

    /// The bytes `price(_:)` gives.
    static func writePrice(_ price: PriceEvaluation, to sink: some ReportSink, pretty: Bool, indent: Int) {
        var object = JSONObjectWriter(sink: sink, pretty: pretty, indent: indent)
        object.member(fixed: "bidTotal", decimal: price.bidTotal)
        object.member(fixed: "currency", .string(price.currency))
        object.member(fixed: "deductionPercent", .decimal(price.deductionPercent))
        object.member(fixed: "evaluatedPrice", decimal: price.evaluatedPrice)
        object.member(fixed: "formula", .string(price.formula.rawValue))
        object.member(fixed: "highest", decimal: price.highest)
        object.member(fixed: "lowest", decimal: price.lowest)
        object.member(fixed: "maximumPoints", decimal: price.maximumPoints)
        object.close()
    }
}

extension JSONObjectWriter {
    /// A member whose value is small enough to build first.
    mutating func member(_ key: String, _ value: JSONValue) {
        let sink = self.sink
        let pretty = self.pretty
        member(key) { value.write(to: sink, pretty: pretty, indent: $0) }
    }

    /// A member whose key is fixed text with nothing to escape, and whose value is the exact decimal text of
    /// money or points (digits, a sign and a point: nothing to escape either), written without building either.
    mutating func member(fixed key: StaticString, decimal value: some ScaledDecimal) {
        let sink = self.sink
        member(fixed: key) { _ in
            sink.write(byte: UInt8(ascii: "\""))
            sink.write(value.plainText)
            sink.write(byte: UInt8(ascii: "\""))
        }
    }

    /// A member whose key is fixed text with nothing to escape.
    mutating func member(fixed key: StaticString, _ value: JSONValue) {
        let sink = self.sink
        let pretty = self.pretty
        member(fixed: key) { value.write(to: sink, pretty: pretty, indent: $0) }
    }
}
