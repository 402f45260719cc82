import Foundation
import MariaDB

extension WriteTransaction {
    /// Creates a custom profile with the rights (and field permissions) of `source`, a built-in or live
    /// custom profile; audits 'create' of the "profile" with every set field.
    ///
    /// - Throws: `StoreError.notFound` for an unknown source; `.invalid(field:reason:)` — "name" when empty,
    ///   too long or taken, "description" when too long.
    public func cloneProfile(_ source: Int64, name: String, description: String?) throws -> Profile {
        try Self.validateProfile(name: name, description: description)
        try lockOrgForProfileNaming()
        guard let original = try lockedProfile(source) else { throw StoreError.notFound }
        try requireUniqueProfileName(name, except: nil)
        let id = store.ids.next()
        try connection.execute("""
            INSERT INTO profiles (org_id, id, name, description, cloned_from, permissions, created_at, updated_at,
                                  version)
            VALUES (\(orgID), \(id), \(name), \(description), \(source), \(original.permissions.storedText),
                    \(now), \(now), 1)
            """)
        try connection.execute("""
            INSERT INTO field_permissions (org_id, profile_id, module, field, access, updated_at)
            SELECT org_id, \(id), module, field, access, \(now) FROM field_permissions
            WHERE org_id = \(orgID) AND profile_id = \(source)
            """)
        guard let profile = try lockedProfile(id) else { throw StoreError.notFound }
        let changes = profile.auditValues.compactMap { field, value in
            value.map { FieldChange(field: field, old: nil, new: $0) }
        }
        try audit(.create, "profile", id, changes)
        return profile
    }

    /// Applies `changes` to a live custom profile; only changed fields are written and audited ('update',
    /// the rights as their stored text old → new).
    ///
    /// - Throws: `AccessSettingRefusal.builtInProfile`; `StoreError.notFound`, `.versionMismatch(current:)`,
    ///   `.invalid(field:reason:)`.
    public func updateProfile(_ id: Int64, changes: ProfileChanges, expectedVersion: Int64?) throws -> Profile {
        if BuiltInProfile(rawValue: id) != nil { throw AccessSettingRefusal.builtInProfile }
        if changes.name != nil { try lockOrgForProfileNaming() }
        guard let current = try lockedProfile(id) else { throw StoreError.notFound }
        if let expectedVersion, expectedVersion != current.version {
            throw StoreError.versionMismatch(current: current.version)
        }
        let updated = Profile(id: id, name: changes.name ?? current.name,
                              description: changes.description ?? current.description, clonedFrom: current.clonedFrom,
                              permissions: changes.permissions?.applied(to: current.permissions) ?? current.permissions,
                              isBuiltIn: false, createdAt: current.createdAt, updatedAt: now,
                              version: current.version + 1)
        try Self.validateProfile(name: updated.name, description: updated.description)
        if updated.name != current.name { try requireUniqueProfileName(updated.name, except: id) }
        let diff = zip(current.auditValues, updated.auditValues).compactMap { old, new in
            old.value == new.value ? nil : FieldChange(field: old.field, old: old.value, new: new.value)
        }
        if diff.isEmpty { return current }
        try connection.execute("""
            UPDATE profiles SET name = \(updated.name), description = \(updated.description),
                permissions = \(updated.permissions.storedText), updated_at = \(now), version = version + 1
            WHERE org_id = \(orgID) AND id = \(id) AND deleted_at IS NULL
            """)
        try audit(.update, "profile", id, diff)
        guard let stored = try lockedProfile(id) else { throw StoreError.notFound }
        return stored
    }

    /// Deletes a custom profile that no agent has (agents in the recycle bin included); audits 'delete'.
    ///
    /// - Throws: `AccessSettingRefusal.builtInProfile`, `.profileInUse`; `StoreError.notFound`.
    public func deleteProfile(_ id: Int64) throws {
        if BuiltInProfile(rawValue: id) != nil { throw AccessSettingRefusal.builtInProfile }
        guard let current = try lockedProfile(id) else { throw StoreError.notFound }
        // The profile's row is locked: an agent write that names it (a shared lock) waits until this commits.
        let users = try connection.queryFirst("""
            SELECT id FROM agents WHERE org_id = \(orgID) AND profile_id = \(id) LIMIT 1 LOCK IN SHARE MODE
            """)
        if users != nil { throw AccessSettingRefusal.profileInUse }
        try connection.execute("""
            UPDATE profiles SET deleted_at = \(now), deleted_by = \(actor.agentID), updated_at = \(now),
                version = version + 1
            WHERE org_id = \(orgID) AND id = \(id) AND deleted_at IS NULL
            """)
        try audit(.delete, "profile", id, [FieldChange(field: "name", old: current.name, new: nil)])
    }

    private static func validateProfile(name: String, description: String?) throws {
        try Validation.text(name, field: "name", max: Profile.maxName)
        if let description { try Validation.length(description, field: "description", max: Profile.maxDescription) }
    }

    /// Naming a profile first locks the org's row, so concurrent namings in one org queue.
    private func lockOrgForProfileNaming() throws {
        _ = try connection.queryFirst("""
            SELECT id FROM orgs WHERE id = \(orgID) FOR UPDATE
            """)
    }

    /// No built-in or other live custom profile may have this name (case-insensitive).
    private func requireUniqueProfileName(_ name: String, except id: Int64?) throws {
        let folded = name.lowercased()
        let builtInTaken = BuiltInProfile.allCases.contains { $0.name.lowercased() == folded }
        let rows = try connection.query("""
            SELECT id FROM profiles WHERE org_id = \(orgID) AND name = \(name) AND deleted_at IS NULL FOR UPDATE
            """)
        let others = try rows.map { try $0.decode("id", as: Int64.self) }.filter { $0 != id }
        guard others.isEmpty && !builtInTaken else {
            throw StoreError.invalid(field: "name", reason: "another profile of this org has this name")
        }
    }

    /// A built-in profile, or the live custom profile locked for the rest of the transaction.
    private func lockedProfile(_ id: Int64) throws -> Profile? {
        if let builtIn = BuiltInProfile(rawValue: id) { return Profile(builtIn) }
        return try connection.queryFirst("""
            SELECT \(Profile.columns) FROM profiles
            WHERE org_id = \(orgID) AND id = \(id) AND deleted_at IS NULL FOR UPDATE
            """).map(Profile.init(row:))
    }
}
