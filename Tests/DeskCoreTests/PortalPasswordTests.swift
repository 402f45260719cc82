import DeskCore
import Foundation
import Testing

@Suite("Portal: password hashing and secrets")
struct PortalPasswordTests {
    /// Cheap parameters keep the suite fast; the stored form carries them, so verify needs no setting.
    let hasher = PasswordHasher(logN: 10, r: 8, p: 1)

    @Test("A hash verifies its password only, stores its parameters, and salts every hash")
    func hashAndVerify() throws {
        let stored = try hasher.hash("パスワード correct horse")
        let parts = stored.split(separator: "$")
        #expect(parts.count == 6 && parts[0] == "scrypt" && parts[1] == "10" && parts[2] == "8" && parts[3] == "1")
        #expect(PasswordHasher.verify("パスワード correct horse", against: stored))
        #expect(!PasswordHasher.verify("パスワード correct hors", against: stored))
        #expect(!PasswordHasher.verify("", against: stored))
        #expect(try hasher.hash("same") != hasher.hash("same"), "a fresh salt per hash")
        #expect(!stored.contains("correct"))
    }

    @Test("Malformed or tampered stored values never verify")
    func malformed() throws {
        let stored = try hasher.hash("secret-password")
        for bad in ["", "scrypt", "bcrypt$10$8$1$AAAA$AAAA", stored.replacingOccurrences(of: "scrypt$10", with: "scrypt$40"),
                    String(stored.dropLast(4)) + "AAAA", stored + "$extra"] {
            #expect(!PasswordHasher.verify("secret-password", against: bad), "\(bad)")
        }
    }

    @Test("The standard parameters are scrypt N=2^15, r=8, p=1")
    func standard() throws {
        let stored = try PasswordHasher.standard.hash("x")
        #expect(stored.hasPrefix("scrypt$15$8$1$"))
        #expect(PasswordHasher.verify("x", against: stored))
    }

    @Test("Secrets are 32 random bytes as 43 base64url characters; only the SHA-256 is kept")
    func secrets() throws {
        let secret = try PortalSecret.generate()
        #expect(secret.text.utf8.count == 43)
        #expect(secret.hash.count == 32)
        #expect(PortalSecret.hash(of: secret.text) == secret.hash)
        #expect(PortalSecret.hash(of: String(secret.text.dropLast())) == nil)
        #expect(PortalSecret.hash(of: secret.text.replacingOccurrences(of: String(secret.text.first!), with: "+")) == nil
                || !secret.text.contains("+"))
        #expect(try PortalSecret.generate().text != secret.text)
        let bytes: [UInt8] = [0xfb, 0xff, 0x00, 0x10]
        #expect(Base64URL.encode(bytes) == "-_8AEA")
        #expect(Base64URL.decode("-_8AEA") == bytes)
        #expect(Base64URL.decode("a+b=") == nil)
    }
}
