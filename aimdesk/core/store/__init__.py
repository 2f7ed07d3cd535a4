"""The workspace file: schema, migrations, transactions and queries."""

from aimdesk.core.store.workspace import Store, utc_now

__all__ = ["Store", "utc_now"]
