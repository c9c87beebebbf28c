"""English premises outside the trodden paths, told as typed (issue 12): a pet who cheats, lies or
steals is found out and owns up (story/data/arcs/owning_up.json, the misdeed kind), never a parent's
sacrifice or a way home; a pet named after "by" who adopts, rescues or catches the thief is on the
hero's side (story/sides.py); "the head chef cat" and "the cat's big brother" are the pets told of
before, not new ones; a stolen fish is no polished heirloom (story/data/claims.json's keepsake family);
no line names one pet twice. Every assertion reads the offline writer's real output."""

from __future__ import annotations

import re

import pytest

from story.claims import Licence
from story.linechecks import self_told
from story.offline import write_story
from story.premise import analyse, understood_line
from tests.spoken import said, spoken

SEEDS = range(3)


def _side(premise: str, words: str) -> tuple[str, str]:
    person = next(p for p in analyse(premise).cast if p.words and p.words[0] == words)
    return person.role, person.side


@pytest.mark.parametrize("premise", [
    "a cat cheats in the exam and the teacher dog finds out",
    "a husky cheats at the race by taking a shortcut and is disqualified",
    "a kitten lies to her mother about breaking the vase",
    "a kitten steals a toy from the store and her father makes her return it",
])
def test_a_pets_own_wrong_is_found_out_and_owned_up_to(premise: str) -> None:
    for seed in SEEDS:
        written = write_story(premise, None, "en", seed)
        lines = spoken(written.script)
        assert written.arc == "owning_up", (seed, written.arc)
        assert written.analysis.wrongdoer is None and written.analysis.hero.side == "hero"
        assert not any(said(w, t) for t in lines for w in ("way home", "graduation", "three jobs", "work clothes"))
        assert any(said(w, t) for t in lines for w in ("sorry", "truth", "was wrong", "honest", "never again")), lines


def test_a_teacher_who_finds_out_learns_of_it_and_sets_no_goal() -> None:
    premise = "a cat cheats in the exam and the teacher dog finds out"
    analysis = analyse(premise)
    assert "find" not in analysis.outcomes and _side(premise, "teacher dog") == ("mentor", "hero")
    assert "way home" not in understood_line(analysis, "en")


@pytest.mark.parametrize(("premise", "words", "role"), [
    ("a greedy fat cat steals fish from a poor old dog at the market and gets caught by the police dog",
     "police dog", "friend"),
    ("a stray kitten is adopted by a firefighter dog and becomes a firefighter too", "firefighter dog", "family"),
    ("A tiny kitten shivers in the snow and is adopted by a kind golden retriever", "kind golden retriever", "family"),
])
def test_who_adopts_or_catches_the_thief_is_on_the_heros_side(premise: str, words: str, role: str) -> None:
    assert _side(premise, words) == (role, "hero")
    for seed in SEEDS:
        written = write_story(premise, None, "en", seed)
        assert written.arc != "rescue"  # the hero is the one taken in: it rescues nobody
        assert not any(said(w, t) for t in spoken(written.script) for w in ("cry for help", "collar"))


def test_a_kindness_after_bei_is_on_the_heros_side_too() -> None:
    cast = analyse("小猫被消防员狗收养").cast
    assert [(p.role, p.side) for p in cast] == [("hero", "hero"), ("family", "hero")]


def test_a_stolen_fish_is_no_polished_heirloom_but_a_ring_is_a_keepsake() -> None:
    premise = "a greedy fat cat steals fish from a poor old dog at the market and gets caught by the police dog"
    keepsake = ("polish", "in the family", "shiny", "curly fur", "little box", "memories", "worth more than gold",
                "never replace")
    for seed in SEEDS:
        written = write_story(premise, None, "en", seed)
        assert written.arc == "stolen_treasure" and written.analysis.person("rival").traits[0] == "greedy"
        assert not any(said(w, t) for t in spoken(written.script) for w in keepsake), seed
    assert not Licence(premise).allows("Shiny. And all mine.")
    assert Licence("a greedy poodle steals grandma cat's wedding ring").allows("Shiny. And all mine.")
    assert Licence("贪心的贵宾犬偷走了猫奶奶的结婚戒指").allows("它安安稳稳地躺在小盒子里，闪闪发亮。")
    assert not Licence("贪心的猫在菜市场偷了狗的鱼").allows("它安安稳稳地躺在小盒子里，闪闪发亮。")


@pytest.mark.parametrize(("premise", "cast"), [
    ("a tiny hamster-sized kitten wants to be a chef but the head chef cat laughs at her",
     [("hero", "kitten"), ("rival", "head chef cat")]),
    ("a bully dog pushes a small cat into the mud every day until the cat's big brother shows up",
     [("hero", "small cat"), ("rival", "bully dog"), ("family", "brother")]),
    ("an old cat shares her food with a hungry stray puppy, and years later the puppy saves her from a fire",
     [("hero", "old cat"), ("friend", "puppy")]),
    ("a puppy is bullied at school for his big ears until he wins the singing contest", [("hero", "puppy")]),
    ("a rich cat pretends to be poor to find a true friend", [("hero", "rich cat")]),
])
def test_one_pet_told_of_twice_is_one_pet(premise: str, cast: list[tuple[str, str]]) -> None:
    assert [(p.role, p.words[0]) for p in analyse(premise).cast] == cast


@pytest.mark.parametrize("premise", [
    "a tiny hamster-sized kitten wants to be a chef but the head chef cat laughs at her",
    "a chihuahua dreams of becoming a chef but the head chef laughs at her",
    "a stray kitten is adopted by a firefighter dog and becomes a firefighter too",
    "a kitten steals a toy from the store and her father makes her return it",
])
def test_no_line_names_one_pet_twice_or_dreams_of_becoming_a_pet(premise: str) -> None:
    for seed in range(5):
        script = write_story(premise, None, "en", seed).script
        assert not self_told(spoken(script), [c.name for c in script.characters]), seed  # the title too


def test_the_self_naming_check_finds_each_such_line_once() -> None:
    lines = ["Miso holds Miso close until the shaking stops.", "Pepper wants to be Pepper, a chef.",
             "Miso and Pepper share one umbrella.", "Miso hugs Pepper; Pepper hugs Miso back."]
    assert self_told(lines, ["Miso", "Pepper"]) == lines[:2]
    assert self_told(["When Mr. Bean meets Mr. Bean"], ["Mr. Bean"]) == ["When Mr. Bean meets Mr. Bean"]  # a title


def test_a_parent_who_makes_the_hero_return_it_is_its_own_clause() -> None:
    script = write_story("a kitten steals a toy from the store and her father makes her return it", None, "en", 2).script
    hero, father = (c.name for c in script.characters)
    assert any(f"makes {hero} return it" in t for t in spoken(script)), spoken(script)


def test_sides_data_schema() -> None:
    """story/data/sides.json: per hero-side role, the passive verbs in both languages, each once; the
    misdeeds of one's own, the harms and the kindnesses, in both languages, each once."""
    from story.sides import sides_data

    data = sides_data()
    assert set(data) == {"_about", "kind_by", "own_wrongs", "harms", "kind_to", "takes", "answered", "takers"}
    takers = data["takers"]  # story/takers.py: the taking-in words and the households, both languages
    assert set(takers) == {"_about", "takes_in", "households", "meets", "helped", "home_with"}
    assert set(takers["households"]["say"]) == {"en", "zh"}
    assert all(takers[k][lang] for k in ("takes_in", "households") for lang in ("en", "zh"))
    assert set(takers["meets"]) == {"_about", "family", "friend", "mentor"}  # English only: the finder, the trainer
    assert all(takers[k]["en"] for k in ("helped", "home_with"))
    for phrases in (*(v for k, v in takers["meets"].items() if k != "_about"), takers["helped"]["en"]):
        assert phrases and len(phrases) == len(set(phrases)) and all(w == w.strip().lower() and w.isascii() for w in phrases)
    assert set(data["kind_by"]) <= {"family", "friend", "mentor"}
    assert set(data["answered"]) == {"_about", "caught", "owns_up"}
    words = {"own_wrongs": data["own_wrongs"], "harms": data["harms"], "kind_to": data["kind_to"],
             "takes": {k: v for k, v in data["takes"].items() if k != "_about"},
             "caught": data["answered"]["caught"], "owns_up": data["answered"]["owns_up"]}
    for section in words:
        assert set(words[section]) == {"en", "zh"} and words[section]["en"] and words[section]["zh"], section
        for lang in ("en", "zh"):
            said = words[section][lang]
            assert len(said) == len(set(said)) and all(w == w.strip().lower() for w in said), section
            assert all(bool(re.search(r"[\u3400-\u9fff]", w)) == (lang == "zh") for w in said), section
    seen: set[str] = set()
    for words in data["kind_by"].values():
        assert set(words) == {"en", "zh"} and words["en"] and words["zh"]
        for w in (*words["en"], *words["zh"]):
            assert w == w.strip().lower() and w not in seen, w
            seen.add(w)
        assert not any(re.search(r"[\u3400-\u9fff]", w) for w in words["en"])
        assert all(re.fullmatch(r"[\u3400-\u9fff]+", w) for w in words["zh"])


def test_a_bully_is_named_whole_and_the_cats_big_brother_is_one_relation() -> None:
    premise = "a bully dog pushes a small cat into the mud every day until the cat's big brother shows up"
    for seed in SEEDS:
        script = write_story(premise, None, "en", seed).script
        hero, bully, brother = (next(c.name for c in script.characters if c.id == k)
                                for k in ("hero", "rival", "brother"))
        lines = spoken(script)
        assert any(f"{bully}, a bully dog, pushes {hero}" in t for t in lines), lines
        assert any(f"{brother}, the cat's big brother, shows up" in t for t in lines), lines
