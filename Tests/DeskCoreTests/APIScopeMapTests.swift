import DeskCore
import Testing

@Suite("API scope map")
struct APIScopeMapTests {
    private func scopes(_ method: String, _ path: String) -> [String]? {
        APIScopeMap.requiredScopes(method: method, path: path)?.map(\.description)
    }

    @Test("Modules and operations from method and path")
    func mapping() {
        #expect(scopes("GET", "/api/v1/tickets") == ["Desk.tickets.READ"])
        #expect(scopes("HEAD", "/api/v1/tickets/{id}") == ["Desk.tickets.READ"])
        #expect(scopes("POST", "/api/v1/tickets") == ["Desk.tickets.CREATE"])
        #expect(scopes("PATCH", "/api/v1/tickets/{id}") == ["Desk.tickets.UPDATE"])
        #expect(scopes("POST", "/api/v1/tickets/moveToTrash") == ["Desk.tickets.DELETE"])
        #expect(scopes("GET", "/api/v1/ticketsCount") == ["Desk.tickets.READ"])
        for sub in ["threads", "conversations", "comments", "attachments"] {
            #expect(scopes("GET", "/api/v1/tickets/{id}/\(sub)") == ["Desk.tickets.READ"])
        }
        #expect(scopes("POST", "/api/v1/tickets/{id}/sendReply") == ["Desk.tickets.CREATE"])
        #expect(scopes("POST", "/api/v1/tickets/{id}/attachments") == ["Desk.tickets.CREATE"])
        #expect(scopes("DELETE", "/api/v1/tickets/{id}/attachments/{attachmentId}") == ["Desk.tickets.DELETE"])
        #expect(scopes("PATCH", "/api/v1/tickets/{id}/comments/{commentId}") == ["Desk.tickets.UPDATE"])
        #expect(scopes("POST", "/api/v1/uploads") == ["Desk.tickets.CREATE"])
        #expect(scopes("GET", "/api/v1/contacts/{id}") == ["Desk.contacts.READ"])
        #expect(scopes("POST", "/api/v1/accounts") == ["Desk.contacts.CREATE"])
        #expect(scopes("POST", "/api/v1/accounts/moveToTrash") == ["Desk.contacts.DELETE"])
        for path in ["agents", "agents/{id}", "departments", "myinfo", "organizations"] {
            #expect(scopes("GET", "/api/v1/\(path)") == ["Desk.basic.READ"])
        }
        #expect(scopes("PATCH", "/api/v1/myinfo") == ["Desk.basic.UPDATE"])
        #expect(scopes("GET", "/api/v1/organizationFields") == ["Desk.settings.READ"])
        #expect(scopes("GET", "/api/v1/auditLogs") == ["Desk.settings.READ"])
        #expect(scopes("GET", "/api/v1/recycleBin") == ["Desk.settings.READ"])
        #expect(scopes("POST", "/api/v1/recycleBin/restore") == ["Desk.settings.UPDATE"])
        #expect(scopes("POST", "/api/v1/recycleBin/delete") == ["Desk.settings.DELETE"])
        #expect(scopes("GET", "/api/v1/myProfilePermissions") == ["Desk.basic.READ"])
        for path in ["profiles", "profiles/{id}", "roles", "roles/{id}", "dataSharingRules", "sharingRules"] {
            #expect(scopes("GET", "/api/v1/\(path)") == ["Desk.settings.READ"])
        }
        #expect(scopes("PATCH", "/api/v1/profiles/{id}") == ["Desk.settings.UPDATE"])
        #expect(scopes("POST", "/api/v1/profiles/{id}/clone") == ["Desk.settings.CREATE"])
        #expect(scopes("DELETE", "/api/v1/profiles/{id}") == ["Desk.settings.DELETE"])
        #expect(scopes("POST", "/api/v1/roles") == ["Desk.settings.CREATE"])
        #expect(scopes("PATCH", "/api/v1/roles/{id}") == ["Desk.settings.UPDATE"])
        #expect(scopes("DELETE", "/api/v1/roles/{id}") == ["Desk.settings.DELETE"])
        #expect(scopes("PATCH", "/api/v1/dataSharingRules") == ["Desk.settings.UPDATE"])
        #expect(scopes("POST", "/api/v1/sharingRules") == ["Desk.settings.CREATE"])
        #expect(scopes("DELETE", "/api/v1/sharingRules/{id}") == ["Desk.settings.DELETE"])
        #expect(scopes("GET", "/api/v1/tickets/search") == ["Desk.search.READ", "Desk.tickets.READ"])
        #expect(scopes("GET", "/api/v1/contacts/search") == ["Desk.search.READ", "Desk.contacts.READ"])
        #expect(scopes("GET", "/api/v1/accounts/search") == ["Desk.search.READ", "Desk.contacts.READ"])
    }

    @Test("Unknown prefixes and odd requests have no entry: refused for every token")
    func unknown() {
        #expect(scopes("GET", "/api/v1/webhooks") == nil)
        #expect(scopes("GET", "/api/v1/") == nil)
        #expect(scopes("GET", "/api/v1") == nil)
        #expect(scopes("GET", "/api/v2/tickets") == nil)
        #expect(scopes("GET", "/livez") == nil)
        #expect(scopes("GET", "/api/v1/Tickets") == nil)
        #expect(scopes("POST", "/api/v1/recycleBin/empty") == nil)
        #expect(scopes("OPTIONS", "/api/v1/tickets") == nil)
        #expect(scopes("TRACE", "/api/v1/tickets") == nil)
    }
}
