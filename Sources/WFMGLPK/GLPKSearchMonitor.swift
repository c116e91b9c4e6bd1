internal import CGLPK

/// Receives `glp_intopt`'s callback: remembers the best bound of the open nodes, so a search
/// stopped by a time, gap or node limit can still report its bound, and ends the search after
/// `nodeLimit` subproblems.
///
/// Lives only for the duration of one `glp_intopt` call, on the calling thread.
final class GLPKSearchMonitor {
    /// The best bound among the active nodes at the last callback, if any was seen.
    private(set) var bestBound: Double?
    /// Subproblems selected so far.
    private(set) var nodes = 0
    private let nodeLimit: Int?

    init(nodeLimit: Int?) { self.nodeLimit = nodeLimit }

    /// The C callback for `glp_iocp.cb_func`; `info` is an unretained monitor.
    static let callback: @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?) -> Void = { tree, info in
        guard let tree, let info else { return }
        let monitor = Unmanaged<GLPKSearchMonitor>.fromOpaque(info).takeUnretainedValue()
        monitor.observe(tree)
    }

    private func observe(_ tree: OpaquePointer) {
        let node = bestNode(tree)
        if node != 0 { bestBound = nodeBound(tree, node) }
        guard glp_ios_reason(tree) == GLP_ISELECT else { return }
        nodes += 1
        if let nodeLimit, nodes >= nodeLimit { glp_ios_terminate(tree) }
    }

    /// `glp_ios_best_node`: the active node with the best bound, or 0 if none.
    private func bestNode(_ tree: OpaquePointer) -> Int32 {
        glp_ios_best_node(tree)
    }

    /// `glp_ios_node_bound`
    private func nodeBound(_ tree: OpaquePointer, _ node: Int32) -> Double {
        glp_ios_node_bound(tree, node)
    }
}
