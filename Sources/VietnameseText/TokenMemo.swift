/// The forms of Latin tokens already analysed, by their exact UTF-8 bytes (an ``AnalysisSession``'s): the
/// spelling rules of ``SyllableSpelling`` and the writing of the two forms run once for each distinct spelling
/// met, not for every occurrence.
///
/// Open addressing over one byte arena, kept behind a pointer: a value of this type is that pointer, so that no
/// access is checked for exclusivity and none counts a reference at run time (a class's would, on every token).
/// Its owner (``TokenScanner``) frees it. It starts small and doubles, up to ``maximumEntries`` tokens; then it
/// remembers no more and answers what it has.
///
/// - Complexity: O(*k*) a look-up or an insertion for a token of *k* bytes, amortised.
struct TokenMemo {
    /// Tokens longer than this many bytes are not remembered (a code, a long word: rare and unlike each other).
    static let maximumKeyBytes = 40
    /// Distinct tokens remembered at most.
    static let maximumEntries = 1 << 16

    /// A token's bytes in the arena: its UTF-8 as written, then its canonical form, then its folded form.
    private struct Entry {
        var start: Int32
        var written: UInt8
        var canonical: UInt8
        var folded: UInt8
        var hash: UInt32
    }

    private struct State {
        var slots: UnsafeMutablePointer<Int32>  // an entry's index + 1; 0 is empty
        var slotMask: Int
        var entries: UnsafeMutablePointer<Entry>
        var entryCount: Int
        var entryCapacity: Int
        var arena: UnsafeMutablePointer<UInt8>
        var arenaCount: Int
        var arenaCapacity: Int
    }

    private let state: UnsafeMutablePointer<State>

    /// A memo, to be freed with ``free()``.
    init() {
        let slotCount = 256, entryCapacity = 128, arenaCapacity = 4096
        let slots = UnsafeMutablePointer<Int32>.allocate(capacity: slotCount)
        slots.initialize(repeating: 0, count: slotCount)
        state = .allocate(capacity: 1)
        state.initialize(to: State(slots: slots, slotMask: slotCount - 1,
                                   entries: .allocate(capacity: entryCapacity), entryCount: 0, entryCapacity: entryCapacity,
                                   arena: .allocate(capacity: arenaCapacity), arenaCount: 0, arenaCapacity: arenaCapacity))
    }

    func free() {
        state.pointee.slots.deallocate()
        state.pointee.entries.deallocate()
        state.pointee.arena.deallocate()
        state.deallocate()
    }

    /// FNV-1a over the bytes.
    @inline(__always)
    static func hash(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for index in 0..<count { hash = (hash ^ UInt32(bytes[index])) &* 16_777_619 }
        return hash
    }

    /// The canonical and folded forms remembered for the token written `bytes`, if any; valid until the next
    /// ``remember(_:_:hash:canonical:folded:)``.
    @inline(__always)
    func forms(of bytes: UnsafePointer<UInt8>, _ count: Int, hash: UInt32)
        -> (canonical: UnsafeBufferPointer<UInt8>, folded: UnsafeBufferPointer<UInt8>)? {
        let s = state.pointee
        var slot = Int(hash) & s.slotMask
        while true {
            let found = Int(s.slots[slot])
            if found == 0 { return nil }
            let entry = s.entries[found - 1]
            if entry.hash == hash, Int(entry.written) == count {
                let start = s.arena + Int(entry.start)
                var same = true
                for index in 0..<count where start[index] != bytes[index] {
                    same = false
                    break
                }
                if same {
                    let canonical = start + count
                    return (UnsafeBufferPointer(start: canonical, count: Int(entry.canonical)),
                            UnsafeBufferPointer(start: canonical + Int(entry.canonical), count: Int(entry.folded)))
                }
            }
            slot = (slot + 1) & s.slotMask
        }
    }

    /// Remembers a token not yet remembered (``forms(of:_:hash:)`` gave `nil`), unless the memo is full.
    func remember(_ bytes: UnsafePointer<UInt8>, _ count: Int, hash: UInt32,
                  canonical: UnsafeBufferPointer<UInt8>, folded: UnsafeBufferPointer<UInt8>) {
        guard count <= TokenMemo.maximumKeyBytes, canonical.count <= Int(UInt8.max), folded.count <= Int(UInt8.max),
              state.pointee.entryCount < TokenMemo.maximumEntries else { return }
        let size = count + canonical.count + folded.count
        if state.pointee.entryCount == state.pointee.entryCapacity { growEntries() }
        if state.pointee.arenaCount + size > state.pointee.arenaCapacity { growArena(atLeast: state.pointee.arenaCount + size) }
        if 2 * (state.pointee.entryCount + 1) > state.pointee.slotMask + 1 { growSlots() }
        let s = state.pointee
        let start = s.arena + s.arenaCount
        start.update(from: bytes, count: count)
        (start + count).update(from: canonical.baseAddress!, count: canonical.count)
        (start + count + canonical.count).update(from: folded.baseAddress!, count: folded.count)
        s.entries[s.entryCount] = Entry(start: Int32(s.arenaCount), written: UInt8(count), canonical: UInt8(canonical.count),
                                        folded: UInt8(folded.count), hash: hash)
        var slot = Int(hash) & s.slotMask
        while s.slots[slot] != 0 { slot = (slot + 1) & s.slotMask }
        s.slots[slot] = Int32(s.entryCount + 1)
        state.pointee.entryCount += 1
        state.pointee.arenaCount += size
    }

    private func growEntries() {
        let capacity = state.pointee.entryCapacity * 2
        let entries = UnsafeMutablePointer<Entry>.allocate(capacity: capacity)
        entries.update(from: state.pointee.entries, count: state.pointee.entryCount)
        state.pointee.entries.deallocate()
        state.pointee.entries = entries
        state.pointee.entryCapacity = capacity
    }

    private func growArena(atLeast needed: Int) {
        var capacity = state.pointee.arenaCapacity * 2
        while capacity < needed { capacity *= 2 }
        let arena = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        arena.update(from: state.pointee.arena, count: state.pointee.arenaCount)
        state.pointee.arena.deallocate()
        state.pointee.arena = arena
        state.pointee.arenaCapacity = capacity
    }

    private func growSlots() {
        let count = (state.pointee.slotMask + 1) * 2
        let slots = UnsafeMutablePointer<Int32>.allocate(capacity: count)
        slots.initialize(repeating: 0, count: count)
        let mask = count - 1
        for index in 0..<state.pointee.entryCount {
            var slot = Int(state.pointee.entries[index].hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index + 1)
        }
        state.pointee.slots.deallocate()
        state.pointee.slots = slots
        state.pointee.slotMask = mask
    }
}
