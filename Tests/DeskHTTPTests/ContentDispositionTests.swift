import DeskHTTP
import Testing

@Suite("Content-Disposition")
struct ContentDispositionTests {
    @Test("A plain name is kept in both forms")
    func plain() {
        #expect(ContentDisposition.attachment(fileName: "report-2026.pdf")
                == "attachment; filename=\"report-2026.pdf\"; filename*=UTF-8''report-2026.pdf")
    }

    @Test("A Japanese name is percent-encoded as UTF-8; the fallback has one _ per byte")
    func japanese() {
        #expect(ContentDisposition.attachment(fileName: "請求書.txt")
                == "attachment; filename=\"_________.txt\"; filename*=UTF-8''%E8%AB%8B%E6%B1%82%E6%9B%B8.txt")
    }

    @Test("Quotes, backslashes, CR/LF and spaces cannot break out of the header")
    func hostile() {
        let value = ContentDisposition.attachment(fileName: "a\"b\\c\r\nSet-Cookie: x=1 d.txt")
        #expect(value == "attachment; filename=\"a_b_c__Set-Cookie: x=1 d.txt\"; "
                + "filename*=UTF-8''a%22b%5Cc%0D%0ASet-Cookie%3A%20x%3D1%20d.txt")
        #expect(!value.contains("\r") && !value.contains("\n"))
    }
}
