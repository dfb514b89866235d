// swift-tools-version: 6.2
import PackageDescription

/// Settings shared by every Roost target: Swift 6 language mode (the package default at this
/// tools version) with strict concurrency, and warnings treated as errors.
let strict: [SwiftSetting] = [
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "Roost",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "roost", targets: ["roost"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // libxml2 from the system (Debian: libxml2-dev).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // fetch + normalize: HTTP, feed parsing, sanitizing, platform adapters → [Post]
        .target(name: "FeedFetchers", dependencies: ["CLibXML2"], swiftSettings: strict),
        // pure decisions: Post + rule set → Decision
        .target(name: "Moderation", dependencies: ["FeedFetchers"], swiftSettings: strict),
        // the engine: storage, ingest pipeline, scheduler
        .target(name: "Aggregator", dependencies: ["FeedFetchers", "Moderation"], swiftSettings: strict),
        // HTTP: the v2 endpoints and the Flockler wire format
        .target(name: "ContentAPI", dependencies: ["Aggregator", "FeedFetchers"], swiftSettings: strict),
        // the command line: the composition root
        .executableTarget(
            name: "roost",
            dependencies: [
                "FeedFetchers", "Moderation", "Aggregator", "ContentAPI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "FetcherTests", dependencies: ["FeedFetchers"], swiftSettings: strict),
        .testTarget(name: "ContentAPITests", dependencies: ["ContentAPI", "FeedFetchers"], swiftSettings: strict),
        .testTarget(name: "CLITests", dependencies: ["roost"], swiftSettings: strict),
    ]
)
