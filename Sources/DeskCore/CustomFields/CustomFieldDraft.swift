/// The fields of a new custom field definition. A nil `apiName` is derived from the label.
public struct CustomFieldDraft: Sendable, Equatable {
    public var module: CustomFieldModule
    public var displayLabel: String
    public var apiName: String?
    public var type: CustomFieldType
    public var allowedValues: [String]?
    public var maxLength: Int?
    public var isMandatory: Bool
    public var isPersonal: Bool

    public init(module: CustomFieldModule, displayLabel: String, apiName: String? = nil, type: CustomFieldType,
                allowedValues: [String]? = nil, maxLength: Int? = nil, isMandatory: Bool = false,
                isPersonal: Bool = false) {
        self.module = module
        self.displayLabel = displayLabel
        self.apiName = apiName
        self.type = type
        self.allowedValues = allowedValues
        self.maxLength = maxLength
        self.isMandatory = isMandatory
        self.isPersonal = isPersonal
    }
}

/// A partial update of a definition (the module, api name and type never change); nil leaves a field as
/// it is, `.some(nil)` for `maxLength` returns it to the type's default.
public struct CustomFieldChanges: Sendable, Equatable {
    public var displayLabel: String?
    public var allowedValues: [String]?
    public var maxLength: Int??
    public var isMandatory: Bool?
    public var isPersonal: Bool?

    public init(displayLabel: String? = nil, allowedValues: [String]? = nil, maxLength: Int?? = nil,
                isMandatory: Bool? = nil, isPersonal: Bool? = nil) {
        self.displayLabel = displayLabel
        self.allowedValues = allowedValues
        self.maxLength = maxLength
        self.isMandatory = isMandatory
        self.isPersonal = isPersonal
    }
}
