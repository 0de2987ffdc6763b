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
                            result(bid, rubric: evaluation.rubric).write(to: sink, pretty: pretty, indent: $0)
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
}
