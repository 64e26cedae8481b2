"""The cm-tui application: one screen, four tabs, a header clock, a footer of keys.

Start-up is kept lean (docs/architecture.md, "Performance facts"): only the initial tab's pane
is mounted before the first frame; the others are mounted the first time their tab is shown (so
Stats imports plotext only then). Panes read ``core`` rows and write through the Repository; the
app only routes keys, tabs, themes, help and the palette.
"""

from __future__ import annotations

import gc
import importlib
import time
from collections.abc import Awaitable, Callable, Iterable
from functools import cached_property
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App, ComposeResult, ScreenStackError
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.css.query import NoMatches
from textual.message import Message
from textual.screen import Screen
from textual.widgets import TabbedContent, TabPane

from cm_tui.core.i18n import t
from cm_tui.core.textsafe import for_terminal
from cm_tui.core.value import Value, frozen
from cm_tui.ui.alerts import Alert, AlertLog
from cm_tui.ui.bindings import KeyInfo, key_name, keys_for, localize_bindings
from cm_tui.ui.context import UiContext
from cm_tui.ui.key_gate import KeyGate
from cm_tui.ui.panes.base import Pane, TabLabel
from cm_tui.ui.queue_alerts import QueueAlerts
from cm_tui.ui.terminal_text import TerminalTextFilter
from cm_tui.ui.widgets.alert_line import AlertLine
from cm_tui.ui.widgets.header import AppHeader
from cm_tui.ui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from collections.abc import Sequence

    from textual.filter import LineFilter
    from textual.notifications import Notify, SeverityLevel
    from textual.timer import Timer
    from textual.widget import Widget

    from cm_tui.core.clock import Clock
    from cm_tui.core.settings import Settings
    from cm_tui.io.inbox_notify import InboxNotifier
    from cm_tui.io.queue_inbox import InboxWatch
    from cm_tui.store import Store
    from cm_tui.ui.commands import CommandEntry
    from cm_tui.ui.net_live import NetLive

THEME_PREF = "theme"
#: one filter for every line the app draws (stateless)
_TERMINAL_TEXT = TerminalTextFilter()


@frozen(slots=False)
class Tab(Value):
    """A tab: its id, its title's message key and where its pane class lives.

    The pane module is imported on first use (``pane_class``), so start-up pays only for the
    initial tab's module; the help screen and the palette import the others when opened.
    """

    pane_id: str
    title_key: str
    module: str
    class_name: str

    @property
    def title(self) -> str:
        return t(self.title_key)

    def pane_class(self) -> type[Pane]:
        module = importlib.import_module(self.module)
        return getattr(module, self.class_name)  # type: ignore[no-any-return]


#: The tabs, in order: key ``1`` shows the first one, and so on.
TABS: tuple[Tab, ...] = (
    Tab("today", "ui.tab.today", "cm_tui.ui.panes.today", "TodayPane"),
    Tab("calendar", "ui.tab.calendar", "cm_tui.ui.panes.calendar", "CalendarPane"),
    Tab("queue", "ui.tab.queue", "cm_tui.ui.panes.queue", "QueuePane"),
    Tab("stats", "ui.tab.stats", "cm_tui.ui.panes.stats", "StatsPane"),
)


def tab(pane_id: str) -> Tab:
    for candidate in TABS:
        if candidate.pane_id == pane_id:
            return candidate
    raise KeyError(pane_id)


def pane_class(pane_id: str) -> type[Pane]:
    """The pane class of a tab id (``"today"``...), imported on first use."""
    return tab(pane_id).pane_class()


def _commands_provider() -> type:
    from cm_tui.ui.commands import CmTuiCommands

    return CmTuiCommands


#: How often the app looks at the inbox folder (the import code is imported at the first file);
#: a file landing is also heard at once through file notifications (``CmTuiApp.watch_inbox``).
INBOX_SECONDS = 5.0

#: How often the open app takes the daily backup (if due) and archives closed queue items.
MAINTENANCE_SECONDS = 3600.0


@frozen
class PeriodicJob(Value):
    """A job the open app runs every ``seconds``: ``method``, a plain method of the app.

    In use each job runs on a real-time interval timer. An app built with
    ``real_time_timers=False`` (the tests) starts none: the test moves its ``FixedClock`` and
    calls ``run_periodic_jobs``, so what it sees never depends on how fast the machine is.
    """

    name: str
    seconds: float
    method: str
    #: only on a store open for writing
    writes: bool = False


class InboxChanged(Message):
    """Something landed in the inbox folder (posted from the notifications' thread)."""


PERIODIC_JOBS: tuple[PeriodicJob, ...] = (
    PeriodicJob("clock tick", 1.0, "_tick"),
    PeriodicJob("queue alerts", 1.0, "check_queue_alerts"),
    PeriodicJob("queue inbox", INBOX_SECONDS, "check_inbox", writes=True),
    PeriodicJob("store maintenance", MAINTENANCE_SECONDS, "_maintain"),
)


class CmTuiApp(App[None]):
    """The dashboard. ``store`` stays open (and locked) for the app's life; the caller closes it."""

    CSS_PATH = "app.tcss"
    TITLE = "cm-tui"
    COMMANDS: ClassVar[set] = {_commands_provider}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "show_tab('today')", "ui.tab.today", show=False, id="app.tab.today"),
        Binding("2", "show_tab('calendar')", "ui.tab.calendar", show=False, id="app.tab.calendar"),
        Binding("3", "show_tab('queue')", "ui.tab.queue", show=False, id="app.tab.queue"),
        Binding("4", "show_tab('stats')", "ui.tab.stats", show=False, id="app.tab.stats"),
        Binding("question_mark", "help", "ui.key.help", id="app.help"),
        Binding(
            "ctrl+p",
            "command_palette",
            "ui.key.palette",
            show=False,
            priority=True,
            id="app.palette",
        ),
        Binding("ctrl+t", "change_theme", "ui.key.theme", show=False, id="app.theme"),
        Binding(
            "ctrl+n", "notifications", "ui.key.notifications", show=False, id="app.notifications"
        ),
        Binding("q", "quit", "ui.key.quit", id="app.quit"),
    ]

    def __init__(
        self,
        store: Store,
        settings: Settings,
        clock: Clock,
        store_name: str,
        *,
        initial_tab: str = "today",
        real_time_timers: bool = True,
        first_run: bool = False,
    ) -> None:
        super().__init__()
        self._real_time_timers = real_time_timers
        #: the first start: the settings form opens over the first frame (``first_run_wanted``)
        self.first_run = first_run
        localize_bindings(self)
        self.ctx = UiContext(store=store, settings=settings, clock=clock, store_name=store_name)
        self.ctx.on_write_error = self._report_write_error
        self.queue_alerts = QueueAlerts(self, self.ctx)
        #: every notification: the alert line's and the history's (``show_alerts``)
        self.alerts = AlertLog()
        self.title = t("app.title")
        self.sub_title = store_name
        self._initial_tab = initial_tab if initial_tab in self.pane_ids else TABS[0].pane_id
        if settings.keys:
            self.set_keymap(dict(settings.keys))
        saved_theme = store.repo.prefs.get(THEME_PREF)
        if isinstance(saved_theme, str) and saved_theme in self.available_themes:
            self.theme = saved_theme

    # ------------------------------------------------------------------ layout

    @property
    def pane_ids(self) -> tuple[str, ...]:
        return tuple(tab.pane_id for tab in TABS)

    def get_default_screen(self) -> Screen:
        return MainScreen(id="_default")

    def compose(self) -> ComposeResult:
        yield AppHeader(self.ctx.local_now)
        with TabbedContent(initial=self._initial_tab, id="tabs"):
            for spec in TABS:
                with TabPane(Content(spec.title), id=spec.pane_id):
                    if self._initial_tab == spec.pane_id:
                        pane_cls = spec.pane_class()
                        self.load_pane_styles(pane_cls)
                        yield pane_cls(self.ctx)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.screen_change_signal.subscribe(self, self._give_footer)
        self.screen_change_signal.subscribe(self, self.show_alerts)
        if self._real_time_timers:
            for job in self._periodic_jobs():
                self.set_interval(job.seconds, getattr(self, job.method), name=job.name)
            if not self.ctx.store.readonly:
                self.call_after_refresh(self.watch_inbox)
        self.call_after_refresh(self._focus_active)
        self.call_after_refresh(self._show_store_warnings, self.ctx.store.warnings)
        self.call_after_refresh(_collect_from_now_on)
        self.call_after_refresh(_return_big_blocks)
        self.call_after_refresh(self.start_live_accounts)
        if self.first_run:
            self.call_after_refresh(self._open_first_run_form)

    def _open_first_run_form(self) -> None:
        """The first start's settings form (``ui/screens/settings_form.py``)."""
        from cm_tui.ui.screens.settings_form import open_settings

        open_settings(self, first_run=True)

    #: ``time.monotonic()`` of the last key the app received: a running import and the
    #: accounts' sync pause their work while keys arrive (``ui.keys_first``)
    last_key_at: float = 0.0

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            self.last_key_at = time.monotonic()
            for part in self._unmeta(event):
                typed = self._typed_into(part)
                verdict = self.key_gate.admit(part, typed)
                if verdict == "now":
                    await self._dispatch_input(part, typed)
                elif verdict == "along":
                    await super().on_event(part)
            return
        await super().on_event(event)

    def _unmeta(self, event: events.Key | events.Paste) -> list[events.Key | events.Paste]:
        """``event``, or ``esc`` then the key, for an ``alt+<key>`` that nothing binds: a
        terminal sends Alt+d as ESC d, which is also ``esc`` then ``d`` typed in one burst (a
        dialog closed and the next key at once); cm-tui binds no Alt key of its own."""
        if not isinstance(event, events.Key) or not event.key.startswith("alt+"):
            return [event]
        if any(event.key in bindings.key_to_bindings for _, bindings in self.screen._binding_chain):
            return [event]
        rest = event.key.removeprefix("alt+")
        character = event.character if event.character else (rest if len(rest) == 1 else None)
        parts: list[events.Key | events.Paste] = [
            events.Key("escape", "\x1b"),
            events.Key(rest, character),
        ]
        for part in parts:
            part.set_sender(self)
        return parts

    @cached_property
    def key_gate(self) -> KeyGate:
        """Keys one at a time, each after the previous one settled (``ui/key_gate.py``)."""
        return KeyGate(self, self._dispatch_next_held)

    async def _dispatch_input(self, event: events.Key | events.Paste, typed: Widget | None) -> None:
        """Route ``event`` (typing into ``typed``: ``_typed_into``) as Textual does, then let
        the gate watch it settle."""
        target = self.focused or self.screen
        path = [*target.ancestors_with_self]
        self.key_gate.typing_into = typed
        await super().on_event(event)
        self.key_gate.follow(path)

    def _typed_into(self, event: events.Key | events.Paste) -> Widget | None:
        """The focused text field ``event`` types a character into, if it does (no binding
        of higher priority takes it first); else ``None``."""
        if not isinstance(event, events.Key) or not event.is_printable:
            return None
        focused = self.focused
        if focused is None or not focused.check_consume_key(event.key, event.character):
            return None
        for _node, bindings in self.screen._binding_chain:
            if any(b.priority for b in bindings.key_to_bindings.get(event.key, ())):
                return None
        return focused

    async def _dispatch_next_held(self) -> None:
        gate = self.key_gate
        event = gate.next_held()
        if event is None:
            return
        field = self._typed_into(event)
        await self._dispatch_input(event, field)
        while (along := gate.next_along(lambda held: self._typed_into(held) is field)) is not None:
            await super().on_event(along)

    async def _press_keys(self, keys: Iterable[str]) -> None:
        """Pilot's keys: return once they are handled and settled, as a person would see."""
        await super()._press_keys(keys)
        await self.key_gate.wait_idle()

    def _periodic_jobs(self) -> list[PeriodicJob]:
        readonly = self.ctx.store.readonly
        return [job for job in PERIODIC_JOBS if not (job.writes and readonly)]

    def run_periodic_jobs(self, *names: str) -> None:
        """Run the periodic jobs now, all of them or those ``names`` names, as their timers
        would (``PeriodicJob``)."""
        for job in self._periodic_jobs():
            if not names or job.name in names:
                getattr(self, job.method)()

    def check_queue_alerts(self) -> None:
        """Announce the queue items that crossed a deadline threshold (``QueueAlerts``)."""
        self.queue_alerts.check()

    def _maintain(self) -> None:
        """Daily backup and queue archiving for an app that stays open for days."""
        ctx = self.ctx
        problems = ctx.store.maintain(ctx.clock.now(), ctx.settings.archive_after_days)
        self._show_store_warnings(problems)

    def check_inbox(self) -> None:
        """Import the files dropped in the inbox folder (``cm-tui where``) in a thread worker,
        moving each to ``processed/`` or ``failed/``: from the app's start, whatever tab is
        shown."""
        from cm_tui.ui.queue_import_flow import QueueImportFlow

        watch = self.inbox_watch
        QueueImportFlow(self, self._after_import).start_inbox(watch)
        if watch.settles_in is not None and self._real_time_timers:
            # a file still settling: look again the moment it may have, not at the next poll
            if self._inbox_settle_timer is not None:
                self._inbox_settle_timer.stop()
            self._inbox_settle_timer = self.set_timer(
                watch.settles_in + 0.05, self.check_inbox, name="inbox settle"
            )

    _inbox_notifier: InboxNotifier | None = None
    _inbox_settle_timer: Timer | None = None

    def watch_inbox(self) -> InboxNotifier:
        """Hear files land in the inbox folder (file notifications: ``io/inbox_notify.py``),
        each change checking the inbox at once; the poll stays, for when notifications are
        unavailable. Started once the first frame is drawn, in real-time use."""
        from cm_tui.io.inbox_notify import InboxNotifier
        from cm_tui.io.locations import inbox_path

        if self._inbox_notifier is None:
            folder = inbox_path(self.ctx.settings.inbox)
            self._inbox_notifier = InboxNotifier(folder, lambda: self.post_message(InboxChanged()))
            self._inbox_notifier.start()
        return self._inbox_notifier

    def on_inbox_changed(self, _message: InboxChanged) -> None:
        self.check_inbox()

    #: the live accounts (``ui/net_live.py``): made after the first frame if the store has any
    net_live: NetLive | None = None

    def start_live_accounts(self) -> None:
        """Start the sync engine's thread when the store has accounts (``NetLive.start``); a
        store without any pays one count, and imports no network code."""
        if self.net_live is None:
            if self.ctx.store.readonly or not self.ctx.repo.accounts.count():
                return
            from cm_tui.ui.net_live import NetLive

            self.net_live = NetLive(self)
        self.net_live.start()

    def on_unmount(self) -> None:
        if self.net_live is not None:
            self.net_live.close()
        if "key_gate" in self.__dict__:
            self.key_gate.close()
        if self._inbox_notifier is not None:
            self._inbox_notifier.stop()
        if "inbox_watch" in self.__dict__:  # created by the first poll
            self.inbox_watch.release()

    @cached_property
    def inbox_watch(self) -> InboxWatch:
        """The inbox folder and what its files looked like at the last poll (a file is read
        once it has settled: ``io.queue_inbox``)."""
        from cm_tui.io.locations import inbox_path
        from cm_tui.io.queue_inbox import InboxWatch

        settings = self.ctx.settings
        return InboxWatch(
            inbox_path(settings.inbox),
            settle_seconds=settings.inbox_settle_seconds,
            max_bytes=settings.inbox_max_mb * 1_000_000,
        )

    def _after_import(self) -> None:
        """Items landed from the inbox: the shown tab repaints (the others do when shown)."""
        pane = self.active_pane
        if pane is not None:
            pane.refresh_if_stale()

    def _show_store_warnings(self, problems: list[str]) -> None:
        for problem in problems:
            self.notify(t("ui.store_warning", problem=problem), severity="warning", markup=False)

    def _focus_active(self) -> None:
        pane = self.active_pane
        if pane is not None:
            pane.focus_default()

    @property
    def tabs(self) -> TabbedContent:
        return self.query_one("#tabs", TabbedContent)

    @property
    def active_tab(self) -> str:
        return self.tabs.active

    @property
    def active_pane(self) -> Pane | None:
        """The pane of the visible tab; ``None`` before the first compose."""
        try:
            return self.pane(self.active_tab)
        except NoMatches:
            return None

    def pane(self, pane_id: str) -> Pane | None:
        """The mounted pane of a tab, or ``None`` if that tab was never shown (or the screen
        is already gone, while the app shuts down)."""
        found = self.query(f"#{pane_id}").results(TabPane)
        tab_pane = next(found, None)
        if tab_pane is None:
            return None
        panes = tab_pane.query(Pane)
        return panes.first() if panes else None

    async def open_tab(self, pane_id: str) -> Pane:
        """Show a tab, mounting its pane first if needed; returns the pane."""
        pane = await self._ensure_pane(pane_id)
        if self.tabs.active != pane_id:
            self.tabs.active = pane_id
        pane.refresh_if_stale()
        pane.focus_default()
        return pane

    async def _ensure_pane(self, pane_id: str) -> Pane:
        pane = self.pane(pane_id)
        if pane is None:
            pane_cls = pane_class(pane_id)
            self.load_pane_styles(pane_cls)
            pane = pane_cls(self.ctx)
            await self.query_one(f"#{pane_id}", TabPane).mount(pane)
        return pane

    def load_pane_styles(self, pane_cls: type[Pane]) -> None:
        """Add a tab's stylesheet to the app's, once, before its pane is mounted.

        Same standing as ``app.tcss`` (user CSS, not a widget's DEFAULT_CSS, so the rules keep
        their specificity against the shell's). Textual parses only the new source: the rules
        already parsed stay cached, and the nodes already styled are not touched (a tab's rules
        select its own nodes only).
        """
        path = pane_cls.css_path()
        if path is not None and not self.stylesheet.has_source(str(path), ""):
            css = path.read_text(encoding="utf-8")
            self.stylesheet.add_source(css, read_from=(str(path), ""))

    async def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        pane_id = event.pane.id or ""
        # A late activation (the initial tab's, arriving after a key already switched tabs, or
        # one arriving during shut-down) must not switch back: only the tab now shown counts.
        try:
            shown = self.tabs.active
        except NoMatches:
            return
        if pane_id in self.pane_ids and pane_id == shown:
            await self.open_tab(pane_id)

    def on_tab_label(self, message: TabLabel) -> None:
        """A pane or the alerts relabel a tab (the Queue counts). Labels may still arrive while
        the app shuts down, the tabs already gone: they are dropped then."""
        try:
            tab = self.tabs.get_tab(message.pane_id)
        except NoMatches:
            return
        if tab.label.plain != message.label.plain:
            tab.label = message.label

    def _tick(self) -> None:
        """Every second: the header's clock, the shown pane's times, the alerts whose time
        has passed taken off the alert line."""
        # ``query``, not ``query_one``: while the app shuts down the main screen is gone
        for header in self.query(AppHeader):
            header.refresh()
        pane = self.active_pane
        if pane is not None:
            pane.tick()
        if self.alerts.expire(self.timer_seconds()):
            self.show_alerts()

    # ------------------------------------------------------------------ actions

    async def action_show_tab(self, pane_id: str) -> None:
        await self.open_tab(pane_id)

    def action_help(self) -> None:
        from cm_tui.ui.screens.help import HelpScreen

        self.push_screen(HelpScreen(self.help_sections(self.active_tab)))

    def action_command_palette(self) -> None:
        """Textual's palette, with a translated prompt."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(
                CommandPalette(placeholder=t("ui.cmd.placeholder"), id="--command-palette")
            )

    def action_change_theme(self) -> None:
        """Pick a Textual theme (remembered in the store's prefs, see ``_remember_theme``)."""
        from textual.command import CommandPalette
        from textual.theme import ThemeProvider

        self.push_screen(
            CommandPalette(providers=[ThemeProvider], placeholder=t("ui.cmd.theme_placeholder"))
        )

    def _remember_theme(self, _theme: object) -> None:
        name = self.theme
        if self.ctx.repo.prefs.get(THEME_PREF) != name:
            self.ctx.write(lambda: self.ctx.repo.prefs.set(THEME_PREF, name))

    def _report_write_error(self, error: Exception) -> None:
        """A write the store refused: its message already says "Not saved: ..." and why."""
        self.notify(str(error), severity="error", markup=False)

    def get_key_display(self, binding: Binding) -> str:
        """A named key in the user's language, as the hints write it (``bindings.key_name``)."""
        return key_name(binding, super().get_key_display)

    # ------------------------------------------------------------------ terminal output

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification (the panes', the screens', Textual's: they all end here), its
        message and title through ``for_terminal``: a file's name or a stored text shows its
        control characters as placeholders (ESC as ␛) instead of acting on the terminal."""
        super().notify(
            for_terminal(message),
            title=for_terminal(title),
            severity=severity,
            timeout=timeout,
            markup=markup,
        )

    def _refresh_notifications(self) -> None:
        """Textual's hook to redraw its toasts, which cover the screen: cm-tui draws none and
        shows its notifications on the alert line instead (``on_notify``)."""

    def on_notify(self, event: Notify) -> None:
        """A notification (Textual's message, from any thread) becomes an alert: on the alert
        line until its timeout has passed on the timers' scale (``timer_seconds``; the clock
        tick takes it off), and in the history (``ctrl+n``)."""
        note = event.notification
        alert = Alert(
            text=note.message,
            title=note.title,
            severity=note.severity,
            markup=note.markup,
            raised_at=self.ctx.clock.now(),
        )
        self.alerts.add(alert, shown_until=self.timer_seconds() + note.timeout)
        self.show_alerts()

    def timer_seconds(self) -> float:
        """Now, in seconds, for the app's timeouts: real time in use (``time.monotonic``, so
        alerts also go under ``--now``); the app's monotonic clock, which only the test moves,
        under ``real_time_timers=False`` (``PeriodicJob``). Never the wall clock, which may
        jump (``core.clock``)."""
        if self._real_time_timers:
            return time.monotonic()
        return self.ctx.clock.monotonic()

    def _give_footer(self, _screen: object = None) -> None:
        """A dialog gets a footer of its own, docked at its bottom over the tab's: the keys it
        shows are the dialog's, not keys of the tab behind that would type into it."""
        try:
            screen = self.screen
        except ScreenStackError:  # the app is shutting down
            return
        if not any(isinstance(child, KeyFooter) for child in screen.children):
            screen.mount(KeyFooter())

    def show_alerts(self, _screen: object = None) -> None:
        """The shown screen's alert line shows the alerts still on the line. Each screen gets
        its line the first time it has one to show (a modal's is docked at its bottom): the
        main screen's is not a node to mount and style before the first frame (5M instructions
        of Today's first frame)."""
        try:
            screen = self.screen
        except ScreenStackError:  # the app is shutting down
            return
        shown = self.alerts.shown
        line = next(iter(screen.query_children(AlertLine)), None)
        if line is None:
            if not shown:
                return
            line = AlertLine()
            footer = next(iter(screen.query_children(KeyFooter)), None)
            screen.mount(line, before=footer)
        line.show(shown)

    def action_notifications(self) -> None:
        """The history of the notifications, newest first."""
        from cm_tui.ui.screens.notifications import NotificationsScreen

        ctx = self.ctx
        self.push_screen(NotificationsScreen(self.alerts.history, ctx.zone, ctx.local_now().date()))

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, then the last guard of every line drawn (``TerminalTextFilter``)."""
        return [*super().get_line_filters(), _TERMINAL_TEXT]

    # ------------------------------------------------------------------ keys as data

    def keys_of(self, owner: type) -> list[KeyInfo]:
        return keys_for(owner, self._keymap, self.get_key_display)

    def tab_keys(self, pane_id: str) -> list[KeyInfo]:
        """Every key of a tab: the pane's own, then those of its key widgets (lists...)."""
        pane_cls = pane_class(pane_id)
        infos = self.keys_of(pane_cls)
        for widget_cls in pane_cls.KEY_WIDGETS:
            infos.extend(self.keys_of(widget_cls))
        return infos

    def help_sections(self, pane_id: str) -> list[tuple[str, list[KeyInfo]]]:
        """The tab's shared verbs (the key grammar), its own keys, then the app's."""
        from cm_tui.ui.screens.help import tab_sections

        pane_cls = pane_class(pane_id)
        return [
            *tab_sections(self, pane_cls, self.tab_keys(pane_id)),
            (t("ui.help.global"), self.keys_of(type(self))),
        ]

    def command_entries(self) -> list[CommandEntry]:
        """The palette: the app's actions, then each tab's own actions (tab name first)."""

        entries = [
            self._entry(info.description, info, self._app_runner(info))
            for info in self.keys_of(type(self))
            if info.action != "command_palette"
        ]
        for spec in TABS:
            pane_cls = spec.pane_class()
            for info in self.keys_of(pane_cls):
                title = f"{spec.title}: {info.description}"
                entries.append(self._entry(title, info, self._pane_runner(pane_cls, info)))
        return entries

    @staticmethod
    def _entry(title: str, info: KeyInfo, run: Callable[[], Awaitable[None]]) -> CommandEntry:
        from cm_tui.ui.commands import CommandEntry

        return CommandEntry(title, t("ui.cmd.keys", keys=" / ".join(info.keys)), run)

    def _app_runner(self, info: KeyInfo) -> Callable[[], Awaitable[None]]:
        async def run() -> None:
            await self.run_action(info.action)

        return run

    def _pane_runner(self, pane_cls: type[Pane], info: KeyInfo) -> Callable[[], Awaitable[None]]:
        async def run() -> None:
            pane = await self.open_tab(pane_cls.PANE_ID)
            await self.run_action(info.action, pane)

        return run

    def get_system_commands(self, screen):  # type: ignore[no-untyped-def]
        """Unused: ``CmTuiCommands`` replaces Textual's system provider (translated titles)."""
        return iter(())


class MainScreen(Screen[None]):
    """The app's screen. Its header, tabs, pane and footer cover all of it, so its own lines
    are never seen: drawn as one blank line (``BLANK``), not 45 styled ones (docs/architecture.md,
    Performance facts)."""

    BLANK = True


def _collect_from_now_on() -> None:
    """After the first frame: freeze what start-up built, then let the collector run again.

    Everything allocated before the first frame (modules, the store's records, the widgets)
    lives as long as the app, so the CLI turns the cyclic collector off while it starts
    (``cli.run.cmd_run``; about 25 ms less to the first frame with the ``year`` demo) and
    ``gc.freeze()`` moves those objects out of the collector's generations: later collections,
    all day long, do not traverse a year of data each time. A no-op when the collector is on
    (tests running the app in-process).
    """
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _return_big_blocks() -> None:
    """After the first frame: big freed blocks go back to the system (``ui/heap.py``: why)."""
    from cm_tui.ui.heap import keep_big_blocks_returnable

    keep_big_blocks_returnable()


def first_run_wanted(store: Store) -> bool:
    """Whether this start is the first (``io.settings_file.needs_first_run``: no settings file
    yet, or still the untouched template) on a store of the user's own: the demo has settings
    of its own and never asks."""
    from cm_tui.io.demo_writer import is_demo_store
    from cm_tui.io.locations import config_path
    from cm_tui.io.settings_file import needs_first_run

    return not is_demo_store(store) and needs_first_run(config_path())


def run_app(store: Store, settings: Settings, clock: Clock, store_name: str) -> int:
    """Entry point used by the CLI: run the dashboard until the user quits; the app's return
    code (0, or 1 when an unexpected error stopped it: Textual has shown its traceback)."""
    app = CmTuiApp(store, settings, clock, store_name, first_run=first_run_wanted(store))
    app.run()
    return app.return_code or 0
