import MariaDB

extension Store {
    /// A page of the org's email change requests matching `filter`, oldest first (the queue's order).
    public func emailChangeRequests(in org: Int64, filter: PrivacyRequestFilter, page: Page) throws -> [EmailChangeRequest] {
        try privacyRequests(EmailChangeRequest.self, in: org, filter: filter, page: page)
    }

    /// One email change request of the org; nil when unknown or another org's.
    public func emailChangeRequest(_ id: Int64, in org: Int64) throws -> EmailChangeRequest? {
        try privacyRequest(EmailChangeRequest.self, id, in: org)
    }

    /// The portal user's most recent email change request (pending or decided), or nil.
    public func latestEmailChangeRequest(portalUser: Int64, in org: Int64) throws -> EmailChangeRequest? {
        try latestPrivacyRequest(EmailChangeRequest.self, portalUser: portalUser, in: org)
    }

    /// A page of the org's erasure requests matching `filter`, oldest first (the queue's order).
    public func erasureRequests(in org: Int64, filter: PrivacyRequestFilter, page: Page) throws -> [ErasureRequest] {
        try privacyRequests(ErasureRequest.self, in: org, filter: filter, page: page)
    }

    /// One erasure request of the org; nil when unknown or another org's.
    public func erasureRequest(_ id: Int64, in org: Int64) throws -> ErasureRequest? {
        try privacyRequest(ErasureRequest.self, id, in: org)
    }

    /// The portal user's most recent erasure request (pending or decided), or nil.
    public func latestErasureRequest(portalUser: Int64, in org: Int64) throws -> ErasureRequest? {
        try latestPrivacyRequest(ErasureRequest.self, portalUser: portalUser, in: org)
    }

    private func privacyRequests<R: PrivacyRequestRecord>(_ type: R.Type, in org: Int64, filter: PrivacyRequestFilter,
                                                          page: Page) throws -> [R] {
        try page.validate()
        let status: SQL = filter.status.map { "AND status = \($0.rawValue)" } ?? ""
        return try connection.query("""
            SELECT \(R.columns) FROM \(R.table) WHERE org_id = \(org) \(status)
            ORDER BY requested_at, id \(page.sql)
            """).map(R.init(row:))
    }

    private func privacyRequest<R: PrivacyRequestRecord>(_ type: R.Type, _ id: Int64, in org: Int64) throws -> R? {
        try connection.queryFirst("""
            SELECT \(R.columns) FROM \(R.table) WHERE org_id = \(org) AND id = \(id)
            """).map(R.init(row:))
    }

    private func latestPrivacyRequest<R: PrivacyRequestRecord>(_ type: R.Type, portalUser: Int64, in org: Int64) throws -> R? {
        try connection.queryFirst("""
            SELECT \(R.columns) FROM \(R.table) WHERE org_id = \(org) AND portal_user_id = \(portalUser)
            ORDER BY requested_at DESC, id DESC LIMIT 1
            """).map(R.init(row:))
    }

    /// Every request of this kind the portal user made, oldest first.
    func privacyRequests<R: PrivacyRequestRecord>(_ type: R.Type, portalUser: Int64, in org: Int64) throws -> [R] {
        try connection.query("""
            SELECT \(R.columns) FROM \(R.table) WHERE org_id = \(org) AND portal_user_id = \(portalUser)
            ORDER BY requested_at, id
            """).map(R.init(row:))
    }
}
