"""A small per-language copy of the CLDR data the screens read, so that start-up does not pay for
Babel's whole locale data.

Why: ``core.locale`` writes every number, date and plural through Babel. Babel reads a
language's data by unpickling ``root.dat`` and ``<lang>.dat`` (about 360 KB) and merging them:
about 15 ms, on the path to the app's first frame (Today's header names the day). The screens
read ten of its top-level entries (``KEYS``: names of months and days, number symbols and
patterns, currency formats, the plural rule), about 28 KB.

Contract:

* ``locale_data(lang, folder)`` gives the data Babel would load for ``lang``: the entries in
  ``KEYS`` from ``folder``'s cache file, any other entry from Babel's own data on first use
  (``OnDemand``), so nothing a caller asks for is ever missing;
* the cache file is named after Babel's version and the language, so an upgraded Babel builds a
  new one; a file that cannot be read, or does not hold exactly ``KEYS``, is ignored and
  rewritten; a cache that cannot be written (read-only home) costs speed only, never an error;
* the file is a pickle, like Babel's own data files, private (0600) in the user's own cache
  folder: only the user's own processes write there.

The data itself is Babel's, unchanged: ``tests/core/test_cldr_cache.py`` checks that every
function of ``core.locale`` writes the same with and without the cache.
"""

from __future__ import annotations

import contextlib
import pickle
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

#: the top-level CLDR entries that ``core.locale``'s functions read (``test_cldr_cache`` checks
#: that they are enough: formatting never falls back to Babel's full data)
KEYS = (
    "currency_formats",
    "currency_names_plural",
    "currency_symbols",
    "date_formats",
    "days",
    "decimal_formats",
    "months",
    "number_symbols",
    "percent_formats",
    "plural_form",
)

#: entries kept pickled inside the cache file and unpickled on first use: the CLDR date
#: patterns are Babel ``dates`` objects, and unpickling them imports that module (12M
#: instructions, 3 ms), which Today's first frame does not need (``core.locale.date`` fills its
#: fixed layouts from the names); only a CLDR length (``long``...) reads them
DEFERRED = ("date_formats",)


class OnDemand(dict[str, Any]):
    """The cached entries; an entry not among them is read from Babel's full data on first use
    (once per language), so a Babel function that needs more still gets it. A ``DEFERRED``
    entry given as pickled bytes is unpickled on its first read."""

    def __init__(self, lang: str, entries: Mapping[str, Any]) -> None:
        self._deferred = {
            key: value
            for key, value in entries.items()
            if key in DEFERRED and isinstance(value, bytes)
        }
        super().__init__({k: v for k, v in entries.items() if k not in self._deferred})
        self.lang = lang
        self.full_loads = 0

    def __iter__(self) -> Iterator[str]:
        yield from dict.__iter__(self)
        yield from list(self._deferred)

    def __len__(self) -> int:
        return dict.__len__(self) + len(self._deferred)

    def _unpickle_all(self) -> None:
        for key in list(self._deferred):
            self.__missing__(key)

    def keys(self) -> Any:  # the views show every entry: the deferred ones are unpickled
        self._unpickle_all()
        return dict.keys(self)

    def values(self) -> Any:
        self._unpickle_all()
        return dict.values(self)

    def items(self) -> Any:
        self._unpickle_all()
        return dict.items(self)

    def _full(self) -> Mapping[str, Any]:
        from babel import localedata

        self.full_loads += 1
        return localedata.load(self.lang)

    def __missing__(self, key: str) -> Any:
        pickled = self._deferred.pop(key, None)
        if pickled is not None:
            value = pickle.loads(pickled)
            self[key] = value
            return value
        value = self._full()[key]
        self[key] = value
        return value

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, key) or key in self._deferred or key in self._full()


def cache_file(folder: Path, lang: str) -> Path:
    """The cache file for ``lang`` of the installed Babel."""
    import babel

    return folder / f"cldr-{babel.__version__}-deferred-{lang}.pickle"


def locale_data(lang: str, folder: Path) -> OnDemand:
    """The CLDR data of ``lang`` (see the module's contract): from the cache when it is there
    and whole, else from Babel, writing the cache for the next start."""
    path = cache_file(folder, lang)
    entries = _read(path)
    if entries is None:
        entries = _from_babel(lang)
        _write(path, entries)
    return OnDemand(lang, entries)


def _read(path: Path) -> dict[str, Any] | None:
    try:
        with path.open("rb") as handle:
            entries = pickle.load(handle)
    except Exception:  # missing, truncated, another format: rebuilt from Babel
        return None
    if not isinstance(entries, dict) or set(entries) != set(KEYS):
        return None
    if not all(isinstance(entries[key], bytes) for key in DEFERRED):
        return None
    return entries


def _from_babel(lang: str) -> dict[str, Any]:
    from babel import localedata

    data = localedata.load(lang)
    return {key: data[key] for key in KEYS if key in data}


def _write(path: Path, entries: dict[str, Any]) -> None:
    from cm_tui.store.atomic import make_private_dir, write_atomic

    if set(entries) != set(KEYS):  # a language without one of them: nothing to cache
        return
    with contextlib.suppress(OSError):
        make_private_dir(path.parent)
        kept = {
            key: pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL) if key in DEFERRED else value
            for key, value in entries.items()
        }
        write_atomic(path, pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL))
