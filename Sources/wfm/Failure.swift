import ArgumentParser
import Foundation

/// Runs `body`; any error is printed to standard error and the command exits with status 1.
func reportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        printError("error: " + String(describing: error).replacingOccurrences(of: "\n", with: "\nerror: "))
        throw ExitCode(1)
    }
}

/// Prints a line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Runs `body`; any error is printed to standard error and the command exits with status 1.
func reportingFailuresAsync(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        printError("error: " + String(describing: error).replacingOccurrences(of: "\n", with: "\nerror: "))
        throw ExitCode(1)
    }
}
