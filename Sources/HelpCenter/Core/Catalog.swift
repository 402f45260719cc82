import Foundation

/// The help center's strings in one language: flat keys (`area.name`, e.g. `account.signIn`) from
/// `Resources/i18n/<language>.json`, and the same strings nested by key segment for templates
/// (`{{t.account.signIn}}`).
public struct Catalog: @unchecked Sendable {
    /// `en` or `ja`.
    public let language: String
    /// Key → text.
    public let strings: [String: String]
    /// The strings nested by dotted key segments, for templates.
    let nested: [String: Any]

    init(language: String, strings: [String: String]) {
        self.language = language
        self.strings = strings
        self.nested = Self.nest(strings)
    }

    /// The text for `key`, with `{name}` placeholders replaced by `arguments`; the key itself when the
    /// catalog lacks it (a test keeps both catalogs complete).
    public func text(_ key: String, _ arguments: [String: String] = [:]) -> String {
        var text = strings[key] ?? key
        for (name, value) in arguments {
            text = text.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return text
    }

    /// Loads `<language>.json` from the bundled catalogs.
    static func load(_ language: String) -> Catalog {
        guard let url = Bundle.module.url(forResource: language, withExtension: "json", subdirectory: "i18n"),
              let data = try? Data(contentsOf: url),
              let strings = try? JSONDecoder().decode([String: String].self, from: data) else {
            preconditionFailure("the help center catalog \(language).json is missing or not a flat JSON object of strings")
        }
        return Catalog(language: language, strings: strings)
    }

    private static func nest(_ strings: [String: String]) -> [String: Any] {
        var root: [String: Any] = [:]
        for (key, value) in strings {
            insert(value, at: key.split(separator: ".").map(String.init)[...], into: &root, key: key)
        }
        return root
    }

    private static func insert(_ value: String, at path: ArraySlice<String>, into node: inout [String: Any], key: String) {
        guard let first = path.first else { return }
        if path.count == 1 {
            precondition(node[first] == nil, "catalog key \(key) collides with a longer key")
            node[first] = value
            return
        }
        var child = node[first] as? [String: Any] ?? [:]
        precondition(node[first] == nil || node[first] is [String: Any], "catalog key \(key) collides with a shorter key")
        insert(value, at: path.dropFirst(), into: &child, key: key)
        node[first] = child
    }
}

/// Every catalog, by language.
public struct Catalogs: Sendable {
    public let byLanguage: [String: Catalog]

    /// The bundled catalogs (en, ja).
    public static func bundled() -> Catalogs {
        Catalogs(byLanguage: Dictionary(uniqueKeysWithValues: Language.supported.map { ($0, Catalog.load($0)) }))
    }

    /// The catalog of `language` (English when unknown).
    public func callAsFunction(_ language: String) -> Catalog {
        byLanguage[language] ?? byLanguage[Language.fallback]!
    }
}
