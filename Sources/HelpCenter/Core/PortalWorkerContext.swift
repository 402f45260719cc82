import DeskCore

/// What the help center needs from the worker's per-request context: its database connections. DeskAPI's
/// `WorkerContext` conforms.
public protocol PortalWorkerContext: AnyObject, SendableMetatype {
    /// The worker's connections, one per region.
    var connections: RegionConnections { get }
}
