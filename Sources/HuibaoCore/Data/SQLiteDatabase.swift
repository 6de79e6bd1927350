import CSQLite
import Foundation

/// A SQLite database opened read-only, the one place Huibao holds a SQLite pointer.
///
/// A report only reads its data, so the database is opened with `SQLITE_OPEN_READONLY`: a
/// query that would change it fails instead of changing the file an automated run depends on.
final class SQLiteDatabase {
    private let handle: OpaquePointer
    /// The path as the user gave it, for messages and locations.
    let file: String

    init(path: String, requestedAt location: SourceLocation?) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw HuibaoError(.data, "cannot find the SQLite database '\(path)'", at: location,
                              hint: "A relative path starts from the folder of the manifest.")
        }
        var handle: OpaquePointer?
        let status = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY, nil)
        guard status == SQLITE_OK, let handle else {
            let reason = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(status))
            sqlite3_close(handle)
            throw HuibaoError(.data, "cannot open the SQLite database '\(path)': \(reason)", at: location)
        }
        self.handle = handle
        file = path
    }

    deinit {
        sqlite3_close(handle)
    }

    /// The rows of one SELECT as records (column name → value), located as
    /// `file[query]:row:column`.
    ///
    /// INTEGER and REAL become numbers (a REAL through SQLite's own 15-digit text, so 0.1
    /// stays 0.1), TEXT becomes text and NULL null; BLOB columns are an error.
    func records(query: String, sql: String, at location: SourceLocation?) throws -> [DataNode] {
        var statement: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let prepared = sql.withCString { sqlite3_prepare_v2(handle, $0, -1, &statement, &tail) == SQLITE_OK }
        defer { sqlite3_finalize(statement) }
        guard prepared, let statement else {
            throw HuibaoError(.data, "the query '\(query)' failed in \(file): \(message)", at: location,
                              hint: hint(for: message))
        }
        if let tail, !String(cString: tail).trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: ";"))).isEmpty {
            throw HuibaoError(.data, "the query '\(query)' holds more than one SQL statement", at: location,
                              hint: "Give each SELECT its own name under `queries:`.")
        }
        guard sqlite3_stmt_readonly(statement) != 0 else {
            throw HuibaoError(.data, "the query '\(query)' would change the database; a data query may only read (SELECT)",
                              at: location)
        }
        let columns = (0..<sqlite3_column_count(statement)).map { String(cString: sqlite3_column_name(statement, $0)) }
        if let repeated = columns.enumerated().first(where: { columns[..<$0.offset].contains($0.element) })?.element {
            throw HuibaoError(.data, "the query '\(query)' returns two columns named '\(repeated)'", at: location,
                              hint: "Give one of them another name with AS, e.g. SELECT a.name AS region, b.name AS city.")
        }
        var records: [DataNode] = []
        while true {
            let step = sqlite3_step(statement)
            if step == SQLITE_DONE { break }
            guard step == SQLITE_ROW else {
                throw HuibaoError(.data, "the query '\(query)' failed in \(file): \(message)", at: location)
            }
            let row = records.count + 1
            var pairs: [(key: String, value: DataNode)] = []
            for (index, name) in columns.enumerated() {
                let place = SourceLocation(file: "\(file)[\(query)]", line: row, column: index + 1)
                pairs.append((key: name, value: DataNode(try value(statement, Int32(index), column: name, query: query, at: place), at: place)))
            }
            records.append(DataNode(.object(pairs), at: SourceLocation(file: "\(file)[\(query)]", line: row, column: 1)))
        }
        return records
    }

    private var message: String { String(cString: sqlite3_errmsg(handle)) }

    private func value(_ statement: OpaquePointer, _ index: Int32, column: String, query: String,
                       at place: SourceLocation) throws -> DataValue {
        switch sqlite3_column_type(statement, index) {
        case SQLITE_NULL:
            return .null
        case SQLITE_INTEGER:
            return .number(Decimal(sqlite3_column_int64(statement, index)))
        case SQLITE_FLOAT:
            let text = String(cString: sqlite3_column_text(statement, index))
            return Decimal(string: text).map(DataValue.number) ?? .string(text)
        case SQLITE_BLOB:
            throw HuibaoError(.data, "the column '\(column)' of the query '\(query)' holds binary data (a BLOB), which a report cannot print",
                              at: place, hint: "Select a text or number column instead, or convert it in SQL.")
        default:
            return .string(String(cString: sqlite3_column_text(statement, index)))
        }
    }

    private func hint(for message: String) -> String? {
        if message.hasPrefix("no such table") {
            var statement: OpaquePointer?
            defer { sqlite3_finalize(statement) }
            guard sqlite3_prepare_v2(handle, "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name", -1, &statement, nil) == SQLITE_OK
            else { return nil }
            var tables: [String] = []
            while sqlite3_step(statement) == SQLITE_ROW { tables.append(String(cString: sqlite3_column_text(statement, 0))) }
            return tables.isEmpty ? "the database has no tables" : "tables there: " + tables.joined(separator: ", ")
        }
        if message.hasPrefix("no such column") { return "Check the column names with: sqlite3 \(file) '.schema'" }
        return nil
    }
}
