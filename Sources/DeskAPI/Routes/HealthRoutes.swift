import DeskCore
import DeskHTTP

/// Operational routes: `/livez` (the process answers) and `/healthz` (every region's database answers).
struct HealthRoutes: Sendable {
    let regions: [RegionID]

    func register(on router: Router<WorkerContext>) {
        router.get("/livez") { request, _ in
            .json(Liveness(status: "ok", requestId: request.requestID))
        }
        router.get("/healthz") { request, context in
            try health(request, context)
        }
    }

    /// 200 when every checked region's database answers a ping, 503 otherwise, naming each region's state.
    /// `?region=eu` checks one region only, for per-region load balancer probes.
    private func health(_ request: HTTPRequest, _ context: WorkerContext) throws -> HTTPResponse {
        var checked = regions
        if let name = request.query["region"] {
            guard let region = RegionID(rawValue: name), regions.contains(region) else {
                throw HTTPError(status: .notFound, errorCode: "URL_NOT_FOUND",
                                message: "No such region here.", format: .json)
            }
            checked = [region]
        }
        var states: [String: RegionStatus] = [:]
        for region in checked {
            states[region.rawValue] = context.connections.status(of: region)
        }
        let healthy = states.values.allSatisfy { $0 == .ok }
        return .json(Health(status: healthy ? "ok" : "unavailable", regions: states),
                     status: healthy ? .ok : .serviceUnavailable)
    }
}

/// The body of `GET /livez`.
struct Liveness: Encodable {
    let status: String
    let requestId: String
}

/// The body of `GET /healthz`.
struct Health: Encodable {
    let status: String
    let regions: [String: RegionStatus]
}
