"""AIMDesk: mutual recognition of supplier audits, offline."""

__version__ = "0.1.0"
