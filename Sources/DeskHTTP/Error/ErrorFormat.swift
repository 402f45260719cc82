/// How an error response is rendered.
public enum ErrorFormat: Sendable, Equatable {
    /// `application/json`: `{"errorCode","message","errors"?,"requestId"}`.
    case json
    /// A small readable HTML page with every value escaped.
    case html
}
