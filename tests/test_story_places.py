"""Places a muted viewer recognises (issue 12, staging): a lake or pond with its water (a fishing contest at
the lake), the event's own place before the town it is in (the city dance contest is on a stage), a wedding
with its flowered arch and guests' chairs, a mountain with its peaks (snowy when the premise says so), a quiet
cemetery with a headstone and flowers. Story checks on real writer output, pixel checks on real paints."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from story.clauses import clauses
from story.offline import write_offline, write_story
from story.premise import analyse
from story.staged import broad_place, main_place
from tests.test_staging import SMALL, _still


def _locations(premise: str, lang: str = "en", seed: int = 0) -> list[str]:
    return [s.location for s in write_offline(premise, "", lang, seed).scenes]


@pytest.mark.parametrize(("premise", "lang", "place"), [
    ("a ginger cat goes fishing at the lake", "en", "lake"),
    ("a shy corgi swims in the pond every morning", "en", "lake"),
    ("an old dog walks by the river with his grandson", "en", "lake"),
    ("a tabby cat wins a fishing contest", "en", "lake"),
    ("a white cat and a black cat have their wedding", "en", "wedding"),
    ("a husky climbs a snowy mountain", "en", "mountain"),
    ("a cat climbs a mountain", "en", "mountain"),
    ("a lonely dog visits her grave", "en", "cemetery"),
    ("a kitten brings flowers to the cemetery for grandma cat", "en", "cemetery"),
    ("橘猫在湖边钓鱼", "zh", "lake"),
    ("小狗在池塘边学游泳", "zh", "lake"),
    ("柯基在钓鱼比赛中赢了", "zh", "lake"),
    ("白猫和黑猫举行了婚礼", "zh", "wedding"),
    ("哈士奇爬雪山", "zh", "mountain"),
    ("小猫去墓地看奶奶", "zh", "cemetery"),
])
def test_the_premises_scenes_are_staged_at_its_place(premise: str, lang: str, place: str) -> None:
    for seed in (0, 1):
        written = write_story(premise, None, lang, seed)
        drawn = [s.location for s in written.script.scenes]
        # every scene outdoors is there: the story happens at its place (an ending may go home to bed)
        assert drawn.count(place) >= len(drawn) - 2 and drawn[0] in {place, "street", "rainy_street"}, drawn
        assert {"park", "mansion", "space"}.isdisjoint(drawn), drawn  # no stand-in, no night sky as space
        assert not [s for s in written.substitutions if s.kind == "place" and s.used != place], written.substitutions


def test_a_fishing_contest_is_at_the_lake_and_reported_as_its_nearest() -> None:
    written = write_story("a tabby cat wins a fishing contest", None, "en", 0)
    assert "stage" not in {s.location for s in written.script.scenes}
    assert any((s.kind, s.wanted, s.used) == ("place", "fishing contest", "lake") for s in written.substitutions)


@pytest.mark.parametrize(("premise", "place", "not_there"), [
    ("a ginger cat wins the city dance contest", "stage", "street"),
    ("a black cat sings at a talent show in a small town", "stage", "street"),
    ("a cat naps in the city park", "park", "street"),
    ("a corgi nurse works at the hospital in town", "hospital", "street"),
    ("城里的小猫在舞台上唱歌", "stage", "street"),
])
def test_the_events_own_place_wins_over_the_town_it_is_in(premise: str, place: str, not_there: str) -> None:
    lang = "zh" if not premise.isascii() else "en"
    for seed in (0, 1, 2):
        drawn = _locations(premise, lang, seed)
        assert place in drawn and not_there not in drawn, (seed, drawn)


def test_the_most_specific_place_of_a_clause_is_its_main_place() -> None:
    c = clauses(analyse("a ginger cat wins the city dance contest"))[0]
    assert [n.wanted for n in c.asked if n.section == "places"] == ["city", "contest"]
    main = main_place(c)
    assert main is not None and (main.wanted, main.used) == ("contest", "stage")
    assert broad_place("City") and broad_place("城里") and not broad_place("contest")
    c = clauses(analyse("a cat walks to the city"))[0]  # the town alone is still where it happens
    main = main_place(c)
    assert main is not None and main.used == "street"


def test_a_snowy_mountain_is_drawn_in_snow_and_a_plain_one_is_not() -> None:
    for premise, lang in (("a husky climbs a snowy mountain", "en"), ("哈士奇爬雪山", "zh")):
        scenes = write_offline(premise, "husky", lang, 0).scenes
        assert all(s.weather == "snow" for s in scenes if s.location == "mountain"), [s.weather for s in scenes]
    scenes = write_offline("a cat climbs a mountain", "", "en", 0).scenes
    assert {s.weather for s in scenes if s.location == "mountain"} == {"clear"}
    # the snowy mountain's weather stays on the mountain: a lost-pet story's streets are not snowed on
    scenes = write_offline("雪山上，哈士奇带着迷路的小猫回家", "husky", "zh", 0).scenes
    assert all(s.weather == "snow" for s in scenes if s.location == "mountain")
    assert "snow" not in {s.weather for s in scenes if s.location != "mountain"}


def test_the_stars_coming_out_is_night_not_outer_space() -> None:
    for seed in range(4):
        assert "space" not in _locations("a dog walks by the river", "en", seed)
    assert "space" in _locations("a cat astronaut flies to space", "en", 0)


# -- the painter draws each place's own feature ---------------------------------------------------


def _paint(location: str, weather: str = "clear") -> np.ndarray:
    img, report = _still({"location": location, "setting": "a place", "characters": [{"id": "hero"}],
                          "visual_prompt": "pets", "narration": "x", "caption": "x", "duration": 4.0, "mood": "calm",
                          "weather": weather})
    return img


def _region(img: np.ndarray, x0: float, y0: float, x1: float, y1: float) -> np.ndarray:
    """The pixels of a box given in fractions of the visible frame (the still is the overscan canvas)."""
    h, w = img.shape[:2]
    mx, my = (w - SMALL.width) / 2, (h - SMALL.height) / 2
    return img[round(my + y0 * SMALL.height):round(my + y1 * SMALL.height),
               round(mx + x0 * SMALL.width):round(mx + x1 * SMALL.width)].reshape(-1, 3)


def _share(px: np.ndarray, test: Any) -> float:
    return float(test(px[:, 0], px[:, 1], px[:, 2]).mean())


def _water(r: Any, g: Any, b: Any) -> Any:
    return (b > r + 50) & (b > g + 10)


def _white(r: Any, g: Any, b: Any) -> Any:
    return (r > 225) & (g > 225) & (b > 225)


def _blossom(r: Any, g: Any, b: Any) -> Any:
    return (r > 220) & (g < 215) & (b > 150) & (r - g > 40)  # pink


def test_the_lake_has_water_beside_the_hero_and_a_grassy_bank() -> None:
    lake = _paint("lake")
    for x0 in (0.0, 0.78):  # water on both sides of a centred hero, behind the bank
        assert _share(_region(lake, x0, 0.47, x0 + 0.2, 0.52), _water) > 0.6
    bank = _region(lake, 0.0, 0.8, 0.25, 0.95).mean(axis=0)
    assert bank[1] > bank[0] + 30 and bank[1] > bank[2] + 30, bank  # green grass, not the beach's sand
    beach = _paint("beach")
    assert float(np.abs(lake - beach).mean()) > 20


def test_the_mountain_has_snow_capped_peaks_and_is_white_all_over_in_snow() -> None:
    clear = _paint("mountain")
    cap = _region(clear, 0.47, 0.1, 0.53, 0.18)  # the summit's cap above the hero's head
    assert _share(cap, _white) > 0.5
    slopes = _region(clear, 0.03, 0.38, 0.15, 0.46)  # bare rock lower down the left peak: grey-blue, not sky
    grey = slopes.mean(axis=0)
    assert _share(slopes, _white) < 0.1 and abs(grey[0] - grey[1]) < 20 and grey[2] - grey[0] < 50, grey
    snowy = _paint("mountain", "snow")
    assert _share(_region(snowy, 0.03, 0.38, 0.15, 0.46), lambda r, g, b: (r > 200) & (g > 200) & (b > 210)) > 0.5
    park = _paint("park", "snow")
    assert _share(_region(park, 0.47, 0.1, 0.53, 0.18), _white) < 0.2  # a park has sky there, no peak


def test_the_wedding_has_its_flowered_arch_and_the_guests_chairs() -> None:
    wedding = _paint("wedding")
    arch = _region(wedding, 0.3, 0.12, 0.7, 0.2)  # the arch's round top, above the couple
    assert _share(arch, _white) > 0.08 and _share(arch, _blossom) > 0.01
    chairs = _region(wedding, 0.0, 0.62, 0.2, 0.9)  # the white chairs of the guests, down the left side
    assert _share(chairs, _white) > 0.08 > _share(_region(_paint("park"), 0.0, 0.62, 0.2, 0.9), _white)
    lawn = _region(wedding, 0.0, 0.45, 0.2, 0.55).mean(axis=0)
    assert lawn[1] > lawn[0] + 40, lawn  # a garden, not the mansion's hall
    assert float(np.abs(wedding - _paint("mansion")).mean()) > 20


def test_the_cemetery_has_a_headstone_with_flowers_and_stays_gentle() -> None:
    cemetery = _paint("cemetery")
    stone = _region(cemetery, 0.74, 0.52, 0.88, 0.62)
    assert _share(stone, lambda r, g, b: (abs(r - g) < 14) & (abs(g - b) < 14) & (r > 150) & (r < 215)) > 0.6
    flowers = _region(cemetery, 0.7, 0.63, 0.92, 0.68)  # laid at its foot
    assert _share(flowers, lambda r, g, b: (r > 220) & (g < 200) & (b > 120)) > 0.02
    sky = _region(cemetery, 0.3, 0.0, 0.7, 0.08).mean(axis=0)
    assert sky.min() > 140 and sky[2] >= sky[0], sky  # a soft day sky: no storm, no night


@pytest.mark.parametrize(("premise", "lang", "place"), [
    ("a lonely dog waits at the train station every day", "en", "station"),
    ("a cat takes the subway to work", "en", "station"),
    ("a corgi waits for her owner at the airport", "en", "airport"),
    ("a corgi farmer works on the farm", "en", "farm"),
    ("孤独的老巴吉度猎犬每天在火车站等主人", "zh", "station"),
    ("旺财每天在机场等主人回家", "zh", "airport"),
    ("小猪在农场里干活", "zh", "farm"),
])
def test_stations_airports_and_farms_are_their_own_places(premise: str, lang: str, place: str) -> None:
    written = write_story(premise, None, lang, 0)
    assert place in {s.location for s in written.script.scenes}
    assert "street" not in {s.used for s in written.substitutions if s.kind == "place"}


def test_the_station_has_its_train_the_airport_its_plane_and_the_farm_its_barn() -> None:
    station = _paint("station")
    line = _region(station, 0.0, 0.6, 0.2, 0.62)  # the yellow safety line along the platform's edge
    assert _share(line, lambda r, g, b: (r > 220) & (g > 180) & (b < 100)) > 0.5
    train = _region(station, 0.0, 0.49, 0.2, 0.52)  # the train's blue stripe behind it
    assert _share(train, lambda r, g, b: (b > r + 100)) > 0.5
    airport = _paint("airport")
    tail = _region(airport, 0.13, 0.27, 0.18, 0.33)  # the red tail fin of the plane beyond the glass
    assert _share(tail, lambda r, g, b: (r > 180) & (g < 90) & (b < 100)) > 0.5
    board = _region(airport, 0.06, 0.005, 0.44, 0.065).mean(axis=0)  # the departures board, dark
    assert board.max() < 90, board
    farm = _paint("farm")
    barn = _region(farm, 0.88, 0.34, 0.95, 0.42)  # the red barn's wall, right of the hero
    assert _share(barn, lambda r, g, b: (r > 170) & (g < 80) & (b < 80)) > 0.6
    for other in ("street", "park", "office"):
        assert float(np.abs(_paint(other) - station).mean()) > 20
        assert float(np.abs(_paint(other) - airport).mean()) > 20


@pytest.mark.parametrize(("premise", "said"), [
    ("a ginger cat goes fishing at the lake", "在湖边钓鱼"),
    ("a ginger cat goes fishing at the beach", "在海边钓鱼"),
    ("a husky climbs a snowy mountain", "在雪山上"),
])
def test_a_place_told_in_chinese_reads_once(premise: str, said: str) -> None:
    lines = [s.narration for s in write_offline(premise, "", "zh", 0).scenes]
    assert any(said in t for t in lines), lines
    assert not any("在钓鱼" in t or "边边" in t for t in lines), lines
