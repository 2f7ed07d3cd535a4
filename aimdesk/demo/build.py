"""Turn a written demo data set into a ready workspace, the way a user would import it."""

from __future__ import annotations

import json
from pathlib import Path

from aimdesk.core.errors import WorkspaceError
from aimdesk.core.ingest.importer import import_file
from aimdesk.core.ingest.prepare import ImportOptions
from aimdesk.core.progress import Progress, report
from aimdesk.core.store.workspace import Store, remove_workspace
from aimdesk.demo.generate import DEFAULT_SEED, write_member_files
from aimdesk.demo.recognition import record_demo_recognition

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


def build_demo_workspace(directory: Path, *, who: str, seed: int, progress: Progress | None = None) -> Path:
    """Import every member file of the data set in `directory` into `demo.aimdesk` there,
    and record the demo members' mutual-recognition status.

    Args:
        seed: the benchmark answers are drawn from it (see `aimdesk.demo.recognition`).

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
        report(progress, len(mappings), len(mappings), "Recording mutual-recognition status")
        record_demo_recognition(store, who=who, seed=seed)
    except BaseException:
        store.close()
        remove_workspace(target)
        raise
    store.close()
    report(progress, len(mappings), len(mappings), "Demo workspace ready")
    return target


def make_demo(directory: Path, *, who: str, seed: int = DEFAULT_SEED, scale: float = 1.0,
              progress: Progress | None = None) -> Path:
    """Write the demo members' files into `directory` and import them into a new
    `demo.aimdesk` there, with the members' mutual-recognition status (12 of the 15
    eligible for audits, two benchmarks made in AIMDesk); returns the workspace path.

    Raises:
        WorkspaceError: the folder already holds a demo workspace.
    """
    if (Path(directory) / DEMO_WORKSPACE_NAME).exists():
        raise WorkspaceError(f"{Path(directory) / DEMO_WORKSPACE_NAME} already exists; "
                             "remove it or choose another folder.")
    Path(directory).mkdir(parents=True, exist_ok=True)
    write_member_files(Path(directory), seed=seed, scale=scale)
    return build_demo_workspace(directory, who=who, progress=progress, seed=seed)
