"""The country and audit-type aliases a workspace remembers (see `core.ingest.aliases`)."""

from __future__ import annotations

from aimdesk.core.ingest.aliases import ValueAliases
from aimdesk.core.store.settings import get_setting, set_setting
from aimdesk.core.store.workspace import Store

COUNTRY_ALIASES, SCHEME_ALIASES = "ingest.country_aliases", "ingest.scheme_aliases"


def load_aliases(store: Store) -> ValueAliases:
    """The aliases every import in this workspace applies."""
    return ValueAliases(dict(get_setting(store, COUNTRY_ALIASES, {})),
                        dict(get_setting(store, SCHEME_ALIASES, {})))


def remember_aliases(store: Store, aliases: ValueAliases) -> ValueAliases:
    """Keep these aliases, with those already kept, for every later import.

    Returns:
        All the aliases now kept.
    """
    kept = load_aliases(store).merged(aliases)
    with store.transaction():
        set_setting(store, COUNTRY_ALIASES, dict(kept.countries))
        set_setting(store, SCHEME_ALIASES, dict(kept.schemes))
    return kept
