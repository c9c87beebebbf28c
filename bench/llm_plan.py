"""Time to an accepted plan through the local OpenAI-compatible twin at CPU-model speed.

    PYTHONPATH=. python bench/llm_plan.py [--rate 10] [--prefill 2.0]

The twin (tests/fakes/openai_server.py) streams BPE-sized tokens at --rate tokens/s after --prefill
seconds of "prompt processing". Cases: a compact English plan, a compact Chinese plan, a plan
followed by chatter (reading stops at the end of the JSON), a repetition loop then a good plan
(the loop is cut early, one repair round), and a degenerate plan twice (offline fallback). Prints
seconds, rounds, tokens streamed vs. the reply's length, and the outcome, all measured in one run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from petreel.settings import LLMSettings  # noqa: E402
from story.llm import LLMWriter  # noqa: E402
from tests.factories import make_plan  # noqa: E402
from tests.fakes.openai_server import FakeOpenAI, Reply, tokens  # noqa: E402

PREMISE = "a ginger cat window cleaner is mocked by a rich white cat and builds a cleaning company"


def cases() -> list[tuple[str, str, list[str]]]:
    en, zh = json.dumps(make_plan("en")), json.dumps(make_plan("zh"), ensure_ascii=False)
    same = make_plan("en")
    for beat in same["beats"]:
        beat["line"] = same["beats"][0]["line"]
    loop = '{"title": "The Cat", "cast": [{"id": "hero", "name": "' + "Ginger Ginger " * 300
    return [
        ("compact plan (en)", "en", [en]),
        ("compact plan (zh)", "zh", [zh]),
        ("plan + chatter (en)", "en", [en + " I hope you like this story!" * 20]),
        ("loop, then plan (en)", "en", [loop, en]),
        ("degenerate twice (en)", "en", [json.dumps(same), json.dumps(same)]),
    ]


async def main(rate: float, prefill: float) -> None:
    print(f"twin at {rate:g} tokens/s, {prefill:g} s before the first token; deadline 120 s")
    print(f"{'case':24} {'seconds':>8} {'rounds':>6} {'streamed':>9} {'written':>8}  outcome")
    for name, lang, replies in cases():
        async with FakeOpenAI(tokens_per_s=rate) as server:
            server.queue(*(Reply.streamed(r, first_token_s=prefill) for r in replies))
            settings = LLMSettings(base_url=server.base_url, api_key="k", model="m")
            async with LLMWriter(settings) as writer:
                start = time.perf_counter()
                await writer.write(PREMISE, "ginger-cat", lang, 7)
                seconds = time.perf_counter() - start
            await server.wait_streams_closed()
            last = writer.last
            assert last is not None
            streamed = sum(s.tokens_sent for s in server.streams)
            written = sum(len(tokens(r)) for r in replies[: len(server.streams)])
            outcome = "accepted" if last.accepted else f"offline: {(last.reason or '')[:60]}"
            print(f"{name:24} {seconds:8.1f} {last.rounds:6d} {streamed:9d} {written:8d}  {outcome}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=10.0)
    parser.add_argument("--prefill", type=float, default=2.0)
    args = parser.parse_args()
    asyncio.run(main(args.rate, args.prefill))
