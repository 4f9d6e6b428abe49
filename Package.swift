// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "dsrd",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "dsrd", targets: ["dsrd"]),
    ],
    targets: [
        // C seams: system libraries found with pkg-config, plus typed wrappers
        // for the variadic curl functions Swift cannot call, and glibc's
        // malloc.h.
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .target(name: "CCurlShim", dependencies: ["CCurl"]),
        .systemLibrary(name: "CMalloc"),

        // Errors that say of themselves whether their text may be logged;
        // every module that defines errors builds on it.
        .target(name: "LogSafety"),

        // Pure logic: bytes in, values out. No I/O, no C.
        .target(name: "Hashing"),
        .target(name: "MailCore"),
        .target(name: "Requests", dependencies: ["Hashing", "LogSafety", "MailCore"]),

        // I/O over the C libraries, each C handle owned by an actor that runs
        // on a thread of its own (BlockingExecutor), off the cooperative pool.
        .target(name: "BlockingExecutor"),
        // Store is the PostgreSQL driver only (connection, values, errors, the
        // migrator): it knows nothing of requests or mail.
        .target(name: "Store", dependencies: ["CLibPQ", "BlockingExecutor", "LogSafety"]),
        .target(name: "Transport", dependencies: ["CCurl", "CCurlShim", "BlockingExecutor", "LogSafety"]),

        // The databases through repositories, in the words of Requests.
        // Records: dsrd's own schema `dsr` (ledger, requests, confirmations,
        // outbox, audit trail, holds, suppression list, daily jobs, the
        // operators' views) and its migrations; all of dsrd's SQL on `dsr`.
        // CustomerData: the customer database, known only through the data
        // map (access, erasure, rectification, objection, partner notices,
        // the map's check against the live catalog); what an erasure keeps
        // or suppresses it records through Records, in the same transaction.
        .target(name: "Records", dependencies: ["Hashing", "LogSafety", "MailCore", "Requests", "Store"]),
        .target(name: "CustomerData", dependencies: ["LogSafety", "Records", "Requests", "Store"]),

        // The daemon: its stages (decisions and orchestration, no SQL), the
        // runner, configuration, logging and the commands' logic; dsrd, the
        // executable, opens the client and the repositories its commands use.
        .target(name: "Daemon", dependencies: ["CMalloc", "CustomerData", "Hashing", "LogSafety", "MailCore", "Records",
                                              "Requests", "Store", "Transport"]),
        .executableTarget(name: "dsrd", dependencies: ["Daemon", "MailCore", "Records", "Requests", "Store"]),

        // Seeded randomness, message mutations and sample messages shared by
        // the tests (a plain library: test targets cannot import each other).
        .target(name: "FuzzSupport", dependencies: ["MailCore"], path: "Tests/FuzzSupport"),
        // In-memory twins of what the daemon talks to (the outbox, the mail
        // server), so stages are tested without servers; not in any product.
        .target(name: "DaemonTesting", dependencies: ["Daemon", "MailCore", "Records", "Transport"],
                path: "Tests/DaemonTesting"),

        .testTarget(name: "HashingTests", dependencies: ["Hashing"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "CustomerData", "Requests"]),
        .testTarget(name: "TransportTests", dependencies: ["Transport"]),
        .testTarget(name: "MailCoreTests", dependencies: ["MailCore", "FuzzSupport"]),
        .testTarget(
            name: "RequestsTests",
            dependencies: ["Requests", "Hashing", "MailCore", "FuzzSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "DaemonTests", dependencies: ["CustomerData", "Daemon", "DaemonTesting", "Hashing", "LogSafety",
                                                      "MailCore", "Records", "Store", "Transport"]),
        .testTarget(name: "IntegrationTests", dependencies: ["CustomerData", "Daemon", "DaemonTesting", "FuzzSupport", "MailCore", "Records",
                                                             "Store", "Transport"]),
    ],
    swiftLanguageModes: [.v6]
)
