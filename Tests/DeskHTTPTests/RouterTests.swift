@testable import DeskHTTP
import Testing

@Suite struct RouterTests {
    /// A router whose handlers answer with their own name.
    func router(_ routes: [(HTTPMethod, String)]) -> Router<Void> {
        let router = Router<Void>()
        for (method, pattern) in routes {
            router.add(method, pattern) { _, _ in .text("\(method) \(pattern)") }
        }
        return router
    }

    func pattern(_ match: RouteMatch<Void>) -> String? {
        if case .found(_, _, let pattern) = match { return pattern }
        return nil
    }

    @Test func literalAndParameterRoutes() {
        let router = router([(.get, "/api/v1/tickets"), (.get, "/api/v1/tickets/{id}"),
                             (.get, "/api/v1/tickets/{id}/threads/{threadId}"), (.get, "/")])
        #expect(pattern(router.match(.get, "/api/v1/tickets")) == "/api/v1/tickets")
        #expect(pattern(router.match(.get, "/")) == "/")
        guard case .found(_, let parameters, let found) = router.match(.get, "/api/v1/tickets/42/threads/7") else {
            Issue.record("no match")
            return
        }
        #expect(found == "/api/v1/tickets/{id}/threads/{threadId}")
        #expect(parameters["id"] == "42")
        #expect(parameters["threadId"] == "7")
        #expect(parameters["other"] == nil)
    }

    @Test func literalWinsOverParameterWithBacktracking() {
        let router = router([(.get, "/t/search"), (.get, "/t/{id}"), (.get, "/t/search/x"), (.get, "/t/{id}/y")])
        #expect(pattern(router.match(.get, "/t/search")) == "/t/search")
        #expect(pattern(router.match(.get, "/t/5")) == "/t/{id}")
        #expect(pattern(router.match(.get, "/t/search/x")) == "/t/search/x")
        // The literal branch "search" has no "y" child: backtrack to {id}.
        guard case .found(_, let parameters, let found) = router.match(.get, "/t/search/y") else {
            Issue.record("no match")
            return
        }
        #expect(found == "/t/{id}/y")
        #expect(parameters["id"] == "search")
    }

    @Test func methodOnOtherBranchIsPreferredToMethodNotAllowed() {
        let router = router([(.get, "/t/new"), (.delete, "/t/{id}")])
        #expect(pattern(router.match(.delete, "/t/new")) == "/t/{id}")
    }

    @Test func notFoundVersusMethodNotAllowed() {
        let router = router([(.get, "/t/{id}"), (.patch, "/t/{id}"), (.delete, "/t/{id}")])
        guard case .methodNotAllowed(let allowed) = router.match(.post, "/t/1") else {
            Issue.record("expected 405")
            return
        }
        #expect(allowed == [.get, .head, .patch, .delete])
        guard case .notFound = router.match(.get, "/x") else {
            Issue.record("expected 404")
            return
        }
    }

    @Test func trailingSlashIsSignificantAndEmptySegmentsNeverMatchParameters() {
        let router = router([(.get, "/tickets"), (.get, "/tickets/{id}")])
        guard case .notFound = router.match(.get, "/tickets/") else {
            Issue.record("/tickets/ must not match")
            return
        }
        guard case .notFound = router.match(.get, "//tickets") else {
            Issue.record("//tickets must not match")
            return
        }
        guard case .notFound = router.match(.get, "tickets") else {
            Issue.record("a path without / must not match")
            return
        }
        #expect(pattern(router.match(.get, "/tickets/a%20b")) == "/tickets/{id}")
    }

    @Test func headUsesGetUnlessHeadIsRegistered() {
        let router = router([(.get, "/a"), (.get, "/b"), (.head, "/b")])
        guard case .found(let handler, _, _) = router.match(.head, "/a"),
              case .found(let headHandler, _, _) = router.match(.head, "/b") else {
            Issue.record("HEAD did not match")
            return
        }
        let request = HTTPRequest(method: .head, path: "/a")
        #expect((try? handler(request, ()))?.bodyText == "GET /a")
        #expect((try? headHandler(request, ()))?.bodyText == "HEAD /b")
    }

    @Test func routeTableKeepsRegistrationOrder() {
        let router = router([(.post, "/b"), (.get, "/a")])
        #expect(router.routeTable.map { "\($0.method) \($0.pattern)" } == ["POST /b", "GET /a"])
    }

    @Test func listingIsSortedByPatternThenMethodWhateverTheRegistrationOrder() {
        let registered: [(HTTPMethod, String)] = [
            (.delete, "/t/{id}/c/{cid}"), (.get, "/t"), (.patch, "/t/{id}"), (.post, "/t"), (.get, "/t/{id}"),
            (.put, "/t/{id}"), (.head, "/t/{id}"),
        ]
        let expected = ["GET /t", "POST /t", "GET /t/{id}", "HEAD /t/{id}", "PUT /t/{id}", "PATCH /t/{id}",
                        "DELETE /t/{id}/c/{cid}"]
        #expect(router(registered).listing.map(\.description) == expected)
        #expect(router(registered.reversed()).listing.map(\.description) == expected)
    }

    @Test func listingNamesEachPatternsParametersInPathOrder() {
        let listing = router([(.get, "/t/{id}/c/{commentId}/content"), (.get, "/livez")]).listing
        #expect(listing.map(\.parameterNames) == [[], ["id", "commentId"]])
        #expect(listing.last?.method == .get)
        #expect(listing.last?.pattern == "/t/{id}/c/{commentId}/content")
    }

    @Test func listingIsACopyThatLeavesTheRouterAsItIs() {
        let router = router([(.get, "/a")])
        let before = router.listing
        router.add(.post, "/b") { _, _ in .text("POST /b") }
        #expect(before.map(\.description) == ["GET /a"])
        #expect(router.listing.map(\.description) == ["GET /a", "POST /b"])
        guard case .found = router.match(.get, "/a") else {
            Issue.record("listing changed the routes")
            return
        }
    }

    @Test("A frozen router answers as before, also from many threads at once")
    func frozenRouterAnswersTheSame() async {
        let router = router([(.get, "/t/search"), (.get, "/t/{id}"), (.patch, "/t/{id}"), (.get, "/t/{id}/y")])
        let requests: [(HTTPMethod, String)] = [(.get, "/t/search"), (.get, "/t/5"), (.patch, "/t/5"),
                                                (.head, "/t/5"), (.get, "/t/search/y"), (.post, "/t/5"), (.get, "/x")]
        func answers() -> [String] {
            requests.map { method, path in
                switch router.match(method, path) {
                case .found(_, let parameters, let pattern): "\(pattern) \(parameters.map { "\($0.name)=\($0.value)" })"
                case .methodNotAllowed(let allowed): "405 \(allowed)"
                case .notFound: "404"
                }
            }
        }
        let before = answers()
        router.freeze()
        #expect(answers() == before)
        #expect(before[1] == "/t/{id} [\"id=5\"]")
        let concurrent = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 { group.addTask { (0..<200).allSatisfy { _ in answers() == before } } }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(concurrent == Array(repeating: true, count: 8))
    }

    @Test func requireConvertsParameters() throws {
        let parameters = RouteParameters([("id", "42"), ("slug", "x")])
        #expect(try parameters.require("id", as: Int64.self) == 42)
        #expect(httpError { _ = try parameters.require("slug", as: Int.self) }?.status == .notFound)
        #expect(httpError { _ = try parameters.require("missing") }?.status == .internalServerError)
    }
}

@Suite("Route pattern splitting")
struct RoutePatternSplitTests {
    @Test("Segments after the leading slash, empty ones kept, non-ASCII whole",
          arguments: [("/", [""]), ("/a/", ["a", ""]), ("/api/v1/tickets/12", ["api", "v1", "tickets", "12"]),
                      ("//x", ["", "x"]), ("/a//b/", ["a", "", "b", ""]), ("/日本/ü", ["日本", "ü"]),
                      ("a/b", ["b"]), ("plain", [])])
    func split(path: String, segments: [String]) {
        #expect(RoutePattern.split(path).map(String.init) == segments)
    }
}
