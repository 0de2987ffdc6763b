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
                            writeResult(bid, rubric: evaluation.rubric, to: sink, pretty: pretty, indent: $0)
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
        to sink: some ReportSink,
        pretty: Bool,
        indent: Int
    ) {
        let members = resultMembers(result, rubric: rubric)
        var object = JSONObjectWriter(sink: sink, pretty: pretty, indent: indent)
        let keys = (Array(members.keys) + ["criterionScores"])
            .sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        for key in keys {
            if key == "criterionScores" {
                object.member(key) { indent in
                    var array = JSONArrayWriter(sink: sink, pretty: pretty, indent: indent)
                    for score in result.criterionScores {
                        array.element { writeCriterionScore(score, rubric: rubric, to: sink, pretty: pretty, indent: $0) }
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
        object.member("basis") { indent in
            var basis = JSONObjectWriter(sink: sink, pretty: pretty, indent: indent)
            switch score.basis {
            case .objective(let value, let line, let scale):
                basis.member("applied", applied(scale, criterionID: score.criterionID, rubric: rubric))
                basis.member("fact", fact(value))
                basis.member("kind", .string("objective"))
                basis.member("line", .optional(line))
            case .judgement(let aggregate):
                basis.member("aggregation", .string(aggregate.aggregation.rawValue))
                if let consensus = aggregate.consensus { basis.member("consensus", .decimal(consensus)) }
                basis.member("count", .int(aggregate.count))
                basis.member("dropped", .array(aggregate.dropped.map(JSONValue.string)))
                basis.member("kind", .string("judgement"))
                basis.member("scores") { indent in
                    var scores = JSONArrayWriter(sink: sink, pretty: pretty, indent: indent)
                    for member in aggregate.scores {
                        scores.element { indent in
                            var object = JSONObjectWriter(sink: sink, pretty: pretty, indent: indent)
                            object.member("location", member.location.map(location) ?? .null)
                            object.member("member", .string(member.member))
                            if let reason = member.reason { object.member("reason", .string(reason)) }
                            object.member("score", .decimal(member.score))
                            object.close()
                        }
                    }
                    scores.close()
                }
                if !aggregate.setAside.isEmpty {
                    basis.member("setAside", .array(aggregate.setAside.map { .string($0.member) }))
                }
                basis.member("sum", .decimal(aggregate.sum))
            case .price(let evaluation):
                basis.member("kind", .string("price"))
                basis.member("price", price(evaluation))
            }
            basis.close()
        }
        object.member("criterionID", .string(score.criterionID))
        object.member("groupID", .string(score.groupID))
        object.member("points", .decimal(score.points))
        object.member("unrounded", .decimal(score.unrounded))
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
}
