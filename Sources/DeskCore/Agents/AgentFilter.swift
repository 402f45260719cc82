/// Which agents a list returns: all live agents by default.
public struct AgentFilter: Sendable, Equatable {
    public var status: AgentStatus?
    /// Only agents associated with this department.
    public var departmentID: Int64?

    public init(status: AgentStatus? = nil, departmentID: Int64? = nil) {
        self.status = status
        self.departmentID = departmentID
    }
}
