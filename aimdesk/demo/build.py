"""Turn a written demo data set into a ready workspace, the way a user would import it."""

from __future__ import annotations

import json
from pathlib import Path

from aimdesk.core.ingest.importer import import_file
from aimdesk.core.ingest.prepare import ImportOptions
from aimdesk.core.progress import Progress, report
from aimdesk.core.store.workspace import Store, remove_workspace

DEMO_WORKSPACE_NAME = "demo.aimdesk"


def import_options_from_mapping(mapping: dict[str, object]) -> ImportOptions:
    """The import choices recorded in a data set's `mapping/<member>.json`."""
    order = mapping.get("date_style")
    return ImportOptions(
        member=str(mapping["member"]),
        sheet=str(mapping["sheet"]) if mapping.get("sheet") else None,
        header_row=int(mapping["header_row"]) if mapping.get("header_row") else None,  # type: ignore[arg-type]
        mapping=dict(mapping.get("fields") or {}),  # type: ignore[call-overload]
        date_order=order if order in ("dmy", "mdy", "ymd") else None,  # type: ignore[arg-type]
    )


def build_demo_workspace(directory: Path, *, who: str, progress: Progress | None = None) -> Path:
    """Import every member file of the data set in `directory` into `demo.aimdesk` there.

    Raises:
        WorkspaceError: the workspace already exists.
    """
    target = Path(directory) / DEMO_WORKSPACE_NAME
    mappings = sorted((Path(directory) / "mapping").glob("*.json"))
    store = Store.create(target)
    try:
        for done, mapping_file in enumerate(mappings):
            mapping = json.loads(mapping_file.read_text(encoding="utf-8"))
            report(progress, done, len(mappings), f"Importing {mapping['member']}")
            import_file(store, Path(directory) / mapping["file"],
                        import_options_from_mapping(mapping), who=who)
    except BaseException:
        store.close()
        remove_workspace(target)
        raise
    store.close()
    report(progress, len(mappings), len(mappings), "Demo workspace ready")
    return target
