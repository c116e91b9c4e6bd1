// swift-tools-version: 6.1
import PackageDescription

/// Benchmarks for wfm, run with `make bench` (or `swift package benchmark` in this folder).
/// Each suite is one executable target under Benchmarks/.
let package = Package(
    name: "wfm-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "wfm", path: "../"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "ErlangBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "WFMQueueing", package: "wfm"),
                .product(name: "WFMCore", package: "wfm"),
            ],
            path: "Benchmarks/ErlangBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "ForecastBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "WFMPlanning", package: "wfm"),
            ],
            path: "Benchmarks/ForecastBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "ScheduleBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "WFMScheduling", package: "wfm"),
                .product(name: "WFMGLPK", package: "wfm"),
                .product(name: "WFMCore", package: "wfm"),
            ],
            path: "Benchmarks/ScheduleBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "ReportBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "WFMPlanning", package: "wfm"),
                .product(name: "WFMReporting", package: "wfm"),
                .product(name: "WFMQueueing", package: "wfm"),
                .product(name: "WFMScheduling", package: "wfm"),
                .product(name: "WFMGLPK", package: "wfm"),
                .product(name: "WFMIO", package: "wfm"),
                .product(name: "WFMCore", package: "wfm"),
            ],
            path: "Benchmarks/ReportBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "IntradayBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "WFMPlanning", package: "wfm"),
            ],
            path: "Benchmarks/IntradayBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "RequestsBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "WFMPlanning", package: "wfm"),
                .product(name: "WFMCore", package: "wfm"),
            ],
            path: "Benchmarks/RequestsBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
