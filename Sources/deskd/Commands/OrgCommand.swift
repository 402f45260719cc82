import ArgumentParser
import DeskCore

/// `deskd org …`: tenants.
struct OrgCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org",
        abstract: "Tenant (organization) tasks.",
        subcommands: [OrgCreateCommand.self, OrgShowCommand.self]
    )
}

/// `deskd org create`: a new org in a region, with its administrator agent and a default department
/// (named after the org) that the administrator works in.
struct OrgCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create an org in a region, with an administrator agent in a default department, and print how to sign in."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "The data region the org's data lives in (us, eu, in, au, cn).")
    var region: String

    @Option(help: "The portal name: lowercase letters, digits and hyphens, unique in the region.")
    var portal: String

    @Option(help: "The org's display name.")
    var name: String

    @Option(help: "The administrator's email address.")
    var adminEmail: String

    @Option(help: "The administrator's last name (default: the part of the email before @).")
    var adminLastName: String?

    @Option(help: "The administrator's first name.")
    var adminFirstName: String?

    func run() throws {
        try failingClearly {
            let config = try global.loadConfig()
            let lastName = adminLastName ?? String(adminEmail.prefix { $0 != "@" })
            let (org, admin) = try RegionStoreOpener(config: config).withStore(region: region) { store, region in
                try store.createOrg(portal: portal, name: name, region: region, adminEmail: adminEmail,
                                    adminLastName: lastName, adminFirstName: adminFirstName)
            }
            print("""
                created org \(org.id) (portal \(org.portal), region \(org.region)) with administrator agent \(admin.id)
                sign in to the agent API with an access token:
                  deskd token create --region \(org.region) --portal \(org.portal) --agent \(admin.email)
                """)
        }
    }
}

/// `deskd org show`: one org's id, name and region; exit 1 when the region has no such portal.
struct OrgShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show an org by portal name; exit 1 when the region has none."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "The org's region (us, eu, in, au, cn).")
    var region: String

    @Option(help: "The org's portal name.")
    var portal: String

    func run() throws {
        try failingClearly {
            let config = try global.loadConfig()
            let org = try RegionStoreOpener(config: config).withStore(region: region) { store, _ in
                try store.org(portal: portal)
            }
            guard let org else { throw CLIFailure("region \(region) has no org with portal \(portal)") }
            print("org \(org.id): portal \(org.portal), region \(org.region), name \(org.name), "
                  + "recycle bin retention \(org.recycleBinRetentionDays) days")
        }
    }
}
