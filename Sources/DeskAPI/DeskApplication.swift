import DeskCore
import DeskHTTP
import HelpCenter
import Logging

/// The production wiring of deskd's HTTP side: every route and middleware, from the config.
/// `deskd serve` runs the server it returns; tests call it too.
public enum DeskApplication {
    /// Builds the HTTP server for `config`.
    public static func makeServer(config: DeskConfig, logger: Logger) -> HTTPServer<WorkerContext> {
        let router = Router<WorkerContext>()
        HealthRoutes(regions: config.activeRegions).register(on: router)
        if config.server.diagnostics {
            DiagnosticsRoutes().register(on: router)
        }
        let directory = RegionDirectory(config: config)
        let ids = RegionIDGenerators(config: config)
        let auth = APIAuthenticator(directory: directory, ids: ids)
        TicketRoutes(auth: auth).register(on: router)
        RecycleBinRoutes(auth: auth).register(on: router)
        AuditLogRoutes(auth: auth).register(on: router)
        OAuthRoutes(auth: auth).register(on: router)
        OpenAPIRoutes().register(on: router)
        ContactRoutes(auth: auth).register(on: router)
        AccountRoutes(auth: auth).register(on: router)
        ThreadRoutes(auth: auth).register(on: router)
        CommentRoutes(auth: auth).register(on: router)
        PeopleRoutes(auth: auth).register(on: router)
        let attachments = AttachmentRoutes(auth: auth, config: config.attachments)
        attachments.register(on: router)
        CustomFieldRoutes(auth: auth).register(on: router)
        AccessAdminRoutes(auth: auth).register(on: router)
        FieldPermissionAdminRoutes(auth: auth).register(on: router)
        PrivacyQueueRoutes.emailChanges(auth: auth).register(on: router)
        PrivacyQueueRoutes.erasures(auth: auth).register(on: router)
        let helpCenter = HelpCenter(site: PortalSite(config: config, idGenerator: { try? ids.generator(for: $0) },
                                                     logger: logger))
        let portalBodyLimits = helpCenter.register(on: router)
        let middlewares = [RegionHostCheck(directory: directory).middleware, helpCenter.middleware()]
        router.freeze()
        var limits = HTTPLimits()
        limits.maxBodyBytes = config.server.maxBodyBytes
        limits.routeBodyLimits += attachments.bodyLimits
        limits.routeBodyLimits += portalBodyLimits
        return HTTPServer(router: router, middlewares: middlewares, limits: limits, logger: logger)
    }
}
