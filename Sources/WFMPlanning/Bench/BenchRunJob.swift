import Foundation
import WFMCore
import WFMGLPK
import WFMIO
import WFMOptimization
import WFMReporting
import WFMScheduling

/// `wfm bench run`: solves each instance `repetitions` times, each solve in a process of its
/// own (`wfm bench solve`, so that its peak memory and CPU time are its own), and gathers the
/// figures into ``BenchResults``.
public struct BenchRunJob: Sendable {
    /// The wfm executable to start for each solve.
    public var executablePath: String
    /// Standard instances to run.
    public var instances: [String]
    /// A user's instance too: center.yaml and requirements.csv.
    public var userInstance: (configPath: String, requirementsPath: String)?
    public var repetitions: Int
    public var timeLimitSeconds: Double
    public var relativeGap: Double
    /// Run a family of each instance instead (``InstanceFamily``): its members 1 to `members`,
    /// seeded `seed`.
    public var family: BenchFamily?
    /// Where to write the results JSON, if anywhere; a shard writes ``shardPath(_:)`` instead.
    public var jsonPath: String?
    /// The share of the solves to run (balanced by ``ExpectedWork``); nil for all.
    public var shard: Shard?
    /// Weeks to plan each instance over as one horizon, its week repeated (named `large-2w`);
    /// 1 for the week alone.
    public var weeks = 1
    public var overwrite: Bool

    /// Creates the job.
    public init(executablePath: String, instances: [String], userInstance: (configPath: String, requirementsPath: String)? = nil,
                repetitions: Int = 1, timeLimitSeconds: Double = 60, relativeGap: Double = 0.005, family: BenchFamily? = nil,
                jsonPath: String? = nil, overwrite: Bool = false) {
        self.family = family
        self.executablePath = executablePath
        self.instances = instances
        self.userInstance = userInstance
        self.repetitions = repetitions
        self.timeLimitSeconds = timeLimitSeconds
        self.relativeGap = relativeGap
        self.jsonPath = jsonPath
        self.overwrite = overwrite
    }

    /// Runs every solve and writes the JSON.
    /// - Throws: ``PlanningError`` for an unknown instance.
    public func run(progress: (String) -> Void = { _ in }) throws -> BenchResults {
        guard (1...100).contains(repetitions) else { throw PlanningError("--repeat takes 1 to 100, got \(repetitions)") }
        for name in instances where StandardInstance(name) == nil {
            throw PlanningError("unknown instance '\(name)': expected one of \(StandardInstance.names.joined(separator: ", "))")
        }
        let outputPath = shard.map { Self.shardPath(jsonPath ?? "results.json", $0) } ?? jsonPath
        if let outputPath { try AtomicFileWriter.checkWritable(outputPath, overwrite: overwrite) }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        let started = formatter.string(from: Date())
        var solves = instances.map { (name: $0, arguments: ["--instance", $0]) }
        if let userInstance {
            solves.append((BenchSolveJob.name(instance: nil, configPath: userInstance.configPath), ["--config", userInstance.configPath, "--requirements", userInstance.requirementsPath]))
        }
        guard (1...PlanningHorizon.maximumWeeks).contains(weeks) else { throw PlanningError("--weeks takes 1 to 6, got \(weeks)") }
        if weeks > 1 { solves = solves.map { (name: "\($0.name)-\(weeks)w", arguments: $0.arguments + ["--weeks", "\(weeks)"]) } }
        if let family {
            guard (1...1000).contains(family.members) else { throw PlanningError("--family takes 1 to 1000 members, got \(family.members)") }
            solves = solves.flatMap { solve in
                (1...family.members).map { member in
                    (name: "\(solve.name)#\(member)", arguments: solve.arguments + ["--family-seed", "\(family.seed)", "--member", "\(member)"])
                }
            }
        }
        let positions = try shard.map { ShardAssignment(work: try Self.expectedWork(solves.map(\.arguments)), shards: $0.count).items(of: $0) }
            ?? Array(solves.indices)
        var results: [BenchInstanceResult] = []
        for (name, arguments) in positions.map({ solves[$0] }) {
            var runs: [BenchRunRecord] = []
            for repetition in 1...repetitions {
                progress("\(name): run \(repetition) of \(repetitions)")
                runs.append(try solve(name: name, arguments))
            }
            results.append(BenchInstanceResult(runs: runs))
        }
        var document = BenchResults(
            wfmVersion: WFMVersion.number, glpkVersion: GLPKSolver.libraryVersion, machine: .current(), startedAt: started,
            timeLimitSeconds: timeLimitSeconds, relativeGap: relativeGap, repetitions: repetitions, instances: results, family: family)
        document.shard = shard.map { BenchShardInfo(shard: $0, solves: solves.map(\.name), positions: positions) }
        if let outputPath { try AtomicFileWriter.write(try JSONOutput.text(document), to: outputPath, overwrite: overwrite) }
        return document
    }

    /// The file a shard writes for `--json path`: `results.json` becomes
    /// `results.shard-2-of-4.json`.
    public static func shardPath(_ path: String, _ shard: Shard) -> String {
        let stem = path.hasSuffix(".json") ? String(path.dropLast(5)) : path
        return "\(stem).\(shard.fileTag).json"
    }

    /// Each solve's expected work (``ExpectedWork``), from its instance's size; family members
    /// weigh as their base.
    static func expectedWork(_ solves: [[String]]) throws -> [Double] {
        var cache: [String: Double] = [:]
        return try solves.map { arguments in
            let base = Array(arguments.prefix { $0 != "--family-seed" })
            let key = base.joined(separator: "\u{0}")
            if let work = cache[key] { return work }
            let problem = base.first == "--instance" ? try BenchInstances.standard(base[1])
                : try BenchInstances.user(configPath: base[1], requirementsPath: base[3])
            let weeks = base.firstIndex(of: "--weeks").flatMap { base.indices.contains($0 + 1) ? Double(base[$0 + 1]) : nil } ?? 1
            let work = weeks * ExpectedWork.of(agents: problem.agents.count, intervals: problem.grid.intervals.count, queues: problem.center.queues.count)
            cache[key] = work
            return work
        }
    }


    /// One solve in a child process; its standard output is the run's record as JSON. A solve
    /// that makes no roster is recorded as such (`no_roster`), not thrown: a baseline
    /// comparison then fails on it.
    private func solve(name: String, _ arguments: [String]) throws -> BenchRunRecord {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executablePath)
        process.arguments = ["bench", "solve"] + arguments + ["--time-limit", "\(timeLimitSeconds)s", "--gap", "\(relativeGap)"]
        // Standard error goes to a file, so that neither stream can fill its pipe while the
        // other is read.
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("wfm-bench-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let errors = try FileHandle(forWritingTo: errorFile)
        defer { try? errors.close() }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        let clock = ContinuousClock()
        let start = clock.now
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let message = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            let reason = message.split(separator: "\n").map { $0.replacingOccurrences(of: "error: ", with: "").trimmingCharacters(in: CharacterSet(charactersIn: " -")) }
                .filter { !$0.isEmpty && !$0.hasSuffix(":") }.joined(separator: "; ")
            return .failed(instance: name, wallSeconds: (clock.now - start).seconds, message: reason)
        }
        return try BenchJSON.decoder().decode(BenchRunRecord.self, from: data)
    }
}

/// Reading the JSON that ``JSONOutput`` writes.
public enum BenchJSON {
    /// A decoder for snake_case keys and `"inf"`/`"nan"` numbers.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }

    /// `value` as JSON, as every `--format json` output.
    public static func text(_ value: some Encodable) throws -> String { try JSONOutput.text(value) }

    /// Reads a results file.
    /// - Throws: ``InputError`` naming the file when it cannot be read or is not `wfm.bench/1`.
    public static func results(path: String) throws -> BenchResults {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(Diagnostic(file: path, line: nil, field: "file", problem: "cannot be read", expected: "a results file of wfm bench run --json"))
        }
        // The schema first: another wfm document (a report, a schedule summary) is named as such.
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw InputError(Diagnostic(file: path, line: nil, field: "file", problem: "is not a JSON object",
                                        expected: "JSON of schema \(BenchResults.schemaName), as wfm bench run --json writes"))
        }
        guard let schema = object["schema"] as? String, schema == BenchResults.schemaName else {
            let found = (object["schema"] as? String).map { "'\($0)' is not supported" } ?? "is missing"
            throw InputError(Diagnostic(file: path, line: nil, field: "schema", problem: found,
                                        expected: "\(BenchResults.schemaName), as wfm bench run --json writes"))
        }
        do {
            return try decoder().decode(BenchResults.self, from: data)
        } catch let error as DecodingError {
            throw InputError(Diagnostic(file: path, line: nil, field: Self.field(of: error), problem: Self.problem(of: error),
                                        expected: "a results file of wfm bench run --json, unedited"))
        }
    }

    /// Where a decoding error lies, as a JSON path (`instances[2].gap`).
    static func field(of error: DecodingError) -> String {
        let path: [CodingKey]
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context): path = context.codingPath
        case .keyNotFound(let key, let context): path = context.codingPath + [key]
        @unknown default: path = []
        }
        // Keys as the file spells them: the decoder's camelCase back to snake_case.
        let snake = { (key: String) in key.reduce(into: "") { $0 += $1.isUppercase ? "_" + $1.lowercased() : String($1) } }
        let text = path.map { $0.intValue.map { "[\($0)]" } ?? ".\(snake($0.stringValue))" }.joined()
        return text.isEmpty ? "file" : String(text.drop { $0 == "." })
    }

    /// What a decoding error says, in words.
    static func problem(of error: DecodingError) -> String {
        switch error {
        case .keyNotFound: "is missing"
        case .typeMismatch(let type, _): "is not a \(type)"
        case .valueNotFound(let type, _): "is null where a \(type) belongs"
        case .dataCorrupted(let context): context.debugDescription
        @unknown default: "cannot be read"
        }
    }
}
