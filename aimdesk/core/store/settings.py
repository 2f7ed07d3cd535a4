"""Workspace settings: named values kept in the workspace, so every laptop agrees."""

from __future__ import annotations

import json
from typing import Any

from aimdesk.core.store.workspace import Store


def get_setting(store: Store, key: str, default: Any) -> Any:
    """The value of setting `key`, or `default` when it was never set."""
    row = store.conn.execute("SELECT value_json FROM settings WHERE key = ?", (key,)).fetchone()
    return json.loads(row[0]) if row else default


def set_setting(store: Store, key: str, value: Any) -> None:
    """Set `key`; call inside a transaction."""
    store.conn.execute(
        "INSERT INTO settings (key, value_json) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json", (key, json.dumps(value)))
