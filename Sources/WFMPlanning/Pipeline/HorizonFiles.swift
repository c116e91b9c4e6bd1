/// Files that cover a horizon of weeks: each week's CSV text, one after the other, under one
/// header.
enum HorizonFiles {
    /// `texts` (CSV, each with its header line) as one CSV: the first text whole, then each
    /// other without its header. The weeks' headers are the same (the same writer made them).
    static func joined(_ texts: [String]) -> String {
        guard let first = texts.first else { return "" }
        return texts.dropFirst().reduce(first) { joined, text in
            joined + (text.firstIndex(of: "\n").map { String(text[text.index(after: $0)...]) } ?? "")
        }
    }
}
