/// Checks a data map against a database's catalog: every table and column it
/// names exists, every path step follows a foreign key to a primary or unique
/// key between columns of compatible types, no table reaches the subject
/// through several foreign keys unless the map allows it, hold dates
/// are dates, objection columns are booleans, columns set NULL are nullable,
/// and no table that points at a mapped table is left out of the map.
public struct DataMapValidator: Sendable {
    public let map: DataMap
    public let catalog: DatabaseCatalog
    private var problems: [Problem] = []

    public init(map: DataMap, catalog: DatabaseCatalog) {
        self.map = map
        self.catalog = catalog
    }

    /// Every mismatch between map and database, each with its JSON path.
    public static func problems(_ map: DataMap, catalog: DatabaseCatalog) -> [Problem] {
        var validator = DataMapValidator(map: map, catalog: catalog)
        validator.run()
        return validator.problems
    }

    private mutating func report(_ path: String, _ message: String) {
        problems.append(Problem(path: path, message: message))
    }

    /// The column, or a problem "no column … in table …" (or "no table …").
    @discardableResult
    private mutating func column(_ table: String, _ name: String, _ path: String) -> DatabaseCatalog.Column? {
        guard let columns = catalog.tables[table] else {
            report(path, "table \(table) does not exist")
            return nil
        }
        guard let column = columns[name] else {
            report(path, "column \(name) does not exist in \(table)")
            return nil
        }
        return column
    }

    private mutating func columns(_ table: String, _ names: [String], _ path: String) {
        for (index, name) in names.enumerated() { column(table, name, "\(path)[\(index)]") }
    }

    private mutating func nullable(_ table: String, _ name: String, _ path: String, why: String) {
        if let found = column(table, name, path), !found.isNullable { report(path, "column \(name) is NOT NULL, so it cannot be \(why)") }
    }

    mutating func run() {
        let subject = map.subject
        if catalog.tables[subject.table] == nil {
            report("subject.table", "table \(subject.table) does not exist")
        } else {
            column(subject.table, subject.key, "subject.key")
            if let email = column(subject.table, subject.emailColumn, "subject.email_column"),
               !DatabaseCatalog.joinable(email.dataType, "text") {
                report("subject.email_column", "column \(subject.emailColumn) is \(email.dataType), not text")
            }
            columns(subject.table, subject.nameColumns, "subject.name_columns")
            if let language = subject.languageColumn { column(subject.table, language, "subject.language_column") }
        }
        for (index, table) in map.tables.enumerated() {
            check(table, at: "tables[\(index)]")
        }
        checkCoverage()
    }

    private mutating func check(_ table: MappedTable, at path: String) {
        guard catalog.tables[table.table] != nil else {
            report("\(path).table", "table \(table.table) does not exist")
            return
        }
        columns(table.table, table.key, "\(path).key")
        if let exported = table.columns { columns(table.table, exported, "\(path).columns") }
        checkLabels(table, at: "\(path).labels")
        checkPath(table, at: "\(path).path")
        checkErasure(table, at: "\(path).erasure")
        if let rectification = table.rectification {
            for field in rectification.keys.sorted() {
                if let name = rectification[field] { column(table.table, name, "\(path).rectification.\(field)") }
            }
        }
        if let objection = table.objection {
            for (name, value) in [("sharing", objection.sharing), ("marketing", objection.marketing)] {
                guard let value else { continue }
                let columnPath = "\(path).objection.\(name).column"
                guard let found = column(table.table, value.column, columnPath) else { continue }
                if found.dataType != "boolean" { report(columnPath, "column \(value.column) is \(found.dataType), not boolean") }
                if case .bool = value.value {} else { report("\(path).objection.\(name).value", "must be true or false") }
            }
        }
        if let source = table.disclosures { checkDisclosures(source, table: table.table, at: "\(path).disclosures") }
    }

    /// Every column in the copy has a label, and every label names a
    /// column: the readable copy never shows a column name.
    private mutating func checkLabels(_ table: MappedTable, at path: String) {
        guard let all = catalog.tables[table.table] else { return }
        for name in table.labels.keys.sorted() where all[name] == nil {
            report("\(path).\(name)", "column \(name) does not exist in \(table.table)")
        }
        let exported = table.columns ?? all.keys.sorted()
        let missing = exported.filter { all[$0] != nil && table.labels[$0] == nil }
        if !missing.isEmpty {
            report(path, "no label for \(missing.joined(separator: ", ")): the copy would show column names")
        }
    }

    /// Each step must follow a single-column foreign key of the current
    /// table to the primary or unique key it references, so every row
    /// reaches at most one subject. A step along any other pair of columns
    /// (`event_id` = `event_registrations.event_id`) would fan out: access
    /// would export, and erasure delete, other people's rows.
    private mutating func checkPath(_ table: MappedTable, at path: String) {
        var current = table.table
        var reached = [table.table]
        for (index, step) in table.path.enumerated() {
            let stepPath = "\(path)[\(index)]"
            let own = column(current, step.column, "\(stepPath).column")
            guard let target = step.referencedColumn else { return }
            guard catalog.tables[target.table] != nil else {
                report("\(stepPath).references", "table \(target.table) does not exist")
                return
            }
            guard let referenced = catalog.column(target.table, target.column) else {
                report("\(stepPath).references", "column \(target.column) does not exist in \(target.table)")
                return
            }
            if let own, !DatabaseCatalog.joinable(own.dataType, referenced.dataType) {
                report("\(stepPath).references", "\(current).\(step.column) is \(own.dataType) but \(step.references) is \(referenced.dataType)")
            } else if own != nil, !catalog.isForeignKey(current, step.column, to: target.table, target.column) {
                report("\(stepPath).references", "\(current).\(step.column) has no single-column foreign key to \(step.references) "
                    + "(a primary or unique key): the join could reach other people's rows")
            }
            current = target.table
            if current != map.subject.table { reached.append(current) }
        }
        if !table.sharedRows { checkSharedRows(reached, at: path) }
    }

    /// A table with several foreign keys to the subject table holds rows
    /// that can belong to several people; the path picks one of them, so
    /// the map must say it means that (`shared_rows`).
    private mutating func checkSharedRows(_ tables: [String], at path: String) {
        for table in tables {
            let columns = Set(catalog.foreignKeys.filter { $0.table == table && $0.referencedTable == map.subject.table }
                .map(\.column)).sorted()
            guard columns.count > 1 else { continue }
            report(path, "\(table) has \(columns.count) foreign keys to \(map.subject.table) (\(columns.joined(separator: ", "))), "
                + "so a row can belong to several people: set \"shared_rows\": true if the path's key alone makes a row the person's")
        }
    }

    private mutating func checkErasure(_ table: MappedTable, at path: String) {
        switch table.erasure {
        case .delete:
            break
        case .nullify(let names, let set):
            for (index, name) in names.enumerated() { nullable(table.table, name, "\(path).columns[\(index)]", why: "set NULL") }
            for name in set.keys.sorted() {
                if set[name] == .null { nullable(table.table, name, "\(path).set.\(name)", why: "set NULL") } else { column(table.table, name, "\(path).set.\(name)") }
            }
        case .hold(let rule):
            if let date = rule.dateColumn, let found = column(table.table, date, "\(path).date_column"),
               !DatabaseCatalog.isDateLike(found.dataType) {
                report("\(path).date_column", "column \(date) is \(found.dataType), not a date or timestamp")
            }
            columns(table.table, rule.keepColumns, "\(path).keep_columns")
            for (index, name) in rule.clearColumns.enumerated() { nullable(table.table, name, "\(path).clear_columns[\(index)]", why: "cleared") }
            if let detach = rule.detachColumn { nullable(table.table, detach, "\(path).detach_column", why: "detached") }
            if !rule.keepColumns.isEmpty { checkHeldColumnsCanBeCleared(table, rule: rule, at: path) }
        }
    }

    /// A held row keeps only `keep_columns` (and its key): any other column
    /// that is NOT NULL would keep data the law does not ask for.
    private mutating func checkHeldColumnsCanBeCleared(_ table: MappedTable, rule: HoldRule, at path: String) {
        guard let columns = catalog.tables[table.table] else { return }
        for name in columns.keys.sorted() where !rule.keepColumns.contains(name) && !table.key.contains(name) {
            if columns[name]?.isNullable == false {
                report("\(path).keep_columns", "column \(name) is NOT NULL but not kept, so a held row cannot be cleared of it")
            }
        }
    }

    private mutating func checkDisclosures(_ source: DisclosureSource, table: String, at path: String) {
        let own = column(table, source.partnerColumn, "\(path).partner_column")
        if let date = column(table, source.dateColumn, "\(path).date_column"), !DatabaseCatalog.isDateLike(date.dataType) {
            report("\(path).date_column", "column \(source.dateColumn) is \(date.dataType), not a date or timestamp")
        }
        if let fields = source.fieldsColumn { column(table, fields, "\(path).fields_column") }
        guard catalog.tables[source.partnerTable] != nil else {
            report("\(path).partner_table", "table \(source.partnerTable) does not exist")
            return
        }
        if let key = column(source.partnerTable, source.partnerKey, "\(path).partner_key"), let own,
           !DatabaseCatalog.joinable(own.dataType, key.dataType) {
            report("\(path).partner_key", "\(source.partnerKey) is \(key.dataType) but \(source.partnerColumn) is \(own.dataType)")
        }
        column(source.partnerTable, source.partnerNameColumn, "\(path).partner_name_column")
        if let address = source.partnerAddressColumn { column(source.partnerTable, address, "\(path).partner_address_column") }
        if let language = source.partnerLanguageColumn,
           let found = column(source.partnerTable, language, "\(path).partner_language_column"),
           !DatabaseCatalog.joinable(found.dataType, "text") {
            report("\(path).partner_language_column", "column \(language) is \(found.dataType), not text")
        }
    }

    /// A table that references a mapped table holds data about the person too
    /// and must be mapped (lookup tables such as partners are referenced, not referencing).
    private mutating func checkCoverage() {
        let mapped = Set(map.tables.map(\.table))
        var reported: Set<String> = []
        for key in catalog.foreignKeys where !mapped.contains(key.table) && mapped.contains(key.referencedTable) {
            guard reported.insert(key.table).inserted else { continue }
            report("tables", "table \(key.table) references \(key.referencedTable) but is not in the data map")
        }
    }
}
