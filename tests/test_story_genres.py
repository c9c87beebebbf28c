"""Family and household dramas, exams and the short-drama tropes (the real and the fake heiress, a bride
married in another's place, a hidden identity shown at a banquet, a mother-in-law, a wronged wife who comes
back, a second life) are told in their own arcs (story/data/kinds.json, story/data/arcs/*.json) and filled
with their own lines, never a template of another story (a little wonder, rags to riches, an underdog's
revenge, a glow-up, a match). Premises here are in no other test."""

from __future__ import annotations

import re

import pytest

from story.arcchoice import choose_arc
from story.arcdata import _read
from story.offline import write_story
from story.premise import analyse
from story.script import Script

CASES = [
    ("a golden retriever family moves to a new house and the puppy misses his old garden", "family_change"),
    ("mom and dad cat get a divorce and the kitten has to live in two homes", "family_change"),
    ("two corgi brothers fight over the last toy until dad dog makes them share", "family_change"),
    ("猫奶奶搬家到城里和孙子一起住", "family_change"),
    ("狗妈妈生了小宝宝，大哥哥小狗吃醋了", "family_change"),
    ("a shiba puppy studies every night for the final exam and passes with top marks", "exam_day"),
    ("小橘猫为了高考每天学习到半夜，最后考上了北京大学", "exam_day"),
    ("a tabby kitten fails her maths exam, studies with grandpa cat, and passes the next time", "exam_day"),
    ("the real heiress cat comes home after twenty years and the fake heiress cat is jealous", "true_heiress"),
    ("真千金猫咪回到豪门，假千金处处陷害她", "true_heiress"),
    ("穷苦的小猫替姐姐嫁给了豪门狗少爷", "stand_in_bride"),
    ("a shy waiter dog is mocked at the family banquet until everyone learns he is the chairman's son",
     "banquet_reveal"),
    ("被看不起的穷女婿柯基在家宴上亮出了真实身份", "banquet_reveal"),
    ("恶婆婆猫天天刁难儿媳妇，儿媳妇最后让婆婆刮目相看", "in_laws"),
    ("a wronged wife cat is thrown out by her husband and comes back five years later as a CEO", "wife_returns"),
    ("被渣男狗抛弃的猫咪重生了，这一次她要改变命运", "second_chance"),
]
TEMPLATES = ("little_wonders", "rags_to_riches", "underdog_revenge", "glow_up", "big_match", "career_dream")
FIELD = re.compile(r"\{[a-z_]+\}")


def _lang(premise: str) -> str:
    return "zh" if re.search(r"[\u4e00-\u9fff]", premise) else "en"


def _patterns(arc_id: str, lang: str) -> list[re.Pattern[str]]:
    """Each line of an arc (its variants and more lines) as a pattern its fields match any words in."""
    out = []
    for beat in _read(arc_id)["beats"]:
        for entry in (*beat["variants"], *beat.get("more", ())):
            parts = [p.strip() for p in FIELD.split(entry[lang]) if p.strip()]
            if sum(map(len, parts)) >= 12 and max(map(len, parts)) >= 8:  # long enough to be that line
                out.append(re.compile(".*".join(map(re.escape, parts))))
    return out


def _spoken(script: Script) -> list[str]:
    return [text for s in script.scenes for _, text in s.spoken()]


@pytest.mark.parametrize(("premise", "arc"), CASES)
def test_a_genre_premise_is_told_in_its_own_arc(premise: str, arc: str) -> None:
    analysis = analyse(premise)
    assert {choose_arc(analysis, seed) for seed in range(3)} == {arc}


@pytest.mark.parametrize(("premise", "arc"), CASES[::3])
def test_its_lines_are_its_own_arc_s_never_a_template_s(premise: str, arc: str) -> None:
    lang = _lang(premise)
    own = _patterns(arc, lang)
    foreign = [p for t in TEMPLATES for p in _patterns(t, lang)]
    for seed in range(2):
        lines = _spoken(write_story(premise, None, lang, seed).script)
        assert any(p.search(line) for p in own for line in lines), (seed, lines)
        assert not [line for line in lines if any(p.search(line) for p in foreign)], seed


@pytest.mark.parametrize(("premise", "kind"), [
    ("a cat cheats in the final exam and the teacher dog finds out", "owning_up"),  # a misdeed, not an exam
    ("a clumsy pug plays in the big football match and scores the winning goal", "big_match"),
])
def test_a_misdeed_or_a_match_keeps_its_arc(premise: str, kind: str) -> None:
    assert choose_arc(analyse(premise), 0) == kind


def test_an_exam_is_staged_at_a_desk_with_its_paper() -> None:
    script = write_story("a shiba puppy studies every night for the final exam and passes with top marks",
                         None, "en", 0).script
    assert all(s.location == "school" for s in script.scenes)
    assert any(a.action == "study" for s in script.scenes for a in s.characters)
