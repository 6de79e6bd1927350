/// Font roles (宋体, 黑体, 楷体, 仿宋, 小标宋) mapped to real families, from `fonts/roles.yaml`.
public struct FontRoles: Sendable {
    public struct Role: Sendable {
        public var key: String
        /// The Chinese name readers know: 宋体, 仿宋 …
        public var name: String
        /// Ordered: the first is the role's face; later ones only cover missing characters.
        public var families: [String]
        /// The role's normal weight is bold (小标宋 stand-ins).
        public var bold: Bool
        /// Where the font comes from, for the "font missing" hint.
        public var package: String
    }

    public var roles: [String: Role]

    public init(roles: [String: Role]) { self.roles = roles }

    public static func load(path: String) throws -> FontRoles {
        let node = try DataLoader.load(path: path)
        guard case .object(let pairs) = node.value else {
            throw HuibaoError(.font, "font roles must be a mapping of role names", at: node.location)
        }
        var roles: [String: Role] = [:]
        for (key, value) in pairs {
            let r = try NodeReader(value, context: "font role '\(key)'", kind: .font)
            try r.allowOnly(["name", "families", "weight", "package"])
            guard let families = try r.strings("families"), !families.isEmpty else {
                throw HuibaoError(.font, "font role '\(key)' lists no families", at: value.location)
            }
            let weight = try r.string("weight") ?? "regular"
            guard weight == "regular" || weight == "bold" else {
                throw HuibaoError(.font, "font role '\(key)' › weight must be regular or bold", at: r["weight"]?.location)
            }
            roles[key] = Role(key: key, name: try r.string("name") ?? key, families: families, bold: weight == "bold",
                              package: try r.string("package") ?? "")
        }
        return FontRoles(roles: roles)
    }

    public func role(_ key: String, at location: SourceLocation? = nil) throws -> Role {
        guard let role = roles[key] else {
            throw HuibaoError(.style, "unknown font role '\(key)'", at: location,
                              hint: "roles: \(roles.keys.sorted().joined(separator: ", ")) (fonts/roles.yaml)")
        }
        return role
    }
}
