#include "track/Sqlite.h"

#include "util/Error.h"
#include "util/Tr.h"

#include <sqlite3.h>

#include <utility>

namespace oficina::core::track {

namespace {

// Long enough for another process's whole run record to commit; short enough that a store
// locked for good (a stuck NFS lock) fails with a message rather than hanging the run.
constexpr int kBusyTimeoutMs = 30000;

} // namespace

SqliteDatabase::SqliteDatabase(const std::string& path) : m_path(path) {
    const int code = sqlite3_open_v2(path.c_str(), &m_db,
                                     SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                                         SQLITE_OPEN_NOMUTEX,
                                     nullptr);
    if (code != SQLITE_OK) {
        const std::string why = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(code);
        sqlite3_close(m_db);
        m_db = nullptr;
        throw Error(Message(OFICINA_TR_NOOP("cannot open the run store: %1"), {why}), path);
    }
    sqlite3_busy_timeout(m_db, kBusyTimeoutMs);
    sqlite3_extended_result_codes(m_db, 1);
}

SqliteDatabase::~SqliteDatabase() { sqlite3_close(m_db); }

void SqliteDatabase::fail(int code) const {
    const std::string why = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(code);
    if ((code & 0xff) == SQLITE_NOTADB || (code & 0xff) == SQLITE_CORRUPT)
        throw Error(Message(OFICINA_TR_NOOP("not a run store, or a damaged one: %1"), {why}),
                    m_path);
    throw Error(Message(OFICINA_TR_NOOP("the run store failed: %1"), {why}), m_path);
}

void SqliteDatabase::execute(const std::string& sql) {
    char* message = nullptr;
    const int code = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &message);
    if (code != SQLITE_OK) {
        sqlite3_free(message);
        fail(code);
    }
}

SqliteStatement SqliteDatabase::prepare(std::string_view sql) const {
    sqlite3_stmt* statement = nullptr;
    const int code = sqlite3_prepare_v2(m_db, sql.data(), int(sql.size()), &statement, nullptr);
    if (code != SQLITE_OK) fail(code);
    return SqliteStatement(*this, statement);
}

int64_t SqliteDatabase::lastInsertId() const { return sqlite3_last_insert_rowid(m_db); }

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : m_db(other.m_db), m_statement(other.m_statement) {
    other.m_statement = nullptr;
}

SqliteStatement& SqliteStatement::operator=(SqliteStatement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(m_statement);
        m_db = other.m_db;
        m_statement = std::exchange(other.m_statement, nullptr);
    }
    return *this;
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(m_statement); }

SqliteStatement& SqliteStatement::bind(int index, std::string_view text) {
    if (const int code = sqlite3_bind_text(m_statement, index, text.data(), int(text.size()),
                                           SQLITE_TRANSIENT);
        code != SQLITE_OK)
        m_db->fail(code);
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, int64_t value) {
    if (const int code = sqlite3_bind_int64(m_statement, index, value); code != SQLITE_OK)
        m_db->fail(code);
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, double value) {
    if (const int code = sqlite3_bind_double(m_statement, index, value); code != SQLITE_OK)
        m_db->fail(code);
    return *this;
}

SqliteStatement& SqliteStatement::bindBlob(int index, std::string_view bytes) {
    if (const int code = sqlite3_bind_blob(m_statement, index, bytes.data(), int(bytes.size()),
                                           SQLITE_TRANSIENT);
        code != SQLITE_OK)
        m_db->fail(code);
    return *this;
}

SqliteStatement& SqliteStatement::bindNull(int index) {
    if (const int code = sqlite3_bind_null(m_statement, index); code != SQLITE_OK)
        m_db->fail(code);
    return *this;
}

bool SqliteStatement::step() {
    const int code = sqlite3_step(m_statement);
    if (code == SQLITE_ROW) return true;
    if (code == SQLITE_DONE) return false;
    m_db->fail(code);
}

void SqliteStatement::run() {
    step();
    reset();
}

void SqliteStatement::reset() {
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
}

std::string SqliteStatement::text(int column) const {
    const auto* bytes = static_cast<const char*>(sqlite3_column_blob(m_statement, column));
    return bytes ? std::string(bytes, size_t(sqlite3_column_bytes(m_statement, column)))
                 : std::string();
}

int64_t SqliteStatement::integer(int column) const {
    return sqlite3_column_int64(m_statement, column);
}

double SqliteStatement::real(int column) const {
    return sqlite3_column_double(m_statement, column);
}

bool SqliteStatement::isNull(int column) const {
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

SqliteTransaction::SqliteTransaction(SqliteDatabase& db) : m_db(db) {
    m_db.execute("BEGIN IMMEDIATE");
}

SqliteTransaction::~SqliteTransaction() {
    if (!m_done) {
        try {
            m_db.execute("ROLLBACK");
        } catch (const Error&) {
            // The transaction is gone already (SQLite rolled it back on the failure).
        }
    }
}

void SqliteTransaction::commit() {
    m_db.execute("COMMIT");
    m_done = true;
}

} // namespace oficina::core::track
