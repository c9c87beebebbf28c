"""Texts a person reads, as pure functions: waits said in their terms, when allowances come back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from petreel.clock import next_utc_day
from petreel.i18n import duration_text


@pytest.mark.parametrize(
    ("seconds", "en", "zh"),
    [
        (5 * 3600 + 12 * 60 + 59, "5 h 12 min", "5小时12分钟"),
        (12 * 60 + 1, "12 min", "12分钟"),
        (3600, "1 h 0 min", "1小时0分钟"),
        (42, "under a minute", "不到一分钟"),
    ],
)
def test_duration_text(seconds: float, en: str, zh: str) -> None:
    assert duration_text(seconds, "en") == en
    assert duration_text(seconds, "zh-hans") == zh


def test_the_allowance_comes_back_at_the_next_utc_midnight() -> None:
    assert next_utc_day(datetime(2026, 12, 5, 18, 48, tzinfo=UTC)) == datetime(2026, 12, 6, tzinfo=UTC)
    east = timezone(timedelta(hours=8))  # 02:00 in Beijing on the 6th is 18:00 UTC on the 5th
    assert next_utc_day(datetime(2026, 12, 6, 2, 0, tzinfo=east)) == datetime(2026, 12, 6, tzinfo=UTC)
    assert next_utc_day(datetime(2026, 12, 31, 23, 59)) == datetime(2027, 1, 1, tzinfo=UTC)  # naive = UTC


def test_history_dates_never_wrap_and_titles_fit_a_button() -> None:
    from bot.handlers.history import BUTTON_TITLE, shorten
    from petreel.i18n import short_date

    this_year = datetime.now(UTC).year
    when = datetime(this_year, 12, 5, 13, 0, tzinfo=UTC).timestamp()
    assert short_date(when, "en") == "5\u00a0Dec" and " " not in short_date(when, "en")
    assert short_date(when, "zh") == "12月5日"
    assert short_date(datetime(2001, 2, 3, tzinfo=UTC).timestamp(), "en") == "3\u00a0Feb\u00a02001"
    assert shorten("Who's Laughing Now?", BUTTON_TITLE) == "Who's Laughing Now?"
    cut = shorten("From Window Cleaner to Skyscraper Owner", BUTTON_TITLE)
    assert cut == "From Window Cleaner…" and len(cut) <= BUTTON_TITLE
    assert shorten("橘猫的逆袭人生橘猫的逆袭人生橘猫的逆袭人生", 10) == "橘猫的逆袭人生橘猫…"


def test_waits_are_learned_from_recent_renders() -> None:
    from bot.progress import STAGE_WEIGHTS, eta_s, progress_text, queued_text

    assert abs(sum(STAGE_WEIGHTS.values()) - 1.0) < 1e-9
    assert eta_s([]) is None
    assert eta_s([40.0, 60.0], done=0.25) == 37.5  # three quarters of a 50 s render
    assert eta_s([50.0], ahead=3) == 200.0  # three whole renders ahead, this one not started
    assert progress_text("en", "compose", 0.5, []).count("\n") == 1  # nothing learned yet: no estimate
    assert progress_text("en", "compose", 0.5, [100.0]).endswith("⏱ about 40 s left")  # 59 % done
    assert queued_text("en", 2, [120.0]).endswith("⏱ about 6 min left")  # the running one, one queued, itself
    assert queued_text("zh", None, [90.0]).endswith("⏱ 大约还需 2分钟")


def test_the_preview_shows_what_is_said_not_a_dangling_colon() -> None:
    from bot.handlers.script import preview_text, spoken_text
    from story.offline import write_offline

    script = write_offline("a shiba inu becomes a chef, mocked by a rich husky", "shiba", "en", 3)
    for scene in script.scenes:
        said = spoken_text(script, scene)
        assert not said.rstrip().endswith(":"), said  # a line introduced by the narration is shown
        for line in scene.dialogue:
            assert line.text in said
    assert any(scene.dialogue for scene in script.scenes)
    assert "“" in preview_text("en", script)


@pytest.mark.parametrize(
    ("text", "vague"),
    [("hi", True), ("hello there", True), ("test", True), ("make a video", True), ("a cat", True),
     ("你好", True), ("小猫", True), ("a corgi learns to surf", False), ("a corgi surfs", False),
     ("小柯基学冲浪", False), ("A robot explores Mars", False), ("a poor cat named Duchess", False)],
)
def test_greetings_and_bare_pets_are_too_vague_for_a_script(text: str, vague: bool) -> None:
    from story.premise import analyse, is_vague

    assert is_vague(analyse(text)) is vague
