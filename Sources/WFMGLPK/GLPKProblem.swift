internal import CGLPK
import WFMOptimization

/// Owns one GLPK problem object; `deinit` deletes it.
///
/// Every method wraps exactly one `glp_*` routine, named in its doc comment. Callers must
/// pass validated, 1-based indices in range: GLPK aborts the process on a bad argument.
/// One instance lives inside one synchronous solve on one thread (GLPK's state is per thread).
final class GLPKProblem {
    let pointer: OpaquePointer

    /// `glp_create_prob`
    init() {
        pointer = glp_create_prob()
    }

    /// `glp_delete_prob`
    deinit {
        glp_delete_prob(pointer)
    }

    /// `glp_set_prob_name`
    func setName(_ name: String) {
        glp_set_prob_name(pointer, name)
    }

    /// `glp_set_obj_dir`
    func setObjectiveDirection(_ sense: OptimizationSense) {
        glp_set_obj_dir(pointer, sense == .minimize ? GLP_MIN : GLP_MAX)
    }

    /// `glp_add_rows`; returns the 1-based index of the first new row.
    @discardableResult
    func addRows(_ count: Int32) -> Int32 {
        glp_add_rows(pointer, count)
    }

    /// `glp_add_cols`; returns the 1-based index of the first new column.
    @discardableResult
    func addColumns(_ count: Int32) -> Int32 {
        glp_add_cols(pointer, count)
    }

    /// `glp_set_row_name`
    func setRowName(_ row: Int32, _ name: String) {
        glp_set_row_name(pointer, row, name)
    }

    /// `glp_set_col_name`
    func setColumnName(_ column: Int32, _ name: String) {
        glp_set_col_name(pointer, column, name)
    }

    /// `glp_set_row_bnds`
    func setRowBounds(_ row: Int32, _ bounds: GLPKBounds) {
        glp_set_row_bnds(pointer, row, bounds.type, bounds.lower, bounds.upper)
    }

    /// `glp_set_col_bnds`
    func setColumnBounds(_ column: Int32, _ bounds: GLPKBounds) {
        glp_set_col_bnds(pointer, column, bounds.type, bounds.lower, bounds.upper)
    }

    /// `glp_set_col_kind`
    func setColumnKind(_ column: Int32, _ kind: VariableKind) {
        let glpKind: Int32 =
            switch kind {
            case .continuous: GLP_CV
            case .integer: GLP_IV
            case .binary: GLP_BV
            }
        glp_set_col_kind(pointer, column, glpKind)
    }

    /// `glp_set_obj_coef` (column 0 sets the constant term).
    func setObjectiveCoefficient(_ column: Int32, _ value: Double) {
        glp_set_obj_coef(pointer, column, value)
    }

    /// `glp_load_matrix`, from 1-based buffers whose element 0 is unused.
    func loadMatrix(_ matrix: GLPKSparseMatrix) {
        matrix.rows.withUnsafeBufferPointer { rows in
            matrix.columns.withUnsafeBufferPointer { columns in
                matrix.values.withUnsafeBufferPointer { values in
                    glp_load_matrix(pointer, matrix.count, rows.baseAddress, columns.baseAddress, values.baseAddress)
                }
            }
        }
    }

    /// `glp_get_col_type`, `glp_get_col_lb` and `glp_get_col_ub`: the bounds now in force.
    func columnBounds(_ column: Int32) -> GLPKBounds {
        let type = glp_get_col_type(pointer, column)
        let lower = [GLP_LO, GLP_DB, GLP_FX].contains(type) ? glp_get_col_lb(pointer, column) : -.infinity
        let upper = [GLP_UP, GLP_DB, GLP_FX].contains(type) ? glp_get_col_ub(pointer, column) : .infinity
        return GLPKBounds(lower: lower, upper: upper)
    }

    /// `glp_get_row_stat`
    func rowStatus(_ row: Int32) -> Int32 { glp_get_row_stat(pointer, row) }

    /// `glp_get_col_stat`
    func columnStatus(_ column: Int32) -> Int32 { glp_get_col_stat(pointer, column) }

    /// `glp_set_row_stat` (GLPK adjusts a non-basic status to the row's bounds).
    func setRowStatus(_ row: Int32, _ status: Int32) { glp_set_row_stat(pointer, row, status) }

    /// `glp_set_col_stat` (GLPK adjusts a non-basic status to the column's bounds).
    func setColumnStatus(_ column: Int32, _ status: Int32) { glp_set_col_stat(pointer, column, status) }

    /// `glp_simplex`; returns GLPK's return code.
    func simplex(_ parameters: inout glp_smcp) -> Int32 {
        glp_simplex(pointer, &parameters)
    }

    /// `glp_adv_basis`: a crash basis for the first simplex solve (far fewer iterations than
    /// the all-slack basis on roster models).
    func buildAdvancedBasis() {
        glp_adv_basis(pointer, 0)
    }

    /// `glp_interior`; returns GLPK's return code.
    func interiorPoint() -> Int32 {
        var parameters = glp_iptcp()
        glp_init_iptcp(&parameters)
        parameters.msg_lev = GLP_MSG_OFF
        return glp_interior(pointer, &parameters)
    }

    /// `glp_ipt_status`
    var interiorStatus: Int32 { glp_ipt_status(pointer) }

    /// `glp_ipt_obj_val`
    var interiorObjective: Double { glp_ipt_obj_val(pointer) }

    /// `glp_ipt_col_prim`
    func interiorColumnValue(_ column: Int32) -> Double {
        glp_ipt_col_prim(pointer, column)
    }

    /// `glp_ipt_row_dual`
    func interiorRowDual(_ row: Int32) -> Double {
        glp_ipt_row_dual(pointer, row)
    }

    /// `glp_get_status`
    var lpStatus: Int32 { glp_get_status(pointer) }

    /// `glp_get_obj_val`
    var lpObjective: Double { glp_get_obj_val(pointer) }

    /// `glp_get_col_prim`
    func lpColumnValue(_ column: Int32) -> Double {
        glp_get_col_prim(pointer, column)
    }

    /// `glp_get_row_dual`
    func lpRowDual(_ row: Int32) -> Double {
        glp_get_row_dual(pointer, row)
    }

    /// `glp_intopt`; returns GLPK's return code.
    func integerOptimize(_ parameters: inout glp_iocp) -> Int32 {
        glp_intopt(pointer, &parameters)
    }

    /// `glp_mip_status`
    var mipStatus: Int32 { glp_mip_status(pointer) }

    /// `glp_mip_obj_val`
    var mipObjective: Double { glp_mip_obj_val(pointer) }

    /// `glp_mip_col_val`
    func mipColumnValue(_ column: Int32) -> Double {
        glp_mip_col_val(pointer, column)
    }

    /// `glp_get_num_cols`
    var columnCount: Int32 { glp_get_num_cols(pointer) }

    /// `glp_get_num_rows`
    var rowCount: Int32 { glp_get_num_rows(pointer) }

    /// `glp_get_num_int`
    var integerColumnCount: Int32 { glp_get_num_int(pointer) }

    /// `glp_read_mps` (free format); returns 0 on success.
    func readFreeMPS(path: String) -> Int32 {
        glp_read_mps(pointer, GLP_MPS_FILE, nil, path)
    }

    /// `glp_read_lp`; returns 0 on success.
    func readCPLEXLP(path: String) -> Int32 {
        glp_read_lp(pointer, nil, path)
    }
}

/// A bound pair in GLPK's terms (type `GLP_FR`, `GLP_LO`, `GLP_UP`, `GLP_DB` or `GLP_FX`).
struct GLPKBounds {
    let type: Int32
    let lower: Double
    let upper: Double

    /// Maps `lower...upper` (infinite for none) to GLPK's bound type; `lower ≤ upper` required.
    init(lower: Double, upper: Double) {
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): (type, self.lower, self.upper) = (GLP_FR, 0, 0)
        case (true, false): (type, self.lower, self.upper) = (GLP_LO, lower, 0)
        case (false, true): (type, self.lower, self.upper) = (GLP_UP, 0, upper)
        case (true, true) where lower == upper: (type, self.lower, self.upper) = (GLP_FX, lower, upper)
        case (true, true): (type, self.lower, self.upper) = (GLP_DB, lower, upper)
        }
    }
}

/// The constraint matrix as the three 1-based arrays `glp_load_matrix` wants.
struct GLPKSparseMatrix {
    private(set) var rows: [Int32] = [0]
    private(set) var columns: [Int32] = [0]
    private(set) var values: [Double] = [0]

    /// The number of nonzeros.
    /// The number of nonzeros; ``GLPKModelLoader`` checks it fits in `Int32` before building.
    var count: Int32 { Int32(truncatingIfNeeded: rows.count - 1) }

    mutating func append(row: Int32, column: Int32, value: Double) {
        rows.append(row)
        columns.append(column)
        values.append(value)
    }

    mutating func reserve(_ nonzeros: Int) {
        rows.reserveCapacity(nonzeros + 1)
        columns.reserveCapacity(nonzeros + 1)
        values.reserveCapacity(nonzeros + 1)
    }
}

/// GLPK's routines that belong to no problem object: the library, the calling thread's
/// environment and the parameter blocks. Each wraps exactly one `glp_*` routine.
enum GLPKLibrary {
    /// `glp_version`: the linked library's version, e.g. "5.0".
    static var version: String { String(cString: glp_version()) }

    /// `glp_term_out`: GLPK's terminal output for the calling thread.
    static func setTerminalOutput(_ on: Bool) {
        glp_term_out(on ? GLP_ON : GLP_OFF)
    }

    /// `glp_free_env`: frees the calling thread's environment.
    static func freeEnvironment() {
        _ = glp_free_env()
    }

    /// `glp_init_smcp`: the simplex parameters at GLPK's defaults.
    static func defaultSimplexParameters() -> glp_smcp {
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        return parameters
    }

    /// `glp_init_iocp`: the branch-and-bound parameters at GLPK's defaults.
    static func defaultIntegerParameters() -> glp_iocp {
        var parameters = glp_iocp()
        glp_init_iocp(&parameters)
        return parameters
    }
}

/// The branch-and-bound tree `glp_intopt` hands its callback. Each method wraps exactly one
/// `glp_ios_*` routine; valid only during the callback.
struct GLPKSearchTree {
    let pointer: OpaquePointer

    /// `glp_ios_reason`: whether the callback is asked to select a subproblem.
    var isSelecting: Bool { glp_ios_reason(pointer) == GLP_ISELECT }

    /// `glp_ios_reason`: whether the callback is asked for a heuristic solution.
    var isAskingForHeuristicSolution: Bool { glp_ios_reason(pointer) == GLP_IHEUR }

    /// `glp_ios_heur_sol`: offers an integer-feasible point (values by column, in column
    /// order) as a new incumbent; GLPK keeps it if it is feasible and better than the one it
    /// has.
    func offer(_ values: [Double]) {
        var columns = [0.0] + values
        _ = glp_ios_heur_sol(pointer, &columns)
    }

    /// `glp_ios_terminate`: ends the search.
    func terminate() {
        glp_ios_terminate(pointer)
    }

    /// `glp_get_it_cnt` of the problem being solved: simplex iterations so far.
    var iterations: Int { Int(glp_get_it_cnt(glp_ios_get_prob(pointer))) }

    /// `glp_ios_best_node`: the active node with the best bound, or 0 if none.
    func bestNode() -> Int32 {
        glp_ios_best_node(pointer)
    }

    /// `glp_ios_node_bound`
    func nodeBound(_ node: Int32) -> Double {
        glp_ios_node_bound(pointer, node)
    }
}
