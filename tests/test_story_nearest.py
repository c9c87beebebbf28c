"""The nearest drawable thing for a premise's words: the mapping data and its lookups."""

from __future__ import annotations

import re
from typing import get_args

import pytest

from story.lexicon import _phrase_forms, load_data, tokenize_en
from story.nearest import SECTIONS, Nearest, abstract_words, load_table, nearest, things
from story.offline import write_story
from story.plan import Substitution
from story.premise import analyse
from story.script import Action

HAN = re.compile(r"[\u3400-\u9fff]")


# -- the data ------------------------------------------------------------------------------------


def test_table_schema() -> None:
    table = load_table()
    lex = load_data()
    assert set(table) == {*SECTIONS, "abstract"}
    for section in SECTIONS:
        for key, entry in table[section].items():
            # the key drawn is the lexicon's (an action may also be the script's default, stand)
            assert key in lex[section] or (section == "actions" and key in get_args(Action)), (section, key)
            assert set(entry) == {"en", "zh"} and (entry["en"] or entry["zh"]), key
            for w in entry["en"]:
                assert w == w.lower().strip() and w and not HAN.search(w) and len(w) <= 40, w
            for w in entry["zh"]:
                assert HAN.search(w) and w.strip() == w, w
    assert set(table["abstract"]) == {"en", "zh"}


def test_no_word_maps_two_ways_or_shadows_the_lexicon() -> None:
    """Within a section every inflected form leads to one key: a mapped word is never one of the
    lexicon's own words of that section, nor an inflection of one for another key, nor mapped to two keys."""
    table = load_table()
    lex = load_data()
    for section in SECTIONS:
        own: dict[tuple[str, ...], str] = {}
        for key, entry in lex[section].items():
            for w in entry["en"]:
                for form in _phrase_forms(tokenize_en(w).words):
                    own[form] = key
        own_words = {w for entry in lex[section].values() for w in entry["en"]}
        own_zh = {w for entry in lex[section].values() for w in entry["zh"]}
        mapped: dict[tuple[str, ...], str] = {}
        for key, entry in table[section].items():
            for w in entry["en"]:
                for form in _phrase_forms(tokenize_en(w).words):
                    assert w not in own_words and own.get(form, key) == key, (section, w, own.get(form))
                    assert mapped.setdefault(form, key) == key, (section, w, mapped[form], key)
            for w in entry["zh"]:
                assert w not in own_zh, (section, w)
        zh = [w for entry in table[section].values() for w in entry["zh"]]
        assert len(zh) == len(set(zh)), section


def test_abstract_words_map_to_nothing() -> None:
    table = load_table()
    abstract = abstract_words()
    assert {"dream", "success", "heart", "life", "梦想", "成功"} <= abstract
    for section in ("props", "places"):  # a verb may still be drawn: hope → think
        for entry in table[section].values():
            assert not abstract & set(entry["en"] + entry["zh"]), section
    for word in ("success", "heart", "life", "future", "courage"):
        for section in ("props", "places"):
            assert nearest(word, section, "en") is None, word
    assert things("she follows her heart and her dream of success in life", "en") == []
    assert things("她追随内心的梦想，渴望成功的人生", "zh") == []


def test_the_table_is_large() -> None:
    table = load_table()
    words = sum(len(e["en"]) + len(e["zh"]) for s in SECTIONS for e in table[s].values())
    assert words >= 600
    assert all(len(table[s]) >= 15 for s in SECTIONS)


# -- lookups -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("phrase", "section", "lang", "used", "exact"), [
    ("yacht", "props", "en", "yacht", True),
    ("a pirate ship", "props", "en", "boat", False),  # a ship, drawn as the pirate ship (a boat's variant)
    ("opens a food truck", "props", "en", "food_stall", False),  # before "truck"
    ("an old truck", "props", "en", "truck", True),  # a truck is drawn as one, not a car
    ("a shiny golden car", "props", "en", "car", True),
    ("trucks", "props", "en", "truck", True),  # plural
    ("an old tractor", "props", "en", "car", False),
    ("diamond necklaces", "props", "en", "necklace", True),
    ("her diamonds", "props", "en", "ring", False),
    ("sipping champagne", "props", "en", "wine", True),  # a glass of wine, no cup of coffee
    ("a gucci purse", "props", "en", "handbag", True),
    ("a lottery ticket", "props", "en", "money", False),  # the phrase before "ticket"
    ("bicycle", "props", "en", "bicycle", True),
    ("a tricycle", "props", "en", "scooter", False),
    ("dumplings", "props", "en", "dumplings", True),  # food drawn as itself
    ("a string of sausages", "props", "en", "sausages", True),
    ("instant noodles", "props", "en", "noodles", False),
    ("a juicy steak", "props", "en", "meat", True),
    ("a sandwich", "props", "en", "bread", False),
    ("sardines", "props", "en", "fish", False),
    ("sails a ship", "props", "en", "boat", True),  # a boat, not a sports car nor a luxury yacht
    ("performs at the circus", "places", "en", "stage", False),  # a ring and a show, not a shop
    ("马戏团", "places", "zh", "stage", False),
    ("a private jet", "props", "en", "plane", True),
    ("香肠", "props", "zh", "sausages", True),
    ("骨头", "props", "zh", "bone", True),
    ("方便面", "props", "zh", "noodles", False),
    ("trays", "props", "en", "tray", True),
    ("makes the front page", "props", "en", "newspaper", True),
    ("a mural", "props", "en", "easel", False),
    ("street market", "places", "en", "market", False),
    ("coffee shop", "places", "en", "restaurant", False),
    ("the boxing ring", "places", "en", "stadium", False),
    ("hotel", "places", "en", "hotel", True),
    ("queued", "actions", "en", "stand", False),  # inflection
    ("spills coffee on the boss", "actions", "en", "spill", True),  # the drink drawn flying at the boss
    ("drenches the rich cat", "actions", "en", "spill", False),
    ("proposes to her", "actions", "en", "kneel", False),
    ("sings at the talent show and goes viral", "actions", "en", "sing", True),
    ("cried", "actions", "en", "cry", True),
    ("托盘", "props", "zh", "tray", True),
    ("盘子", "props", "zh", "tray", False),
    ("耳环", "props", "zh", "necklace", False),
    ("邮轮", "props", "zh", "yacht", False),
    ("烧烤摊", "props", "zh", "food_stall", False),
    ("咖啡馆", "places", "zh", "restaurant", False),
    ("排队", "actions", "zh", "stand", False),
    ("钞票", "props", "zh", "money", True),
])
def test_nearest(phrase: str, section: str, lang: str, used: str, exact: bool) -> None:
    near = nearest(phrase, section, lang)
    assert near == Nearest(section, phrase, used, exact)


def test_nearest_says_none_for_what_it_does_not_know() -> None:
    assert nearest("snowman", "props", "en") is None
    assert nearest("雪人", "props", "zh") is None
    assert nearest("yacht", "actions", "en") is None
    with pytest.raises(ValueError):
        nearest("car", "outfits", "en")


def test_phrases_match_before_the_words_inside_them() -> None:
    assert nearest("gold medal", "props", "en") == Nearest("props", "gold medal", "trophy", False)
    assert nearest("gold", "props", "en") == Nearest("props", "gold", "money", False)
    assert nearest("police car", "props", "en") == Nearest("props", "police car", "car", False)
    # "cooking" is work, "fired" never the stove's flames, "single" never a song
    assert nearest("gets fired", "props", "en") is None
    assert nearest("a single mother", "props", "en") is None


def test_things_names_the_concrete_things_in_order() -> None:
    got = things("The poor cat carries trays of dumplings through the night market to rich customers", "en")
    assert [(n.section, n.wanted, n.used, n.exact) for n in got] == [
        ("props", "trays", "tray", True),
        ("props", "dumplings", "dumplings", True),
        ("places", "night market", "market", True),
        ("props", "customers", "crowd", False),
    ]


def test_things_tells_a_place_from_a_prop_by_the_words_around() -> None:
    got = things("He gives her a ring in the ring", "en")
    assert [(n.section, n.used) for n in got] == [("props", "ring"), ("places", "stadium")]
    got = things("she sells snacks at a stall in the market", "en")
    assert [(n.section, n.used) for n in got] == [("props", "food_bowl"), ("props", "food_stall"), ("places", "market")]
    got = things("she drinks tea in a teahouse", "en")
    assert [(n.section, n.used) for n in got] == [("props", "coffee"), ("places", "restaurant")]


def test_things_in_chinese() -> None:
    got = things("橘猫在夜市开了一家小店，端着托盘给顾客送饺子", "zh")
    assert [(n.section, n.wanted, n.used) for n in got] == [
        ("places", "夜市", "market"), ("places", "小店", "shop"), ("props", "托盘", "tray"),
        ("props", "顾客", "crowd"), ("props", "饺子", "dumplings"),
    ]
    assert [n.exact for n in got] == [True, True, True, False, True]
    got = things("橘猫被富家白猫嘲笑，后来开了一家奶茶店", "zh")  # 富家 and 一家 are not homes
    assert [(n.section, n.wanted, n.used) for n in got] == [("places", "奶茶店", "restaurant")]


def test_a_mapping_that_is_not_exact_is_reported() -> None:
    near = nearest("cruise ship", "props", "en")
    assert near is not None and near.kind == "prop"
    assert str(Substitution.of(2, near)) == "beat 2: prop 'cruise ship' drawn as 'yacht'"
    place = nearest("coffee shop", "places", "en")
    assert place is not None
    assert Substitution.of(1, place) == Substitution(1, "place", "coffee shop", "restaurant")
    hotel = nearest("casino", "places", "en")  # a lexicon place drawn as another location says which
    assert hotel is not None and hotel.exact and Substitution.of(1, hotel).used == "mansion"
    act = nearest("queue", "actions", "en")
    assert act is not None and Substitution.of(3, act) == Substitution(3, "action", "queue", "stand")


@pytest.mark.parametrize("collecting", [True, False])
def test_index_built_once_per_phrase_matches_every_phrase_and_leaves_the_collector_as_it_was(collecting: bool) -> None:
    """The lexicon and the nearest-word index share each phrase's inflected forms (built once) and pause
    the cyclic collector while they fill: the same index as every phrase tokenized and inflected on its
    own, and the collector on again only where it was on."""
    import gc

    from story.lexicon import Lexicon

    data = {"props": {key: dict(entry) for key, entry in load_table()["props"].items()}}
    data["places"] = load_data()["places"]
    was = gc.isenabled()
    try:
        gc.enable() if collecting else gc.disable()
        lex = Lexicon(data)
        assert gc.isenabled() is collecting
    finally:
        gc.enable() if was else gc.disable()
    want: dict[tuple[str, ...], list[tuple[str, str]]] = {}
    for section, entries in data.items():
        for key, entry in entries.items():
            for phrase in entry.get("en", []):
                for form in _phrase_forms(tokenize_en(phrase).words):
                    want.setdefault(form, []).append((section, key))
    assert lex._en == want
    assert lex._max_en == max(len(tokenize_en(p).words) for e in data.values() for v in e.values() for p in v.get("en", []))


@pytest.mark.parametrize(("premise", "seed"), [
    ("a quiet intern dog is bullied by the boss, then exposes him and takes his job", 3),
    ("一只流浪狗在雨夜被餐厅老板赶了出去，后来他成了大厨，开了全城最大的餐厅，当年赶走他的老板来应聘服务员", 3),
])
def test_an_action_drawn_instead_is_reported_in_the_scene_that_tells_it(premise: str, seed: int) -> None:
    """The report names the scene a viewer sees (a dialogue beat shares the scene before it, so the plan's beats
    outnumber the scenes): the action the report says was drawn instead is in that scene's narration."""
    written = write_story(premise, None, analyse(premise).language, seed)
    actions = [s for s in written.substitutions if s.kind == "action"]
    assert actions
    for sub in actions:
        assert sub.scene is not None and str(sub).startswith(f"scene {sub.scene}: ")
        assert sub.wanted in written.script.scenes[sub.scene - 1].narration, (str(sub), sub.beat)
