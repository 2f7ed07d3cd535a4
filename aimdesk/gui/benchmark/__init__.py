"""Protocols: the benchmark wizard, assessments, catalogues and mutual-recognition status."""
