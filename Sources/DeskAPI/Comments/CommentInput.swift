import DeskCore
import DeskHTTP

/// Reads comment create and update bodies strictly: `{"content":…,"isPublic":bool,"contentType":…}`.
/// On create `content` is required (`isPublic` defaults to false, `contentType` to plainText, and
/// `attachmentIds` may list uploads to link); on update every field is optional and none may be null. Problems are 422 `INVALID_DATA`, all reported at once.
enum CommentInput {
    static let fields: Set<String> = ["content", "isPublic", "contentType"]

    static func draft(from request: HTTPRequest) throws -> CommentDraft {
        let body = try JSONBody(request, allowed: fields.union([AttachmentIDsInput.field]))
        let content = MessageInput.content(body, required: true)
        let contentType = MessageInput.contentType(body)
        let isPublic = body.bool("isPublic")
        let attachmentIDs = AttachmentIDsInput.ids(body)
        try body.finish()
        return CommentDraft(content: content ?? "", contentType: contentType ?? .plainText, isPublic: isPublic ?? false,
                            attachmentIDs: attachmentIDs)
    }

    static func changes(from request: HTTPRequest) throws -> CommentChanges {
        let body = try JSONBody(request, allowed: fields)
        let content = MessageInput.content(body, required: false)
        let contentType = MessageInput.contentType(body)
        let isPublic = body.bool("isPublic")
        try body.finish()
        return CommentChanges(content: content, contentType: contentType, isPublic: isPublic)
    }
}
