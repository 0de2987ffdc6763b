/// A small deterministic pseudo-random generator (xoshiro256**, seeded through SplitMix64).
///
/// The synthetic tender must be the same bytes for the same seed on every machine and every run, so it never
/// uses the system generator. Only integer operations are used.
struct SyntheticRandom {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    init(seed: UInt64) {
        var splitMix = seed
        func nextSplitMix() -> UInt64 {
            splitMix &+= 0x9E37_79B9_7F4A_7C15
            var value = splitMix
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
        state = (nextSplitMix(), nextSplitMix(), nextSplitMix(), nextSplitMix())
    }

    /// A generator for one sub-stream (one bid, the committee, …), so that adding content to one part
    /// never shifts the values of another.
    func derived(_ stream: UInt64) -> SyntheticRandom {
        var copy = self
        return SyntheticRandom(seed: copy.next() ^ (stream &* 0xD134_2543_DE82_EF95))
    }

    mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, 7) &* 9
        let shifted = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= shifted
        state.3 = rotateLeft(state.3, 45)
        return result
    }

    /// A uniform integer in `range` (Lemire's multiply-shift with rejection, so there is no modulo bias).
    mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) &+ 1
        if span == 0 { return Int(truncatingIfNeeded: next()) }
        var product = next().multipliedFullWidth(by: span)
        if product.low < span {
            let threshold = (0 &- span) % span
            while product.low < threshold {
                product = next().multipliedFullWidth(by: span)
            }
        }
        return range.lowerBound + Int(product.high)
    }

    /// True with probability `perMille` / 1000.
    mutating func chance(perMille: Int) -> Bool {
        int(in: 0...999) < perMille
    }

    mutating func pick<T>(_ items: [T]) -> T {
        items[int(in: 0...(items.count - 1))]
    }

    private func rotateLeft(_ value: UInt64, _ count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }
}
