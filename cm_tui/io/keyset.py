"""A set of 64-bit keys that costs 8 to 16 bytes a key.

The import's duplicate check remembers one key per row of the file and per item already stored.
A Python ``set`` of 16-byte digests costs about 100 bytes a key (the object, its header and the
set's slot): 100 MB for a million rows, which made a dry run's memory grow with the file. Here
the keys live in one ``array('Q')`` with open addressing (linear probing, at most two thirds
full), so a million keys take 16 MB and a lookup stays O(1).

Keys are hashes (``key_of``: the first 8 bytes of a BLAKE2b digest), so their low bits are
already uniform and serve as the slot. Two different rows share a key with probability about
n²/2⁶⁵: 3 in 100 million for a million rows.
"""

from __future__ import annotations

import bisect
import itertools
from array import array
from collections.abc import Iterable

from cm_tui.core.queue_identity import key_of

_EMPTY = 0
_MIN_SLOTS = 1 << 10

__all__ = ["KeySet", "SortedKeys", "key_of"]


class KeySet:
    """A growing set of ``key_of`` keys: ``add`` says whether the key is new."""

    __slots__ = ("_count", "_mask", "_slots")

    def __init__(self) -> None:
        self._slots = array("Q", [_EMPTY]) * _MIN_SLOTS
        self._mask = _MIN_SLOTS - 1
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def __contains__(self, key: int) -> bool:
        return self._slots[self._slot_of(key)] == key

    def add(self, key: int) -> bool:
        """Add ``key``; ``True`` if it was not there yet. (The probe is written out here and
        in ``_grow``, not called: an import adds a key or two a row.)"""
        slots, mask = self._slots, self._mask
        index = key & mask
        while True:
            found = slots[index]
            if found == key:
                return False
            if found == _EMPTY:
                break
            index = (index + 1) & mask
        slots[index] = key
        self._count += 1
        if self._count * 3 > len(slots) * 2:
            self._grow()
        return True

    def _slot_of(self, key: int) -> int:
        """The slot holding ``key``, else the empty slot where it would go."""
        slots, mask = self._slots, self._mask
        index = key & mask
        while slots[index] != key and slots[index] != _EMPTY:
            index = (index + 1) & mask
        return index

    def _grow(self) -> None:
        old = self._slots
        slots = self._slots = array("Q", [_EMPTY]) * (len(old) * 2)
        mask = self._mask = len(slots) - 1
        for key in old:
            if key != _EMPTY:
                index = key & mask
                while slots[index] != _EMPTY:
                    index = (index + 1) & mask
                slots[index] = key


class SortedKeys:
    """A fixed set of keys known in bulk (the archive's month summaries: 100,000 items and
    more), 8 bytes a key in one sorted ``array('Q')``: built at C speed (``sorted``, fastest
    when ``parts`` are sorted already), looked up by bisection, where adding them one by one
    to a ``KeySet`` costs a Python call per key."""

    __slots__ = ("_keys",)

    def __init__(self, parts: Iterable[Iterable[int]] = ()) -> None:
        self._keys = array("Q", sorted(itertools.chain.from_iterable(parts)))

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key: int) -> bool:
        keys = self._keys
        index = bisect.bisect_left(keys, key)
        return index < len(keys) and keys[index] == key
