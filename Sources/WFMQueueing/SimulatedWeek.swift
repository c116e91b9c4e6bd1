import Foundation
import WFMCore

/// The state of one replication of ``ContactCenterSimulator``.
struct SimulatedWeek {
    private struct WaitingCall {
        var arrival: Double
        var deadline: Double
        var interval: Int32
    }

    private struct IdleEntry {
        var agent: Int32
        var since: Double
        var stamp: UInt32
    }

    /// A first-in, first-out list that drops its consumed head now and then.
    private struct FIFO<Element> {
        var items: [Element] = []
        var head = 0
        var isEmpty: Bool { head == items.count }
        var first: Element { items[head] }
        mutating func append(_ item: Element) { items.append(item) }
        mutating func removeFirst() {
            head += 1
            if head >= 1024, head * 2 >= items.count {
                items.removeFirst(head)
                head = 0
            }
        }
    }

    private enum Status: UInt8 { case off, idle, busy }

    private let model: ContactCenterModel
    private let intervalSeconds: Double
    private let intervalCount: Int
    private let weekEnd: Double
    private var random: SeededGenerator
    private var events: EventHeap
    private(set) var tally: SimulationTally

    private var waiting: [FIFO<WaitingCall>]
    private var arrivalInterval: [Int]
    private let lognormal: (mu: Double, sigma: Double)?

    private let agentGroup: [Int]
    /// Per agent: queue indices grouped by priority level, best level first.
    private let priorityLevels: [[[Int]]]
    private let groupsOfQueue: [[Int]]
    private var idle: [FIFO<IdleEntry>]
    private var status: [Status]
    private var stamp: [UInt32]
    private var onPhone: [Bool]
    private var nextPeriod: [Int]
    /// Per agent: the length of the activity to take once the current call ends, if any.
    private var postponedGap: [Double?]
    private let periods: [[Range<Double>]]

    init(model: ContactCenterModel, seed: UInt64) {
        self.model = model
        intervalSeconds = model.intervalSeconds
        intervalCount = model.intervalCount
        weekEnd = Double(model.intervalCount) * model.intervalSeconds
        random = SeededGenerator(seed: seed)
        events = EventHeap(capacity: 4 * model.agents.count + model.queues.count + 16)
        tally = SimulationTally(queues: model.queues.count, intervals: model.intervalCount)
        waiting = Array(repeating: FIFO(), count: model.queues.count)
        arrivalInterval = Array(repeating: 0, count: model.queues.count)
        if model.handleTimeCV == 1 {
            lognormal = nil
        } else {
            let variance = log(1 + model.handleTimeCV * model.handleTimeCV)
            lognormal = (-variance / 2, variance.squareRoot())
        }
        var groupIndex: [[Int]: Int] = [:]
        var groupQueues: [[Int]] = []
        var agentGroup: [Int] = []
        var levels: [[[Int]]] = []
        for agent in model.agents {
            let queues = Array(Set(agent.skills.map(\.queue))).sorted()
            let group = groupIndex[queues] ?? {
                groupQueues.append(queues)
                groupIndex[queues] = groupQueues.count - 1
                return groupQueues.count - 1
            }()
            agentGroup.append(group)
            let byPriority = Dictionary(grouping: agent.skills, by: \.priority)
            levels.append(byPriority.keys.sorted().map { byPriority[$0]!.map(\.queue).sorted() })
        }
        self.agentGroup = agentGroup
        priorityLevels = levels
        groupsOfQueue = model.queues.indices.map { queue in groupQueues.indices.filter { groupQueues[$0].contains(queue) } }
        idle = Array(repeating: FIFO(), count: groupQueues.count)
        status = Array(repeating: .off, count: model.agents.count)
        stamp = Array(repeating: 0, count: model.agents.count)
        onPhone = Array(repeating: false, count: model.agents.count)
        nextPeriod = Array(repeating: 0, count: model.agents.count)
        postponedGap = Array(repeating: nil, count: model.agents.count)
        periods = model.agents.map { Self.merged($0.onPhone) }
    }

    /// Periods with touching neighbours joined, empty ones dropped.
    private static func merged(_ periods: [Range<Double>]) -> [Range<Double>] {
        var result: [Range<Double>] = []
        for period in periods where !period.isEmpty {
            if let last = result.last, last.upperBound >= period.lowerBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, period.upperBound)
            } else {
                result.append(period)
            }
        }
        return result
    }

    mutating func run() {
        for agent in periods.indices where !periods[agent].isEmpty {
            events.push(.init(time: periods[agent][0].lowerBound, kind: .periodStart, subject: Int32(agent)))
        }
        for queue in model.queues.indices { scheduleArrival(queue: queue, after: 0) }
        while !events.isEmpty {
            let event = events.pop()
            let subject = Int(event.subject)
            switch event.kind {
            case .arrival: arrive(queue: subject, at: event.time)
            case .completion: complete(agent: subject, at: event.time)
            case .periodStart: startPeriod(agent: subject, at: event.time)
            case .periodEnd: endPeriod(agent: subject, at: event.time)
            }
        }
        for queue in waiting.indices {
            while !waiting[queue].isEmpty {
                let call = waiting[queue].first
                if call.deadline.isFinite { countAbandon(call, queue: queue) }
                waiting[queue].removeFirst()
            }
        }
    }

    // MARK: arrivals

    /// Pushes the queue's next arrival after `time`, walking through intervals of a
    /// piecewise-constant rate with one exponential draw of unit mean.
    private mutating func scheduleArrival(queue: Int, after time: Double) {
        var clock = time
        var interval = arrivalInterval[queue]
        var remaining = random.nextExponential(mean: 1)
        let calls = model.queues[queue].calls
        while interval < intervalCount {
            let rate = calls[interval] / intervalSeconds
            let end = Double(interval + 1) * intervalSeconds
            if rate > 0 {
                let step = remaining / rate
                if clock + step < end {
                    arrivalInterval[queue] = interval
                    events.push(.init(time: clock + step, kind: .arrival, subject: Int32(queue)))
                    return
                }
                remaining -= rate * (end - clock)
            }
            clock = end
            interval += 1
        }
        arrivalInterval[queue] = intervalCount
    }

    private mutating func arrive(queue: Int, at time: Double) {
        let interval = arrivalInterval[queue]
        tally.offered[tally.slot(queue: queue, interval: interval)] += 1
        let patience = model.queues[queue].patienceSeconds.map { random.nextExponential(mean: $0) } ?? .infinity
        let call = WaitingCall(arrival: time, deadline: time + patience, interval: Int32(interval))
        if let agent = takeLongestIdleAgent(for: queue) {
            serve(call, queue: queue, agent: agent, at: time)
        } else {
            waiting[queue].append(call)
        }
        scheduleArrival(queue: queue, after: time)
    }

    // MARK: agents

    private mutating func takeLongestIdleAgent(for queue: Int) -> Int? {
        var best: (group: Int, since: Double)?
        for group in groupsOfQueue[queue] {
            while !idle[group].isEmpty {
                let entry = idle[group].first
                if stamp[Int(entry.agent)] == entry.stamp { break }
                idle[group].removeFirst()
            }
            guard !idle[group].isEmpty else { continue }
            let since = idle[group].first.since
            if best == nil || since < best!.since { best = (group, since) }
        }
        guard let best else { return nil }
        let agent = Int(idle[best.group].first.agent)
        idle[best.group].removeFirst()
        stamp[agent] &+= 1
        return agent
    }

    /// The agent takes a waiting call, or joins the idle agents.
    private mutating func becomeAvailable(agent: Int, at time: Double) {
        for level in priorityLevels[agent] {
            var chosen: Int?
            for queue in level {
                dropAbandoned(queue: queue, at: time)
                guard !waiting[queue].isEmpty else { continue }
                if chosen == nil || waiting[queue].first.arrival < waiting[chosen!].first.arrival { chosen = queue }
            }
            if let chosen {
                let call = waiting[chosen].first
                waiting[chosen].removeFirst()
                serve(call, queue: chosen, agent: agent, at: time)
                return
            }
        }
        status[agent] = .idle
        stamp[agent] &+= 1
        idle[agentGroup[agent]].append(IdleEntry(agent: Int32(agent), since: time, stamp: stamp[agent]))
    }

    private mutating func serve(_ call: WaitingCall, queue: Int, agent: Int, at time: Double) {
        let slot = tally.slot(queue: queue, interval: Int(call.interval))
        let wait = time - call.arrival
        tally.answered[slot] += 1
        tally.answeredWaitSeconds[slot] += wait
        if wait <= model.queues[queue].thresholdSeconds { tally.answeredOnTime[slot] += 1 }
        status[agent] = .busy
        let mean = model.queues[queue].ahtSeconds[Int(call.interval)]
        events.push(.init(time: time + handleTime(mean: mean), kind: .completion, subject: Int32(agent)))
    }

    private mutating func handleTime(mean: Double) -> Double {
        guard let lognormal else { return random.nextExponential(mean: mean) }
        let u1 = random.nextUnitInterval(), u2 = random.nextUnitInterval()
        let normal = (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
        return mean * exp(lognormal.mu + lognormal.sigma * normal)
    }

    private mutating func complete(agent: Int, at time: Double) {
        if onPhone[agent] {
            becomeAvailable(agent: agent, at: time)
            return
        }
        status[agent] = .off
        if let gap = postponedGap[agent] {
            postponedGap[agent] = nil
            scheduleNextPeriod(agent: agent, at: time + gap)
        }
    }

    private mutating func startPeriod(agent: Int, at time: Double) {
        let period = periods[agent][nextPeriod[agent]]
        guard time < period.upperBound else {
            // An activity taken late swallowed this whole period; the activity after it is
            // still taken in full.
            nextPeriod[agent] += 1
            let gap = nextPeriod[agent] < periods[agent].count ? periods[agent][nextPeriod[agent]].lowerBound - period.upperBound : 0
            scheduleNextPeriod(agent: agent, at: gap < model.activityGapLimitSeconds ? time + gap : time)
            return
        }
        onPhone[agent] = true
        events.push(.init(time: period.upperBound, kind: .periodEnd, subject: Int32(agent)))
        if status[agent] != .busy { becomeAvailable(agent: agent, at: time) }
    }

    /// A period ends. An agent still on a call finishes it first; if the gap that follows is
    /// an activity (a break, a lunch, shrinkage: shorter than
    /// ``ContactCenterModel/activityGapLimitSeconds``), they then take it in full, so the next
    /// period starts late; after a longer gap (the end of a shift) they come back on time.
    private mutating func endPeriod(agent: Int, at time: Double) {
        onPhone[agent] = false
        let ended = periods[agent][nextPeriod[agent]]
        nextPeriod[agent] += 1
        let next = nextPeriod[agent] < periods[agent].count ? periods[agent][nextPeriod[agent]].lowerBound : nil
        switch status[agent] {
        case .busy:
            if let next, next - ended.upperBound < model.activityGapLimitSeconds {
                postponedGap[agent] = next - ended.upperBound
                return
            }
        case .idle:
            status[agent] = .off
            stamp[agent] &+= 1
        case .off:
            break
        }
        if let next { events.push(.init(time: next, kind: .periodStart, subject: Int32(agent))) }
    }

    /// Pushes the start of the agent's next period, at its planned time or `earliest` if later.
    private mutating func scheduleNextPeriod(agent: Int, at earliest: Double) {
        guard nextPeriod[agent] < periods[agent].count else { return }
        let planned = periods[agent][nextPeriod[agent]].lowerBound
        events.push(.init(time: max(planned, earliest), kind: .periodStart, subject: Int32(agent)))
    }

    // MARK: abandonment

    /// Callers at the head of the queue whose patience ran out before `time` hung up then.
    private mutating func dropAbandoned(queue: Int, at time: Double) {
        while !waiting[queue].isEmpty, waiting[queue].first.deadline < time {
            countAbandon(waiting[queue].first, queue: queue)
            waiting[queue].removeFirst()
        }
    }

    private mutating func countAbandon(_ call: WaitingCall, queue: Int) {
        let slot = tally.slot(queue: queue, interval: Int(call.interval))
        tally.abandoned[slot] += 1
        if call.deadline - call.arrival <= model.shortAbandonSeconds { tally.abandonedShort[slot] += 1 }
    }
}
