import ArgumentParser
import DeskAPI
import DeskHTTP
import DeskCore
import FastCGI
import Logging

/// `deskd serve`: the FastCGI responder behind nginx.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve deskd over FastCGI behind nginx (agent API, help center, health routes).",
        discussion: """
            Listens on [server] socket (or a listening socket inherited on fd 0 when it is empty).
            Refuses to start while a region has pending or changed migrations.
            Sends queued emails ([mail]) from a delivery thread unless [mail] deliver = false.
            SIGTERM or SIGINT: stop accepting, finish in-flight requests, stop mail delivery, exit 0.
            """
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try failingClearly {
            let config = try global.loadConfig()
            try requireCurrentSchemas(config)
            let (logger, logSink, accessLines) = LoggingSetup.bootstrap(level: config.log.level)
            defer { logSink.flush() }
            try serve(config, logger: logger, accessLines: accessLines)
        }
    }

    /// Every region's schema must match the migration files exactly.
    private func requireCurrentSchemas(_ config: DeskConfig) throws {
        let schemas = try RegionSchemas(config: config)
        var problems: [String] = []
        for region in config.activeRegions {
            let status = try schemas.withMigrator(region) { try $0.status() }
            problems += status.problems.map { "region \(region): \($0)" }
        }
        guard problems.isEmpty else {
            throw CLIFailure("refusing to serve:\n  " + problems.joined(separator: "\n  ")
                             + "\nrun `deskd db migrate --all` (a changed applied file must be restored instead)")
        }
    }

    private func serve(_ config: DeskConfig, logger: Logger, accessLines: AccessLineWriter?) throws {
        var responderConfig = ResponderConfiguration(
            listen: config.server.socket.isEmpty ? .inheritedDescriptor : .unixSocket(path: config.server.socket))
        responderConfig.workerCount = config.server.workers
        responderConfig.drainTimeout = .seconds(config.server.drainTimeoutSeconds)
        let responder: Responder
        do {
            responder = try Responder(configuration: responderConfig, logger: logger)
        } catch {
            throw CLIFailure("cannot listen: \(error)")
        }
        let server = {
            var server = DeskApplication.makeServer(config: config, logger: logger)
            // Access lines go straight into the log buffer; none when the level leaves out info lines.
            if let accessLines {
                server.accessLogWriter = { @Sendable record in accessLines.write(record) }
            } else {
                server.accessLogWriter = { @Sendable _ in }
            }
            return server
        }()
        let mail = config.mail.deliver ? MailDeliveryLoop(config: config, logger: logger) : nil
        mail?.start()
        let signals = SignalWatcher { name in
            logger.notice("stopping: draining in-flight requests", metadata: ["signal": "\(name)"])
            responder.stop()
        }
        defer { signals.cancel() }
        logger.notice("serving", metadata: [
            "workers": "\(config.server.workers)",
            "regions": "\(config.activeRegions.map(\.rawValue).joined(separator: ","))",
        ])
        responder.run(
            makeWorker: { _ in WorkerContext(config: config) },
            handle: { request, context in server.respond(to: request, context: context) }
        )
        // Requests have drained: the last emails they queued are sent on the next start if not now.
        mail?.stop()
        logger.notice("stopped")
    }
}
