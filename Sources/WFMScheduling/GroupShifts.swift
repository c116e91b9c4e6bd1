import WFMCore
import WFMOptimization

/// One shift of a group's first-stage solution, with its breaks placed (interval indices).
struct PlannedShift: Hashable {
    let shift: GridShift
    let breakStarts: [Int]
}

/// Turns the first-stage solution into shifts per group: counts are rounded, and each
/// template-day's breaks are matched to its shifts in start order — the order the cumulative
/// break rows guarantee to be feasible.
enum GroupShifts {
    /// The planned shifts of each group (indexed by group), in time order.
    static func decode(_ roster: GroupRosterModel, values: [Double], groups: [AgentGroup], intervalMinutes: Int) -> [[PlannedShift]] {
        var result = Array(repeating: [PlannedShift](), count: groups.count)
        let shiftsByKey = Dictionary(grouping: roster.shifts) { "\($0.group)|\($0.shift.template.id)|\($0.shift.day)" }
        let breaksByKey = Dictionary(grouping: roster.breaks) { "\($0.group)|\($0.templateID)|\($0.day)" }
        for key in shiftsByKey.keys.sorted() {
            let variables = shiftsByKey[key]!.sorted { $0.shift.startIndex < $1.shift.startIndex }
            var instances: [GridShift] = []
            for variable in variables {
                let count = Int(values[variable.variable.index].rounded())
                instances += Array(repeating: variable.shift, count: max(0, count))
            }
            guard let first = instances.first else { continue }
            let template = first.template
            var placed = Array(repeating: [Int](), count: instances.count)
            for (k, rule) in template.breaks.enumerated() {
                let positions = (breaksByKey[key] ?? []).filter { $0.breakIndex == k }.sorted { $0.position < $1.position }
                    .flatMap { Array(repeating: $0.position, count: max(0, Int(values[$0.variable.index].rounded()))) }
                for (index, instance) in instances.enumerated() {
                    let window = instance.breakWindow(rule, intervalMinutes: intervalMinutes)
                    let position = index < positions.count ? positions[index] : window.lowerBound
                    placed[index].append(window.contains(position) ? position : window.lowerBound)
                }
            }
            result[variables[0].group] += zip(instances, placed).map { PlannedShift(shift: $0, breakStarts: $1) }
        }
        return result.map { $0.sorted { ($0.shift.startIndex, $0.shift.template.id) < ($1.shift.startIndex, $1.shift.template.id) } }
    }
}
