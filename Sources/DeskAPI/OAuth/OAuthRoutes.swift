import DeskCore
import DeskHTTP

/// The OAuth 2.0 token endpoint for API clients, as Zoho Desk clients call Zoho's accounts server:
///
/// - `POST /oauth/v2/token` with `grant_type=client_credentials&client_id&client_secret&scope&soid=Desk.<orgId>`
///   or `grant_type=refresh_token&refresh_token&client_id&client_secret`, in the query string or an
///   `application/x-www-form-urlencoded` body → 200 ``OAuthTokenJSON``, or an ``OAuthFailure``;
/// - `POST /oauth/v2/token/revoke?token=<refresh or access token>` → 200 `{}` whether or not the token was known
///   (RFC 7009).
///
/// The region is the Host's (the clients and tokens of one region are unknown in another); access tokens
/// come from the same machinery as `deskd token create` and work on `/api/v1` of that region's host.
/// Secrets are never logged (the access log leaves out the query string).
struct OAuthRoutes: Sendable {
    let directory: RegionDirectory
    let ids: RegionIDGenerators

    /// Uses the auth step's region directory and ID generators.
    init(auth: APIAuthenticator) {
        directory = auth.directory
        ids = auth.ids
    }

    func register(on router: Router<WorkerContext>) {
        router.post("/oauth/v2/token", withStore(token))
        router.post("/oauth/v2/token/revoke", withStore(revoke))
    }

    private func token(_ request: HTTPRequest, _ store: Store) throws -> HTTPResponse {
        let parameters = try OAuthParameters(request)
        let grant: OAuthGrant
        switch try parameters.required("grant_type") {
        case "client_credentials":
            let orgID = try parameters.serviceOrgID()
            grant = try store.exchangeClientCredentials(
                clientID: try parameters.required("client_id"), clientSecret: try parameters.required("client_secret"),
                scope: parameters["scope"], orgID: orgID)
        case "refresh_token":
            grant = try store.exchangeRefreshToken(
                try parameters.required("refresh_token"), clientID: try parameters.required("client_id"),
                clientSecret: try parameters.required("client_secret"))
        default:
            throw OAuthFailure.unsupportedGrantType
        }
        return OAuthTokenJSON(grant: grant, host: request.host).response
    }

    private func revoke(_ request: HTTPRequest, _ store: Store) throws -> HTTPResponse {
        let parameters = try OAuthParameters(request)
        try store.revokeRefreshToken(try parameters.required("token"))
        var response = HTTPResponse.json([String: String]())
        OAuthTokenJSON.noStore(&response)
        return response
    }

    /// Runs `body` with a store on the Host's region (its worker connection), turning refusals into
    /// OAuth error responses.
    private func withStore(_ body: @escaping @Sendable (HTTPRequest, Store) throws -> HTTPResponse) -> Handler<WorkerContext> {
        let directory = self.directory
        let ids = self.ids
        return { request, context in
            guard let region = directory.region(forHost: request.host) else {
                throw HTTPError.misdirected(host: request.host)
            }
            let generator = try ids.generator(for: region)
            do {
                return try context.connections.with(region) { connection in
                    try body(request, Store(connection: connection, ids: generator))
                }
            } catch let failure as OAuthFailure {
                return failure.response
            } catch let error as OAuthError {
                return OAuthFailure(error).response
            } catch RegionError.unavailable {
                return OAuthFailure.unavailable.response
            }
        }
    }
}
