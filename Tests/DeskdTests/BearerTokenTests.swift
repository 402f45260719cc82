@testable import DeskAPI
import Testing

@Suite("Authorization header parsing")
struct BearerTokenTests {
    @Test("Both schemes, in any case, with blanks around the token")
    func accepted() {
        #expect(APIAuthenticator.bearerToken("Zoho-oauthtoken abc123") == "abc123")
        #expect(APIAuthenticator.bearerToken("zoho-OAUTHTOKEN abc123") == "abc123")
        #expect(APIAuthenticator.bearerToken("Bearer abc123") == "abc123")
        #expect(APIAuthenticator.bearerToken("BEARER \t abc123 \t") == "abc123")
        #expect(APIAuthenticator.bearerToken("Bearer トークン") == "トークン")
    }

    @Test("Other schemes, missing tokens and malformed headers give no token")
    func refused() {
        #expect(APIAuthenticator.bearerToken(nil) == nil)
        #expect(APIAuthenticator.bearerToken("") == nil)
        #expect(APIAuthenticator.bearerToken("Bearer") == nil)
        #expect(APIAuthenticator.bearerToken("Bearer   ") == nil)
        #expect(APIAuthenticator.bearerToken("Basic abc123") == nil)
        #expect(APIAuthenticator.bearerToken("Bearerx abc123") == nil)
        #expect(APIAuthenticator.bearerToken("Zoho-oauthtokens abc123") == nil)
        #expect(APIAuthenticator.bearerToken("Béarer abc123") == nil)
    }
}
