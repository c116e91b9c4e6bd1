import Foundation

/// A fresh folder under the system's temporary directory, removed when the value is released.
public final class TemporaryDirectory: @unchecked Sendable {
    // @unchecked: `url` is immutable after init; the folder is owned by one test at a time.
    /// The folder.
    public let url: URL

    /// Creates the folder.
    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("wfm-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `text` to `name` inside the folder and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String {
        let path = url.appendingPathComponent(name).path
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The path of `name` inside the folder (which need not exist).
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// The project's root folder (where Package.swift is), found from this source file.
public let projectRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A small valid center.yaml: two queues, 15-minute intervals, a Monday-start week.
public func sampleCenterYAML(
    timezone: String = "Europe/Amsterdam", weekStart: String = "2026-11-30", billingTarget: String = "0.80",
    billingAHT: String = "300", openingHours: String = """
          mon: "08:00-18:00"
          tue: "08:00-18:00"
          wed: "08:00-18:00"
          thu: "08:00-18:00"
          fri: "08:00-18:00"
          sat: "09:00-13:00"
          sun: closed
        """
) -> String {
    """
    name: Sample
    timezone: \(timezone)
    interval_minutes: 15
    week_start: \(weekStart)
    opening_hours:
    \(openingHours)
    queues:
      - id: billing
        aht_seconds: \(billingAHT)
        service_level: {target: \(billingTarget), within_seconds: 20}
        max_occupancy: 0.85
      - id: tech
        aht_seconds: 480
        service_level: {target: 0.8, within_seconds: 60}
        patience_seconds: 240
    shrinkage: 0.3
    shift_templates:
      - id: day8
        paid_minutes: 480
        start_window: ["08:00", "10:00"]
        breaks:
          - {minutes: 30, earliest: "3:00", latest: "5:00", paid: false}
    contracts:
      - id: fulltime
        weekly_paid_hours: {min: 32, max: 40}
        days_per_week: {min: 4, max: 5}
        max_consecutive_days: 5
        min_rest_hours: 11
        templates: [day8]

    """
}
