/// A write refused because it sets fields the actor's profile makes read-only or hidden (thrown inside
/// the write, so its transaction rolls back and nothing of it is written).
public struct FieldPermissionDenied: Error, Sendable, Equatable {
    /// The module of the record written.
    public let module: AccessModule
    /// The refused fields, custom ones by api name (`cf_…`).
    public let refusals: [FieldPermissionCheck.Refusal]

    public init(module: AccessModule, refusals: [FieldPermissionCheck.Refusal]) {
        self.module = module
        self.refusals = refusals
    }
}
