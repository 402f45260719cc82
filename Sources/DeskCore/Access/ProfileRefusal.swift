/// Refusals of the access settings that are not about one field's value: the API answers them with 422
/// `UNPROCESSABLE_ENTITY` and the message.
public enum AccessSettingRefusal: Error, Equatable, Sendable {
    /// A built-in profile cannot be changed or deleted.
    case builtInProfile
    /// A custom profile still assigned to agents cannot be deleted.
    case profileInUse
    /// The top role cannot be changed or deleted.
    case topRole

    /// A message for the client (it names no value).
    public var message: String {
        switch self {
        case .builtInProfile:
            "Built-in profiles cannot be changed or deleted; clone them into a custom profile instead."
        case .profileInUse:
            "The profile is assigned to agents; assign them another profile before deleting it."
        case .topRole:
            "The top role cannot be changed or deleted."
        }
    }
}
