import Foundation
import WFMCore

/// Reads the rosters of the weeks before the one being planned (`--previous`, oldest first,
/// one week each, roster.csv as wfm writes it) into what they carry into that week.
public enum PreviousRostersReader {
    /// The most weeks of previous rosters read at once.
    public static let maximumWeeks = 6

    /// What `paths` carry into the week of `center.weekStart`: the last file must be the week
    /// just before it, the one before it the week before that, and so on.
    /// - Throws: ``InputError`` naming the file, line and field of every malformed row, and of
    ///   every shift dated outside the week its file must cover.
    public static func read(paths: [String], center: Center) throws -> PreviousRosters {
        guard !paths.isEmpty else { return .none }
        return PreviousRosters(shifts: try shifts(paths: paths, center: center), weekStart: center.weekStart, weeks: paths.count,
                               timeZone: center.timeZone, unpopularTemplates: Set(center.shiftTemplates.filter(\.unpopular).map(\.id)))
    }

    /// The shifts of `paths`, checked as ``read(paths:center:)`` checks them: for a horizon of
    /// weeks planned together, which carries them on week by week.
    /// - Throws: ``InputError`` as ``read(paths:center:)``.
    public static func shifts(paths: [String], center: Center) throws -> [RosterShift] {
        guard paths.count <= maximumWeeks else {
            throw InputError(Diagnostic(file: paths[maximumWeeks], line: nil, field: "--previous",
                                        problem: "\(paths.count) previous rosters given", expected: "at most \(maximumWeeks) weeks"))
        }
        var shifts: [RosterShift] = []
        for (index, path) in paths.enumerated() {
            let first = center.weekStart.adding(days: -7 * (paths.count - index))
            let last = first.adding(days: 6)
            var log = DiagnosticLog(file: path)
            for row in try RosterFiles.readLines(path: path, timeZone: center.timeZone) where !log.hasOverflowed {
                guard row.shift.date >= first, row.shift.date <= last else {
                    log.error(line: row.line, field: "date", "\(row.shift.date) is outside the week this previous roster must cover",
                              expected: "a date from \(first) to \(last), the week \(index == paths.count - 1 ? "just before the planned week of \(center.weekStart)" : "before the next --previous roster"); --previous rosters go oldest first, one week each")
                    continue
                }
                shifts.append(row.shift)
            }
            try log.throwIfErrors()
        }
        return shifts
    }
}
