"""The Exports page: the common document and its editions, the planned-audit check, the EcoVadis list and the HRIA register."""
