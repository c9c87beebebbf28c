"""A premise told in the other language: each clause through its meaning, never a placeholder verb."""

from __future__ import annotations

import re

import pytest

from story.clauses import clauses
from story.lexicon import load_data
from story.offline import write_story
from story.premise import analyse
from story.telling import concepts_of, telling_data
from story.text import FIELD

HAN = re.compile(r"[\u3400-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")
FIELDS = {"actor", "subject", "object", "thing", "a_thing", "the_thing", "place", "the_place", "job", "a_job", "hero"}


def test_telling_data_schema() -> None:
    data = telling_data()
    lex = load_data()
    for key, entry in data["verbs"].items():
        assert re.fullmatch(r"[a-z][a-z_]*", key), key
        assert entry["en"] or entry["zh"], key
        assert all(w == w.lower() and not HAN.search(w) for w in entry["en"]), key
        assert all(HAN.search(w) and not LATIN.search(w) for w in entry["zh"]), key
        for form in ("do", "suffer"):
            if form not in entry:
                continue
            who = "actor" if form == "do" else "subject"
            for lang in ("en", "zh"):
                lines = entry[form][lang]
                assert lines, (key, form, lang)
                for line in lines:
                    assert set(FIELD.findall(line)) <= FIELDS, (key, line)
                    assert "{" + who + "}" in line, (key, line)
                    assert (HAN.search(line) is None) == (lang == "en"), (key, line)
                # the last line needs only who does it (or whom it befalls): a clause is always told
                assert set(FIELD.findall(lines[-1])) <= {who, "actor"} if form == "suffer" else {who}, (key, lines[-1])
    # every vocabulary event and drawable action has a concept: the fallbacks never run dry
    assert set(lex["events"]) <= set(data["events"])
    assert set(lex["actions"]) <= set(data["actions"])
    assert set(data["events"].values()) | set(data["actions"].values()) <= set(data["verbs"])
    for en, zh in data["nouns"]:
        assert en.strip() == en and not HAN.search(en) and HAN.search(zh) and not LATIN.search(zh), (en, zh)
    assert set(data["places"]) <= set(lex["places"])


def _premise_lines(premise: str, language: str, seed: int) -> list[str]:
    """The narration of the script (the premise's clauses are told in it, in order)."""
    script = write_story(premise, None, language, seed).script
    return [s.narration for s in script.scenes]


ENGLISH = ("A lazy pug chef burns the soup, gets fired by a proud siamese, sells dumplings at the night market "
           "and the siamese queues for her dumplings")


@pytest.mark.parametrize("seed", [0, 5])
def test_an_english_premise_told_in_chinese_says_each_clause_by_its_meaning(seed: int) -> None:
    text = "".join(_premise_lines(ENGLISH, "zh", seed))
    assert "行动了" not in text
    assert not LATIN.search(text), text  # no English leaks into the Chinese script
    order = [text.find(w) for w in ("把汤烧糊了", "开除", "在夜市卖饺子", "排队买")]
    assert all(i >= 0 for i in order) and order == sorted(order), text
    assert "巴哥" in text and "暹罗猫" in text  # the cast introduced by what they are


def test_a_chinese_premise_told_in_english_says_each_clause_by_its_meaning() -> None:
    premise = "一只被嫌弃的橘猫在雨夜送外卖，被豪门白猫羞辱，后来开了自己的餐厅，白猫排队来吃饭"
    for seed in (0, 3):
        text = " ".join(_premise_lines(premise, "en", seed))
        assert not HAN.search(text), text
        order = [text.find(w) for w in ("delivers food in the rain", "is humiliated by", "opens a restaurant", "queues up")]
        assert all(i >= 0 for i in order) and order == sorted(order), text


def test_a_chinese_clause_of_two_verbs_tells_both() -> None:
    premise = "奶奶猫卖掉金项圈供孙子读书"  # the sale, then the grandson sent to school by it: two clauses, as
    read = clauses(analyse(premise))  # "sells her gold collar | so her grandson can go to school" (both told)
    assert [[k for k, _ in concepts_of(c, "zh")][:1] for c in read] == [["sell"], ["study"]]
    text = " ".join(_premise_lines(premise, "en", 2))
    assert "sells a gold collar" in text and "studies" in text, text


def test_the_words_of_a_place_are_not_a_verb() -> None:
    """演唱会 holds 唱 and 演唱: the clause's verb is 唱哭, after the place."""
    c = clauses(analyse("黑狗在演唱会上唱哭了所有人"))[0]
    assert concepts_of(c, "zh")[0][0] == "sing_tears"


def test_a_job_is_said_in_the_premises_own_sense() -> None:
    text = " ".join(_premise_lines("一只被抛弃的小狗在街头流浪，被富家狗欺负，最后成了警察", "en", 0))
    assert "police officer" in text and "bullied by" in text, text


def test_a_place_said_as_the_object_is_not_said_again() -> None:
    text = "".join(_premise_lines("two rival dogs fight over the park, then become best friends", "zh", 1))
    assert "为了公园大打出手" in text and "在公园里为了公园" not in text, text


def test_a_noun_holding_a_verb_is_no_verb_and_a_role_said_of_the_pet_is_told() -> None:
    """烤串 (skewers) holds 烤 (bake), 外卖公司 holds 卖 (sell): neither is what the pet does."""
    stall = " ".join(_premise_lines("一只在夜市摆摊卖烤串的柴犬被城管哈士奇赶走，后来它的烤串火遍全城", "en", 1))
    for said in ("sells skewers at the night market", "is chased away by", "skewers take the whole city by storm"):
        assert said in stall, stall
    assert "bakes" not in stall
    boss = " ".join(_premise_lines("外卖员哈士奇在暴雨中送餐迟到，被顾客白猫投诉，后来成了外卖公司的老板", "en", 1))
    assert "becomes the boss of a delivery company." in boss and "sells" not in boss, boss
