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
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        // libxml2 from the system (Debian: libxml2-dev).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // fetch + normalize: HTTP, feed parsing, sanitizing, platform adapters → [Post]
        .target(
            name: "FeedFetchers",
            dependencies: [
                "CLibXML2",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        // pure decisions: Post + rule set → Decision
        .target(
            name: "Moderation", dependencies: ["FeedFetchers"],
            // The word lists are data, not code (issue 15): profanity and scam lexicons.
            resources: [.copy("Resources/profanity.json"), .copy("Resources/scam.json")],
            swiftSettings: strict
        ),
        // the engine: storage, ingest pipeline, scheduler
        .target(
            name: "Aggregator",
            dependencies: [
                "FeedFetchers", "Moderation",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // HTTP: the v2 endpoints and the Flockler wire format
        .target(
            name: "ContentAPI",
            dependencies: [
                "Aggregator", "FeedFetchers", "Moderation",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources/openapi.json"), .copy("Resources/embed")],
            swiftSettings: strict
        ),
        // the command line: the composition root
        .executableTarget(
            name: "roost",
            dependencies: [
                "FeedFetchers", "Moderation", "Aggregator", "ContentAPI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        // A replay server for the platform fixtures, shared by the test targets (not a product).
        .target(
            name: "PlatformReplay",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Tests/PlatformReplay",
            swiftSettings: strict
        ),
        .testTarget(
            name: "FetcherTests",
            dependencies: [
                "FeedFetchers", "PlatformReplay",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "ModerationTests", dependencies: ["Moderation", "FeedFetchers"], swiftSettings: strict),
        .testTarget(
            name: "AggregatorTests",
            dependencies: [
                "Aggregator", "FeedFetchers", "Moderation",
                // Builds databases in the layouts of earlier versions, to test their migration.
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ContentAPITests",
            dependencies: [
                "ContentAPI", "Aggregator", "FeedFetchers", "PlatformReplay",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "CLITests",
            dependencies: [
                "roost", "Aggregator",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),
    ]
)
