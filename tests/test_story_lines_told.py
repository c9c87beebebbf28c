"""Spoken lines that a viewer reads against the premise (issue 12): a calm day is told with its own thing, place and
weather, not a string of idle gestures, and never as days going by; a crowd watching, or a doubter told "I told you I
wouldn't quit", only where the premise has one; a premise that opens with its rescue hears the cry, the peril and
the leap before it, never after the one saved is safe; an avalanche's lines name the snow. Real writer output."""

from __future__ import annotations

import re

import pytest

from story.claims import Licence
from story.kinds import kinds_data
from story.offline import write_story
from story.script import Script


def _lines(script: Script) -> list[tuple[int, str, str]]:
    """(scene index, speaker, sentence) of every narration sentence and dialogue line."""
    out = []
    for i, sc in enumerate(script.scenes):
        out += [(i, "narrator", s) for s in re.split(r"(?<=[.!?。！？])\s*", sc.narration) if s.strip()]
        out += [(i, line.speaker, line.text) for line in sc.dialogue]
    return out


def _template(lines: list[str]) -> re.Pattern[str]:
    def one(t: str) -> str:
        for field in ("{actor}", "{object}"):
            t = t.replace(re.escape(field), r"\S+")
        return "^" + t + "$"
    return re.compile("|".join(one(re.escape(t)) for t in lines))


_GESTURES = {lang: _template(kinds_data()["calm"]["gestures"][lang]) for lang in ("en", "zh")}
_DAYS = {lang: _template(kinds_data()["calm"]["one_day"][lang]) for lang in ("en", "zh")}

_CALM = ["a kitten sees snow for the first time", "a puppy chases a butterfly in the garden",
         "a cat finds a cardboard box and makes it her home", "小猫第一次看到大海"]


@pytest.mark.parametrize("premise", _CALM)
@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_calm_day_has_few_idle_gestures_and_no_days_going_by(premise: str, seed: int) -> None:
    lang = "zh" if re.search(r"[\u4e00-\u9fff]", premise) else "en"
    written = write_story(premise, None, lang, seed)
    assert written.arc == "little_wonders"
    said = [s for _, _, s in _lines(written.script)]
    assert sum(bool(_GESTURES[lang].match(s)) for s in said) <= kinds_data()["calm"]["gestures"]["most"]
    assert not [s for s in said if _DAYS[lang].match(s)]
    told = " ".join(said)
    for wrong in ("stars come out", "smells just like home again", "across the floor", "Nobody saw it happen"):
        assert wrong not in told


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_a_first_snow_is_told_with_the_snow(seed: int) -> None:
    told = " ".join(s for _, _, s in _lines(write_story("a kitten sees snow for the first time", None, "en", seed).script))
    assert len(re.findall(r"\bsnow", told, re.IGNORECASE)) >= 2  # the premise's own line, and more of the snow


def test_crowd_and_doubter_lines_need_the_premise_to_tell_them() -> None:
    alone = Licence("a kitten fails her driving test three times and finally passes")
    assert not alone.allows("\"I told you I wouldn't quit.\"")
    assert not alone.allows("Everyone is watching now.")
    assert not Licence("a dachshund never gives up learning to jump onto the sofa").allows("\"I told you I wouldn't quit.\"")
    assert not Licence("小猫学骑自行车，失败了很多次，终于学会了").allows("“我说过我不会放弃的。”")
    assert not Licence("小猫学骑自行车，终于学会了").allows("这一次，所有人都在看着。")
    mocked = Licence("the other dogs laugh at the slow corgi, but he trains and wins the race")
    assert mocked.allows("\"I told you I wouldn't quit.\"")
    assert mocked.allows("Everyone at the race is watching now.")
    assert Licence("a husky practises singing every day and becomes famous").allows("Everyone is watching now.")
    assert Licence("同学们都嘲笑小猫，可它努力学习考了第一").allows("“我说过我不会放弃的。”")


@pytest.mark.parametrize("premise,seeds", [
    ("a rescue dog digs a hiker out of an avalanche", [1, 2, 3]),
    ("a husky rescues a puppy from a burning house, then the puppy's family adopts him", [1, 2]),
    ("a firefighter dog rescues a kitten from a tree and the kitten grows up to thank him", [1, 2, 3, 4]),
])
def test_a_rescue_the_premise_opens_with_is_built_up_to_before_it(premise: str, seeds: list[int]) -> None:
    resc = next(k for k in kinds_data()["kinds"] if k["id"] == "rescue")
    peril = _template([*resc["more"]["rise"]["en"], *resc["say"]["rise"]["en"]])
    for seed in seeds:
        script = write_story(premise, None, "en", seed).script
        at = next(i for i, sc in enumerate(script.scenes) if re.search(r"\b(rescues|digs)\b", sc.narration))
        after = [s for i, _, s in _lines(script) if i >= at]
        assert not [s for s in after if peril.match(s)]
        for leap in ("One leap, one scramble", "Nearly there. Nearly.", "Closer. Closer.", "Almost there... hold on",
                     "A day like any other. Until it isn't.", "The day starts quietly"):
            assert leap not in " ".join(after)


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_an_avalanche_rescue_names_the_snow(seed: int) -> None:
    script = write_story("a rescue dog digs a hiker out of an avalanche", None, "en", seed).script
    before = " ".join(s for i, _, s in _lines(script) if not re.search(r"avalanche", s))
    assert re.search(r"\bsnow", before, re.IGNORECASE)  # besides the premise's own line
    assert any(sc.weather == "snow" for sc in script.scenes)


def test_the_rescuer_says_anyone_would_have_done_it() -> None:
    for seed in (1, 2, 3, 4):
        script = write_story("a firefighter dog rescues a kitten from a tree and the kitten grows up to thank him",
                             None, "en", seed).script
        hero = script.characters[0].id
        for _, who, text in _lines(script):
            if "Anyone would have done it" in text:
                assert who == hero


def test_the_calm_weather_lines_name_only_their_own_weather() -> None:
    from story.lexicon import lexicon

    for weather, lines in kinds_data()["calm"]["weather"].items():
        if weather == "about":
            continue
        for line in (*lines["en"], *lines["zh"]):
            assert set(lexicon().keys(line, "weathers")) <= {weather}, line
