import Foundation

/// The JSON every `--format json` output uses: sorted keys, indented, snake_case, and
/// non-finite numbers as the strings "inf", "-inf" and "nan".
public enum JSONOutput {
    /// `value` as JSON text, ending in a newline; on one line unless `indented`.
    public static func text(_ value: some Encodable, indented: Bool = true) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = indented ? [.prettyPrinted, .sortedKeys] : [.sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
