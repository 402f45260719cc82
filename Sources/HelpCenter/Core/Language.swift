import DeskHTTP

/// The help center's languages and how a request's language is chosen: the signed-in user's profile,
/// else the language cookie, else `Accept-Language`, else English.
public enum Language {
    /// Supported languages.
    public static let supported = ["en", "ja"]
    /// The language when nothing else decides.
    public static let fallback = "en"
    /// The cookie that remembers a chosen language (a year).
    public static let cookieName = "__Host-deskd_lang"

    /// The first supported language of an `Accept-Language` header, by quality then order.
    public static func negotiate(_ header: String?) -> String? {
        guard let header else { return nil }
        var best: (language: String, quality: Double, index: Int)?
        for (index, item) in header.split(separator: ",").enumerated() {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = parts.first?.lowercased(), !tag.isEmpty else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() where parameter.hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            guard quality > 0 else { continue }
            let primary = String(tag.split(separator: "-").first ?? "")
            guard supported.contains(primary) else { continue }
            if best == nil || quality > best!.quality { best = (primary, quality, index) }
        }
        return best?.language
    }

    /// The language of a request: `profile` (the signed-in user's), else the cookie, else the header.
    public static func resolve(profile: String?, request: HTTPRequest) -> String {
        if let profile, supported.contains(profile) { return profile }
        if let cookie = request.cookies[cookieName], supported.contains(cookie) { return cookie }
        return negotiate(request.headers["Accept-Language"]) ?? fallback
    }
}

import Foundation
