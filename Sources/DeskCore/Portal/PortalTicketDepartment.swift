/// A department an end user may file a ticket under: its id and name.
public struct PortalTicketDepartment: Sendable, Equatable {
    public let id: Int64
    public let name: String

    public init(id: Int64, name: String) {
        self.id = id
        self.name = name
    }
}
