import DeskCore
import HelpCenter

/// What one worker thread owns and lends to each request it handles: its database connections, one per
/// region. Created inside the worker's thread and never shared.
public final class WorkerContext {
    public let connections: RegionConnections

    public init(config: DeskConfig) {
        connections = RegionConnections(config: config)
    }
}

extension WorkerContext: PortalWorkerContext {}
