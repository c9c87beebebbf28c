"""Short-drama premises that used to fall back to a calm arc and lose their drama, each told in its own arc
(story/data/kinds.json, story/data/arcs/*.json): a lottery win (windfall: the last coin, the ticket, the
numbers read out, the riches, the ones who laughed at the door), a stepmother's chores (cinderella: the
floors, the scorn, the tears, the ball, the stepmother stunned), an old pet thrown out (cast_out: the years
at the door, the door shut, the cold, a kindness, a new home) and a wife left for another (wife_returns).
The order the stepmother gives is drawn as the hero doing the chores, the stepmother pointing at it.
Premises here are in no other test."""

from __future__ import annotations

import pytest

from story.arcchoice import choose_arc
from story.clauses import clauses
from story.offline import write_story
from story.premise import analyse
from tests.test_story_genres import _lang, _patterns, _spoken

CASES = [
    ("a poor stray cat wins the lottery and the rich cats who mocked him come begging", "windfall"),
    ("a scruffy dog buys a lottery ticket with his last coin and wins ten million", "windfall"),
    ("the shiba who sells newspapers hits the jackpot", "windfall"),
    ("流浪猫中了彩票，以前嘲笑他的富猫都来巴结他", "windfall"),
    ("穷困的柯基中了五百万大奖", "windfall"),
    ("the stepmother cat makes the kitten do all the chores", "cinderella"),
    ("a wicked stepmother forces the little corgi to scrub floors while her own puppies play", "cinderella"),
    ("后妈让小猫干所有的家务", "cinderella"),
    ("后妈对小柯基很坏，不给她饭吃，她偷偷学画画，最后成了画家", "cinderella"),
    ("an old dog is thrown out by his family because he is too old; a little girl takes him in", "cast_out"),
    ("the family kicks out their old beagle because he can't hunt anymore, and a kind farmer adopts him", "cast_out"),
    ("老狗被主人赶出家门，一个小女孩收留了他", "cast_out"),
    ("a golden retriever is abandoned by her husband for a younger dog and opens a bakery to feed her puppies",
     "wife_returns"),
    ("his wife walks out on the tabby and leaves him with three kittens; he works day and night", "wife_returns"),
]


@pytest.mark.parametrize(("premise", "arc"), CASES)
def test_a_drama_premise_is_told_in_its_own_arc(premise: str, arc: str) -> None:
    assert {choose_arc(analyse(premise), seed) for seed in range(2)} == {arc}


@pytest.mark.parametrize("premise", [p for p, a in CASES if a in {"windfall", "cinderella", "cast_out"}][::2])
def test_its_own_arc_s_lines_are_said(premise: str) -> None:
    arc = choose_arc(analyse(premise), 0)
    own = _patterns(arc, _lang(premise))
    lines = _spoken(write_story(premise, None, _lang(premise), 0).script)
    assert sum(any(p.search(line) for line in lines) for p in own) >= 2, lines


@pytest.mark.parametrize("premise", [
    "a young puppy is thrown out by his owner and a little girl takes him in",  # no old pet: no old pet's story
    "the stepmother cat learns to love the new kitten",  # a stepmother loved is a family's story
])
def test_a_premise_of_another_kind_keeps_its_arc(premise: str) -> None:
    assert choose_arc(analyse(premise), 0) not in {"cast_out", "cinderella"}


@pytest.mark.parametrize(("premise", "words"), [
    ("the stepmother cat makes the kitten do all the chores", "chores"),
    ("a wicked stepmother forces the little corgi to scrub floors", "scrub"),
    ("后妈让小猫干所有的家务", "家务"),
])
def test_an_order_is_drawn_as_the_hero_doing_it_and_the_stepmother_pointing(premise: str, words: str) -> None:
    script = write_story(premise, None, _lang(premise), 0).script
    scene = next(s for s in script.scenes if words in s.narration)
    hero, mother = script.characters[0].id, script.characters[1].id
    acts = {a.id: (a.action, a.target) for a in scene.characters}
    assert acts[hero][0] == "work" and acts[mother] == ("point", hero), acts
    first_wrong = next(i for i, s in enumerate(script.scenes) if any(a.action == "point" for a in s.characters))
    assert first_wrong < len(script.scenes) // 2  # the chores are where the story starts, never after the ball


def test_an_order_in_chinese_is_given_by_the_one_before_rang() -> None:
    told = clauses(analyse("后妈让小猫干所有的家务"))[0]
    assert (told.actor, told.obj, told.passive) == ("rival", "hero", False)
    bitten = clauses(analyse("小猫让狗咬了一口"))[0]  # 让 and its 了 straight after: a passive still
    assert bitten.passive and bitten.obj == "hero"
