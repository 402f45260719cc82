/// A department's audited fields as text, by API field name, in a fixed order; and their limits.
enum DepartmentFields {
    static let maxName = 100
    static let maxDescription = 65_535

    static func values(of department: Department) -> [(field: String, value: String?)] {
        [
            ("name", department.name),
            ("description", department.description),
            ("isEnabled", department.isEnabled ? "true" : "false"),
        ]
    }

    static func validate(name: String, description: String?) throws {
        try Validation.text(name, field: "name", max: maxName)
        if let description { try Validation.length(description, field: "description", max: maxDescription) }
    }
}
