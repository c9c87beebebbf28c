"""A family bond and a revenge are told in their own arcs (story/data/arcs/family_bond.json, payback.json,
chosen by story/kinds.py): a father teaching, a grandma raising, a mother waiting are never sent into a
lost pet's search or a parent's three jobs; a revenge shows the plan and the comeback, never effort
filler or a disaster fixed at work; and no arc line invents photos or a contract the premise never said.
Checked on the offline writer's real scripts."""

from __future__ import annotations

import re

import pytest

from story.arcchoice import choose_arc
from story.arcdata import arcs
from story.claims import Licence
from story.kinds import story_kind
from story.offline import write_story
from story.premise import analyse
from tests.spoken import said, spoken

# events an arc must not invent around these premises (the premise never says them)
INVENTED = ("lost", "missing", "poster", "way home", "contract", "photo", "disaster", "top boss", "proof", "fix",
            "走丢", "迷路", "寻找", "合同", "照片", "大老板", "证据")
EFFORT = ("works hard", "work hard", "day and night", "every coin", "keeps at it", "kept going", "keeps going",
          "wouldn't quit", "night after night", "努力", "拼命", "攒钱", "日夜")


@pytest.mark.parametrize(("premise", "kind", "arc", "own"), [
    ("a father dog teaches his puppy to ride a bike", "family", "family_bond", ("teaches", "bike")),
    ("a grandma cat raises her grandson alone", "family", "family_bond", ("raises", "grandson")),
    ("a mother dog waits for her son to come home from the army", "family", "family_bond", ("army", "son")),
    ("after a long winter in the city, grandma cat comes home to her kittens", "family", "family_bond",
     ("comes home", "kittens")),
    ("狗爸爸教小狗骑自行车", "family", "family_bond", ("自行车",)),
    ("猫奶奶一个人把孙子带大", "family", "family_bond", ("孙子",)),
    ("狗妈妈等着当兵的儿子回家", "family", "family_bond", ("当兵", "回家")),
    ("a cat is humiliated at the wedding and takes revenge", "revenge", "payback", ("humiliated", "revenge")),
    ("the bullied puppy gets back at the bullies", "revenge", "payback", ("bullied", "gets back at")),
    ("在婚礼上被羞辱的猫咪展开了复仇", "revenge", "payback", ("羞辱", "复仇")),
    ("被同学欺负的小狗报复了那些坏蛋", "revenge", "payback", ("欺负", "报复")),
])
def test_family_and_revenge_premises_are_told_in_their_own_arc(premise: str, kind: str, arc: str,
                                                                 own: tuple[str, ...]) -> None:
    analysis = analyse(premise)
    assert story_kind(analysis).id == kind
    for seed in range(3):
        assert choose_arc(analysis, seed) == arc
        written = write_story(premise, None, analysis.language, seed)
        assert written.arc == arc
        lines = spoken(written.script)
        text = " ".join(lines)
        assert all(said(w, text) for w in own), (seed, own, lines)  # the premise's own events are told
        invented = [t for t in lines for w in INVENTED if said(w, t) and not said(w, premise.lower())]
        assert not invented, (seed, invented)
        assert not [t for t in lines for w in EFFORT if said(w, t)], (seed, lines)


def test_a_revenge_shows_its_plan_before_the_comeback() -> None:
    """The middle of a revenge is the plan ("a plan begins to take shape"), told before the premise's revenge."""
    for seed in range(3):
        lines = spoken(write_story("a cat is humiliated at the wedding and takes revenge", None, "en", seed).script)
        plan = next((i for i, t in enumerate(lines) if re.search(r"\bplan\b|not yet|right moment|my turn", t.lower())),
                    None)
        revenge = next(i for i, t in enumerate(lines) if "takes revenge" in t)
        assert plan is not None and plan < revenge, (seed, lines)


def test_a_family_story_ends_in_pride_after_the_teaching() -> None:
    """The teaching is told, then the arc's moment of pride (the premise leaves its ending open)."""
    for seed in range(3):
        lines = spoken(write_story("a father dog teaches his puppy to ride a bike", None, "en", seed).script)
        taught = next(i for i, t in enumerate(lines) if "teaches" in t)
        proud = [i for i, t in enumerate(lines) if re.search(r"proud|look at you|side by side|right here|did you see|"
                                                           r"best feeling|arms", t.lower())]
        assert proud and proud[-1] > taught, (seed, lines)


def test_a_grandma_coming_home_is_no_lost_pet() -> None:
    premise = ("A grandma cat sells her gold necklace to pay for her grandson's school, and years later he comes home "
               "a doctor and buys her a new house")
    assert choose_arc(analyse(premise), 0) != "lost_and_found"


@pytest.mark.parametrize(("premise", "word"), [
    ("A chubby pug is laughed at by the whole school, glows up over the summer and wows everyone", "photo"),
    ("A husky is betrayed by his best friend and wins everything back", "contract"),
    ("哈士奇被最好的朋友背叛，后来夺回了一切", "合同"),
])
def test_arc_lines_never_invent_photos_or_a_contract(premise: str, word: str) -> None:
    assert not Licence(premise).allows(f"the {word} is everywhere")
    assert Licence(f"{premise} and signs a contract, photo in hand").allows(f"the {word}")
    for seed in range(4):
        lines = spoken(write_story(premise, None, analyse(premise).language, seed).script)
        assert not [t for t in lines if said(word, t)], (seed, lines)


def test_family_and_revenge_arcs_are_chosen_by_kind_only() -> None:
    assert arcs()["family_bond"].by_kind and arcs()["payback"].by_kind
    # a teaching without a family word is no family story; a lost puppy's mother is a lost-pet story
    assert story_kind(analyse("An old labrador teaches a clumsy puppy how to swim")).id != "family"
    assert story_kind(analyse("a husky puppy gets lost at the fair and his mother finds him")).id == "lost"


def test_the_one_betrayed_says_the_setback_not_the_betrayer() -> None:
    premise = "a husky is betrayed by his best friend and wins everything back"
    for seed in range(4):
        script = write_story(premise, None, "en", seed).script
        friend = next(c.id for c in script.characters if c.id != script.characters[0].id)
        said_by_friend = [d.text for s in script.scenes for d in s.dialogue if d.speaker == friend]
        assert not [t for t in said_by_friend if re.search(r"try again|what do i do|better|not like this", t.lower())], \
            (seed, said_by_friend)


def test_his_puppy_is_one_puppy_and_her_kittens_a_litter() -> None:
    one = write_story("a father dog teaches his puppy to ride a bike", None, "en", 1).script
    assert [c.look for c in one.characters if "tiny" in c.look] and not [c.look for c in one.characters
                                                                          if "three tiny" in c.look]
    litter = write_story("after a long winter in the city, grandma cat comes home to her kittens", None, "en", 1).script
    assert [c.look for c in litter.characters if c.look.startswith("three tiny") and "kittens" in c.look]
