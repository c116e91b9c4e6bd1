/// A cycle of weekly day-off patterns (`rotations:` in center.yaml): in cycle week k an agent
/// on the rotation is off on the weekdays of `daysOff[k]`. Agents of a contract that names the
/// rotation follow it, each from their own cycle week, so that the days off spread across the
/// team.
public struct Rotation: Sendable, Equatable, Identifiable {
    /// The rotation's id.
    public var id: String
    /// The day an agent at cycle week 1 begins it; the cycle repeats every
    /// `daysOff.count` weeks from there, before and after.
    public var start: LocalDate
    /// Per cycle week, the weekdays off.
    public var daysOff: [[Weekday]]

    /// Creates a rotation.
    /// - Precondition: `daysOff` is not empty (the reader checks it).
    public init(id: String, start: LocalDate, daysOff: [[Weekday]]) {
        precondition(!daysOff.isEmpty, "a rotation has at least one week")
        self.id = id
        self.start = start
        self.daysOff = daysOff
    }

    /// The cycle week (0-based) of `date` for an agent who was at cycle week `offset`
    /// (0-based) in the week from ``start``.
    public func cycleWeek(of date: LocalDate, offset: Int) -> Int {
        let weeksSinceStart = Int((Double(start.days(to: date)) / 7).rounded(.down))
        let length = daysOff.count
        return ((weeksSinceStart + offset) % length + length) % length
    }

    /// Whether `date` is a day off for an agent at cycle week `offset` in the rotation's first week.
    public func isDayOff(_ date: LocalDate, offset: Int) -> Bool {
        daysOff[cycleWeek(of: date, offset: offset)].contains(date.weekday)
    }
}

extension Center {
    /// Per agent on a rotation (its contract names one), the rotation and the agent's cycle
    /// offset (0-based): the agent's `rotation_week` from agents.csv less one, or else the
    /// agents of each rotation take cycle weeks 1, 2, … in agents.csv order, wrapping round,
    /// so that the days off spread evenly.
    public func rotationAssignments(of agents: [Agent]) -> [String: (rotation: Rotation, offset: Int)] {
        var next: [String: Int] = [:]
        var assigned: [String: (rotation: Rotation, offset: Int)] = [:]
        for agent in agents {
            guard let id = contracts.first(where: { $0.id == agent.contract })?.rotation,
                let rotation = rotations.first(where: { $0.id == id })
            else { continue }
            let automatic = next[id, default: 0]
            next[id] = automatic + 1
            let offset = agent.rotationWeek.map { $0 - 1 } ?? automatic
            assigned[agent.id] = (rotation, offset % rotation.daysOff.count)
        }
        return assigned
    }
}
