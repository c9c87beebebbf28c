"""The many who mock the hero, named by what they are to it or by what they did: 亲戚们 and "his cousins" (the
relatives), "those who mocked him", 那些嘲笑它的人, and "they" after them. They are the clause's doers, a crowd
outside the cast: laughing at the hero where they mock (the hero never sneers in their place), stunned at the
end (never "Rocky are speechless"); the mocking the end recalls is seen before it."""

from __future__ import annotations

import pytest

from story.clauses import clauses
from story.offline import write_offline
from story.premise import analyse
from story.script import Script

RELATIVES_ZH = "过年的时候亲戚们都笑话小黑狗没出息，后来它开了一家公司，亲戚们都惊呆了"
COUSINS = "his cousins laugh at a clumsy puppy at the family dinner, but he wins the dance contest"
RELATIVES_THEY = "his relatives laugh at a clumsy puppy, but he wins the dance contest and they are speechless"
THOSE = "a poor corgi works hard and becomes a millionaire, and those who mocked him are speechless"
THOSE_ZH = "小黑狗努力工作，后来发财了，那些嘲笑它的人都说不出话了"


def _doers(premise: str) -> list[tuple[str | None, str]]:
    return [(c.actor, c.outsider) for c in clauses(analyse(premise))]


@pytest.mark.parametrize(("premise", "doers"), [
    (RELATIVES_ZH, [(None, "亲戚们"), ("hero", ""), (None, "亲戚们")]),
    (COUSINS, [(None, "his cousins"), ("hero", "")]),
    (RELATIVES_THEY, [(None, "his relatives"), ("hero", ""), (None, "his relatives")]),
    (THOSE, [("hero", ""), ("hero", ""), (None, "those who mocked him")]),
    (THOSE_ZH, [("hero", ""), ("hero", ""), (None, "那些嘲笑它的人")]),
])
def test_the_many_who_mock_are_the_doers_of_their_clauses(premise: str, doers: list[tuple[str | None, str]]) -> None:
    assert _doers(premise) == doers


def test_a_when_phrase_before_the_many_sets_their_clause() -> None:
    first = clauses(analyse(RELATIVES_ZH))[0]
    assert (first.lead, first.text) == ("过年的时候", "亲戚们都笑话小黑狗没出息")


def _jeers(script: Script, who: str) -> list[int]:
    return [k for k, s in enumerate(script.scenes) for a in s.characters
            if a.id == who and a.action in {"laugh", "sneer", "point"} and a.target in (None, "hero")]


@pytest.fixture(scope="module")
def scripts() -> dict[str, Script]:
    return {p: write_offline(p, style, lang, 1) for p, style, lang in [
        (RELATIVES_ZH, "corgi", "zh"), (COUSINS, "golden-retriever", "en"), (THOSE, "corgi", "en"),
        (THOSE_ZH, "corgi", "zh")]}


@pytest.mark.parametrize("premise", [RELATIVES_ZH, COUSINS])
def test_the_hero_never_jeers_in_the_place_of_the_many(scripts: dict[str, Script], premise: str) -> None:
    script = scripts[premise]
    assert not _jeers(script, "hero")
    assert any(p.startswith("laughing crowd") for p in script.scenes[0].props)


@pytest.mark.parametrize("premise", [RELATIVES_ZH, THOSE, THOSE_ZH])
def test_the_many_are_stunned_never_the_hero_nor_laughing_beside_it(scripts: dict[str, Script], premise: str) -> None:
    script = scripts[premise]
    name = script.character("hero").name
    told = "".join(s.narration for s in script.scenes)
    for bad in (f"{name} are speechless", f"{name} mocked", f"{name} those", f"{name}那些", f"{name}亲戚们"):
        assert bad not in told
    stunned = [k for k, s in enumerate(script.scenes) if any(p.startswith("stunned crowd") for p in s.props)]
    assert stunned
    assert not any(p.startswith("laughing crowd") for k in stunned for p in script.scenes[k].props)


@pytest.mark.parametrize("premise", [THOSE, THOSE_ZH])
def test_the_mocking_the_end_recalls_is_seen_before_it(scripts: dict[str, Script], premise: str) -> None:
    script = scripts[premise]
    stunned = next(k for k, s in enumerate(script.scenes) if any(p.startswith("stunned crowd") for p in s.props))
    mocked = [k for k, s in enumerate(script.scenes) if any(p.startswith("laughing crowd") for p in s.props)
              or any(a.action in {"laugh", "sneer", "point"} and a.target == "hero" for a in s.characters)]
    assert mocked and mocked[0] < stunned
