/// The CharStrings INDEX of a 'CFF ' table (Adobe TN #5176): one byte string per glyph.
/// Just enough of CFF to compare two faces glyph by glyph (CommonGlyphFaces); the bytes stay
/// in the table's blob, which the caller keeps alive.
struct CFFCharStrings {
    /// The CharStrings INDEX's offset array: `count + 1` big-endian numbers of `offSize` bytes.
    private let offsets: Int
    private let offSize: Int
    /// Where glyph data starts, less one (INDEX offsets count from 1).
    private let dataBase: Int
    private let table: UnsafeRawBufferPointer
    let glyphCount: Int

    /// Nil when the table is not a CFF version 1 table this reader understands.
    init?(table: UnsafeRawBufferPointer) {
        self.table = table
        guard table.count >= 4, table[0] == 1 else { return nil }
        var reader = Reader(table)
        reader.position = Int(table[2])                                   // header size
        guard reader.skipIndex(),                                         // Name INDEX
              let topDict = reader.readIndex()?.first,                    // Top DICT INDEX, font 0
              let charStringsOffset = Self.charStringsOffset(in: table, topDict),
              charStringsOffset + 3 <= table.count else { return nil }
        glyphCount = Int(table[charStringsOffset]) << 8 | Int(table[charStringsOffset + 1])
        offSize = Int(table[charStringsOffset + 2])
        offsets = charStringsOffset + 3
        dataBase = offsets + (glyphCount + 1) * offSize - 1
        guard glyphCount > 0, (1...4).contains(offSize), offsets + (glyphCount + 1) * offSize <= table.count else { return nil }
    }

    /// The charstring of glyph `g` (`g < glyphCount`); empty when the INDEX is damaged there.
    func glyph(_ g: Int) -> UnsafeRawBufferPointer {
        let start = dataBase + offset(g), end = dataBase + offset(g + 1)
        guard start <= end, start > dataBase, end <= table.count else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(rebasing: table[start..<end])
    }

    private func offset(_ k: Int) -> Int {
        var value = 0
        for j in 0..<offSize { value = value << 8 | Int(table[offsets + k * offSize + j]) }
        return value
    }

    /// The operand of the CharStrings operator (17) in a Top DICT.
    private static func charStringsOffset(in table: UnsafeRawBufferPointer, _ dict: Range<Int>) -> Int? {
        var i = dict.lowerBound
        var lastOperand: Int?
        while i < dict.upperBound {
            let b0 = Int(table[i])
            switch b0 {
            case 17:
                return lastOperand
            case 0...21:
                i += b0 == 12 ? 2 : 1
                lastOperand = nil
            case 28 where i + 2 < dict.upperBound:
                lastOperand = Int(Int16(bitPattern: UInt16(table[i + 1]) << 8 | UInt16(table[i + 2]))); i += 3
            case 29 where i + 4 < dict.upperBound:
                let value = (0..<4).reduce(UInt32(0)) { $0 << 8 | UInt32(table[i + 1 + $1]) }
                lastOperand = Int(Int32(bitPattern: value)); i += 5
            case 30:                                                      // real: nibbles up to 0xf
                i += 1
                while i < dict.upperBound, table[i] & 0x0f != 0x0f, table[i] >> 4 != 0x0f { i += 1 }
                i += 1
                lastOperand = nil
            case 32...246:
                lastOperand = b0 - 139; i += 1
            case 247...250 where i + 1 < dict.upperBound:
                lastOperand = (b0 - 247) * 256 + Int(table[i + 1]) + 108; i += 2
            case 251...254 where i + 1 < dict.upperBound:
                lastOperand = -(b0 - 251) * 256 - Int(table[i + 1]) - 108; i += 2
            default:
                return nil
            }
        }
        return nil
    }

    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var position = 0

        init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

        mutating func skipIndex() -> Bool { readIndex() != nil }

        /// The element ranges of the INDEX at `position`, leaving `position` after it.
        mutating func readIndex() -> [Range<Int>]? {
            guard position + 2 <= bytes.count else { return nil }
            let count = Int(bytes[position]) << 8 | Int(bytes[position + 1])
            position += 2
            if count == 0 { return [] }
            guard position < bytes.count else { return nil }
            let offSize = Int(bytes[position])
            position += 1
            guard (1...4).contains(offSize), position + (count + 1) * offSize <= bytes.count else { return nil }
            var offsets: [Int] = []
            offsets.reserveCapacity(count + 1)
            for k in 0...count {
                var value = 0
                for j in 0..<offSize { value = value << 8 | Int(bytes[position + k * offSize + j]) }
                offsets.append(value)
            }
            let dataStart = position + (count + 1) * offSize - 1               // offsets count from 1
            guard offsets[0] == 1, zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }),
                  dataStart + offsets[count] <= bytes.count else { return nil }
            position = dataStart + offsets[count]
            return (0..<count).map { dataStart + offsets[$0] ..< dataStart + offsets[$0 + 1] }
        }
    }
}
