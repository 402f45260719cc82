import MariaDB

/// What the queue reads and the decision writes share between the two kinds of privacy request.
protocol PrivacyRequestRecord {
    /// The table (allow-listed).
    static var table: SQL { get }
    /// The stored columns (allow-listed).
    static var columns: SQL { get }
    /// The audit record type, e.g. "emailChangeRequest".
    static var recordType: String { get }
    init(row: Row) throws
    var id: Int64 { get }
    var status: PrivacyRequestStatus { get }
    var portalUserID: Int64 { get }
}

extension EmailChangeRequest: PrivacyRequestRecord {
    static let table: SQL = "email_change_requests"
    static let recordType = "emailChangeRequest"
}

extension ErasureRequest: PrivacyRequestRecord {
    static let table: SQL = "erasure_requests"
    static let recordType = "erasureRequest"
}
