"""An animal shelter seen as one (issue 12): "left at the shelter", 被遗弃在收容所, "waits at the pound" are drawn as
a shelter (rows of kennels with a puppy or a kitten behind the bars, a SHELTER sign between two paw prints), never
a plain shop of shelves, and no line calls it a zoo."""

from __future__ import annotations

from functools import cache

import numpy as np
import pytest

from story.offline import write_story
from story.script import Scene, Script
from story.venues import places_drawn, shop_kind
from tests.test_staging import _scene, _still


@cache
def _script(premise: str, lang: str) -> Script:
    return write_story(premise, None, lang, 1).script


@pytest.mark.parametrize(("premise", "lang", "place"), [
    ("a lonely old dog is left at the shelter by his family; a little girl adopts him and he becomes a hero "
     "when he saves her from a flood", "en", "shelter"),
    ("a three-legged dog is left at the pound; a nurse adopts him and he saves her from a burglar", "en", "pound"),
    ("一只老狗被主人遗弃在收容所，一个小女孩收养了它，后来洪水来了，它救了小女孩", "zh", "收容所"),
])
def test_a_shelter_is_drawn_as_a_shelter_and_called_by_its_name(premise: str, lang: str, place: str) -> None:
    script = _script(premise, lang)
    assert "animal shelter" in [m.kind for m in places_drawn(script) if m is not None]
    said = " ".join(" ".join([s.narration, *(line.text for line in s.dialogue)]) for s in script.scenes).lower()
    assert "zoo" not in said and "动物园" not in said  # the premise names no zoo


def test_the_shelter_has_kennels_and_a_paw_sign() -> None:
    """Its words in either language name the shelter kind, drawn over the plain shop: kennels on the shelves (their
    grey bars) and the paw prints either side of the sign."""
    kinds = {words: shop_kind(Scene.model_validate(_scene("shop", setting=words))) for words in ("pound", "收容所")}
    assert {k.kind if k else None for k in kinds.values()} == {"animal shelter"}
    plain, _ = _still(_scene("shop"))
    drawn, report = _still(_scene("shop", setting="animal shelter"))
    assert report["drawn"]["place"] == "animal shelter"
    shelves = np.s_[int(0.3 * drawn.shape[0]):int(0.55 * drawn.shape[0]), : drawn.shape[1] // 4]
    assert float(np.abs(drawn[shelves] - plain[shelves]).mean()) > 5  # kennels, not the shop's goods
