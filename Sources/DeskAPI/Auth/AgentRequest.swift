import Foundation
import DeskCore
import DeskHTTP

/// An authenticated `/api/v1` request: the HTTP request, the agent acting (with its org and the request
/// id), the region the Host picked, and a `Store` on that region's connection of this worker.
///
/// Only `APIAuthenticator` creates one (the initialiser is file-private to this file's extension), so a
/// handler that takes an `AgentRequest` cannot run unauthenticated.
struct AgentRequest {
    /// The request as received, with route parameters.
    let http: HTTPRequest
    /// Who acts, in which org, under which request id.
    let actor: Actor
    /// The region the request's Host belongs to.
    let region: RegionID
    /// The data of that region, read and written through the one write path.
    let store: Store

    fileprivate init(http: HTTPRequest, actor: Actor, region: RegionID, store: Store) {
        self.http = http
        self.actor = actor
        self.region = region
        self.store = store
    }

    /// The org the agent acts in.
    var orgID: Int64 { actor.orgID }
}

/// The auth step: turns a request into an `AgentRequest` or an error.
struct APIAuthenticator: Sendable {
    let directory: RegionDirectory
    let ids: RegionIDGenerators

    /// Wraps `handler` so that it only runs for an authenticated agent (DESIGN §6):
    /// - the Host picks the region (421 when no region serves it);
    /// - `Authorization: Zoho-oauthtoken <t>` or `Bearer <t>`: missing → 401 `UNAUTHORIZED`; unknown,
    ///   expired or revoked → 401 `INVALID_OAUTH`;
    /// - an `orgId` header or query parameter other than the token's org → 403 `OAUTH_ORG_MISMATCH`;
    /// - a token without a scope that grants the call (``APIScopeMap``) → 401 `SCOPE_MISMATCH`, as Zoho
    ///   Desk answers; a path the scope map does not know is refused so for every token;
    /// - the agent's access (``AgentAccess``: profile, role, sharing, field settings) is resolved (cached a
    ///   few seconds, ``AccessCache``); a profile without the call's right (``APIPermissionMap``) → 403
    ///   `FORBIDDEN`; the actor carries the access into every read and write;
    /// - field permissions (``FieldPermissionGuard``): a write naming a read-only or hidden field, or a
    ///   filter, sort or search on a hidden field → 403 `FIELD_PERMISSION_DENIED`; hidden fields are left
    ///   out of what the handler renders (``FieldMask``);
    /// - verified tokens are cached for a few seconds (``AccessTokenCache``: revocations in this process
    ///   apply at once, elsewhere within its TTL of 5 s);
    /// - the handler then runs with a `Store` on the worker's connection to that region, and `StoreError`s
    ///   become HTTP errors; a region database that cannot be reached gives 503 `SERVICE_UNAVAILABLE`
    ///   (the broken connection is dropped by `RegionConnections`, the next request reconnects).
    func protect(_ handler: @escaping @Sendable (AgentRequest) throws -> HTTPResponse) -> Handler<WorkerContext> {
        let directory = self.directory
        let ids = self.ids
        return { request, context in
            guard let region = directory.region(forHost: request.host) else {
                throw HTTPError.misdirected(host: request.host)
            }
            guard let token = Self.bearerToken(request.headers["Authorization"]) else {
                throw HTTPError.unauthorized("An access token is required: Authorization: Zoho-oauthtoken <token>.")
            }
            let generator = try ids.generator(for: region)
            do {
                return try Self.run(handler, request, region: region, token: token, generator: generator, context: context)
            } catch RegionError.unavailable {
                throw HTTPError.serviceUnavailable("This region's database is unavailable; try again shortly.",
                                                   retryAfterSeconds: 5)
            }
        }
    }

    /// Authenticates `token` on the region's connection and runs `handler` with the `AgentRequest`.
    private static func run(_ handler: (AgentRequest) throws -> HTTPResponse, _ request: HTTPRequest, region: RegionID,
                            token: String, generator: IDGenerator, context: WorkerContext) throws -> HTTPResponse {
        return try context.connections.with(region) { connection in
            let store = Store(connection: connection, ids: generator)
            guard let authenticated = try Self.verify(token, region: region, store: store) else {
                throw HTTPError.unauthorized("The access token is invalid, expired or revoked.", errorCode: "INVALID_OAUTH")
            }
            if let claimed = request.headers["orgId"] ?? request.query["orgId"],
               Int64(claimed.trimmingCharacters(in: .whitespaces)) != authenticated.orgID {
                throw HTTPError.forbidden("The orgId does not match the access token's organization.",
                                          errorCode: "OAUTH_ORG_MISMATCH")
            }
            let requirements = RouteRequirements.of(method: request.method.rawValue,
                                                    routePattern: request.routePattern, path: request.path,
                                                    cache: context.routeRequirements)
            guard let required = requirements.scopes, authenticated.scope.grants(anyOf: required) else {
                throw HTTPError.unauthorized("The access token's OAuth scope does not allow this API.",
                                             errorCode: "SCOPE_MISMATCH")
            }
            guard let access = try store.access(org: authenticated.orgID, agent: authenticated.agentID) else {
                throw HTTPError.unauthorized("The access token is invalid, expired or revoked.", errorCode: "INVALID_OAUTH")
            }
            try Self.checkRight(access, requirements.permission)
            let actor = authenticated.actor(requestID: request.requestID).with(access: access)
            let agentRequest = AgentRequest(http: request, actor: actor, region: region, store: store)
            do {
                return try FieldPermissionGuard.run(access, request) { try handler(agentRequest) }
            } catch let error as StoreError {
                throw error.httpError
            }
        }
    }

    /// Refuses the call with 403 `FORBIDDEN` unless the caller's profile has the right it needs
    /// (``APIPermissionMap``; a path without an entry is refused for everyone).
    private static func checkRight(_ access: AgentAccess, _ requirement: APIPermissionMap.Requirement?) throws {
        switch requirement {
        case .anyAgent?:
            return
        case .right(let module, let action)?:
            guard !access.allows(action, on: module) else { return }
            throw HTTPError.forbidden("Your profile does not permit \(action.rawValue) on \(module.rawValue).",
                                      errorCode: "FORBIDDEN")
        case .privacy(let action)?:
            guard !access.permissions.allows(action) else { return }
            throw HTTPError.forbidden("Your profile does not permit the privacy operation \(action.rawValue).",
                                      errorCode: "FORBIDDEN")
        case nil:
            throw HTTPError.forbidden("This API is not open to agents.", errorCode: "FORBIDDEN")
        }
    }

    /// The token, from the process's cache of verified tokens or else the database (then cached).
    private static func verify(_ token: String, region: RegionID, store: Store) throws -> AuthenticatedToken? {
        guard let bytes = AccessTokenText.decode(token) else { return nil }
        let hash = SHA256Digest.hash(bytes)
        let cache = AccessTokenCache.shared
        let (cached, generation) = cache.lookup(region: region, hash: hash)
        if let cached { return cached }
        guard let verified = try store.authenticateToken(hash: hash) else { return nil }
        cache.store(verified, region: region, hash: hash, generation: generation)
        return verified
    }

    /// The token of `Zoho-oauthtoken <t>` or `Bearer <t>` (scheme case-insensitive), or nil.
    static func bearerToken(_ header: String?) -> String? {
        guard var header else { return nil }
        // Over the header's contiguous bytes: this runs on every API request, and Foundation's trimming and
        // lowercasing, or walking the string's views, cost several percent of a request's CPU.
        return header.withUTF8 { bytes -> String? in
            guard let space = bytes.firstIndex(of: UInt8(ascii: " ")) else { return nil }
            let scheme = UnsafeBufferPointer(rebasing: bytes[..<space])
            guard asciiCaseInsensitiveEqual(scheme, "zoho-oauthtoken") || asciiCaseInsensitiveEqual(scheme, "bearer") else {
                return nil
            }
            let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
            var start = space + 1
            var end = bytes.count
            while start < end, isBlank(bytes[start]) { start += 1 }
            while end > start, isBlank(bytes[end - 1]) { end -= 1 }
            guard start < end else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
    }

    /// Whether `bytes` spell `lowercase` (ASCII letters in any case).
    private static func asciiCaseInsensitiveEqual(_ bytes: UnsafeBufferPointer<UInt8>, _ lowercase: StaticString) -> Bool {
        guard bytes.count == lowercase.utf8CodeUnitCount else { return false }
        return lowercase.withUTF8Buffer { expected in
            zip(bytes, expected).allSatisfy { byte, want in
                let folded = (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) ? byte | 0x20 : byte
                return folded == want
            }
        }
    }
}
