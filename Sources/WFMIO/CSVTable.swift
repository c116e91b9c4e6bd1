import CSV
import Foundation

/// A CSV file read whole: its header and its records, each with the line it starts on.
///
/// Quoting, embedded line breaks, a UTF-8 byte-order mark and CRLF line ends are handled by
/// the CSV package; blank lines are skipped.
public struct CSVTable: Sendable {
    /// One data record.
    public struct Record: Sendable {
        /// The 1-based line the record starts on.
        public let line: Int
        /// The fields, one per header column (short records are padded with "").
        public let fields: [String]
    }

    /// The file as the user named it.
    public let file: String
    /// The header's column names, trimmed.
    public let header: [String]
    /// The data records.
    public let records: [Record]

    /// Reads `path`.
    /// - Throws: ``InputError`` if the file cannot be read, is not UTF-8, has no header or
    ///   is malformed.
    public init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(Diagnostic(file: path, line: nil, field: "file", problem: "cannot be read", expected: "an existing, readable CSV file"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(Diagnostic(file: path, line: nil, field: "file", problem: "is not valid UTF-8 text", expected: "a UTF-8 CSV file"))
        }
        try self.init(text: text, file: path)
    }

    /// Reads CSV `text` held in memory, naming `file` in diagnostics (`wfm plan` reads what it
    /// is about to write, so that every stage sees exactly the file the user gets).
    /// - Throws: ``InputError`` if the text has no header or is malformed.
    public init(text: String, file path: String) throws {
        var text = text
        file = path
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if let line = CSVTable.unclosedQuoteLine(in: text) {
            throw InputError(Diagnostic(file: path, line: line, field: "row", problem: "a quoted field opened on this line is never closed",
                                        expected: "a closing \" (a quote inside a quoted field is written \"\")"))
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true)
        } catch {
            throw InputError(Diagnostic(file: path, line: 1, field: "header", problem: "missing", expected: "a header row"))
        }
        header = (reader.headerRow ?? []).map { $0.trimmingCharacters(in: .whitespaces) }
        var records: [Record] = []
        var long: [(line: Int, count: Int)] = []
        var line = 2 + CSVTable.embeddedLineBreaks(in: reader.headerRow ?? [])
        while let row = reader.next() {
            defer { line += 1 + CSVTable.embeddedLineBreaks(in: row) }
            if row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            if row.count > header.count { long.append((line, row.count)) }
            let padded = row.count < header.count ? row + Array(repeating: "", count: header.count - row.count) : row
            records.append(Record(line: line, fields: padded))
        }
        var log = DiagnosticLog(file: path)
        if let error = reader.error {
            log.error(line: line, field: "file", "malformed CSV (\(error))", expected: "RFC 4180 quoting")
        }
        if long.count == records.count, let first = long.first, long.allSatisfy({ $0.count == first.count }) {
            log.error(line: 1, field: "header", "has \(header.count) columns but every row has \(first.count) fields",
                      expected: "a name in the header for every column")
        } else {
            for row in long where !log.hasOverflowed {
                log.error(line: row.line, field: "row", "has \(row.count) fields, more than the \(header.count) columns of the header",
                          expected: "one field per header column (quote fields that hold a comma)")
            }
        }
        try log.throwIfErrors()
        self.records = records
    }

    /// The position of each required column, or an error naming the missing ones.
    /// - Throws: ``InputError`` on line 1.
    public func columns(required: [String], optional: [String] = []) throws -> [String: Int] {
        var positions: [String: Int] = [:]
        for (index, name) in header.enumerated() where positions[name] == nil { positions[name] = index }
        let missing = required.filter { positions[$0] == nil }
        guard missing.isEmpty else {
            // A header that splits on semicolons into the columns wanted: a spreadsheet's
            // export in a locale that writes the decimal comma.
            let bySemicolon = Set(header.flatMap { $0.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) } })
            let delimiter = header.count == 1 && missing.allSatisfy(bySemicolon.contains)
                ? "; the header is separated by semicolons: save the file as comma-separated CSV (with a decimal point)" : ""
            throw InputError(Diagnostic(
                file: file, line: 1, field: "header", problem: "missing column\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", "))\(delimiter)",
                expected: "columns \((required + optional.map { "[\($0)]" }).joined(separator: ","))"))
        }
        return positions
    }

    /// The line on which a quoted field opens that the file never closes, if one does.
    private static func unclosedQuoteLine(in text: String) -> Int? {
        var line = 1
        var opened: Int?
        for character in text {
            if character == "\"" { opened = opened == nil ? line : nil }
            if character == "\n" || character == "\r\n" { line += 1 }
        }
        return opened
    }

    private static func embeddedLineBreaks(in fields: [String]) -> Int {
        fields.reduce(0) { count, field in count + field.reduce(0) { $0 + ($1 == "\n" || $1 == "\r\n" ? 1 : 0) } }
    }
}
