"""The desktop front end (PySide6). Calls the core; holds no SQL and no domain rules."""
