/// What an access token may do: every scope (an administrator's own token from `deskd token create`, and
/// every token issued before scopes were stored), or the OAuth scopes its API client was granted.
public enum TokenScope: Sendable, Equatable {
    /// Every scope; stored as `*`.
    case all
    /// These scopes only.
    case scopes([OAuthScope])

    /// The stored marker of ``all``.
    static let allMarker = "*"

    /// Whether the token holds at least one of `alternatives` (any one suffices).
    public func grants(anyOf alternatives: [OAuthScope]) -> Bool {
        switch self {
        case .all:
            return true
        case .scopes(let held):
            return alternatives.contains { wanted in held.contains { $0.covers(wanted) } }
        }
    }

    /// The text stored in `access_tokens.scope`.
    var stored: String {
        switch self {
        case .all: Self.allMarker
        case .scopes(let scopes): OAuthScope.text(scopes)
        }
    }

    /// The scope of a stored text (`*`, or a list whose unparsable items grant nothing).
    init(stored text: String) {
        self = text == Self.allMarker ? .all : .scopes(OAuthScope.parseStored(text))
    }
}
