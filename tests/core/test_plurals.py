"""Every message rendered with its numbers at 0, 1 and 2, in English and in French: the words
after a number agree with it (no "1 tasks", no "0 ouverts"), no hand-made "(s)" plural, no
percent sign written by hand, no French "de" before a name that may start with a vowel."""

from __future__ import annotations

import re
import string
from collections.abc import Iterator

import pytest

from cm_tui.core import i18n

#: placeholders that hold a number (a quantity, a bound, an identifier: all rendered as N)
NUMBERS = {
    "amount", "budget", "changed", "count", "engagements", "expected", "followers", "high", "id",
    "limit", "line", "low", "max", "min", "minutes", "n", "new", "offset", "open", "overdue",
    "pacing", "percent", "pid", "pos", "posts", "prev", "saved", "schema", "seq", "shown", "size",
    "skipped", "soon", "spend", "status", "total", "updated", "version", "week", "base",
}  # fmt: skip
#: placeholders whose value is text in one message and a number in another
EITHER = {"found"}
#: placeholders filled with another message that holds the count: (key, name) -> that message
PARTS = {
    ("calendar.ics.exported", "posts"): "calendar.ics.posts",
    ("calendar.ics.exported", "blocks"): "calendar.ics.blocks",
    ("store.check.snapshot", "docs"): "store.check.documents",
    ("store.check.snapshot", "tables"): "store.check.tables",
    ("store.check.archive", "months"): "store.check.months",
    ("store.check.archive", "items"): "store.check.items",
}
#: words that may follow a singular number although they end in s or x
INVARIANT = {
    "en": {"is", "was", "has", "its", "this", "as", "plus", "minus"},
    "fr": {
        "mois", "fois", "dans", "sous", "vers", "plus", "pas", "près", "depuis", "après", "mais",
    },
}  # fmt: skip
#: a number (not the end of a grouped one: "10 000"), maybe "/total", and the word after it
AFTER_NUMBER = re.compile(
    r"(?<![\w.,/#:-])(?<!\d[ \u00a0\u202f])(\d+)(?:/\d+)?[ \u00a0\u202f]+([^\W\d_]+)"
)
HAND_PLURAL = re.compile(r"\((?:s|x|es)\)")
#: placeholders holding a name that may start with a vowel ("de Instagram", "de avr.")
NAMES = ("network", "name", "month", "zone", "author", "who", "task", "title", "list")


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def message_names(key: str) -> set[str]:
    english, french = i18n.catalog()[key]
    texts = (*i18n.variants(english), *i18n.variants(french))
    return {name for text in texts for name in placeholders(text)}


def params_at(key: str, n: int) -> dict[str, object]:
    """The placeholders of ``key`` filled as the code fills them, every number being ``n``."""
    params: dict[str, object] = {}
    for name in message_names(key):
        if (key, name) in PARTS:
            params[name] = i18n.t(PARTS[key, name], count=n)
        else:
            params[name] = str(n) if name in NUMBERS | EITHER else "X"
    return params


def rendered(key: str, n: int) -> str:
    # plural forms are chosen by ``count``, even when the text does not show it
    return i18n.t(key, **(params_at(key, n) | {"count": n}))


@pytest.fixture
def language() -> Iterator[None]:
    before = i18n.language()
    yield
    i18n.set_language(before)


def test_every_placeholder_is_classified() -> None:
    """NUMBERS names only placeholders that exist, and no number-like name was left out."""
    every = {name for key in i18n.catalog() for name in message_names(key)}
    texts = every - NUMBERS - EITHER - {name for _key, name in PARTS}
    looks_numeric = {name for name in texts if re.fullmatch(r"n|count|total|.*_count", name)}
    assert looks_numeric == set()
    assert NUMBERS - every == set(), "NUMBERS names placeholders no message has"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_words_after_a_singular_number_agree(lang: str, language: None) -> None:
    i18n.set_language(lang)
    singular = (1,) if lang == "en" else (0, 1)
    bad = []
    for key in sorted(i18n.catalog()):
        for n in singular:
            text = rendered(key, n)
            for number, word in AFTER_NUMBER.findall(text):
                if int(number) != n or len(word) < 2:
                    continue
                if word[-1] in "sx" and word.lower() not in INVARIANT[lang]:
                    bad.append(f"{key}: {text}")
    assert bad == []


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_hand_made_plural(lang: str, language: None) -> None:
    i18n.set_language(lang)
    bad = [
        f"{key}: {text}"
        for key in sorted(i18n.catalog())
        for text in (rendered(key, n) for n in (0, 1, 2))
        if HAND_PLURAL.search(text)
    ]
    assert bad == []


def test_no_percent_sign_after_a_placeholder() -> None:
    """Where the sign goes and the space before it ("0.8%" / "0,8 %") is the language's:
    messages take a percentage written by ``core.locale.percent``."""
    written = [
        key
        for key, (english, french) in i18n.catalog().items()
        for text in (*i18n.variants(english), *i18n.variants(french))
        if re.search(r"\}\s?%", text)
    ]
    assert written == []


def test_no_french_de_before_a_name() -> None:
    """French elides "de" before a vowel ("d'Instagram", "d'avril"): a message cannot know
    how a name starts, so it does not put "de", "le" or "la" right before one."""
    pattern = re.compile(r"\b(?:de|le|la|du) \{(" + "|".join(NAMES) + r")\}")
    bad = [
        key
        for key, (_english, french) in i18n.catalog().items()
        for text in i18n.variants(french)
        if pattern.search(text)
    ]
    assert bad == []


def test_plural_forms_are_chosen_by_count(language: None) -> None:
    """A message with plural forms has ``one`` and ``other`` (CLDR categories only); 2 takes
    ``other`` in both languages, 0 takes ``other`` in English and ``one`` in French."""
    checked = 0
    for key, pair in sorted(i18n.catalog().items()):
        for lang, forms in zip(("en", "fr"), pair, strict=True):
            if isinstance(forms, str):
                continue
            checked += 1
            assert set(forms) <= {"zero", "one", "two", "few", "many", "other"}, key
            assert {"one", "other"} <= set(forms), key
            i18n.set_language(lang)
            for n, category in ((1, "one"), (2, "other"), (0, "other" if lang == "en" else "one")):
                params = params_at(key, n) | {"count": str(n)}
                assert rendered(key, n) == forms[category].format(**params), (key, lang, n)
    assert checked >= 20


def test_singular_and_plural_texts_differ() -> None:
    """A message with plural forms in a language changes with the number in it."""
    same = [
        key
        for key, pair in i18n.catalog().items()
        for forms in pair
        if not isinstance(forms, str) and forms["one"] == forms["other"]
    ]
    assert same == []


def test_a_missing_placeholder_never_raises() -> None:
    """A caller that forgets a placeholder (or a count) gets the message with the name left
    visible, never an exception in the middle of a redraw."""
    from cm_tui.core.i18n import set_language, t

    set_language("en")
    assert "{total}" in t("ui.today.progress", count=1, percent="5%")
    assert t("ui.today.progress", total=3, percent="5%")  # no count: the 'other' form
