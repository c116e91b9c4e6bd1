import WFMGLPK

/// The version `wfm --version` prints.
public enum WFMVersion {
    /// wfm's own version.
    public static let number = "0.5.0"

    /// `0.5.0 (GLPK 5.0)`: wfm's version and the GLPK library it runs on.
    public static var text: String { "\(number) (GLPK \(GLPKSolver.libraryVersion))" }
}
