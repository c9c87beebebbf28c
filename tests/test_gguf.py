"""Local GGUF mode (``story/gguf.py``): streamed through llama.cpp's in-process route, cancellable on the
deadline (the slot is free for the next request), no TCP listener, the thread-count setting.

Three levels: a pure-Python twin of ``xllamacpp.Server`` (always), a tiny random-weight GGUF model
built in code run by the real ``xllamacpp`` (when the ``local-llm`` extra and ``gguf`` are installed),
and a real model given by ``PETREEL_TEST_GGUF`` (skipped otherwise, with the reason).
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import logging
import os
import stat
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from petreel.settings import LLMSettings
from story.gguf import LocalLlamaWriter
from story.offline import write_offline
from story.writer import OFFLINE, repair_seed, response_format
from tests.factories import make_plan
from tests.fakes.openai_server import tokens

PREMISE = "a poor ginger cat window cleaner is mocked by a rich white cat and builds a cleaning company"
HAVE_XLLAMACPP = importlib.util.find_spec("xllamacpp") is not None and importlib.util.find_spec("gguf") is not None
REAL_GGUF = os.environ.get("PETREEL_TEST_GGUF")


class FakeLlamaServer:
    """Pure-Python twin of ``xllamacpp.Server.handle_chat_completions(body, callback)``: streams each
    scripted reply as chunks to the callback on the calling thread, ``seconds_per_token`` apart, and
    stops when the callback returns True (as llama.cpp does)."""

    def __init__(self, *replies: str, seconds_per_token: float = 0.0) -> None:
        self.replies = list(replies)
        self.seconds_per_token = seconds_per_token
        self.bodies: list[dict[str, Any]] = []
        self.sent: list[int] = []  # tokens sent per request
        self.stopped_by_callback: list[bool] = []
        self.started = threading.Event()
        self.finished = threading.Event()

    def handle_chat_completions(self, body: dict[str, Any], callback: Any = None) -> Any:
        assert body["stream"] is True and callback is not None
        self.bodies.append(body)
        self.finished.clear()
        self.started.set()
        reply = self.replies.pop(0) if self.replies else "{}"
        sent, stopped = 0, False
        try:
            for piece in tokens(reply)[: body["max_tokens"]]:
                if self.seconds_per_token:
                    time.sleep(self.seconds_per_token)  # the twin's own pace, as a CPU model has
                sent += 1
                if callback({"choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}]}):
                    stopped = True
                    return None
            callback({"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
            return None
        finally:
            self.sent.append(sent)
            self.stopped_by_callback.append(stopped)
            self.finished.set()


def settings(**kw: Any) -> LLMSettings:
    values: dict[str, Any] = {"timeout_s": 5.0, "deadline_s": 10.0, "max_tokens": 900}
    values.update(kw)
    return LLMSettings(**values)


async def test_local_writer_streams_with_the_grammar_and_repairs() -> None:
    fake = FakeLlamaServer("<think>plan</think>not json at all", json.dumps(make_plan()))
    writer = LocalLlamaWriter(settings(max_tokens=777), fallback=None, server=fake)
    script = await writer.write(PREMISE, "ginger-cat", "en", 9)
    assert script.title == "The Window Cleaner's Comeback" and script.premise == PREMISE
    first, second = fake.bodies
    assert first["response_format"] == response_format("json_schema") and first["max_tokens"] == 777
    assert (first["seed"], second["seed"]) == (9, repair_seed(9))
    assert len(second["messages"]) == 2 and "not one complete JSON object" in second["messages"][1]["content"]


async def test_local_writer_stops_reading_at_the_end_of_the_plan() -> None:
    fake = FakeLlamaServer(json.dumps(make_plan()) + " and now some chatter" * 30)
    writer = LocalLlamaWriter(settings(), fallback=None, server=fake)
    await writer.write(PREMISE, "ginger-cat", "en", 1)
    assert fake.stopped_by_callback == [True]


async def test_deadline_cancels_the_local_generation_and_frees_the_slot(caplog: pytest.LogCaptureFixture) -> None:
    # ~350 tokens at 20 tokens/s: far longer than the 0.6 s deadline
    fake = FakeLlamaServer(json.dumps(make_plan()), json.dumps(make_plan()), seconds_per_token=0.05)
    writer = LocalLlamaWriter(settings(deadline_s=0.6), fallback=OFFLINE, server=fake)
    start = time.perf_counter()
    with caplog.at_level(logging.WARNING, logger="story"):
        script = await writer.write(PREMISE, "corgi", "en", 3)
    assert script == write_offline(PREMISE, "corgi", "en", 3)
    assert time.perf_counter() - start < 0.6 + 3.0
    assert any("deadline" in r.getMessage() for r in caplog.records)
    assert await asyncio.to_thread(fake.finished.wait, 5)  # the generation thread ended …
    assert fake.stopped_by_callback == [True] and fake.sent[0] < len(tokens(json.dumps(make_plan()))) / 2
    async with asyncio.timeout(5):  # … and the writer knows it
        await writer.idle()
    assert writer.generating == 0
    fake.seconds_per_token = 0.0  # the next request is served at once: the slot is free
    writer.deadline_s = 10.0
    script = await writer.write(PREMISE, "corgi", "en", 4)
    assert script.title == "The Window Cleaner's Comeback"


async def test_silent_local_model_is_given_up(caplog: pytest.LogCaptureFixture) -> None:
    fake = FakeLlamaServer(json.dumps(make_plan()), seconds_per_token=1.0)
    writer = LocalLlamaWriter(settings(timeout_s=0.2), fallback=OFFLINE, server=fake)
    with caplog.at_level(logging.WARNING, logger="story"):
        script = await writer.write(PREMISE, "husky", "en", 2)
    assert script == write_offline(PREMISE, "husky", "en", 2)
    assert any("stalled" in r.getMessage() for r in caplog.records)
    assert await asyncio.to_thread(fake.finished.wait, 5) and fake.stopped_by_callback == [True]


@pytest.mark.parametrize("answer", ["raise", "error-chunk"])
async def test_local_model_failures_fall_back(answer: str, caplog: pytest.LogCaptureFixture) -> None:
    class Broken(FakeLlamaServer):
        def handle_chat_completions(self, body: dict[str, Any], callback: Any = None) -> Any:
            self.bodies.append(body)
            if answer == "raise":
                raise RuntimeError("llama_decode failed")
            callback({"error": {"code": 500, "message": "out of memory"}})
            return None

    fake = Broken()
    with caplog.at_level(logging.WARNING, logger="story"):
        script = await LocalLlamaWriter(settings(), fallback=OFFLINE, server=fake).write(PREMISE, "husky", "en", 3)
    assert script == write_offline(PREMISE, "husky", "en", 3)
    assert len(fake.bodies) == 1 and any("local model failed" in r.getMessage() for r in caplog.records)


async def test_aclose_stops_a_running_generation_and_waits_for_it() -> None:
    fake = FakeLlamaServer(json.dumps(make_plan()), seconds_per_token=0.05)
    writer = LocalLlamaWriter(settings(), fallback=OFFLINE, server=fake)
    task = asyncio.ensure_future(writer.write(PREMISE, "corgi", "en", 3))
    assert await asyncio.to_thread(fake.started.wait, 5)  # the generation is running
    await writer.aclose()
    assert writer.generating == 0 and fake.finished.is_set() and fake.stopped_by_callback == [True]
    script = await task  # the interrupted write still answers, from the offline writer
    assert script == write_offline(PREMISE, "corgi", "en", 3)


async def test_error_after_content_still_judges_the_text() -> None:
    class ParserRefusal(FakeLlamaServer):
        def handle_chat_completions(self, body: dict[str, Any], callback: Any = None) -> Any:
            self.bodies.append(body)
            text = self.replies.pop(0)
            for piece in tokens(text):
                if callback({"choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}]}):
                    return None
            callback({"error": {"code": 500, "message": "output does not match the expected format"}})
            return None

    fake = ParserRefusal("<think>", json.dumps(make_plan()))
    writer = LocalLlamaWriter(settings(), fallback=None, server=fake)
    script = await writer.write(PREMISE, "ginger-cat", "en", 3)  # the first reply is repaired, not fatal
    assert script.title == "The Window Cleaner's Comeback" and len(fake.bodies) == 2


def test_writer_needs_a_model_path() -> None:
    with pytest.raises(ValueError, match="gguf_path"):
        LocalLlamaWriter(LLMSettings())


# -- the real llama.cpp ------------------------------------------------------------------------------


def tcp_listeners_of_this_process() -> set[int]:
    """Ports this process listens on over TCP (IPv4 and IPv6), from /proc."""
    inodes = set()
    for fd in Path("/proc/self/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    ports = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            cols = line.split()
            if cols[3] == "0A" and cols[9] in inodes:  # LISTEN
                ports.add(int(cols[1].rsplit(":", 1)[1], 16))
    return ports


async def run_local(model: Path, caplog: pytest.LogCaptureFixture, **kw: Any) -> tuple[LocalLlamaWriter, Any]:
    before = tcp_listeners_of_this_process()
    writer = LocalLlamaWriter(settings(**kw), fallback=OFFLINE)
    try:
        address = writer.listening_address or ""
        assert address.startswith("unix://"), address
        private = Path(address.removeprefix("unix://")).parent
        assert stat.S_IMODE(private.stat().st_mode) == 0o700  # nobody else can reach the socket
        assert tcp_listeners_of_this_process() == before  # no TCP port was opened
        with caplog.at_level(logging.INFO, logger="story"):
            script = await writer.write(PREMISE, "ginger-cat", "en", 5)
        returned = time.perf_counter()
        async with asyncio.timeout(30):
            await writer.idle()
        # the generation stopped soon after the write returned (at its next token; prompt processing
        # of the byte-level tiny model can take a few seconds on a busy machine)
        assert time.perf_counter() - returned < 10.0
        return writer, script
    finally:
        await writer.aclose()


@pytest.mark.skipif(not HAVE_XLLAMACPP, reason="needs the local-llm extra (xllamacpp) and gguf")
async def test_tiny_gguf_model_runs_in_process_bounded_and_without_a_port(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from tests.tiny_gguf import build_tiny_gguf

    model = build_tiny_gguf(tmp_path / "tiny.gguf")
    start = time.perf_counter()
    writer, script = await run_local(model, caplog, gguf_path=model, gguf_threads=1, gguf_ctx=4096,
                                     deadline_s=3.0, max_tokens=4000)
    # a random model writes no usable plan: the offline writer answers, within the deadline
    assert script == write_offline(PREMISE, "ginger-cat", "en", 5)
    assert writer.last is not None and not writer.last.accepted and writer.last.seconds < 3.0 + 3.0
    assert any("offline writer" in r.getMessage() for r in caplog.records)
    assert time.perf_counter() - start < 30
    assert writer.listening_address is None  # closed


@pytest.mark.skipif(REAL_GGUF is None, reason="set PETREEL_TEST_GGUF=/path/to/model.gguf to run a real local model")
@pytest.mark.skipif(not HAVE_XLLAMACPP, reason="needs the local-llm extra (xllamacpp)")
async def test_real_gguf_model_writes_a_plan(caplog: pytest.LogCaptureFixture) -> None:
    model = Path(str(REAL_GGUF))
    writer, script = await run_local(model, caplog, gguf_path=model, gguf_threads=2, deadline_s=240.0,
                                     timeout_s=120.0)
    assert writer.last is not None
    print(f"\nreal GGUF {model.name}: accepted={writer.last.accepted} rounds={writer.last.rounds} "
          f"seconds={writer.last.seconds:.1f} reason={writer.last.reason}")
    assert script.premise == PREMISE and 6 <= len(script.scenes) <= 10 or script == write_offline(
        PREMISE, "ginger-cat", "en", 5)
    assert writer.last.seconds <= 240.0 + 5.0
