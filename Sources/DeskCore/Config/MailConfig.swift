/// `[mail]`: how queued emails (the outbox) leave deskd.
public struct MailConfig: Sendable, Equatable {
    /// The sendmail-compatible program (postfix, msmtp, …), run as `sendmail -t -i` with the message on
    /// standard input. Default `/usr/sbin/sendmail`.
    public var sendmail: String = "/usr/sbin/sendmail"
    /// When set, emails are not sent but written to this folder, one `.eml` file (RFC 5322, UTF-8) each:
    /// for development and tests. Default empty (send through `sendmail`).
    public var sinkDirectory: String = ""
    /// The `From` header of every email. Default `deskd <no-reply@localhost>`.
    public var from: String = "deskd <no-reply@localhost>"
    /// Whether `deskd serve` runs the delivery loop. Default true; turn off when another process
    /// (`deskd job run mail-delivery` from cron, or another responder) delivers.
    public var deliver: Bool = true
    /// Seconds between two looks at the outbox when it was empty. Default 2.
    public var pollSeconds: Int = 2
    /// Emails claimed and sent per batch. Default 20.
    public var batchSize: Int = 20
    /// Attempts before an email is given up (marked failed). Default 8; the wait doubles from 30 s.
    public var maxAttempts: Int = 8

    public init() {}
}
