// swift-tools-version: 6.2
import PackageDescription

// The pipeline, module by module (see DESIGN.md): TenderCore (diagnostics, exact fixed point) → TenderModel (the
// value types every stage shares) → TenderRubric (YAML) and TenderIntake (the only user of libxml2: bids and
// score sheets) → TenderScoring and TenderReport (pure; Core and Model only) → TenderPipeline (runs a tender,
// publishes through TenderFiles) → tender-eval (thin). Synth, bench and fuzz targets are developer tools: the
// package ships the tender-eval executable only.
let package = Package(
    name: "tender-eval",
    products: [.executable(name: "tender-eval", targets: ["tender-eval"])],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // System libraries, each behind one module; C helpers in compiled targets of their own.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .target(name: "CLibXML2Support", dependencies: ["CLibXML2"]),
        .systemLibrary(
            name: "CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"]), .brew(["openssl"])]
        ),
        .target(name: "CAtomicRename"),
        .systemLibrary(
            name: "CLibXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"]), .brew(["libxlsxwriter"])]
        ),

        // The product, stage by stage.
        .target(name: "TenderCore"),
        .target(name: "TenderModel", dependencies: ["TenderCore"]),
        .target(
            name: "TenderRubric",
            dependencies: ["TenderCore", "TenderModel", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "TenderIntake",
            dependencies: [
                "TenderCore", "TenderModel", "CLibXML2", "CLibXML2Support",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(name: "TenderScoring", dependencies: ["TenderCore", "TenderModel"]),
        .target(name: "TenderReport", dependencies: ["TenderCore", "TenderModel"]),
        // Writes .xlsx (blank score sheets, scores.xlsx) from a pure workbook model; reading is in TenderIntake.
        .target(name: "TenderSpreadsheet", dependencies: ["TenderCore", "CLibXlsxWriter"]),
        .target(name: "TenderFiles", dependencies: ["TenderCore", "TenderModel", "CAtomicRename"]),
        // After the award: the performance history (SQLite through GRDB), the only user of the database.
        .target(
            name: "TenderHistory",
            dependencies: ["TenderCore", "TenderModel", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "TenderPipeline",
            dependencies: [
                "TenderCore", "TenderModel", "TenderRubric", "TenderIntake", "TenderScoring", "TenderReport",
                "TenderFiles", "CLibCrypto", "TenderSpreadsheet", "TenderHistory",
            ]
        ),
        .executableTarget(
            name: "tender-eval",
            dependencies: [
                "TenderCore", "TenderModel", "TenderPipeline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Developer tools: synthetic tenders, the benchmark driver, the fuzzers.
        .target(name: "TenderSynth", dependencies: ["TenderCore", "TenderModel"]),
        .executableTarget(
            name: "tender-eval-bench",
            dependencies: ["TenderSynth", "TenderRubric", "TenderIntake", "TenderScoring", "TenderCore", "TenderModel"]
        ),
        .target(name: "TenderFuzzChecks", dependencies: ["TenderIntake", "TenderRubric", "TenderCore", "TenderModel"]),
        .executableTarget(name: "fuzz-bid-import", dependencies: ["TenderFuzzChecks"]),
        .executableTarget(name: "fuzz-rubric", dependencies: ["TenderFuzzChecks"]),

        // Tests: one target per module, plus end-to-end tests of the built binaries.
        .target(name: "TenderTestSupport", path: "Tests/TenderTestSupport", exclude: ["reference_driver.py"]),
        .testTarget(
            name: "TenderCoreTests",
            dependencies: ["TenderCore", "TenderTestSupport"],
            exclude: ["Reference"]
        ),
        .testTarget(name: "TenderFilesTests", dependencies: ["TenderFiles", "TenderCore", "TenderModel"]),
        .testTarget(
            name: "TenderHistoryTests",
            dependencies: ["TenderHistory", "TenderModel", "TenderCore", "TenderTestSupport", "CLibCrypto"]
        ),
        .testTarget(
            name: "TenderRubricTests",
            dependencies: ["TenderRubric", "TenderModel", "TenderCore", "TenderFuzzChecks", "TenderTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "TenderIntakeTests",
            dependencies: ["TenderIntake", "TenderModel", "TenderCore", "TenderFuzzChecks", "TenderTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "TenderScoringTests",
            dependencies: [
                "TenderScoring", "TenderModel", "TenderRubric", "TenderIntake", "TenderCore", "TenderTestSupport",
            ],
            exclude: ["Reference"]
        ),
        .testTarget(
            name: "TenderSynthTests",
            dependencies: ["TenderSynth", "TenderRubric", "TenderIntake", "TenderModel", "TenderCore", "TenderScoring"]
        ),
        .testTarget(
            name: "TenderSpreadsheetTests",
            dependencies: ["TenderSpreadsheet", "TenderIntake", "TenderModel", "TenderCore", "TenderTestSupport"]
        ),
        .testTarget(
            name: "TenderSheetsTests",
            dependencies: [
                "TenderPipeline", "TenderSpreadsheet", "TenderIntake", "TenderModel", "TenderCore", "TenderTestSupport",
            ]
        ),
        .testTarget(
            name: "TenderReportTests",
            dependencies: ["TenderReport", "TenderModel", "TenderCore", "TenderTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "TenderEvalCLITests",
            dependencies: ["tender-eval", "tender-eval-bench", "TenderTestSupport", "TenderIntake", "TenderCore"],
            resources: [.copy("Fixtures")]
        ),
    ]
)

for target in package.targets where target.type != .system && !target.name.hasPrefix("C") {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    target.swiftSettings = settings
}
