"""The post form (Calendar ``n`` / ``enter``): ``push_screen(PostForm(...), callback)`` gives the
validated ``Post`` or ``None`` (cancelled).

Validation is ``core.posts.parse_post_fields``: a bad field gives one line under the form and
the form stays open with everything typed kept. The checks of ``core.posts.check_post`` (too
long, too many hashtags, too close to another post, in the past) are shown live as warnings:
they do not block saving (a post may be kept as an idea over the limit and fixed later).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import ClassVar
from zoneinfo import ZoneInfo

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Label, Select, Static, TextArea

from cm_tui.core.i18n import t
from cm_tui.core.models import NetworkProfile, Post, PostStatus
from cm_tui.core.posts import FIELDS, FieldError, PostCheck, parse_post_fields
from cm_tui.ui.bindings import localize_bindings

#: fields edited in a multi-line TextArea (the others are one-line inputs or choices)
MULTILINE = ("text", "notes")


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


class PostForm(ModalScreen[Post | None]):
    """Create or edit one post. ``checks(post)`` gives the live warnings of a candidate post."""

    CSS_PATH = "modals.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "calendar.key.save", id="post_form.save"),
        Binding("escape", "cancel", "calendar.key.cancel", id="post_form.cancel"),
    ]

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
        localize_bindings(self)
        self._fields = dict(fields)
        self._networks = list(networks)
        self._tz = tz
        self._checks = checks
        self._post_id = post_id
        self._hashtags = list(hashtags)
        self.errors: list[FieldError] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="post-form") as body:
            body.border_title = t("calendar.form.edit" if self._post_id else "calendar.form.new")
            body.border_subtitle = t("calendar.form.hint")
            with Vertical(id="post-form-grid"):
                for name in FIELDS:
                    with Horizontal(classes="post-form-row"):
                        yield Label(Content(t(f"calendar.field.{name}")), classes="post-form-label")
                        yield self._widget(name)
            yield Static("", id="post-form-checks")
            yield Static("", id="post-form-errors")

    def _widget(self, name: str) -> Input | Select[str] | TextArea:
        value = self._fields.get(name, "")
        wid = f"post-field-{name}"
        if name == "network":
            keys = [n.key for n in self._networks]
            options = [(Content(n.name), n.key) for n in self._networks]
            if value and value not in keys:
                options.append((Content(value), value))
            return Select(options, value=value or keys[0], allow_blank=False, id=wid, compact=True)
        if name == "status":
            options = [(Content(t(f"core.post.{s.value}")), s.value) for s in PostStatus]
            return Select(
                options,
                value=value or PostStatus.IDEA.value,
                allow_blank=False,
                id=wid,
                compact=True,
            )
        if name in MULTILINE:
            return TextArea(value, id=wid, classes=f"post-form-{name}", compact=True)
        suggester = HashtagSuggester(self._hashtags) if name == "hashtags" else None
        return Input(value, id=wid, compact=True, suggester=suggester, select_on_focus=False)

    def on_mount(self) -> None:
        self.query_one("#post-field-title", Input).focus()
        self._show_checks()

    # ------------------------------------------------------------------ reading the form

    def values(self) -> dict[str, str]:
        """The form's current strings, by field name."""
        out: dict[str, str] = {}
        for name in FIELDS:
            widget = self.query_one(f"#post-field-{name}")
            if isinstance(widget, TextArea):
                out[name] = widget.text
            elif isinstance(widget, Select):
                out[name] = "" if widget.value is Select.NULL else str(widget.value)
            else:
                out[name] = widget.value  # type: ignore[attr-defined]
        return out

    def _parse(self) -> tuple[Post | None, list[FieldError]]:
        keys = [n.key for n in self._networks]
        current = self._fields.get("network", "")
        if current and current not in keys:
            keys.append(current)
        return parse_post_fields(self.values(), self._tz, keys, post_id=self._post_id)

    def _show_checks(self) -> None:
        post, _errors = self._parse()
        checks = self._checks(post) if post is not None else ()
        lines = [f"⚠ {t(c.message_key, **c.params)}" for c in checks]
        self.query_one("#post-form-checks", Static).update(
            Content.styled("\n".join(lines), "$text-warning") if lines else Content("")
        )

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    def _changed(self) -> None:
        if self.is_mounted:
            self._show_checks()

    # ------------------------------------------------------------------ actions

    def action_save(self) -> None:
        post, errors = self._parse()
        self.errors = errors
        box = self.query_one("#post-form-errors", Static)
        if post is None:
            lines = [
                f"✗ {t(f'calendar.field.{e.field}')}: {t(e.message_key, **e.params)}"
                for e in errors
            ]
            box.update(Content.styled("\n".join(lines), "$text-error"))
            self.query_one(f"#post-field-{errors[0].field}").focus()
            return
        box.update(Content(""))
        self.dismiss(post)

    def action_cancel(self) -> None:
        self.dismiss(None)
