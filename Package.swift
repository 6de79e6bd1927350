// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Huibao",
    products: [
        .library(name: "Huibao", targets: ["Huibao"]),
        .executable(name: "huibao", targets: ["huibao"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        // Reads .xlsx workbooks, which are ZIP archives of XML parts.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Pango, PangoCairo, PangoFT2, fontconfig and cairo-pdf, wrapped once.
        .systemLibrary(
            name: "CPangoCairo",
            pkgConfig: "pangocairo pangoft2 fontconfig",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]
        ),
        // The system SQLite, for data manifests that query a database; wrapped once in
        // HuibaoCore/Data/SQLiteDatabase.swift.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // Data, Template, Markup, Document, Style: Swift; the only C is SQLite, behind one class.
        .target(name: "HuibaoCore", dependencies: [
            .product(name: "Yams", package: "Yams"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            "CSQLite",
        ]),
        // Fonts, the paragraph composer, layout and PDF output: Pango and Cairo.
        .target(name: "HuibaoTypeset", dependencies: ["HuibaoCore", "CPangoCairo"]),
        // The public API: template + data + style → PDF.
        .target(name: "Huibao", dependencies: ["HuibaoCore", "HuibaoTypeset"]),
        .executableTarget(name: "huibao", dependencies: ["Huibao"]),
        // Our composer against Pango's own justified PangoLayout on the same 30 pages (bench/composer).
        .executableTarget(name: "composer-bench", dependencies: ["HuibaoTypeset", "HuibaoCore", "CPangoCairo"],
                          path: "bench/composer"),
        // Reads finished PDFs with real tools (mutool, pdftotext, pdffonts, qpdf) for the tests.
        .target(name: "HuibaoTestSupport", path: "Tests/HuibaoTestSupport"),
        .testTarget(name: "HuibaoCoreTests", dependencies: ["HuibaoCore"]),
        .testTarget(name: "HuibaoTypesetTests", dependencies: ["HuibaoTypeset", "HuibaoCore", "HuibaoTestSupport"]),
        .testTarget(name: "HuibaoEndToEndTests", dependencies: ["Huibao", "HuibaoTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
