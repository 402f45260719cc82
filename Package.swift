// swift-tools-version:6.0
import PackageDescription

/// deskd: a self-hosted, multi-tenant help desk — a FastCGI responder behind nginx over MariaDB.
/// Targets follow DESIGN §2: C libraries wrapped as system libraries, one Swift target over each,
/// the domain in DeskCore, HTTP in DeskHTTP, the agent API in DeskAPI, and the `deskd` executable.
/// Release builds optimise across deskd's own modules: generic code (the router, the HTTP pipeline, row
/// decoding) is specialised and inlined where it is called instead of running through generic entry points.
let crossModuleOptimization: [SwiftSetting] = [
    .unsafeFlags(["-cross-module-optimization"], .when(configuration: .release)),
]

let package = Package(
    name: "deskd",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "deskd", targets: ["deskd"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // C libraries (module maps only).
        .systemLibrary(name: "CFastCGI", providers: [.apt(["libfcgi-dev"])]),
        .systemLibrary(name: "CMariaDB", pkgConfig: "libmariadb", providers: [.apt(["libmariadb-dev"])]),
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),

        // Transport and database layers.
        .target(name: "FastCGI", dependencies: [
            "CFastCGI",
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: crossModuleOptimization),
        .target(name: "MariaDB", dependencies: ["CMariaDB"], swiftSettings: crossModuleOptimization),

        // The domain.
        .target(name: "DeskCore", dependencies: [
            "MariaDB", "COpenSSL",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "TOMLKit", package: "TOMLKit"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], swiftSettings: crossModuleOptimization),

        // HTTP over FastCGI, no domain knowledge.
        .target(name: "DeskHTTP", dependencies: [
            "FastCGI",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "MultipartKit", package: "multipart-kit"),
        ], swiftSettings: crossModuleOptimization),

        // The agent JSON API and operational routes.
        .target(name: "DeskAPI", dependencies: [
            "DeskCore", "DeskHTTP", "HelpCenter",
            .product(name: "Logging", package: "swift-log"),
        ], resources: [.copy("Resources/openapi.json")], swiftSettings: crossModuleOptimization),

        // The help center: end users' HTML pages under /portal/{portal}/.
        .target(name: "HelpCenter", dependencies: [
            "DeskCore", "DeskHTTP",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Mustache", package: "swift-mustache"),
        ], resources: [.copy("Resources/templates"), .copy("Resources/i18n")],
                swiftSettings: crossModuleOptimization),

        // The executable: a CLI of subcommands.
        .executableTarget(name: "deskd", dependencies: [
            "DeskAPI", "DeskCore", "DeskHTTP", "FastCGI", "MariaDB",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: crossModuleOptimization),

        // Test helpers shared by the test targets (a FastCGI client, a locked box).
        .target(name: "DeskTesting", path: "Tests/DeskTesting"),

        .testTarget(name: "MariaDBTests", dependencies: ["MariaDB"]),
        .testTarget(name: "FastCGITests", dependencies: [
            "FastCGI", "DeskTesting", .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "DeskHTTPTests", dependencies: [
            "DeskHTTP", "FastCGI", "DeskTesting", .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "DeskCoreTests", dependencies: [
            "DeskCore", "MariaDB", .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "HelpCenterTests", dependencies: ["HelpCenter", "DeskCore", "DeskHTTP"]),
        .testTarget(name: "DeskdTests", dependencies: ["deskd"]),
    ]
)
