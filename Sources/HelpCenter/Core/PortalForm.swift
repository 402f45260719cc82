import DeskHTTP

/// The fields (and uploaded files) of a POSTed help-center form, urlencoded or multipart.
public struct PortalForm: Sendable {
    /// Text fields in order.
    public let fields: QueryParameters
    /// Multipart file parts (with a filename), in order; empty for urlencoded forms.
    public let files: [MultipartPart]

    public init(fields: QueryParameters = QueryParameters(), files: [MultipartPart] = []) {
        self.fields = fields
        self.files = files
    }

    /// The first value of a field, or nil.
    public subscript(name: String) -> String? { fields[name] }

    /// A field trimmed of surrounding whitespace ("" when absent).
    public func trimmed(_ name: String) -> String {
        (fields[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The uploaded files of a field that carry a file name and bytes (a file input left empty sends a part
    /// with an empty name: skipped).
    public func files(named name: String) -> [MultipartPart] {
        files.filter { $0.name == name && !($0.filename ?? "").isEmpty }
    }

    /// Parses the body of `request` by its Content-Type.
    static func parse(_ request: HTTPRequest) throws -> PortalForm {
        if request.body.isEmpty { return PortalForm() }
        if request.contentType?.value == "multipart/form-data" {
            let parts = try request.multipart()
            var fields: [(String, String)] = []
            var files: [MultipartPart] = []
            for part in parts {
                if part.filename != nil {
                    files.append(part)
                } else if let name = part.name {
                    fields.append((name, part.text))
                }
            }
            return PortalForm(fields: QueryParameters(fields), files: files)
        }
        return PortalForm(fields: try request.form(), files: [])
    }
}

import Foundation
