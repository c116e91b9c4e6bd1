/// A binary min-heap of simulation events, ordered by time, then kind, then subject, so that
/// simultaneous events are always taken in the same order.
struct EventHeap {
    /// What happens.
    enum Kind: UInt8 {
        case periodEnd = 0
        case completion = 1
        case periodStart = 2
        case arrival = 3
    }

    /// An event: when, what, and the agent or queue it concerns.
    struct Event {
        var time: Double
        var kind: Kind
        var subject: Int32

        @inline(__always) static func < (lhs: Event, rhs: Event) -> Bool {
            if lhs.time != rhs.time { return lhs.time < rhs.time }
            if lhs.kind != rhs.kind { return lhs.kind.rawValue < rhs.kind.rawValue }
            return lhs.subject < rhs.subject
        }
    }

    private var items: [Event] = []

    init(capacity: Int) { items.reserveCapacity(capacity) }

    var isEmpty: Bool { items.isEmpty }

    mutating func push(_ event: Event) {
        items.append(event)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child] < items[parent] else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the earliest event.
    mutating func pop() -> Event {
        let top = items[0]
        let last = items.removeLast()
        guard !items.isEmpty else { return top }
        items[0] = last
        var index = 0
        let count = items.count
        while true {
            let left = 2 * index + 1
            guard left < count else { break }
            let right = left + 1
            let smaller = right < count && items[right] < items[left] ? right : left
            guard items[smaller] < items[index] else { break }
            items.swapAt(index, smaller)
            index = smaller
        }
        return top
    }
}
