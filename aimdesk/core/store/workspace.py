"""The workspace: one SQLite file, opened, migrated and written through `Store`."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from aimdesk.core.errors import WorkspaceError
from aimdesk.core.store.migrations import MIGRATIONS, SCHEMA_VERSION

APPLICATION_ID = 0x41494D44
"""'AIMD' in PRAGMA application_id marks a file as an AIMDesk workspace."""

WORKSPACE_SUFFIX = ".aimdesk"

BUSY_TIMEOUT_SECONDS = 5.0
"""How long a write waits for another AIMDesk holding the workspace before giving up."""
CACHE_KIB = 64 * 1024
"""Page cache per connection: a 50,000-row import fits without spilling to disk."""


class Store:
    """An open workspace. One per thread: connections never cross threads.

    Use `Store.open(path)` (or `Store.create(path)`), write only inside
    `with store.transaction():`, and `close()` when done.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self._depth = 0

    @classmethod
    def create(cls, path: Path) -> Store:
        """Create a new, empty workspace at `path` (refuses to overwrite a file)."""
        path = Path(path)
        if path.exists():
            raise WorkspaceError(f"{path} already exists; choose another name for the new workspace.")
        _require_folder(path)
        return cls._connect(path, create=True)

    @classmethod
    def open(cls, path: Path, *, create: bool = False) -> Store:
        """Open the workspace at `path`, migrating it forward if it is older.

        Args:
            path: the `.aimdesk` file.
            create: make a new empty workspace if `path` does not exist.

        Raises:
            WorkspaceError: missing file (or, with `create`, missing folder), not an AIMDesk
                workspace, or made by a newer AIMDesk.
        """
        path = Path(path)
        if not path.exists() and not create:
            raise WorkspaceError(f"Workspace {path} does not exist.")
        if not path.exists():
            _require_folder(path)
        return cls._connect(path, create=not path.exists())

    @classmethod
    def _connect(cls, path: Path, *, create: bool) -> Store:
        try:
            conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_SECONDS)
            conn.execute("PRAGMA foreign_keys = ON")
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise WorkspaceError(f"{path} is not an AIMDesk workspace ({exc}).") from None
        store = cls(conn, path)
        try:
            store._check_identity(app_id, create=create)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            store._migrate()
        except BaseException:
            conn.close()
            raise
        return store

    def _check_identity(self, app_id: int, *, create: bool) -> None:
        if app_id == APPLICATION_ID:
            return
        has_tables = self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if app_id != 0 or has_tables or not create:
            raise WorkspaceError(f"{self.path} is not an AIMDesk workspace.")
        self.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        version = self.schema_version
        if version > SCHEMA_VERSION:
            raise WorkspaceError(
                f"{self.path} was made by a newer AIMDesk (schema {version}); "
                "update AIMDesk to open it."
            )
        if 0 < version < SCHEMA_VERSION:
            self.backup(self.path.with_name(f"{self.path.name}.before-v{SCHEMA_VERSION}.bak"))
        if version == SCHEMA_VERSION:
            return
        import sqlite_utils  # only here: it loads pandas, which a plain open does not need

        db = sqlite_utils.Database(self.conn)
        for number, migration in enumerate(MIGRATIONS[version:], start=version + 1):
            with self.transaction():
                migration(db)
                self.conn.execute(f"PRAGMA user_version = {number}")

    def backup(self, target: Path) -> Path:
        """Copy the whole workspace to `target` with SQLite's online backup API."""
        target = Path(target)
        with sqlite3.connect(target) as copy:
            self.conn.backup(copy)
        copy.close()
        return target

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Everything inside lands together or not at all; nests with savepoints.

        Any exception, KeyboardInterrupt included, rolls the block back and is re-raised.
        """
        if self._depth == 0:
            self._begin()
        else:
            self.conn.execute(f"SAVEPOINT level{self._depth}")
        self._depth += 1
        try:
            yield
        except BaseException:
            self._depth -= 1
            self._undo_level()
            raise
        self._depth -= 1
        if self._depth == 0:
            self._commit()
        else:
            self.conn.execute(f"RELEASE level{self._depth}")

    def _begin(self) -> None:
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise WorkspaceError(
                f"{self.path.name} is busy in another AIMDesk window or command ({error}); "
                "close that one and try again.") from None

    def _commit(self) -> None:
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as error:
            self.conn.execute("ROLLBACK")
            raise WorkspaceError(
                f"{self.path.name} could not be saved ({error}); nothing of this change was kept."
            ) from None

    def _undo_level(self) -> None:
        if self._depth == 0:
            self.conn.execute("ROLLBACK")
        else:
            self.conn.execute(f"ROLLBACK TO level{self._depth}")
            self.conn.execute(f"RELEASE level{self._depth}")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _require_folder(path: Path) -> None:
    """Refuse a new workspace whose folder is missing, before SQLite gives a vaguer error."""
    folder = path.parent
    if not folder.is_dir():
        raise WorkspaceError(
            f"Folder {folder} does not exist; choose an existing folder for the workspace."
        )


def remove_workspace(path: Path) -> None:
    """Delete a workspace file with its WAL companions (only for one just made and failed)."""
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)


def utc_now() -> datetime:
    """The default clock: timezone-aware UTC now. Core code takes `now` as a parameter."""
    return datetime.now(timezone.utc)


def timestamp(moment: datetime) -> str:
    """ISO 8601 text as stored in the workspace (seconds precision)."""
    return moment.isoformat(timespec="seconds")
