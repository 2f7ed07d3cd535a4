"""The append-only activity log: every import and decision, with who and when."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from aimdesk.core.store.workspace import Store, timestamp


@dataclass(frozen=True, slots=True)
class ActivityEntry:
    """One line of the activity log: when, who, what, and the details as a dict."""

    id: int
    at: str
    who: str
    action: str
    detail: dict[str, Any]


def log_activity(store: Store, *, who: str, action: str, detail: dict[str, Any],
                 now: datetime) -> None:
    """Append one entry; call inside the transaction of the change it records."""
    store.conn.execute(
        "INSERT INTO activity (at, who, action, detail_json) VALUES (?, ?, ?, ?)",
        (timestamp(now), who, action, json.dumps(detail, ensure_ascii=False, sort_keys=True)),
    )


def list_activity(store: Store, *, limit: int = 200) -> list[ActivityEntry]:
    """The latest entries, newest first."""
    rows = store.conn.execute(
        "SELECT id, at, who, action, detail_json FROM activity ORDER BY id DESC LIMIT ?",
        (limit,),
    )
    return [ActivityEntry(r[0], r[1], r[2], r[3], json.loads(r[4] or "{}")) for r in rows]
