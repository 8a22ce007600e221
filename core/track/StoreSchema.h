#pragma once

// The run store's SQLite schema, one migration per version (docs/runs.md describes the tables).
// A run's parameters are one blob in its row ("key\0value\0…", keys sorted), not a table: the
// runs list reads 10,000 runs' parameters, and 10,000 blobs take a third of the time 200,000
// rows do.

#include "track/RunStore.h"

#include <array>

namespace oficina::core::track {

inline constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE runs (
    number INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    experiment TEXT NOT NULL,
    pipeline_path TEXT NOT NULL,
    pipeline_text TEXT NOT NULL,
    pipeline_hash TEXT NOT NULL,
    source TEXT NOT NULL,
    status TEXT NOT NULL,
    failed_node TEXT NOT NULL DEFAULT '',
    message TEXT NOT NULL DEFAULT '',
    start_ms INTEGER NOT NULL,
    end_ms INTEGER NOT NULL DEFAULT 0,
    overrides TEXT NOT NULL DEFAULT '[]',
    seeds TEXT NOT NULL DEFAULT '{}',
    versions TEXT NOT NULL DEFAULT '{}',
    reproducibility TEXT NOT NULL DEFAULT 'exact',
    report TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '[]',
    params BLOB NOT NULL DEFAULT ''
);
CREATE INDEX runs_status ON runs(status);
CREATE TABLE metrics (
    run INTEGER NOT NULL REFERENCES runs(number) ON DELETE CASCADE,
    key TEXT NOT NULL,
    step REAL NOT NULL,
    value REAL,
    timestamp_ms INTEGER NOT NULL,
    series INTEGER NOT NULL
);
CREATE INDEX metrics_run ON metrics(run, series, key);
CREATE TABLE inputs (
    run INTEGER NOT NULL REFERENCES runs(number) ON DELETE CASCADE,
    node TEXT NOT NULL,
    path TEXT NOT NULL,
    size INTEGER NOT NULL,
    modified_ns INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    rows INTEGER NOT NULL,
    columns INTEGER NOT NULL,
    schema TEXT NOT NULL
);
CREATE INDEX inputs_run ON inputs(run);
CREATE INDEX inputs_file ON inputs(path, size, modified_ns);
CREATE TABLE artifacts (
    run INTEGER NOT NULL REFERENCES runs(number) ON DELETE CASCADE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    node TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL
);
CREATE INDEX artifacts_run ON artifacts(run);
CREATE INDEX artifacts_sha ON artifacts(sha256);
CREATE TABLE models (
    name TEXT PRIMARY KEY,
    description TEXT NOT NULL DEFAULT '',
    created_ms INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL
);
CREATE TABLE model_versions (
    name TEXT NOT NULL REFERENCES models(name) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    run_id TEXT NOT NULL,
    node TEXT NOT NULL,
    artifact_sha256 TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    created_ms INTEGER NOT NULL,
    data_fingerprint TEXT NOT NULL DEFAULT '',
    pipeline_hash TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (name, version)
);
CREATE TABLE model_aliases (
    name TEXT NOT NULL,
    alias TEXT NOT NULL,
    version INTEGER NOT NULL,
    PRIMARY KEY (name, alias),
    FOREIGN KEY (name, version) REFERENCES model_versions(name, version) ON DELETE CASCADE
);
CREATE TABLE push_queue (
    id INTEGER PRIMARY KEY,
    run_id TEXT NOT NULL,
    uri TEXT NOT NULL,
    error TEXT NOT NULL,
    queued_ms INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0
);
)sql";

// Each entry takes the schema from version i to i + 1; a new schema appends one.
inline constexpr std::array<const char*, kStoreSchemaVersion> kMigrations = {kSchemaV1};

} // namespace oficina::core::track
