internal import CLibXML2
internal import CLibXML2Support

/// Read-only helpers over libxml2 nodes, used only while the document is alive (inside
/// `withParsedDocument`); every result is a Swift value.
extension UnsafeMutablePointer where Pointee == xmlNode {
    var localName: String {
        guard let name = pointee.name else { return "" }
        return String(cString: name)
    }

    var namespaceURI: String? {
        guard let namespace = pointee.ns, let href = namespace.pointee.href else { return nil }
        return String(cString: href)
    }

    /// 1-based line of the node (of its element for attributes and text).
    var line: Int? {
        var node: xmlNodePtr? = self
        if pointee.type == XML_ATTRIBUTE_NODE || pointee.type == XML_TEXT_NODE {
            node = pointee.parent ?? self
        }
        guard let node else { return nil }
        let line = Int(xmlGetLineNo(node))
        return line > 0 ? line : nil
    }

    func isElement(_ names: Set<String>, _ localName: String) -> Bool {
        guard pointee.type == XML_ELEMENT_NODE, self.localName == localName else { return false }
        guard let uri = namespaceURI else { return names.contains("") }
        return names.contains(uri)
    }

    /// Element children, in document order.
    var elementChildren: [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = pointee.children
        while let node = child {
            if node.pointee.type == XML_ELEMENT_NODE { result.append(node) }
            child = node.pointee.next
        }
        return result
    }

    func children(_ namespaces: Set<String>, _ localName: String) -> [xmlNodePtr] {
        elementChildren.filter { $0.isElement(namespaces, localName) }
    }

    func child(_ namespaces: Set<String>, _ localName: String) -> xmlNodePtr? {
        var child = pointee.children
        while let node = child {
            if node.isElement(namespaces, localName) { return node }
            child = node.pointee.next
        }
        return nil
    }

    /// Follows a path of child elements, all in one of `namespaces`.
    func descendant(_ namespaces: Set<String>, _ path: String...) -> xmlNodePtr? {
        var node: xmlNodePtr? = self
        for name in path {
            node = node?.child(namespaces, name)
        }
        return node
    }

    /// The text content of the node with surrounding white space removed.
    var trimmedText: String {
        guard let content = xmlNodeGetContent(self) else { return "" }
        defer { clibxml2_xmlFree(content) }
        return String(cString: content).trimmingXMLWhitespace
    }

    /// Trimmed text, or nil when the element is empty.
    var nonEmptyText: String? {
        let text = trimmedText
        return text.isEmpty ? nil : text
    }

    /// An attribute without a namespace, trimmed; nil when absent or empty.
    func attribute(_ name: String) -> String? {
        guard let value = name.withXMLChars({ xmlGetNoNsProp(self, $0) }) else { return nil }
        defer { clibxml2_xmlFree(value) }
        let text = String(cString: value).trimmingXMLWhitespace
        return text.isEmpty ? nil : text
    }
}

extension StringProtocol {
    /// Without leading and trailing XML white space (space, tab, CR, LF) and ideographic spaces.
    var trimmingXMLWhitespace: String {
        let isSpace: (Character) -> Bool = {
            $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{3000}" || $0 == "\r\n"
        }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}

extension String {
    /// Lends the string to libxml2 as a NUL-terminated `xmlChar` (unsigned) pointer.
    func withXMLChars<Result>(_ body: (UnsafePointer<xmlChar>) throws -> Result) rethrows -> Result {
        try withCString { characters in
            try characters.withMemoryRebound(to: xmlChar.self, capacity: utf8.count + 1) { try body($0) }
        }
    }
}
