import MariaDB

extension Store {
    /// The org's data sharing setting of each shared module (tickets, contacts, accounts, in that order);
    /// a module without a stored setting is `private`.
    public func dataSharing(in org: Int64) throws -> [(module: AccessModule, access: DataSharing)] {
        var stored: [String: DataSharing] = [:]
        for row in try connection.query("""
            SELECT module, access FROM data_sharing WHERE org_id = \(org)
            """) {
            stored[try row.decode("module")] = DataSharing(rawValue: try row.decode("access"))
        }
        return AccessModule.shared.map { ($0, stored[$0.rawValue] ?? .private) }
    }
}
