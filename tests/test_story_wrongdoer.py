"""A hero who does the wrong thing, and a hero wronged by someone close (story/casting.py, story/kinds.py,
story/sides.json ``answered`` and ``takes``).

* Caught in the act: the first-named pet's own mischief or theft, found out or owned up to, is a misdeed
  told in the owning-up arc (mischief -> caught -> owning up -> forgiven), its doer the hero even when
  greedy ("a greedy puppy eats the cake and a police cat catches him"), never a theft searched for nor
  a calm little day; first-person premises ("my dog ate my homework", 我家狗把我的作业吃了) too.
* Owning up is only ever the doer's: a victim lied about is no one who owns up.
* Betrayal by one close to a hero only a pronoun names ("her best friend dog betrays her", 闺蜜猫背叛了她,
  "his partner takes his food truck"): that one is the hero, the betrayer its relation who wrongs it,
  never the hero and never told as a success.
Real analysis and writer output; pure."""

from __future__ import annotations

import pytest

from story.arcchoice import choose_arc
from story.kinds import story_kind
from story.offline import write_story
from story.premise import analyse
from story.staged import spine_data


@pytest.mark.parametrize(("premise", "species"), [
    ("a hungry cat steals a fish and gets caught by the police dog", "cat"),
    ("a greedy puppy eats the cake and a police cat catches him", "dog"),
    ("a corgi sneaks into the kitchen, eats all the sausages, and the owner finds out", "dog"),
    ("my dog ate my homework", "dog"),
    ("my husky chews up my new shoes and pretends nothing happened", "dog"),
    ("哈士奇把主人的沙发咬坏了，假装什么都没发生", "dog"),
    ("我家狗把我的作业吃了", "dog"),
    ("小猫偷了邻居的鱼，被发现后道歉了", "cat"),
])
def test_a_pet_caught_in_its_own_mischief_is_the_hero_and_owns_up(premise: str, species: str) -> None:
    analysis = analyse(premise)
    hero = analysis.cast[0]
    assert hero.species == species and analysis.wrongdoer is None, [(p.key, p.species) for p in analysis.cast]
    assert story_kind(analysis).id == "misdeed"
    assert choose_arc(analysis, 1) == "owning_up"


def test_a_theft_ending_in_a_catch_is_still_the_robbed_pets_story() -> None:
    analysis = analyse("a greedy fat cat steals fish from a poor old dog at the market and gets caught by the police dog")
    rival = analysis.person("rival")
    assert analysis.cast[0].traits[:1] == ("poor",) and rival is not None and rival.traits[:1] == ("greedy",)
    assert story_kind(analysis).id == "theft"
    # a hero who solves a theft stole nothing: still a theft searched for
    assert story_kind(analyse("a black cat detective solves the case of the stolen crown")).id == "theft"


@pytest.mark.parametrize("premise", [
    "a cat's roommate lies to everyone about her and she loses all her friends",
    "a shy kitten's classmate copies her homework and blames her",
])
def test_owning_up_is_never_told_of_the_one_wronged(premise: str) -> None:
    analysis = analyse(premise)
    assert story_kind(analysis).id != "misdeed"
    assert choose_arc(analysis, 1) != "owning_up"


@pytest.mark.parametrize(("premise", "relation"), [
    ("her best friend dog betrays her", "best_friend"),
    ("her sister dog tells the owner lies about her", "sister"),
    ("his partner takes his food truck", "friend"),
    ("闺蜜猫背叛了她", "best_friend"),
    ("她的妹妹狗在主人面前说她坏话", "sister"),
    ("他的合伙人狗抢走了他的餐车", "friend"),
])
def test_the_one_a_pronoun_names_is_the_hero_its_relation_wrongs(premise: str, relation: str) -> None:
    analysis = analyse(premise)
    hero, *others = analysis.cast
    betrayer = next(p for p in others if p.relation == relation)
    assert hero.relation is None and betrayer.of == "hero" and betrayer.victim == "hero" and betrayer.does_wrong
    assert betrayer.species == hero.species  # drawn as the hero's own kind
    assert not any(p.does_wrong for p in others if p is not betrayer)  # "tells the owner lies": the owner hears
    written = write_story(premise, None, analysis.language, 1)
    first = written.plan.beats[0].line  # the wrong is told as done to the hero, by its name
    names = {c.id: c.name for c in written.plan.cast}
    assert names["hero"] in first and names[betrayer.key] in first, first


def _outcome_lines(name: str, lang: str) -> list[str]:
    pool = spine_data()["more"]["outcome"][lang]
    return [t.replace("{actor}", name) for t in pool if "{actor}" in t and "{" not in t.replace("{actor}", "")]


@pytest.mark.parametrize("premise", ["his partner takes his food truck", "her best friend dog betrays her"])
def test_a_betrayal_is_never_told_as_the_betrayers_success(premise: str) -> None:
    triumph = set(spine_data()["say"]["outcome_hero"]["en"])
    for seed in (1, 2, 3):
        written = write_story(premise, None, "en", seed)
        assert written.arc == "betrayal_comeback", (seed, written.arc)
        betrayer = written.plan.cast[1]
        for beat in written.plan.beats:
            assert not (beat.speaker == betrayer.id and beat.line in triumph), (seed, beat.line)
            assert not any(t in beat.line for t in _outcome_lines(betrayer.name, "en")), (seed, beat.line)
