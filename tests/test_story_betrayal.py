"""A wrong done to the hero by another ("her best friend betrays her", "steals his food truck", 好朋友偷走了它的骨头):
the hurt that follows is told of the hero, never of the one who did it ("That night the betrayer sits alone,
staring at the ceiling", the betrayer saying "Now what do I do?"). Real writer output; pure."""

from __future__ import annotations

import pytest

from story.offline import write_offline
from story.staged import spine_data


def _hurt_lines(name: str, lang: str) -> list[str]:
    """The setback's feeling lines as told of ``name``: the templates' fixed words around the name."""
    return [t.replace("{actor}", name) for t in spine_data()["more"]["setback"][lang]
            if "{actor}" in t and "{" not in t.replace("{actor}", "")]


@pytest.mark.parametrize(("premise", "lang"), [
    ("a shy beagle's best friend betrays him and takes his food truck", "en"),
    ("a little white kitten's best friend steals her flower shop", "en"),
    ("a corgi chef's partner cheats him and steals his restaurant", "en"),
    ("小黄狗的好朋友偷走了它的骨头", "zh"),
])
def test_the_hurt_of_a_wrong_done_to_the_hero_is_the_heros(premise: str, lang: str) -> None:
    reactions = set(spine_data()["say"]["setback"][lang])
    told = 0
    for seed in (1, 2, 3):
        script = write_offline(premise, "ginger-cat", lang, seed)
        hero, *others = script.characters
        for scene in script.scenes:
            for doer in others:
                assert not any(h in scene.narration for h in _hurt_lines(doer.name, lang)), (seed, scene.narration)
                assert not any(ln.speaker == doer.id and ln.text in reactions for ln in scene.dialogue), seed
            told += sum(h in scene.narration for h in _hurt_lines(hero.name, lang))
            told += sum(ln.speaker == hero.id and ln.text in reactions for ln in scene.dialogue)
    assert told, "the hero's hurt is told"
