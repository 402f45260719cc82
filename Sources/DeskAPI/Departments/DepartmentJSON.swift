import DeskCore

/// A department as the API renders it (Zoho Desk v1 shape).
struct DepartmentJSON: Encodable {
    let department: Department

    private enum Key: String, CodingKey {
        case id, name, description, isEnabled, isDefault, createdTime, modifiedTime
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(String(department.id), forKey: .id)
        try container.encode(department.name, forKey: .name)
        try container.encode(department.description, forKey: .description)
        try container.encode(department.isEnabled, forKey: .isEnabled)
        try container.encode(department.isDefault, forKey: .isDefault)
        try container.encode(APITime.format(department.createdAt), forKey: .createdTime)
        try container.encode(APITime.format(department.updatedAt), forKey: .modifiedTime)
    }
}
