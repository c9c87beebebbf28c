"""A party, a wedding or a show on TV that is only part of the story, and a thing dropped or spilt by mishap
(issue 12): "a clumsy beagle waiter drops a cake on a rich poodle at her birthday party, gets fired, then wins a
baking show on TV" was told as a surprise party (the word "birthday"), at a resort then a mansion the whole clip,
the baking show no place of its own, the cake drawn as a shove and the title "Duke's Big Secret". Now a party or a
wedding that is only where a mishap happens leaves the arc to what comes of it, the show on TV is a studio on the
stage, the thing is spilt (drawn tumbling onto whom it falls on, else the floor) and the title names the mishap.
Premises here are in no other test."""

from __future__ import annotations

import pytest

from story.drawings import DROP, own_drawings, spilt_thing
from story.kinds import mishap_titles, story_kind
from story.lexicon import lexicon
from story.offline import write_story
from story.premise import analyse
from story.script import Scene

BEAGLE = ("a clumsy beagle waiter drops a cake on a rich poodle at her birthday party, gets fired, then wins a baking "
          "show on TV")
_LANG = {True: "en", False: "zh"}


def _written(premise: str, seed: int = 1):  # type: ignore[no-untyped-def]
    return write_story(premise, None, _LANG[premise.isascii()], seed)


@pytest.mark.parametrize("premise", [
    BEAGLE,
    "一只笨手笨脚的小猫在生日派对上把蛋糕打翻了，被老板开除，后来上电视参加厨艺比赛拿了冠军",
    "一只小狗在老板的生日派对上把咖啡洒在老板身上，被开除了，后来在电视厨艺大赛上夺冠",
    "a tabby cat spills juice on the bride at a wedding party, runs away crying, then becomes a famous singer on a "
    "TV talent show",
])
@pytest.mark.parametrize("seed", [1, 6])
def test_a_party_or_wedding_that_only_sets_a_mishap_is_no_celebration_nor_romance(premise: str, seed: int) -> None:
    """The birthday party the cake is dropped at, the wedding the juice is spilt at: told as what comes of it (the
    firing, the comeback on TV), never as a surprise party nor a love story."""
    written = _written(premise, seed)
    assert written.arc not in ("celebration", "romance"), written.arc
    assert story_kind(analyse(premise)).id not in ("birthday", "romance")


@pytest.mark.parametrize(("premise", "kind"), [
    ("a kitten plans a surprise birthday party for grandma", "birthday"),
    ("a puppy drops the cake at grandma's birthday party, then bakes her a new one", "birthday"),
    ("a lonely beagle falls in love with the poodle at the wedding", "romance"),
])
def test_a_party_that_is_the_story_keeps_its_kind(premise: str, kind: str) -> None:
    """A surprise party, a cake dropped and baked again for grandma's birthday, a love at a wedding: their own
    stories still (no firing, mocking or win comes of the mishap)."""
    assert story_kind(analyse(premise)).id == kind


@pytest.mark.parametrize(("text", "thing"), [
    ("drops a cake on a rich poodle", "cake"),
    ("knocks over the wine at his sister's wedding", "wine"),
    ("trips and drops a tray of drinks at a fancy party", "tray"),
    ("knocks the birthday cake off the table", "birthday cake"),
    ("在生日派对上把蛋糕打翻了", "蛋糕"),
    ("把咖啡洒在老板身上", "咖啡"),
    ("打翻了红酒", "红酒"),
    ("drops out of school and sells coffee", None),  # dropping out spills nothing
    ("drops her off at school", None),
    ("drops by the cafe", None),
    ("被泼冷水", None),  # discouraged, not splashed
])
def test_the_thing_dropped_or_spilt_is_read_in_the_words(text: str, thing: str | None) -> None:
    assert spilt_thing(text) == thing


@pytest.mark.parametrize(("premise", "target"), [
    (BEAGLE, True),
    ("a nervous corgi knocks over the wine at his sister's wedding, everyone laughs at him, but he wins a talent "
     "show on TV", True),
    ("a pug drops the birthday cake at the party and everyone laughs at him, then he wins a baking contest", False),
    ("小柴犬在婚礼上打翻了红酒，被大家嘲笑，后来参加电视选秀节目一举成名", False),
])
def test_a_thing_dropped_is_staged_as_a_spill_and_drawn_as_the_drop(premise: str, target: bool) -> None:
    """"drops a cake on" was a shove at the poodle, "knocks over the wine" a shove at the sister: now the spill,
    aimed at whom it lands on where the premise says so, and drawn as the drop (``story.drawings.DROP``)."""
    written = _written(premise)
    scene = next(s for s in written.script.scenes if any(a.action == "spill" for a in s.characters))
    doer = next(a for a in scene.characters if a.action == "spill")
    assert doer.id == "hero" and (doer.target is not None) == target
    assert own_drawings(scene, [c.id for c in written.script.characters])["hero"] == DROP
    assert not any(a.action == "push" for s in written.script.scenes for a in s.characters)


def test_a_drop_told_as_a_shove_is_still_drawn_as_the_drop() -> None:
    """A script that stages the drop as a shove (a model's, or an edited one): the painter still draws the cake."""
    scene = Scene.model_validate({
        "location": "mansion", "setting": "a party", "visual_prompt": "pets", "caption": "Party", "duration": 5.0,
        "narration": "Duke drops a cake on Bear.", "props": ["cake"],
        "characters": [{"id": "hero", "action": "push", "target": "rival"}, {"id": "rival"}]})
    assert own_drawings(scene, ["hero", "rival"]) == {"hero": DROP}


@pytest.mark.parametrize(("premise", "words"), [
    (BEAGLE, "baking show"),
    ("a husky waiter spills soup on a customer at the restaurant and gets fired, then wins a cooking show on TV",
     "cooking show"),
    ("a clumsy samoyed spills red wine on the boss at the office party and gets fired, then wins a TV cooking show",
     "TV cooking show"),
    ("一只小狗在老板的生日派对上把咖啡洒在老板身上，被开除了，后来在电视厨艺大赛上夺冠", "电视厨艺大赛"),
])
def test_the_show_on_tv_is_staged_on_the_stage(premise: str, words: str) -> None:
    """The baking show on TV was drawn in the mansion (or the restaurant, the office) the story began in: now its
    scenes are on the stage (a TV studio: ``lexicon`` places ``tv_studio``), said in the premise's words."""
    script = _written(premise).script
    told = next(k for k, s in enumerate(script.scenes) if words in s.narration)
    assert all(s.location == "stage" for s in script.scenes[told:]), [s.location for s in script.scenes]
    assert any(h.key == "tv_studio" for h in lexicon().find(premise, ["places"]))


@pytest.mark.parametrize("text", ["老奶奶的电视坏了", "a lonely cat watches tv all day", "she sells tvs"])
def test_a_tv_set_is_no_studio(text: str) -> None:
    assert not any(h.key == "tv_studio" for h in lexicon().find(text, ["places"]))


@pytest.mark.parametrize(("premise", "lang", "word"), [
    (BEAGLE, "en", "Cake"),
    ("a shy kitten spills coffee on her boss, gets fired, then opens her own cafe", "en", "Coffee"),
    ("一只小橘猫在公司年会上把汤洒在老板身上，被开除后参加电视烘焙大赛拿了第一名", "zh", "汤"),
])
@pytest.mark.parametrize("seed", [1, 2, 6])
def test_the_title_names_the_mishap(premise: str, lang: str, word: str, seed: int) -> None:
    """"Duke's Big Secret", "The Secret Party": now the thing dropped or spilt (and the TV where the premise says it)."""
    title = _written(premise, seed).script.title
    assert word in title or "TV" in title or "电视" in title, title
    assert "Secret" not in title and "秘密" not in title


def test_only_a_mishap_that_moves_on_names_the_title() -> None:
    assert mishap_titles(analyse("a puppy knocks over the birthday cake at grandma's birthday party"), "en") == []
    tv = mishap_titles(analyse(BEAGLE), "en")
    assert "The Cake Disaster" in tv and "From Cake Disaster to TV Star" in tv
    assert not any("TV" in t for t in mishap_titles(analyse(
        "a shy kitten spills coffee on her boss, gets fired, then opens her own cafe"), "en"))
