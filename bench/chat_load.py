"""Chat load bench: N simulated users through the local Bot API sandbox against a real `petreel bot`.

    .venv/bin/python bench/chat_load.py --users 20 50 100 [--ramp-s 10]

The bot runs as its own process (`python -m petreel.cli bot`, the real python-telegram-bot client,
the offline writer, a fresh SQLite database, no render worker) pointed at a sandbox served by this
process. Each user arrives at a random moment within ``--ramp-s`` seconds and then acts as soon as
the bot's answer appears: `/start`, a premise, the hero button, Confirm (the bot renders on the CPU,
which draws one art style, so the art-style step is skipped: the hero press leads to the preview).

Latencies are measured from the user's action to the arrival, at the sandbox, of the bot's request
that answers it:

* first response: `/start` → the welcome message;
* premise → hero chooser; hero → script preview; Confirm → status message;
* button answers: each press → its `answerCallbackQuery`.

It prints p50/p95/p99 per step, the flood-limit breaches the sandbox counted (Telegram's ~30/s
overall, ~1/s per chat with short bursts), the send path's own counts (requests that waited, were
dropped or merged, as the bot logs them at exit), Bot API spec violations, and any reply lost or
duplicated. Nothing here is a test: numbers vary with the machine and its load.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import socket
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sandbox import BotApiSandbox  # noqa: E402
from sandbox.users import MessageView, SimUser  # noqa: E402

PREMISE = "a poor ginger cat is mocked by a rich white cat, works hard and gets rich"
STEPS = ("first response", "premise → chooser", "hero → preview", "confirm → status")


@dataclass
class Flow:
    user: SimUser
    times: dict[str, float] = field(default_factory=dict)  # step -> latency (s)
    answers: list[float] = field(default_factory=list)
    error: str | None = None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def buttons(message: MessageView, prefix: str) -> list[str]:
    return [d for d in message.callback_data if d.startswith(prefix)]


class Clock:
    """Times the bot's answers by the sandbox's own request log (arrival times, one clock)."""

    def __init__(self, sandbox: BotApiSandbox) -> None:
        self.sandbox = sandbox

    def first_call(self, chat_id: int, after: float, methods: set[str], where: Any = None) -> float | None:
        for call in self.sandbox.calls:
            if call.timestamp < after or call.method not in methods or call.error:
                continue
            if str(call.params.get("chat_id")) != str(chat_id):
                continue
            if where is not None and not where(call.params):
                continue
            return call.timestamp
        return None

    def answer_of(self, query_id: str) -> float | None:
        for call in self.sandbox.calls:
            if call.method == "answerCallbackQuery" and call.params.get("callback_query_id") == query_id:
                return call.timestamp
        return None


async def run_flow(flow: Flow, clock: Clock, start_at: float, wait_s: float) -> None:
    user = flow.user
    await asyncio.sleep(max(0.0, start_at - time.monotonic()))

    async def step(name: str, action: Any, methods: set[str], ready: Any, where: Any = None) -> None:
        t0 = time.time()
        query = await action()
        await user.wait_for(lambda _: ready(), timeout=wait_s)
        t1 = clock.first_call(user.id, t0, methods, where)
        flow.times[name] = (t1 if t1 is not None else time.time()) - t0
        if isinstance(query, str):
            answered = clock.answer_of(query)
            if answered is not None:
                flow.answers.append(answered - t0)

    def newest(prefix: str) -> MessageView | None:
        found = [m for m in user.visible if m.from_bot and buttons(m, prefix)]
        return found[-1] if found else None

    try:
        n0 = len(user.chat)
        await step("first response", lambda: user.send("/start"), {"sendMessage"},
                   lambda: any(m.from_bot for m in user.chat[n0:]))
        await step("premise → chooser", lambda: user.send(PREMISE), {"sendMessage"},
                   lambda: newest("1|st|") is not None)
        chooser = newest("1|st|")
        assert chooser is not None
        mid = chooser.message_id
        await step("hero → preview", lambda: user.press(mid, buttons(chooser, "1|st|")[0]), {"editMessageText"},
                   lambda: newest("1|ok|") is not None, where=lambda p: "1|ok|" in str(p.get("reply_markup", "")))
        preview = newest("1|ok|")
        assert preview is not None
        before = len(user.chat)
        await step("confirm → status", lambda: user.press(mid, buttons(preview, "1|ok|")[0]), {"sendMessage"},
                   lambda: any(m.from_bot for m in user.chat[before:]))
    except Exception as exc:  # noqa: BLE001 - the bench reports every failed flow
        flow.error = f"{type(exc).__name__}: {str(exc).splitlines()[0][:120]}"


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def fmt_ms(v: float) -> str:
    return f"{v * 1000:7.0f}"


async def run(n_users: int, ramp_s: float, wait_s: float, seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    port = free_port()
    data = Path(tempfile.mkdtemp(prefix="petreel-load-"))
    async with BotApiSandbox() as sandbox:
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "PTB_TIMEDELTA": "true",
            "PETREEL_DATA_DIR": str(data),
            "PETREEL_HTTP_PORT": str(port),
            "PETREEL_TELEGRAM__TOKEN": sandbox.token,
            "PETREEL_TELEGRAM__BASE_URL": sandbox.base_url,
            "PETREEL_TELEGRAM__BASE_FILE_URL": sandbox.base_file_url,
            "PETREEL_TELEGRAM__CHAT_THROTTLE_S": "0",
            "PETREEL_QUOTA__MAX_QUEUE": str(10 * n_users),
            "PETREEL_LOG_LEVEL": "INFO",
        }
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "petreel.cli", "bot", env=env, cwd=str(ROOT),
            stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
        )
        try:
            # wait until the bot polls
            deadline = time.monotonic() + 60
            while not sandbox.calls_to("getUpdates"):
                if time.monotonic() > deadline or proc.returncode is not None:
                    raise RuntimeError("the bot did not start")
                await asyncio.sleep(0.1)
            clock = Clock(sandbox)
            t0 = time.monotonic() + 0.5
            flows = [Flow(sandbox.user(50_000 + i, first_name=f"U{i}", language_code="en")) for i in range(n_users)]
            await asyncio.gather(*(run_flow(f, clock, t0 + rng.uniform(0, ramp_s), wait_s) for f in flows))
        finally:
            proc.terminate()
            _, stderr = await proc.communicate()
        text = stderr.decode(errors="replace")
        send_stats = re.findall(r"send path: (.*)", text)
        # lost or duplicated replies: each user must see one welcome, one chooser, one status message
        problems = []
        for f in flows:
            bot_msgs = [m for m in f.user.chat if m.from_bot]
            if f.error is None and len(bot_msgs) != 3:
                problems.append(f"user {f.user.id}: {len(bot_msgs)} bot messages (expected 3)")
        return {
            "flows": flows,
            "breaches": list(sandbox.flood.breaches),
            "counted": sandbox.flood.counted,
            "violations": list(sandbox.violations),
            "send_stats": send_stats[-1] if send_stats else "(not logged)",
            "problems": problems,
            "calls": len(sandbox.calls),
        }


def report(n: int, ramp_s: float, result: dict[str, Any]) -> None:
    flows: list[Flow] = result["flows"]
    failed = [f for f in flows if f.error]
    print(f"\n## N = {n} users arriving over {ramp_s:g} s")
    print(f"{'step':<20} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'max ms':>7}")
    for step in STEPS:
        values = [f.times[step] for f in flows if step in f.times]
        print(f"{step:<20} {fmt_ms(pct(values, 50))} {fmt_ms(pct(values, 95))} {fmt_ms(pct(values, 99))} "
              f"{fmt_ms(max(values) if values else float('nan'))}")
    answers = [a for f in flows for a in f.answers]
    print(f"{'button answers':<20} {fmt_ms(pct(answers, 50))} {fmt_ms(pct(answers, 95))} {fmt_ms(pct(answers, 99))} "
          f"{fmt_ms(max(answers) if answers else float('nan'))}")
    replies = [f.times[s] for f in flows for s in STEPS if s in f.times]
    print(f"every reply to a user's own action: p99 {pct(replies, 99) * 1000:.0f} ms, max {max(replies) * 1000:.0f} ms")
    print(f"flows completed: {n - len(failed)}/{n}; lost/duplicated replies: {len(result['problems'])}")
    for f in failed[:5]:
        print(f"  failed: user {f.user.id}: {f.error}")
    for p in result["problems"][:5]:
        print(f"  {p}")
    breaches = result["breaches"]
    print(f"flood-limit breaches counted by the sandbox: {len(breaches)} of {result['counted']} chat-bound requests"
          + (f" (first: {breaches[0]})" if breaches else ""))
    print(f"Bot API spec violations: {len(result['violations'])}")
    print(f"send path (bot's own count): {result['send_stats']}")
    print(f"Bot API requests in all: {result['calls']}, per flow: {result['calls'] / n:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, nargs="+", default=[20, 50, 100])
    parser.add_argument("--ramp-s", type=float, default=10.0, help="users arrive uniformly over this many seconds")
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(f"# chat load: {os.cpu_count()} cores, python {sys.version.split()[0]}")
    for n in args.users:
        report(n, args.ramp_s, asyncio.run(run(n, args.ramp_s, args.timeout, args.seed)))


if __name__ == "__main__":
    main()
