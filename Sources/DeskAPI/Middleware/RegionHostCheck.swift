import DeskCore
import DeskHTTP

/// Refuses requests whose Host is not one of a configured region's hosts with 421 Misdirected Request
/// (JSON whatever the path): deskd never guesses a region.
struct RegionHostCheck: Sendable {
    let directory: RegionDirectory

    var middleware: Middleware<WorkerContext> {
        { request, context, next in
            guard directory.region(forHost: request.host) != nil else {
                var error = HTTPError(status: .misdirectedRequest, errorCode: "MISDIRECTED_REQUEST",
                                      message: "This host is not served here. Use the host name of your data region.")
                error.format = .json
                throw error
            }
            return try next(request, context)
        }
    }
}
