"""The bare apps the figures are compared with, measured in the same run: what Textual (or the
standard library) alone costs for the same action on this machine right now. A figure's ratio to
its baseline stays put when the machine slows down; its milliseconds do not.

Light imports only at top level (these are measured processes, see ``bench.py``).
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from bench import child
from hooks import SIZE, emit, hook_first_frame, peak_rss_mb, time_frames
from lockstep import press_turn, settle_s

#: the tabs of the bare start-up app (cm-tui's four tabs, empty)
TABS = ("Today", "Calendar", "Queue", "Stats")


@child("bare")
def child_bare(t0: float, _args: list[str]) -> None:
    """The baseline: a bare Textual app, four empty tabs in a TabbedContent."""
    hook_first_frame(t0, lambda app: True)
    from textual.app import App, ComposeResult
    from textual.widgets import TabbedContent, TabPane

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            with TabbedContent():
                for title in TABS:
                    yield TabPane(title)

    Bare().run()


@child("bare_keys")
def child_bare_keys(_t0: float, args: list[str]) -> None:
    """The same keys as a figure's, in a bare Textual app built for the purpose, timed the same
    way (``events.Key`` posted -> the first frame displayed after the action returned).

    ``args``: ``kind rows count key [key...]`` (the keys are pressed in turn). ``kind``:

    * ``list``: a line-API list (a ``ScrollView`` with ``render_line``, as cm-tui's lists) of
      ``rows`` rows; ``j``/``k`` move the cursor, ``d`` marks the row and moves on (triage),
      ``t`` toggles the row's mark in place (Today's ``d``).
    * ``static``: a screen-sized ``Static`` whose whole text changes on ``n`` (a week repainted,
      a chart switched): every cell of the screen rendered again.
    * ``modal``: the list, where ``r`` opens a modal with an ``Input``; what is typed goes in
      it and ``ctrl+s`` closes it, keeps the text and moves on. One sample is a burst: ``r``,
      then (once the ``Input`` has focus: a bare app drops keys before) ``REPLY``'s characters
      and ``ctrl+s`` posted at once -> the modal closed with the text kept (``key`` ignored).

    ``args`` may start with ``durable PATH BYTES`` (then a ``list``'s): ``d`` also appends the
    marked row to the file ``PATH`` as one JSON line of ``BYTES`` bytes (the app's journal line
    for the same key) and fsyncs it before the action returns, as cm-tui's triage does. The
    figure's key pays the file system's CPU for that write; so does the baseline's.

    The cyclic collector is treated as cm-tui treats it: what start-up built is frozen, and no
    collection runs while a sample's keys are in flight (``ui/key_gate.py``). With it free to
    run, one process's bursts took from 42 to 130 ms of CPU time, as collections fell in them.
    """
    import asyncio
    import gc
    import json

    from rich.segment import Segment
    from rich.style import Style
    from textual import events
    from textual.app import App, ComposeResult
    from textual.geometry import Size
    from textual.screen import ModalScreen
    from textual.scroll_view import ScrollView
    from textual.strip import Strip
    from textual.widgets import Input, Static

    journal: int | None = None
    line_bytes = 0
    if args[0] == "durable":
        journal = os.open(args[1], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        line_bytes, args = int(args[2]), args[3:]
    kind, rows, count, keys = args[0], int(args[1]), int(args[2]), args[3:]
    state: dict[str, Any] = {"started": False, "armed": False, "event": None, "frame": 0.0}
    cursor_style, plain = Style(reverse=True), Style()

    class Lines(ScrollView, can_focus=True):
        BINDINGS = [("j", "move(1)"), ("k", "move(-1)"), ("d", "done"), ("t", "toggle")]

        def __init__(self) -> None:
            super().__init__()
            self.rows = [f"@user{i}  Hello, a question about Nova n°{i}" for i in range(rows)]
            self.marked: set[int] = set()
            self.cursor = 0
            self.virtual_size = Size(0, rows)

        def render_line(self, y: int) -> Strip:
            width = self.scrollable_content_region.width
            index = round(self.scroll_offset.y) + y
            if index >= len(self.rows):
                return Strip.blank(width)
            text = ("✓ " if index in self.marked else "  ") + self.rows[index]
            style = cursor_style if index == self.cursor else plain
            return Strip([Segment(text[:width].ljust(width), style)], width)

        def move_to(self, index: int) -> None:
            old, self.cursor = self.cursor, max(0, min(index, len(self.rows) - 1))
            self.refresh_line(old)
            self.refresh_line(self.cursor)
            top, height = round(self.scroll_offset.y), self.scrollable_content_region.height
            if self.cursor < top:
                self.scroll_to(y=self.cursor, animate=False, immediate=True)
            elif self.cursor >= top + height:
                self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

        def action_move(self, step: int) -> None:
            self.move_to(self.cursor + step)
            state["armed"] = True

        def action_done(self) -> None:
            self.marked.add(self.cursor)
            if journal is not None:
                record = {"row": self.cursor, "text": self.rows[self.cursor], "status": "done"}
                line = json.dumps(record).encode()
                os.write(journal, line + b" " * max(0, line_bytes - len(line) - 1) + b"\n")
                os.fsync(journal)
            self.move_to(self.cursor + 1)
            state["armed"] = True

        def action_toggle(self) -> None:
            self.marked ^= {self.cursor}
            self.refresh_line(self.cursor)
            state["armed"] = True

    class Screenful(Static, can_focus=True):
        BINDINGS = [("n", "next")]

        def __init__(self) -> None:
            super().__init__(self.page(0))
            self.turn = 0

        @staticmethod
        def page(turn: int) -> str:
            width, height = SIZE
            cells = (f"{(turn * 7 + i) % 1000:>4} " for i in range(width * height // 5))
            text = "".join(cells)
            return "\n".join(text[i * width : (i + 1) * width] for i in range(height))

        def action_next(self) -> None:
            self.turn += 1
            self.update(self.page(self.turn))
            state["armed"] = True

    class Reply(ModalScreen[str]):
        BINDINGS = [("ctrl+s", "save")]

        def compose(self) -> ComposeResult:
            yield Input()

        def on_descendant_focus(self) -> None:
            if self.app.opened is not None:
                self.app.opened.set()

        def action_save(self) -> None:
            self.dismiss(self.query_one(Input).value)

    class Bare(App[None]):
        BINDINGS = [("r", "reply")]

        def compose(self) -> ComposeResult:
            yield Screenful() if kind == "static" else Lines()

        def on_mount(self) -> None:
            self.active_pane = self.query_one("Screenful, Lines")
            self.active_pane.focus()
            self.replied: asyncio.Event | None = None
            self.opened: asyncio.Event | None = None

        def action_reply(self) -> None:
            lines = self.query_one(Lines)

            def saved(text: str | None) -> None:
                lines.rows[lines.cursor] = f"{lines.rows[lines.cursor]} -> {text}"
                lines.move_to(lines.cursor + 1)
                state["reply"] = text
                if self.replied is not None:
                    self.replied.set()

            self.push_screen(Reply(), saved)

    async def measure(app: Any) -> None:
        try:
            await asyncio.sleep(0.3)
            if kind != "static":  # the middle of the list, scrolled into view (as the figures)
                app.active_pane.move_to(rows // 2)
                await asyncio.sleep(0.1)
            samples: list[float] = []
            cpu: list[float] = []
            #: each press's (start, end) on the machine's monotonic clock (``lockstep`` tests)
            windows: list[tuple[float, float]] = []
            warm = 2 if kind == "modal" else 3
            gc.freeze()  # as cm-tui after its first frame (``ui/app.py``)
            for i in range(count + warm):
                await press_turn()
                gc.disable()  # as cm-tui's key gate while keys are in flight
                start = time.perf_counter()
                cpu_start = time.thread_time()
                if kind == "modal":
                    app.replied = replied = asyncio.Event()
                    app.opened = opened = asyncio.Event()
                    app.post_message(events.Key("r", "r"))
                    # a bare app drops what is typed before its modal has focus (cm-tui's key
                    # gate holds it): the rest of the burst follows once the Input has it
                    await asyncio.wait_for(opened.wait(), 10)
                    burst = [events.Key(key_name(c), c) for c in REPLY]
                    burst.append(events.Key("ctrl+s", None))
                    for event in burst:
                        app.post_message(event)
                    await asyncio.wait_for(replied.wait(), 10)
                    elapsed = (time.perf_counter() - start) * 1000
                    spent = (time.thread_time() - cpu_start) * 1000
                    if state.get("reply") != REPLY:
                        emit({"error": f"burst {i}: the text was {state.get('reply')!r}"})
                        os._exit(1)
                else:
                    state["event"] = event = asyncio.Event()
                    key = keys[i % len(keys)]
                    app.post_message(events.Key(key, key if len(key) == 1 else None))
                    await asyncio.wait_for(event.wait(), 10)
                    elapsed = (state["frame"] - start) * 1000
                    spent = (state["frame_cpu"] - cpu_start) * 1000
                windows.append((start, time.perf_counter()))
                gc.enable()
                if i >= warm:
                    samples.append(elapsed)
                    cpu.append(spent)
                await asyncio.sleep(settle_s(0.03))
            emit({"cpu": cpu, "samples": samples, "windows": windows})
        except Exception as exc:  # pragma: no cover - reported to the parent
            emit({"error": repr(exc)})
        os._exit(0)

    time_frames(state, measure)
    Bare().run()
    emit({"error": "the bare app exited before the measurement ended"})
    os._exit(1)


#: the reply typed in each burst: 40 characters (``reply_burst_ms`` types the same)
REPLY = "Merci Paul, nous revenons vers vous vite"


def key_name(character: str) -> str:
    """Textual's key name for a typed character (``space``, ``comma``, or the letter)."""
    from textual.keys import _character_to_key

    return _character_to_key(character)


@child("csv_peak")
def child_csv_peak(_t0: float, args: list[str]) -> None:
    """The standard library's ``csv`` reading the file ``args[0]`` row by row (streamed):
    the peak resident memory of a Python process doing only that."""
    import csv

    rows = 0
    with open(args[0], encoding="utf-8-sig", newline="") as handle:
        for _row in csv.reader(handle):
            rows += 1
    emit({"peak_mb": peak_rss_mb(), "rows": rows})
    os._exit(0)


class KeyRecorder(dict[str, Any]):
    """A dict of records that remembers every key looked up with ``get`` (in ``seen``), in
    order: what a computation looked up, for ``lookup_plan``."""

    def __init__(self, records: dict[str, Any]) -> None:
        super().__init__(records)
        self.seen: list[str] = []

    def get(self, key: str, default: Any = None) -> Any:
        self.seen.append(key)
        return super().get(key, default)


def lookup_plan(keys: list[str]) -> list[tuple[str, str, str]]:
    """The record keys a computation looked up (``"{template}@{day}#{slot}"``), split into the
    parts ``day_lookups`` joins again: (template key, ``"@YYYY-MM-DD#"``, slot)."""
    plan = []
    for key in keys:
        template, _, rest = key.rpartition("@")
        day, _, slot = rest.partition("#")
        plan.append((template, f"@{day}#", slot))
    return plan


def day_lookups(plan: list[tuple[str, str, str]], records: Any, zone: Any) -> int:
    """The standard library doing what building a day's agenda does per row, for the same
    keys (``lookup_plan``): the key joined from its parts, looked up in ``records`` (a dict),
    the row's instant built on the local wall clock and converted to UTC (a found record's
    day, else the plan's), a row tuple; the rows sorted. The same records touched, the same
    number of look-ups, the same kind of work (small objects, dict probes, ``zoneinfo``), so
    that a busy machine slows both alike: a scan of every record (the former baseline) is
    memory-bound and moved by a quarter against the build under load. Returns the rows."""
    from datetime import UTC, date, datetime

    rows = []
    get = records.get
    for template, prefix, slot in plan:
        key = template + prefix + slot
        record = get(key)
        day = record.day if record is not None else date.fromisoformat(prefix[1:-1])
        at = datetime(day.year, day.month, day.day, 9, 30, tzinfo=zone).astimezone(UTC)
        rows.append((at, key, None if record is None else record.status))
    rows.sort()
    return len(rows)


def csv_parse_cpu_s(path: Path, delimiter: str) -> tuple[int, float]:
    """(data rows, CPU seconds (``thread_time``)) of the standard library's ``csv`` parsing
    ``path``: the imports' baseline, measured in the import's own process."""
    import csv

    start = time.thread_time()
    rows = 0
    with open(path, encoding="utf-8-sig", newline="") as handle:
        for _row in csv.reader(handle, delimiter=delimiter):
            rows += 1
    return max(rows - 1, 1), time.thread_time() - start


class CsvAround:
    """The imports' baseline: the ``csv`` module's rows per CPU second on the same file,
    parsed ``PARSES`` times when made (just before the import) and ``PARSES`` times at
    ``rate()`` (just after), all rows over all CPU time. The machine's speed moves within
    seconds, in CPU time too: five parses in a row of one 100,000-row file, 0.3 s each, ran
    at 265,000 to 455,000 rows/s; one parse before and one after an import of 7 s sampled
    that speed at two moments, and the figure's per-process ratios spread by 2x."""

    #: parses on each side of the import
    PARSES = 3

    def __init__(self, path: Path, delimiter: str) -> None:
        self.path, self.delimiter = path, delimiter
        self.rows, self.cpu_s = self._parse()

    def _parse(self) -> tuple[int, float]:
        parses = [csv_parse_cpu_s(self.path, self.delimiter) for _ in range(self.PARSES)]
        return sum(rows for rows, _ in parses), sum(cpu for _, cpu in parses)

    def rate(self) -> float:
        rows, cpu_s = self._parse()
        return (self.rows + rows) / (self.cpu_s + cpu_s)
