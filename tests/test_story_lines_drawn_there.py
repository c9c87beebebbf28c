"""A scene's lines speak of the place it is drawn at, not of its clause's place drawn elsewhere: a line said after a
premise beat in a scene drawn somewhere else (the fishing day's end curled up at home, the days of work before the
town is saved at the hospital, the practice at home before the talent show) names neither the clause's place nor its
thing ("Tiger could stay at the lake all day" in the bedroom, "Nobody in the town has ever tried so hard" in the
hospital, "Nobody at the talent show has seen anything like it" at home)."""

from __future__ import annotations

import re

import pytest

from story.lexicon import lexicon
from story.offline import write_story
from story.repeats import sentences
from story.script import Script

# a place said as where the many are, or where the one is ("at the lake", "in the town", "the whole school")
_SAID_AT = re.compile(r"\b(?:at|in|on) the ([a-z]+(?: [a-z]+)?)|\bthe whole ([a-z]+(?: [a-z]+)?)", re.IGNORECASE)


def _script(premise: str, seed: int) -> Script:
    return write_story(premise, None, "en", seed).script


def _elsewhere(script: Script, premise: str) -> list[str]:
    """Sentences said in a scene that name a place drawn elsewhere (the premise's own sentence left out)."""
    lex, out = lexicon(), []
    for scene in script.scenes:
        for _who, text in scene.spoken():
            for said in sentences(text):
                if sum(w in said.lower() for w in premise.split() if len(w) > 3) >= 3:
                    continue  # the premise's own sentence, said where its clause is drawn
                for m in _SAID_AT.finditer(said):
                    for hit in lex.find(m.group(0), ["places"]):
                        where = str(lex.entry("places", hit.key)["location"])
                        if where != scene.location:
                            out.append(f"[{scene.location}] {said}")
    return out


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_a_fishing_day_ends_at_home_without_the_lake(seed: int) -> None:
    script = _script("a ginger cat goes fishing at the lake", seed)
    for scene in script.scenes:
        if scene.location != "lake":
            assert "lake" not in scene.narration, (scene.location, scene.narration)
    assert _elsewhere(script, "a ginger cat goes fishing at the lake") == []


@pytest.mark.parametrize(("premise", "seed"), [
    ("an old grey cat doctor saves the town during a flu season", 1),
    ("an old grey cat doctor saves the town during a flu season", 2),
    ("an old grey cat doctor saves the town during a flu season", 3),
    ("a black cat's best friend steals her song and sings it at the talent show", 2),
    ("a skinny stray dog is laughed at by the rich poodles at the dog show until he wins best in show", 2),
    ("a cleaner cat at the hotel finds a lost diamond ring and returns it, and the rich owner gives her a job", 1),
    ("a cleaner cat at the hotel finds a lost diamond ring and returns it, and the rich owner gives her a job", 2),
])
def test_no_line_speaks_of_a_place_drawn_elsewhere(premise: str, seed: int) -> None:
    assert _elsewhere(_script(premise, seed), premise) == []


def test_a_scene_drawn_at_its_clause_place_still_says_it() -> None:
    """The premise's place is still told where it is drawn: the lake's own scenes speak of the lake."""
    script = _script("a ginger cat goes fishing at the lake", 4)
    at_lake = " ".join(s.narration for s in script.scenes if s.location == "lake")
    assert "lake" in at_lake
