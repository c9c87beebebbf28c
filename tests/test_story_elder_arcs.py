"""A family's and an elder's stories are told as what they are (issue 12): a young one working to pay for a
relative's cure is the worker, the relative the one ill (never a parent's sacrifice for a child's schooling, the
relative studying); an old one whose young never visit or no longer want it is left alone and visited at last; two
old ones who have only each other grow old together (never a lazy day, never an underdog's revenge on its own young)."""

from __future__ import annotations

import pytest

from story.kinds import story_kind
from story.offline import write_story
from story.premise import analyse


def _said(script: object) -> str:
    return " ".join(" ".join([s.narration, *(ln.text for ln in s.dialogue)])  # type: ignore[attr-defined]
                    for s in script.scenes)  # type: ignore[attr-defined]


@pytest.mark.parametrize(("premise", "lang"), [
    ("a kitten works 3 jobs to pay for her mom's surgery", "en"),
    ("a puppy delivers food every night to pay his dad's hospital bills", "en"),
    ("小狗为了给妈妈治病去打工", "zh"),
    ("小猫打两份工给奶奶凑手术费", "zh"),
])
def test_a_young_one_working_for_a_relative_s_cure_is_the_worker(premise: str, lang: str) -> None:
    for seed in (1, 2):
        written = write_story(premise, None, lang, seed)
        assert written.arc == "for_family", premise
        said = _said(written.script)
        assert "graduat" not in said and "毕业" not in said and "study" not in said and "读书" not in said, said
        hero = written.script.characters[0].id
        doings = {(a.id, a.action) for s in written.script.scenes for a in s.characters}
        assert (hero, "work") in doings, doings  # the young one works; the relative never studies nor works
        assert not {(i, act) for i, act in doings if i != hero and act in {"work", "study"}}, doings


@pytest.mark.parametrize(("premise", "lang"), [
    ("cat mom gets old and her kittens never visit", "en"),
    ("an old grandpa dog lives alone because his puppies never call", "en"),
    ("老猫被子女嫌弃", "zh"),
    ("狗爸爸老了，孩子们从不回家看它", "zh"),
])
def test_an_elder_left_alone_is_its_own_story(premise: str, lang: str) -> None:
    for seed in (1, 2):
        written = write_story(premise, None, lang, seed)
        assert written.arc == "lonely_elder", premise
        said = _said(written.script)
        assert "yawn" not in said and "哈欠" not in said, said


@pytest.mark.parametrize(("premise", "lang"), [
    ("an old dog and his old owner grow old together", "en"),
    ("猫奶奶和她的老狗相依为命", "zh"),
    ("爷爷和老猫相依为命", "zh"),
])
def test_two_old_companions_grow_old_together(premise: str, lang: str) -> None:
    for seed in (1, 2):
        written = write_story(premise, None, lang, seed)
        assert written.arc == "old_companions", premise
        said = _said(written.script)
        assert "yawn" not in said and "哈欠" not in said, said
        assert len(written.script.characters) == 2, written.script.characters  # no one invented beside the two


@pytest.mark.parametrize("premise", [
    "a lonely kitten finds a new friend at school",
    "a vet does surgery on a puppy",
    "a stray cat and a stray dog rely on each other",
    "被老板嫌弃的小狗",
])
def test_other_stories_keep_their_kind(premise: str) -> None:
    assert story_kind(analyse(premise)).id not in {"for_family", "lonely_elder", "old_companions"}
