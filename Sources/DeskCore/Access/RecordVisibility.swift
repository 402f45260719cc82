import MariaDB

/// Which records of one shared module (tickets, contacts, accounts) an agent reaches: every record, or
/// those of some owners (a ticket's assignee, a contact's or account's owner) and of some departments
/// (tickets only); separately for reading and for editing.
///
/// Reads put ``readCondition(owner:department:)`` into their `WHERE` clause, so lists stay index-backed
/// and paginate correctly; writes check ``canWrite(owner:department:)`` on the locked row.
public struct RecordVisibility: Sendable, Equatable {
    /// Every record is readable.
    public let readsAll: Bool
    /// Every record is editable.
    public let writesAll: Bool
    /// Owners whose records are readable (sorted, unique).
    public let readOwners: [Int64]
    /// Owners whose records are editable (sorted, unique).
    public let writeOwners: [Int64]
    /// Departments whose records are readable (sorted, unique; tickets only).
    public let readDepartments: [Int64]
    /// Departments whose records are editable (sorted, unique; tickets only).
    public let writeDepartments: [Int64]

    public init(readsAll: Bool, writesAll: Bool, readOwners: Set<Int64>, writeOwners: Set<Int64>,
                readDepartments: Set<Int64>, writeDepartments: Set<Int64>) {
        self.readsAll = readsAll || writesAll
        self.writesAll = writesAll
        self.readOwners = readOwners.union(writeOwners).sorted()
        self.writeOwners = writeOwners.sorted()
        self.readDepartments = readDepartments.union(writeDepartments).sorted()
        self.writeDepartments = writeDepartments.sorted()
    }

    /// Every record, read and write.
    public static let everything = RecordVisibility(readsAll: true, writesAll: true, readOwners: [], writeOwners: [],
                                                    readDepartments: [], writeDepartments: [])

    /// Whether a record with this owner and department is readable.
    public func canRead(owner: Int64?, department: Int64?) -> Bool {
        readsAll || Self.matches(owner, readOwners) || Self.matches(department, readDepartments)
    }

    /// Whether a record with this owner and department is editable.
    public func canWrite(owner: Int64?, department: Int64?) -> Bool {
        writesAll || Self.matches(owner, writeOwners) || Self.matches(department, writeDepartments)
    }

    /// The `WHERE` condition of readable records: `TRUE`, or owner / department membership with bound
    /// values. `owner` and `department` are column names from the caller's allow-list (nil: the table
    /// has no department column). A record without owner (an unassigned ticket) matches only through
    /// its department.
    public func readCondition(owner: String, department: String?) -> SQL {
        readsAll ? "TRUE" : Self.condition(owner: owner, department: department, readOwners, readDepartments)
    }

    /// The `WHERE` condition of editable records, as ``readCondition(owner:department:)`` (the recycle bin
    /// lists only what an agent may restore).
    public func writeCondition(owner: String, department: String?) -> SQL {
        writesAll ? "TRUE" : Self.condition(owner: owner, department: department, writeOwners, writeDepartments)
    }

    private static func condition(owner: String, department: String?, _ owners: [Int64], _ departments: [Int64]) -> SQL {
        var parts: [SQL] = []
        if !owners.isEmpty { parts.append("\(unsafeRaw: owner) IN (\(list: owners))") }   // allow-listed: caller's column
        if let department, !departments.isEmpty {
            parts.append("\(unsafeRaw: department) IN (\(list: departments))")   // allow-listed: caller's column
        }
        guard !parts.isEmpty else { return "FALSE" }
        return "(" + SQL.joined(parts, separator: " OR ") + ")"
    }

    private static func matches(_ value: Int64?, _ sorted: [Int64]) -> Bool {
        guard let value else { return false }
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == value
    }
}
