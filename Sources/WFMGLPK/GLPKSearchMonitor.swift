/// Receives `glp_intopt`'s callback: remembers the best bound of the open nodes, so a search
/// stopped by a time, gap or node limit can still report its bound, and ends the search after
/// `nodeLimit` subproblems or `iterationLimit` simplex iterations; offers a starting point as
/// the first incumbent.
///
/// Lives only for the duration of one `glp_intopt` call, on the calling thread.
final class GLPKSearchMonitor {
    /// The best bound among the active nodes at the last callback, if any was seen.
    private(set) var bestBound: Double?
    /// Subproblems selected so far.
    private(set) var nodes = 0
    /// Simplex iterations at the last callback.
    private(set) var iterations = 0
    private let nodeLimit: Int?
    private let iterationLimit: Int?
    /// Whether the search was ended by either budget.
    private(set) var budgetEnded = false
    /// Offered at the first request for a heuristic solution, then dropped.
    private var startingPoint: [Double]?

    init(nodeLimit: Int?, iterationLimit: Int? = nil, startingPoint: [Double]? = nil) {
        self.nodeLimit = nodeLimit
        self.iterationLimit = iterationLimit
        self.startingPoint = startingPoint
    }

    /// The C callback for `glp_iocp.cb_func`; `info` is an unretained monitor.
    static let callback: @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?) -> Void = { tree, info in
        guard let tree, let info else { return }
        let monitor = Unmanaged<GLPKSearchMonitor>.fromOpaque(info).takeUnretainedValue()
        monitor.observe(tree)
    }

    private func observe(_ pointer: OpaquePointer) {
        let tree = GLPKSearchTree(pointer: pointer)
        iterations = tree.iterations
        if let point = startingPoint, tree.isAskingForHeuristicSolution {
            startingPoint = nil
            tree.offer(point)
        }
        let node = tree.bestNode()
        if node != 0 { bestBound = tree.nodeBound(node) }
        guard tree.isSelecting else { return }
        nodes += 1
        // The first subproblem's search runs until the starting point has been offered.
        guard startingPoint == nil else { return }
        if let nodeLimit, nodes >= nodeLimit { budgetEnded = true }
        if let iterationLimit, iterations >= iterationLimit { budgetEnded = true }
        if budgetEnded { tree.terminate() }
    }
}
