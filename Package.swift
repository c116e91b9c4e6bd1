// swift-tools-version: 6.1
import PackageDescription

/// wfm — workforce planning for contact centers. See docs/ and ../shared/DESIGN.md for the layout:
/// dependencies point down only (wfm -> WFMServer -> WFMPlanning -> ... -> WFMCore).
let package = Package(
    name: "wfm",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "wfm", targets: ["wfm"]),
        .library(name: "WFMPlanning", targets: ["WFMPlanning"]),
        .library(name: "WFMQueueing", targets: ["WFMQueueing"]),
        .library(name: "WFMOptimization", targets: ["WFMOptimization"]),
        .library(name: "WFMGLPK", targets: ["WFMGLPK"]),
        .library(name: "WFMIO", targets: ["WFMIO"]),
        .library(name: "WFMCore", targets: ["WFMCore"]),
        .library(name: "WFMScheduling", targets: ["WFMScheduling"]),
        .library(name: "WFMReporting", targets: ["WFMReporting"]),
        .library(name: "WFMMeasure", targets: ["WFMMeasure"]),
        .library(name: "WFMServer", targets: ["WFMServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        // `wfm serve`: the HTTP server (FullFoundation only: no swift-configuration) and its
        // embedded SQLite store.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .systemLibrary(name: "CGLPK", path: "Sources/CGLPK"),
        .target(name: "WFMCore"),
        .target(
            name: "WFMIO",
            dependencies: [
                "WFMCore",
                .product(name: "Yams", package: "Yams"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .target(name: "WFMQueueing", dependencies: ["WFMCore"]),
        .target(name: "WFMOptimization"),
        .target(name: "WFMGLPK", dependencies: ["WFMOptimization", "CGLPK"]),
        .target(name: "WFMForecasting", dependencies: ["WFMCore"]),
        .target(name: "WFMMeasure", dependencies: ["WFMCore", "WFMQueueing"]),
        .target(name: "WFMScheduling", dependencies: ["WFMCore", "WFMMeasure", "WFMOptimization"]),
        .target(name: "WFMReporting", dependencies: ["WFMCore", "WFMMeasure", "WFMQueueing"]),
        .target(
            name: "WFMPlanning",
            dependencies: [
                "WFMCore", "WFMIO", "WFMQueueing", "WFMForecasting", "WFMOptimization", "WFMGLPK",
                "WFMMeasure", "WFMScheduling", "WFMReporting",
            ]
        ),
        .target(
            name: "WFMServer",
            dependencies: [
                "WFMPlanning",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            resources: [.copy("Static")],
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        .executableTarget(
            name: "wfm",
            dependencies: [
                "WFMPlanning",
                "WFMServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The executable reaches the library only through WFMPlanning: members of modules it
            // does not import are not visible to it.
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        .executableTarget(name: "wfm-demo-generator", dependencies: ["WFMCore", "WFMIO", "WFMForecasting"]),
        .testTarget(name: "WFMCoreTests", dependencies: ["WFMCore"]),
        .target(name: "_WFMTestSupport", path: "Tests/_WFMTestSupport"),
        .testTarget(name: "WFMIOTests", dependencies: ["WFMIO", "_WFMTestSupport", "WFMCore"]),
        .testTarget(name: "WFMQueueingTests", dependencies: ["WFMQueueing", "WFMCore"]),
        .testTarget(name: "WFMMeasureTests", dependencies: ["WFMMeasure", "WFMCore", "WFMGLPK", "WFMOptimization", "_WFMTestSupport"]),
        .testTarget(name: "WFMOptimizationTests", dependencies: ["WFMOptimization"]),
        .testTarget(name: "WFMGLPKTests", dependencies: ["WFMGLPK", "WFMOptimization"]),
        .testTarget(name: "WFMForecastingTests", dependencies: ["WFMForecasting", "WFMIO", "_WFMTestSupport", "WFMCore"]),
        .testTarget(name: "WFMSchedulingTests", dependencies: ["WFMScheduling", "WFMMeasure", "WFMIO", "WFMGLPK", "_WFMTestSupport", "WFMCore", "WFMOptimization"]),
        .testTarget(name: "WFMReportingTests", dependencies: ["WFMReporting", "WFMMeasure", "WFMCore", "WFMQueueing"]),
        .testTarget(name: "WFMPlanningTests", dependencies: ["WFMPlanning", "WFMIO", "WFMMeasure", "WFMReporting", "_WFMTestSupport", "WFMCore", "WFMQueueing"]),
        .testTarget(
            name: "WFMServerTests",
            dependencies: [
                "WFMServer", "WFMPlanning", "_WFMTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(name: "WFMCLITests", dependencies: ["wfm", "WFMCore", "_WFMTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
