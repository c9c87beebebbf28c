"""A relative clause that only says who someone is (story/fragments.py, story/clauses.py; issue 12).

"… and the rich fox who mocked her comes to eat there": the fox's deed now is coming to eat; "who
mocked her" names which fox it is. It is no mocking clause of its own (no fox sneering in her cafe),
and the fox is the one who comes, said with who it is. "made fun of" is mocking as "makes fun of" is.
"""

from __future__ import annotations

import pytest

from story.clauses import clauses
from story.offline import write_story
from story.premise import analyse

VISITS = [
    ("a little rabbit who lost her home in a storm opens a carrot cafe and the rich fox who mocked her comes to eat "
     "there", "comes to eat there", "who mocked her"),
    ("a poor corgi opens a bakery and the poodle who laughed at him comes to buy bread", "comes to buy bread",
     "who laughed at him"),
    ("a cat loses her job and opens a cleaning company and the boss who fired her comes begging for a job",
     "comes begging for a job", "who fired her"),
    ("a tabby cat builds a hotel and the siamese who humiliated her asks for a room", "asks for a room",
     "who humiliated her"),
    ("a homeless cat opens a ramen shop and the landlord who kicked her out comes in hungry", "comes in hungry",
     "who kicked her out"),
    ("a corgi becomes a famous singer and the girl who rejected him buys a ticket", "buys a ticket", "who rejected him"),
]


@pytest.mark.parametrize(("premise", "verb", "who"), VISITS)
def test_the_one_named_by_who_does_the_main_verb(premise: str, verb: str, who: str) -> None:
    a = analyse(premise)
    read = clauses(a)
    last = read[-1]
    assert last.verb == verb
    assert last.actor is not None and last.actor != a.hero.key  # the mocker comes, not the hero
    assert last.subject_words.endswith(who)  # said with who it is
    assert not any(c.actor == last.actor and c.events for c in read[:-1])  # no deed of its own before it
    assert [c.actor for c in read[:-1]] == [a.hero.key] * (len(read) - 1)


def test_the_visit_is_told_with_who_it_is() -> None:
    premise, verb, who = VISITS[0]
    told = [t for s in write_story(premise, None, "en", 1).script.scenes for _, t in s.spoken()]
    assert any(verb in t and who in t for t in told)
    assert not any("'s comes" in t for t in told)


@pytest.mark.parametrize(("premise", "verb", "who"), [
    ("an old dog's last wish is to see the sea, so the boy who found him takes him there", "takes him there",
     "who found him"),
    ("an old golden retriever's last wish is to see the snow, so the little girl who adopted him drives him up the "
     "mountain", "drives him up the mountain", "who adopted him"),
])
def test_a_relative_clause_about_the_hero_is_cut_before_the_main_verb(premise: str, verb: str, who: str) -> None:
    """"the girl who adopted him | drives him up the mountain": the main verb after "him" is the girl's deed, said
    with who she is, never run into it ("Waffles, the little girl, adopted Rex drives Rex up the mountain")."""
    last = clauses(analyse(premise))[-1]
    assert last.verb == verb and last.subject_words.endswith(who), (last.verb, last.subject_words)
    told = [t for s in write_story(premise, None, "en", 4).script.scenes for _, t in s.spoken()]
    assert any(who in t and verb in t for t in told), told


def test_a_heros_own_relative_clause_stays_an_event() -> None:
    a = analyse(VISITS[0][0])
    assert clauses(a)[0].verb.startswith("lost her home") and clauses(a)[0].actor == a.hero.key


@pytest.mark.parametrize("premise", [
    "the husky made fun of the little corgi at school",
    "a chubby pug is made fun of by the other dogs and becomes a champion",
    "the poodle pokes fun at the stray cat's dirty fur",
])
def test_made_fun_of_is_mocking(premise: str) -> None:
    a = analyse(premise)
    first = clauses(a)[0]
    assert "mock" in first.events
    assert first.actor not in (None, a.hero.key)


@pytest.mark.parametrize(("premise", "deed"), [
    ("a police dog catches the thief who robbed the bank", "robbed the bank"),
    ("a brave cat finds the burglar who stole the necklace", "stole the necklace"),
])
def test_a_who_after_one_of_no_cast_is_their_deed(premise: str, deed: str) -> None:
    a = analyse(premise)
    last = clauses(a)[-1]
    assert last.text == deed
    assert last.actor is None and last.subject != a.hero.key and last.outsider.startswith("the ")


def test_a_who_after_the_one_the_hero_saves_is_their_deed() -> None:
    """The farmer a beagle saves is cast on its side (story/takers.py: the one a pet helps), the "who" clause his."""
    a = analyse("a beagle saves the farmer who was trapped in the fire")
    farmer = next(p for p in a.cast if p.words == ("farmer",))
    last = clauses(a)[-1]
    assert last.text == "was trapped in the fire"
    assert last.actor == last.subject == farmer.key != a.hero.key and farmer.side == "hero"
