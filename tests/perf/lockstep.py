"""Two measured children alive together, taking turns press by press: a figure's app and its bare
baseline see the machine at the same moment, not seconds apart.

Why: on a shared machine the speed moves within seconds. The same bare key went from 0.5 ms to
1.0 ms in the middle of one child; two children run one after the other (``interleave``'s pairs
before this) measured the app and its baseline at different speeds, and a figure's ratio moved
by up to 24 % between a plain run and one beside a CPU burner. In lockstep each app press comes
within a few milliseconds of a bare press, so a change of speed reaches both sides of the ratio.

Protocol (two pipes per child, their descriptors in ``TURNS_ENV`` as ``go,asked``): before each
press the child writes one byte on ``asked`` and waits for one byte on ``go`` (``press_turn``).
The parent (``run_lockstep``) waits until every child has asked, then releases them one at a
time, always waiting for the released child's next request (its press done and settled, or its
end) before it releases the other. One child is never pressed while the other is: the parked
one sleeps in its event loop's reader.

Child side: only light standard modules at top level (see ``hooks.py``).
"""

from __future__ import annotations

import os
from typing import Any

#: environment variable that puts a child in lockstep: ``"<go fd>,<asked fd>"``
TURNS_ENV = "CM_TUI_BENCH_TURNS"
#: the longest a child may take between two requests (a press, its settling, its start-up)
TURN_TIMEOUT_S = 120.0
#: environment variable: the seconds a child waits after each press, when its figure sets it
#: (``BenchEnv.lockstep``'s ``settle``)
SETTLE_ENV = "CM_TUI_BENCH_SETTLE"


def settle_s(default: float) -> float:
    """The seconds a child waits after a press before asking for its next turn: ``default``,
    or what its figure set (``SETTLE_ENV``). ``inbox_key_ms`` sets 0: the partner's press is
    the pause, so the app's keys still come about every 30 ms, a burst that keeps its import
    paused (``ui/keys_first.py``); with 30 ms on each side they came every 70-85 ms."""
    return float(os.environ.get(SETTLE_ENV, default))


async def press_turn() -> None:
    """Wait for this child's turn to press (see the module's protocol); at once when the child
    is not run in lockstep."""
    turns = os.environ.get(TURNS_ENV)
    if not turns:
        return
    import asyncio

    go, asked = (int(fd) for fd in turns.split(","))
    loop = asyncio.get_running_loop()
    turn: asyncio.Future[bytes] = loop.create_future()

    def granted() -> None:
        if not turn.done():
            turn.set_result(os.read(go, 1))

    loop.add_reader(go, granted)
    try:
        os.write(asked, b"?")
        await turn
    finally:
        loop.remove_reader(go)


def run_lockstep(commands: list[list[str]], env: dict[str, str]) -> list[tuple[int, str, str]]:
    """Run ``commands`` (child command lines) in lockstep; each one's (status, stdout, stderr).

    A child that never calls ``press_turn`` simply runs to its end. Raises ``TimeoutError``
    (the children killed) when one neither asks nor ends within ``TURN_TIMEOUT_S``."""
    import contextlib

    with contextlib.ExitStack() as stack:
        children = [_start(command, env, stack) for command in commands]
        waiting = [child for child in children if _next_request(child)]
        while waiting:
            for child in list(waiting):
                os.write(child["go"], b"!")
                if not _next_request(child):
                    waiting.remove(child)
        results = []
        for child in children:
            status = child["proc"].wait(timeout=TURN_TIMEOUT_S)
            out, err = child["io"]
            out.seek(0)
            err.seek(0)
            results.append((status, out.read().decode(), err.read().decode(errors="replace")))
        return results


def _start(command: list[str], env: dict[str, str], stack: Any) -> dict[str, Any]:
    """One child started with its two pipes; ``stack`` kills it (if still running) and closes
    its pipes and output files on the way out."""
    import subprocess
    import tempfile

    go_read, go_write = os.pipe()
    asked_read, asked_write = os.pipe()
    out = stack.enter_context(tempfile.TemporaryFile())  # noqa: SIM115 (closed by stack)
    err = stack.enter_context(tempfile.TemporaryFile())  # noqa: SIM115
    stack.callback(os.close, go_write)
    stack.callback(os.close, asked_read)
    try:
        proc = subprocess.Popen(
            command,
            env={**env, TURNS_ENV: f"{go_read},{asked_write}"},
            stdout=out,
            stderr=err,
            pass_fds=(go_read, asked_write),
        )
    finally:
        os.close(go_read)
        os.close(asked_write)

    def stop() -> None:
        if proc.poll() is None:
            proc.kill()
            proc.wait()

    stack.callback(stop)
    return {"proc": proc, "go": go_write, "asked": asked_read, "io": (out, err)}


def _next_request(child: dict[str, Any]) -> bool:
    """True when ``child`` asks for a turn, False when it ended."""
    import select

    ready, _, _ = select.select([child["asked"]], [], [], TURN_TIMEOUT_S)
    if not ready:
        raise TimeoutError("a lockstep child neither pressed nor ended in time")
    return os.read(child["asked"], 1) != b""
