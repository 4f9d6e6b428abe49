import Foundation

/// Structural checks that need no database: names well formed, paths ending at
/// the subject key, erasure rules complete, subject-only settings in place.
extension DataMap {
    /// Every structural fault, each with its JSON path; empty for a usable map.
    public func problems() -> [Problem] {
        var check = DataMapChecker(map: self)
        check.run()
        return check.problems
    }
}

/// Collects the problems of one map (see `DataMap.problems()`).
struct DataMapChecker {
    let map: DataMap
    private(set) var problems: [Problem] = []

    init(map: DataMap) { self.map = map }

    private mutating func report(_ path: String, _ message: String) {
        problems.append(Problem(path: path, message: message))
    }

    private mutating func identifier(_ name: String, _ path: String) {
        if !DataMapIdentifier.isValid(name) { report(path, "not a lower-case SQL identifier") }
    }

    private mutating func identifiers(_ names: [String], _ path: String, allowEmpty: Bool = false) {
        if names.isEmpty && !allowEmpty { report(path, "empty") }
        var seen: Set<String> = []
        for (index, name) in names.enumerated() {
            identifier(name, "\(path)[\(index)]")
            if !seen.insert(name).inserted { report("\(path)[\(index)]", "duplicate column \(name)") }
        }
    }

    private mutating func tableName(_ name: String, _ path: String) {
        if !DataMapIdentifier.isValid(name, parts: 2) { report(path, "not a schema-qualified table name (schema.table)") }
    }

    private mutating func text(_ value: LocalizedText?, _ path: String) {
        guard let value else { return }
        if value.en.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { report("\(path).en", "empty") }
        if value.nb.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { report("\(path).nb", "empty") }
    }

    mutating func run() {
        if map.version != DataMap.supportedVersion {
            report("version", "unsupported version \(map.version) (expected \(DataMap.supportedVersion))")
        }
        checkSubject()
        if map.tables.isEmpty { report("tables", "empty") }
        var firstIndex: [String: Int] = [:]
        for (index, table) in map.tables.enumerated() {
            if let earlier = firstIndex[table.table] {
                report("tables[\(index)].table", "duplicate of tables[\(earlier)]")
            } else {
                firstIndex[table.table] = index
            }
            checkTable(table, at: "tables[\(index)]")
        }
        checkProcessors()
    }

    /// Every processor is named, with its service, a country code and,
    /// outside the EEA, a safeguard; `transfers` says whether data leaves
    /// the EEA, so the access reply can never leave it unsaid.
    private mutating func checkProcessors() {
        if map.transfers == nil {
            report("transfers", "missing: the access reply must say whether personal data leaves the EEA (GDPR Art. 15(1)(c), 15(2))")
        }
        text(map.transfers, "transfers")
        var names: [String: Int] = [:]
        for (index, processor) in map.processors.enumerated() {
            let path = "processors[\(index)]"
            if processor.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { report("\(path).name", "empty") }
            if let earlier = names[processor.name] {
                report("\(path).name", "duplicate of processors[\(earlier)]")
            } else {
                names[processor.name] = index
            }
            text(processor.service, "\(path).service")
            text(processor.countryName, "\(path).country_name")
            text(processor.safeguard, "\(path).safeguard")
            if !Countries.isCode(processor.country) {
                report("\(path).country", "not an ISO 3166-1 alpha-2 country code in capitals (NO, IE, US)")
            } else if processor.countryName == nil && Countries.name(processor.country, .en) == nil {
                report("\(path).country_name", "missing: dsrd has no name for \(processor.country); give {\"en\": …, \"nb\": …}")
            }
            if !processor.isInEEA && processor.safeguard == nil {
                report("\(path).safeguard", "missing: \(processor.country) is outside the EEA, so the reply must name the transfer's "
                    + "safeguard (an adequacy decision, Art. 45, or standard contractual clauses, Art. 46)")
            }
        }
    }

    private mutating func checkSubject() {
        let subject = map.subject
        tableName(subject.table, "subject.table")
        identifier(subject.key, "subject.key")
        identifier(subject.emailColumn, "subject.email_column")
        identifiers(subject.nameColumns, "subject.name_columns")
        if let language = subject.languageColumn { identifier(language, "subject.language_column") }
        if map.table(named: subject.table) == nil { report("subject.table", "not listed in tables") }
    }

    private mutating func checkTable(_ table: MappedTable, at path: String) {
        tableName(table.table, "\(path).table")
        identifiers(table.key, "\(path).key")
        let isSubject = table.table == map.subject.table
        if isSubject {
            if !table.path.isEmpty { report("\(path).path", "must be empty for the subject table") }
            if table.key != [map.subject.key] { report("\(path).key", "must be [\"\(map.subject.key)\"], the subject key") }
        } else {
            checkPath(table.path, at: "\(path).path")
        }
        text(table.category, "\(path).category")
        text(table.purpose, "\(path).purpose")
        text(table.legalBasis, "\(path).legal_basis")
        text(table.retention, "\(path).retention")
        text(table.source, "\(path).source")
        text(table.recipients, "\(path).recipients")
        if let columns = table.columns { identifiers(columns, "\(path).columns") }
        for column in table.labels.keys.sorted() {
            identifier(column, "\(path).labels.\(column)")
            text(table.labels[column], "\(path).labels.\(column)")
        }
        checkErasure(table, at: "\(path).erasure")
        if let rectification = table.rectification {
            if !isSubject { report("\(path).rectification", "allowed only on the subject table") }
            if rectification.isEmpty { report("\(path).rectification", "empty") }
            for field in rectification.keys.sorted() {
                if let column = rectification[field] { identifier(column, "\(path).rectification.\(field)") }
            }
        }
        if let objection = table.objection {
            if !isSubject { report("\(path).objection", "allowed only on the subject table") }
            if objection.sharing == nil && objection.marketing == nil { report("\(path).objection", "empty") }
            if let sharing = objection.sharing { identifier(sharing.column, "\(path).objection.sharing.column") }
            if let marketing = objection.marketing { identifier(marketing.column, "\(path).objection.marketing.column") }
        }
        if let source = table.disclosures { checkDisclosures(source, at: "\(path).disclosures") }
    }

    private mutating func checkPath(_ steps: [PathStep], at path: String) {
        guard let last = steps.last else {
            report(path, "empty, but only the subject table may have an empty path")
            return
        }
        for (index, step) in steps.enumerated() {
            identifier(step.column, "\(path)[\(index)].column")
            if !DataMapIdentifier.isValid(step.references, parts: 3) {
                report("\(path)[\(index)].references", "not a schema-qualified column (schema.table.column)")
            }
        }
        let subjectKey = "\(map.subject.table).\(map.subject.key)"
        if last.references != subjectKey {
            report("\(path)[\(steps.count - 1)].references", "must end at \(subjectKey), the subject key")
        }
    }

    private mutating func checkErasure(_ table: MappedTable, at path: String) {
        switch table.erasure {
        case .delete:
            break
        case .nullify(let columns, let set):
            if columns.isEmpty && set.isEmpty { report(path, "nullify names no columns") }
            identifiers(columns, "\(path).columns", allowEmpty: true)
            for column in set.keys.sorted() { identifier(column, "\(path).set.\(column)") }
            if table.table == map.subject.table { report("\(path).action", "the subject table cannot be nullified; use delete") }
        case .hold(let rule):
            checkHold(rule, table: table, at: path)
        }
    }

    private mutating func checkHold(_ rule: HoldRule, table: MappedTable, at path: String) {
        if table.table == map.subject.table { report("\(path).action", "the subject table cannot be held; use delete") }
        if let parent = rule.with {
            tableName(parent, "\(path).with")
            if parent == table.table {
                report("\(path).with", "a table cannot be held with itself")
            } else if let parentTable = map.table(named: parent) {
                if case .hold = parentTable.erasure {} else { report("\(path).with", "\(parent) is not held") }
                if !table.path.contains(where: { $0.referencedColumn?.table == parent }) {
                    report("\(path).with", "\(parent) is not on this table's path")
                }
            } else {
                report("\(path).with", "\(parent) is not listed in tables")
            }
        } else {
            if let column = rule.dateColumn {
                identifier(column, "\(path).date_column")
                if !rule.keepColumns.isEmpty && !rule.keepColumns.contains(column) {
                    report("\(path).keep_columns", "must include the date_column \(column): the end of the hold is computed from it")
                }
            } else {
                report("\(path).date_column", "missing")
            }
            if let years = rule.yearsAfterFinancialYear {
                if !(0...100).contains(years) { report("\(path).years_after_financial_year", "must be between 0 and 100") }
            } else {
                report("\(path).years_after_financial_year", "missing")
            }
            if rule.reason == nil { report("\(path).reason", "missing") }
        }
        identifiers(rule.keepColumns, "\(path).keep_columns", allowEmpty: true)
        identifiers(rule.clearColumns, "\(path).clear_columns", allowEmpty: true)
        for (index, column) in rule.clearColumns.enumerated() where rule.keepColumns.contains(column) {
            report("\(path).clear_columns[\(index)]", "\(column) is also in keep_columns")
        }
        if let detach = rule.detachColumn {
            identifier(detach, "\(path).detach_column")
            if rule.keepColumns.contains(detach) { report("\(path).detach_column", "\(detach) is also in keep_columns") }
        }
        text(rule.reason, "\(path).reason")
    }

    private mutating func checkDisclosures(_ source: DisclosureSource, at path: String) {
        identifier(source.partnerColumn, "\(path).partner_column")
        tableName(source.partnerTable, "\(path).partner_table")
        identifier(source.partnerKey, "\(path).partner_key")
        identifier(source.partnerNameColumn, "\(path).partner_name_column")
        if let column = source.partnerAddressColumn { identifier(column, "\(path).partner_address_column") }
        identifier(source.dateColumn, "\(path).date_column")
        if let column = source.fieldsColumn { identifier(column, "\(path).fields_column") }
        if let column = source.partnerLanguageColumn { identifier(column, "\(path).partner_language_column") }
    }
}
