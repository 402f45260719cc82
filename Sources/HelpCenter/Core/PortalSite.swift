import DeskCore
import DeskHTTP
import Logging

/// Everything the help center's pages share for the life of the process: config, templates, catalogs,
/// the region directory and ID generators. Built once by ``HelpCenter``.
public struct PortalSite: Sendable {
    /// The whole config (`portal`, `mail`, `attachments` …).
    public let config: DeskConfig
    public let templates: Templates
    public let catalogs: Catalogs
    public let directory: RegionDirectory
    /// The ID generator of each region of this process (shared with the API).
    public let idGenerator: @Sendable (RegionID) -> IDGenerator?
    public let throttle: SignInThrottle
    public let logger: Logger

    public init(config: DeskConfig, idGenerator: @escaping @Sendable (RegionID) -> IDGenerator?, logger: Logger,
                templates: Templates = .bundled(), catalogs: Catalogs = .bundled()) {
        self.config = config
        self.templates = templates
        self.catalogs = catalogs
        self.directory = RegionDirectory(config: config)
        self.idGenerator = idGenerator
        self.throttle = SignInThrottle(config: config.portal)
        self.logger = logger
    }

    /// The portal config.
    public var portal: PortalConfig { config.portal }
}
