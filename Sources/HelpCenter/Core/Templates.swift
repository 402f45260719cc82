import Foundation
import Mustache

/// The bundled Mustache templates (`Resources/templates/*.mustache`), parsed once at start-up. Every
/// `{{value}}` is HTML-escaped by the engine; `{{{…}}}` is used only for `content`, the already rendered
/// (escaped) page inside the layout.
public struct Templates: Sendable {
    let library: MustacheLibrary

    /// Loads every template of the bundle; a missing folder or a template that does not parse stops the
    /// process at start-up.
    public static func bundled() -> Templates {
        guard let folder = Bundle.module.url(forResource: "templates", withExtension: nil) else {
            preconditionFailure("the help center templates folder is missing from the bundle")
        }
        var library = MustacheLibrary()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names.sorted() where name.hasSuffix(".mustache") {
            let url = folder.appendingPathComponent(name)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                preconditionFailure("cannot read template \(name)")
            }
            do {
                try library.register(text, named: String(name.dropLast(".mustache".count)))
            } catch {
                preconditionFailure("template \(name) does not parse: \(error)")
            }
        }
        return Templates(library: library)
    }

    /// Renders the template `name` with `values`; a missing template is a programming error.
    public func render(_ name: String, _ values: [String: Any]) -> String {
        guard let text = library.render(values, withTemplate: name) else {
            preconditionFailure("no help center template named \(name)")
        }
        return text
    }

    /// Whether a template of this name exists.
    public func has(_ name: String) -> Bool {
        library.getTemplate(named: name) != nil
    }
}
