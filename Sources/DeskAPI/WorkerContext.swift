import DeskCore
import HelpCenter

/// What one worker thread owns and lends to each request it handles: its database connections, one per
/// region, and what it remembers between requests. Created inside the worker's thread and never shared.
public final class WorkerContext {
    public let connections: RegionConnections
    /// The scopes and rights of the route patterns this worker has served.
    let routeRequirements = RouteRequirements.Cache()

    public init(config: DeskConfig) {
        connections = RegionConnections(config: config)
    }
}

extension WorkerContext: PortalWorkerContext {}
