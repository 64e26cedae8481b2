"""Live-account core figures against a real local server (``mastodon-mock`` on 127.0.0.1,
started by the parent for the figure):

* ``backlog_sync_s``: 10,000 mentions waiting on the server (a laptop that slept all night)
  synced into the queue of the ``year`` store by the engine (``cm-tui sync``'s pass), ratio to
  the same pages read with the standard library (``urllib`` + ``json``, ``min_id`` paging);
* ``backlog_triage_key_ms``: ``d`` (triage) on the Queue of the real app (``stress`` store, as
  ``triage_key_ms``) while its live engine syncs that backlog (p95), ratio to the same key in
  a bare Textual list;
* ``reply_send_s``: from the end of a reply's undo window to the reply on the server (the
  live engine's loop, ``run_forever``), ratio to the same reply posted with ``urllib`` by a
  thread that wakes at the same window's end; both timed by the server's ``created_at``.

The server is set up as a Mastodon instance for the backlog figures (``mock_instance.py``:
Mastodon's page size, its database indexes, a page preloaded and serialised in one batch): the
mock otherwise spends about 20 queries a notification, and the figure measured it. The
backlog's mentions come from ``AUTHORS`` accounts, as a night's mentions do. The 10,000
notifications are all served, page by page, by the server through HTTP; the same-run ``urllib``
baseline reads the same pages from the same server.

Light imports only at top level (these are measured processes, see ``bench.py``).
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path
from typing import Any

from bench import (
    NOW,
    BenchEnv,
    Result,
    child,
    figure,
    log,
    pair_numbers,
    paired_ratio,
    percentile,
    pooled_median,
)
from hooks import arm_after, cpu_mark, emit, open_on_tab, own_cpu_ms, time_frames
from lockstep import press_turn
from mock_instance import PAGE, as_instance

BACKLOG = 10_000
#: replies per pair of ``reply_send_s`` (one reply's time moves from 6 to 11 ms and, now and
#: then, to 230 ms: a pair's median needs more than ten)
REPLIES = 15
UNDO_S = 0.5
GIVE_UP_S = 30.0
#: seconds from a reply's window end to the first read of the brand's statuses, then
#: between two reads
SETTLE_S = 0.15
POLL_GAP_S = 0.05
#: accounts the backlog's mentions come from
AUTHORS = 100
#: ``d`` presses at most while the backlog syncs (each after ``PRESS_GAP_S``)
BACKLOG_PRESSES = 60
PRESS_GAP_S = 0.25
#: tokens of the local test server's seeded accounts (not credentials)
TOKENS = {"brand": "brand-token-0001", "fan": "fan-token-0002"}


def _get(base: str, path: str, token: str) -> Any:
    import json
    import urllib.request

    request = urllib.request.Request(base + path, headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def _post(base: str, path: str, token: str, body: dict[str, Any]) -> Any:
    import json
    import urllib.request

    request = urllib.request.Request(
        base + path,
        data=json.dumps(body).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def _mention_page(base: str, since: str) -> list[dict[str, Any]]:
    query = f"/api/v1/notifications?types[]=mention&limit={PAGE}"
    return _get(base, query + (f"&min_id={since}" if since else ""), TOKENS["brand"])  # type: ignore[no-any-return]


def _newest(notes: list[dict[str, Any]]) -> str:
    return max((str(n["id"]) for n in notes), key=lambda i: (len(i), i))


def _posted_at(base: str, brand_id: str, text: str, window_end: float) -> float:
    """The instant the server created the brand's status holding ``text`` (its ``created_at``,
    to the microsecond), read once the send should be over. The server's own clock times the
    reply, not the poll, and the poll stays out of the send's way: read while the reply was
    being posted, the server served the two in turn and pair ratios spread from 0.72 to 1.68
    in one run. The first read is ``SETTLE_S`` after ``window_end``, the next ones ``POLL_GAP_S``
    apart."""
    from datetime import datetime

    time.sleep(max(0.0, window_end + SETTLE_S - time.time()))
    start = time.monotonic()
    while time.monotonic() - start < GIVE_UP_S:
        statuses = _get(base, f"/api/v1/accounts/{brand_id}/statuses?limit=5", TOKENS["brand"])
        for status in statuses:
            if text in (status.get("content") or ""):
                stamp = status["created_at"].replace("Z", "+00:00")
                return datetime.fromisoformat(stamp).timestamp()
        time.sleep(POLL_GAP_S)
    raise RuntimeError(f"{text} never reached the server")


# ------------------------------------------------------------------ backlog_sync_s


@child("backlog_sync")
def child_backlog_sync(_t0: float, args: list[str]) -> None:
    """The engine's passes (``cm-tui sync --once`` without the CLI around it) from the
    cursor before the backlog until every mention is in the queue."""
    from cm_tui.core.clock import SystemClock
    from cm_tui.net.access import direct
    from cm_tui.net.secrets import SecretStore
    from cm_tui.net.sync import SyncEngine
    from cm_tui.store import Store

    db, folder, count = args[0], Path(args[1]), int(args[2])
    with Store.open(db, holder="sync") as store:
        engine = SyncEngine(direct(store), SecretStore(folder, mode="file"), SystemClock())
        start = time.perf_counter()
        taken = 0
        while taken < count:
            report = engine.run_once()
            if not report.new_items:
                break
            taken += len(report.new_items)
        elapsed = time.perf_counter() - start
    emit({"samples": [elapsed], "items": taken})
    os._exit(0)


@child("backlog_get")
def child_backlog_get(_t0: float, args: list[str]) -> None:
    """The baseline: the same pages read with ``urllib`` and ``json``, ``min_id`` paging."""
    base, since = args[0], args[1]
    start = time.perf_counter()
    taken = 0
    while True:
        notes = _mention_page(base, since)
        if not notes:
            break
        taken += len(notes)
        since = _newest(notes)
    emit({"samples": [time.perf_counter() - start], "items": taken})
    os._exit(0)


def _live_server(env: BenchEnv) -> contextlib.AbstractContextManager[Any]:
    from bench_net_ui import live_server

    return live_server(env)


def _backlog_on(server: Any, figure: str) -> str:
    """``BACKLOG`` mentions from ``AUTHORS`` accounts waiting on ``server``, set up as a
    Mastodon instance (``mock_instance.as_instance``); the id to page from."""
    log(f"{figure}: {BACKLOG} mentions on the server")
    anchor = _fill(server, BACKLOG, AUTHORS)
    as_instance(server)
    return anchor


def _fill(server: Any, count: int, authors: int = 1) -> str:
    """``count`` mentions of @brand written straight into the server's database (the server's
    own status path: mentions, notifications), by @fan and ``authors - 1`` more accounts in
    turn, after one anchor mention; the anchor's notification id (the cursor before the
    backlog)."""
    from mastodon_mock.config import SeedAccount
    from mastodon_mock.db.models import Account
    from mastodon_mock.db.seed import _ensure_account
    from mastodon_mock.routers.statuses import _create_status_from_params

    factory = server._server.config.app.state.session_factory
    with factory() as db:
        fan = db.query(Account).filter(Account.username == "fan").first()
        _create_status_from_params(db, fan, {"status": "@brand anchor"})
        db.commit()
    anchor = _newest(_mention_page(server.base_url, ""))
    with factory() as db:
        fans = [db.query(Account).filter(Account.username == "fan").first()]
        for index in range(1, authors):
            name = f"fan{index}"
            fans.append(_ensure_account(db, SeedAccount(username=name, display_name=name)))
        db.commit()
        for index in range(count):
            author = fans[index % len(fans)]
            _create_status_from_params(db, author, {"status": f"@brand backlog {index}"})
            if index % 1000 == 999:
                db.commit()
        db.commit()
    return anchor


def _store(env: BenchEnv, base: str, name: str, cursor: str, size: str = "year") -> Path:
    """A copy of the ``size`` demo with the brand account (its inbox cursor at ``cursor``)."""
    import shutil
    from datetime import UTC, datetime

    from cm_tui.net import accounts
    from cm_tui.net.secrets import SecretStore
    from cm_tui.store import Store

    db = env.root / name / "store.json"
    shutil.copytree(env.store(size).parent, db.parent)
    secrets = SecretStore(env.home, mode="file")
    with Store.open(db) as store:
        account = accounts.add(store, secrets, "mastodon", base, TOKENS["brand"], datetime.now(UTC))
        with store.transaction():
            store.repo.accounts.update(account.replace(cursor=cursor))
    return db


@figure("backlog_sync_s", target=("<=", 20.0), ratio_target=("<=", 3.0))
def bench_backlog_sync_s(env: BenchEnv, runs: int) -> Result:
    """Seconds to sync ``BACKLOG`` waiting mentions into the ``year`` store's queue (each run
    a fresh copy, the cursor before the backlog); ratio to the stdlib reading the same pages
    just before (what cm-tui adds: Mastodon.py, the mapping and sanitiser, the duplicate
    check, the store's transactions)."""
    with _live_server(env) as server:
        anchor = _backlog_on(server, "backlog_sync_s")
        pairs: list[tuple[dict[str, Any], dict[str, Any]]] = []
        for i in range(runs):
            log(f"backlog_sync_s {i + 1}/{runs}")
            bare = env.child("backlog_get", server.base_url, anchor)
            db = _store(env, server.base_url, f"backlog-{i}", anchor)
            app = env.child("backlog_sync", str(db), str(env.home), str(BACKLOG))
            if app["items"] != BACKLOG or bare["items"] != BACKLOG:
                raise RuntimeError(f"synced {app['items']} / read {bare['items']} of {BACKLOG}")
            pairs.append((app, bare))
    app_all = [s for app, _ in pairs for s in app["samples"]]
    bare_all = [s for _, bare in pairs for s in bare["samples"]]
    return Result(
        percentile(app_all, 50),
        {"backlog_sync_s": app_all, "backlog_get_s": bare_all},
        {"backlog": BACKLOG, "backlog_get_median_s": percentile(bare_all, 50)},
        paired_ratio([a["samples"] for a, _ in pairs], [b["samples"] for _, b in pairs]),
    )


# ------------------------------------------------------------------ backlog_triage_key_ms


@child("backlog_keys")
def child_backlog_keys(_t0: float, args: list[str]) -> None:
    """The real ``cm-tui`` start-up on the Queue tab (``args[1:]``: a store whose account's
    cursor is before the backlog); once the live engine's first pass has put the first page
    in the queue, ``d`` pressed every ``PRESS_GAP_S`` until that pass (the whole backlog: one
    pass reads it) ends, ``BACKLOG_PRESSES`` at most. Each sample as ``triage_key_ms``'s:
    ``events.Key`` posted -> the first frame after the action returned, the item stored
    replied. Checked: at least 10 presses were made during the pass; ``args[0]`` items
    arrived in the end."""
    import asyncio

    from textual import events

    count = int(args[0])
    state: dict[str, Any] = {"started": False, "armed": False, "event": None, "frame": 0.0}

    async def measure(app: Any) -> None:
        try:
            begun = time.perf_counter()  # the first frame: the live engine starts now
            pane = app.active_pane
            for _ in range(6000):  # the first page stored: the sync is under way
                live = app.net_live
                if live is not None and live.running and app.ctx.version > state["version"]:
                    break
                await asyncio.sleep(0.01)
            else:
                emit({"error": "the live engine stored nothing"})
                os._exit(1)
            rows = len(pane.list.rows)
            pane.list.move_to(rows // 2)
            samples: list[float] = []
            cpu: list[float] = []
            handed: list[float] = []
            for i in range(BACKLOG_PRESSES + 3):
                await press_turn()
                if live.passes > 0:  # each press starts while the backlog's pass runs
                    break
                before = pane.list.current
                event = asyncio.Event()
                state["event"] = event
                pressed = time.perf_counter()
                mark = cpu_mark(state)
                app.post_message(events.Key("d", "d"))
                await asyncio.wait_for(event.wait(), 30)
                stored = app.ctx.repo.queue.get(before.id)
                if stored is None or stored.status.value != "replied":
                    emit({"error": f"press {i}: the change was not persisted"})
                    os._exit(1)
                if i >= 3:
                    samples.append((state["frame"] - pressed) * 1000)
                    own, beside = own_cpu_ms(state, mark)
                    cpu.append(own)
                    handed.append(beside)
                await asyncio.sleep(PRESS_GAP_S)
            while live.passes == 0:
                await asyncio.sleep(0.05)
            synced = time.perf_counter() - begun
            arrived = sum(1 for i in app.ctx.repo.queue.all() if i.network == "mastodon")
            if len(samples) < 10 or arrived < count:
                emit({"error": f"{len(samples)} presses during the sync, {arrived} items"})
                os._exit(1)
            emit({"cpu": cpu, "handed": handed, "samples": samples, "open": rows,
                  "synced_s": synced})  # fmt: skip
        except Exception as exc:  # pragma: no cover - reported to the parent
            emit({"error": repr(exc)})
        os._exit(0)

    from cm_tui.ui.panes.queue import QueuePane

    def version_at_start(app: Any) -> Any:
        state["version"] = app.ctx.version
        return measure(app)

    arm_after(QueuePane, "action_done", state)
    time_frames(state, version_at_start, handed=True)
    open_on_tab("queue")
    from cm_tui.cli import main

    main(args[1:])
    emit({"error": "the app exited before the measurement ended"})
    os._exit(1)


@figure("backlog_triage_key_ms", target=("<=", 16.0), ratio_target=("<=", 5.1))
def bench_backlog_triage_key_ms(env: BenchEnv, runs: int) -> Result:
    """``d`` on a Queue item of the real app (``stress`` store: 10,000 open, as
    ``triage_key_ms``) while its live engine syncs
    ``BACKLOG`` waiting mentions (the store steps run on the UI thread between keys), to the
    next frame. Figure: the **p95**; ratio (CPU, as ``triage_key_ms``) to the same key in a
    bare Textual list as long, in lockstep (``BenchEnv.lockstep``: a bare press in each of the
    app's pauses; run one after the other, three pairs gave 1.93 and 1.45 in a plain run and
    one beside a CPU burner). The key's own CPU time: the store steps the sync ran on the UI
    thread in its window are left out (``hooks.time_handed_over``; their cost is
    ``backlog_sync_s``'s). ``backlog_live_sync_s``: the same backlog's sync time inside the app
    (first frame -> the pass's end)."""
    from bench_queue import _key_result

    with _live_server(env) as server:
        anchor = _backlog_on(server, "backlog_triage_key_ms")
        pairs: list[tuple[dict[str, Any], dict[str, Any]]] = []
        rows = str(env.child("queue_key", "j", "3", *env.app_args("stress"))["open"])  # warm-up
        for i in pair_numbers(runs, "backlog_triage_key_ms"):
            db = _store(env, server.base_url, f"backlog-keys-{i}", anchor, "stress")
            bare, app = env.lockstep(
                ["bare_keys", "list", rows, str(BACKLOG_PRESSES), "d"],
                ["backlog_keys", str(BACKLOG), "--db", str(db), "--now", NOW],
            )
            pairs.append((app, bare))
    synced = [app["synced_s"] for app, _ in pairs]
    return _key_result(
        "backlog_triage_key_ms",
        pairs,
        {"backlog": BACKLOG, "backlog_live_sync_s": percentile(synced, 50)},
    )


# ------------------------------------------------------------------ reply_send_s


@child("reply_send")
def child_reply_send(_t0: float, args: list[str]) -> None:
    """The live engine's loop (``run_forever``, as the app runs it in a worker) on a store with
    the brand account; ``REPLIES`` replies put in the outbox one at a time (undo window
    ``UNDO_S``). Each sample: the end of the window -> the reply created on the server."""
    import threading

    from cm_tui.core.clock import SystemClock
    from cm_tui.core.net_rules import NetSettings
    from cm_tui.net import accounts, outbox
    from cm_tui.net.access import direct
    from cm_tui.net.secrets import SecretStore
    from cm_tui.net.sync import SyncEngine
    from cm_tui.store import Store

    db, folder, base, brand_id = args[0], Path(args[1]), args[2], args[3]
    lock = threading.Lock()
    clock = SystemClock()
    with Store.open(db, holder="sync") as store:

        def access(fn: Any) -> Any:
            with lock:
                return direct(store)(fn)

        engine = SyncEngine(
            access,  # type: ignore[arg-type]
            SecretStore(folder, mode="file"),
            clock,
            NetSettings(poll_seconds=3600),
        )
        engine.run_once()
        item = access(lambda s: next(i for i in s.repo.queue.all() if i.network == "mastodon"))
        account = access(lambda s: accounts.for_item(s, item))
        stop = threading.Event()
        loop = threading.Thread(target=engine.run_forever, args=(stop, lambda r: None))
        loop.start()
        samples = []
        try:
            for index in range(REPLIES):
                text = f"reply-{index}-{time.time_ns()}"
                entry = access(
                    lambda s, text=text: outbox.put(
                        s, account.key, text, clock.now(), undo_seconds=UNDO_S, item=item
                    )
                )
                engine.wake()  # as the app does after a put
                window_end = entry.send_after.timestamp()
                samples.append(_posted_at(base, brand_id, text, window_end) - window_end)
        finally:
            stop.set()
            engine.wake()
            loop.join(30)
    emit({"samples": samples})
    os._exit(0)


@child("reply_post")
def child_reply_post(_t0: float, args: list[str]) -> None:
    """The baseline: the same reply posted with ``urllib`` (no outbox, no store) by a thread
    that waits for the end of the same window on an event, as the live loop does, while the
    same reads run. Each sample: the end of the window -> the reply created on the server. The
    wake-up is in both figures: a busy machine delays it, and it is not what cm-tui adds
    (posted at once and timed by the poll, the ratio moved by 20 % under a CPU burner)."""
    import threading

    base, brand_id, status_id = args[0], args[1], args[2]
    samples = []
    for index in range(REPLIES):
        text = f"bare-{index}-{time.time_ns()}"
        window_end = time.time() + UNDO_S

        def post_at_window_end(text: str = text, window_end: float = window_end) -> None:
            threading.Event().wait(max(0.0, window_end - time.time()))
            body = {"status": text, "in_reply_to_id": status_id}
            _post(base, "/api/v1/statuses", TOKENS["brand"], body)

        poster = threading.Thread(target=post_at_window_end)
        poster.start()
        posted = _posted_at(base, brand_id, text, window_end)
        poster.join()
        samples.append(posted - window_end)
    emit({"samples": samples})
    os._exit(0)


@figure("reply_send_s", target=("<=", 1.0), ratio_target=("<=", 1.6))
def bench_reply_send_s(env: BenchEnv, runs: int) -> Result:
    """Median seconds from the end of a reply's undo window to the reply on the local server
    (the live loop of the ``year`` store), ``REPLIES`` a pair, three pairs a run; ratio to the
    same reply posted with the stdlib just before by a thread woken at its window's end (what
    cm-tui adds: the pass around the send, the journalled writes before it, Mastodon.py)."""
    with _live_server(env) as server:
        _fill(server, 1)
        mention = _mention_page(server.base_url, "")[0]["status"]
        brand_id = str(
            _get(server.base_url, "/api/v1/accounts/verify_credentials", TOKENS["brand"])["id"]
        )
        pairs: list[tuple[list[float], list[float]]] = []
        for i in pair_numbers(runs, "reply_send_s"):  # three pairs' median moved by 20 %
            bare = env.child("reply_post", server.base_url, brand_id, str(mention["id"]))
            db = _store(env, server.base_url, f"reply-{i}", "")
            app = env.child("reply_send", str(db), str(env.home), server.base_url, brand_id)
            pairs.append((app["samples"], bare["samples"]))
    return pooled_median(pairs, "reply_send_s", "reply_post_bare_s", {"replies": REPLIES})
