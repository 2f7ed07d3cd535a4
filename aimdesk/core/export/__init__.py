"""Files AIMDesk writes for people: record lists, common document, review packets."""
