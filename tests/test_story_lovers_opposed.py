"""A romance a parent opposes ("a poodle falls in love with a stray but her dad says no"): the dad's clause is felt and
answered by the hero (its sinking heart, its "Please. Just give Biscotti one chance."), never told with a lover's
blush and rehearsed hello given to the dad ("Waffles' ears turn pink", Waffles: "Don't look, don't look...")."""

from __future__ import annotations

import re

import pytest

from story.kinds import kinds_data
from story.offline import write_story


def _romance_lines(lang: str) -> list[str]:
    romance = next(k for k in kinds_data()["kinds"] if k.get("id") == "romance")
    return [line for sec in ("more", "say") for key, pool in romance[sec].items() if key != "opposed"
            for line in pool[lang]]


@pytest.mark.parametrize(("premise", "lang"), [
    ("a poodle falls in love with a stray but her dad says no", "en"),
    ("a kitten has a crush on the neighbour's dog but her dad hates him", "en"),
    ("a corgi and a persian cat fall in love but her father forbids them to meet", "en"),
])
def test_the_parent_who_says_no_is_given_no_lovers_lines(premise: str, lang: str) -> None:
    lines = _romance_lines(lang)
    for seed in range(1, 4):
        script = write_story(premise, None, lang, seed).script
        parent = next(c for c in script.characters if c.id in {"father", "mother", "parents"})
        for scene in script.scenes:
            said = [x.text for x in scene.dialogue if x.speaker == parent.id]
            assert not set(said) & set(lines), (seed, said)
            for line in lines:
                if "{actor}" in line:
                    pattern = re.escape(line).replace(re.escape("{actor}"), re.escape(parent.name)).replace(
                        re.escape("{object}"), r"\S+?")
                    assert not re.search(pattern, scene.narration), (seed, scene.narration)


def test_after_the_no_the_hero_feels_it_and_pleads() -> None:
    premise = "a kitten has a crush on the neighbour's dog but her dad hates him"
    romance = next(k for k in kinds_data()["kinds"] if k.get("id") == "romance")
    opposed = [*romance["more"]["opposed"]["en"], *romance["say"]["opposed"]["en"]]
    heard = 0
    for seed in range(1, 4):
        w = write_story(premise, None, "en", seed)
        hero = w.script.characters[0].name
        beloved = next(c.name for c in w.script.characters if c.id == "neighbour")
        said = " ".join(s.narration + " " + " ".join(x.text for x in s.dialogue) for s in w.script.scenes)
        heard += any(line.replace("{actor}", hero).replace("{object}", beloved) in said for line in opposed)
    assert heard >= 2
