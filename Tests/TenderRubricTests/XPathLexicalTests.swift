import TenderModel
import Testing

@testable import TenderRubric

/// Issue 7: the XPath 1.0 tokenizer and the rubric's lexical checks of functions, arity, variables and axes.
@Suite struct XPathLexicalTests {
    static func kinds(_ expression: String) -> [String] {
        XPathTokenizer.tokenize(expression).tokens.map { "\($0.kind):\($0.text)" }
    }

    static func messages(_ expression: String) -> [String] {
        XPathLexicalCheck.problems(in: expression, declaredPrefixes: ["b"]).map { "\($0.offset): \($0.message)" }
    }

    @Test func namesAreClassifiedByTheSpecsDisambiguationRules() {
        #expect(
            Self.kinds("count(b:x) div 2 * b:y") == [
                "functionName:count", "symbol:(", "nameTest:b:x", "symbol:)", "operatorName:div", "number:2",
                "operator:*", "nameTest:b:y",
            ]
        )
        #expect(
            Self.kinds("child::div/text()[. = 'and']") == [
                "axisName:child", "symbol:::", "nameTest:div", "operator:/", "nodeType:text", "symbol:(", "symbol:)",
                "symbol:[", "symbol:.", "operator:=", "literal:and", "symbol:]",
            ]
        )
        #expect(Self.kinds("b:* | @*") == ["nameTest:b:*", "operator:|", "symbol:@", "nameTest:*"])
        #expect(Self.kinds("count (x)").first == "functionName:count")
        #expect(Self.kinds(".5 + 1.") == ["number:.5", "operator:+", "number:1."])
    }

    @Test func onlyTheCoreFunctionsOfXPathOneAreAllowed() {
        #expect(Self.messages("cuont(b:x)") == ["0: unknown XPath function 'cuont()'; did you mean 'count()'?"])
        #expect(
            Self.messages("b:x[document('y')]") == [
                "4: XPath function 'document()' is not available; rubric expressions may use only the core "
                    + "functions of XPath 1.0"
            ]
        )
        #expect(
            Self.messages("fn:count(b:x)") == [
                "0: XPath function 'fn:count()' is not available; rubric expressions may use only the core "
                    + "functions of XPath 1.0"
            ]
        )
        // Node-type tests and strings are not function calls.
        #expect(Self.messages("count(b:x/text()) + count(b:x/node()) + string-length('cuont(x)')") == [])
        #expect(XPathFunctions.core.count == 27)
    }

    @Test func argumentCountsVariablesAndAxesAreChecked() {
        #expect(Self.messages("count()") == ["0: XPath function 'count()' takes 1 argument, found 0"])
        #expect(Self.messages("concat('a')") == ["0: XPath function 'concat()' takes at least 2 arguments, found 1"])
        #expect(Self.messages("translate(b:x, 'a', 'b', 'c')").first?.hasSuffix("takes 3 arguments, found 4") == true)
        #expect(Self.messages("substring(b:x, count(b:y), 2)") == [])
        #expect(
            Self.messages("$limit > 3") == [
                "0: XPath variable '$limit' is not defined; rubric expressions have no variables"
            ]
        )
        #expect(Self.messages("desendant::b:x") == ["0: unknown XPath axis 'desendant'; did you mean 'descendant'?"])
    }

    @Test func nodeSetFunctionsRefuseALiteralANumberOrAValueReturningCall() {
        #expect(Self.messages("b:x[sum(1)]") == ["8: XPath function 'sum()' needs a node-set argument, found a number"])
        #expect(
            Self.messages("b:x[local-name('y')]")
                == ["15: XPath function 'local-name()' needs a node-set argument, found a string"]
        )
        #expect(
            Self.messages("count(-2)") == ["6: XPath function 'count()' needs a node-set argument, found a number"]
        )
        #expect(
            Self.messages("sum(normalize-space(b:x))")
                == [
                    "4: XPath function 'sum()' needs a node-set argument, found 'normalize-space()', which returns a string"
                ]
        )
        // Node-sets, `id()`, a value inside a path, other functions and calls that are only part of the
        // argument are left to libxml2.
        for fine in [
            "count(b:x)", "sum(id('a'))", "name()", "count(b:x[string(1)])", "string(1)", "count(b:x | b:y)",
            "sum(b:x[count(b:y) > 1])", "count(string(b:x) | b:y)",
        ] {
            #expect(Self.messages(fine) == [], "\(fine)")
        }
    }

    @Test func bracketAndStringProblemsAreKeptAsBefore() {
        #expect(Self.messages("count(b:x[@k='1')") == ["16: XPath expression has an unmatched ')'"])
        #expect(
            Self.messages("x:y or 'open") == [
                "0: XPath prefix 'x' is not declared in 'namespaces'", "7: XPath expression has an unterminated string",
            ]
        )
    }

    @Test func suggestionsAreBoundedAndMatchTheFullEditDistance() {
        for (left, right) in [("count", "cuont"), ("points", "ponits"), ("abc", "xyz"), ("crit-10", "crit-1x")] {
            var budget = SpellingBudget()
            let banded = Spelling.editDistance(Array(left), Array(right), atMost: 2, budget: &budget)
            let full = Spelling.editDistance(left, right)
            #expect(banded == (full <= 2 ? full : nil), "\(left) / \(right)")
        }
        let candidates = (0..<100_000).map { "criterion-\($0)" }
        var budget = SpellingBudget(remaining: 1_000)
        #expect(Spelling.suggestion(for: "criterion-7x", among: candidates, budget: &budget) == nil)
        #expect(budget.remaining <= 0)
        #expect(Spelling.suggestion(for: String(repeating: "a", count: 10_000), among: ["a"]) == nil)
        #expect(Spelling.suggestion(for: "crit-0x", among: ["price", "crit-0", "crit-1"]) == "crit-0")
    }
}
