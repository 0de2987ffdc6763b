internal import CLibXML2
internal import CLibXML2Support
import TenderCore
import TenderModel

/// libxml2 is initialised once per process (a global `let` runs its initialiser exactly once), and the
/// process-wide external entity loader is replaced by one that loads nothing, so that no code path can
/// ever read a file or the network on behalf of a bid.
private let libxml2Ready: Void = {
    xmlInitParser()
    clibxml2_install_refusing_entity_loader()
}()

/// Makes sure libxml2 is initialised before its first use.
func ensureLibXML2() {
    _ = libxml2Ready
}

/// The parser options every bid is read with: no network, CDATA merged into text, line numbers above 65535, and
/// short texts stored inside their node (`COMPACT`: the tree is never modified, and an element-dense bid near the
/// size limit takes about 6 % less memory). Never `NOENT`, `DTDLOAD`, `DTDATTR`, `XINCLUDE`, `RECOVER` or `HUGE`.
private let bidParseOptions = Int32(
    bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue
        | XML_PARSE_COMPACT.rawValue
)

/// State for one parse, reached from libxml2's callbacks through the parser context's `_private` field.
///
/// Not `Sendable`: it lives on the stack of the thread that parses and dies with the parse.
final class ParseSession {
    let file: String
    let maximumDepth: Int
    /// Why a SAX handler stopped the parser (DTD, entity, depth); it wins over any libxml2 error.
    var refusal: Diagnostic?
    /// libxml2's own errors, in the order it raised them.
    var errors: [Diagnostic] = []
    var rootLine: Int?
    var rootColumn: Int?
    /// Where the `<!DOCTYPE` began, recorded while the parser reads its internal subset.
    var doctypeLocation: SourceLocation?

    init(file: String, maximumDepth: Int) {
        self.file = file
        self.maximumDepth = maximumDepth
    }

    func location(line: Int?, column: Int?) -> SourceLocation {
        SourceLocation(
            file: file,
            line: line.flatMap { $0 > 0 ? $0 : nil },
            column: line.flatMap { $0 > 0 ? column.flatMap { $0 > 0 ? $0 : nil } : nil }
        )
    }

    static func from(_ context: UnsafeMutableRawPointer?) -> (xmlParserCtxtPtr, ParseSession)? {
        guard let context else { return nil }
        let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let opaque = parser.pointee._private else { return nil }
        return (parser, Unmanaged<ParseSession>.fromOpaque(opaque).takeUnretainedValue())
    }

    /// Records a refusal at the last `needle` before the parser's position and stops the parser at once.
    func refuse(_ parser: xmlParserCtxtPtr, at needle: String, _ message: String) {
        if refusal == nil {
            var line: Int32 = 0
            var column: Int32 = 0
            _ = clibxml2_position_of_last(parser, needle, &line, &column)
            refusal = .error(message, at: location(line: Int(line), column: Int(column)))
        }
        xmlStopParser(parser)
    }
}

enum RefusalMessage {
    static let doctype = "bid contains a document type declaration (DOCTYPE); bids must not declare DTDs"
    static let entity = "bid uses an entity declaration; entities are not allowed in bids"
}

/// Installs the handlers that make a parse safe: structured errors into the session, and refusal of any
/// DTD content before it can be expanded (the parser stops at the first declaration it reads).
private func installHandlers(_ sax: UnsafeMutablePointer<xmlSAXHandler>) {
    sax.pointee.serror = { userData, error in
        guard let error, let (_, session) = ParseSession.from(userData) else { return }
        session.errors.append(ParseErrorMapping.diagnostic(for: error.pointee, session: session))
    }
    sax.pointee.internalSubset = { context, _, _, _ in
        guard let (parser, session) = ParseSession.from(context) else { return }
        // With an internal subset (`[`), let the parser read up to its first declaration so that an entity
        // declaration gets the entity message; without one, stop here.
        if let current = parser.pointee.input?.pointee.cur, current.pointee == UInt8(ascii: "[") {
            var line: Int32 = 0
            var column: Int32 = 0
            _ = clibxml2_position_of_last(parser, "<!DOCTYPE", &line, &column)
            session.doctypeLocation = session.location(line: Int(line), column: Int(column))
            return
        }
        session.refuse(parser, at: "<!DOCTYPE", RefusalMessage.doctype)
    }
    sax.pointee.externalSubset = { context, _, _, _ in
        guard let (parser, session) = ParseSession.from(context) else { return }
        session.refuseDoctype(parser)
    }
    sax.pointee.entityDecl = { context, _, _, _, _, _ in
        guard let (parser, session) = ParseSession.from(context) else { return }
        session.refuse(parser, at: "<!ENTITY", RefusalMessage.entity)
    }
    sax.pointee.unparsedEntityDecl = { context, _, _, _, _ in
        guard let (parser, session) = ParseSession.from(context) else { return }
        session.refuse(parser, at: "<!ENTITY", RefusalMessage.entity)
    }
    sax.pointee.elementDecl = { context, _, _, _ in
        guard let (parser, session) = ParseSession.from(context) else { return }
        session.refuseDoctype(parser)
    }
    sax.pointee.attributeDecl = { context, _, _, _, _, _, tree in
        // The handler owns the enumeration libxml2 built for the declaration.
        if let tree { xmlFreeEnumeration(tree) }
        guard let (parser, session) = ParseSession.from(context) else { return }
        session.refuseDoctype(parser)
    }
    sax.pointee.notationDecl = { context, _, _, _ in
        guard let (parser, session) = ParseSession.from(context) else { return }
        session.refuseDoctype(parser)
    }
    sax.pointee.resolveEntity = { _, _, _ in nil }
    sax.pointee.startElementNs = {
        context,
        localName,
        prefix,
        uri,
        namespaceCount,
        namespaces,
        attributeCount,
        defaultedCount,
        attributes in
        guard let (parser, session) = ParseSession.from(context) else { return }
        let open = Int(clibxml2_open_elements(parser))
        if open == 0 {
            var line: Int32 = 0
            var column: Int32 = 0
            _ = clibxml2_position_of_last(parser, "<", &line, &column)
            session.rootLine = Int(line)
            session.rootColumn = Int(column)
        }
        if open + 1 > session.maximumDepth {
            session.refuse(
                parser,
                at: "<",
                "bid nests elements more than \(session.maximumDepth) levels deep; "
                    + "the limit is \(session.maximumDepth)"
            )
            return
        }
        xmlSAX2StartElementNs(
            context,
            localName,
            prefix,
            uri,
            namespaceCount,
            namespaces,
            attributeCount,
            defaultedCount,
            attributes
        )
    }
}

extension ParseSession {
    /// A DOCTYPE is refused at the `<!DOCTYPE` itself, whichever declaration inside it stopped the parser.
    func refuseDoctype(_ parser: xmlParserCtxtPtr) {
        if refusal == nil, let doctypeLocation {
            refusal = .error(RefusalMessage.doctype, at: doctypeLocation)
        }
        refuse(parser, at: "<!DOCTYPE", RefusalMessage.doctype)
    }
}

/// Parses untrusted bytes into a document, hands it to `body`, and frees it before returning.
///
/// Everything `body` needs must be copied into Swift values inside it: no libxml2 pointer survives the call.
func withParsedDocument<Result>(
    bytes: [UInt8],
    file: String,
    limits: ImportLimits,
    _ body: (xmlDocPtr, ParseSession) throws(DiagnosticError) -> Result
) throws(DiagnosticError) -> Result {
    ensureLibXML2()
    guard bytes.count <= limits.maximumFileBytes else {
        throw DiagnosticError(
            .error(
                "bid file is \(bytes.count) bytes; the limit is \(limits.maximumFileBytes) bytes",
                at: SourceLocation(file: file)
            )
        )
    }
    guard !bytes.isEmpty else {
        throw DiagnosticError(.error("bid file is empty", at: SourceLocation(file: file)))
    }
    if let problem = EncodingCheck.problem(in: bytes, file: file) {
        throw DiagnosticError(problem)
    }
    guard let parser = xmlNewParserCtxt() else {
        throw DiagnosticError(.error("out of memory while reading the bid", at: SourceLocation(file: file)))
    }
    defer { xmlFreeParserCtxt(parser) }
    guard let sax = parser.pointee.sax else {
        throw DiagnosticError(.error("out of memory while reading the bid", at: SourceLocation(file: file)))
    }
    installHandlers(sax)
    clibxml2_silence_generic_errors_on_this_thread()
    let session = ParseSession(file: file, maximumDepth: limits.maximumDepth)
    return try withExtendedLifetime(session) { () throws(DiagnosticError) -> Result in
        parser.pointee._private = Unmanaged.passUnretained(session).toOpaque()
        defer { parser.pointee._private = nil }
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters in
                xmlCtxtReadMemory(parser, characters.baseAddress, Int32(characters.count), file, nil, bidParseOptions)
            }
        }
        defer { if let document { xmlFreeDoc(document) } }
        if let refusal = session.refusal {
            throw DiagnosticError(refusal)
        }
        guard let document, parser.pointee.wellFormed != 0, xmlDocGetRootElement(document) != nil else {
            // A broken declaration inside a DOCTYPE is still, first of all, a DOCTYPE.
            if let doctype = session.doctypeLocation {
                throw DiagnosticError(.error(RefusalMessage.doctype, at: doctype))
            }
            let first = session.errors.first(where: { $0.severity == .error }) ?? session.errors.first
            throw DiagnosticError(first ?? .error("bid could not be read as XML", at: SourceLocation(file: file)))
        }
        if let root = xmlDocGetRootElement(document),
            let long = clibxml2_first_text_longer_than(root, limits.maximumTextLength)
        {
            let isAttribute = long.pointee.type == XML_ATTRIBUTE_NODE
            let element = long.pointee.parent ?? long
            let what =
                isAttribute
                ? "attribute '\(long.localName)' of <\(element.localName)>" : "text in <\(element.localName)>"
            throw DiagnosticError(
                .error(
                    "\(what) is longer than \(limits.maximumTextLength) bytes, the limit for one text",
                    at: session.location(line: element.line, column: nil)
                )
            )
        }
        return try body(document, session)
    }
}
