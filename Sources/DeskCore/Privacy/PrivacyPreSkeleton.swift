// TEMPORARY until the outbox lands; removed at merge.
extension WriteTransaction {
    func enqueueEmail(to: String, subject: String, body: String) throws {}
}
