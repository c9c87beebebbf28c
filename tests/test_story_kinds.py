"""A premise's kind of story (story/kinds.py over story/data/kinds.json): a romance, a friendship, a
lost pet, a reunion, a rescue, a theft, a birthday or a match is told in its own arc and filled with
its own lines, never with the effort filler of a striving story ("keeps at it", "saves every coin")
that the premise does not say; a striving premise keeps it. Premises here are in no other test."""

from __future__ import annotations

import re

import pytest

from story.arcchoice import choose_arc
from story.arcdata import ARC_IDS, arcs
from story.kinds import STRIVING_POOLS, kinds_data, story_kind
from story.lexicon import lexicon
from story.offline import write_story
from story.premise import analyse
from story.script import Script
from story.spine import spine_data

HAN = re.compile(r"[\u3400-\u9fff]")
FIELD = re.compile(r"\{([a-z_]+)\}")
POOL_FIELDS = {"actor", "object", "hero", "place", "at_place", "thing"}


def spoken(script: Script) -> list[str]:
    return [text for s in script.scenes for _, text in s.spoken()]


def _check_pool(pool: dict[str, list[str]], where: str) -> None:
    assert set(pool) >= {"en", "zh"} and pool["en"] and pool["zh"], where
    for lang in ("en", "zh"):
        for line in pool[lang]:
            assert set(FIELD.findall(line)) <= POOL_FIELDS, (where, line)
            bare = FIELD.sub("", line)
            assert bool(HAN.search(bare)) == (lang == "zh") and not (lang == "zh" and re.search(r"[A-Za-z]", bare)), \
                (where, line)


def test_kinds_data_schema() -> None:
    data = kinds_data()
    base = spine_data()
    assert set(data["striving"]["events"]) <= set(lexicon().data["events"])
    assert set(data["striving"]["underdog_events"]) <= set(lexicon().data["events"])
    for section in ("more", "say"):
        for key, pool in data["calm"][section].items():
            assert key in base[section], key
            _check_pool(pool, f"calm {section}.{key}")
    _check_pool(data["calm"]["ending"], "calm ending")
    _check_pool(data["calm"]["lead"], "calm lead")
    ids = [k["id"] for k in data["kinds"]]
    assert len(ids) == len(set(ids))
    for k in data["kinds"]:
        assert k["arc"] in ARC_IDS and arcs()[k["arc"]].by_kind or k["arc"] == "lost_and_found", k["id"]
        assert k["words"]["en"] and k["words"]["zh"], k["id"]
        assert all(w == w.lower() for w in (*k["words"]["en"], *k["unless"]["en"])), k["id"]
        assert set(k.get("with", {"en": ["x"], "zh": ["x"]})) == {"en", "zh"}, k["id"]
        assert all(w == w.lower() for w in k.get("with", {}).get("en", ())), k["id"]
        assert set(k["unless_events"]) <= set(lexicon().data["events"]), k["id"]
        for section in ("more", "say"):
            for key, pool in k.get(section, {}).items():
                # "opposed": a lovers' kind's lines after another's "no" (story.weave reads them, Kind.lovers)
                assert key in base[section] or key in {"dream", "opposed"}, (k["id"], key)
                _check_pool(pool, f"{k['id']} {section}.{key}")
        _check_pool(k["ending"], f"{k['id']} ending")
        _check_pool(k["lead"], f"{k['id']} lead")


@pytest.mark.parametrize(("premise", "kind", "strives"), [
    ("a shy tabby cat falls in love with the golden retriever next door and leaves him a flower every morning",
     "romance", False),
    ("a greedy poodle steals grandma cat's wedding ring, and the kitten detective tracks him down", "theft", False),
    ("贪心的贵宾犬偷走了猫奶奶的结婚戒指，小猫侦探把它找了回来", "theft", False),
    ("two lonely cats become best friends at the animal shelter", "friendship", False),
    ("a husky puppy gets lost at the fair and finds his way home", "lost", False),
    ("a brave corgi rescues a kitten stuck in a tree", "rescue", False),
    ("three kittens plan a surprise birthday party for their grandma", "birthday", False),
    ("a clumsy pug plays in the big football match and scores the winning goal", "match", False),
    ("a pug trains every day for the big football match", "match", True),
    ("A robot explores Mars", "striving", True),  # "rob" is no word of "robot"
    ("his best friend betrays him and steals his bakery", "striving", True),  # a business stolen: betrayal
    ("a poor ginger cat is mocked by a rich white cat, works hard, gets rich and shocks them", "striving", True),
    # a teaching with no family word is a master and a pupil (mentor.json: lessons, falls, the pupil's success,
    # the master proud), no calm day of small wonders
    ("An old labrador teaches a clumsy puppy how to swim", "mentor", False),
])
def test_story_kind_reads_the_premise(premise: str, kind: str, strives: bool) -> None:
    got = story_kind(analyse(premise))
    assert (got.id, got.striving) == (kind, strives)


def _effort_lines(lang: str) -> set[str]:
    """The striving pools' lines with their fields blanked, as patterns to find in a script."""
    base = spine_data()
    lines = []
    for section, key in STRIVING_POOLS:
        pool = base[section] if not key else base[section][key]
        lines += pool[lang]
    return {FIELD.sub("", line).strip(" .,!?\"“”。！？") for line in lines if len(FIELD.sub("", line)) > 12}


@pytest.mark.parametrize(("premise", "lang"), [
    ("a shy tabby cat falls in love with the golden retriever next door and leaves him a flower every morning", "en"),
    ("two lonely cats become best friends at the animal shelter", "en"),
    ("a brave corgi rescues a kitten stuck in a tree", "en"),
    ("three kittens plan a surprise birthday party for their grandma", "en"),
    ("一只害羞的狸花猫爱上了隔壁的金毛，每天早上给他送一朵花", "zh"),
])
def test_a_story_not_of_striving_gets_no_effort_filler(premise: str, lang: str) -> None:
    effort = _effort_lines(lang)
    for seed in range(4):
        text = " ".join(spoken(write_story(premise, None, lang, seed).script))
        said = [e for e in effort if e and e in text]
        assert not said, (seed, said)
        assert "train hard" not in text and "Rent is due" not in text and "coins" not in text


def test_a_striving_premise_keeps_its_effort() -> None:
    premise = "a poor ginger cat is mocked by a rich white cat, works hard, gets rich and shocks them"
    effort = _effort_lines("en")
    texts = [" ".join(spoken(write_story(premise, None, "en", seed).script)) for seed in range(4)]
    said = {e for text in texts for e in effort if e in text}
    assert said


def test_a_romance_opens_with_falling_in_love_and_its_arc_ends_it() -> None:
    premise = "a shy tabby cat falls in love with the golden retriever next door and leaves him a flower every morning"
    for seed in range(3):
        w = write_story(premise, None, "en", seed)
        assert w.arc == "romance"
        lines = spoken(w.script)
        love = next(i for i, t in enumerate(lines) if "falls in love" in t)
        flower = next(i for i, t in enumerate(lines) if "leaves him a flower" in t)
        assert love < flower < len(lines) - 1  # the gestures come after the meeting, and the story goes on
        assert not any("Stadium" in s.caption or "wedding" in " ".join(s.props) for s in w.script.scenes)
        assert "ring" not in " ".join(lines)  # falling in love is no wedding


def test_the_theft_of_a_ring_is_told_as_a_theft_and_its_search() -> None:
    premise = "a greedy poodle steals grandma cat's wedding ring, and the kitten detective tracks him down"
    for seed in range(3):
        w = write_story(premise, None, "en", seed)
        assert w.arc == "stolen_treasure"
        text = " ".join(spoken(w.script))
        hero = w.script.characters[0].name
        assert f"grandma cat {hero}'" in text and "wedding ring" in text  # the owner keeps the ring
        assert not any(s.location in {"stadium", "hotel", "wedding"} for s in w.script.scenes)  # no running track, no wedding
        assert "bakery" not in text and "sign" not in text  # no restaurant comeback


@pytest.mark.parametrize(("text", "places", "events"), [
    ("she holds the wedding ring", [], []),
    ("the kitten detective tracks him down", [], []),
    ("he gives her the ring", [], []),
    ("two boxers fight in the ring", ["stadium"], []),
    ("they plan a wedding", ["wedding"], ["marry"]),
])
def test_a_thing_s_name_holds_no_place_nor_event(text: str, places: list[str], events: list[str]) -> None:
    lex = lexicon()
    assert lex.keys(text, "places") == places and lex.keys(text, "events") == events


def test_kind_arcs_are_chosen_by_kind_never_by_score() -> None:
    assert choose_arc(analyse("a corgi loses his restaurant to a greedy husky and wins it back"), 0) == "betrayal_comeback"
    for premise, arc in [("一只哈士奇爱上了隔壁的萨摩耶", "romance"), ("流浪猫在大雪里救了一只小狗", "rescue"),
                         ("勇敢的柯基从洪水里救出了一只小猫", "rescue")]:
        assert {choose_arc(analyse(premise), seed) for seed in range(4)} == {arc}


def test_a_calm_premise_s_arc_keeps_the_story_where_the_premise_puts_it() -> None:
    """A first snow is out in the snow: the calm arc's waking up does not move the story indoors."""
    for seed in range(3):
        scenes = write_story("小柴犬第一次看到雪，兴奋得在雪地里打滚", None, "zh", seed).script.scenes
        snowy = [s for s in scenes if s.weather == "snow"]
        assert snowy and all(s.location != "bedroom" for s in snowy), [(s.location, s.weather) for s in scenes]


def test_leaving_someone_a_thing_is_a_giving_in_either_language() -> None:
    premise = "a shy tabby cat falls in love with the golden retriever next door and leaves him a flower every morning"
    zh = " ".join(spoken(write_story(premise, None, "zh", 0).script))
    assert "头也不回" not in zh and "送" in zh
    scenes = write_story(premise, None, "en", 0).script.scenes
    flower = next(s for s in scenes if "leaves him a flower" in s.narration)
    assert "bouquet of flowers" in flower.props


def test_a_thing_of_two_words_is_its_head_noun_and_a_built_thing_no_business() -> None:
    cake = "a greedy corgi eats the whole wedding cake before the party"
    assert story_kind(analyse(cake)).id == "calm"  # a wedding cake is no romance
    told = " ".join(spoken(write_story(cake, None, "zh", 1).script))
    assert "蛋糕" in told and "婚礼" not in told  # not "尝了一口婚礼"
    sandcastle = "two dogs go on a beach holiday and build the biggest sandcastle"
    assert not story_kind(analyse(sandcastle)).striving
    assert "事业" not in " ".join(spoken(write_story(sandcastle, None, "zh", 1).script))  # no business started
