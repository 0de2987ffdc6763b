import Foundation
import TenderCore
import TenderModel
import Testing

@testable import TenderReport

/// A sink that records how its bytes arrived, to show that a report is written in many pieces.
private final class CountingSink: ReportSink {
    var bytes: [UInt8] = []
    var writes = 0

    func write(_ bytes: UnsafeRawBufferPointer) {
        self.bytes.append(contentsOf: bytes)
        writes += 1
    }
}

@Suite struct StreamingTests {
    @Test func streamedReportsAreTheDocumentsByteForByte() {
        let evaluation = Sample.evaluation()
        for language in [ReportLanguage.en, .zh] {
            for pretty in [false, true] {
                var context = Sample.context(language)
                context.prettyJSON = pretty
                let builder = ReportBuilder(evaluation: evaluation, context: context)
                let blocks = builder.build()
                let sinks = ReportRenderer.files.map { file in
                    let sink = CountingSink()
                    file.write(evaluation, context, sink)
                    return sink
                }
                #expect(
                    String(decoding: sinks[0].bytes, as: UTF8.self)
                        == MarkdownWriter.document(title: builder.title, blocks: blocks)
                )
                #expect(
                    String(decoding: sinks[1].bytes, as: UTF8.self)
                        == HTMLWriter.document(
                            title: builder.title,
                            blocks: blocks,
                            language: builder.labels.htmlLanguage,
                            chart: GroupChart.svg(builder)
                        )
                )
                #expect(
                    String(decoding: sinks[3].bytes, as: UTF8.self)
                        == ResultJSON.document(evaluation, context: context).rendered(pretty: pretty)
                )
                #expect(sinks.allSatisfy { $0.writes > 20 }, "every report arrives in pieces, not as one string")
            }
        }
    }

    /// The byte-scan fast paths give exactly what the character-by-character escapes give, for text that needs
    /// nothing, text with ASCII specials, and text with what `VisibleText` shows.
    @Test(arguments: [
        "珠海新城保洁服务有限公司", "A&B <Co> \"Ltd\" 'x'", "a|b*c_d[e]~#!`\\", "line\nbreak\r\ttab", "bidi\u{202E}evil",
        "nbsp\u{00A0}shy\u{00AD}", "zero\u{200B}width", "cjk、。「」（）", "tag\u{E0041}", "é ü", "hangul\u{3164}filler",
        "NEL\u{0085}LS\u{2028}", "C1\u{0090}",
    ])
    func fastPathsMatchTheFullEscapes(_ text: String) {
        func through(_ write: (ReportBuffer) -> Void) -> String {
            let buffer = ReportBuffer()
            write(buffer)
            return buffer.text
        }
        #expect(MarkdownWriter.inline(.user(text)) == MarkdownWriter.escape(text))
        #expect(MarkdownWriter.inline(.shown(text)) == MarkdownWriter.escape(text, alreadyShown: true))
        #expect(HTMLWriter.inline(.user(text)) == HTMLWriter.escape(VisibleText.escaped(text)))
        #expect(HTMLWriter.inline(.text(text)) == HTMLWriter.escape(text))
        var expected = ""
        JSONValue.writeString(text, into: &expected)
        #expect(through { JSONValue.write(string: text, to: $0) } == expected)
    }

    @Test func rulesAreStatedOnceInTheirOwnSection() throws {
        let english = ReportRenderer.markdown(Sample.evaluation(), context: Sample.context(.en))
        let chinese = ReportRenderer.markdown(Sample.evaluation(), context: Sample.context(.zh))
        #expect(english.contains("## Criteria and rules"))
        #expect(chinese.contains("## 评分项与评分规则"))
        #expect(english.contains("| Quality | ISO 9001 certificate | 4 | yes → 4, no → 0; fact not found → 0 |"))
        #expect(english.components(separatedBy: "no → 0").count == 2, "the yes/no rule is stated once")
        #expect(!english.contains("written clarification required (87号令 Art 60); not rejected automatically"))
        #expect(chinese.contains("“AAA” → 6；“AA” → 4；“A” → 2；其他 → 0"))

        let json = ReportRenderer.json(Sample.evaluation(), context: Sample.context(.en))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let criteria = try #require(object["criteria"] as? [[String: Any]])
        #expect(criteria.count == Sample.evaluation().rubric.criteria.count)
        #expect(criteria.allSatisfy { $0["groupID"] is String && $0["kind"] is String })
        // Each bid's score names only what its value selected; the rule's numbers are in `criteria`.
        #expect(json.contains("\"applied\":{\"bandIndex\":2,\"type\":\"band\"}"))
        #expect(json.contains("\"applied\":{\"type\":\"yes-no\",\"value\":true}"))
        #expect(!json.contains("\"applied\":{\"lower\""))
        #expect(!json.contains("\"applied\":{\"cap\""))
    }
}
