/// One profile's access to a field: `{"profileId","profileName","access"}`.
struct ProfileFieldAccessJSON: Encodable {
    let profileId: String
    let profileName: String
    let access: String
}

/// One field's access for a profile: `{"apiName","isCustomField","access"}`.
struct FieldAccessJSON: Encodable {
    let apiName: String
    let isCustomField: Bool
    let access: String
}
