"""A sled dog delivering medicine through a snowstorm is drawn in the snow in its working vest with its sled and
a medicine box, never at a sick bed: the old code drew no sled (no drawing of one), the medicine as a hospital bed
(the painter's nearest thing to it) and the delivery "to a sick village" as a doctor treating a patient."""

from __future__ import annotations

from render.painter.persona import dress, personas
from render.painter.props import DRAW
from render.painter.vocabulary import match_prop
from story.offline import write_story

SLED = "a sled dog delivers medicine through a snowstorm to a sick village"


def test_the_sled_dog_has_its_sled_and_the_medicine_in_the_snow() -> None:
    script = write_story(SLED, None, "en", 1).script
    told = next(s for s in script.scenes if "delivers medicine" in s.narration)
    assert "sled" in told.props and told.weather == "snow"
    assert {match_prop(p).drawn for p in told.props} >= {"sled", "medicine box"}
    hero = next(a for a in told.characters if a.id == "hero")
    assert hero.action != "treat"  # a delivery to the sick, no bedside
    assert dress(hero.outfit, personas(script)["hero"]) == "harness"


def test_medicine_is_drawn_as_a_medicine_box_and_a_sled_as_a_sled() -> None:
    for asked in ("medicine", "medicines", "first aid kit", "药箱", "疫苗"):
        assert match_prop(asked).drawn == "medicine box"
    for asked in ("sled", "dog sled", "sleigh", "雪橇"):
        assert match_prop(asked).drawn == "sled"
    assert {"sled", "medicine box"} <= set(DRAW)
