/// Columns padded to their widest value, two spaces apart.
enum TextTable {
    static func write(header: [String], rows: [[String]], empty: String) {
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        for row in [header] + rows {
            Terminal.line(row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces))
        }
        if rows.isEmpty { Terminal.line(empty) }
    }
}
