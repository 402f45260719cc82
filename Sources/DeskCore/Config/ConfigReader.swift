import Foundation
import MariaDB

/// Checks flattened config values against the schema, consuming each key it knows, so that whatever is
/// left over afterwards is an unknown key.
struct ConfigReader {
    private var values: [String: ConfigValue]
    private let baseDirectory: String

    init(values: [String: ConfigValue], baseDirectory: String) {
        self.values = values
        self.baseDirectory = baseDirectory
    }

    mutating func readConfig() throws(ConfigError) -> DeskConfig {
        var server = ServerConfig()
        server.socket = try path("server.socket", default: server.socket)
        server.workers = try int("server.workers", default: server.workers, in: 1...1024)
        server.maxBodyBytes = try int("server.max_body_bytes", default: server.maxBodyBytes, in: 1...(1 << 32))
        server.drainTimeoutSeconds = try int("server.drain_timeout_seconds", default: server.drainTimeoutSeconds, in: 0...600)
        server.node = try int("server.node", default: server.node, in: 1...Int(IDGenerator.maxNode))
        server.diagnostics = try bool("server.diagnostics", default: server.diagnostics)

        var database = DatabaseConfig()
        database.migrations = try path("database.migrations", default: database.migrations)

        var log = LogConfig()
        log.level = try string("log.level", default: log.level)
        guard ConfigLoader.logLevels.contains(log.level) else {
            throw ConfigError(key: "log.level", "must be one of \(ConfigLoader.logLevels.joined(separator: ", "))")
        }

        var attachments = AttachmentsConfig()
        attachments.maxBytes = try int("attachments.max_bytes", default: attachments.maxBytes, in: 1...(1 << 31))

        var mail = MailConfig()
        mail.sendmail = try path("mail.sendmail", default: mail.sendmail)
        mail.sinkDirectory = try path("mail.sink_directory", default: mail.sinkDirectory)
        mail.from = try string("mail.from", default: mail.from)
        mail.deliver = try bool("mail.deliver", default: mail.deliver)
        mail.pollSeconds = try int("mail.poll_seconds", default: mail.pollSeconds, in: 1...3600)
        mail.batchSize = try int("mail.batch_size", default: mail.batchSize, in: 1...1000)
        mail.maxAttempts = try int("mail.max_attempts", default: mail.maxAttempts, in: 1...100)

        var portal = PortalConfig()
        portal.sessionIdleSeconds = try int("portal.session_idle_seconds", default: portal.sessionIdleSeconds, in: 1...31_536_000)
        portal.sessionAbsoluteSeconds = try int("portal.session_absolute_seconds", default: portal.sessionAbsoluteSeconds,
                                                in: 1...31_536_000)
        portal.verificationTokenSeconds = try int("portal.verification_token_seconds",
                                                  default: portal.verificationTokenSeconds, in: 60...31_536_000)
        portal.resetTokenSeconds = try int("portal.reset_token_seconds", default: portal.resetTokenSeconds, in: 60...604_800)
        portal.signInAccountFailures = try int("portal.signin_account_failures", default: portal.signInAccountFailures,
                                               in: 1...1000)
        portal.signInAddressFailures = try int("portal.signin_address_failures", default: portal.signInAddressFailures,
                                               in: 1...100_000)
        portal.signInWindowSeconds = try int("portal.signin_window_seconds", default: portal.signInWindowSeconds,
                                             in: 1...86_400)
        portal.minPasswordLength = try int("portal.min_password_length", default: portal.minPasswordLength, in: 8...128)

        let regions = try readRegions()
        return DeskConfig(server: server, database: database, log: log, attachments: attachments, mail: mail,
                          portal: portal, regions: regions)
    }

    private mutating func readRegions() throws(ConfigError) -> [RegionID: RegionConfig] {
        let names = Set(values.keys.compactMap { key -> String? in
            let parts = key.split(separator: ".", maxSplits: 2)
            return parts.count >= 2 && parts[0] == "regions" ? String(parts[1]) : nil
        })
        var regions: [RegionID: RegionConfig] = [:]
        var hostOwners: [String: RegionID] = [:]
        for name in names.sorted() {
            guard let id = RegionID(rawValue: name) else {
                let known = RegionID.allCases.map(\.rawValue).joined(separator: ", ")
                throw ConfigError(key: "regions.\(name)", "unknown region (known: \(known))")
            }
            let region = try readRegion(id)
            for host in region.hosts {
                if let owner = hostOwners[host] {
                    throw ConfigError(key: "regions.\(id).hosts", "host \(host) is already listed for region \(owner)")
                }
                hostOwners[host] = id
            }
            regions[id] = region
        }
        guard !regions.isEmpty else {
            try rejectUnknownKeys()   // a misspelt section is the likelier cause
            throw ConfigError(key: "regions", "at least one region is required, e.g. [regions.eu] with hosts and dsn")
        }
        return regions
    }

    private mutating func readRegion(_ id: RegionID) throws(ConfigError) -> RegionConfig {
        let prefix = "regions.\(id)"
        let hosts = try stringList("\(prefix).hosts").map { $0.lowercased() }
        guard !hosts.isEmpty else { throw ConfigError(key: "\(prefix).hosts", "at least one host name is required") }
        for host in hosts where host.isEmpty || host.contains(where: { $0 == ":" || $0 == "/" || $0 == " " }) {
            throw ConfigError(key: "\(prefix).hosts", "\"\(host)\" is not a host name (no port, no scheme)")
        }
        guard let dsn = try optionalString("\(prefix).dsn"), !dsn.isEmpty else {
            throw ConfigError(key: "\(prefix).dsn", "required (mariadb://user[:password]@host[:port]/database)")
        }
        var options: ConnectionOptions
        do {
            options = try ConnectionOptions(dsn: dsn)
        } catch {
            throw ConfigError(key: "\(prefix).dsn", "\(error)")
        }
        let tlsCA = try optionalString("\(prefix).tls_ca").map(resolve)
        if let tlsCA {
            options.tls = TLSOptions(caFile: tlsCA, verifyServerCertificate: true)
        }
        return RegionConfig(id: id, hosts: hosts, dsn: dsn, tlsCA: tlsCA, connectionOptions: options)
    }

    /// Throws for the first key nobody consumed.
    func rejectUnknownKeys() throws(ConfigError) {
        if let key = values.keys.sorted().first {
            throw ConfigError(key: key, "unknown key")
        }
    }

    // MARK: - Typed access

    private mutating func take(_ key: String) -> ConfigValue? {
        values.removeValue(forKey: key)
    }

    private mutating func optionalString(_ key: String) throws(ConfigError) -> String? {
        switch take(key) {
        case nil: return nil
        case .string(let value), .environment(let value): return value
        default: throw ConfigError(key: key, "must be a string")
        }
    }

    private mutating func string(_ key: String, default defaultValue: String) throws(ConfigError) -> String {
        try optionalString(key) ?? defaultValue
    }

    private mutating func path(_ key: String, default defaultValue: String) throws(ConfigError) -> String {
        let value = try string(key, default: defaultValue)
        return value.isEmpty ? value : resolve(value)
    }

    private func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: baseDirectory + "/")).standardizedFileURL.path
    }

    private mutating func int(_ key: String, default defaultValue: Int, in range: ClosedRange<Int>) throws(ConfigError) -> Int {
        let value: Int
        switch take(key) {
        case nil: return defaultValue
        case .int(let number): value = number
        case .environment(let text):
            guard let number = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw ConfigError(key: key, "must be an integer, got \"\(text)\"")
            }
            value = number
        default: throw ConfigError(key: key, "must be an integer")
        }
        guard range.contains(value) else {
            throw ConfigError(key: key, "must be between \(range.lowerBound) and \(range.upperBound), got \(value)")
        }
        return value
    }

    private mutating func bool(_ key: String, default defaultValue: Bool) throws(ConfigError) -> Bool {
        switch take(key) {
        case nil: return defaultValue
        case .bool(let value): return value
        case .environment(let text):
            switch text.lowercased() {
            case "true", "1", "yes": return true
            case "false", "0", "no": return false
            default: throw ConfigError(key: key, "must be true or false, got \"\(text)\"")
            }
        default: throw ConfigError(key: key, "must be true or false")
        }
    }

    private mutating func stringList(_ key: String) throws(ConfigError) -> [String] {
        switch take(key) {
        case nil: throw ConfigError(key: key, "required")
        case .environment(let text):
            return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        case .array(let items):
            var strings: [String] = []
            for item in items {
                guard case .string(let value) = item else { throw ConfigError(key: key, "must be a list of strings") }
                strings.append(value)
            }
            return strings
        default: throw ConfigError(key: key, "must be a list of strings")
        }
    }
}
