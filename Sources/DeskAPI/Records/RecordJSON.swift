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
    mutating func encodeRecordFields(of record: some StoredRecord) throws {
        try encode(String(record.id), forKey: .id)
        try encode(CustomFieldValuesJSON(values: record.cf), forKey: .cf)
        try encode(APITime.format(record.createdAt), forKey: .createdTime)
        try encode(APITime.format(record.updatedAt), forKey: .modifiedTime)
    }
}
