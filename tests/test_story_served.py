"""One who mocked the hero and comes to eat at its restaurant or to buy at its shop is served there: the hero hands
over the dish (or the flowers, the bread the scene names) and the mocker, stunned, takes it; never the mocker
eating happily while the hero only stands by. 曾经嘲笑小橘猫的白猫: the deed told before 的, once, is the cat's.
Story tests read real writer output (one script each)."""

from __future__ import annotations

import pytest

from story.clauses import clauses
from story.offline import write_story
from story.premise import analyse


@pytest.mark.parametrize(("premise", "lang", "dish"), [
    ("a white cat who mocked a poor tabby comes to eat at her restaurant", "en", "steaming bowl"),
    ("a rich husky who laughed at a poor corgi comes to buy flowers from her shop", "en", "bouquet of flowers"),
    ("a ginger cat opens a bakery and the poodle who bullied her at school comes to buy bread", "en", "bread"),
    ("曾经嘲笑小橘猫的白猫来她的餐厅吃饭", "zh", "steaming bowl"),
])
def test_a_mocker_who_comes_to_the_heros_place_is_served_there(premise: str, lang: str, dish: str) -> None:
    script = write_story(premise, None, lang, 1).script
    served = [s for s in script.scenes if any(
        a.id == "hero" and a.action == "give" and a.target == "rival" and a.holding == dish for a in s.characters)]
    assert served, [(s.location, [(a.id, a.action, a.target, a.holding) for a in s.characters]) for s in script.scenes]
    guest = next(a for a in served[0].characters if a.id == "rival")
    assert guest.expression == "shocked", guest
    assert not any(a.id == "rival" and a.action == "eat" and a.expression == "happy"
                   for s in script.scenes for a in s.characters)


def test_a_deed_told_once_before_its_de_is_the_pets_after_it() -> None:
    said = clauses(analyse("曾经嘲笑小橘猫的白猫来她的餐厅吃饭"))
    assert (said[0].actor, said[0].obj, said[0].events) == ("rival", "hero", ("mock",)), said[0]


def test_a_thief_in_the_shop_is_never_served() -> None:
    script = write_story("a sneaky raccoon steals bread from a corgi's bakery", None, "en", 1).script
    assert not any(a.id == "hero" and a.action == "give" and a.target not in (None, "hero")
                   and a.holding == "bread" for s in script.scenes for a in s.characters)
