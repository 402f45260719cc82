/// Which of the fields a request touches an agent may not touch: the write side (readOnly and hidden
/// fields refused) and the read side (hidden fields cannot be filtered, sorted or searched on).
public enum FieldPermissionCheck {
    /// One refused field.
    public struct Refusal: Sendable, Equatable {
        /// The field's api name (`email`, `cf_region`).
        public let field: String
        /// Why: `readOnly` or `hidden`.
        public let access: FieldAccess

        public init(field: String, access: FieldAccess) {
            self.field = field
            self.access = access
        }
    }

    /// The fields among `fields` (api names) of `module` that `access` may not write, in the given order.
    /// Administrators and agents without settings for the module never get a refusal.
    public static func unwritable(_ fields: [String], module: AccessModule, access: AgentAccess) -> [Refusal] {
        guard !access.isAdministrator, let settings = access.fields[module], !settings.isEmpty else { return [] }
        return fields.compactMap { field in
            guard let setting = settings[field], setting != .readWrite else { return nil }
            return Refusal(field: field, access: setting)
        }
    }

    /// The fields among `fields` of `module` that are hidden from `access`.
    public static func hidden(_ fields: [String], module: AccessModule, access: AgentAccess) -> [String] {
        guard !access.isAdministrator, let settings = access.fields[module], !settings.isEmpty else { return [] }
        return fields.filter { settings[$0] == .hidden }
    }

    /// The api names of every hidden field of `module` for `access` (empty for administrators).
    public static func hiddenFields(of module: AccessModule, access: AgentAccess) -> Set<String> {
        guard !access.isAdministrator, let settings = access.fields[module] else { return [] }
        return Set(settings.compactMap { $0.value == .hidden ? $0.key : nil })
    }
}
