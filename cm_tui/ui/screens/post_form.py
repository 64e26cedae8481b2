"""The post form (Calendar ``n`` / ``e``): ``push_screen(PostForm(...), callback)`` gives the
validated ``Post`` or ``None`` (cancelled). A ``FormScreen``: the keys, error lines and
look are every form's.

Validation is ``core.posts.parse_post_fields``, which names every bad field at once: each is
shown under its field, "Date: '2026-02-30' is not a date (YYYY-MM-DD)". The checks of
``core.posts.check_post`` (too long, too many hashtags, too close to another post, in the
past) are shown live under the fields as warnings: they do not block saving (a post may be
kept as an idea over the limit and fixed later). The cursor starts in the title: network, day
and time come from the cell the form was opened on.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import ClassVar
from zoneinfo import ZoneInfo

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.content import Content
from textual.suggester import Suggester
from textual.widgets import Static

from cm_tui.core.form_errors import FieldError
from cm_tui.core.i18n import t
from cm_tui.core.models import NetworkProfile, Post, PostStatus
from cm_tui.core.posts import FIELDS, PostCheck, parse_post_fields
from cm_tui.ui.screens.form import Field, FieldKind, FormScreen, form_bindings

#: the kind of each field that is not a one-line text
KINDS: dict[str, FieldKind] = {
    "network": FieldKind.CHOICE,
    "date": FieldKind.DATE,
    "time": FieldKind.TIME,
    "status": FieldKind.CHOICE,
    "text": FieldKind.LONG_TEXT,
    "notes": FieldKind.LONG_TEXT,
}
#: a long text's height in lines
LINES: dict[str, int] = {"text": 7, "notes": 3}


class HashtagSuggester(Suggester):
    """Completes the last word being typed from the hashtag list (``#ca`` -> ``#campus``)."""

    def __init__(self, tags: Sequence[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self._tags = [tag if tag.startswith("#") else f"#{tag}" for tag in tags]

    async def get_suggestion(self, value: str) -> str | None:
        head, _, last = value.rpartition(" ")
        if not last:
            return None
        word = last if last.startswith("#") else f"#{last}"
        for tag in self._tags:
            if tag.lower().startswith(word.lower()) and tag.lower() != word.lower():
                return f"{head} {tag}" if head else tag
        return None


class PostForm(FormScreen[Post]):
    """Create or edit one post. ``checks(post)`` gives the live warnings of a candidate post."""

    PREFIX = "post-field"
    BINDINGS: ClassVar[list[BindingType]] = form_bindings("post_form")

    def __init__(
        self,
        fields: Mapping[str, str],
        networks: Sequence[NetworkProfile],
        tz: ZoneInfo,
        checks: Callable[[Post], tuple[PostCheck, ...]],
        *,
        post_id: int = 0,
        hashtags: Sequence[str] = (),
    ) -> None:
        super().__init__()
        self._typed = dict(fields)
        self._networks = list(networks)
        self._tz = tz
        self._checks = checks
        self._post_id = post_id
        self._hashtags = list(hashtags)

    def form_title(self) -> str:
        return t("calendar.form.edit" if self._post_id else "calendar.form.new")

    def _network_keys(self) -> list[str]:
        """The active networks, and the post's own if it is no longer active."""
        keys = [n.key for n in self._networks]
        current = self._typed.get("network", "")
        return [*keys, current] if current and current not in keys else keys

    def form_fields(self) -> list[Field]:
        names = {n.key: n.name for n in self._networks}
        options = {
            "network": tuple((key, names.get(key, key)) for key in self._network_keys()),
            "status": tuple((s.value, t(f"core.post.{s.value}")) for s in PostStatus),
        }
        return [
            Field(
                name,
                t(f"calendar.field.{name}"),
                KINDS.get(name, FieldKind.TEXT),
                self._typed.get(name, ""),
                options=options.get(name, ()),
                lines=LINES.get(name, 3),
                suggester=HashtagSuggester(self._hashtags) if name == "hashtags" else None,
            )
            for name in FIELDS
        ]

    def first_field(self) -> str:
        return "title"

    def validate(self, values: Mapping[str, str]) -> tuple[Post | None, list[FieldError]]:
        return parse_post_fields(values, self._tz, self._network_keys(), post_id=self._post_id)

    def describe(self, error: FieldError) -> str:
        return f"{t(f'calendar.field.{error.field}')}: {error.message}"

    # ------------------------------------------------------------------ live checks

    def compose_notes(self) -> ComposeResult:
        yield Static("", id="post-form-checks", classes="form-notes")

    def on_mount(self) -> None:
        super().on_mount()
        self.values_changed()

    def values_changed(self) -> None:
        post, _errors = self.validate(self.values())
        checks = self._checks(post) if post is not None else ()
        lines = [f"⚠ {t(c.message_key, **c.params)}" for c in checks]
        box = self.query_one("#post-form-checks", Static)
        box.update(Content.styled("\n".join(lines), "$text-warning"))
        box.display = bool(lines)
