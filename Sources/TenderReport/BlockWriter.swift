/// Receives a report's block tree a piece at a time, so a section with thousands of bids is written bid by bid
/// and never held whole: `open` a section with the blocks known so far, `write` each further block into it,
/// `close` it.
protocol BlockWriter {
    mutating func write(_ block: Block)
    mutating func open(_ section: Section)
    mutating func close(_ section: Section)
}

/// Collects the tree in memory (for code that wants the whole of a small report's blocks).
struct BlockCollector: BlockWriter {
    private(set) var blocks: [Block] = []
    private var open: [Section] = []

    mutating func write(_ block: Block) {
        if open.isEmpty {
            blocks.append(block)
        } else {
            open[open.count - 1].blocks.append(block)
        }
    }

    mutating func open(_ section: Section) {
        open.append(section)
    }

    mutating func close(_ section: Section) {
        write(.section(open.removeLast()))
    }
}
