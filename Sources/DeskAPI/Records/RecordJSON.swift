import DeskCore
import Foundation

/// The coding keys every ``StoredRecord`` renders besides its own fields (Zoho Desk v1 names).
protocol RecordJSONKey: CodingKey {
    static var id: Self { get }
    static var cf: Self { get }
    static var createdTime: Self { get }
    static var modifiedTime: Self { get }
}

extension KeyedEncodingContainer where Key: RecordJSONKey {
    /// Encodes the fields all records share: the id as a string, the custom field values and the
    /// creation and modification times as `yyyy-MM-ddTHH:mm:ss.SSSZ`.
    /// Custom fields named in `hidden` (hidden from the requesting agent) are left out of `cf`.
    mutating func encodeRecordFields(of record: some StoredRecord, hidden: Set<String> = []) throws {
        try encode(String(record.id), forKey: .id)
        try encode(CustomFieldValuesJSON(values: record.cf, hidden: hidden), forKey: .cf)
        try encode(APITime.format(record.createdAt), forKey: .createdTime)
        try encode(APITime.format(record.updatedAt), forKey: .modifiedTime)
    }
}

extension KeyedEncodingContainer {
    /// Encodes `value` unless the key's field is in `hidden` (hidden from the requesting agent).
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key, unlessIn hidden: Set<String>) throws {
        if hidden.isEmpty || !hidden.contains(key.stringValue) { try encode(value, forKey: key) }
    }
}
