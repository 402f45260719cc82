import FastCGI

/// Running the pipeline for a FastCGI request.
extension HTTPServer {
    /// Builds the `HTTPRequest` from CGI params (400 `INVALID_URL` for a malformed path), reads the body
    /// within `limits.maxBodyBytes` or its route's `RouteBodyLimit` (413 when over), runs the pipeline,
    /// and writes the CGI response: `Status: 200 OK`, the headers, a blank line and the body (none for
    /// HEAD). A streamed body is written in the pieces its closure writes. One access line is logged per request.
    public func respond(to fastCGIRequest: FastCGIRequest, context: Context) {
        let start = ContinuousClock.now
        var response: HTTPResponse
        var route: String?
        let method: HTTPMethod
        let requestID: String
        do {
            var request = try HTTPRequest(fastCGIRequest: fastCGIRequest, limits: limits)
            method = request.method
            requestID = request.requestID
            if let error = readBody(of: fastCGIRequest, into: &request) {
                response = errorRenderer.response(for: error, path: request.path, requestID: requestID)
            } else {
                (response, route) = process(request, context: context)
            }
        } catch {
            let params = fastCGIRequest.params
            method = HTTPRequest.cgiMethod(params)
            requestID = RequestID.resolve(params["HTTP_X_REQUEST_ID"])
            let rawPath = params["REQUEST_URI"] ?? params["DOCUMENT_URI"] ?? "/"
            response = errorRenderer.response(for: error, path: rawPath, requestID: requestID)
        }
        finalize(&response, method: method, requestID: requestID)
        write(response, to: fastCGIRequest, method: method, requestID: requestID)
        AccessLog(logger: logger, writer: accessLogWriter)
            .record(method: method, route: route, status: response.status,
                    duration: ContinuousClock.now - start, requestID: requestID)
    }

    /// Reads the body into `request`; returns the error to answer with instead, if any.
    private func readBody(of fastCGIRequest: FastCGIRequest, into request: inout HTTPRequest) -> HTTPError? {
        let routeLimit = limits.routeBodyLimit(request.method, request.path)
        do {
            request.body = try fastCGIRequest.readBody(maxBytes: routeLimit?.maxBytes ?? limits.maxBodyBytes,
                                                       contentLength: request.headers["Content-Length"])
            return nil
        } catch FastCGIError.bodyTooLarge(let limit) {
            var error = HTTPError.payloadTooLarge(limit: limit)
            if let routeLimit { error.errorCode = routeLimit.errorCode }
            return error
        } catch {
            logger.info("request body could not be read", metadata: [
                "request_id": .string(request.requestID), "error": .string(String(describing: error)),
            ])
            return .badRequest("The request body could not be read completely.")
        }
    }

    /// Writes the status line, headers and body. A write failure (the client went away) is logged at
    /// info; a streamed body that throws something else is logged as an error and cut short.
    private func write(_ response: HTTPResponse, to output: FastCGIRequest, method: HTTPMethod, requestID: String) {
        let head = Self.head(of: response)
        do {
            try output.write(head)
            guard method != .head else { return }
            switch response.body {
            case .bytes(let bytes):
                if !bytes.isEmpty { try output.write(bytes) }
            case .stream(let stream):
                try stream(BodyWriter(write: { try output.write($0) }, flush: { try output.flush() }))
            }
        } catch let error as FastCGIError {
            logger.info("response could not be written", metadata: [
                "request_id": .string(requestID), "error": .string(error.description),
            ])
        } catch {
            logUnexpected(error, requestID: requestID)
        }
    }

    /// The CGI response head as bytes: `Status: 200 OK`, one line per header, a blank line. CR, LF and NUL
    /// are left out of every name and value, so that no value can start a header of its own.
    ///
    /// Sized first and written into one allocation: every response has one.
    static func head(of response: HTTPResponse) -> [UInt8] {
        let code = String(response.status.code)
        var size = "Status: ".utf8.count + code.utf8.count + 1 + response.status.reason.utf8.count + 4
        for (name, value) in response.headers {
            size += name.utf8.count + 2 + value.utf8.count + 2
        }
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, written in
            var head = HeadBuffer(buffer: buffer)
            head.put("Status: ")
            head.putHeaderText(code)
            head.put(" ")
            head.putHeaderText(response.status.reason)
            head.put("\r\n")
            for (name, value) in response.headers {
                head.putHeaderText(name)
                head.put(": ")
                head.putHeaderText(value)
                head.put("\r\n")
            }
            head.put("\r\n")
            written = head.count
        }
    }
}

/// Writes a response head into memory sized for it (``HTTPServer/head(of:)``).
private struct HeadBuffer {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0

    init(buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    /// Appends a literal of the head's own syntax.
    mutating func put(_ literal: StaticString) {
        let bytes = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        _ = UnsafeMutableBufferPointer(rebasing: buffer[count...]).initialize(from: bytes)
        count += bytes.count
    }

    /// Appends `text` without its CR, LF and NUL bytes (no header injection).
    mutating func putHeaderText(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes where byte != 13 && byte != 10 && byte != 0 {
                buffer[count] = byte
                count += 1
            }
        }
    }
}
