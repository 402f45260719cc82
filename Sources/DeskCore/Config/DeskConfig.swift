import MariaDB

/// deskd's whole configuration, read once at start-up by `ConfigLoader` and passed down from there.
/// Nothing deeper reads the environment or the file.
public struct DeskConfig: Sendable {
    public var server: ServerConfig
    public var database: DatabaseConfig
    public var log: LogConfig
    /// `[attachments]`: file size limit.
    public var attachments = AttachmentsConfig()
    /// `[mail]`: outbox delivery (sendmail or a file sink).
    public var mail = MailConfig()
    /// `[portal]`: help-center sessions, tokens and sign-in throttling.
    public var portal = PortalConfig()
    /// The active regions, each with its hosts and database. At least one.
    public var regions: [RegionID: RegionConfig]

    /// The active regions in a stable order (us, eu, in, au, cn).
    public var activeRegions: [RegionID] { regions.keys.sorted() }
}

/// `[server]`: the FastCGI responder.
public struct ServerConfig: Sendable, Equatable {
    /// Unix socket path deskd listens on; empty = inherit a listening socket on fd 0 (spawn-fcgi, systemd).
    public var socket: String = ""
    /// Worker threads. Each nginx connection kept alive (`fastcgi_keep_conn on`) pins one, so this must
    /// exceed nginx `worker_processes` × upstream `keepalive`.
    public var workers: Int = 32
    /// The largest request body deskd reads, in bytes.
    public var maxBodyBytes: Int = 25 * 1024 * 1024
    /// How long a stop waits for in-flight requests before exiting anyway.
    public var drainTimeoutSeconds: Int = 10
    /// This process's node number in generated IDs, 1…127 (0 is reserved for CLI commands).
    public var node: Int = 1
    /// Enables `/_diag/…` routes used by the integration tests. Never on in production.
    public var diagnostics: Bool = false

    public init() {}
}

/// `[database]`: the schema.
public struct DatabaseConfig: Sendable, Equatable {
    /// The folder of `NNNN_description.sql` migrations.
    public var migrations: String = "sql"

    public init() {}
}

/// `[attachments]`: files attached to tickets and uploads.
public struct AttachmentsConfig: Sendable, Equatable {
    /// The largest file accepted, in bytes (default 20 MiB). A larger one is answered 413
    /// `RESOURCE_SIZE_EXCEEDED`; the attachment and upload routes read request bodies up to this plus
    /// ``multipartAllowance`` (nginx's `client_max_body_size` for them must match).
    public var maxBytes: Int = 20 * 1024 * 1024

    /// Room for the multipart framing around the file (boundaries, part headers, small fields): 1 MiB.
    public static let multipartAllowance = 1024 * 1024

    /// The request body limit of the attachment and upload routes.
    public var maxBodyBytes: Int { maxBytes + Self.multipartAllowance }

    public init() {}
}

/// `[log]`: logging to standard error.
public struct LogConfig: Sendable, Equatable {
    /// One of trace, debug, info, notice, warning, error, critical.
    public var level: String = "info"

    public init() {}
}

/// `[regions.<id>]`: one data region.
public struct RegionConfig: Sendable {
    public var id: RegionID
    /// Public host names (lowercase, no port) whose requests belong to this region.
    public var hosts: [String]
    /// The database, as a `mariadb://` DSN (see `ConnectionOptions(dsn:)`).
    public var dsn: String
    /// Optional CA file: when set, the link to MariaDB uses TLS and verifies the server certificate.
    public var tlsCA: String?
    /// `dsn` and `tlsCA` parsed into connection options.
    public var connectionOptions: ConnectionOptions
}
