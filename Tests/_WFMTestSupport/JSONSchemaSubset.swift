import Foundation

/// Checks a JSON value against a JSON Schema using the keywords wfm's schemas use: `type`
/// (one or a list), `const`, `enum`, `required`, `properties`, `additionalProperties: false`,
/// `items`, `minItems`, `minimum` and local `$ref`s (`#/$defs/name`). Anything else in the schema
/// is an error, so a schema cannot silently use a keyword this checker ignores.
public struct JSONSchemaSubset {
    let root: [String: Any]

    /// Reads a schema file.
    public init(path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw SchemaError(path: "", message: "the schema is not an object")
        }
        self.root = root
    }

    public struct SchemaError: Error, CustomStringConvertible {
        public let path: String
        public let message: String
        public var description: String { "\(path.isEmpty ? "$" : path): \(message)" }
    }

    private static let known: Set<String> = ["$schema", "$id", "title", "description", "type", "const", "enum", "required", "properties",
                                             "additionalProperties", "items", "minItems", "minimum", "$ref", "$defs"]

    /// Every place `value` breaks the schema (empty when it conforms).
    public func problems(_ value: Any) -> [String] {
        var found: [String] = []
        check(value, against: root, at: "$", into: &found)
        return found
    }

    private func check(_ value: Any, against schema: [String: Any], at path: String, into found: inout [String]) {
        if let unknown = schema.keys.first(where: { !Self.known.contains($0) }) {
            found.append("\(path): the schema uses '\(unknown)', which this checker does not support")
            return
        }
        if let reference = schema["$ref"] as? String {
            let name = reference.replacingOccurrences(of: "#/$defs/", with: "")
            guard let target = (root["$defs"] as? [String: Any])?[name] as? [String: Any] else {
                found.append("\(path): unknown $ref \(reference)")
                return
            }
            check(value, against: target, at: path, into: &found)
            return
        }
        if let types = schema["type"] {
            let allowed = (types as? [String]) ?? [(types as? String) ?? ""]
            guard allowed.contains(where: { Self.matches(value, type: $0) }) else {
                found.append("\(path): expected \(allowed.joined(separator: " or ")), got \(type(of: value)) \(value)")
                return
            }
        }
        if let constant = schema["const"], !Self.equal(constant, value) { found.append("\(path): expected \(constant)") }
        if let choices = schema["enum"] as? [Any], !choices.contains(where: { Self.equal($0, value) }) {
            found.append("\(path): \(value) is not one of \(choices)")
        }
        if let minimum = schema["minimum"] as? Double, let number = value as? NSNumber, !(value is Bool), number.doubleValue < minimum {
            found.append("\(path): \(number) is below \(minimum)")
        }
        if let object = value as? [String: Any] {
            for key in (schema["required"] as? [String]) ?? [] where object[key] == nil { found.append("\(path): missing \(key)") }
            let properties = (schema["properties"] as? [String: Any]) ?? [:]
            for (key, member) in object {
                if let sub = properties[key] as? [String: Any] {
                    check(member, against: sub, at: "\(path).\(key)", into: &found)
                } else if (schema["additionalProperties"] as? Bool) == false {
                    found.append("\(path): unexpected key \(key)")
                }
            }
        }
        if let array = value as? [Any] {
            if let minimum = schema["minItems"] as? Int, array.count < minimum { found.append("\(path): fewer than \(minimum) items") }
            if let items = schema["items"] as? [String: Any] {
                for (index, item) in array.enumerated() { check(item, against: items, at: "\(path)[\(index)]", into: &found) }
            }
        }
    }

    private static func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "boolean": return isBool(value)
        case "null": return value is NSNull
        case "integer": return !isBool(value) && (value as? NSNumber).map { $0.doubleValue == $0.doubleValue.rounded() } ?? false
        case "number": return !isBool(value) && value is NSNumber
        default: return false
        }
    }

    /// JSON `true`/`false`: Foundation reads them as NSNumber of ObjC type `c` (char), which
    /// no JSON number becomes.
    private static func isBool(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c"
    }

    private static func equal(_ lhs: Any, _ rhs: Any) -> Bool {
        "\(lhs)" == "\(rhs)"
    }
}
