import Foundation

/// Where delivered emails go.
public protocol MailTransport: Sendable {
    /// Hands one message over; throws when it was not accepted.
    func send(_ message: MailMessage) throws
}

/// Why a transport refused a message; the text names no address.
public struct MailTransportError: Error, CustomStringConvertible, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// The standard sendmail interface (postfix, msmtp, …): `sendmail -t -i` with the message on standard
/// input; recipients come from the `To` header.
public struct SendmailTransport: MailTransport {
    public let program: String

    public init(program: String) {
        self.program = program
    }

    public func send(_ message: MailMessage) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = ["-t", "-i"]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw MailTransportError("cannot run the sendmail program")
        }
        input.fileHandleForWriting.write(Data(message.text.utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw MailTransportError("sendmail exited with status \(process.terminationStatus)")
        }
    }
}

/// A folder that receives one `.eml` file per message (RFC 5322, UTF-8), for development and tests.
/// Files are written under a temporary name and renamed, so a reader never sees half a message.
public struct FileSinkTransport: MailTransport {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    public func send(_ message: MailMessage) throws {
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let name = message.messageID.replacingOccurrences(of: "@", with: "_")
            let temporary = URL(fileURLWithPath: directory).appendingPathComponent(".\(name).tmp")
            let final = URL(fileURLWithPath: directory).appendingPathComponent("\(name).eml")
            try Data(message.text.utf8).write(to: temporary)
            try fileManager.moveItem(at: temporary, to: final)
        } catch {
            throw MailTransportError("cannot write to the mail sink folder")
        }
    }
}

extension MailConfig {
    /// The transport this config names: the file sink when `sinkDirectory` is set, else sendmail.
    public var transport: any MailTransport {
        sinkDirectory.isEmpty ? SendmailTransport(program: sendmail) : FileSinkTransport(directory: sinkDirectory)
    }
}
