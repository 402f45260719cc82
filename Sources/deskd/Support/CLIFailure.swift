import ArgumentParser
import Foundation

/// A command failure with a message for the operator: printed to standard error, exit status 1.
struct CLIFailure: Error, CustomStringConvertible {
    let description: String

    init(_ message: String) {
        description = message
    }
}

extension ParsableCommand {
    /// Runs `body`; a `CLIFailure` becomes its message on standard error and exit status 1.
    func failingClearly(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as CLIFailure {
            printError("deskd: \(failure.description)")
            throw ExitCode.failure
        }
    }
}

/// Writes a line to standard error.
func printError(_ line: String) {
    var standardError = StandardError()
    print(line, to: &standardError)
}

/// Standard error as a `TextOutputStream`.
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }
}
