"""The one error type of a form field (or of a CSV cell read with the same rules).

Core validators (``core.posts.parse_post_fields``, ``core.today.template_from_form``,
``core.stats_forms``...) raise it for the first bad field, or return a list of them when every
bad field is worth showing at once. ``field`` names the field as the form declares it; the
form shows ``message`` under that field and puts the cursor there. The message is a key and
its placeholders, translated when shown, so the same error reads right in either language and
an import can quote it in its own line.
"""

from __future__ import annotations

from collections.abc import Mapping

from cm_tui.core.i18n import t


class FieldError(ValueError):
    """``field``'s value is not acceptable: ``t(message_key, **params)`` says why and what to
    type instead, in one line. Two errors are equal when they say the same of the same field."""

    def __init__(
        self, field: str, message_key: str, params: Mapping[str, object] | None = None
    ) -> None:
        super().__init__(field, message_key)
        self.field = field
        self.message_key = message_key
        self.params: dict[str, object] = dict(params or {})

    @property
    def message(self) -> str:
        """The one line shown, in the current language."""
        return t(self.message_key, **self.params)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FieldError):
            return NotImplemented
        return (self.field, self.message_key, self.params) == (
            other.field,
            other.message_key,
            other.params,
        )

    def __hash__(self) -> int:
        return hash((self.field, self.message_key))

    def __repr__(self) -> str:
        return f"FieldError({self.field!r}, {self.message_key!r}, {self.params!r})"
