// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "tender-eval",
    products: [.executable(name: "tender-eval", targets: ["tender-eval"])],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .systemLibrary(
            name: "CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"]), .brew(["openssl"])]
        ),
        .target(name: "TenderCore"),
        .target(name: "CAtomicRename"),
        .target(name: "TenderFiles", dependencies: ["TenderCore", "CAtomicRename"]),
        .target(
            name: "TenderPipeline",
            dependencies: [
                "TenderCore", "TenderRubric", "TenderBidImport", "TenderScoring", "TenderReport", "TenderFiles",
                "CLibCrypto",
            ]
        ),
        .target(
            name: "TenderRubric",
            dependencies: ["TenderCore", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "TenderBidImport", dependencies: ["TenderCore", "CLibXML2"]),
        .target(name: "TenderScoring", dependencies: ["TenderCore", "TenderRubric", "TenderBidImport"]),
        .target(name: "TenderReport", dependencies: ["TenderCore", "TenderScoring"]),
        .executableTarget(
            name: "tender-eval",
            dependencies: [
                "TenderCore", "TenderRubric", "TenderBidImport", "TenderScoring", "TenderReport", "TenderFiles",
                "TenderPipeline", "TenderSynth",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TenderSynth", dependencies: ["TenderCore"]),
        .executableTarget(
            name: "tender-eval-bench",
            dependencies: ["TenderSynth", "TenderRubric", "TenderBidImport", "TenderScoring", "TenderCore"]
        ),
        .target(name: "TenderFuzzChecks", dependencies: ["TenderBidImport", "TenderRubric", "TenderCore"]),
        .executableTarget(name: "fuzz-bid-import", dependencies: ["TenderFuzzChecks"]),
        .executableTarget(name: "fuzz-rubric", dependencies: ["TenderFuzzChecks"]),
        .testTarget(name: "TenderCoreTests", dependencies: ["TenderCore"], exclude: ["Reference"]),
        .testTarget(name: "TenderFilesTests", dependencies: ["TenderFiles", "TenderCore"]),
        .testTarget(
            name: "TenderRubricTests",
            dependencies: ["TenderRubric", "TenderFuzzChecks", "TenderTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "TenderBidImportTests",
            dependencies: ["TenderBidImport", "TenderFuzzChecks", "TenderTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "TenderScoringTests",
            dependencies: ["TenderScoring", "TenderRubric", "TenderBidImport", "TenderCore"]
        ),
        .testTarget(name: "TenderSynthTests", dependencies: ["TenderSynth", "TenderRubric", "TenderBidImport"]),
        .testTarget(
            name: "TenderReportTests",
            dependencies: ["TenderReport", "TenderTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .target(name: "TenderTestSupport", path: "Tests/TenderTestSupport"),
        .testTarget(
            name: "TenderEvalCLITests",
            dependencies: ["tender-eval", "TenderTestSupport"],
            resources: [.copy("Fixtures")]
        ),
    ]
)

for target in package.targets where target.type != .system && target.name != "CAtomicRename" {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    target.swiftSettings = settings
}
