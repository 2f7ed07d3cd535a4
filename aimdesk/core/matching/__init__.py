"""Find the records that are the same supplier site: normalise, block, compare, score, cluster."""
