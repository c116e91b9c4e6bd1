import Foundation
import Testing
import _WFMTestSupport

/// One malformed input: a copy of the small fixture (Inputs/small) with one file edited, the
/// command that reads it, and what it must answer: the exit code, the `file:line: field` (or
/// usage message) in its error, and no output file.
struct MalformedInput: Sendable, CustomTestStringConvertible {
    /// The command run on the edited copy; its output goes to `out.csv` in the copy.
    enum Command: Sendable {
        case forecast, staff, schedule
        /// `wfm report`, writing its files to the folder `out` in the copy.
        case report
        /// Any arguments; `{dir}` stands for the copy's folder.
        case arguments([String])
    }

    /// How the file is edited.
    enum Edit: Sendable {
        /// The first occurrence of the text is replaced.
        case replace(String, String)
        /// The whole file is replaced.
        case whole(String)
        /// A line is added at the end.
        case append(String)
        /// The whole file is replaced by these bytes.
        case bytes([UInt8])
    }

    let name: String
    let command: Command
    let file: String
    let edit: Edit
    /// Found in standard error, e.g. `forecast.csv:2: calls:`.
    let expected: String
    var status: Int32 = 1

    var testDescription: String { name }
}

/// The corpus: every input file and every command, each malformed input answered with a clear
/// error naming file, line and field, exit 1 (64 for flags), and nothing written.
@Suite(.serialized) struct MalformedInputCorpusTests {
    static let fixture = ["center.yaml", "agents.csv", "history.csv", "forecast.csv", "requirements.csv", "roster.csv"]

    static let corpus: [MalformedInput] = centerCases + forecastCases + requirementsCases + agentsCases + historyCases + flagCases
        + rosterCases + reportSettingsCases

    static let centerCases: [MalformedInput] = [
        .init(name: "interval not supported", command: .staff, file: "center.yaml", edit: .replace("interval_minutes: 60", "interval_minutes: 7"),
              expected: "center.yaml:7: interval_minutes: 7 is not supported"),
        .init(name: "interval 1e308", command: .staff, file: "center.yaml", edit: .replace("interval_minutes: 60", "interval_minutes: 1e308"),
              expected: "center.yaml:7: interval_minutes:"),
        .init(name: "unknown time zone", command: .staff, file: "center.yaml", edit: .replace("Europe/Amsterdam", "Mars/Olympus"),
              expected: "center.yaml:6: timezone: 'Mars/Olympus' is not a known time zone"),
        .init(name: "bad week start", command: .staff, file: "center.yaml", edit: .replace("week_start: 2026-11-30", "week_start: 2026-13-01"),
              expected: "center.yaml:8: week_start:"),
        .init(name: "opening off the grid", command: .staff, file: "center.yaml", edit: .replace("mon: \"08:00-18:00\"", "mon: \"08:07-18:00\""),
              expected: "center.yaml:12: opening_hours.mon: 08:07-18:00 does not fall on the 60-minute interval grid"),
        .init(name: "opening backwards", command: .staff, file: "center.yaml", edit: .replace("tue: \"08:00-18:00\"", "tue: \"18:00-08:00\""),
              expected: "center.yaml:13: opening_hours.tue: '18:00-08:00' is not an opening range"),
        .init(name: "no queues", command: .staff, file: "center.yaml",
              edit: .replace("  - id: support\n    aht_seconds: 300\n    service_level: {target: 0.80, within_seconds: 20}\n", "  []\n"),
              expected: "center.yaml:20: queues:"),
        .init(name: "negative AHT", command: .staff, file: "center.yaml", edit: .replace("aht_seconds: 300", "aht_seconds: -5"),
              expected: "center.yaml:21: queues[0].aht_seconds: -5 is out of range"),
        .init(name: "AHT 1e308", command: .staff, file: "center.yaml", edit: .replace("aht_seconds: 300", "aht_seconds: 1e308"),
              expected: "center.yaml:21: queues[0].aht_seconds:"),
        .init(name: "target as a percent", command: .staff, file: "center.yaml", edit: .replace("target: 0.80", "target: 80"),
              expected: "center.yaml:22: queues[0].service_level.target:"),
        .init(name: "threshold 1e308", command: .staff, file: "center.yaml", edit: .replace("within_seconds: 20", "within_seconds: 1e308"),
              expected: "center.yaml:22: queues[0].service_level.within_seconds:"),
        .init(name: "duplicated key", command: .staff, file: "center.yaml", edit: .replace("shrinkage: 0\n", "shrinkage: 0\nshrinkage: 0.1\n"),
              expected: "center.yaml:24: shrinkage: is given twice in one mapping"),
        .init(name: "shrinkage above 1", command: .staff, file: "center.yaml", edit: .replace("shrinkage: 0\n", "shrinkage: 1.5\n"),
              expected: "center.yaml:23: shrinkage:"),
        .init(name: "contract without templates", command: .schedule, file: "center.yaml", edit: .replace("templates: [day8]", "templates: []"),
              expected: "center.yaml:37: contracts[0].templates: is empty"),
        .init(name: "contract with unknown template", command: .schedule, file: "center.yaml", edit: .replace("templates: [day8]", "templates: [night]"),
              expected: "center.yaml:37: contracts[0].templates[0]: unknown template 'night'"),
        .init(name: "break off the grid", command: .schedule, file: "center.yaml",
              edit: .replace("{minutes: 60, earliest: \"3:00\"", "{minutes: 45, earliest: \"3:00\""),
              expected: "shift_templates[0]: breaks[0].minutes 45 min not on the 60-minute grid"),
        .init(name: "no paid minutes", command: .schedule, file: "center.yaml", edit: .replace("paid_minutes: 480", "paid_minutes: 0"),
              expected: "center.yaml:26: shift_templates[0].paid_minutes:"),
        .init(name: "break window backwards", command: .schedule, file: "center.yaml", edit: .replace("earliest: \"3:00\", latest: \"5:00\"", "earliest: \"5:00\", latest: \"3:00\""),
              expected: "shift_templates[0].breaks[0].latest: is before earliest"),
        .init(name: "rest rule makes the contract impossible", command: .schedule, file: "center.yaml", edit: .replace("min_rest_hours: 11", "min_rest_hours: 48"),
              expected: "min_rest_hours 48.0 leaves 3 days between the starts of two shifts at the least, so at most 3 working days fit in a week, fewer than the 4 needed"),
        .init(name: "negative cost", command: .schedule, file: "center.yaml", edit: .replace("paid_hour: 1", "paid_hour: -1"),
              expected: "center.yaml:41: costs.paid_hour:"),
        .init(name: "unknown verdict", command: .report, file: "center.yaml",
              edit: .replace("  paid_hour: 1\n", "  paid_hour: 1\nreport: {verdict: gut}\n"), expected: "center.yaml:42: report.verdict: 'gut' is not a verdict the report gives"),
        .init(name: "negative fairness price", command: .schedule, file: "center.yaml",
              edit: .replace("  paid_hour: 1\n", "  paid_hour: 1\nfairness: {weekend_day: -2}\n"), expected: "center.yaml:42: fairness.weekend_day:"),
        .init(name: "unknown fairness burden", command: .schedule, file: "center.yaml",
              edit: .replace("  paid_hour: 1\n", "  paid_hour: 1\nfairness: {nights: 2}\n"), expected: "fairness.nights: unknown key"),
        .init(name: "unpopular not a yes or no", command: .schedule, file: "center.yaml",
              edit: .replace("    start_step_minutes: 60\n", "    start_step_minutes: 60\n    unpopular: maybe\n"),
              expected: "shift_templates[0].unpopular:"),
        .init(name: "occupancy above 1", command: .staff, file: "center.yaml",
              edit: .replace("within_seconds: 20}", "within_seconds: 20}\n    max_occupancy: 1.5"), expected: "center.yaml:23: queues[0].max_occupancy:"),
        .init(name: "zero patience", command: .staff, file: "center.yaml",
              edit: .replace("within_seconds: 20}", "within_seconds: 20}\n    patience_seconds: 0"), expected: "center.yaml:23: queues[0].patience_seconds:"),
        .init(name: "unknown key", command: .staff, file: "center.yaml", edit: .replace("shrinkage: 0\n", "shrinkage: 0\nbudget: 12\n"),
              expected: "center.yaml:24: budget: unknown key"),
        .init(name: "YAML syntax", command: .staff, file: "center.yaml", edit: .replace("mon: \"08:00-18:00\"", "mon: [\"08:00-18:00\""),
              expected: "center.yaml:13: syntax:"),
        .init(name: "empty YAML", command: .staff, file: "center.yaml", edit: .whole(""), expected: "center.yaml: file: is empty"),
        .init(name: "a list, not a mapping", command: .staff, file: "center.yaml", edit: .whole("- a\n- b\n"),
              expected: "center.yaml:1: document: is not a mapping"),
        .init(name: "YAML not UTF-8", command: .staff, file: "center.yaml", edit: .bytes([0x6E, 0x61, 0xFF, 0xFE, 0x3A]),
              expected: "center.yaml: file: is not valid UTF-8"),
    ]

    static let forecastCases: [MalformedInput] = [
        .init(name: "calls 1e308", command: .staff, file: "forecast.csv", edit: .replace(",support,20,300", ",support,1e308,300"),
              expected: "forecast.csv:2: calls: 1e308 is out of range"),
        .init(name: "calls -1", command: .staff, file: "forecast.csv", edit: .replace(",support,20,300", ",support,-1,300"),
              expected: "forecast.csv:2: calls: -1 is out of range"),
        .init(name: "calls not a number", command: .staff, file: "forecast.csv", edit: .replace(",support,20,300", ",support,ten,300"),
              expected: "forecast.csv:2: calls: 'ten' is not a number"),
        .init(name: "calls nan", command: .staff, file: "forecast.csv", edit: .replace(",support,20,300", ",support,nan,300"),
              expected: "forecast.csv:2: calls: 'nan' is not a number"),
        .init(name: "AHT 0", command: .staff, file: "forecast.csv", edit: .replace(",support,20,300", ",support,20,0"),
              expected: "forecast.csv:2: aht_seconds: 0 is out of range"),
        .init(name: "AHT 1e308", command: .staff, file: "forecast.csv", edit: .replace(",support,20,300", ",support,20,1e308"),
              expected: "forecast.csv:2: aht_seconds: 1e308 is out of range"),
        .init(name: "AHT over a day", command: .staff, file: "forecast.csv", edit: .replace(",support,20,300", ",support,20,90000"),
              expected: "forecast.csv:2: aht_seconds: 90000 is out of range"),
        .init(name: "load beyond the models", command: .staff, file: "forecast.csv", edit: .replace(",support,20,300", ",support,1000000,86400"),
              expected: "queue 'support', interval 2026-11-30T08:00: the offered load"),
        .init(name: "timestamp malformed", command: .staff, file: "forecast.csv", edit: .replace("2026-11-30T08:00+01:00", "yesterday"),
              expected: "forecast.csv:2: interval_start: 'yesterday' is not a timestamp"),
        .init(name: "offset of another zone", command: .staff, file: "forecast.csv", edit: .replace("2026-11-30T08:00+01:00", "2026-11-30T08:00+05:00"),
              expected: "forecast.csv:2: interval_start: '2026-11-30T08:00+05:00' has an offset that Europe/Amsterdam does not have"),
        .init(name: "off the grid", command: .staff, file: "forecast.csv", edit: .replace("2026-11-30T08:00+01:00", "2026-11-30T07:30+01:00"),
              expected: "forecast.csv:2: interval_start: '2026-11-30T07:30+01:00' is not the start of a 60-minute interval"),
        .init(name: "another week", command: .staff, file: "forecast.csv", edit: .replace("2026-11-30T08:00+01:00", "2027-11-29T08:00+01:00"),
              expected: "forecast.csv:2: interval_start: '2027-11-29T08:00+01:00' is outside the planning week"),
        .init(name: "unknown queue", command: .staff, file: "forecast.csv", edit: .replace(",support,20,300", ",sales,20,300"),
              expected: "forecast.csv:2: queue: unknown queue 'sales'"),
        .init(name: "duplicated row", command: .staff, file: "forecast.csv", edit: .replace("2026-11-30T09:00+01:00", "2026-11-30T08:00+01:00"),
              expected: "forecast.csv:3: interval_start: duplicated interval for queue 'support' (also on line 2)"),
        .init(name: "more fields than the header", command: .staff, file: "forecast.csv", edit: .replace(",support,20,300", ",support,20,300,7"),
              expected: "forecast.csv:2: row: has 5 fields, more than the 4 columns of the header"),
        .init(name: "missing column name", command: .staff, file: "forecast.csv", edit: .replace("queue,calls,aht_seconds", "queue,calls"),
              expected: "forecast.csv:1: header: has 3 columns but every row has 4 fields"),
        .init(name: "misnamed column", command: .staff, file: "forecast.csv", edit: .replace("queue,calls,aht_seconds", "queue,calls,aht"),
              expected: "forecast.csv:1: header: missing column aht_seconds"),
        .init(name: "header only", command: .staff, file: "forecast.csv", edit: .whole("interval_start,queue,calls,aht_seconds\n"),
              expected: "forecast.csv: file: has no rows"),
        .init(name: "unclosed quote", command: .staff, file: "forecast.csv", edit: .replace(",support,20,300", ",\"support,20,300"),
              expected: "forecast.csv:2: row: a quoted field opened on this line is never closed"),
        .init(name: "not UTF-8", command: .staff, file: "forecast.csv", edit: .bytes([0x69, 0x6E, 0xC3, 0x28]),
              expected: "forecast.csv: file: is not valid UTF-8"),
    ]

    static let requirementsCases: [MalformedInput] = [
        .init(name: "calls not a number", command: .schedule, file: "requirements.csv", edit: .replace(",support,20,300,1.6667,4,4,", ",support,many,300,1.6667,4,4,"),
              expected: "requirements.csv:2: calls: 'many' is not a number"),
        .init(name: "AHT zero", command: .schedule, file: "requirements.csv", edit: .replace(",support,20,300,1.6667,4,4,", ",support,20,0,1.6667,4,4,"),
              expected: "requirements.csv:2: aht_seconds: 0 is out of range"),
        .init(name: "productive agents negative", command: .schedule, file: "requirements.csv", edit: .replace(",support,20,300,1.6667,4,4,", ",support,20,300,1.6667,-4,4,"),
              expected: "requirements.csv:2: agents_productive: -4 is out of range"),
        .init(name: "agents 1e308", command: .schedule, file: "requirements.csv", edit: .replace(",support,20,300,1.6667,4,4,", ",support,20,300,1.6667,4,1e308,"),
              expected: "requirements.csv:2: agents_scheduled: 1e308 is out of range"),
        .init(name: "agents above 100,000", command: .schedule, file: "requirements.csv", edit: .replace(",support,20,300,1.6667,4,4,", ",support,20,300,1.6667,4,100001,"),
              expected: "requirements.csv:2: agents_scheduled: 100001 is out of range"),
        .init(name: "agents negative", command: .schedule, file: "requirements.csv", edit: .replace(",support,20,300,1.6667,4,4,", ",support,20,300,1.6667,4,-2,"),
              expected: "requirements.csv:2: agents_scheduled: -2 is out of range"),
        .init(name: "agents not a number", command: .schedule, file: "requirements.csv", edit: .replace(",support,20,300,1.6667,4,4,", ",support,20,300,1.6667,4,two,"),
              expected: "requirements.csv:2: agents_scheduled: 'two' is not a number"),
        .init(name: "offset of another zone", command: .schedule, file: "requirements.csv", edit: .replace("2026-11-30T08:00+01:00", "2026-11-30T08:00+05:00"),
              expected: "requirements.csv:2: interval_start: '2026-11-30T08:00+05:00' has an offset"),
        .init(name: "unknown queue", command: .schedule, file: "requirements.csv", edit: .replace("+01:00,support,20,", "+01:00,sales,20,"),
              expected: "requirements.csv:2: queue: unknown queue 'sales'"),
        .init(name: "another week", command: .schedule, file: "requirements.csv", edit: .replace("2026-11-30T08:00+01:00", "2027-11-29T08:00+01:00"),
              expected: "requirements.csv:2: interval_start: '2027-11-29T08:00+01:00' is not an interval of the planning week"),
        .init(name: "duplicated row", command: .schedule, file: "requirements.csv", edit: .replace("2026-11-30T09:00+01:00", "2026-11-30T08:00+01:00"),
              expected: "requirements.csv:3: interval_start: duplicated interval"),
        .init(name: "semicolon-separated agents", command: .schedule, file: "agents.csv",
              edit: .whole("id;name;contract;skills;unavailable;preferences\nS01;Ada;fulltime;support;;\n"),
              expected: "agents.csv:1: header: missing columns id, name, contract, skills; the header is separated by semicolons: save the file as comma-separated CSV"),
        .init(name: "missing column", command: .schedule, file: "requirements.csv", edit: .replace("agents_scheduled", "agents"),
              expected: "requirements.csv:1: header: missing column agents_scheduled"),
        .init(name: "more fields than the header", command: .schedule, file: "requirements.csv", edit: .append("2026-12-04T17:00+01:00,support,1,2,3,4,5,6,7,8,9,10,11"),
              expected: "requirements.csv:52: row: has 13 fields"),
        .init(name: "header only", command: .schedule, file: "requirements.csv",
              edit: .whole("interval_start,queue,calls,aht_seconds,erlangs,agents_productive,agents_scheduled,service_level,asa_seconds,occupancy,abandon_rate,binding\n"),
              expected: "requirements.csv: file: has no rows"),
    ]

    static let agentsCases: [MalformedInput] = [
        .init(name: "unknown contract", command: .schedule, file: "agents.csv", edit: .replace("S01,Ada,fulltime", "S01,Ada,parttime"),
              expected: "agents.csv:2: contract: unknown contract 'parttime'"),
        .init(name: "unknown skill", command: .schedule, file: "agents.csv", edit: .replace("S01,Ada,fulltime,support", "S01,Ada,fulltime,sales"),
              expected: "agents.csv:2: skills: unknown queue 'sales'"),
        .init(name: "no skills", command: .schedule, file: "agents.csv", edit: .replace("S01,Ada,fulltime,support", "S01,Ada,fulltime,"),
              expected: "agents.csv:2: skills: is empty"),
        .init(name: "bad priority", command: .schedule, file: "agents.csv", edit: .replace("S01,Ada,fulltime,support", "S01,Ada,fulltime,support:0"),
              expected: "agents.csv:2: skills: 'support:0' has no valid priority"),
        .init(name: "duplicated id", command: .schedule, file: "agents.csv", edit: .replace("S02,Ben", "S01,Ben"),
              expected: "agents.csv:3: id: 'S01' is used twice"),
        .init(name: "empty id", command: .schedule, file: "agents.csv", edit: .replace("S01,Ada", ",Ada"),
              expected: "agents.csv:2: id: is empty"),
        .init(name: "bad absence", command: .schedule, file: "agents.csv", edit: .replace("S03,Cas,fulltime,support,2026-12-02", "S03,Cas,fulltime,support,2026-13-02"),
              expected: "agents.csv:4: unavailable: '2026-13-02' is not understood"),
        .init(name: "bad preference", command: .schedule, file: "agents.csv", edit: .replace("off:fri", "sometimes"),
              expected: "agents.csv:3: preferences: 'sometimes' is not understood"),
        .init(name: "unclosed quote", command: .schedule, file: "agents.csv", edit: .replace("S01,Ada,", "S01,\"Ada,"),
              expected: "agents.csv:2: row: a quoted field opened on this line is never closed"),
        .init(name: "more fields than the header", command: .schedule, file: "agents.csv", edit: .replace("S01,Ada,fulltime,support,,", "S01,Ada,fulltime,support,,,x"),
              expected: "agents.csv:2: row: has 7 fields, more than the 6 columns of the header"),
        .init(name: "no agents", command: .schedule, file: "agents.csv", edit: .whole("id,name,contract,skills\n"),
              expected: "agents.csv: file: has no agents"),
    ]

    static let historyCases: [MalformedInput] = [
        .init(name: "calls 1e308", command: .forecast, file: "history.csv", edit: .replace("2026-11-02T08:00,support,", "2026-11-02T08:00,support,1e308,0\n2026-11-02T07:00,support,"),
              expected: "history.csv:2: calls: 1e308 is out of range"),
        .init(name: "negative calls", command: .forecast, file: "history.csv", edit: .replace("2026-11-02T08:00,support,", "2026-11-02T08:00,support,-4,300\nx,support,"),
              expected: "history.csv:2: calls: -4 is out of range"),
        .init(name: "AHT 1e308", command: .forecast, file: "history.csv", edit: .replace("2026-11-02T08:00,support,", "2026-11-02T08:00,support,5,1e308\nx,support,"),
              expected: "history.csv:2: aht_seconds: 1e308 is out of range"),
        .init(name: "timestamp malformed", command: .forecast, file: "history.csv", edit: .replace("2026-11-02T08:00,", "02/11/2026 08:00,"),
              expected: "history.csv:2: timestamp: '02/11/2026 08:00' is not a timestamp"),
        .init(name: "unknown queue", command: .forecast, file: "history.csv", edit: .replace("2026-11-02T08:00,support,", "2026-11-02T08:00,sales,"),
              expected: "history.csv:2: queue: unknown queue 'sales'"),
        .init(name: "missing column", command: .forecast, file: "history.csv", edit: .replace("timestamp,queue,calls", "timestamp,queue,volume"),
              expected: "history.csv:1: header: missing column calls"),
    ]

    static let flagCases: [MalformedInput] = [
        .init(name: "erlang calls 1e308", command: .arguments(["erlang", "--calls", "1e308", "--interval", "15m", "--aht", "300s", "--sl", "80/20"]),
              file: "center.yaml", edit: .append(""), expected: "--calls must be from 0 to 1,000,000", status: 64),
        .init(name: "erlang calls -1", command: .arguments(["erlang", "--calls", "-1", "--interval", "15m", "--aht", "300s", "--sl", "80/20"]),
              file: "center.yaml", edit: .append(""), expected: "--calls must be from 0 to 1,000,000, got -1", status: 64),
        .init(name: "erlang AHT without a unit", command: .arguments(["erlang", "--calls", "10", "--interval", "15m", "--aht", "5", "--sl", "80/20"]),
              file: "center.yaml", edit: .append(""), expected: "'5' has no unit (expected 5s for seconds or 5m for minutes)", status: 64),
        .init(name: "erlang SL as a fraction", command: .arguments(["erlang", "--calls", "10", "--interval", "15m", "--aht", "300s", "--sl", "0.8/20"]),
              file: "center.yaml", edit: .append(""), expected: "did you mean 80/20?", status: 64),
        .init(name: "erlang shrinkage above 1", command: .arguments(["erlang", "--calls", "10", "--interval", "15m", "--aht", "300s", "--sl", "80/20", "--shrinkage", "1.5"]),
              file: "center.yaml", edit: .append(""), expected: "'1.5' is above 1", status: 64),
        .init(name: "erlang interval over a day", command: .arguments(["erlang", "--calls", "10", "--interval", "25h", "--aht", "300s", "--sl", "80/20"]),
              file: "center.yaml", edit: .append(""), expected: "--interval must be above 0s and at most a day", status: 64),
        .init(name: "forecast bad week", command: .arguments(["forecast", "--config", "{dir}/center.yaml", "--week", "2026-13-01", "--out", "{dir}/out.csv"]),
              file: "center.yaml", edit: .append(""), expected: "--week must be a date", status: 64),
        .init(name: "staff bad week", command: .arguments(["staff", "--config", "{dir}/center.yaml", "--forecast", "{dir}/forecast.csv", "--week", "30-11-2026", "--out", "{dir}/out.csv"]),
              file: "center.yaml", edit: .append(""), expected: "--week must be a date", status: 64),
        .init(name: "staff for another week", command: .arguments(["staff", "--config", "{dir}/center.yaml", "--forecast", "{dir}/forecast.csv", "--week", "2026-12-07", "--out", "{dir}/out.csv"]),
              file: "center.yaml", edit: .append(""), expected: "50 rows in all lie outside the planning week"),
        .init(name: "schedule time limit absurd", command: .arguments(["schedule", "--config", "{dir}/center.yaml", "--requirements", "{dir}/requirements.csv", "--out", "{dir}/out.csv", "--time-limit", "100000000000000000h"]),
              file: "center.yaml", edit: .append(""), expected: "--time-limit must be from 1s to a day", status: 64),
    ]

    static let rosterCases: [MalformedInput] = [
        .init(name: "roster bad date", command: .report, file: "roster.csv", edit: .replace("S01,2026-11-30,", "S01,2026-11-31,"),
              expected: "roster.csv:2: date: '2026-11-31' is not a date"),
        .init(name: "roster bad start", command: .report, file: "roster.csv", edit: .replace("2026-11-30T08:00+01:00", "monday 8am"),
              expected: "roster.csv:2: start: 'monday 8am' is not a timestamp"),
        .init(name: "roster paid minutes in words", command: .report, file: "roster.csv", edit: .replace(",480,", ",eight hours,"),
              expected: "roster.csv:2: paid_minutes: 'eight hours' is not a whole number"),
        .init(name: "roster paid minutes 1e308", command: .report, file: "roster.csv", edit: .replace(",480,", ",1e308,"),
              expected: "roster.csv:2: paid_minutes:"),
        .init(name: "roster break without an end", command: .report, file: "roster.csv", edit: .replace(",11:00-12:00\n", ",11:00\n"),
              expected: "roster.csv:2: breaks: '11:00' is not a break"),
        .init(name: "roster without breaks column", command: .report, file: "roster.csv",
              edit: .whole("agent_id,date,shift,start,end,paid_minutes\nS01,2026-11-30,day8,2026-11-30T08:00+01:00,2026-11-30T17:00+01:00,480\n"),
              expected: "roster.csv:1:"),
        .init(name: "report simulate 0", command: .arguments(["report", "--config", "{dir}/center.yaml", "--forecast", "{dir}/forecast.csv", "--roster", "{dir}/roster.csv", "--out-dir", "{dir}/out", "--simulate", "0"]),
              file: "roster.csv", edit: .append(""), expected: "--simulate must be from 1 to 10000", status: 64),
        .init(name: "report format xml", command: .arguments(["report", "--config", "{dir}/center.yaml", "--forecast", "{dir}/forecast.csv", "--roster", "{dir}/roster.csv", "--out-dir", "{dir}/out", "--format", "xml"]),
              file: "roster.csv", edit: .append(""), expected: "--format", status: 64),
        .init(name: "report for another week", command: .arguments(["report", "--config", "{dir}/center.yaml", "--forecast", "{dir}/forecast.csv", "--roster", "{dir}/roster.csv", "--out-dir", "{dir}/out", "--week", "2026-12-07"]),
              file: "roster.csv", edit: .append(""), expected: "forecast.csv:2:"),
    ]

    static let reportSettingsCases: [MalformedInput] = [
        .init(name: "unknown SL definition", command: .report, file: "center.yaml", edit: .append("service_level_definition: fastest"),
              expected: "center.yaml:42: service_level_definition: 'fastest' is not a definition"),
        .init(name: "unknown headline", command: .report, file: "center.yaml", edit: .append("report: {headline: speed}"),
              expected: "center.yaml:42: report.headline: 'speed' is not a ratio the report shows"),
        .init(name: "negative overstaffing margin", command: .report, file: "center.yaml", edit: .append("report: {overstaffing_margin: -5%}"),
              expected: "center.yaml:42: report.overstaffing_margin: -5% is out of range"),
        .init(name: "handle time CV 0", command: .report, file: "center.yaml", edit: .append("report: {handle_time_cv: 0}"),
              expected: "center.yaml:42: report.handle_time_cv: 0 is out of range"),
        .init(name: "unknown report key", command: .report, file: "center.yaml", edit: .append("report: {colour: blue}"),
              expected: "center.yaml:42: report"),
    ]

    /// The folder's fixture copy with `input`'s edit applied.
    static func prepare(_ input: MalformedInput, in folder: TemporaryDirectory) throws {
        let source = projectRoot.appendingPathComponent("Inputs/small")
        for name in fixture {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: folder.url.appendingPathComponent(name))
        }
        let path = folder.path(input.file)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        switch input.edit {
        case .replace(let old, let new):
            let range = try #require(text.range(of: old), "the fixture \(input.file) holds '\(old)'")
            try folder.write(input.file, text.replacingCharacters(in: range, with: new))
        case .whole(let replacement):
            try folder.write(input.file, replacement)
        case .append(let line):
            try folder.write(input.file, text + line + (line.isEmpty ? "" : "\n"))
        case .bytes(let bytes):
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
    }

    static func arguments(_ input: MalformedInput, in folder: TemporaryDirectory) -> [String] {
        let dir = folder.url.path
        switch input.command {
        case .forecast: return ["forecast", "--config", "\(dir)/center.yaml", "--out", "\(dir)/out.csv"]
        case .staff: return ["staff", "--config", "\(dir)/center.yaml", "--forecast", "\(dir)/forecast.csv", "--out", "\(dir)/out.csv"]
        case .schedule: return ["schedule", "--config", "\(dir)/center.yaml", "--requirements", "\(dir)/requirements.csv", "--out", "\(dir)/out.csv"]
        case .report:
            return ["report", "--config", "\(dir)/center.yaml", "--forecast", "\(dir)/forecast.csv", "--roster", "\(dir)/roster.csv", "--out-dir", "\(dir)/out"]
        case .arguments(let arguments): return arguments.map { $0.replacingOccurrences(of: "{dir}", with: dir) }
        }
    }

    @Test func theCorpusIsLargeAndCoversEveryFileAndCommand() {
        #expect(Self.corpus.count >= 60)
        #expect(Set(Self.corpus.map(\.file)).isSuperset(of: Self.fixture))
        #expect(Set(Self.corpus.compactMap { $0.status == 64 ? nil : "\($0.command)" }).isSuperset(of: ["forecast", "staff", "schedule", "report"]))
    }

    @Test(arguments: MalformedInputCorpusTests.corpus)
    func isAnsweredWithAClearErrorAndNoOutput(_ input: MalformedInput) throws {
        let folder = try TemporaryDirectory()
        try Self.prepare(input, in: folder)
        let result = try runWFM(Self.arguments(input, in: folder))
        #expect(result.status == input.status, "\(input.name): \(result.error)")
        #expect(result.error.contains(input.expected), "\(input.name): \(result.error)")
        #expect(!result.error.contains("Fatal error") && !result.error.contains("Swift runtime failure"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("out.csv")), "\(input.name): nothing is written")
        #expect(!FileManager.default.fileExists(atPath: folder.path("out.rejected.csv")))
        #expect(!FileManager.default.fileExists(atPath: folder.path("out")), "\(input.name): no report folder")
    }

    /// The unedited fixture passes every command the corpus uses, so each failure above is the
    /// edit's doing.
    @Test(arguments: [MalformedInput.Command.forecast, .staff, .schedule, .report])
    func theFixtureItselfIsValid(_ command: MalformedInput.Command) throws {
        let folder = try TemporaryDirectory()
        try Self.prepare(MalformedInput(name: "valid", command: command, file: "center.yaml", edit: .append(""), expected: ""), in: folder)
        let result = try runWFM(Self.arguments(MalformedInput(name: "valid", command: command, file: "center.yaml", edit: .append(""), expected: ""), in: folder) + ["--quiet"])
        if case .report = command {
            #expect(result.status == 2, "the small center is short of agents: \(result.error)")
            #expect(FileManager.default.fileExists(atPath: folder.path("out/report.json")))
        } else {
            #expect(result.status == 0, "\(result.error)")
            #expect(FileManager.default.fileExists(atPath: folder.path("out.csv")))
        }
    }
}
