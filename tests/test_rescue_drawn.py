"""A rescue from a danger is drawn as what it is and its lines name the danger (issue 12: sound off, the viewer
sees the kitten pulled out of the ice hole, lifted from the well, freed from the net, dug out of the snow, carried
out of the fire; the arc's middle lines name the ice, the well, the fire, never "the way is high and slippery")."""

from __future__ import annotations

import pytest

from render.painter.staging import stage_scene
from story.dangers import danger_of, rescue_from
from story.drawings import drawn_lines, own_drawings, rescued_at
from story.offline import write_story

CASES = [  # premise, language, danger, the rescuer's drawing, the one saved's
    ("a brave husky pulls a drowning kitten out of the frozen lake", "en", "ice", "pull from ice", "in ice hole"),
    ("a firefighter dog carries an old cat out of the burning house", "en", "fire", "carry from fire",
     "carried from fire"),
    ("a golden retriever saves a puppy from the flood", "en", "flood", "pull from flood", "in floodwater"),
    ("a little corgi rescues a kitten stuck in a well", "en", "well", "lift from well", "in well"),
    ("a kitten saves a puppy tangled in a net", "en", "net", "free from net", "in net"),
    ("a husky saves a kitten buried in the snow", "en", "snow", "dig from snow", "in snow"),
    ("小狗把掉进井里的小猫救了上来", "zh", "well", "lift from well", "in well"),
    ("猫咪从着火的房子里救出了小狗", "zh", "fire", "carry from fire", "carried from fire"),
    ("哈士奇从冰窟窿里救出了小猫", "zh", "ice", "pull from ice", "in ice hole"),
]
GENERIC = ("high, and slippery", "climbs, slips", "very far, and very dangerous", "又高又滑", "爬上去，滑下来", "又远又危险")


def test_the_danger_a_rescue_is_from() -> None:
    assert [rescue_from(c[0]) for c in CASES] == [c[2] for c in CASES]
    assert rescue_from("the boss fires him and saves money") is None  # fired: no fire
    assert danger_of("a corgi who is well known and eats ice cream") is None
    assert rescue_from("a shiba wants to see the snow") is None  # no rescue told


@pytest.mark.parametrize(("premise", "lang", "danger", "rescuer", "saved"), CASES)
def test_the_rescue_is_drawn_as_itself(premise: str, lang: str, danger: str, rescuer: str, saved: str) -> None:
    written = write_story(premise, None, lang, 1)
    script = written.script
    cast = [c.id for c in script.characters]
    at = rescued_at(script)
    assert at is not None
    scene = script.scenes[at]
    drawn = own_drawings(scene, cast, script.premise)
    assert drawn.get("hero") == rescuer
    assert saved in drawn.values()
    staged, _ = stage_scene(scene, cast, {}, script.premise)
    by_id = {st.id: st for st in staged}
    assert by_id["hero"].drawn_as == rescuer
    assert any(st.drawn_as == saved for st in staged)
    if danger != "fire":  # reaching down to the one in it, which bears the danger's mark, before it
        hero = by_id["hero"]
        them = next(st for st in staged if st.drawn_as == saved)
        assert hero.pose.arms == "reach" and them.pose.marks and them.pose.arms == "up"
        assert (them.slot.x - hero.slot.x) * hero.facing > 0
    else:  # carried out, sooty
        them = next(st for st in staged if st.drawn_as == saved)
        assert them.carried and "soot" in them.pose.marks
    assert any(f"drawn as '{rescuer}'" in line for line in drawn_lines(written.substitutions, script))


@pytest.mark.parametrize(("premise", "lang", "danger", "rescuer", "saved"), CASES)
def test_the_middle_lines_name_the_danger(premise: str, lang: str, danger: str, rescuer: str, saved: str) -> None:
    script = write_story(premise, None, lang, 1).script
    at = rescued_at(script)
    assert at is not None
    words = [" ".join([s.narration, *(ln.text for ln in s.dialogue)]) for s in script.scenes]
    before = [danger_of(w) for w in words[1:at]]
    assert any(d == danger or d == "water" and danger in ("ice", "flood") for d in before), words[1:at]
    assert not any(g in w for w in words for g in GENERIC)


def test_a_rescue_of_no_named_danger_keeps_the_arc_lines() -> None:
    script = write_story("a brave puppy saves a kitten stuck in a cardboard box", None, "en", 1).script
    assert rescued_at(script) is None
    assert all(not own_drawings(s, [c.id for c in script.characters], script.premise) for s in script.scenes)


@pytest.mark.parametrize(("premise", "lang"), [
    ("a samoyed digs a kitten out of a snowdrift", "en"),
    ("a poodle pulls her best friend out of the swimming pool", "en"),
    ("a cat frees a seagull caught in a fishing net", "en"),
    ("a stray cat drags a puppy out of a fire", "en"),
    ("小狗把掉进冰湖的小猫拉了上来", "zh"),
    ("消防犬从火场里背出了老猫奶奶", "zh"),
    ("萨摩耶从雪里挖出了被埋的小猫", "zh"),
])
def test_a_rescue_told_by_where_from_is_told_as_a_rescue(premise: str, lang: str) -> None:
    """"Digs a kitten out of a snowdrift", "frees a seagull caught in a net", 拉了上来, 背出, 挖出: a rescue, told in
    the rescue arc (its cry for help, the danger, the leap), never a day of little wonders."""
    assert write_story(premise, None, lang, 1).arc == "rescue"


@pytest.mark.parametrize(("premise", "place"), [
    ("a stray cat saves a drowning puppy and becomes the town hero", "lake"),  # the town: whose hero it becomes
    ("a street cat saves a drowning puppy", "lake"),  # the street: what the cat is
    ("a stray dog saves a drowning kitten and becomes the village hero", "lake"),
    ("street cat pulls a puppy out of a well, town calls her a hero", "farm"),
    ("a stray puppy saves a drowning duckling and the whole village cheers", "lake"),  # the village only colours it
    ("a brave corgi saves a boy from drowning and becomes the hero of the town", "lake"),
])
def test_a_rescue_is_drawn_at_its_danger_not_at_a_town_it_honours(premise: str, place: str) -> None:
    for seed in (1, 2):
        script = write_story(premise, None, "en", seed).script
        at = rescued_at(script)
        assert at is not None and script.scenes[at].location == place, [s.location for s in script.scenes]
        assert all(s.location == place for s in script.scenes[:at + 1])  # the danger's place from the start


def test_a_place_said_as_the_pets_kind_or_its_honour_is_no_place_of_the_story() -> None:
    from story.honours import honour_spans, unhonoured
    from story.premise import analyse

    assert analyse("a street dog becomes a police dog").places == []  # a street dog: a kind of dog
    assert analyse("an alley cat saves a kitten from the fire").places == []
    assert analyse("a street cat sleeps on the street").places == ["street"]  # said again as where it sleeps
    assert analyse("a poor cat opens a bakery in a small town").places  # a town the story is at
    premise = "saves a kitten and becomes the town hero"
    (start, end), = honour_spans(premise)
    assert premise[start:end] == "the town hero" and "town" not in unhonoured(premise)
    assert honour_spans("the whole village cheers") and honour_spans("town calls her a hero")
    assert not honour_spans("she moves to a quiet town")
