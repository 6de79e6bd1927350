/// A place in a user's file: what every error message and every data value points back to.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The path as the user gave it (not made absolute, so messages read like the command line).
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, counted in Unicode scalars (what an editor shows for Chinese text).
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}
