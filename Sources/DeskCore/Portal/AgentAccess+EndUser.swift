extension AgentAccess {
    /// No rights and no reach: the access of an end user (``Actor/endUser(org:contactID:requestID:)``), so
    /// that an agent read or write given an end-user actor finds and changes nothing.
    public static let nothing = AgentAccess(
        profileID: 0, roleID: 0, permissions: ProfilePermissions(modules: [:], privacy: []), isAdministrator: false, visibility: [:],
        fields: [:])
}
