"""Misspelt vocabulary words read as the words they stand for.

Member lists are typed by hand: "Cuothing", "Compauy", "Kknit", "Industiral". Left as they
are, such words look rare and distinctive, and two spellings of one supplier look like two
suppliers. A word that is one typing slip (a letter added, dropped, changed or two swapped)
away from a vocabulary word is read as that word; short words are left alone, where one
slip often makes another real word.
"""

from __future__ import annotations

from collections.abc import Mapping

from rapidfuzz import process
from rapidfuzz.distance import OSA

MIN_LENGTH = 5
"""Shorter words are never corrected ("tex" and "tea" are both words)."""
MIN_LENGTH_CHANGED = 6
"""A changed letter is corrected only in words this long ("grade" is not "trade")."""


class Speller:
    """Corrects words against a vocabulary; answers are remembered."""

    def __init__(self, vocabulary: Mapping[str, str]) -> None:
        """`vocabulary`: spelling → what it reads as (a canonical word or words)."""
        self._vocabulary = dict(vocabulary)
        self._by_length: dict[int, list[str]] = {}
        for word in self._vocabulary:
            self._by_length.setdefault(len(word), []).append(word)
        self._known: dict[str, str | None] = {}

    def correct(self, word: str) -> str | None:
        """What a misspelt `word` reads as, or None (not misspelt, or not close enough to
        one vocabulary word alone)."""
        if word in self._known:
            return self._known[word]
        found = None
        if len(word) >= MIN_LENGTH and word not in self._vocabulary and not word.isdigit():
            candidates = [other for size in (len(word) - 1, len(word), len(word) + 1)
                          for other in self._by_length.get(size, ())]
            matches = process.extract(word, candidates, scorer=OSA.distance, score_cutoff=1, limit=3)
            readings = {self._vocabulary[match[0]] for match in matches
                        if len(match[0]) != len(word) or len(word) >= MIN_LENGTH_CHANGED
                        or sorted(match[0]) == sorted(word)}
            if len(readings) == 1:
                found = readings.pop()
        self._known[word] = found
        return found
