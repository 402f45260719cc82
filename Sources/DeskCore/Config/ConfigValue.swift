import TOMLKit

/// A raw value from the config file or the environment, before it is checked against the schema.
enum ConfigValue: Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case double(Double)
    case array([ConfigValue])
    /// A value taken from an environment variable: typed later, by the key it sets.
    case environment(String)
}

extension ConfigValue {
    /// Flattens a TOML document into dotted keys: `[regions.eu] dsn = …` becomes `regions.eu.dsn`.
    static func flatten(_ table: TOMLTable, prefix: String = "") throws(ConfigError) -> [String: ConfigValue] {
        var result: [String: ConfigValue] = [:]
        for key in table.keys {
            let path = prefix.isEmpty ? key : "\(prefix).\(key)"
            guard let value = table[key] else { continue }
            if let nested = value.table {
                for (nestedKey, nestedValue) in try flatten(nested, prefix: path) {
                    result[nestedKey] = nestedValue
                }
            } else {
                result[path] = try scalar(value, key: path)
            }
        }
        return result
    }

    private static func scalar(_ value: TOMLValueConvertible, key: String) throws(ConfigError) -> ConfigValue {
        if let bool = value.bool { return .bool(bool) }
        if let int = value.int { return .int(int) }
        if let double = value.double { return .double(double) }
        if let string = value.string { return .string(string) }
        if let array = value.array {
            var items: [ConfigValue] = []
            for item in array { items.append(try scalar(item, key: key)) }
            return .array(items)
        }
        throw ConfigError(key: key, "unsupported value type \(value.type)")
    }
}
