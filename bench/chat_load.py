"""Chat load bench: N simulated users through the local Bot API sandbox against a real `petreel bot`.

    PYTHONPATH=. .venv/bin/python bench/chat_load.py --users 20 50 100 [--ramp-s 10] [--profile DIR]

The bot runs as its own process (`python -m petreel.cli bot`, the real python-telegram-bot client,
the offline writer, a fresh SQLite database) pointed at a sandbox served by this process. Each user
arrives at a random moment within ``--ramp-s`` seconds and then acts as soon as the bot's answer
appears: `/start`, a premise, the hero button, the art-style button when the bot offers one (a
server with one art style skips that step: the hero press leads to the preview), Confirm. A stand-in
render worker (``--no-progress`` turns it off) claims the confirmed jobs and reports progress every
second without rendering, so the bot's delivery loop edits status messages while later users are
still choosing: the status edits the send path must keep out of their way.

Latencies are measured from the user's action to the arrival, at the sandbox, of the bot's request
that answers it:

* first response: `/start` → the welcome message;
* premise → hero chooser; hero → art-style chooser (when offered);
* last choice → script preview: from the press that starts the script (the art style, or the hero
  when the art step is skipped) to the preview; it covers writing the script either way;
* Confirm → status message; button answers: each press → its `answerCallbackQuery`.

Then one line per goal of the chat-load issue with met / NOT met, and how loaded the machine was:
the load average before and after, and the CPU seconds of this process (the sandbox, the simulated
users and the stand-in worker: the bench's own client cost) apart from the bot's. The bench and the
bot share the machine's cores: a starved bench delays both the users' actions and the sandbox's
receipts. ``--profile DIR`` runs both under cProfile and prints where each spent its CPU. Nothing
here is a test: numbers vary with the machine and its load.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import os
import pstats
import random
import re
import resource
import socket
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sandbox import BotApiSandbox  # noqa: E402
from sandbox.users import MessageView, SimUser  # noqa: E402

PREMISE = "a poor ginger cat is mocked by a rich white cat, works hard and gets rich"
PREVIEW = "last choice → preview"
STEPS = ("first response", "premise → chooser", "hero → art", PREVIEW, "confirm → status")
OWN_MESSAGES = ("first response", "premise → chooser")  # replies to what the user typed
GOALS_AT = {20: "n20", 100: "n100"}


@dataclass
class Flow:
    user: SimUser
    times: dict[str, float] = field(default_factory=dict)  # step -> latency (s)
    answers: list[float] = field(default_factory=list)
    preview_after: str | None = None  # the press the preview followed: "art" or "hero"
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
        is_preview: Any = lambda p: "1|ok|" in str(p.get("reply_markup", ""))  # noqa: E731
        hero_press = user.press(mid, buttons(chooser, "1|st|")[0])
        t_hero = time.time()
        query = await hero_press
        await user.wait_for(lambda _: newest("1|ar|") is not None or newest("1|ok|") is not None, timeout=wait_s)
        answered = clock.answer_of(query)
        if answered is not None:
            flow.answers.append(answered - t_hero)
        art = newest("1|ar|")
        if art is None:  # one art style on the server: the hero press starts the script
            flow.preview_after = "hero"
            t1 = clock.first_call(user.id, t_hero, {"editMessageText"}, is_preview)
            flow.times[PREVIEW] = (t1 if t1 is not None else time.time()) - t_hero
        else:
            flow.preview_after = "art"
            t1 = clock.first_call(user.id, t_hero, {"editMessageText"})
            flow.times["hero → art"] = (t1 if t1 is not None else time.time()) - t_hero
            await step(PREVIEW, lambda: user.press(mid, buttons(art, "1|ar|")[0]), {"editMessageText"},
                       lambda: newest("1|ok|") is not None, where=is_preview)
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


class StandInWorker:
    """Claims confirmed jobs and reports progress on each once a ``beat_s`` without rendering (on a
    thread, with its own storage connection, as a render worker would), so the bot edits status
    messages under load. Jobs never finish: the bench ends first."""

    def __init__(self, database: Path, beat_s: float = 1.0) -> None:
        self.database = database
        self.beat_s = beat_s
        self.stop = threading.Event()
        self.beats = 0
        self.thread = threading.Thread(target=self._run, name="stand-in-worker", daemon=True)

    def _run(self) -> None:
        from storage.store import Store

        store = Store(self.database)
        jobs: dict[int, tuple[str, float]] = {}  # job id -> (claim token, fraction)
        try:
            while not self.stop.wait(self.beat_s):
                while (claimed := store.claim("bench-stand-in", lease_s=600)) is not None:
                    jobs[claimed.job.id] = (claimed.token, 0.0)
                for job_id, (token, fraction) in list(jobs.items()):
                    fraction = min(0.95, fraction + 0.05)
                    store.heartbeat(job_id, token, stage="paint", fraction=fraction, lease_s=600)
                    jobs[job_id] = (token, fraction)
                    self.beats += 1
        finally:
            store.close()


def proc_cpu_s(pid: int) -> float | None:
    """User + system CPU seconds of a live process (Linux ``/proc``), None elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def self_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def top_of(profile: pstats.Stats, n: int = 8) -> str:
    out = io.StringIO()
    profile.stream = out  # type: ignore[attr-defined]
    profile.sort_stats("tottime").print_stats(n)
    lines = out.getvalue().splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip().startswith("ncalls")), 0)
    return "\n".join("    " + line for line in lines[start:] if line.strip())


async def run(n_users: int, ramp_s: float, wait_s: float, seed: int, *, progress: bool = True,
              profile_dir: Path | None = None) -> dict[str, Any]:
    rng = random.Random(seed)
    port = free_port()
    data = Path(tempfile.mkdtemp(prefix="petreel-load-"))
    load_before = os.getloadavg()
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
        bot_prof = profile_dir / f"bot-{n_users}.prof" if profile_dir else None
        profiler = ["-m", "cProfile", "-o", str(bot_prof)] if bot_prof else []
        proc = await asyncio.create_subprocess_exec(
            sys.executable, *profiler, "-m", "petreel.cli", "bot", env=env, cwd=str(ROOT),
            stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
        )
        worker = StandInWorker(data / "petreel.db") if progress else None
        bench_prof = cProfile.Profile() if profile_dir else None
        try:
            # wait until the bot polls
            deadline = time.monotonic() + 60
            while not sandbox.calls_to("getUpdates"):
                if time.monotonic() > deadline or proc.returncode is not None:
                    raise RuntimeError("the bot did not start")
                await asyncio.sleep(0.1)
            if worker is not None:
                worker.thread.start()
            clock = Clock(sandbox)
            flows = [Flow(sandbox.user(50_000 + i, first_name=f"U{i}", language_code="en")) for i in range(n_users)]
            bot_cpu0, cpu0, wall0 = proc_cpu_s(proc.pid), self_cpu_s(), time.monotonic()
            if bench_prof is not None:
                bench_prof.enable()
            t0 = time.monotonic() + 0.5
            await asyncio.gather(*(run_flow(f, clock, t0 + rng.uniform(0, ramp_s), wait_s) for f in flows))
            if bench_prof is not None:
                bench_prof.disable()
            bot_cpu1, cpu1, wall = proc_cpu_s(proc.pid), self_cpu_s(), time.monotonic() - wall0
            load_after = os.getloadavg()
        finally:
            if worker is not None:
                worker.stop.set()
                await asyncio.to_thread(worker.thread.join, 10)
            proc.terminate()
            _, stderr = await proc.communicate()
        text = stderr.decode(errors="replace")
        send_stats = re.findall(r"send path: (.*)", text)
        overtaken = re.findall(r"overtaken by status/cosmetic (\d+)", send_stats[-1]) if send_stats else []
        # lost or duplicated replies: each user must see one welcome, one chooser, one status message
        problems = []
        for f in flows:
            bot_msgs = [m for m in f.user.chat if m.from_bot]
            if f.error is None and len(bot_msgs) != 3:
                said = " | ".join(m.body[:40].replace("\n", " ") for m in bot_msgs)
                problems.append(f"user {f.user.id}: {len(bot_msgs)} bot messages (expected 3): {said}")
        profiles = []
        if bench_prof is not None:
            profiles.append(("bench (sandbox + users)", pstats.Stats(bench_prof)))
        if bot_prof is not None and bot_prof.exists():
            profiles.append(("bot", pstats.Stats(str(bot_prof))))
        return {
            "flows": flows,
            "breaches": list(sandbox.flood.breaches),
            "counted": sandbox.flood.counted,
            "violations": list(sandbox.violations),
            "send_stats": send_stats[-1] if send_stats else "(not logged)",
            "overtaken": int(overtaken[0]) if overtaken else None,
            "problems": problems,
            "calls": len(sandbox.calls),
            "status_edits": sum(1 for c in sandbox.calls if c.method == "editMessageText"
                                and "1|ok|" not in str(c.params.get("reply_markup", ""))
                                and "1|ar|" not in str(c.params.get("reply_markup", ""))),
            "beats": worker.beats if worker is not None else 0,
            "load": (load_before, load_after),
            "cpu": (cpu1 - cpu0, None if bot_cpu0 is None or bot_cpu1 is None else bot_cpu1 - bot_cpu0, wall),
            "profiles": profiles,
        }


def line(name: str, values: list[float]) -> str:
    return (f"{name:<22} {fmt_ms(pct(values, 50))} {fmt_ms(pct(values, 95))} {fmt_ms(pct(values, 99))} "
            f"{fmt_ms(max(values) if values else float('nan'))}")


def goal(text: str, value: float, limit: float) -> str:
    ok = value <= limit
    return f"goal: {text}: {value * 1000:.0f} ms (≤ {limit * 1000:.0f}) — {'met' if ok else 'NOT met'}"


def report(n: int, ramp_s: float, result: dict[str, Any]) -> None:
    flows: list[Flow] = result["flows"]
    failed = [f for f in flows if f.error]
    print(f"\n## N = {n} users arriving over {ramp_s:g} s")
    print(f"{'step':<22} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'max ms':>7}")
    for step in STEPS:
        values = [f.times[step] for f in flows if step in f.times]
        if values:
            print(line(step, values))
    answers = [a for f in flows for a in f.answers]
    print(line("button answers", answers))
    after = sorted({f.preview_after for f in flows if f.preview_after})
    print(f"({PREVIEW}: from the {' / '.join(after) or '?'} press"
          + (": one art style on this server, the art step is skipped" if after == ["hero"] else "")
          + "; it includes writing the script)")
    own = [f.times[s] for f in flows for s in OWN_MESSAGES if s in f.times]
    actions = [f.times[s] for f in flows for s in STEPS if s in f.times]
    print(f"every reply to a user's own message (/start, premise): p99 {pct(own, 99) * 1000:.0f} ms, "
          f"max {max(own) * 1000:.0f} ms")
    print(f"every reply to a user's own action (messages and presses): p99 {pct(actions, 99) * 1000:.0f} ms, "
          f"max {max(actions) * 1000:.0f} ms")
    print(f"flows completed: {n - len(failed)}/{n}; lost/duplicated replies: {len(result['problems'])}")
    for f in failed[:5]:
        print(f"  failed: user {f.user.id}: {f.error}")
    for p in result["problems"][:5]:
        print(f"  {p}")
    breaches = result["breaches"]
    print(f"flood-limit breaches counted by the sandbox (by receipt time): {len(breaches)} of {result['counted']} "
          "chat-bound requests" + (f" (first: {breaches[0]})" if breaches else ""))
    print(f"Bot API spec violations: {len(result['violations'])}")
    print(f"send path (bot's own count): {result['send_stats']}")
    print(f"Bot API requests in all: {result['calls']}, per flow: {result['calls'] / n:.1f}; "
          f"status-message edits (and confirmed previews): {result['status_edits']} (stand-in worker progress reports: {result['beats']})")
    (l1, l5, _), (a1, a5, _) = result["load"]
    bench_cpu, bot_cpu, wall = result["cpu"]
    bot_txt = "?" if bot_cpu is None else f"{bot_cpu:.1f} core-s ({bot_cpu / wall:.0%} of a core)"
    print(f"machine: {os.cpu_count()} cores, load average (1/5 min) {l1:.1f}/{l5:.1f} before, {a1:.1f}/{a5:.1f} after; "
          f"over the {wall:.1f} s of flows: bench client (sandbox + users + stand-in worker) "
          f"{bench_cpu:.1f} core-s ({bench_cpu / wall:.0%} of a core), bot {bot_txt}")
    for name, stats in result["profiles"]:
        print(f"profile of the {name}, by own time:")
        print(top_of(stats))
    # the goals
    clean = not failed and not result["problems"] and not result["violations"] and not breaches
    first = [f.times["first response"] for f in flows if "first response" in f.times]
    preview = [f.times[PREVIEW] for f in flows if PREVIEW in f.times]
    if n == 20:
        print(goal("N=20 first response p99", pct(first, 99), 0.200))
        print(goal(f"N=20 {PREVIEW} p50 (was: art → script preview)", pct(preview, 50), 0.300))
    if n == 100:
        print(goal("N=100 every reply to a user's own message p99", pct(own, 99), 1.5))
        overtaken = result["overtaken"]
        held = "?" if overtaken is None else str(overtaken)
        ok = overtaken == 0 and result["status_edits"] > 0
        print(f"goal: N=100 no preview waits behind another user's cosmetic/status updates: replies and previews "
              f"overtaken by them {held} (with {result['status_edits']} status edits going on) — "
              f"{'met' if ok else 'NOT met'}")
    print(f"goal: N={n} nothing lost or duplicated, 0 spec violations, flood limits never exceeded — "
          f"{'met' if clean else 'NOT met'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, nargs="+", default=[20, 50, 100])
    parser.add_argument("--ramp-s", type=float, default=10.0, help="users arrive uniformly over this many seconds")
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-progress", action="store_true", help="no stand-in worker (no status edits)")
    parser.add_argument("--profile", type=Path, default=None, help="run bench and bot under cProfile, stats here")
    args = parser.parse_args()
    if args.profile is not None:
        args.profile.mkdir(parents=True, exist_ok=True)
    print(f"# chat load: {os.cpu_count()} cores, python {sys.version.split()[0]}")
    print(f"# command: {' '.join(['bench/chat_load.py', *sys.argv[1:]])}")
    for n in args.users:
        result = asyncio.run(run(n, args.ramp_s, args.timeout, args.seed, progress=not args.no_progress,
                                 profile_dir=args.profile))
        report(n, args.ramp_s, result)


if __name__ == "__main__":
    main()
