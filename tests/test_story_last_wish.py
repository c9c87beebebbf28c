"""An old pet's last wish ("an old dying dog's last wish is to see the sea once more", 爷爷狗的最后心愿是再看一次大海) is a
last-wish story (kinds.json ``last_wish``, arc ``last_wish``, story/wish.py): the wish said at home with the hero
dreaming of it (its thought holds the wished place), the way there with the one who takes it, and the wish granted on
screen (the beach, the snow, the mountain drawn) with the loved one beside it; a premise that names no one gets the one
who takes it there. 爷爷狗的最后心愿 is read whole (its 最后 is "the last", no "finally"), and "before she goes" is when
the wish is said, no clause of its own. Painter: the wish is drawn in a big thought bubble (sea, snow, a heart)."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from render.painter.geometry import Pen
from render.painter.poses import draw_marks
from render.painter.vocabulary import stage_action
from story.clauses import clauses
from story.kinds import story_kind
from story.premise import analyse
from story.script import Script
from story.wish import wish_of
from tests.test_staging_roles import _script

WISHES = [
    ("an old dying dog's last wish is to see the sea once more, his grandson carries him there", "beach", None),
    ("a sick old cat wants to see snow one last time before she goes", None, "snow"),
    ("the elderly cat's final wish is to visit the village where she grew up", "park", None),
    ("爷爷狗的最后心愿是再看一次大海", "beach", None),
    ("老哈士奇临终的愿望是再爬一次雪山", "mountain", "snow"),
]


@pytest.fixture(scope="module")
def scripts() -> dict[str, Script]:
    return {p: _script(p) for p, _, _ in WISHES}


@pytest.mark.parametrize("premise", [p for p, _, _ in WISHES] + [
    "an old golden retriever is dying and wishes to go back to the farm where he was born",
    "老猫临终前想回到出生的小村庄"])
def test_a_last_wish_is_its_own_story(premise: str) -> None:
    kind = story_kind(analyse(premise))
    assert (kind.id, kind.arc) == ("last_wish", "last_wish")


@pytest.mark.parametrize("premise", [
    "the old cat visits her grandma's grave one last time",  # a remembrance
    "the old dog wants to win the race one last time",  # a contest
    "a puppy wants to see the sea",  # a wish, but no last one
])
def test_other_wishes_keep_their_story(premise: str) -> None:
    assert story_kind(analyse(premise)).id != "last_wish"


@pytest.mark.parametrize(("premise", "where", "weather"), WISHES)
def test_the_wish_is_said_at_home_and_granted_at_the_wished_place_beside_a_loved_one(
        scripts: dict[str, Script], premise: str, where: str | None, weather: str | None) -> None:
    scenes = scripts[premise].scenes
    first = scenes[0]
    hero = next(a for a in first.characters if a.id == "hero")
    assert first.location == "bedroom" and first.weather == "clear", (first.location, first.weather)
    assert hero.action == "think" and (hero.holding or "").startswith("wish:"), hero  # dreaming of it
    end = scenes[-2:]
    for s in end:
        assert (where is None or s.location == where) and (weather is None or s.weather == weather), \
            [(x.location, x.weather) for x in scenes]
        assert len(s.characters) >= 2 and any(a.id == "hero" for a in s.characters), s.characters  # not alone
    assert any(a.action == "hug" for s in end for a in s.characters)
    away = [s for s in scenes[1:-2] if s.location != "bedroom"]  # the way there, off home, before it is reached
    assert away and all(s.location != (where or "") or s.weather != (weather or s.weather) for s in away[:1])


def test_a_wish_of_no_loved_one_named_gets_the_one_who_takes_it_there(scripts: dict[str, Script]) -> None:
    script = scripts["a sick old cat wants to see snow one last time before she goes"]
    assert len(script.characters) == 2
    assert not any("goes" in s.props for s in script.scenes)  # "before she goes" is no thing to draw


def test_the_last_wish_clause_is_read_whole() -> None:
    said = [c.text for c in clauses(analyse("爷爷狗的最后心愿是再看一次大海"))]
    assert said == ["爷爷狗的最后心愿是再看一次大海"]
    said = [c.text for c in clauses(analyse("爷爷猫最后的心愿，是和全家人一起去看大海"))]
    assert len(said) == 1
    said = [c.text for c in clauses(analyse("a sick old cat wants to see snow one last time before she goes"))]
    assert said == ["a sick old cat wants to see snow one last time"]
    said = [c.text for c in clauses(analyse("she eats before he goes to work"))]
    assert said == ["she eats", "he goes to work"]  # going to work is a deed of its own


def test_a_wish_to_see_one_far_away_is_one_clause_of_its_own_subject() -> None:
    said = [c.text for c in clauses(analyse("年迈的老狗时日不多，它想再见远方的女儿最后一面"))]
    assert said[-1] == "它想再见远方的女儿最后一面", said  # no clause of the daughter's own ("女儿想再见远方")


def test_an_old_wish_said_with_its_owner_reads_whole() -> None:
    narration = _script("the old husky's last wish is to climb the mountain with his owner one more time").scenes[0].narration
    assert "is an old husky. " in narration and "'s last wish is to climb the mountain" in narration, narration


def test_a_loved_one_wished_for_comes_home() -> None:
    assert wish_of(analyse("奶奶猫临走前想再见孙子一面")).key == "family"
    script = _script("a dying grandma cat wishes to see her grandchildren one last time, and they all come home")
    assert {s.location for s in script.scenes[-2:]} == {"bedroom"}
    assert len(script.scenes[0].characters) == 1  # far away when the wish is said
    assert any(len(s.characters) == 2 for s in script.scenes[-2:])


@pytest.mark.parametrize(("wished", "colour"), [("beach", (70, 150, 225)), ("snow", (110, 170, 230)),
                                                ("family", (240, 80, 110))])
def test_the_wish_is_drawn_in_its_thought(wished: str, colour: tuple[int, int, int]) -> None:
    pose = stage_action("think", "neutral", f"wish:{wished}", [], "bedroom")
    assert pose.marks == (f"thought:{wished}",) and pose.holding is None
    img = Image.new("RGB", (600, 600), (0, 0, 0))
    draw_marks(Pen(ImageDraw.Draw(img, "RGBA"), 300, 560, 4.0), pose.marks, -71.0, 0)
    inked = np.linalg.norm(np.asarray(img).astype(np.float32) - colour, axis=2) < 40
    assert inked.sum() > 40  # the sea, the snowflakes, the heart in the bubble
