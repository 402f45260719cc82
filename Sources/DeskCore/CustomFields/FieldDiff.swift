/// Audit changes between two field lists matched by name (a name missing on one side has no value
/// there), in the order of `before` then the names only `after` has.
enum FieldDiff {
    static func changes(from before: [(field: String, value: String?)],
                        to after: [(field: String, value: String?)]) -> [FieldChange] {
        var afterValues: [String: String?] = [:]
        for item in after { afterValues[item.field] = item.value }
        var seen = Set<String>()
        var changes: [FieldChange] = []
        for item in before {
            seen.insert(item.field)
            let new = afterValues[item.field] ?? nil
            if item.value != new { changes.append(FieldChange(field: item.field, old: item.value, new: new)) }
        }
        for item in after where !seen.contains(item.field) && item.value != nil {
            changes.append(FieldChange(field: item.field, old: nil, new: item.value))
        }
        return changes
    }
}
