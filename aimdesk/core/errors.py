"""Errors the user can act on. Their message is one sentence, shown as it is."""

from __future__ import annotations


class AimDeskError(Exception):
    """Base class: a problem with the user's input or workspace, not a bug."""


class InputFileError(AimDeskError):
    """A file cannot be read as a supplier list (empty, damaged, protected, no header)."""


class MappingError(AimDeskError):
    """The columns of a list cannot be mapped to the canonical fields."""


class WorkspaceError(AimDeskError):
    """The workspace file is missing, damaged, too new, or refuses the change."""


class DuplicateImportError(WorkspaceError):
    """The identical file (same SHA-256) was imported before."""


class Cancelled(AimDeskError):
    """The user cancelled a long operation; nothing it started was kept."""
