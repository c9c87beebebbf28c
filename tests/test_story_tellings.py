"""The English telling: the arc a premise is told in, and lines that fit its story, place and time.

Each class is pinned on the offline writer's real output over several premises.
"""

from __future__ import annotations

import re

import pytest

from story.arcchoice import arc_scores, choose_arc
from story.arcs import plan_story
from story.kinds import story_kind
from story.offline import write_story
from story.premise import analyse

SEEDS = range(5)


# ---------------------------------------------------------------------------------------------
# Arcs that score alike are told apart by what the premise says, never by the seed
# ---------------------------------------------------------------------------------------------

TIES = [
    # a contest won is a talent story, whatever the bullying at school scored
    ("a puppy is bullied at school for his big ears until he wins the singing contest", "career_dream"),
    ("a kitten learns jumping rope and wins the school contest", "career_dream"),
    ("a corgi is mocked by the neighbour's husky for his short legs and wins the agility race", "career_dream"),
    ("A cat who works as a magician is booed off the stage by a jealous poodle, then performs the best show of "
     "her life", "career_dream"),
    # a boss who blames the hero: the underdog answers back
    ("a husky at the factory is blamed by his supervisor for a broken machine and proves he is innocent",
     "underdog_revenge"),
    # the taunts of classmates at school: a glow-up
    ("A shy tabby kitten is teased by her classmates on the first day of school and makes a best friend", "glow_up"),
    # a friendship denied is no reconciliation: the betrayal
    ("a dog steals his best friend's girlfriend and the friend never forgives him", "betrayal_comeback"),
]


@pytest.mark.parametrize(("premise", "arc"), TIES)
def test_tied_arcs_are_told_apart_by_the_premise(premise: str, arc: str) -> None:
    analysis = analyse(premise)
    assert story_kind(analysis).arc is None
    scores = arc_scores(analysis)
    assert sum(s == max(scores.values()) for s in scores.values()) > 1, "the scores tie"
    assert {choose_arc(analysis, seed) for seed in SEEDS} == {arc}


def test_a_premise_the_arcs_do_not_score_is_told_by_its_cue_words() -> None:
    """A premise with no trigger words: its cue words still choose (a street seller chased off, later
    famous: rags to riches), the seed only where it says none."""
    analysis = analyse("一只在夜市摆摊卖烤串的柴犬被城管哈士奇赶走，后来它的烤串火遍全城")
    assert max(arc_scores(analysis).values()) == 0
    assert {choose_arc(analysis, seed) for seed in SEEDS} == {"rags_to_riches"}


# ---------------------------------------------------------------------------------------------
# Lines tied to a setting are said only where the premise's place or job is that setting
# ---------------------------------------------------------------------------------------------

OFFICE_WORDS = re.compile(r"\bcoffee\b|\btop boss\b|\bcardboard box\b|\bdesk\b|\bnicer title\b", re.IGNORECASE)
SCHOOL_WORDS = re.compile(r"\bhead teacher\b|\bclassroom\b|\bcarry my bag\b", re.IGNORECASE)
NOT_OFFICE = [
    "a kitten gives her lunch to a hungry old dog every day, and the old dog turns out to own the school",
    "a dog bus driver is mocked by his passengers, then saves them all when the brakes fail",
    "a grey cat waiter is tripped by a jealous coworker and spills soup on a customer, then becomes head waiter",
    "a shy beagle is bullied by a rich siamese at music school and plays the piano at the grand concert",
    "a poor kitten sells flowers on the street and the rich cat who laughed at her later needs her help",
]


def _told(premise: str, seed: int, arc: str) -> list[str]:
    plan = plan_story(analyse(premise), "ginger-cat", "en", seed, arc)
    return [f"{b.line} {b.visual}" for b in plan.beats]


@pytest.mark.parametrize("premise", NOT_OFFICE)
def test_the_underdogs_office_lines_only_at_the_office(premise: str) -> None:
    lines = [t for seed in range(8) for t in _told(premise, seed, "underdog_revenge")]
    assert not [t for t in lines if OFFICE_WORDS.search(t)]
    if "school" not in premise:
        assert not [t for t in lines if SCHOOL_WORDS.search(t)]


def test_an_office_premise_keeps_its_office_lines_and_the_others_keep_their_variety() -> None:
    """The office's own lines stay where they belong (an intern bullied by the boss); the setting's
    alternatives keep a school's underdog as varied as before."""
    office = [t for seed in range(12) for t in _told("a quiet intern dog is laughed at by a mean coworker at the office", seed, "underdog_revenge")]
    assert [t for t in office if OFFICE_WORDS.search(t)]
    school = [t for seed in range(12) for t in _told("a little cat is laughed at by a mean classmate at school", seed, "underdog_revenge")]
    assert [t for t in school if SCHOOL_WORDS.search(t)]


# ---------------------------------------------------------------------------------------------
# Filler fits the scene's place; one calendar anchor a clip
# ---------------------------------------------------------------------------------------------

INDOORS = {"shop", "stage", "kitchen", "school", "office", "restaurant", "hospital", "bedroom", "mansion"}
OUTDOOR_THINGS = re.compile(r"\b(?:leaf|leaves|breeze|the wind|the sky|stars come out|in the sun)\b", re.IGNORECASE)
INDOOR_THINGS = re.compile(r"\b(?:ceiling|under every bed|tiny bed|a blanket)\b", re.IGNORECASE)
PLACED = [
    "an old ginger cat cleans floors at the mall and his son is ashamed of him until he sees him save a child",
    "a black cat's best friend steals her song and sings it at the talent show",
    "a dog chef's recipe is stolen by his partner who opens a rival restaurant, and he wins the cooking contest",
    "a little cat is teased by her classmates for her stutter until she wins the school poetry contest",
    "a kitten gives her lunch to a hungry old dog every day, and the old dog turns out to own the school",
    "a corgi is mocked by the neighbour's husky for his short legs and wins the agility race",
]


@pytest.mark.parametrize("premise", PLACED)
def test_filler_lines_fit_the_scenes_place(premise: str) -> None:
    wrong = []
    for seed in SEEDS:
        for scene in write_story(premise, None, "en", seed).script.scenes:
            for _, line in scene.spoken():
                indoors = scene.location in INDOORS
                if (OUTDOOR_THINGS if indoors else INDOOR_THINGS).search(line):
                    wrong.append((seed, scene.location, line))
    assert not wrong


CALENDAR = ("That Monday", "Late one Friday", "On payday", "At the start of autumn", "In the middle of a heatwave",
            "On the first day of spring")
TIMED = [
    *PLACED,
    "a lazy dog copies his friend's homework and the friend gets punished",
    "a cleaner cat at the hotel finds a lost diamond ring and returns it, and the rich owner gives her a job",
    "a husky is dumped by his girlfriend for a rich poodle and becomes a famous singer",
    "a poor dog works as a delivery driver to pay for his sick mother's medicine",
]


@pytest.mark.parametrize("premise", TIMED)
def test_one_calendar_anchor_a_clip(premise: str) -> None:
    """"That Monday, …" is not followed by "On the first day of spring, …": a clip names one day or season
    (later ones are said as times of day); the "later" phrases only move on from it."""
    for seed in range(8):
        script = write_story(premise, None, "en", seed).script
        said = " ".join(t for s in script.scenes for _, t in s.spoken())
        assert sum(said.count(w) for w in CALENDAR) <= 1, (seed, [w for w in CALENDAR if w in said])


# ---------------------------------------------------------------------------------------------
# A wrong owned up to: told to the one wronged, where they are, and they answer
# ---------------------------------------------------------------------------------------------

CONFESS = re.compile(r"I'm sorry|It was me|tells the truth|I was wrong", re.IGNORECASE)
OWNED_UP = [  # (premise, the one told, the place it is told at: None where the premise names none)
    ("a lazy dog copies his friend's homework and the friend gets punished", "friend", None),
    ("a cat borrows money from a dog friend and never pays it back", "friend", None),
    ("a kitten lies to her mother about breaking the vase", "mother", "bedroom"),
    ("a cat cheats in the exam and the teacher dog finds out", "mentor", "school"),
    ("a kitten steals a toy from the store and her father makes her return it", "father", "shop"),
]


@pytest.mark.parametrize(("premise", "wronged", "place"), OWNED_UP)
def test_the_truth_is_told_to_the_one_wronged_where_it_is_and_it_answers(premise: str, wronged: str,
                                                                         place: str | None) -> None:
    for seed in SEEDS:
        written = write_story(premise, None, "en", seed)
        assert written.arc == "owning_up"
        scenes = written.script.scenes
        told = next(i for i, s in enumerate(scenes) if any(CONFESS.search(t) for _, t in s.spoken()))
        confession = scenes[told]
        assert wronged in {a.id for a in confession.characters}, (seed, confession.narration)
        seen = {s.location for s in scenes[:told] if wronged in {a.id for a in s.characters}}
        assert confession.location == place if place else confession.location in seen, (seed, confession.location)
        name = next(c.name for c in written.script.characters if c.id == wronged)
        answers = [t for s in scenes[told:] for who, t in s.spoken()
                   if who == wronged or (t.startswith(name) and not CONFESS.search(t))]
        assert answers, seed


GUILTY = ("Nobody saw", "What have I done", "It was only once")


@pytest.mark.parametrize("premise", ["a cat cheats in the exam and the teacher dog finds out",
                                     "a kitten steals a toy from the store and her father makes her return it"])
def test_the_guilty_lines_are_the_heros_whoever_finds_out(premise: str) -> None:
    for seed in range(8):
        script = write_story(premise, None, "en", seed).script
        assert not [(who, t) for s in script.scenes for who, t in s.spoken()
                    if who not in {"hero", "narrator"} and t.strip('"').startswith(GUILTY)], seed


def _strings(node: object) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [x for v in node.values() for x in _strings(v)]
    if isinstance(node, list):
        return [x for v in node for x in _strings(v)]
    return []


def test_no_line_of_the_arcs_or_pools_reads_a_body_or_a_crowd_as_a_home() -> None:
    """"ears flat" is no flat to live in, "the room goes quiet" no bedroom: a line or note that said it
    moved its scene to a home (the owning-up told at home, the underdog's stand in a bedroom)."""
    from story.arcdata import ARC_IDS, _read
    from story.datafiles import read_json
    from story.lexicon import lexicon

    texts = [t for a in ARC_IDS for b in _read(a)["beats"] for t in _strings(b)]
    texts += _strings(read_json("spine.json")["more"]) + _strings(read_json("spine.json")["say"])
    texts += _strings([{k: v for k, v in kind.items() if k in {"more", "say", "ending", "lead"}}
                       for kind in read_json("kinds.json")["kinds"]])
    homes = [t for t in texts for h in lexicon().find(t, ["places"]) if h.surface in {"flat", "room"}
             and not re.search(r"\b(?:tiny|back|little|rented|cosy|family's|\}'s) room\b", t)]
    assert homes == []
