"""The spoken lines (issue 12): narration and dialogue say the premise, in its order, by the right speaker.

A time jump the premise tells ("years later") is told; an unnamed pet the premise describes is introduced with its
description ("takes in Pepper, a shivering stray kitten", never "a shivering stray Pepper, kitten"); a hero coached
by another is the pupil of the master-and-pupil arc (the coach shows, coaches and is proud); no coin payoff before
the business it pays into opens; no triumph line of a doubter, a team or a crowd the premise does not tell; a
family's care or carry is filled with lines of that care, not idle gestures. Real writer output."""

from __future__ import annotations

import re

import pytest

from story.arcs import hero_is_pupil
from story.claims import Licence
from story.clauses import clauses
from story.offline import write_story
from story.premise import analyse
from story.script import Script

# the calm pool's idle gestures: a family's care or carry is told with lines of its own
_IDLE = ("sniffs the air, very carefully", "whiskers twitch, just once", "nose gives a little wriggle", "blinks slowly",
         "head tilts to one side", "ears twitch this way", "A leaf drifts past", "One slip, one tumble",
         "Small days can be the biggest")


def _said(script: Script) -> list[tuple[int, str, str]]:
    """(scene index, speaker, text) of every narration and dialogue line."""
    out = []
    for i, sc in enumerate(script.scenes):
        out.append((i, "narrator", sc.narration))
        out += [(i, line.speaker, line.text) for line in sc.dialogue]
    return out


def _narration(premise: str, seed: int, lang: str = "en") -> str:
    return " ".join(sc.narration for sc in write_story(premise, None, lang, seed).script.scenes)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_years_later_told(seed: int) -> None:
    assert "Years later, " in _narration("years later, the abandoned puppy returns as a famous chef", seed)
    assert "Years later, " in _narration("a kitten is thrown out, and years later he comes back rich", seed)


def test_a_span_inside_a_clause_stays_in_it() -> None:
    said = [c.text for c in clauses(analyse("the puppy leaves home and comes back five years later as a doctor"))]
    assert said[-1] == "comes back five years later as a doctor"
    told = _narration("a corgi leaves his village and returns twenty years later as a rich businessman", 1)
    assert "twenty years later as a rich businessman" in told


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_unnamed_pet_introduced_with_its_description(seed: int) -> None:
    told = _narration("a kind old man takes in a shivering stray kitten", seed)
    assert not re.search(r"stray [A-Z]\w+, kitten", told)
    assert re.search(r"takes in [A-Z]\w+, a shivering stray kitten", told)
    named = _narration("a kind fisherman takes in a shivering stray kitten named Maple", seed)
    assert "takes in a shivering stray kitten named Maple" in named


def test_hero_coached_is_the_pupil() -> None:
    for premise in ("a young cat is coached by an old boxer dog and wins the title",
                    "a little corgi is trained by a retired police dog and becomes a police dog",
                    "a shy puppy learns karate from an old master cat", "小猫跟着老师傅学做面条，最后赢了比赛"):
        a = analyse(premise)
        assert hero_is_pupil(a, clauses(a)), premise
    for premise in ("老狗教小猫抓老鼠", "an old boxer dog coaches a young cat until she wins the title"):
        a = analyse(premise)
        assert not hero_is_pupil(a, clauses(a)), premise


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
@pytest.mark.parametrize("premise", ["a young cat is coached by an old boxer dog and wins the title",
                                     "a little corgi is trained by a retired police dog and becomes a police dog"])
def test_coach_lines_are_the_coachs(premise: str, seed: int) -> None:
    written = write_story(premise, None, "en", seed)
    assert written.arc == "mentor"
    coach = ("Watch me first", "Again. Good. Again", "You don't need me anymore")
    pupil = ("I did it! Did you see", "I can't do it! I'm hopeless")
    hero = written.script.characters[0]
    for _, speaker, text in _said(written.script):
        if any(c in text for c in coach):
            assert speaker != "hero", text
        assert not re.search(rf"\b{hero.name} (?:only says one word|shows \w+ how|steps back)", text), text
        if any(p in text for p in pupil):
            assert speaker == "hero", text


@pytest.mark.parametrize("seed", range(1, 9))
def test_no_coin_payoff_before_the_shop_opens(seed: int) -> None:
    said = _said(write_story("橘猫卖鱼丸攒钱，最后开了自己的店", None, "zh", seed).script)
    opened = next(i for i, _, t in said if "开了自己的店" in t)
    assert not [t for i, _, t in said if i < opened and "投了进去" in t]


@pytest.mark.parametrize("seed", range(1, 9))
def test_no_invented_triumph(seed: int) -> None:
    text = " ".join(t for _, _, t in _said(write_story("years later he comes back rich", None, "en", seed).script))
    for invented in ("everyone who kept going", "wouldn't quit", "We did it"):
        assert invented not in text


def test_triumph_claims_need_the_premise() -> None:
    alone = Licence("a kitten washes dishes and becomes the head chef")
    assert not alone.allows("\"I told you I wouldn't quit.\"")
    assert not alone.allows("\"We did it. We really did it.\"")
    assert Licence("a mocked kitten washes dishes and becomes the head chef").allows("\"I told you I wouldn't quit.\"")
    assert Licence("a kitten and her brother open a bakery").allows("\"We did it. We really did it.\"")
    assert not Licence("小猫洗碗，后来当了大厨").allows("“谢谢大家，真的谢谢。”")
    assert Licence("小猫赢了比赛").allows("“谢谢大家，真的谢谢。”")


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
@pytest.mark.parametrize("premise", ["an old shiba carries his sick grandma to the hospital",
                                     "a golden retriever takes care of his grandpa who cannot walk anymore",
                                     "a lonely old lady adopts a skinny stray puppy named Bean"])
def test_family_care_not_idle_filler(premise: str, seed: int) -> None:
    text = _narration(premise, seed)
    assert not [g for g in _IDLE if g in text]


def test_a_carried_relative_is_a_family_story() -> None:
    # the family's carry to the hospital is its own journey (carry_to_care), never family_bond's milestones
    assert write_story("an old shiba carries his sick grandma to the hospital", None, "en", 1).arc == "carry_to_care"
    assert write_story("a husky gives her old grandpa a piggyback ride", None, "en", 1).arc == "family_bond"
    assert write_story("a cat carries her kitten out of the burning house", None, "en", 1).arc == "rescue"
