"""The document registry: which documents are in the index, and whether each is complete.

SQLite (standard library) gives the one thing Chroma and the BM25 files cannot: a transaction. A document
is written as ``pending`` before any of its chunks reach Chroma or BM25 and flipped to ``complete`` only
after both have them, so a crash part-way is visible on the next open and is cleaned up there.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ingestion.domain import Chunk

PENDING = "pending"
_COLUMNS = (
    "id, file_name, title, body, meeting_date, page_count, item_count, chunk_count, status, ingested_at, "
    "reading, warnings"
)
COMPLETE = "complete"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    file_name TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    meeting_date TEXT,
    page_count INTEGER NOT NULL,
    item_count INTEGER NOT NULL,
    chunk_count INTEGER NOT NULL,
    status TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    reading TEXT NOT NULL DEFAULT '',
    warnings TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE IF NOT EXISTS chunks (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id),
    position INTEGER NOT NULL,
    search_text TEXT NOT NULL,
    item_number TEXT NOT NULL,
    case_number TEXT NOT NULL,
    body TEXT NOT NULL,
    meeting_date_int INTEGER NOT NULL,
    kind TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_document ON chunks(document_id);
CREATE INDEX IF NOT EXISTS chunks_case ON chunks(case_number);
CREATE TABLE IF NOT EXISTS tombstones (document_id TEXT PRIMARY KEY);
"""


@dataclass(frozen=True)
class DocumentRecord:
    id: str
    file_name: str
    title: str
    body: str
    meeting_date: dt.date | None
    page_count: int
    item_count: int
    chunk_count: int
    status: str
    ingested_at: dt.datetime
    reading: str = ""  # how the structure was read: outline, contents, typography, patterns or none
    warnings: tuple[str, ...] = ()


class Registry:
    """Thread-safe access to the registry database in ``data_dir``."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._connection = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._connection.execute("PRAGMA journal_mode=WAL")
        self._connection.execute("PRAGMA synchronous=FULL")
        self._connection.executescript(_SCHEMA)
        self._migrate()
        self._lock = threading.RLock()

    def _migrate(self) -> None:
        """Registries written before documents recorded how they were read get the columns, empty."""
        columns = {row[1] for row in self._connection.execute("PRAGMA table_info(documents)")}
        if "reading" not in columns:
            self._connection.execute("ALTER TABLE documents ADD COLUMN reading TEXT NOT NULL DEFAULT ''")
        if "warnings" not in columns:
            self._connection.execute("ALTER TABLE documents ADD COLUMN warnings TEXT NOT NULL DEFAULT '[]'")

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._connection.execute("BEGIN IMMEDIATE")
            try:
                yield self._connection
            except BaseException:
                self._connection.execute("ROLLBACK")
                raise
            self._connection.execute("COMMIT")

    def _query(self, sql: str, parameters: tuple = ()) -> list[tuple]:
        with self._lock:
            return self._connection.execute(sql, parameters).fetchall()

    def add_pending(self, record: DocumentRecord, chunks: list[Chunk], search_texts: list[str]) -> None:
        with self.transaction() as connection:
            connection.execute(
                "INSERT INTO documents (id, file_name, title, body, meeting_date, page_count, item_count, "
                "chunk_count, status, ingested_at, reading, warnings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    record.id,
                    record.file_name,
                    record.title,
                    record.body,
                    record.meeting_date.isoformat() if record.meeting_date else None,
                    record.page_count,
                    record.item_count,
                    record.chunk_count,
                    PENDING,
                    record.ingested_at.isoformat(),
                    record.reading,
                    json.dumps(list(record.warnings), ensure_ascii=False),
                ),
            )
            connection.executemany(
                "INSERT INTO chunks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        chunk.id,
                        chunk.document_id,
                        index,
                        text,
                        chunk.item_number,
                        chunk.case_number,
                        chunk.body,
                        chunk.meeting_date_int,
                        chunk.kind,
                    )
                    for index, (chunk, text) in enumerate(zip(chunks, search_texts, strict=True))
                ],
            )

    def mark_complete(self, document_id: str, superseded: list[str]) -> None:
        """Flip a document to complete and retire the versions it replaces, in one transaction.

        Retired versions leave a tombstone until their vectors and files are gone too.
        """
        with self.transaction() as connection:
            connection.execute("UPDATE documents SET status = ? WHERE id = ?", (COMPLETE, document_id))
            for old in superseded:
                self._retire(connection, old)

    def retire(self, document_id: str) -> None:
        """Take a document out of the registry, leaving a tombstone for the rest of its removal."""
        with self.transaction() as connection:
            self._retire(connection, document_id)

    @staticmethod
    def _retire(connection: sqlite3.Connection, document_id: str) -> None:
        connection.execute("INSERT OR IGNORE INTO tombstones VALUES (?)", (document_id,))
        connection.execute("DELETE FROM chunks WHERE document_id = ?", (document_id,))
        connection.execute("DELETE FROM documents WHERE id = ?", (document_id,))

    def tombstones(self) -> list[str]:
        return [row[0] for row in self._query("SELECT document_id FROM tombstones")]

    def forget(self, document_id: str) -> None:
        """The last step of a removal: registry rows and tombstone go."""
        with self.transaction() as connection:
            connection.execute("DELETE FROM chunks WHERE document_id = ?", (document_id,))
            connection.execute("DELETE FROM documents WHERE id = ?", (document_id,))
            connection.execute("DELETE FROM tombstones WHERE document_id = ?", (document_id,))

    def documents(self, status: str | None = COMPLETE) -> list[DocumentRecord]:
        sql = f"SELECT {_COLUMNS} FROM documents"
        rows = (
            self._query(sql + " WHERE status = ? ORDER BY meeting_date, file_name", (status,))
            if status
            else (self._query(sql + " ORDER BY meeting_date, file_name"))
        )
        return [_record(row) for row in rows]

    def document(self, document_id: str) -> DocumentRecord | None:
        rows = self._query(f"SELECT {_COLUMNS} FROM documents WHERE id = ?", (document_id,))
        return _record(rows[0]) if rows else None

    def by_file_name(self, file_name: str) -> list[DocumentRecord]:
        rows = self._query(f"SELECT {_COLUMNS} FROM documents WHERE file_name = ?", (file_name,))
        return [_record(row) for row in rows]

    def searchable_chunks(self) -> list[tuple[str, str]]:
        """(chunk id, search text) of every complete document's chunks, in a stable order."""
        return self._query(
            "SELECT c.id, c.search_text FROM chunks c JOIN documents d ON d.id = c.document_id "
            "WHERE d.status = ? ORDER BY c.document_id, c.position",
            (COMPLETE,),
        )


def _record(row: tuple) -> DocumentRecord:
    return DocumentRecord(
        id=row[0],
        file_name=row[1],
        title=row[2],
        body=row[3],
        meeting_date=dt.date.fromisoformat(row[4]) if row[4] else None,
        page_count=row[5],
        item_count=row[6],
        chunk_count=row[7],
        status=row[8],
        ingested_at=dt.datetime.fromisoformat(row[9]),
        reading=row[10],
        warnings=tuple(json.loads(row[11])),
    )
