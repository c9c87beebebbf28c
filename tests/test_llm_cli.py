"""``petreel make`` uses the bot's writer: the LLM when ``PETREEL_LLM__*`` is configured.

The acceptance check of the compact plan: with the local OpenAI-compatible twin replying at CPU-model
speed (10 tokens/s), a compact plan is accepted and rendered without falling back.
"""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path

import pytest

from petreel.cli import main
from render.probe import probe
from tests.factories import make_plan
from tests.fakes.openai_server import Reply, ThreadedFakeOpenAI, tokens

CPU_TOKENS_PER_S = 10.0
PREMISE = "a ginger cat window cleaner is mocked by a rich white cat and builds a cleaning company"
TINY = ["--width", "90", "--height", "160", "--fps", "6", "--no-narration"]  # piper: test_render_narrator


def llm_env(monkeypatch: pytest.MonkeyPatch, base_url: str) -> None:
    monkeypatch.setenv("PETREEL_LLM__BASE_URL", base_url)
    monkeypatch.setenv("PETREEL_LLM__API_KEY", "test-key")
    monkeypatch.setenv("PETREEL_LLM__MODEL", "fake-model")


def test_make_renders_a_compact_plan_written_at_cpu_speed(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch,
                                                          caplog: pytest.LogCaptureFixture) -> None:
    plan = json.dumps(make_plan("en"))
    n_tokens = len(tokens(plan))
    assert 200 <= n_tokens <= 400
    out = tmp_path / "clip.mp4"
    with ThreadedFakeOpenAI(tokens_per_s=CPU_TOKENS_PER_S) as server:
        server.queue(Reply.streamed(plan, first_token_s=1.0))
        llm_env(monkeypatch, server.base_url)
        start = time.perf_counter()
        with caplog.at_level(logging.INFO, logger="story"):
            code = main(["make", PREMISE, "--seed", "4", "-o", str(out), *TINY])
        elapsed = time.perf_counter() - start
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "'The Window Cleaner's Comeback'" in captured.out or "The Window Cleaner" in captured.out
    assert [s.finished for s in server.streams] == [True] and len(server.requests) == 1
    messages = [r.getMessage() for r in caplog.records]
    assert not [m for m in messages if "offline writer" in m], messages  # no fallback
    assert any(m.startswith("plan accepted in round 1") for m in messages)
    assert elapsed >= n_tokens / CPU_TOKENS_PER_S  # the stream really came at CPU-model pace
    facts = probe(out)
    assert facts["has_audio"] and 25 <= facts["duration"] <= 70


def test_make_falls_back_to_offline_with_the_reason(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    out = tmp_path / "clip.mp4"
    with ThreadedFakeOpenAI() as server:
        server.default = Reply.streamed("no plan today")
        llm_env(monkeypatch, server.base_url)
        with caplog.at_level(logging.WARNING, logger="story"):
            code = main(["make", PREMISE, "--seed", "4", "-o", str(out), *TINY])
    assert code == 0, capsys.readouterr().err
    assert len(server.requests) == 2  # one plan, one repair round, then offline
    assert any("invalid output after 2 round(s)" in r.getMessage() and "offline writer" in r.getMessage()
               for r in caplog.records)
