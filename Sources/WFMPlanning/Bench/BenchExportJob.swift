import Foundation
import WFMGLPK
import WFMIO
import WFMOptimization
import WFMScheduling

/// `wfm bench export`: an instance's group model as MPS or CPLEX LP, for other solvers.
public struct BenchExportJob: Sendable {
    public var instance: String
    public var outputPath: String
    public var overwrite: Bool

    /// Creates the job; the format follows the file's extension (`.mps` or `.lp`).
    public init(instance: String, outputPath: String, overwrite: Bool = false) {
        self.instance = instance
        self.outputPath = outputPath
        self.overwrite = overwrite
    }

    /// Writes the model and returns its size in words.
    public func run() throws -> String {
        guard let format = ModelFileFormat(fileExtension: URL(fileURLWithPath: outputPath).pathExtension) else {
            throw PlanningError("\(outputPath): the model file must end in .mps or .lp")
        }
        try AtomicFileWriter.checkWritable(outputPath, overwrite: overwrite)
        let problem = try BenchInstances.standard(instance)
        let model = Scheduler<GLPKSolver>.groupModel(of: problem)
        try AtomicFileWriter.write(try model.exported(as: format), to: outputPath, overwrite: overwrite)
        return "\(model.variables.count) variables, \(model.constraints.count) rows"
    }
}
