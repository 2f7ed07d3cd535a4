"""Read member spreadsheets: find the header, map columns, normalise, validate."""
