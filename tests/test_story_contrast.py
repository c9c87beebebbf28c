"""A rival the premise gives no breed or colour is cast in a look that stands apart from the hero's (story/arcs.py
``_look``): a corgi hero's greedy dog is no orange shiba, a ginger cat's rival cat no ginger one. Checked on the
writer's casts, and by colour on a real render: the fur at the top of the two sprites (the heads) differs."""

from __future__ import annotations

import math

import numpy as np
import pytest

from render.painter import StoryboardPainter
from render.stages import RenderSpec, never_cancel, no_progress
from story.looks import CONTRAST
from story.offline import write_offline
from story.premise import analyse
from story.styles import CHARACTER_STYLES


def _style_of(look: str) -> str:
    """The style a cast look was taken from (the premise's traits go before it: "a greedy Siberian husky…")."""
    return next(s.id for s in CHARACTER_STYLES.values() if s.look.split(" ", 1)[1] in look)


@pytest.mark.parametrize(("premise", "style"), [
    ("a corgi is bullied by a greedy dog", "corgi"),
    ("a ginger cat is laughed at by a rival cat", "ginger-cat"),
    ("a shiba is mocked by a rich dog and takes revenge", "shiba"),
    ("a poor ginger cat is mocked by a rich white cat and her dog boyfriend, works hard, gets rich and shocks them",
     "ginger-cat"),
])
def test_a_rival_with_no_look_of_its_own_stands_apart_from_the_hero(premise: str, style: str) -> None:
    hero = CHARACTER_STYLES[style]
    plain = {p.key for p in analyse(premise).cast if p.side == "villain" and not (p.breed or p.colour)}
    assert plain
    for seed in range(6):
        script = write_offline(premise, style, "en", seed)
        villains = [c for c in script.characters[1:] if c.id in plain]
        assert villains, (seed, script.characters)
        for c in villains:
            fur = CHARACTER_STYLES[_style_of(c.look)].fur
            assert math.dist(fur, hero.fur) >= CONTRAST[c.species == hero.species], (seed, c.look)


def _head_colour(rgba: np.ndarray) -> np.ndarray:
    """The median colour of the opaque, un-inked pixels in the top third of a sprite (the head's fur)."""
    top = rgba[: rgba.shape[0] // 3]
    keep = (top[..., 3] > 220) & (top[..., :3].max(axis=2) > 60)
    return np.median(top[keep][:, :3].astype(np.float32), axis=0)


def test_the_rival_is_drawn_in_another_colour() -> None:
    script = write_offline("a corgi is bullied by a greedy dog", "corgi", "en", 0)
    k = next(i for i, s in enumerate(script.scenes) if {a.id for a in s.characters} >= {"hero", "rival"})
    script = script.model_copy(update={"scenes": [script.scenes[k]] * 5})
    art = StoryboardPainter().paint_layers(script, RenderSpec(width=540, height=960, seed=2), no_progress,
                                           never_cancel)[0]
    colour = {sp.speaker: _head_colour(sp.rgba) for sp in art.sprites if sp.speaker in {"hero", "rival"}}
    assert set(colour) == {"hero", "rival"}
    assert float(np.linalg.norm(colour["hero"] - colour["rival"])) > 50, colour  # a shiba rival: 25
