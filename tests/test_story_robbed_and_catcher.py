"""The one robbed is told apart from the one who catches the thief: in "an old cat is robbed by a thief, and a police
dog catches him" the one caught ("him") is the thief outside the cast, never the old cat who was robbed (story/clauses.py
``_CATCHES`` after a theft said in the passive), so the police dog never catches nor chases the victim on screen.
Checked on the premise reading and the offline writer's real scripts."""

from __future__ import annotations

import pytest

from story.clauses import clauses
from story.offline import write_story
from story.premise import analyse

ROBBED_THEN_CAUGHT = [
    "an old cat is robbed by a thief, and a police dog catches him",
    "a kitten's fish is stolen by a thief and a police dog chases him down",
    "a granny cat gets robbed on the street, and a brave shiba grabs him",
]


@pytest.mark.parametrize("premise", ROBBED_THEN_CAUGHT)
def test_the_one_caught_is_the_thief_not_the_one_robbed(premise: str) -> None:
    a = analyse(premise)
    caught = clauses(a)[-1]
    assert caught.actor not in (None, a.hero.key) and caught.obj is None, (caught.actor, caught.obj)
    for seed in range(3):
        script = write_story(premise, None, "en", seed).script
        victim = script.characters[0].id
        chased = [(s.narration, c.action) for s in script.scenes for c in s.characters
                  if c.target == victim and c.action in {"catch", "chase", "grab", "pin"}]
        assert not chased, (seed, chased)


def test_a_pronoun_after_another_wrong_is_still_the_one_named() -> None:
    a = analyse("the rich poodle laughs at the corgi, and the corgi catches him")
    assert clauses(a)[-1].obj == "rival"
