"""Schema of the story data files: the vocabulary, the staging tables and the arcs."""

from __future__ import annotations

import re
from typing import Any, get_args

import pytest

from story.arcdata import ARC_IDS, SLOTS, _read, arcs, common
from story.arcs import DEEDS
from story.dangers import DANGERS
from story.datafiles import read_json
from story.lexicon import SECTIONS, load_data
from story.plan import ROLES, staging
from story.script import Action, Camera, Expression, Location, Mood, Outfit, TimeOfDay, Weather
from story.styles import CHARACTER_STYLES

HAN = re.compile(r"[\u3400-\u9fff]")
LOCATIONS = set(get_args(Location))
FIELD = re.compile(r"\{([a-z_]+)\}")
# every field a line or a visual note may use (story.arcs._values, plus per-beat openers)
KNOWN_FIELDS = {
    *SLOTS, "hero", *(f"{s}_a" for s in ("hero", *SLOTS)), "job", "work", "work_en", "job_place", "job_place_en",
    "dream", "dream_work", "dream_work_en", "dream_event", "dream_place_en", "place", "place_en", "place_word",
    "place_title", "place_cap", "the_place", "thing", "thing_en", "thing_title", "thing_cap", "when", "later",
    "wronged", "wronged_at", "wronged_friend", "wronged_family", "hazard", "ball",
    "goal", "goal_seen", "goal_want", "dear", "alone", "dear_family", "dear_friend",  # saving_up's thing and its one
    "bought", "school",  # saving_up: a thing bought at the mall, or college saved for (its fees, its gates)
    "wish", "wish_place", "wish_weather", "wish_away", "wish_dear",  # last_wish's wished place (story.wish.wish_values)
    "saved",  # the one a rescue premise saves (story.arcs: a visual_else's, where it is not the arc's friend)
}


def _words(entry: dict[str, Any]) -> None:
    assert isinstance(entry["en"], list) and isinstance(entry["zh"], list)
    assert entry["en"] or entry["zh"]
    for w in entry["en"]:
        assert w == w.lower().strip() and w and not HAN.search(w), w
    for w in entry["zh"]:
        assert HAN.search(w) and w.strip() == w, w


def test_lexicon_schema() -> None:
    data = load_data()
    assert set(data) == set(SECTIONS)
    for entries in data.values():
        for key, entry in entries.items():
            assert re.fullmatch(r"[a-z][a-z0-9_]*", key), key
            _words(entry)
    for entry in data["breeds"].values():
        assert entry["species"] in ("cat", "dog") and entry["breed"] and entry["look"]
        assert entry["style"] is None or CHARACTER_STYLES[entry["style"]].species == entry["species"]
    for entry in data["colours"].values():
        assert entry["style"] is None or entry["style"] in CHARACTER_STYLES
    for entry in data["traits"].values():
        assert entry["side"] in ("good", "bad", "neutral") and entry.get("look")
    for entry in data["relations"].values():
        assert entry["role"] in ROLES and entry["gender"] in ("m", "f", "") and isinstance(entry["allied"], bool)
    for key, entry in data["jobs"].items():
        assert entry["location"] in LOCATIONS, key
        assert entry["outfit"] in get_args(Outfit), key
        assert 1 <= len(entry["props"]) <= 3 and all(len(p) <= 40 for p in entry["props"])
        for f in ("work_en", "title_en"):
            assert entry[f] and not HAN.search(entry[f])
        for f in ("work_zh", "title_zh"):
            assert HAN.search(entry[f])
        assert isinstance(entry["dream"], bool)
        if entry["dream"]:
            assert entry["event_en"] and HAN.search(entry["event_zh"]), key
    for entry in data["places"].values():
        assert entry["location"] in LOCATIONS and isinstance(entry["exact"], bool)
    for entry in data["props"].values():
        assert 1 <= len(entry["label"]) <= 40
    assert set(data["actions"]) <= set(get_args(Action))
    assert set(data["times"]) <= set(get_args(TimeOfDay))
    assert set(data["weathers"]) <= set(get_args(Weather))
    assert set(data["outfits"]) <= set(get_args(Outfit))
    for key, entry in data["events"].items():
        assert entry["kind"] in ("wrong", "goal", "outcome")
        for told in entry.get("beat", []):  # the line that tells this event when the arc doesn't
            assert set(told) == {"en", "zh", "visual"}, key
            assert HAN.search(told["zh"]) and not HAN.search(told["en"] + told["visual"]), key


def test_staging_schema() -> None:
    st = staging()
    assert set(st["settings"]) == LOCATIONS
    assert all(st["settings"][loc] for loc in LOCATIONS)
    assert set(st["time_words"]) == set(get_args(TimeOfDay))
    assert set(st["weather_words"]) == set(get_args(Weather))
    assert set(st["outfit_words"]) == set(get_args(Outfit))
    assert set(st["camera_words"]) == set(get_args(Camera))
    assert set(st["action_words"]) == set(get_args(Action))
    assert set(st["action_expression"]) == set(get_args(Action))
    assert set(st["action_expression"].values()) <= set(get_args(Expression))
    assert set(st["targeted_actions"]) <= set(get_args(Action))
    assert set(st["mood_actions"]) <= set(get_args(Action)) and set(st["mood_actions"].values()) <= set(get_args(Mood))
    assert set(st["mood_cameras"]) == set(get_args(Mood))
    assert all(set(c) <= set(get_args(Camera)) for c in st["mood_cameras"].values())
    assert set(st["prop_places"]) <= set(load_data()["props"]) and set(st["prop_places"].values()) <= LOCATIONS
    titles = st["scene_titles"]
    assert set(titles["places"]) == LOCATIONS
    # the places drawn indoors are the painter's: every place it does not draw outdoors
    from render.painter.vocabulary import vocabulary
    assert set(st["indoor_places"]["places"]) == LOCATIONS - set(vocabulary().outdoor)
    # and the story's (story.spine): a storm while the story is under a roof is the weather on its window; at a
    # place drawn outdoors that it stays at (the city hall steps), the weather falls there
    from story.spine import staying_places
    stays = set(st["indoor_places"]["stays_in_weather"])
    assert stays <= set(vocabulary().outdoor) and stays <= LOCATIONS and "city_hall" in stays
    assert staying_places() == set(st["indoor_places"]["places"]) | stays
    assert set(titles["times"]) == set(get_args(TimeOfDay)) and set(titles["weathers"]) == set(get_args(Weather))
    for section in titles.values():
        for en, zh in section.values():
            _check_text(en, "en", "scene title")
            _check_text(zh, "zh", "scene title")
    for lang in ("en", "zh"):
        assert "default" in st["speech_tags"][lang]
        for key, tags in st["speech_tags"][lang].items():
            assert key == "default" or key in get_args(Action)
            assert all("{name}" in t for t in tags)


def _check_text(text: str, lang: str, where: str) -> None:
    unknown = set(FIELD.findall(text)) - KNOWN_FIELDS
    assert not unknown, (where, unknown)
    stripped = FIELD.sub("", text)
    if lang == "zh":
        assert (HAN.search(stripped) or not stripped.strip()) and not re.search(r"[A-Za-z]", stripped), where
    else:
        assert not HAN.search(stripped), where


_KIND_ARCS = {k["arc"] for k in read_json("kinds.json")["kinds"] if isinstance(k, dict) and k.get("arc")}


@pytest.mark.parametrize("arc_id", ARC_IDS)
def test_arc_schema(arc_id: str) -> None:
    d = _read(arc_id)
    assert d["id"] == arc_id and set(d["label"]) == {"en", "zh"}
    # reached by its triggers' scores, or only by the story kind that names it (kinds.json: a failed try, the moon
    # festival, told in no other story)
    assert d["triggers"] or arc_id in _KIND_ARCS, arc_id
    assert all(re.fullmatch(r"(events|traits|relations|jobs):[a-z_]+", t) for t in d["triggers"])
    lex = load_data()
    for t in [*d["triggers"], *d["strong"], *d.get("cues", ())]:  # cues: what says the story when scores tie
        section, key = t.split(":")
        assert key in lex[section], t
    assert set(d["needs"]) <= set(ROLES)
    for lang in ("en", "zh"):
        assert len(d["titles"][lang]) >= 3
        for t in d["titles"][lang]:
            _check_text(t, lang, f"{arc_id} title")
    for who, titles in d.get("titles_left", {}).items():  # titles said only where that one walked out
        assert who in {"hero", "partner"} and set(titles) == {"en", "zh"}, (arc_id, who)
    assert 6 <= len(d["beats"]) <= 10
    assert len([b for b in d["beats"] if not b.get("optional")]) >= 5
    assert set(d.get("gone", ())) <= set(d["needs"])  # a slot the story remembers, invented gone
    for beat in d["beats"]:
        assert beat.get("life", "alive") in {"alive", "gone"}, (arc_id, beat["id"])  # the family's life it needs
        assert beat.get("young", True) is True, (arc_id, beat["id"])  # a little one's beat, never an elder's
        assert set(beat.get("unless_actions", ())) <= set(staging()["action_expression"]), (arc_id, beat["id"])
        assert len(beat["variants"]) >= 2, (arc_id, beat["id"])
        assert any(v["speaker"] == "narrator" for v in beat["variants"]), (arc_id, beat["id"])
        for v in beat["variants"]:
            assert set(v) - {"setting", "left", "young", "danger", "mocked", "tells", "after", "visual_else"} == {
                "speaker", "en", "zh", "visual"}
            if "visual_else" in v:  # drawn so where the visual's one is not cast (the one the premise saves instead)
                _check_text(v["visual_else"], "en", f"{arc_id}/{beat['id']} visual_else")
                assert set(FIELD.findall(v["visual_else"])) - set(FIELD.findall(v["visual"])) <= {"saved"}, v
            assert set(v.get("danger", ())) <= {"", *DANGERS}, v  # a rescue's line of one danger (story.dangers)
            assert v.get("young", True) is True, v  # a little one's line, never said of an elder (story/arcs._elder)
            assert v.get("left", "hero") in {"hero", "partner"}, v  # a line said only where that one walked out
            assert v.get("setting", "indoor") in {"indoor", *common()["settings"]} - {"about"}, v  # a line said only there
            assert v["speaker"] in {"narrator", "hero", *SLOTS}
            _check_text(v["en"], "en", f"{arc_id}/{beat['id']}")
            _check_text(v["zh"], "zh", f"{arc_id}/{beat['id']}")
            _check_text(v["visual"], "en", f"{arc_id}/{beat['id']} visual")
            assert len(v["en"]) <= 160 and len(v["zh"]) <= 80 and len(v["visual"]) <= 130
        # a line calling back a deed ("after") follows an arc line that tells it ("tells") or the premise naming it
        told = {v["tells"] for b in d["beats"] for v in b["variants"] if v.get("tells")}
        assert all(e["after"] in told and e["after"] in DEEDS for e in (*beat["variants"], *beat["more"])
                   if e.get("after")), (arc_id, beat["id"])
        # narration that tells more of the beat's event, added while a script is short of its length
        assert len(beat["more"]) >= 2, (arc_id, beat["id"])
        for m in beat["more"]:
            assert set(m) - {"setting", "left", "young", "danger", "after"} == {"en", "zh"}
            assert set(m.get("danger", ())) <= {"", *DANGERS}, m
            assert m.get("young", True) is True, m
            assert m.get("left", "hero") in {"hero", "partner"}, m
            assert m.get("setting", "indoor") in {"indoor", *common()["settings"]} - {"about"}, m
            _check_text(m["en"], "en", f"{arc_id}/{beat['id']} more")
            _check_text(m["zh"], "zh", f"{arc_id}/{beat['id']} more")
            assert 6 <= len(m["en"].split()) and len(m["en"]) <= 100 and len(m["zh"]) <= 50


def test_common_data() -> None:
    c = common()
    for key in ("when", "later"):
        assert len(c[key]["en"]) == len(c[key]["zh"]) >= 6
    for species in ("cat", "dog"):
        for lang in ("en", "zh"):
            names = c["names"][species][lang]
            assert len(names) >= 12 and len(set(names)) == len(names)
    assert set(c["location_words"]) == LOCATIONS
    for group, places in c["settings"].items():  # the settings an arc line may be tied to
        assert group == "about" or (places and set(places) <= LOCATIONS), group
    for side in ("villain", "hero"):
        assert len(c["cameos"][side]) >= 3
        for v in c["cameos"][side]:
            assert "{name}" in v["en"] and "{name}" in v["zh"]
    assert set(arcs()) == set(ARC_IDS)


def test_clause_data_schema() -> None:
    """story/data/clauses.json: who may do a deed outside the cast; spine.json: how a rival mends."""
    from story.clauses import clause_data
    from story.spine import spine_data

    data = clause_data()
    props = load_data()["props"]
    seen: set[str] = set()
    for entry in data["outsiders"]:
        _words(entry)
        assert set(entry) == {"en", "zh", "say", "group", "props"}
        assert entry["say"]["en"] and not HAN.search(entry["say"]["en"]) and HAN.search(entry["say"]["zh"])
        assert isinstance(entry["group"], bool) and all(p in props for p in entry["props"])
        for w in (*entry["en"], *entry["zh"]):
            assert w not in seen, w  # one entry per word
            seen.add(w)
    say = spine_data()["say"]
    for mend, entry in spine_data()["mending"].items():
        _words(entry)
        assert f"outcome_rival_{mend}" in say  # a rival who mends this way has lines that fit
        for lang in ("en", "zh"):
            assert len(say[f"outcome_rival_{mend}"][lang]) >= 3
