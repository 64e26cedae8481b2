"""The import's set of 64-bit keys behaves as a set, through growth and collisions of slots."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cm_tui.io.keyset import KeySet, key_of


@given(st.lists(st.integers(1, 2**64 - 1), max_size=3000))
def test_a_keyset_is_a_set(keys: list[int]) -> None:
    found = KeySet()
    seen: set[int] = set()
    for key in keys:
        assert found.add(key) is (key not in seen)
        seen.add(key)
    assert len(found) == len(seen)
    assert all(key in found for key in seen)


def test_keys_sharing_low_bits_are_kept_apart() -> None:
    found = KeySet()
    same_slot = [n << 40 | 7 for n in range(1, 2000)]
    assert all(found.add(key) for key in same_slot)
    assert all(key in found for key in same_slot) and (8 << 40 | 8) not in found


def test_key_of_is_never_the_empty_slot() -> None:
    assert key_of("a") != 0 and key_of("a") == key_of("a") != key_of("b")


def test_sorted_keys_hold_the_keys_known_in_bulk() -> None:
    from cm_tui.io.keyset import SortedKeys

    keys = SortedKeys([[key_of("a"), key_of("b")], [], [key_of("c")]])
    assert len(keys) == 3
    assert key_of("a") in keys and key_of("c") in keys
    assert key_of("d") not in keys and 0 not in keys and 2**64 - 1 not in keys
    assert 5 not in SortedKeys()
