"""The lines a viewer reads and hears, read as a viewer (issue 12): an opening never walks the hero into the
pageant the premise only brings it to later; no "goes right on working" after a win; "dream school" /
梦想的学校 is the school wished for, told as an exam, never a career dream of being a student; a Chinese place
takes its own locative (街上, 舞台上, 海边; never 街头里); a clause that is the time of the next (流浪很久后, 长大后)
never ends a line with 后; a roadside is never told in a bedroom. All on real writer output, one script a case."""

from __future__ import annotations

import re

import pytest

from story.arcchoice import choose_arc
from story.expand import _zh_words
from story.kinds import story_kind
from story.offline import write_offline
from story.premise import analyse
from story.scenefit import fits_scene
from story.script import Script
from story.staged import spine_data

_PAGEANT_ZH = "胖橘猫减肥成功，参加选美比赛惊艳全场"
_PAGEANT_EN = "An ugly pug enters a beauty pageant and glows up"
_UGLY_ZH = "被嘲笑长得丑的土狗参加选美比赛，一路逆袭拿下冠军"


def _lines(script: Script) -> list[str]:
    return [t for s in script.scenes for _, t in s.spoken()]


@pytest.fixture(scope="module")
def scripts() -> dict[str, Script]:
    return {p: write_offline(p, "ginger-cat" if lang == "zh" else "corgi", lang, 1)
            for p, lang in ((_PAGEANT_ZH, "zh"), (_PAGEANT_EN, "en"), (_UGLY_ZH, "zh"))}


@pytest.mark.parametrize(("premise", "said", "place"), [
    (_PAGEANT_ZH, "参加选美比赛", "选美"), (_PAGEANT_EN, "enters a beauty pageant", "pageant")])
def test_the_opening_never_walks_the_hero_into_the_pageant_it_enters_later(
        scripts: dict[str, Script], premise: str, said: str, place: str) -> None:
    lines = _lines(scripts[premise])
    told = next(k for k, t in enumerate(lines) if said in t)
    opening = lines[:min(told, 3)]  # the big day's lead-up just before the clause may name it; the opening not
    assert not [t for t in opening if place in t], opening


@pytest.mark.parametrize("premise", [_PAGEANT_ZH, _PAGEANT_EN])
def test_no_back_to_work_after_a_win_on_stage(scripts: dict[str, Script], premise: str) -> None:
    words = [*spine_data()["ending_at_work"]["zh"], *spine_data()["ending_at_work"]["en"]]
    assert not [t for t in _lines(scripts[premise]) if any(w in t for w in words)]


@pytest.mark.parametrize("premise", ["A shy corgi studies hard to get into her dream school",
                                     "小柴犬努力复习，终于考上了梦想的学校", "小猫考上了梦想中的大学"])
def test_a_dream_school_is_the_school_wished_for_told_as_an_exam(premise: str) -> None:
    a = analyse(premise)
    assert a.dream is None  # no "wants to be a student" career dream
    assert story_kind(a).id == "exam"
    assert choose_arc(a, 1) == "exam_day"


def test_a_dream_job_is_still_a_dream() -> None:
    assert analyse("A pug dreams of going to the moon").dream == "astronaut"
    assert analyse("小狗梦想成为宇航员").dream == "astronaut"


def test_a_chinese_place_takes_its_own_locative(scripts: dict[str, Script]) -> None:
    assert _zh_words("街头里响起一片掌声。") == "街上响起一片掌声。"
    assert _zh_words("离开舞台里很久") == "离开舞台上很久"
    wrong = [w for w in spine_data()["zh_locatives"] if w != "about"]
    for premise in (_PAGEANT_ZH, _UGLY_ZH):
        assert not [t for t in _lines(scripts[premise]) if any(w in t for w in wrong)]


@pytest.mark.parametrize(("premise", "told"), [("小橘猫被主人遗弃在雨里，流浪很久后被好心人收养", "流浪很久"),
                                               ("小猫长大后，成了一名医生", "长大")])
def test_a_time_clause_never_ends_a_line_with_hou(premise: str, told: str) -> None:
    lines = _lines(write_offline(premise, "ginger-cat", "zh", 1))
    assert any(told in t for t in lines)
    assert not [t for t in lines if re.search(r"(?:后|以后|之后)[。！]", t)], lines


def test_a_roadside_is_never_told_in_a_bedroom() -> None:
    assert not fits_scene("球球在路边坐到路灯亮起。", "bedroom", "zh")
    assert not fits_scene("Koda sits on the curb until the lamps come on.", "mansion", "en")
    assert fits_scene("球球在路边坐到路灯亮起。", "street", "zh")


def test_two_premise_beats_said_as_one_never_end_mid_word() -> None:
    """Two neighbouring premise beats merged into one line longer than a line may be keep their whole first
    sentence, never a cut word (the merged line used to be clipped at the character limit)."""
    from story.plan import LINE_MOST
    from story.weave import _merge_premise

    first = "Mango the ginger cat scrubs the windows of the tallest tower in town every single night. " * 2
    second = "Duchess the rich white cat laughs at him from her penthouse balcony with all of her friends."
    beats = [{"slot": "premise", "line": first.strip(), "asks": ["cradle"]},
             {"slot": "premise", "line": second, "asks": ["balcony"]}]
    _merge_premise(beats, "en")  # type: ignore[arg-type]
    assert len(beats) == 1
    line = beats[0]["line"]
    assert len(line) <= LINE_MOST
    assert line == first.strip()  # whole sentences only: the second does not fit
    assert beats[0]["asks"] == ["cradle", "balcony"]  # what the merged beat shows is kept
