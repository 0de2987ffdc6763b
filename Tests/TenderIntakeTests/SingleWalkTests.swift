import Foundation
import TenderCore
import TenderModel
import Testing

@testable import TenderIntake

/// The recogniser of simple expressions (`SimpleXPath`) and the single walk that reads them, compared with
/// libxml2's XPath engine on hand-written documents that stress the XPath 1.0 details.
@Suite struct SimpleXPathRecogniserTests {
    static let prefixes = SimpleXPath.prefixMap([
        NamespaceBinding(prefix: "b", uri: "urn:tender-eval:bid:1"),
        NamespaceBinding(prefix: "x", uri: "urn:x"),
    ])

    @Test(arguments: [
        "b:price/b:total",
        "/b:bid/b:price/b:total",
        "b:price/@currency",
        "/b:bid/@tender",
        "@tender",
        "count(b:capability/b:staff/b:person)",
        "count(b:capability/b:staff/b:person[b:qualification])",
        "boolean(b:quality/b:certification[@standard='ISO9001'])",
        "string(b:quality/b:association-rating/@grade)",
        "number(b:facts/b:fact[@name=\"vehicles\"])",
        "b:facts/b:fact[@name='vehicles']",
        "b:commitments/b:commitment[@signed]/@kind",
        "/b:bid[@tender]/b:price",
        " count ( / b:bid / b:price [ @currency = 'CNY' ] / b:line ) ",
        "bid/price",
        "b:名称/b:数量",
        "x:a.b/x:c-d/x:_e",
    ])
    func simpleExpressionsAreRecognised(expression: String) {
        #expect(SimpleXPath.parse(expression, namespaces: Self.prefixes) != nil, "\(expression)")
    }

    @Test(arguments: [
        "sum(b:price/b:line)",
        "sum(b:reputation/b:past-contract/@satisfaction) div count(b:reputation/b:past-contract)",
        "//b:certification",
        "b:capability//b:person",
        "b:facts/*",
        "b:facts/x:*",
        "b:facts/b:fact[1]",
        "b:facts/b:fact[last()]",
        "b:facts/b:fact[@name='a'][@unit='b']",
        "b:facts/b:fact[@name!='a']",
        "b:facts/b:fact[@name='a' or @name='b']",
        "b:facts/b:fact[b:value='3']",
        "b:facts/b:fact[@x:name='a']",
        "b:facts/@x:name",
        "b:facts/@*",
        "b:facts/..",
        "./b:facts",
        "b:facts/.",
        "child::b:facts",
        "b:facts/text()",
        "b:facts/node()",
        "local-name(b:facts)",
        "count(b:facts) > 1",
        "b:facts | b:price",
        "count(b:facts, b:price)",
        "count(b:facts",
        "b:facts/",
        "/",
        "/@tender",
        "@tender/b:x",
        "q:facts",
        "xml:facts",
        "b:facts/b:fact[@name=$v]",
        "b:facts/b:fact[@name='unterminated]",
        "b:price/b:total * 2",
        "-b:price/b:total",
        "3",
        "'literal'",
        "string()",
        "count()",
        "not(b:price)",
        "b:facts/div",
        "b:facts/text",
        "concat(b:a, b:b)",
        "b:a/b:b/@c/@d",
        "b:a[@c]/@d[@e]",
        "b:a[]",
        "b:a[@]",
        "b :a",
        "b:facts/b:fact[@name='it''s']",
        "b: a",
        "",
    ])
    func otherExpressionsFallBack(expression: String) {
        #expect(SimpleXPath.parse(expression, namespaces: Self.prefixes) == nil, "\(expression)")
    }

    @Test func absoluteAndRelativePathsAreParsedIntoTheirParts() throws {
        let absolute = try #require(
            SimpleXPath.parse("count(/b:bid/b:staff/b:person[@role='pm']/@since)", namespaces: Self.prefixes)
        )
        #expect(absolute.wrapper == .count)
        #expect(absolute.path.rootStep == SimpleStep(namespace: "urn:tender-eval:bid:1", localName: "bid"))
        #expect(
            absolute.path.steps == [
                SimpleStep(namespace: "urn:tender-eval:bid:1", localName: "staff"),
                SimpleStep(
                    namespace: "urn:tender-eval:bid:1",
                    localName: "person",
                    predicate: .attributeEquals(name: "role", value: "pm")
                ),
            ]
        )
        #expect(absolute.path.attribute == "since")

        let relative = try #require(SimpleXPath.parse("x:a[x:b]/price[@c]", namespaces: Self.prefixes))
        #expect(relative.wrapper == SimpleQuery.Wrapper.none)
        #expect(relative.path.rootStep == nil)
        #expect(
            relative.path.steps == [
                SimpleStep(
                    namespace: "urn:x",
                    localName: "a",
                    predicate: .hasChild(namespace: "urn:x", localName: "b")
                ),
                SimpleStep(namespace: nil, localName: "price", predicate: .hasAttribute(name: "c")),
            ]
        )
        #expect(relative.path.attribute == nil)
    }

    @Test func literalsKeepTheirBytesAndTheOtherQuote() throws {
        let single = try #require(SimpleXPath.parse("b:f[@n='say \"hi\"']", namespaces: Self.prefixes))
        #expect(single.path.steps.first?.predicate == .attributeEquals(name: "n", value: "say \"hi\""))
        let double = try #require(SimpleXPath.parse("b:f[@n=\"it's\"]", namespaces: Self.prefixes))
        #expect(double.path.steps.first?.predicate == .attributeEquals(name: "n", value: "it's"))
        // A precomposed and a decomposed "é" are different literals for libxml2, and so here.
        let precomposed = try #require(SimpleXPath.parse("b:f[@n='\u{E9}']", namespaces: Self.prefixes))
        let decomposed = try #require(SimpleXPath.parse("b:f[@n='e\u{301}']", namespaces: Self.prefixes))
        #expect(precomposed != decomposed)
    }

    @Test func aLaterBindingOfAPrefixWinsAsInLibXML2() throws {
        let prefixes = SimpleXPath.prefixMap([
            NamespaceBinding(prefix: "b", uri: "urn:old"),
            NamespaceBinding(prefix: "b", uri: "urn:new"),
        ])
        let query = try #require(SimpleXPath.parse("b:a", namespaces: prefixes))
        #expect(query.path.steps.first?.namespace == "urn:new")
    }
}

@Suite struct SingleWalkEvaluationTests {
    static let namespaces = [
        NamespaceBinding(prefix: "b", uri: "urn:tender-eval:bid:1"),
        NamespaceBinding(prefix: "x", uri: "urn:x"),
        NamespaceBinding(prefix: "y", uri: "urn:y"),
    ]

    /// Documents with mixed content, comments, CDATA, entities, empty and namespaced attributes, elements
    /// without a namespace, repeated and nested elements, values that are not numbers.
    static let documents: [(name: String, xml: String)] = [
        (
            "mixed.xml",
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <x:root xmlns:x="urn:x" xmlns:y="urn:y" id=" r1 " empty="">
              <x:note>  a<x:i>b<x:j> c </x:j></x:i>d<!-- comment -->e<![CDATA[ <f> ]]>&amp;&#x4E2D;  </x:note>
              <x:note>second</x:note>
              <x:facts>
                <x:fact name="vehicles" unit="辆"> 12 </x:fact>
                <x:fact name="it's">1.50</x:fact>
                <x:fact name='say "hi"'>-3</x:fact>
                <x:fact name="">empty name</x:fact>
                <x:fact name="vehicles">99</x:fact>
                <x:fact>no name</x:fact>
                <x:fact name="amp &amp; &lt;lt&gt;">7</x:fact>
                <x:fact name="\u{E9}">precomposed</x:fact>
                <x:fact name="e\u{301}">decomposed</x:fact>
                <x:fact y:name="vehicles">namespaced attribute</x:fact>
                <x:fact name="flag">否</x:fact>
                <x:fact name="flag2">FALSE</x:fact>
                <x:fact name="big">1e3</x:fact>
                <x:fact name="huge">1e400</x:fact>
                <x:fact name="padded">\u{3000}42\u{3000}</x:fact>
                <x:fact name="exp">12345678901234567890123</x:fact>
                <y:fact name="vehicles">other namespace</y:fact>
                <fact xmlns="" name="vehicles">no namespace</fact>
              </x:facts>
              <x:staff>
                <x:person role="pm"><x:name>A</x:name><x:q>物业管理师</x:q><x:years>16</x:years></x:person>
                <x:person role="pm"><x:name>B</x:name><x:years>11</x:years></x:person>
                <x:person><x:name>C</x:name><x:q/><x:years>abc</x:years></x:person>
                <x:person role=""><x:name>D</x:name><x:q>x</x:q><x:q>y</x:q></x:person>
              </x:staff>
              <x:staff><x:person role="pm"><x:name>E</x:name><x:years>3</x:years></x:person></x:staff>
              <plain a="1"><inner>  5 </inner><inner>6</inner></plain>
              <x:deep><x:d><x:d><x:d><x:d><x:d>deep</x:d></x:d></x:d></x:d></x:d></x:deep>
              <x:名称 数量="3">中文</x:名称>
            </x:root>
            """
        ),
        (
            "default-namespace.xml",
            """
            <root xmlns="urn:x" id="d"><facts><fact name="vehicles">4</fact></facts>
            <staff><person role="pm"><years>2</years></person></staff><plain xmlns=""><inner>8</inner></plain></root>
            """
        ),
        ("no-namespace.xml", "<root id='n'><plain a='2'><inner>9</inner></plain><facts/></root>"),
        ("empty-root.xml", "<x:root xmlns:x='urn:x'/>"),
    ]

    static let expressions: [String] = [
        "x:note", "/x:root/x:note", "string(x:note)", "number(x:note)", "count(x:note)", "boolean(x:note)",
        "x:note/x:i", "x:note/x:i/x:j", "/x:other/x:note", "boolean(/x:other)", "count(/x:root)",
        "x:facts/x:fact", "x:facts/x:fact/@name", "count(x:facts/x:fact/@name)",
        "x:facts/x:fact[@name='vehicles']", "count(x:facts/x:fact[@name='vehicles'])",
        "x:facts/x:fact[@name=\"it's\"]", "x:facts/x:fact[@name='say \"hi\"']", "x:facts/x:fact[@name='']",
        "x:facts/x:fact[@name]", "count(x:facts/x:fact[@name])", "x:facts/x:fact[@name='amp & <lt>']",
        "x:facts/x:fact[@name='\u{E9}']", "x:facts/x:fact[@name='e\u{301}']", "x:facts/x:fact[@unit]/@unit",
        "x:facts/x:fact[@name='flag']", "x:facts/x:fact[@name='flag2']", "x:facts/x:fact[@name='big']",
        "number(x:facts/x:fact[@name='big'])", "x:facts/x:fact[@name='huge']",
        "number(x:facts/x:fact[@name='huge'])", "x:facts/x:fact[@name='padded']",
        "number(x:facts/x:fact[@name='padded'])", "x:facts/x:fact[@name='exp']",
        "number(x:facts/x:fact[@name='exp'])", "y:facts/y:fact", "x:facts/y:fact[@name='vehicles']",
        "x:facts/fact[@name='vehicles']", "x:facts/fact",
        "x:facts/x:fact[@name='missing']", "string(x:facts/x:fact[@name='missing'])",
        "number(x:facts/x:fact[@name='missing'])", "x:staff/x:person", "count(x:staff/x:person)",
        "x:staff/x:person[x:q]", "count(x:staff/x:person[x:q])", "x:staff/x:person[x:q]/x:name",
        "x:staff/x:person[@role='pm']/x:years", "count(x:staff/x:person[@role='pm'])",
        "x:staff/x:person[@role='']/x:name", "x:staff/x:person[@role]/x:name", "x:staff/x:person/x:years",
        "number(x:staff/x:person[x:name]/x:years)", "x:staff/x:person/@role", "string(x:staff/x:person/@role)",
        "x:staff/x:person[y:q]", "plain/inner", "count(plain/inner)", "plain/@a", "plain[@a='1']/inner",
        "/root/plain/inner", "/root/@id", "@id", "string(@id)", "@empty", "boolean(@empty)", "number(@id)",
        "x:deep/x:d/x:d/x:d/x:d/x:d", "x:deep/x:d/x:d", "count(x:deep/x:d/x:d/x:d/x:d/x:d/x:d)",
        "x:名称", "x:名称/@数量", "number(x:名称/@数量)", "/x:root[@id]/x:note", "/x:root[@id=' r1 ']/x:note",
        "/x:root[@id='r1']/x:note", "/x:root[x:staff]/x:staff/x:person/x:name", "/x:root[x:nothing]/x:note",
        "x:facts", "number(x:facts)", "boolean(x:facts/x:fact[@name='flag'])",
    ]

    /// Not simple: evaluated by libxml2 in both modes, mixed in to check the order of facts and warnings.
    static let fallbackExpressions = [
        "sum(x:facts/x:fact[@name='vehicles'])", "x:facts/x:fact[2]", "x:facts/x:fact[@y:name]",
        "number(x:facts/x:fact[@name='exp']) * 1e300 * 1e300",
    ]

    static var queries: [FactQuery] {
        var queries: [FactQuery] = []
        for (index, expression) in (expressions + fallbackExpressions).enumerated() {
            for kind in [FactQuery.Kind.number, .text, .boolean] {
                queries.append(FactQuery(id: "q\(index)-\(kind.rawValue)", expression: expression, kind: kind))
            }
        }
        return queries
    }

    typealias Evaluation = (facts: [String: Fact], warnings: [Diagnostic])

    /// The facts and warnings of every query in `xml`, read by the single walk and by libxml2 alone.
    static func bothWays(
        _ xml: String,
        file: String,
        queries: [FactQuery],
        namespaces: [NamespaceBinding] = namespaces
    ) throws -> (walk: Evaluation, xpath: Evaluation, planned: Int) {
        let walk = try CompiledQueries(queries: queries, namespaces: namespaces, evaluation: .singleWalk)
        let xpath = try CompiledQueries(queries: queries, namespaces: namespaces, evaluation: .libxml2Only)
        #expect(xpath.singleWalkCount == 0)
        let bytes = Array(xml.utf8)
        let walked = try withParsedDocument(bytes: bytes, file: file, limits: ImportLimits()) {
            document,
            _ throws(DiagnosticError) in
            try walk.evaluate(in: document, file: file)
        }
        let evaluated = try withParsedDocument(bytes: bytes, file: file, limits: ImportLimits()) {
            document,
            _ throws(DiagnosticError) in
            try xpath.evaluate(in: document, file: file)
        }
        return (walked, evaluated, walk.singleWalkCount)
    }

    @Test func everySimpleExpressionIsReadByTheWalk() throws {
        let queries = Self.queries
        let walk = try CompiledQueries(queries: queries, namespaces: Self.namespaces, evaluation: .singleWalk)
        let prefixes = SimpleXPath.prefixMap(Self.namespaces)
        #expect(Self.expressions.filter { SimpleXPath.parse($0, namespaces: prefixes) == nil } == [])
        #expect(Self.fallbackExpressions.filter { SimpleXPath.parse($0, namespaces: prefixes) != nil } == [])
        #expect(walk.singleWalkCount == Self.expressions.count * 3)
    }

    @Test(arguments: documents.map(\.name))
    func walkGivesTheSameFactsAndWarningsAsLibXML2(document: String) throws {
        let xml = try #require(Self.documents.first { $0.name == document }?.xml)
        let (walked, evaluated, _) = try Self.bothWays(xml, file: document, queries: Self.queries)
        #expect(walked.facts.count == Self.queries.count)
        for query in Self.queries {
            #expect(
                walked.facts[query.id] == evaluated.facts[query.id],
                "\(document): \(query.expression) as \(query.kind)"
            )
        }
        #expect(walked.warnings.map(\.description) == evaluated.warnings.map(\.description))
    }

    /// Values checked by hand, so that a bug shared by both ways of evaluating would still show.
    @Test func walkValuesFollowXPathOnePointZero() throws {
        let expressions: [(String, FactQuery.Kind)] = [
            ("x:note", .text),
            ("count(x:note)", .number),
            ("count(x:facts/x:fact[@name='vehicles'])", .number),
            ("x:facts/x:fact[@name='vehicles']", .number),
            ("x:facts/x:fact[@name=\"it's\"]", .number),
            ("x:facts/x:fact[@name='say \"hi\"']", .number),
            ("x:staff/x:person[x:q]/x:name", .text),
            ("count(x:staff/x:person[x:q])", .number),
            ("x:staff/x:person[@role='pm']/x:years", .number),
            ("count(x:staff/x:person[@role='pm'])", .number),
            ("x:facts/x:fact[@name='flag']", .boolean),
            ("x:facts/x:fact[@name='e\u{301}']", .text),
            ("/x:other/x:note", .boolean),
            ("x:staff/x:person/x:years", .number),
            ("string(@id)", .text),
            ("plain/inner", .number),
            ("x:名称/@数量", .number),
        ]
        let queries = expressions.enumerated().map { FactQuery(id: "v\($0)", expression: $1.0, kind: $1.1) }
        let xml = try #require(Self.documents.first?.xml)
        let (walked, _, planned) = try Self.bothWays(xml, file: "mixed.xml", queries: queries)
        #expect(planned == queries.count)
        let facts = (0..<queries.count).map { walked.facts["v\($0)"] }
        #expect(
            facts == [
                Fact(.text("ab c de <f> &中"), line: 3),
                Fact(.number(2)),
                Fact(.number(2)),
                Fact(.number(12), line: 6),
                Fact(.number((try? ExactRatio(parsing: "1.50"))!), line: 7),
                Fact(.number(-3), line: 8),
                Fact(.text("A"), line: 26),
                Fact(.number(3)),
                Fact(.number(16), line: 26),
                Fact(.number(3)),
                Fact(.boolean(false), line: 16),
                Fact(.text("decomposed"), line: 14),
                Fact(.absent),
                Fact(.number(16), line: 26),
                Fact(.text("r1")),
                Fact(.number(5), line: 32),
                Fact(.number(3), line: 34),
            ]
        )
    }

    @Test func importerUsesTheWalkAndTheSwitchTurnsItOff() throws {
        let queries = [
            FactQuery(id: "total", expression: "/b:bid/b:price/b:total", kind: .number),
            FactQuery(id: "lines", expression: "count(b:price/b:line)", kind: .number),
            FactQuery(id: "sum", expression: "sum(b:price/b:line)", kind: .number),
        ]
        let namespaces = [NamespaceBinding(prefix: "b", uri: "urn:tender-eval:bid:1")]
        let walk = try BidImporter(queries: queries, namespaces: namespaces)
        let xpath = try BidImporter(queries: queries, namespaces: namespaces, evaluation: .libxml2Only)
        let bytes = try fixture("valid-bid.xml")
        let walked = walk.importBid(bytes: bytes, file: "bid.xml")
        #expect(walked == xpath.importBid(bytes: bytes, file: "bid.xml"))
        #expect(try #require(walked.bid).facts.count == 3)
        #expect(try CompiledQueries(queries: queries, namespaces: namespaces).singleWalkCount == 2)
    }

    @Test func fixturesThatImportGiveTheSameOutcomeBothWays() throws {
        let queries = Self.nativeQueries
        let namespaces = [NamespaceBinding(prefix: "b", uri: "urn:tender-eval:bid:1")]
        let walk = try BidImporter(queries: queries, namespaces: namespaces)
        let xpath = try BidImporter(queries: queries, namespaces: namespaces, evaluation: .libxml2Only)
        let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".xml") }.sorted()
        var imported = 0
        for name in names {
            let bytes = try fixture(name)
            let walked = walk.importBid(bytes: bytes, file: name)
            #expect(walked == xpath.importBid(bytes: bytes, file: name), "\(name)")
            if walked.bid != nil { imported += 1 }
        }
        #expect(imported >= 4)
    }

    /// Simple expressions over the native bid format, each asked for in all three kinds.
    static var nativeQueries: [FactQuery] {
        let expressions = [
            "b:bidder/b:name", "/b:bid/b:bidder/b:name", "/b:tender/b:bidder/b:name", "b:bidder", "b:price/b:total",
            "b:price/@currency", "b:price/b:line", "b:price/b:line/@item", "count(b:price/b:line)",
            "string(b:price/b:line[@item='保洁服务'])", "number(b:price/b:line)",
            "b:capability/b:staff/b:person[b:qualification]/b:name",
            "count(b:capability/b:staff/b:person[b:qualification])", "count(b:capability/b:staff/b:person[@role])",
            "b:capability/b:staff/b:person[@role='electrician']/b:years-experience",
            "b:capability/b:staff/b:person/b:years-experience", "count(b:capability/b:equipment/b:item)",
            "b:capability/b:equipment/b:item/@count", "b:capability/b:spare-parts/@stock-value",
            "b:capability/b:emergency-response/@minutes", "b:capability/b:emergency-response",
            "boolean(b:commitments/b:commitment[@kind='confidentiality'])",
            "b:commitments/b:commitment[@kind='integrity']", "b:commitments/b:commitment[@kind='integrity']/@signed",
            "boolean(b:quality/b:certification[@standard='ISO9001'])",
            "b:quality/b:certification[@standard='ISO14001']/@number", "string(b:quality/b:association-rating/@grade)",
            "b:reputation/b:past-contract/@satisfaction", "count(b:reputation/b:past-contract[@satisfaction])",
            "b:reputation/b:violation/@severity", "count(b:reputation/b:violation)",
            "b:facts/b:fact[@name='vehicles']", "count(b:facts/b:fact)", "@tender", "/b:bid/@submitted",
            "string(@tender)", "number(@nothing)", "bid", "b:capability", "number(b:capability)",
            "b:attachments/b:attachment[@type='certificate']/@name", "count(b:attachments/b:attachment[@sha256])",
            "b:bidder/b:contact/b:person", "b:bidder/b:size", "b:bidder/b:registration-id/@scheme",
        ]
        var queries: [FactQuery] = []
        for (index, expression) in expressions.enumerated() {
            for kind in [FactQuery.Kind.number, .text, .boolean] {
                queries.append(FactQuery(id: "n\(index)-\(kind.rawValue)", expression: expression, kind: kind))
            }
        }
        return queries
    }
}

@Suite struct NumberConversionTests {
    /// The shortcut for whole numbers gives exactly what the formatted conversion gives.
    @Test func wholeNumbersConvertAsThroughTheFormatter() {
        var values: [Double] = [0, 1, -1, 7, 10, 99, 100, 1000, 123_456, -98_765, 2_288_231, 65_535, 65_536]
        values += (0...14).map { pow(10, Double($0)) } + (1...14).map { pow(10, Double($0)) - 1 }
        values += (0...14).map { -pow(10, Double($0)) } + [999_999_999_999_999, -999_999_999_999_999]
        values += stride(from: 0, to: 5000, by: 7).map(Double.init)
        for value in values {
            let direct = FactConversion.decimal(from: value)
            let formatted = FactConversion.formattedDecimal(from: value)
            #expect(direct != nil && direct == formatted, "\(value)")
            #expect(direct?.plainText == formatted?.plainText, "\(value)")
        }
        // Not whole, negative zero, and from 10^15 on: the formatter itself.
        for value in [0.5, -0.0, 1e15, 1e16, 2.5e20, 0.1 + 0.2] {
            #expect(FactConversion.decimal(from: value) == FactConversion.formattedDecimal(from: value), "\(value)")
        }
    }

    /// The direct conversion gives the same decimal, digit for digit, as Foundation's `%.15g` formatter:
    /// fractions, halves at the 15th digit, tiny and huge magnitudes, negative zero, and pseudo-random doubles.
    @Test func theDirectConversionEqualsTheFormatter() {
        var values: [Double] = [
            0.5, -0.0, 0.1 + 0.2, 1e15, 1e16, 2.5e20, 1e-7, 1.5e-300, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
        ]
        values += [
            0.123_456_789_012_345_6, 2.675, 1.000_000_000_000_005, 0.123_456_789_012_345, 9.999_999_999_999_995,
            0.000_000_000_000_012_345, 123_456_789.123_456_78, -0.000_012_5,
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<5000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let bits = state >> 2 & 0x7FEF_FFFF_FFFF_FFFF
            values.append(Double(bitPattern: bits))
            values.append(Double(Int64(bitPattern: state) % 100_000_000) / 1000)
            let mantissa = Double(bitPattern: state >> 12 | 0x3FF0_0000_0000_0000)
            values.append(mantissa * pow(10, Double(Int(state % 41) - 20)))
            values.append(Double(Int64(bitPattern: state) % 1_000_000_000_000_000) / 100)
        }
        for value in values {
            let fast = FactConversion.formattedDecimal(from: value)
            let reference = FactConversion.localeFormattedDecimal(from: value)
            #expect(fast == reference, "\(value)")
            #expect(fast?.plainText == reference?.plainText, "\(value)")
        }
    }
}
