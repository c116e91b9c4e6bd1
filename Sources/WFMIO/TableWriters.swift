import Foundation
import WFMCore

/// Renders forecast.csv and requirements.csv (DESIGN.md §4); timestamps carry their UTC offset
/// so that the hour repeated at the end of DST stays unambiguous.
public enum TableWriters {
    /// forecast.csv text, rows in the given order.
    public static func forecastCSV(_ entries: [ForecastEntry], grid: TimeGrid) -> String {
        let levels = entries.first { !$0.quantiles.isEmpty }?.quantiles.map(\.probability) ?? []
        var text = CSVFormatting.line(["interval_start", "queue", "calls", "aht_seconds"] + levels.map(ForecastReader.quantileColumn))
        for entry in entries {
            let quantiles = levels.map { level in entry.quantiles.first { $0.probability == level }.map { CSVFormatting.number($0.calls, digits: 3) } ?? "" }
            text += CSVFormatting.line([
                Timestamp.format(grid.intervals[entry.interval].start, in: grid.timeZone), entry.queue,
                CSVFormatting.number(entry.calls, digits: 3), CSVFormatting.number(entry.ahtSeconds, digits: 1),
            ] + quantiles)
        }
        return text
    }

    /// requirements.csv text, rows in the given order; staffing for a percentile of the
    /// forecast adds `calls_staffed` and `agents_scheduled_point` (``IntervalRequirement/staffedCalls``).
    public static func requirementsCSV(_ rows: [IntervalRequirement], grid: TimeGrid) -> String {
        let risk = rows.contains { $0.staffedCalls != nil }
        var text = CSVFormatting.line([
            "interval_start", "queue", "calls", "aht_seconds", "erlangs", "agents_productive", "agents_scheduled",
            "service_level", "asa_seconds", "occupancy", "abandon_rate", "binding",
        ] + (risk ? ["calls_staffed", "agents_scheduled_point"] : []))
        for row in rows {
            text += CSVFormatting.line([
                Timestamp.format(grid.intervals[row.interval].start, in: grid.timeZone), row.queue,
                CSVFormatting.number(row.calls, digits: 3), CSVFormatting.number(row.ahtSeconds, digits: 1),
                CSVFormatting.number(row.erlangs, digits: 4), String(row.agentsProductive), String(row.agentsScheduled),
                CSVFormatting.number(row.serviceLevel, digits: 4), CSVFormatting.number(row.asaSeconds, digits: 2),
                CSVFormatting.number(row.occupancy, digits: 4), CSVFormatting.number(row.abandonRate, digits: 4), row.binding,
            ] + (risk ? [row.staffedCalls.map { CSVFormatting.number($0, digits: 3) } ?? "", row.pointAgentsScheduled.map(String.init) ?? ""] : []))
        }
        return text
    }
}

extension TableWriters {
    /// history.csv text: local timestamps, with the UTC offset only where the wall-clock time
    /// occurs twice (the hour repeated when DST ends).
    public static func historyCSV(_ records: [HistoryRecord], timeZone: TimeZone) -> String {
        let withAHT = records.contains { $0.ahtSeconds != nil }
        var text = CSVFormatting.line(["timestamp", "queue", "calls"] + (withAHT ? ["aht_seconds"] : []))
        for record in records {
            let ambiguous = record.local.instants(in: timeZone).count > 1
            let stamp = ambiguous ? Timestamp.format(record.start, in: timeZone) : record.local.description
            let aht = record.ahtSeconds.map { CSVFormatting.number($0, digits: 1) } ?? ""
            text += CSVFormatting.line([stamp, record.queue, CSVFormatting.number(record.calls, digits: 3)] + (withAHT ? [aht] : []))
        }
        return text
    }
}

extension TableWriters {
    /// agents.csv text: `id,name,contract,skills,unavailable,preferences`.
    public static func agentsCSV(_ agents: [Agent]) -> String {
        var text = CSVFormatting.line(["id", "name", "contract", "skills", "unavailable", "preferences"])
        for agent in agents {
            let skills = agent.skills.map { skill in skill.priority.map { "\(skill.queue):\($0)" } ?? skill.queue }
            text += CSVFormatting.line([
                agent.id, agent.name, agent.contract, skills.joined(separator: ";"),
                agent.unavailable.map(\.description).joined(separator: ";"),
                agent.preferences.map(\.description).joined(separator: ";"),
            ])
        }
        return text
    }
}
