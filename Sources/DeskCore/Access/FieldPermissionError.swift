/// Why a change of field permissions was refused (nothing of it is written).
public enum FieldPermissionError: Error, Sendable, Equatable {
    /// The Administrator profile sees and edits every field; it cannot be restricted.
    case administratorProfile
    /// The profile is neither built in nor a live custom profile of the org.
    case unknownProfile(Int64)
    /// The field is neither a standard field nor a live custom field of the module.
    case unknownField(String)
}
