import XCTest
@testable import HelpCenter

/// The English and Japanese catalogs are complete and every template renders.
final class CatalogTests: XCTestCase {
    func testCatalogsHaveTheSameKeysAndNoEmptyText() {
        let catalogs = Catalogs.bundled()
        let english = catalogs("en").strings
        let japanese = catalogs("ja").strings
        XCTAssertFalse(english.isEmpty)
        XCTAssertEqual(Set(english.keys).subtracting(japanese.keys), [], "keys missing in ja.json")
        XCTAssertEqual(Set(japanese.keys).subtracting(english.keys), [], "keys missing in en.json")
        for (key, value) in english.merging(japanese, uniquingKeysWith: { a, _ in a }) {
            XCTAssertFalse(value.trimmingCharacters(in: .whitespaces).isEmpty, "empty text for \(key)")
            let prefix = key.split(separator: ".").first.map(String.init) ?? ""
            XCTAssertTrue(["common", "account", "tickets", "profile", "mydata"].contains(prefix), "unknown area in \(key)")
        }
        XCTAssertNotEqual(english["common.signOut"], japanese["common.signOut"])
    }

    func testTextReplacesPlaceholders() {
        let catalog = Catalogs.bundled()("ja")
        XCTAssertEqual(catalog.text("common.welcomeTitle", ["org": "<Acme>"]), "<Acme> へようこそ")
        XCTAssertEqual(catalog.text("no.such.key"), "no.such.key")
    }

    func testLayoutEscapesValues() {
        let templates = Templates.bundled()
        let html = templates.render("layout", [
            "lang": "en", "title": "<script>alert(1)</script>", "orgName": "A & B", "content": "<p>ok</p>",
            "t": Catalogs.bundled()("en").nested, "hasOrg": true, "base": "/portal/acme/", "csrf": "x\"y",
            "signedIn": true, "here": "/portal/acme/", "languages": [] as [Any],
        ])
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertTrue(html.contains("A &amp; B"))
        XCTAssertTrue(html.contains("value=\"x&quot;y\""))
        XCTAssertTrue(html.contains("<p>ok</p>"))
        XCTAssertTrue(html.contains("id=\"signout-form\""))
        XCTAssertTrue(html.contains("<html lang=\"en\">"))
    }

    func testAcceptLanguageNegotiation() {
        XCTAssertEqual(Language.negotiate("ja,en;q=0.8"), "ja")
        XCTAssertEqual(Language.negotiate("fr-FR, en-US;q=0.5, ja;q=0.7"), "ja")
        XCTAssertEqual(Language.negotiate("de"), nil)
        XCTAssertEqual(Language.negotiate("ja-JP;q=0"), nil)
    }
}
