internal import CLibXML2
internal import CLibXML2Support
import TenderCore
import TenderModel

/// The simple queries of a rubric (`SimpleQuery`) as a trie of element tests, evaluated for all of them in one
/// depth-first walk of each bid instead of one libxml2 XPath evaluation per query.
///
/// Level 0 of the trie is tested on the root element (a wildcard node stands for every relative path, a named
/// node for the first step of an absolute path); level k on the elements k levels below it. The walk only
/// enters an element whose chain of ancestors matched some trie path, so it never goes deeper than the longest
/// path and skips every subtree no query looks into. It uses an explicit stack (no recursion) whose storage
/// is allocated once per plan: no allocation per element or per bid.
///
/// A plan belongs to one `CompiledQueries` and is used by one thread at a time (it keeps the last walk's
/// results in place).
final class SinglePassPlan {
    /// The wrapper of each slot; a slot is one simple query.
    let wrappers: [SimpleQuery.Wrapper]
    /// For each query index given to `init`, its slot, or nil when the query is not simple.
    let slotOfQuery: [Int?]

    private var nodes: [Node] = []
    private var rootNodes: [Int32] = []
    private let strings = CStringPool()
    /// First matching node (document order) and number of matching nodes of every slot, from the last walk.
    private let firstNodes: UnsafeMutablePointer<xmlNodePtr?>
    private let counts: UnsafeMutablePointer<Int>
    /// Stack of active trie nodes, the part of each level starting at `levelStart[level]`.
    private let active: UnsafeMutablePointer<Int32>
    private let levelStart: UnsafeMutablePointer<Int>
    /// Next child to visit at each level.
    private let cursors: UnsafeMutablePointer<xmlNodePtr?>
    private let empty: UnsafePointer<xmlChar>

    /// Attribute-equality predicates of one element test are looked up by hash when there are more than this
    /// many on the same attribute; fewer are compared one by one.
    private static let hashThreshold = 4

    init(queries: [SimpleQuery?]) {
        var wrappers: [SimpleQuery.Wrapper] = []
        var slotOfQuery: [Int?] = []
        var builder = TrieBuilder()
        for query in queries {
            guard let query else {
                slotOfQuery.append(nil)
                continue
            }
            let slot = wrappers.count
            wrappers.append(query.wrapper)
            slotOfQuery.append(slot)
            builder.add(query.path, slot: slot)
        }
        self.wrappers = wrappers
        self.slotOfQuery = slotOfQuery
        empty = strings.pointer("")
        firstNodes = .allocate(capacity: max(1, wrappers.count))
        firstNodes.initialize(repeating: nil, count: max(1, wrappers.count))
        counts = .allocate(capacity: max(1, wrappers.count))
        counts.initialize(repeating: 0, count: max(1, wrappers.count))
        active = .allocate(capacity: max(1, builder.nodes.count))
        active.initialize(repeating: 0, count: max(1, builder.nodes.count))
        levelStart = .allocate(capacity: builder.maximumDepth + 2)
        levelStart.initialize(repeating: 0, count: builder.maximumDepth + 2)
        cursors = .allocate(capacity: builder.maximumDepth + 1)
        cursors.initialize(repeating: nil, count: builder.maximumDepth + 1)
        nodes = builder.nodes.map { lower($0, builder: builder) }
        rootNodes = builder.roots.map { Int32($0) }
    }

    deinit {
        firstNodes.deallocate()
        counts.deallocate()
        active.deallocate()
        levelStart.deallocate()
        cursors.deallocate()
    }

    var isEmpty: Bool { wrappers.isEmpty }

    // MARK: - Evaluation

    /// Walks the tree under `root` once and records, for every slot, the first matching node in document
    /// order and the number of matching nodes.
    func run(root: xmlNodePtr) {
        for slot in 0..<wrappers.count {
            firstNodes[slot] = nil
            counts[slot] = 0
        }
        nodes.withUnsafeBufferPointer { nodes in
            var top = 0
            levelStart[0] = 0
            var descend = false
            for index in rootNodes where nodes[Int(index)].accepts(root) {
                active[top] = index
                top += 1
                descend = descend || !nodes[Int(index)].groups.isEmpty
            }
            levelStart[1] = top
            for position in 0..<top { record(nodes[Int(active[position])].endings, element: root) }
            guard descend else { return }
            var level = 0
            cursors[0] = root.pointee.children
            while level >= 0 {
                guard let child = cursors[level] else {
                    level -= 1
                    continue
                }
                cursors[level] = child.pointee.next
                guard child.pointee.type == XML_ELEMENT_NODE else { continue }
                let parentEnd = levelStart[level + 1]
                var end = parentEnd
                for position in levelStart[level]..<parentEnd {
                    for group in nodes[Int(active[position])].groups where group.test.matches(child) {
                        for candidate in group.nodes where nodes[Int(candidate)].predicate.holds(on: child) {
                            active[end] = candidate
                            end += 1
                        }
                        for index in group.equalityIndexes {
                            end = index.collect(on: child, into: active, at: end, nodes: nodes)
                        }
                    }
                }
                guard end > parentEnd else { continue }
                var hasChildren = false
                for position in parentEnd..<end {
                    let node = nodes[Int(active[position])]
                    record(node.endings, element: child)
                    hasChildren = hasChildren || !node.groups.isEmpty
                }
                if hasChildren {
                    level += 1
                    levelStart[level + 1] = end
                    cursors[level] = child.pointee.children
                }
            }
        }
    }

    private func record(_ endings: [Ending], element: xmlNodePtr) {
        for ending in endings {
            let hit: xmlNodePtr
            if let name = ending.attribute {
                guard let attribute = Self.attribute(of: element, named: name) else { continue }
                hit = UnsafeMutableRawPointer(attribute).assumingMemoryBound(to: xmlNode.self)
            } else {
                hit = element
            }
            let slot = Int(ending.slot)
            if firstNodes[slot] == nil { firstNodes[slot] = hit }
            counts[slot] += 1
        }
    }

    /// The fact of `slot` after `run`, converted exactly as libxml2's result for the same expression would be.
    func fact(slot: Int, query: FactQuery, file: String) -> (Fact, Diagnostic?) {
        let first = firstNodes[slot]
        switch wrappers[slot] {
        case .none:
            return FactConversion.nodeSet(first: first, query: query, file: file)
        case .count:
            return FactConversion.number(Double(counts[slot]), query: query, file: file)
        case .boolean:
            return FactConversion.boolean(counts[slot] > 0, query: query)
        case .string:
            guard let first else { return FactConversion.string(empty, query: query, file: file) }
            let value = xmlXPathCastNodeToString(first)
            defer { if let value { clibxml2_xmlFree(value) } }
            return FactConversion.string(value, query: query, file: file)
        case .number:
            let value = first.map { xmlXPathCastNodeToNumber($0) } ?? .nan
            return FactConversion.number(value, query: query, file: file)
        }
    }

    // MARK: - libxml2 node tests (the same tests libxml2's XPath engine applies)

    /// The attribute `name` without a namespace, as XPath's `@name` selects it.
    static func attribute(of element: xmlNodePtr, named name: UnsafePointer<xmlChar>) -> xmlAttrPtr? {
        var attribute = element.pointee.properties
        while let current = attribute {
            if xmlStrEqual(current.pointee.name, name) != 0,
                current.pointee.ns == nil || current.pointee.ns.pointee.prefix == nil
            {
                return current
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// Calls `body` with the attribute's string value (as `xmlNodeGetContent` gives it), without copying in
    /// the usual case of a single text child.
    static func withValue<Result>(
        of attribute: xmlAttrPtr,
        empty: UnsafePointer<xmlChar>,
        _ body: (UnsafePointer<xmlChar>) -> Result
    ) -> Result {
        guard let child = attribute.pointee.children else { return body(empty) }
        if child.pointee.next == nil,
            child.pointee.type == XML_TEXT_NODE || child.pointee.type == XML_CDATA_SECTION_NODE
        {
            return body(child.pointee.content.map { UnsafePointer($0) } ?? empty)
        }
        let node = UnsafeMutableRawPointer(attribute).assumingMemoryBound(to: xmlNode.self)
        guard let value = xmlNodeGetContent(node) else { return body(empty) }
        defer { clibxml2_xmlFree(value) }
        return body(value)
    }

    // MARK: - Trie

    struct ElementTest {
        /// nil: the element has no namespace.
        var namespace: UnsafePointer<xmlChar>?
        var name: UnsafePointer<xmlChar>

        func matches(_ element: xmlNodePtr) -> Bool {
            guard xmlStrEqual(element.pointee.name, name) != 0 else { return false }
            guard let namespace else { return element.pointee.ns == nil }
            guard let elementNamespace = element.pointee.ns else { return false }
            return xmlStrEqual(namespace, elementNamespace.pointee.href) != 0
        }
    }

    enum Predicate {
        case none
        case attributeEquals(name: UnsafePointer<xmlChar>, value: UnsafePointer<xmlChar>, empty: UnsafePointer<xmlChar>)
        case hasAttribute(name: UnsafePointer<xmlChar>)
        case hasChild(ElementTest)

        func holds(on element: xmlNodePtr) -> Bool {
            switch self {
            case .none:
                return true
            case .attributeEquals(let name, let value, let empty):
                guard let attribute = SinglePassPlan.attribute(of: element, named: name) else { return false }
                return SinglePassPlan.withValue(of: attribute, empty: empty) { xmlStrEqual($0, value) != 0 }
            case .hasAttribute(let name):
                return SinglePassPlan.attribute(of: element, named: name) != nil
            case .hasChild(let test):
                var child = element.pointee.children
                while let current = child {
                    if current.pointee.type == XML_ELEMENT_NODE, test.matches(current) { return true }
                    child = current.pointee.next
                }
                return false
            }
        }
    }

    /// Many `[@name='…']` children of one element test, found by the hash of the attribute's value.
    struct EqualityIndex {
        var attribute: UnsafePointer<xmlChar>
        var empty: UnsafePointer<xmlChar>
        /// Hash of the literal → trie nodes with that literal (verified byte for byte).
        var byHash: [UInt64: [Int32]]

        func collect(
            on element: xmlNodePtr,
            into active: UnsafeMutablePointer<Int32>,
            at start: Int,
            nodes: UnsafeBufferPointer<Node>
        ) -> Int {
            guard let found = SinglePassPlan.attribute(of: element, named: attribute) else { return start }
            return SinglePassPlan.withValue(of: found, empty: empty) { value in
                var end = start
                guard let candidates = byHash[CStringPool.hash(value)] else { return end }
                for candidate in candidates {
                    if case .attributeEquals(_, let literal, _) = nodes[Int(candidate)].predicate,
                        xmlStrEqual(literal, value) != 0
                    {
                        active[end] = candidate
                        end += 1
                    }
                }
                return end
            }
        }
    }

    struct ChildGroup {
        var test: ElementTest
        /// Children tested one by one.
        var nodes: [Int32]
        var equalityIndexes: [EqualityIndex]
    }

    struct Ending {
        var slot: Int32
        /// The final `@name` step, if any.
        var attribute: UnsafePointer<xmlChar>?
    }

    struct Node {
        /// nil: any root element (the start of every relative path).
        var test: ElementTest?
        var predicate: Predicate
        var groups: [ChildGroup]
        var endings: [Ending]

        func accepts(_ element: xmlNodePtr) -> Bool {
            if let test, !test.matches(element) { return false }
            return predicate.holds(on: element)
        }
    }

    private func lower(_ built: TrieBuilder.Node, builder: TrieBuilder) -> Node {
        func test(_ namespace: ExactText?, _ name: ExactText) -> ElementTest {
            ElementTest(namespace: namespace.map { strings.pointer($0) }, name: strings.pointer(name))
        }
        var predicate = Predicate.none
        switch built.step?.predicate {
        case nil: break
        case .attributeEquals(let name, let value)?:
            predicate = .attributeEquals(name: strings.pointer(name), value: strings.pointer(value), empty: empty)
        case .hasAttribute(let name)?:
            predicate = .hasAttribute(name: strings.pointer(name))
        case .hasChild(let namespace, let localName)?:
            predicate = .hasChild(test(namespace, localName))
        }
        // Children grouped by element test, in first-seen order.
        var groups: [ChildGroup] = []
        var groupOf: [ElementKey: Int] = [:]
        var equalities: [ElementKey: [ExactText: [Int]]] = [:]
        for childIndex in built.children {
            guard let step = builder.nodes[childIndex].step else { continue }
            let key = ElementKey(namespace: step.namespace, localName: step.localName)
            let group: Int
            if let existing = groupOf[key] {
                group = existing
            } else {
                group = groups.count
                groupOf[key] = group
                groups.append(
                    ChildGroup(test: test(step.namespace, step.localName), nodes: [], equalityIndexes: [])
                )
            }
            if case .attributeEquals(let name, _)? = step.predicate {
                equalities[key, default: [:]][name, default: []].append(childIndex)
            } else {
                groups[group].nodes.append(Int32(childIndex))
            }
        }
        for (key, byAttribute) in equalities {
            guard let group = groupOf[key] else { continue }
            for (attribute, children) in byAttribute.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) })
            {
                if children.count <= Self.hashThreshold {
                    groups[group].nodes += children.map { Int32($0) }
                    continue
                }
                var byHash: [UInt64: [Int32]] = [:]
                for child in children {
                    guard case .attributeEquals(_, let value)? = builder.nodes[child].step?.predicate else { continue }
                    let literal = strings.pointer(value)
                    byHash[CStringPool.hash(literal), default: []].append(Int32(child))
                }
                groups[group].equalityIndexes.append(
                    EqualityIndex(
                        attribute: strings.pointer(attribute),
                        empty: empty,
                        byHash: byHash
                    )
                )
            }
        }
        return Node(
            test: built.step.map { test($0.namespace, $0.localName) },
            predicate: predicate,
            groups: groups,
            endings: built.endings.map { Ending(slot: Int32($0.slot), attribute: $0.attribute.map(strings.pointer)) }
        )
    }

    struct ElementKey: Hashable {
        var namespace: ExactText?
        var localName: ExactText
    }
}

/// The trie in Swift values, before its names become C strings.
struct TrieBuilder {
    struct Node {
        /// nil for the wildcard root of relative paths.
        var step: SimpleStep?
        var children: [Int] = []
        var childIndex: [SimpleStep: Int] = [:]
        var endings: [(slot: Int, attribute: ExactText?)] = []
    }

    var nodes: [Node] = []
    var roots: [Int] = []
    private var rootIndex: [SimpleStep?: Int] = [:]
    /// Most child steps below the root of any path.
    private(set) var maximumDepth = 0

    mutating func add(_ path: SimplePath, slot: Int) {
        var current: Int
        if let existing = rootIndex[path.rootStep] {
            current = existing
        } else {
            current = nodes.count
            nodes.append(Node(step: path.rootStep))
            rootIndex[path.rootStep] = current
            roots.append(current)
        }
        for step in path.steps {
            if let existing = nodes[current].childIndex[step] {
                current = existing
            } else {
                let next = nodes.count
                nodes.append(Node(step: step))
                nodes[current].childIndex[step] = next
                nodes[current].children.append(next)
                current = next
            }
        }
        nodes[current].endings.append((slot, path.attribute))
        maximumDepth = max(maximumDepth, path.steps.count)
    }
}

/// NUL-terminated copies of the plan's names and literals, alive as long as the plan.
final class CStringPool {
    private var storage: [[UInt8]: UnsafeMutablePointer<xmlChar>] = [:]

    func pointer(_ text: ExactText) -> UnsafePointer<xmlChar> {
        let bytes = text.utf8
        if let existing = storage[bytes] { return UnsafePointer(existing) }
        let copy = UnsafeMutablePointer<xmlChar>.allocate(capacity: bytes.count + 1)
        copy.initialize(from: bytes, count: bytes.count)
        copy[bytes.count] = 0
        storage[bytes] = copy
        return UnsafePointer(copy)
    }

    deinit {
        for pointer in storage.values { pointer.deallocate() }
    }

    /// FNV-1a over the bytes up to the terminating NUL.
    static func hash(_ text: UnsafePointer<xmlChar>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var index = 0
        while text[index] != 0 {
            hash = (hash ^ UInt64(text[index])) &* 0x0000_0100_0000_01b3
            index += 1
        }
        return hash
    }
}
