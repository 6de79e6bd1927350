import Foundation

/// The data of a chart, given one of four ways:
///
/// - inline: `categories:` with `series:` (each `name:` + `values:`), or one list `values:`;
/// - `items:`, a list of records written in the chart (`- {name: 东湖区, value: 12.5}`);
/// - `data:`, a dotted path into the template's data naming such a list of records (or a
///   mapping of category → number);
/// - `csv:`, a CSV file beside the report whose first row names the columns.
///
/// Records are read with `x:` (the category field; `name`, or a CSV's first column) and `y:`
/// (one value field or a list of them; `value`, or a CSV's other columns), or with `series:`
/// entries naming a `field:` each. Progress charts also read `target:` (default `target`) and
/// an optional `unit` field.
struct ChartDataReader {
    let reader: ChartSpecReader
    let r: NodeReader
    let kind: ChartKind

    static let seriesKeys = ["name", "values", "field", "axis", "unit"]

    func fill(_ spec: inout ChartSpec) throws {
        let given = ["categories", "items", "data", "csv"].filter { r[$0] != nil }
        if given.count > 1 {
            throw HuibaoError(.markup, "the chart's data is given twice, by '\(given[0])' and by '\(given[1])'",
                              at: reader.keyLocation(given[1], near: r[given[1]]?.location),
                              hint: "keep one of categories (with series or values), items, data or csv")
        }
        if let t = r["targets"], kind != .progress || given.first != "categories" {
            throw HuibaoError(.markup, kind == .progress ? "targets: goes with categories and values; records name their target field with target:"
                                                         : "only a progress chart has targets",
                              at: reader.keyLocation("targets", near: t.location))
        }
        switch given.first {
        case "categories"?: try inline(&spec)
        case "items"?: try records(itemsNode: r["items"]!, columns: nil, &spec)
        case "data"?: try records(itemsNode: try resolvePath(), columns: nil, &spec)
        case "csv"?:
            let table = try csvRecords()
            try records(itemsNode: table.records, columns: table.columns, &spec)
        default:
            if let node = r["series"] ?? r["values"] {
                throw HuibaoError(.markup, "the values have no categories to stand for",
                                  at: reader.keyLocation(r["series"] != nil ? "series" : "values", near: node.location),
                                  hint: "add `categories: [一月, 二月, …]` with one name per value")
            }
            throw HuibaoError(.markup, "the chart has no data", at: reader.block.location,
                              hint: "give categories and values, items, a data path (data: …) or a CSV file (csv: …)")
        }
        if kind == .combo, !spec.series.contains(where: { $0.axis == .right }), spec.series.count >= 2,
           !explicitAxis {
            // The usual Chinese combo: the absolute values as bars, the last series (同比 %) as the line.
            spec.series[spec.series.count - 1].axis = .right
        }
    }

    /// Whether any series says `axis:` itself.
    private var explicitAxis: Bool {
        guard case .array(let items)? = r["series"]?.value else { return false }
        return items.contains { $0["axis"] != nil }
    }

    // MARK: inline lists

    private func inline(_ spec: inout ChartSpec) throws {
        for key in ["x", "y", "target"] where r[key] != nil {
            throw HuibaoError(.markup, "'\(key)' names a field of records, but this chart lists its values itself",
                              at: reader.keyLocation(key, near: r[key]?.location), hint: "use items:, data: or csv: with x and y")
        }
        let categoriesNode = r["categories"]!
        guard case .array(let items) = categoriesNode.value, !items.isEmpty else {
            throw HuibaoError(.markup, "chart › categories must be a list of names, such as [一月, 二月, 三月]", at: categoriesNode.location)
        }
        spec.categories = try items.map { try category($0) }
        if let valuesNode = r["values"] {
            if r["series"] != nil {
                throw HuibaoError(.markup, "the chart has both values and series", at: reader.keyLocation("series", near: r["series"]?.location),
                                  hint: "values: is one series; for several, list them under series:")
            }
            spec.series = [ChartSeries(name: spec.title ?? "", values: try values(valuesNode, count: spec.categories.count, name: nil),
                                       axis: .left, unit: nil, location: valuesNode.location)]
        } else if let seriesNode = r["series"] {
            guard case .array(let entries) = seriesNode.value, !entries.isEmpty else {
                throw HuibaoError(.markup, "chart › series must be a list, each entry with a name and values", at: seriesNode.location)
            }
            spec.series = try entries.enumerated().map { index, entry in
                let e = try NodeReader(entry, context: "chart › series", kind: .markup)
                try reader.allowOnly(e, Self.seriesKeys, what: "key")
                if let field = e["field"] {
                    throw HuibaoError(.markup, "'field' names a field of records, but this chart lists its values itself",
                                      at: reader.keyLocation("field", near: field.location))
                }
                let name = try e.string("name") ?? "系列\(index + 1)"
                guard let valuesNode = e["values"] else {
                    throw HuibaoError(.markup, "the series '\(name)' has no values", at: entry.location,
                                      hint: "add `values: [ … ]` with one number per category")
                }
                return ChartSeries(name: name, values: try values(valuesNode, count: spec.categories.count, name: name),
                                   axis: try e.choice("axis", ChartSeries.Axis.self) ?? .left, unit: try e.string("unit"),
                                   location: entry.location)
            }
        } else {
            throw HuibaoError(.markup, "the chart has categories but no values", at: reader.keyLocation("categories", near: categoriesNode.location),
                              hint: "add `values: [ … ]` (one series) or `series:` (several)")
        }
        if kind == .progress { try inlineTargets(&spec) }
    }

    private func inlineTargets(_ spec: inout ChartSpec) throws {
        guard let node = r["targets"] else {
            throw HuibaoError(.markup, "a progress chart needs a target for each item", at: reader.block.location,
                              hint: "add `targets: [ … ]` beside values, or write items with value and target")
        }
        if case .number(let d) = node.value {
            spec.targets = Array(repeating: ChartValue(d, at: node.location), count: spec.categories.count)
        } else {
            spec.targets = try values(node, count: spec.categories.count, name: "targets").enumerated().map { i, v in
                guard let v else {
                    throw HuibaoError(.markup, "the item '\(spec.categories[i].text)' has no target", at: node.location)
                }
                return v
            }
        }
        spec.itemUnits = Array(repeating: nil, count: spec.categories.count)
    }

    private func category(_ node: DataNode) throws -> ChartCategory {
        switch node.value {
        case .string(let s): return ChartCategory(text: s, location: node.location)
        case .number, .bool: return ChartCategory(text: node.value.description, location: node.location)
        default:
            throw HuibaoError(.markup, "a category must be a name, found \(node.value.typeName)", at: node.location)
        }
    }

    private func values(_ node: DataNode, count: Int, name: String?) throws -> [ChartValue?] {
        guard case .array(let items) = node.value else {
            throw HuibaoError(.markup, "values must be a list of numbers such as [12.5, 13, -2.1], found \(node.value.typeName)",
                              at: node.location)
        }
        guard items.count == count else {
            let what = name.map { "the series '\($0)'" } ?? "values"
            throw HuibaoError(.markup, "\(what) has \(items.count) value\(items.count == 1 ? "" : "s") but there are \(count) categories",
                              at: node.location, hint: "give one value per category, in the same order (write ~ where a value is missing)")
        }
        return try items.map { try number($0, field: nil) }
    }

    /// A number, or nil for an empty value (~, null, an empty CSV cell): a gap in the chart.
    func number(_ node: DataNode, field: String?) throws -> ChartValue? {
        switch node.value {
        case .number(let d): return ChartValue(d, at: node.location)
        case .null: return nil
        default:
            let what = field.map { "the field '\($0)'" } ?? "a chart value"
            var hint = "write plain numbers: 1234.5 or -3.2 (no thousands separators, no units)"
            if case .string(let s) = node.value, s.hasSuffix("%") { hint = "write the percentage as a number without %: \(s.dropLast())" }
            throw HuibaoError(.markup, "\(what) must be a number, found \(node.value.typeName) '\(node.value)'", at: node.location, hint: hint)
        }
    }

    // MARK: records

    private func resolvePath() throws -> DataNode {
        let node = r["data"]!
        guard case .string(let path) = node.value, !path.isEmpty else {
            throw HuibaoError(.markup, "chart › data must be a dotted path into the report's data, such as finance.districts",
                              at: node.location)
        }
        guard var current = reader.data else {
            throw HuibaoError(.markup, "the chart reads 'data: \(path)', but this report has no data", at: node.location,
                              hint: "render a template with --data FILE, or write the values in the chart")
        }
        var walked: [String] = []
        for part in path.split(separator: ".", omittingEmptySubsequences: false).map(String.init) {
            let here = walked.isEmpty ? "the data" : "'\(walked.joined(separator: "."))'"
            switch current.value {
            case .object(let pairs):
                guard let next = current[part] else {
                    throw HuibaoError(.markup, "the data has no '\((walked + [part]).joined(separator: "."))'", at: node.location,
                                      hint: "\(here) has: \(pairs.map(\.key).joined(separator: ", "))")
                }
                current = next
            case .array(let items):
                guard let i = Int(part), items.indices.contains(i) else {
                    throw HuibaoError(.markup, "the data has no '\((walked + [part]).joined(separator: "."))': \(here) is a list of \(items.count)",
                                      at: node.location, hint: "a list item is named by its position from 0")
                }
                current = items[i]
            default:
                throw HuibaoError(.markup, "the data has no '\((walked + [part]).joined(separator: "."))': \(here) is \(current.value.typeName)",
                                  at: node.location)
            }
            walked.append(part)
        }
        return current
    }

    /// The records of a CSV file (read by the data stage: RFC 4180, grouped figures such as
    /// "1,234.5" are numbers, every cell keeps its file:line:col) and its column order.
    private func csvRecords() throws -> (records: DataNode, columns: [String]) {
        let node = r["csv"]!
        guard case .string(let name) = node.value, !name.isEmpty else {
            throw HuibaoError(.markup, "chart › csv must be the name of a CSV file", at: node.location)
        }
        let path = name.hasPrefix("/") || reader.baseDirectory == "." ? name : (reader.baseDirectory as NSString).appendingPathComponent(name)
        guard path.lowercased().hasSuffix(".csv") else {
            throw HuibaoError(.markup, "chart › csv must name a .csv file, found '\(name)'", at: node.location)
        }
        guard FileManager.default.fileExists(atPath: path) else {
            throw HuibaoError(.markup, "cannot find the CSV file '\(path)'", at: node.location,
                              hint: "a csv: path is relative to the folder of the report file")
        }
        let root = try DataLoader.load(path: path, recordsKey: "records")
        let records = root["records"] ?? DataNode(.array([]), at: node.location)
        var columns: [String] = []
        if case .array(let rows) = records.value, case .object(let pairs)? = rows.first?.value { columns = pairs.map(\.key) }
        return (DataNode(records.value, at: node.location), columns)
    }

    /// Records from `items:`, a data path or a CSV file (whose column order gives the default fields).
    private func records(itemsNode: DataNode, columns: [String]?, _ spec: inout ChartSpec) throws {
        let source = r["items"] != nil ? "items" : r["data"] != nil ? "data" : "csv"
        if let v = r["values"] {
            throw HuibaoError(.markup, "this chart reads its values from '\(source)', so it cannot also list values",
                              at: reader.keyLocation("values", near: v.location), hint: "name the value field of the records with y:")
        }
        var records: [DataNode]
        switch itemsNode.value {
        case .array(let items): records = items
        case .object(let pairs) where columns == nil && r["x"] == nil && r["y"] == nil && r["series"] == nil:
            // A mapping of category → number: one series.
            records = pairs.map { DataNode(.object([("name", DataNode(.string($0.key), at: $0.value.location)), ("value", $0.value)]),
                                           at: $0.value.location) }
        default:
            throw HuibaoError(.markup, "chart › \(source) must name a list of records (each with a name and a value), found \(itemsNode.value.typeName)",
                              at: r[source]?.location)
        }
        guard !records.isEmpty else {
            throw HuibaoError(.markup, "the chart has no data: '\(source)' is an empty list", at: r[source]?.location)
        }
        for record in records {
            guard case .object = record.value else {
                throw HuibaoError(.markup, "each record of '\(source)' must be a mapping of fields (name: …, value: …), found \(record.value.typeName)",
                                  at: record.location)
            }
        }
        let xField = try r.string("x") ?? columns?.first ?? "name"
        spec.categories = try records.map { record in
            guard let node = record[xField] else { throw missingField(xField, role: "x", in: record) }
            return try category(node)
        }

        var fields: [(name: String, field: String, axis: ChartSeries.Axis, unit: String?, location: SourceLocation?)] = []
        if let seriesNode = r["series"] {
            if r["y"] != nil {
                throw HuibaoError(.markup, "the chart has both y and series", at: reader.keyLocation("y", near: r["y"]?.location),
                                  hint: "y names the value fields; series does the same with a name, axis and unit for each")
            }
            guard case .array(let entries) = seriesNode.value, !entries.isEmpty else {
                throw HuibaoError(.markup, "chart › series must be a list, each entry with a name and a field", at: seriesNode.location)
            }
            for entry in entries {
                let e = try NodeReader(entry, context: "chart › series", kind: .markup)
                try reader.allowOnly(e, Self.seriesKeys, what: "key")
                if let v = e["values"] {
                    throw HuibaoError(.markup, "this series lists values, but the chart reads its values from '\(source)'",
                                      at: reader.keyLocation("values", near: v.location), hint: "name the record field with field: instead")
                }
                guard let field = try e.string("field") else {
                    throw HuibaoError(.markup, "each series needs the field of the records it shows (field: …)", at: entry.location)
                }
                fields.append((try e.string("name") ?? field, field, try e.choice("axis", ChartSeries.Axis.self) ?? .left,
                               try e.string("unit"), entry.location))
            }
        } else {
            var names: [String]
            if let y = try r.strings("y") {
                names = y
            } else if let columns {
                // A progress chart's target and unit columns are not values to draw.
                let targetField = try r.string("target") ?? "target"
                names = columns.filter { $0 != xField && (kind != .progress || ($0 != targetField && $0 != "unit")) }
            } else {
                names = ["value"]
            }
            if names.isEmpty {
                throw HuibaoError(.markup, "the CSV file has no value columns besides '\(xField)'", at: r["csv"]?.location)
            }
            fields = names.map { ($0, $0, .left, nil, r["y"]?.location ?? itemsNode.location) }
        }
        spec.series = try fields.map { f in
            let values = try records.map { record -> ChartValue? in
                guard let node = record[f.field] else { throw missingField(f.field, role: "y", in: record) }
                return try number(node, field: f.field)
            }
            return ChartSeries(name: f.name, values: values, axis: f.axis, unit: f.unit, location: f.location)
        }
        if kind == .progress {
            let targetField = try r.string("target") ?? "target"
            spec.targets = try records.map { record in
                guard let node = record[targetField] else { throw missingField(targetField, role: "target", in: record) }
                guard let value = try number(node, field: targetField) else {
                    throw HuibaoError(.markup, "the target of this item is empty", at: node.location)
                }
                return value
            }
            spec.itemUnits = records.map { record in
                if case .string(let s)? = record["unit"]?.value { return s }
                return nil
            }
        } else if let t = r["target"] {
            throw HuibaoError(.markup, "only a progress chart has targets", at: reader.keyLocation("target", near: t.location))
        }
    }

    private func missingField(_ field: String, role: String, in record: DataNode) -> HuibaoError {
        var fields: [String] = []
        if case .object(let pairs) = record.value { fields = pairs.map(\.key) }
        let setting = role == "target" ? "target" : role
        return HuibaoError(.markup, "this record has no field '\(field)' (the chart's \(role) field)", at: record.location,
                           hint: "its fields are \(fields.joined(separator: ", ")); set `\(setting):` to the one to use")
    }
}
