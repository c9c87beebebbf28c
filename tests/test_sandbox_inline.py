"""The sandbox's inline mode (sandbox/inline.py) against the pure state: inline_query updates, the
rules of answerInlineQuery with Telegram's error texts, results posted via the bot into another chat
with a chosen_inline_result, and t.me start links; plus the spec check of cached results."""

from __future__ import annotations

import json
from typing import Any

import pytest

from sandbox.inline import QUERY_TOO_OLD, start_payload
from sandbox.spec import Upload, load_spec
from sandbox.state import ApiError, SandboxState
from tests.fakes.clock import Clock

LINK = "https://t.me/petreel_sandbox_bot?start=remix_abc"


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def state(clock: Clock) -> SandboxState:
    s = SandboxState(123456, clock=clock)
    s.user_send(7, "/start")
    s.updates.clear()
    return s


def a_video(state: SandboxState) -> str:
    return state.store_file("video", Upload("video", "c.mp4", "video/mp4", b"\0" * 64), width=90, height=160).file_id


def cached(file_id: str, result_id: str = "r1", **extra: Any) -> dict[str, Any]:
    markup = {"inline_keyboard": [[{"text": "🎬 Make your own", "url": LINK}]]}
    return {"type": "video", "id": result_id, "video_file_id": file_id, "title": "A cat gets rich",
            "caption": "<b>A cat gets rich</b>", "parse_mode": "HTML", "reply_markup": markup, **extra}


def answer(state: SandboxState, query_id: str, results: list[dict[str, Any]], **extra: object) -> Any:
    return state.call("answerInlineQuery", {"inline_query_id": query_id, "results": json.dumps(results), **extra})


def test_an_inline_query_is_an_update_and_its_answer_is_kept(state: SandboxState) -> None:
    query_id = state.inline.ask(7, "cat")
    (update,) = state.updates
    assert update["inline_query"]["query"] == "cat" and update["inline_query"]["from"]["id"] == 7
    assert answer(state, query_id, [cached(a_video(state))], cache_time=10, is_personal=True) is True
    kept = state.inline.answer_of(query_id)
    assert kept is not None and kept.is_personal and kept.cache_time == 10 and len(kept.results) == 1


@pytest.mark.parametrize("results, error", [
    (lambda f: [cached("BAAC-nope")], "wrong file identifier/HTTP URL specified"),
    (lambda f: [cached(f), cached(f)], "RESULT_ID_DUPLICATE"),
    (lambda f: [cached(f, "x" * 65)], "RESULT_ID_INVALID"),
    (lambda f: [cached(f, str(n)) for n in range(51)], "RESULTS_TOO_MUCH"),
    (lambda f: [cached(f, reply_markup={"inline_keyboard": [[{"text": "go", "url": "ftp://x"}]]})],
     "BUTTON_URL_INVALID"),
])
def test_bad_answers_are_refused_like_telegram(state: SandboxState, results: Any, error: str) -> None:
    query_id = state.inline.ask(7, "")
    with pytest.raises(ApiError, match=error):
        answer(state, query_id, results(a_video(state)))


def test_an_answer_after_ten_seconds_or_twice_is_refused(state: SandboxState, clock: Clock) -> None:
    late = state.inline.ask(7, "")
    clock.now += 10.5
    with pytest.raises(ApiError, match=QUERY_TOO_OLD):
        answer(state, late, [])
    query_id = state.inline.ask(7, "")
    answer(state, query_id, [], button=json.dumps({"text": "Make your first clip", "start_parameter": "inline"}))
    with pytest.raises(ApiError, match=QUERY_TOO_OLD):
        answer(state, query_id, [])
    bad_button = state.inline.ask(7, "")
    with pytest.raises(ApiError, match="START_PARAM_INVALID"):
        answer(state, bad_button, [], button=json.dumps({"text": "go", "start_parameter": "a b"}))


def test_a_chosen_result_is_posted_via_the_bot_into_the_chat_with_someone_else(state: SandboxState) -> None:
    file_id = a_video(state)
    query_id = state.inline.ask(7, "cat")
    answer(state, query_id, [cached(file_id)])
    state.updates.clear()
    with pytest.raises(LookupError):
        state.inline.choose(8, query_id, "r1", 9)  # not the asker's query
    with pytest.raises(LookupError):
        state.inline.choose(7, query_id, "r2", 9)  # no such result
    posted = state.inline.choose(7, query_id, "r1", 9)
    assert state.inline.conversation(9, 7) == [posted]
    assert posted.via_bot == "petreel_sandbox_bot" and posted.file_id == file_id and posted.sender == 7
    assert posted.caption == "A cat gets rich" and posted.entities[0]["type"] == "bold"
    (update,) = state.updates
    chosen = update["chosen_inline_result"]
    assert chosen["result_id"] == "r1" and chosen["query"] == "cat" and chosen["inline_message_id"]
    assert state.chats[7].messages.keys() == {1}  # nothing new in the bot's own chat


def test_start_links_are_read_only_for_this_bot() -> None:
    assert start_payload(LINK, "petreel_sandbox_bot") == "remix_abc"
    assert start_payload("https://t.me/Petreel_Sandbox_Bot?start=ref_x-1", "petreel_sandbox_bot") == "ref_x-1"
    for url in ("https://t.me/other_bot?start=x", "https://example.com/petreel_sandbox_bot?start=x",
                "https://t.me/petreel_sandbox_bot", "https://t.me/petreel_sandbox_bot?start=a%20b"):
        assert start_payload(url, "petreel_sandbox_bot") is None


def test_the_spec_tells_cached_and_linked_video_results_apart() -> None:
    spec = load_spec()
    good = spec.validate("answerInlineQuery", {"inline_query_id": "1", "results": [cached("BAAC")]}, {})
    linked = {"type": "video", "id": "2", "video_url": "https://x/v.mp4", "mime_type": "video/mp4",
              "thumbnail_url": "https://x/t.jpg", "title": "t"}
    assert good == [] and spec.validate("answerInlineQuery", {"inline_query_id": "1", "results": [linked]}, {}) == []
    bad = spec.validate("answerInlineQuery", {"inline_query_id": "1", "results": [{**cached("BAAC"), "oops": 1}]}, {})
    assert bad and "oops" in bad[0]
