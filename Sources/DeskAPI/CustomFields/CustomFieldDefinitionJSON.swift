import DeskCore

/// A custom field definition as `/api/v1/organizationFields` renders it (Zoho Desk's names).
struct CustomFieldDefinitionJSON: Encodable {
    let field: CustomFieldDefinition

    private enum Key: String, CodingKey {
        case id, module, apiName, displayLabel, type, isCustomField, allowedValues, maxLength, isMandatory,
             isPersonalData, isEncryptedField, createdTime, modifiedTime
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(String(field.id), forKey: .id)
        try container.encode(field.module.rawValue, forKey: .module)
        try container.encode(field.apiName, forKey: .apiName)
        try container.encode(field.displayLabel, forKey: .displayLabel)
        try container.encode(field.type.rawValue, forKey: .type)
        try container.encode(true, forKey: .isCustomField)
        try container.encode(field.allowedValues, forKey: .allowedValues)
        try container.encode(field.maxLength, forKey: .maxLength)
        try container.encode(field.isMandatory, forKey: .isMandatory)
        try container.encode(field.isPersonal, forKey: .isPersonalData)
        try container.encode(field.isEncrypted, forKey: .isEncryptedField)
        try container.encode(APITime.format(field.createdAt), forKey: .createdTime)
        try container.encode(APITime.format(field.updatedAt), forKey: .modifiedTime)
    }
}
