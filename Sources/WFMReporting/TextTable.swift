/// A plain-text table for terminals: a header, a rule, and aligned columns.
public struct TextTable: Sendable {
    /// How a column's cells line up.
    public enum Alignment: Sendable {
        case left
        case right
    }

    /// A column: its title and alignment.
    public struct Column: Sendable {
        public var title: String
        public var alignment: Alignment

        /// Creates a column.
        public init(_ title: String, _ alignment: Alignment = .right) {
            self.title = title
            self.alignment = alignment
        }
    }

    /// The columns.
    public var columns: [Column]
    /// Rows of cells (as many as ``columns``).
    public private(set) var rows: [[String]] = []

    /// Creates an empty table.
    public init(columns: [Column]) { self.columns = columns }

    /// Adds a row.
    public mutating func append(_ cells: [String]) { rows.append(cells) }

    /// The table as text, columns separated by two spaces, no trailing spaces.
    public func render() -> String {
        var widths = columns.map(\.title.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            var text = cells.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: max(0, widths[index] - cell.count))
                return columns[index].alignment == .right ? padding + cell : cell + padding
            }.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(columns.map(\.title)), rule] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}
