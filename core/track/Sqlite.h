#pragma once

// A thin RAII layer over SQLite's C API for the run store: a connection and prepared
// statements with typed binding and reading. Every failure throws Error naming the database.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace oficina::core::track {

class SqliteStatement;

class SqliteDatabase {
public:
    /// Opens or creates the file, with a busy timeout so that concurrent writers wait their
    /// turn instead of failing.
    explicit SqliteDatabase(const std::string& path);
    ~SqliteDatabase();
    SqliteDatabase(const SqliteDatabase&) = delete;
    SqliteDatabase& operator=(const SqliteDatabase&) = delete;

    void execute(const std::string& sql);
    [[nodiscard]] SqliteStatement prepare(std::string_view sql) const;
    [[nodiscard]] int64_t lastInsertId() const;
    [[nodiscard]] const std::string& path() const { return m_path; }
    [[noreturn]] void fail(int code) const;

private:
    std::string m_path;
    sqlite3* m_db = nullptr;
};

class SqliteStatement {
public:
    SqliteStatement(const SqliteDatabase& db, sqlite3_stmt* statement)
        : m_db(&db), m_statement(statement) {}
    SqliteStatement(SqliteStatement&& other) noexcept;
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;
    SqliteStatement& operator=(SqliteStatement&& other) noexcept;

    /// Parameters are numbered from 1, as in SQL's ?1.
    SqliteStatement& bind(int index, std::string_view text);
    SqliteStatement& bind(int index, int64_t value);
    SqliteStatement& bind(int index, double value);
    SqliteStatement& bindBlob(int index, std::string_view bytes);
    SqliteStatement& bindNull(int index);
    /// Advances to the next row; false when done.
    bool step();
    /// Runs a statement that returns no rows.
    void run();
    void reset();

    [[nodiscard]] std::string text(int column) const;
    [[nodiscard]] int64_t integer(int column) const;
    [[nodiscard]] double real(int column) const;
    [[nodiscard]] bool isNull(int column) const;

private:
    const SqliteDatabase* m_db;
    sqlite3_stmt* m_statement;
};

/// BEGIN IMMEDIATE … COMMIT, rolled back if destroyed before commit(): a writer takes the
/// write lock up front, so two writers never deadlock upgrading read locks.
class SqliteTransaction {
public:
    explicit SqliteTransaction(SqliteDatabase& db);
    ~SqliteTransaction();
    SqliteTransaction(const SqliteTransaction&) = delete;
    SqliteTransaction& operator=(const SqliteTransaction&) = delete;
    void commit();

private:
    SqliteDatabase& m_db;
    bool m_done = false;
};

} // namespace oficina::core::track
