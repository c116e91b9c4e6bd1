/// A day of the week, Monday first (ISO 8601), spelled as in center.yaml (`mon` … `sun`).
public enum Weekday: String, CaseIterable, Sendable, Codable, Comparable {
    case mon, tue, wed, thu, fri, sat, sun

    /// The weekday for an ISO number, 1 = Monday … 7 = Sunday.
    public init?(isoNumber: Int) {
        guard (1...7).contains(isoNumber) else { return nil }
        self = Weekday.allCases[isoNumber - 1]
    }

    /// 1 = Monday … 7 = Sunday.
    public var isoNumber: Int { Weekday.allCases.firstIndex(of: self)! + 1 }

    /// Saturday or Sunday.
    public var isWeekend: Bool { self == .sat || self == .sun }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.isoNumber < rhs.isoNumber }
}
