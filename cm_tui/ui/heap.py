"""Big freed blocks go back to the operating system, so an app left open all day does not keep
the memory of every table it outgrew (docs/architecture.md, "All day").

Why: glibc serves a block of 128 KiB or more with its own ``mmap`` and returns it to the system
when freed, but the first time such a block is freed it raises that threshold to the block's
size, for good. From then on the store's big dicts and index lists, which double as comments
arrive, are carved from the heap, and the tables they leave behind stay in the process: over a
simulated day (``allday_rss_growth_pct``) about 1.6 MB of the heap's growth was freed memory
kept this way. Setting the threshold once fixes it at glibc's own default and turns that
raising off: the same blocks, returned when freed.

Contract: ``keep_big_blocks_returnable()`` is called once, after the first frame (loading
``ctypes`` costs start-up nothing then); it returns whether the setting took. Anywhere else
than Linux with glibc (macOS, Windows, musl, which has no such threshold) it does nothing and
returns ``False``: memory use is then the platform's affair, never an error.
"""

from __future__ import annotations

#: glibc's ``M_MMAP_THRESHOLD`` parameter of ``mallopt``, and its documented default
M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD_BYTES = 128 * 1024


def keep_big_blocks_returnable() -> bool:
    """Fix glibc's mmap threshold at its default (see the module); ``True`` when it took."""
    if not _on_glibc():
        return False
    import ctypes

    try:
        mallopt = ctypes.CDLL(None).mallopt  # the C library the interpreter runs on
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES) == 1)


def _on_glibc() -> bool:
    import os

    try:
        version = os.confstr("CS_GNU_LIBC_VERSION")
    except (AttributeError, ValueError, OSError):  # not POSIX, or a C library without it
        return False
    return bool(version and version.startswith("glibc"))
