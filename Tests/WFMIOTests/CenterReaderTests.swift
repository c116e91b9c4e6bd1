import Foundation
import Testing
import WFMCore
import WFMIO
import _WFMTestSupport

/// Expects `body` to throw an ``InputError`` whose diagnostics include each fragment.
func expectInputError(_ fragments: [String], sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) {
    do {
        try body()
        Issue.record("expected an input error containing \(fragments)", sourceLocation: sourceLocation)
    } catch let error as InputError {
        let text = error.description
        for fragment in fragments where !text.contains(fragment) {
            Issue.record("'\(fragment)' not in:\n\(text)", sourceLocation: sourceLocation)
        }
    } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
    }
}

@Suite struct CenterReaderTests {
    @Test func readsTheDemoCenter() throws {
        let center = try CenterReader.read(path: projectRoot.appendingPathComponent("Inputs/demo/center.yaml").path)
        #expect(center.queues.map(\.id) == ["billing", "tech", "sales"])
        #expect(center.timeZone.identifier == "Europe/Amsterdam")
        #expect(center.queue("tech")?.patienceSeconds == 300)
        #expect(center.queue("sales")?.openingHours?.ranges[.sun] == [])
        #expect(center.shrinkage.value(queue: "billing", weekday: .sat) == 0.25)
        #expect(center.shiftTemplates.first { $0.id == "early8" }?.lengthMinutes == 510)
        #expect(center.contracts.map(\.id) == ["fulltime", "parttime"])
        #expect(center.contracts[0].overtime == OvertimeAllowance(maxMinutesPerShift: 120, maxHoursPerWeek: 4, payFactor: 1.5))
        #expect(center.agentsPath?.hasSuffix("Inputs/demo/agents.csv") == true)
    }

    @Test func sharesAreReadAsPercentagesOrFractions() throws {
        let folder = try TemporaryDirectory()
        let yaml = sampleCenterYAML(billingTarget: "80%").replacingOccurrences(of: "shrinkage: 0.3", with: "shrinkage: 30%")
            .replacingOccurrences(of: "max_occupancy: 0.85", with: "max_occupancy: 85 %")
        let center = try CenterReader.read(path: folder.write("center.yaml", yaml))
        #expect(abs((center.queue("billing")?.serviceLevel.fraction ?? 0) - 0.8) < 1e-12)
        #expect(abs((center.queue("billing")?.maxOccupancy ?? 0) - 0.85) < 1e-12)
        #expect(abs(center.shrinkage.value(queue: "billing", weekday: .mon) - 0.3) < 1e-12)
        expectInputError(["queues[0].service_level.target: 120% is out of range"]) {
            _ = try CenterReader.read(path: folder.write("center.yaml", sampleCenterYAML(billingTarget: "120%")))
        }
    }

    @Test func slTargetAbove100PercentNamesTheLine() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("center.yaml", sampleCenterYAML(billingTarget: "1.2"))
        expectInputError(["center.yaml:16: queues[0].service_level.target: 1.2 is out of range (expected a share above 0, below 1, e.g. 0.80 or 80%)"]) {
            _ = try CenterReader.read(path: path)
        }
    }

    /// `special_days` and `staffing` are read, and bad values name line and key.
    @Test func specialDaysAndStaffingPercentile() throws {
        let folder = try TemporaryDirectory()
        let good = sampleCenterYAML() + "special_days:\n  2026-12-24: {like: sat}\n  2026-12-01: {factor: 0.6}\nstaffing: {percentile: 0.9}\n"
        let center = try CenterReader.read(path: folder.write("center.yaml", good))
        #expect(center.specialDays == [SpecialDayRule(date: LocalDate("2026-12-01")!, factor: 0.6), SpecialDayRule(date: LocalDate("2026-12-24")!, like: .sat)])
        #expect(center.staffingPercentile == 0.9)
        let bad = sampleCenterYAML() + "special_days:\n  2026-12-24: {like: funday}\n  2026-12-31: {factor: -1}\nstaffing: {percentile: 1.2}\n"
        let path = try folder.write("bad.yaml", bad)
        expectInputError(["special_days.2026-12-24.like: 'funday' is not a weekday", "special_days.2026-12-31.factor: -1 is out of range",
                          "staffing.percentile: 1.2 is out of range (expected a probability from 0.5 to 0.99"]) {
            _ = try CenterReader.read(path: path)
        }
    }

    @Test func negativeAHTNamesTheLine() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("center.yaml", sampleCenterYAML(billingAHT: "-5"))
        expectInputError(["center.yaml:15: queues[0].aht_seconds: -5 is out of range (expected seconds > 0)"]) {
            _ = try CenterReader.read(path: path)
        }
    }

    @Test func unknownTimeZoneIsRejected() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("center.yaml", sampleCenterYAML(timezone: "Mars/Olympus_Mons"))
        expectInputError(["center.yaml:2: timezone: 'Mars/Olympus_Mons' is not a known time zone"]) {
            _ = try CenterReader.read(path: path)
        }
    }

    @Test func everyProblemIsReportedAtOnce() throws {
        let folder = try TemporaryDirectory()
        let text = sampleCenterYAML(timezone: "Nowhere/City", weekStart: "2026-02-30", billingTarget: "80")
            .replacingOccurrences(of: "interval_minutes: 15", with: "interval_minutes: 7")
            .replacingOccurrences(of: "templates: [day8]", with: "templates: [night12]")
            .replacingOccurrences(of: "shrinkage: 0.3", with: "shrinkge: 0.3")
        let path = try folder.write("center.yaml", text)
        expectInputError([
            "timezone: 'Nowhere/City' is not a known time zone",
            "interval_minutes: 7 is not supported",
            "week_start: '2026-02-30' is not a date",
            "queues[0].service_level.target: 80 is out of range",
            "contracts[0].templates[0]: unknown template 'night12'",
            "shrinkge: unknown key",
        ]) { _ = try CenterReader.read(path: path) }
    }

    @Test func contractOvertimeIsReadAndChecked() throws {
        let folder = try TemporaryDirectory()
        let plain = try CenterReader.read(path: try folder.write("plain.yaml", sampleCenterYAML()))
        #expect(plain.contracts.allSatisfy { $0.overtime == nil })
        let text = sampleCenterYAML().replacingOccurrences(of: "templates: [day8]", with: "templates: [day8]\n    overtime: {max_hours_per_week: 3}")
        let read = try CenterReader.read(path: try folder.write("center.yaml", text))
        #expect(read.contracts[0].overtime == OvertimeAllowance(maxMinutesPerShift: 180, maxHoursPerWeek: 3, payFactor: 1.5))
        let bad = sampleCenterYAML().replacingOccurrences(of: "templates: [day8]", with: "templates: [day8]\n    overtime: {max_hours_per_week: 99, pay_factor: 0.5}")
        let path = try folder.write("bad.yaml", bad)
        expectInputError(["contracts[0].overtime.max_hours_per_week: 99 is out of range", "contracts[0].overtime.pay_factor"]) {
            _ = try CenterReader.read(path: path)
        }
    }

    @Test func rulesOverWeeksAreReadAndChecked() throws {
        let folder = try TemporaryDirectory()
        let rules = """
            templates: [day8]
                average_weekly_paid_hours: {min: 36, max: 38}
                weekends_off: {min: 1, per_weeks: 2}
                rotation: split
            rotations:
              - {id: split, start: 2026-11-30, days_off: [[sat, sun], [mon, tue]]}
            """
        let read = try CenterReader.read(path: try folder.write("center.yaml", sampleCenterYAML().replacingOccurrences(of: "templates: [day8]", with: rules)))
        #expect(read.contracts[0].averageWeeklyPaidHours == Bounds(min: 36, max: 38))
        #expect(read.contracts[0].weekendsOff == WeekendsOffRule(min: 1, perWeeks: 2))
        #expect(read.contracts[0].rotation == "split")
        #expect(read.rotations == [Rotation(id: "split", start: LocalDate("2026-11-30")!, daysOff: [[.sat, .sun], [.mon, .tue]])])
        let written = try CenterReader.read(path: try folder.write("written.yaml", CenterWriter.yaml(read, agentsFile: nil)))
        #expect(written.contracts == read.contracts && written.rotations == read.rotations, "what is written reads back the same")

        let bad = """
            templates: [day8]
                average_weekly_paid_hours: {min: 41, max: 45}
                weekends_off: {min: 3, per_weeks: 2}
                rotation: nightly
            rotations:
              - {id: split, start: 2026-11-30, days_off: [[sat, sun, sat]]}
            """
        let path = try folder.write("bad.yaml", sampleCenterYAML().replacingOccurrences(of: "templates: [day8]", with: bad))
        expectInputError([
            "contracts[0].average_weekly_paid_hours: 41–45 h lies outside the weekly 32–40 h",
            "contracts[0].weekends_off: 3 weekends off in 2 weeks (expected min ≤ per_weeks)",
            "contracts[0].rotation: unknown rotation 'nightly' (expected one of split)",
            "rotations[0].days_off[0]: repeats a day or leaves no day to work",
        ]) { _ = try CenterReader.read(path: path) }
    }

    @Test func breakWindowOutsideTheShiftIsRejected() throws {
        let folder = try TemporaryDirectory()
        let text = sampleCenterYAML().replacingOccurrences(of: "latest: \"5:00\"", with: "latest: \"8:15\"")
        let path = try folder.write("center.yaml", text)
        expectInputError(["shift_templates[0].breaks[0]: a 30-minute break starting up to 495 minutes in ends after the 510-minute shift"]) {
            _ = try CenterReader.read(path: path)
        }
    }

    @Test func malformedYAMLGivesItsLine() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("center.yaml", "name: x\nqueues: [a, b\nfoo: 1\n")
        expectInputError(["center.yaml:", "syntax:"]) { _ = try CenterReader.read(path: path) }
    }

    @Test func missingFileIsAnInputError() {
        expectInputError(["/nonexistent/center.yaml: file: cannot be read"]) {
            _ = try CenterReader.read(path: "/nonexistent/center.yaml")
        }
    }
}
