"""The AIMDesk domain: pure Python, never imports Qt."""
