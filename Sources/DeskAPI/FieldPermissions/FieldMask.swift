import DeskCore

/// The fields hidden from the agent of the current request, per module: what the record renderers
/// (`TicketJSON`, `ContactJSON`, `AccountJSON`, the custom field values, the audit log) leave out.
///
/// The auth step sets ``current`` around the handler of every request whose agent has hidden fields
/// (``FieldPermissionGuard/run(_:_:_:)``), so no handler can forget it; for everyone else it stays
/// ``none`` and the renderers take their plain path.
struct FieldMask: Sendable, Equatable {
    /// Hidden api names (standard fields and `cf_…`) per module.
    let hidden: [AccessModule: Set<String>]

    /// Nothing hidden.
    static let none = FieldMask(hidden: [:])

    /// The mask of the request being handled on this thread.
    @TaskLocal static var current: FieldMask = .none

    /// The hidden fields of `access` in every module with field permissions.
    init(access: AgentAccess) {
        var hidden: [AccessModule: Set<String>] = [:]
        for module in FieldPermissionFields.modules {
            let fields = FieldPermissionCheck.hiddenFields(of: module, access: access)
            if !fields.isEmpty { hidden[module] = fields }
        }
        self.hidden = hidden
    }

    init(hidden: [AccessModule: Set<String>]) {
        self.hidden = hidden
    }

    /// Whether nothing is hidden.
    var isEmpty: Bool { hidden.isEmpty }

    /// The hidden fields of `module`.
    func hidden(_ module: AccessModule) -> Set<String> {
        hidden.isEmpty ? [] : hidden[module] ?? []
    }
}
