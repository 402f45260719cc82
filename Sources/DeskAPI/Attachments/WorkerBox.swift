/// Carries a worker's context into a streamed response body, which must be `@Sendable`.
///
/// Sound because the body runs on the same worker thread, within the same request, right after the
/// handler returned (`HTTPServer` writes the response before it accepts the next request), and the
/// context is never used by another thread.
final class WorkerBox: @unchecked Sendable {
    let context: WorkerContext

    init(_ context: WorkerContext) {
        self.context = context
    }
}
