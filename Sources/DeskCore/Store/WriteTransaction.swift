import Foundation
import MariaDB

/// The changes of one ``Store/write(_:_:)`` call: every method writes its rows *and* their audit entries
/// inside the write's transaction, bumping `version`. Exists only while the write's body runs; using it
/// afterwards is a programming error.
public final class WriteTransaction {
    /// Who is writing; every change is confined to `actor.orgID`.
    public let actor: Actor
    /// The time at the start of the transaction (``Store/now()``): `updated_at` and audit time of every
    /// change.
    public let now: Date
    let store: Store
    private var isOpen = true
    /// Whether a change may affect who can authenticate (an agent, org or API client was audited).
    private(set) var changesAuthentication = false
    /// Whether a custom field definition was audited (its api names may have changed).
    private(set) var changesCustomFields = false
    /// Whether something that shapes agents' access was audited (``AccessCache/accessRecordTypes``).
    private(set) var changesAccess = false

    /// Record types whose changes can make access tokens stop working: writing one empties this
    /// process's token cache when the transaction commits.
    static let authenticationRecordTypes: Set<String> = ["agent", "org", "apiclient", "accesstoken"]

    init(store: Store, actor: Actor) throws {
        self.store = store
        self.actor = actor
        self.now = Store.now()
    }

    /// The connection, inside the transaction.
    var connection: Connection {
        precondition(isOpen, "a WriteTransaction must not be used after its write returned")
        return store.connection
    }

    var orgID: Int64 { actor.orgID }

    func close() { isOpen = false }

    /// Appends one audit row for this actor.
    func audit(_ action: AuditAction, _ recordType: String, _ recordID: Int64, _ changes: [FieldChange]) throws {
        if Self.authenticationRecordTypes.contains(recordType) { changesAuthentication = true }
        if recordType == Self.customFieldRecordType { changesCustomFields = true }
        if AccessCache.accessRecordTypes.contains(recordType) { changesAccess = true }
        try AuditLog.append(connection: connection, id: store.ids.next(), actor: actor, at: now, action: action,
                            recordType: recordType, recordID: recordID, changes: changes)
    }
}
