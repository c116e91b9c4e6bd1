/// One problem found in an input file, located by file, line and field.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    /// The file, as the user named it.
    public var file: String
    /// The 1-based line, or nil when the problem concerns the whole file.
    public var line: Int?
    /// The column or key the problem is in (e.g. `calls`, `queues[1].aht_seconds`).
    public var field: String
    /// What is wrong.
    public var problem: String
    /// What was expected, if it helps.
    public var expected: String?

    /// Creates a diagnostic.
    public init(file: String, line: Int?, field: String, problem: String, expected: String? = nil) {
        self.file = file
        self.line = line
        self.field = field
        self.problem = problem
        self.expected = expected
    }

    /// `file:line: field: problem (expected …)`.
    public var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        let hint = expected.map { " (expected \($0))" } ?? ""
        return "\(location): \(field): \(problem)\(hint)"
    }
}

/// The error every reader throws: all the problems it found, up to ``DiagnosticLog/limit``.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The problems, in file order.
    public var diagnostics: [Diagnostic]
    /// Whether more problems were found than are listed.
    public var truncated: Bool

    /// Creates an error.
    public init(diagnostics: [Diagnostic], truncated: Bool = false) {
        self.diagnostics = diagnostics
        self.truncated = truncated
    }

    /// Creates an error with one problem.
    public init(_ diagnostic: Diagnostic) { self.init(diagnostics: [diagnostic]) }

    /// One problem per line, and a last line saying if the list was cut.
    public var description: String {
        let lines = diagnostics.map(\.description)
        return (lines + (truncated ? ["(more problems not shown; fix these first)"] : [])).joined(separator: "\n")
    }
}

/// Collects the problems one reader finds, up to ``limit``, and the warnings it has.
public struct DiagnosticLog: Sendable {
    /// The most problems reported at once.
    public static let limit = 50

    /// The file being read, as the user named it.
    public let file: String
    /// Problems found.
    public private(set) var errors: [Diagnostic] = []
    /// Problems that do not stop the plan (e.g. a value that was defaulted).
    public private(set) var warnings: [Diagnostic] = []
    private var overflow = false

    /// Creates a log for `file`.
    public init(file: String) { self.file = file }

    /// Whether a problem beyond the limit was found: readers stop there.
    public var hasOverflowed: Bool { overflow }

    /// Records a problem.
    public mutating func error(line: Int?, field: String, _ problem: String, expected: String? = nil) {
        guard errors.count < Self.limit else {
            overflow = true
            return
        }
        errors.append(Diagnostic(file: file, line: line, field: field, problem: problem, expected: expected))
    }

    /// Records a warning.
    public mutating func warning(line: Int?, field: String, _ problem: String, expected: String? = nil) {
        warnings.append(Diagnostic(file: file, line: line, field: field, problem: problem, expected: expected))
    }

    /// Throws every recorded problem, if any.
    /// - Throws: ``InputError``.
    public func throwIfErrors() throws {
        if !errors.isEmpty { throw InputError(diagnostics: errors, truncated: overflow) }
    }
}
