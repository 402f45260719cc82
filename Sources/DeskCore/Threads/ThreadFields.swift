/// A thread's audited fields as text, by API field name, in a fixed order.
enum ThreadFields {
    static func values(of thread: TicketThread) -> [(field: String, value: String?)] {
        [
            ("ticketId", String(thread.ticketID)),
            ("direction", thread.direction.rawValue),
            ("channel", thread.channel.rawValue),
            ("content", thread.content),
            ("contentType", thread.contentType.rawValue),
            ("authorType", thread.authorType.rawValue),
            ("authorId", String(thread.authorID)),
            ("visibility", thread.visibility.rawValue),
            ("isForward", String(thread.isForward)),
        ]
    }
}
