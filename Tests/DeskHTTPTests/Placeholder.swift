// Placeholder: DeskHTTPTests's tests replace this file.
