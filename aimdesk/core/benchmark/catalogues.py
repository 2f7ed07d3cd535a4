"""Criteria catalogues: the built-in ones shipped as data in `resources/benchmark/`, and the
versions the secretariat saved in the workspace.

A catalogue version never changes once saved: an edit is saved as the next version, and a
criterion that is no longer asked is retired, not removed, so every assessment keeps the
exact version it was made against.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any, Callable

from aimdesk.core.benchmark.model import KINDS, Catalogue, Criterion
from aimdesk.core.errors import AimDeskError
from aimdesk.core.resources import load_json, resources_dir
from aimdesk.core.store.activity import log_activity
from aimdesk.core.store.benchmarks import has_catalogue, insert_catalogue, stored_catalogues
from aimdesk.core.store.workspace import Store, timestamp, utc_now

FOLDER = "benchmark"
"""The built-in catalogues: one JSON file each in `resources/benchmark/`."""


def builtin_catalogues() -> list[Catalogue]:
    """The catalogues shipped with AIMDesk (SMETA 6.1 4-pillar, the SVA baseline), by key."""
    files = sorted((resources_dir() / FOLDER).glob("*.json"))
    return sorted((catalogue_from_data(load_json(f"{FOLDER}/{path.name}")) for path in files),
                  key=lambda c: (c.key, c.version))


def catalogue_from_data(data: dict[str, Any]) -> Catalogue:
    """A catalogue from its JSON form: {"key", "name", "kind", "version", "note", "criteria":
    [{"id", "pillar", "section", "question", "weight", "core", "draft", "retired"?}]}.

    Raises:
        AimDeskError: a criterion lacks a field, or the catalogue breaks a rule of `check_catalogue`.
    """
    try:
        criteria = tuple(
            Criterion(str(c["id"]), str(c["pillar"]), str(c["section"]), str(c["question"]),
                      float(c.get("weight", 1.0)), bool(c.get("core", False)), bool(c.get("draft", False)),
                      bool(c.get("retired", False)))
            for c in data["criteria"])
        catalogue = Catalogue(str(data["key"]), str(data["name"]), data["kind"], int(data["version"]), criteria,
                              note=str(data.get("note", "")))
    except (KeyError, TypeError, ValueError) as error:
        raise AimDeskError(f"Catalogue {data.get('key', '?')} is damaged: missing or bad field {error}.") from None
    check_catalogue(catalogue)
    return catalogue


def check_catalogue(catalogue: Catalogue) -> None:
    """Refuse a catalogue the benchmark cannot use.

    Raises:
        AimDeskError: no key or name, an unknown kind, no criterion left to ask, a criterion
            without id, pillar, section or question, an id used twice, or a weight not above 0.
    """
    name = catalogue.key or "A catalogue"
    if not catalogue.key.strip() or not catalogue.name.strip():
        raise AimDeskError(f"{name} needs a key and a name.")
    if catalogue.kind not in KINDS:
        raise AimDeskError(f"{name}: kind must be one of {', '.join(KINDS)}, not {catalogue.kind!r}.")
    if not catalogue.active:
        raise AimDeskError(f"{name} has no criterion to ask (every one is retired).")
    seen: set[str] = set()
    for c in catalogue.criteria:
        if not all(text.strip() for text in (c.id, c.pillar, c.section, c.question)):
            raise AimDeskError(f"{name}: criterion {c.id or '(no id)'} needs an id, a pillar, a section "
                               "and a question.")
        if c.id in seen:
            raise AimDeskError(f"{name}: criterion id {c.id} is used twice; ids must be unique.")
        if not c.weight > 0:
            raise AimDeskError(f"{name}: criterion {c.id} has weight {c.weight:g}; a weight must be above 0.")
        seen.add(c.id)


def list_catalogues(store: Store) -> list[Catalogue]:
    """Every catalogue version, built-in and saved in the workspace, by key then version.

    A version kept in the workspace wins over the built-in file of the same key and version:
    it is the one assessments were made against.
    """
    found = {(c.key, c.version): c for c in builtin_catalogues()}
    found.update({(c.key, c.version): c for c in stored_catalogues(store)})
    return [found[key] for key in sorted(found)]


def latest_catalogue(store: Store, key: str) -> Catalogue:
    """The newest version of catalogue `key`.

    Raises:
        AimDeskError: there is no catalogue `key`.
    """
    return _versions(store, key)[-1]


def get_catalogue(store: Store, key: str, version: int) -> Catalogue:
    """Version `version` of catalogue `key`.

    Raises:
        AimDeskError: there is no such catalogue, or no such version of it.
    """
    versions = _versions(store, key)
    found = next((c for c in versions if c.version == version), None)
    if found is None:
        known = ", ".join(str(c.version) for c in versions)
        raise AimDeskError(f"Catalogue {key} has no version {version} (versions: {known}).")
    return found


def _versions(store: Store, key: str) -> list[Catalogue]:
    catalogues = list_catalogues(store)
    versions = [c for c in catalogues if c.key == key]
    if not versions:
        known = ", ".join(sorted({c.key for c in catalogues}))
        raise AimDeskError(f"There is no catalogue {key}; the catalogues are: {known}.")
    return versions


def save_catalogue_version(store: Store, catalogue: Catalogue, *, who: str, note: str = "",
                           now: Callable[[], datetime] = utc_now) -> Catalogue:
    """Save an edited catalogue as the next version of its key (version 1 for a new key).

    Args:
        catalogue: the criteria of the new version; its `version`, `created_at` and
            `created_by` are replaced.
        who: the person saving it (kept with the version and in the activity log).
        note: what changed; when empty the catalogue's own note is kept.

    Returns:
        The version as saved.

    Raises:
        AimDeskError: the catalogue breaks a rule of `check_catalogue`, changes the kind of
            its key, or leaves out a criterion of the previous version (retire it instead).
    """
    check_catalogue(catalogue)
    moment = now()
    with store.transaction():  # under the write lock: no one else takes the same version number
        previous = _previous(store, catalogue.key)
        if previous is not None:
            _refuse_changes_to_history(previous, catalogue)
        saved = replace(catalogue, version=previous.version + 1 if previous else 1,
                        created_at=timestamp(moment), created_by=who, note=note or catalogue.note)
        insert_catalogue(store, saved)
        log_activity(store, who=who, action="save benchmark catalogue", now=moment, detail={
            "catalogue": saved.key, "version": saved.version, "criteria": len(saved.active), "note": note})
    return saved


def _previous(store: Store, key: str) -> Catalogue | None:
    versions = [c for c in list_catalogues(store) if c.key == key]
    return versions[-1] if versions else None


def _refuse_changes_to_history(previous: Catalogue, catalogue: Catalogue) -> None:
    if catalogue.kind != previous.kind:
        raise AimDeskError(f"Catalogue {catalogue.key} is for {previous.kind} protocols; a new version cannot "
                           f"change that (save it under another key).")
    removed = [c.id for c in previous.criteria if catalogue.criterion(c.id) is None]
    if removed:
        raise AimDeskError(
            f"Criteria {', '.join(removed)} of {previous.label} are missing; retire a criterion instead of "
            "removing it, so assessments made against earlier versions stay readable.")


def keep_catalogue(store: Store, catalogue: Catalogue) -> None:
    """Copy a built-in catalogue version into the workspace the first time an assessment uses
    it, so a later AIMDesk shipping different criteria under the same version cannot change
    that assessment. Call inside a transaction."""
    if not has_catalogue(store, catalogue.key, catalogue.version):
        insert_catalogue(store, catalogue)
