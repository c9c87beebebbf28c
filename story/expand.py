"""A ``Plan`` expanded into a full ``Script``: the one expansion both writers use. Pure.

``expand_plan`` derives from the beats' words, through the story vocabulary (``story.lexicon``):
timings, looks, visual prompts, locations, time of day, weather, props, actions/targets/facing,
dialogue vs narration, captions, mood and camera. Beats are grouped into scenes, the cast is given
voices and looks (a young hero drawn young), who appears in each scene is read from its lines, and
a place no drawable one stands for is reported as a ``Substitution``. What the premise says for the staging is read
once (``story.hints``); each scene's weather is ``story.weather``'s.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from story.adopters import show_adopter
from story.affairs import tells_affair
from story.analysis import breed_look
from story.buying import show_buying
from story.calling import grows_up, reach_calling, reaches
from story.damage import show_damage
from story.divorce import show_divorce
from story.doorstep import show_at_door
from story.gear import climbed, instrument, is_gear, role_action, tool_action
from story.held import show_held_sign
from story.helping import show_helpers
from story.hints import RIDES, Hints, openings, premise_hints
from story.illness import show_illness
from story.kin import KIN
from story.kinds import story_kind
from story.lexicon import Hit, lexicon, tokenize_en
from story.location import PremisePlace, reaches_place, scene_location
from story.looks import colour_look, young_look
from story.mockers import crowd_in_mood, one_crowd, show_mockers_stunned, show_visit_served, shown_alone
from story.names import outside_names
from story.onscreen import kin_at_the_win
from story.outfits import own_job, show_made_boss, show_off_job
from story.plan import (
    MAX_LINE_S,
    NARRATOR,
    Plan,
    PlanCharacter,
    Substitution,
    fit_durations,
    scene_seconds,
    scene_title,
    slug,
    staging,
    voice_seconds,
)
from story.practice import another_day
from story.putdowns import putdown_hits
from story.quarrel import show_quarrel
from story.reversal import show_comeback, show_group_comeback
from story.riches import show_owner, show_riches
from story.script import (
    MAX_LINES,
    MAX_PROPS,
    Script,
    normalise_language,
    spoken_length,
)
from story.spinedata import spine_data
from story.styles import ART_STYLES, CHARACTER_STYLES
from story.text import HAN as _HAN
from story.text import cjk_spaced
from story.thieves import show_thief, thief_of
from story.unmet import show_unmet
from story.variety import vary_pictures
from story.voyage import show_voyage
from story.watched import said_as_drawn
from story.weather import scene_weather
from story.wish import show_last_wish


@cache
def _broken_forms() -> dict[str, str]:
    props = lexicon().data["props"]
    return {str(e["label"]): str(props[e["broken"]]["label"]) for e in props.values() if "broken" in e}


def _broken_form(label: str) -> str | None:
    """The label of a prop's broken form (a toy's "broken toy"), None for a thing that has none."""
    return _broken_forms().get(label)


def _rng(*parts: object) -> random.Random:
    digest = hashlib.sha256("\x00".join(map(str, parts)).encode()).digest()
    return random.Random(int.from_bytes(digest[:16], "big"))


def _mentions(text: str, member: PlanCharacter) -> int | None:
    """Character offset of the first mention of ``member`` in ``text`` (name, id or role word)."""
    low = text.lower()
    best: int | None = None
    words = {member.name.lower(), member.id.replace("_", " ")}
    if member.role != "other":
        words.add(member.role)
    for word in words:
        if not word:
            continue
        if _HAN.search(word):
            pos = low.find(word)
        else:
            m = re.search(r"(?<![a-z0-9])" + re.escape(word) + r"(?![a-z0-9])", low)
            pos = m.start() if m else -1
        if pos >= 0 and (best is None or pos < best):
            best = pos
    return best


def _fit_text(text: str, language: str, max_s: float) -> str:
    """``text`` shortened (at a sentence, else a word boundary) to be said within ``max_s`` seconds at
    the pacing the Script checks (``spoken_length``)."""
    if spoken_length(text, language) <= max_s:
        return text
    if language == "zh":
        out = ""
        for ch in text:
            if spoken_length(out + ch + "…", language) > max_s:
                break
            out += ch
        cut = max(out.rfind(p) for p in "。！？")
        return out[:cut + 1] if cut >= len(out) // 2 else out.rstrip("，、；：") + "…"
    words = text.split()
    while words and spoken_length(" ".join(words) + "…", language) > max_s:
        words.pop()
    kept = " ".join(words)
    cut = max(kept.rfind(p) for p in ".!?")
    return kept[:cut + 1] if cut >= len(kept) // 2 else kept.rstrip(",;:") + "…"


@dataclass
class _Scene:
    beats: list[int]
    narration: str
    dialogue: list[tuple[str, str]]
    visual: str
    speakers: list[str]


def _group_beats(plan: Plan, names: dict[str, str], language: str, rng: random.Random) -> list[_Scene]:
    """Beats into scenes: a dialogue beat joins the narration scene before it while ≥ 5 scenes remain."""
    tags = staging()["speech_tags"][language]
    scenes: list[_Scene] = []
    n = len(plan.beats)
    for i, beat in enumerate(plan.beats):
        line = " ".join(beat.line.split())
        visual = " ".join(beat.visual.split())
        if beat.speaker == NARRATOR:
            scenes.append(_Scene([i], line, [], visual, []))
            continue
        prev = scenes[-1] if scenes else None
        remaining = n - i - 1
        said = voice_seconds(prev.narration, language) + voice_seconds(line, language) if prev else 99.0
        if (prev is not None and not prev.dialogue and len(scenes) + remaining >= 5
                and said <= MAX_LINE_S):
            prev.dialogue.append((beat.speaker, line))
            prev.beats.append(i)
            if visual not in prev.visual.split("; "):  # the same note twice is one: its second "sneering" would be
                prev.visual = f"{prev.visual}; {visual}"  # read as the deed of the last pet the first one names
            prev.speakers.append(beat.speaker)
            continue
        action = _first_action(f"{visual} {line}") or "default"
        tag = rng.choice(tags.get(action, tags["default"])).format(name=names[beat.speaker])
        scenes.append(_Scene([i], tag, [(beat.speaker, line)], visual, [beat.speaker]))
    return scenes


def in_scenes(subs: list[Substitution], groups: Sequence[_Scene]) -> None:
    """Each of ``subs`` told with the scene its beat is drawn in (a dialogue beat shares the scene before it,
    so beats outnumber scenes); a beat no scene holds, with the next scene that does (else the last)."""
    scene_of = {i + 1: k + 1 for k, g in enumerate(groups) for i in g.beats}
    last = len(groups)
    for n, sub in enumerate(subs):
        if sub.scene is None:
            scene = scene_of.get(sub.beat) or next((scene_of[b] for b in sorted(scene_of) if b > sub.beat), last)
            subs[n] = replace(sub, scene=scene)


def as_drawn(subs: list[Substitution], scenes: Sequence[Mapping[str, Any]], ids: Mapping[str, str]) -> None:
    """Each of ``subs`` told as its scene is finally drawn, after every pass that re-stages a scene (the comeback's
    kneel, the calling's song, a re-pose): an action as its doer does it there, a place as the scene's location, a
    prop as the scene's prop of its kind (the cheering crowd a laughing one); one no longer drawn as another, gone."""
    lex = lexicon()
    kept: list[Substitution] = []
    for sub in subs:
        scene = scenes[sub.scene - 1] if sub.scene is not None and 0 < sub.scene <= len(scenes) else None
        used = sub.used
        if scene is not None and sub.kind == "action":
            who = ids.get(sub.who or "")
            used = next((str(a["action"]) for a in scene["characters"] if a["id"] == who), used)
            sub = replace(sub, who=who)
        elif scene is not None and sub.kind == "place":
            used = str(scene["location"])
        elif scene is not None and sub.kind == "prop" and used[:40] not in scene["props"]:
            kinds = set(lex.keys(used, "props"))
            used = next((str(p) for p in scene["props"] if kinds & set(lex.keys(str(p), "props"))), used)
        if used.strip().lower() != sub.wanted.strip().lower() and str(replace(sub, used=used)) not in map(str, kept):
            kept.append(replace(sub, used=used))
    subs[:] = kept


def _first_action(text: str) -> str | None:
    hits = lexicon().find(text, ["actions"])
    return hits[0].key if hits else None


def _cast_characters(plan: Plan, style: str) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Script characters (the hero drawn in ``style``) and the id map plan id → script id."""
    hero_style = CHARACTER_STYLES[style]
    lex = lexicon()
    ids: dict[str, str] = {}
    chars: list[dict[str, Any]] = []
    taken = {"hero"}
    for m in sorted(plan.cast, key=lambda c: c.role != "hero"):
        if m.role == "hero":
            ids[m.id] = "hero"
            chars.append({"id": "hero", "name": m.name, "species": hero_style.species, "breed": hero_style.breed,
                          "look": hero_style.look, "style": style, "voice": _voice(m)})
            continue
        sid = m.id if m.id not in taken else slug(f"{m.role}_{m.id}")[:24]
        taken.add(sid)
        ids[m.id] = sid
        breeds = [lex.entry("breeds", k) for k in lex.keys(f"{m.look} {m.name}", "breeds")]
        breed = next((b for b in breeds if b["species"] == m.species), None)
        look = m.look if m.species in m.look.lower() or breed else f"{m.look}, a {m.species}"
        chars.append({
            "id": sid, "name": m.name, "species": m.species,
            "breed": breed["breed"] if breed else f"{m.species}",
            "look": look[:300], "style": breed["style"] if breed and breed["style"] else None, "voice": _voice(m),
        })
    return chars, ids


_FEMALE = re.compile(r"\b(she|her|girl|queen|lady|mother|mom|mum|wife|girlfriend|sister|daughter|grandma|princess|duchess)\b|妈|母|姐|妹|女|奶奶|婆")


def _voice(m: PlanCharacter) -> str:
    text = f"{m.name} {m.look} {m.id}".lower()
    if m.role == "family" and re.search(r"\b(kitten|puppy|baby|son|daughter|kid)s?\b|崽|宝宝|孩子", text):
        return "child"
    return "female" if _FEMALE.search(text) else "male"


def _zh_words(text: str) -> str:
    """A Chinese line as Chinese writes it: one space between hanzi and a Latin word (``cjk_spaced``), and a
    place's own locative (``spine.json``'s ``zh_locatives``: 街上, never 街头里; 舞台上; 海边)."""
    for wrong, right in spine_data()["zh_locatives"].items():
        if wrong != "about":
            text = text.replace(wrong, right)
    return cjk_spaced(text)


_OUTSIDE = re.compile(r"on the street, outside the ([a-z' ]+?)(?:,|$)")  # staged.py: thrown out of a place


def expand_plan(
    plan: Plan,
    premise: str,
    style: str,
    language: str,
    seed: int,
    art_style: str = "storyboard",
    *,
    substitutions: list[Substitution] | None = None,
    asks: Mapping[int, Sequence[str]] | None = None,
) -> Script:
    """The full ``Script`` for ``plan``: the hero drawn in ``style``, staging derived from the beats.

    Places and props the painter cannot draw are mapped to the nearest drawable ones; each mapping
    is appended to ``substitutions`` when a list is given (``petreel make --report`` shows them).
    ``asks`` (0-based beat → the premise's own words for things its clause names, "food truck") are
    put first in that beat's scene props, so the painter draws them or reports what it drew instead.
    """
    # 1. Inputs, seeded choices, the premise's own job and place.
    lang = normalise_language(language)
    rng = _rng(premise, seed, plan.title, lang)
    art = ART_STYLES.get(art_style) or ART_STYLES["storyboard"]
    hints = premise_hints(premise)
    lex = lexicon()
    stage = staging()
    subs: list[Substitution] = substitutions if substitutions is not None else []
    from story.premise import analyse

    worn = own_job(analyse(premise))  # the premise's job is the hero's (a farmer who adopts it keeps the farmer's)

    # 2. The cast: the hero in the chosen style, the others as the plan describes them. A hero whose
    #    breed the catalogue lacks (a chihuahua) keeps that breed under its species' default style.
    characters, ids = _cast_characters(plan, style)
    if hints.hero_breed is not None:
        entry = lex.entry("breeds", hints.hero_breed)
        hero_char = characters[0]
        if entry["style"] is None and entry["species"] == hero_char["species"] and style == hints.hero_style:
            hero_char.update(breed=entry["breed"], look=entry["look"], style=None)
        coat = breed_look(hints.hero_breed, hints.hero_colour)
        if coat != entry["look"] and entry["species"] == hero_char["species"] and style == hints.hero_style:
            hero_char.update(breed=entry["breed"], look=coat, style=None)  # "a poodle, all black", 金毛，毛是黑色的
    if hints.hero_colour is not None and hints.hero_breed is None and style == hints.hero_style:
        colour_look(characters[0], hints.hero_colour)
    if hints.hero_young is not None:
        characters[0]["look"] = young_look(str(characters[0]["look"]), hints.hero_young)
    body = [str(e["look"]) for t in hints.hero_traits if (e := lex.entry("traits", t)).get("hero_look")]
    if body:  # what a trait says of the hero's body is drawn ("a skinny stray": its ribs showing)
        characters[0]["look"] = ", ".join([str(characters[0]["look"]), *body])[:300]
    by_sid = {c["id"]: c for c in characters}
    members = {ids[m.id]: m for m in plan.cast}
    names = {m.id: m.name for m in plan.cast}
    called = set(names.values())
    gone = {m.id for m in plan.cast if m.gone and m.role != "hero"}  # remembered, never on screen nor heard
    if gone:
        plan = plan.model_copy(update={"beats": [b.model_copy(update={"speaker": NARRATOR}) if b.speaker in gone
                                                 else b for b in plan.beats]})

    # 3. Beats into scenes, then each scene's staging.
    groups = _group_beats(plan, names, lang, rng)
    scenes: list[dict[str, Any]] = []
    location: str | None = None
    reached = False  # the hero's calling was reached in a scene before
    opened = False  # a scene told the hero opening its shop (a build event): its job is worn from there on
    arrived = not hints.bought and not hints.dreamt  # the story has reached its place (one the hero opens later:
    # once a scene names it; one only dreamt of: never)
    told_job = not hints.job_later  # the story has reached the hero's job (told in a later clause: once a scene does)
    left: str | None = None  # where the hero opened a shop of its own that its old job is not done at: job left there
    where = PremisePlace(hints.place, hints.later_venue, hints.bought, bool(hints.out_in), bool(hints.role),
                         hints.bought and hints.job == hints.calling, hints.place_said, hints.dreamt,
                         hints.opens_later)  # the premise's hints on where scenes are
    for n, group in enumerate(groups):
        seen = outside_names(group.visual, lex.find(group.visual), called)  # 奶茶, 饼干, 球球: pets' names here,
        said = " ".join([group.narration, *(t for _, t in group.dialogue)])
        hits = seen + outside_names(said, lex.find(said), called)  # never a thing drawn
        beat_no = group.beats[0] + 1
        opened = opened or any(h.section == "events" and h.key == "build" for h in hits)  # "opens a burger shop"
        told_job = told_job or any(h.section == "jobs" and h.key == hints.job for h in hits)
        opens, dreams = openings(group.narration)  # the hero opens a shop or venue here (never one only dreamt of),
        opens = None if any(s.get("opens") for s in scenes) else opens  # the first time the story tells it
        job_entry = lex.entry("jobs", hints.job) if hints.job and (opened or not hints.opens_job) and told_job \
            and left is None else None
        # 3a. where (story/location.py): the place the note names, else the job's place in a work scene, else where
        #     we were; outdoors in the premise's open weather
        location, found = scene_location(group.visual, seen, hits, location,
                                         str(job_entry["location"]) if job_entry else None, where, beat_no)
        if opens and job_entry and not hints.opens_job and location != job_entry["location"] and not any(
                h.section == "jobs" and h.key == hints.job for h in lex.find(opens)):  # its own delivery company: kept
            left, job_entry = location, None  # a delivery rider's own hot pot shop: no uniform nor scooter from here
        arrived = arrived or reaches_place(location, f"{group.visual} {group.narration}", where,
                                           told_open=bool(opens) or any(s.get("opens") for s in scenes))
        subs.extend(found)
        # 3b. when and the weather
        times = [h.key for h in hits if h.section == "times"]
        time_of_day = times[0] if times else ("night" if location == "space" else "day")
        weather = scene_weather(group.visual, location, hints, scenes[-1] if scenes else None)
        wet = stage["out_in"]["places"]
        if location == wet["rain"] and wet.get(weather, location) != location:
            location = str(wet[weather])  # the arc's rainy street in a snowy story: the street, in the snow
        # 3c. who is there and what each does
        present = _present(group, members, ids)
        apps = _appearances(present, group, members, hits, job_entry if worn else None, n, len(groups), location)
        _with_partner(apps, hints.lovers, ids, " ".join([group.narration, *(t for _, t in group.dialogue)]))
        if studies_elsewhere(location, apps, group.narration):
            location = "bedroom"  # studies at night after its shift at the warehouse: at home, at its desk
        if any(h.section == "events" and h.key in _LEFT_BEHIND for h in hits):
            _left_behind(apps)
        deed = role_action(hints.role)
        for a in apps:  # a photographer with the camera up, a boxer with gloves, where it would only stand or work
            if deed and a["id"] == "hero" and a["action"] in ("stand", "work") and not any(
                    o.get("target") == "hero" for o in apps):
                a.update(action=deed, expression=stage["action_expression"][deed])
                if deed == "play":
                    a["holding"] = instrument(hints.role)
        grown = grows_up(said)  # "grows up to become a firefighter": the becoming itself
        calling = reach_calling(apps, hints, hits, n, len(groups), reached, grown)
        reached = reached or bool(hints.calling) and reaches(str(hints.calling), hits, n, len(groups), grown)
        # 3d. props: named ones, then the job's in a work scene
        # a tool action's own gear is drawn in its pose ("fishing": a rod; "climbing the ladder"): not a second prop
        tools = [h for h in hits if h.section == "actions" and tool_action(h.key)]
        doing = {a["action"] for a in apps if tool_action(a["action"])}
        props = [hints.ball if hints.ball and (h.surface.lower() in stage["balls"]["words"] or hints.toy_ball and
                                              h.key == "toy")  # 球: the premise's own ball
                 else str(lex.entry("props", h.key)["label"]) for h in hits if h.section == "props" and not any(
            t.surface == h.surface or t.start <= h.start < t.end for t in tools) and not any(
            is_gear(a, h.surface) for a in doing)]  # basketball, not a toy
        trains = hints.job in stage["training_jobs"]["jobs"] or hints.trains and not hints.job
        deed = staging()["job_deeds"].get(hints.job or "", "train" if trains else "work")
        for a in apps:  # a pop star's work is singing, a dancer's dancing
            if a["id"] == "hero" and a["action"] == "work" and deed != "work" and calling is None:
                a.update(action=deed, expression=stage["action_expression"][deed])
                a.pop("holding", None)
        for a in apps:  # the hero's job not reached yet, or left for its own shop: not worn (its own apron there)
            if a["id"] == "hero" and hints.job and not hints.opens_job and (not told_job or left is not None):
                a["off_job"] = True
                if location == left and a["outfit"] == "none" and a["action"] not in ("sick", "sleep"):
                    a["outfit"] = "apron"
        working = any(a["action"] == "work" for a in apps)
        if calling is not None:  # the calling's own props (the fire hose), never the old job's
            props = [str(p) for p in calling["props"]] + props
        elif job_entry and (working or any(a["id"] == "hero" and a["action"] == "drive" for a in apps)):
            rides = {str(lex.entry("props", k)["label"]) for k in RIDES}  # a taxi driver's taxi where it drives,
            kit = [hints.ride if hints.ride and p in rides else str(p) for p in job_entry["props"]]  # a bus driver's
            props += kit  # bus
            for a in apps:
                if a["action"] == "work" and a["id"] == "hero":
                    a["holding"] = kit[0][:40]
        elif hints.ride and any(h.section == "jobs" and h.key == hints.job for h in hits):
            props.append(hints.ride)  # "a truck driver dog rescues puppies": its truck stands where its job is told
        # 3d'. the dream reached (second half): its own props (a company's sign), and for a company the
        #      hero's old job's first prop too, so a delivery rider's company is a delivery scooter company
        if (hints.dream and 2 * n >= len(groups)
                and any(h.section == "jobs" and h.key == hints.dream for h in hits)):
            dream_props = [str(p) for p in lex.entry("jobs", hints.dream)["props"]]
            if hints.dream == "founder" and job_entry:
                dream_props.append(str(job_entry["props"][0]))
            props = [*dream_props, *props]
        asked = [a for i in group.beats for a in (asks or {}).get(i, ()) if not any(is_gear(x, a) for x in doing)]
        if hints.toy_ball:  # 成了球队的队长: the premise's own ball, never a teddy bear
            asked = [str(hints.ball) if a == lex.entry("props", "toy")["label"] else a for a in asked]
        props = list(dict.fromkeys(p[:40] for p in [*asked, *props]))
        props = [p for p in props if _broken_form(p) not in props][:MAX_PROPS]  # broken, it is not also whole
        if shown_alone(group.visual):  # "pretending to sing, alone in a tiny room" (…台下一个观众都没有): no crowd
            props = [p for p in props if "crowd" not in p and p != "onlookers"]  # cheers it, or it reads as the win
        jeer = stage["jeering_crowd"]
        if any(h.section == "events" and h.key == "mock" for h in hits) or any(
                a["action"] in jeer["actions"] and a.get("target") for a in apps) or putdown_hits(
                said, lex.tokenize(said), hits):  # "everyone laughs at him", 大家都说它永远不会成功
            cheer = str(lex.entry("props", "crowd")["label"])
            props = list(dict.fromkeys(str(jeer["label"]) if p == cheer else p for p in props))
        # 3d''. another day of the same practice (story/practice.py): drawn at another time of day, not the same picture
        if not times and not any(h.section == "weathers" for h in hits):
            time_of_day = another_day(scenes[-1] if scenes else None, location, apps, props, time_of_day,
                                      group.visual)
        # 3e. mood and camera
        mood = _mood(hits, [a["action"] for a in apps], n, len(groups))
        camera = rng.choice(stage["mood_cameras"][mood])
        # 3f. the words: narration, dialogue (fitted to the scene), caption, setting, prompt
        spaced = _zh_words if lang == "zh" else str  # 当 CEO, 用 App: a space between hanzi and a Latin word
        narration = spaced(_fit_text(group.narration, lang, 9.0 if group.dialogue else 15.0))
        dialogue = [{"speaker": ids[s], "text": spaced(_fit_text(t, lang, 7.0))} for s, t in group.dialogue][:MAX_LINES]
        caption = scene_title(location, time_of_day, weather, lang)
        setting = rng.choice(stage["settings"][location])
        extras = " ".join(w for w in (stage["time_words"][time_of_day], stage["weather_words"][weather]) if w)
        setting = f"{setting} {extras}".strip()[:200]
        people = "; ".join(_describe(by_sid[a["id"]], a, hints.hero_traits if a["id"] == "hero" else ())
                           for a in apps)
        door = str(stage["thrown_out"]["setting"])
        if location == "street" and f"by the {door}" in group.visual.split(";")[0]:  # thrown out: at the house's
            setting = f"{door}: {setting}"[:200]  # shut front door (the painter's house front), never a shop street
        elif location == "street" and (out := _OUTSIDE.search(group.visual.split(";")[0])):  # thrown out of a
            setting = f"outside the {out.group(1)}: {setting}"[:200]  # restaurant, a shop: out on its street
        if hints.place_word and location == hints.place and arrived and hints.place_word.lower() not in setting.lower():
            setting = f"{hints.place_word}: {setting}"[:200]
        if hints.details and n in (0, len(groups) - 1):
            people = f"{people}; story details: {', '.join(hints.details)}"
        shown = group.visual if not _HAN.search(group.visual) else ""
        visual_prompt = "; ".join(x for x in (
            people, shown, ", ".join(props), setting, stage["camera_words"][camera],
            f"{art.prompt}, vertical 9:16",
        ) if x)
        scenes.append({
            "location": location, "setting": setting, "characters": apps, "visual_prompt": visual_prompt[:600],
            "narration": narration[:400], "caption": caption[:120], "duration": 0.0, "camera": camera,
            "mood": mood, "time_of_day": time_of_day, "weather": weather, "props": props, "dialogue": dialogue,
            "memory": any(plan.beats[i].memory for i in group.beats),  # the past shown: the beat's, not its words
            "opens": opens,
            "dreams": dreams,
        })

    _show_role(scenes, hints)
    show_buying(scenes, {str(c["id"]): str(c["name"]) for c in characters})
    job = lex.entry("jobs", hints.job) if hints.job else None  # the humble job riches leave behind
    show_riches(scenes, str(job["outfit"]) if job else None, [str(p) for p in job["props"]] if job else [], MAX_PROPS,
                names={str(c["id"]): str(c["name"]) for c in characters})
    show_owner(scenes, str(job["outfit"]) if job else None, [str(p) for p in job["props"]] if job else [])
    # "a waiter … opens his own restaurant": the owner in a suit from there, never in the waiter's vest
    show_damage(scenes, analyse(premise), MAX_PROPS)
    if story_kind(analyse(premise)).id == "failed":  # "…but she didn't get the job": no grin, no trophy after it
        show_unmet(scenes, story_kind(analyse(premise)).closes, str(characters[0]["id"]))
    show_illness(scenes, story_kind(analyse(premise)), [str(c["id"]) for c in characters])  # a getting-well story: the
    # patient in bed until it is well, its carer caring for it, then both up together
    show_adopter(scenes, analyse(premise), [str(c["id"]) for c in characters])  # "adopted by a kind old lady": she is
    # at home with the hero from the scene she takes it in
    show_last_wish(scenes, analyse(premise), lang, [" ".join(plan.beats[i].visual for i in g.beats) for g in groups],
                   [str(c["id"]) for c in characters], frozenset(ids[g] for g in gone))
    # a last wish: said at home, dreamt of, then granted at the wished place with the loved one beside the hero
    show_voyage(scenes, analyse(premise), lang, [[(plan.beats[i].line, plan.beats[i].visual) for i in g.beats]
                                                  for g in groups], MAX_PROPS,
                [str(c["id"]) for c in characters], frozenset(ids[g] for g in gone))  # a trip (a rocket to the moon): each scene drawn in its leg of the trip
    show_quarrel(scenes, analyse(premise), story_kind(analyse(premise)), [str(c["id"]) for c in characters],
                 MAX_PROPS)  # a quarrel: both angry over the thing, then both glad with it at the end
    show_divorce(scenes, MAX_PROPS)  # "get divorced": the papers and the ring, the two apart, never chatting
    show_mockers_stunned(scenes, analyse(premise), MAX_PROPS, characters)  # "everyone laughed at her": stunned, at the end
    show_visit_served(scenes, analyse(premise))  # "the cat who mocked her comes to eat at her restaurant": served
    show_comeback(scenes, analyse(premise))  # 当年赶走他的老板来应聘服务员: the old boss humbled before the chef
    show_group_comeback(scenes, analyse(premise))  # "…and the customers come begging": the many stunned, the hero glad
    kin_at_the_win(scenes, [ids.get(p.key, p.key) for p in analyse(premise).cast[1:]  # "trains with his grandma":
                            if p.relation in KIN and p.of == "hero" and p.side == "hero" and not p.gone])  # she sees him win
    show_off_job(scenes, analyse(premise), hints.job if worn and analyse(premise).job else None, hints.calling,
                 {str(c["id"]): str(c["name"]) for c in characters}, hints.place)  # a job quit, another's trade
    show_made_boss(scenes, premise, {str(c["id"]): str(c["name"]) for c in characters})  # 当上老板: in a suit
    show_held_sign(scenes, premise)  # 举着牌子: the sign in the hero's paws
    show_helpers(scenes, {ids.get(p.key, p.key): p.words for p in analyse(premise).cast},
                 {str(c["id"]): str(c["name"]) for c in characters},
                 stage["action_expression"])  # "the neighbours help her": all of them at it
    show_at_door(scenes, premise, story_kind(analyse(premise)).id, lang)  # 在家门口等: at the house's front door
    thief = thief_of(analyse(premise), story_kind(analyse(premise)).id, ids, [str(c["id"]) for c in characters])
    show_thief(scenes, thief, next((str(c["name"]) for c in characters if c["id"] == thief), ""))  # "the thief runs
    # away": the thief seen running off with the purse, chased, caught; never the hero chasing nobody
    in_scenes(subs, groups)  # the report says the scene each substitution is drawn in, not the plan's beat
    one_crowd(scenes)  # the judges in tears, the mockers stunned: that crowd, no cheering one beside it
    crowd_in_mood(scenes)  # a pet in tears: the crowd looks on, never cheers
    said_as_drawn(scenes)  # no "Nobody … notices" beside the crowd drawn, no "The whole school goes quiet" with none
    vary_pictures(scenes)  # never the same picture twice in a row: one pet re-posed (mocked again: head down)
    as_drawn(subs, scenes, ids)  # the report says what each scene finally draws, after every pass above

    # 4. Timing: each scene holds its narration and dialogue as our voices say them; 32–58 s in all.
    spoken = [scene_seconds([s["narration"], *(d["text"] for d in s["dialogue"])], lang) for s in scenes]
    for scene, dur in zip(scenes, fit_durations(spoken), strict=True):
        scene["duration"] = dur

    # 5. Assemble and validate.
    return Script.model_validate({
        "title": (cjk_spaced if lang == "zh" else str)(" ".join(plan.title.split()))[:80], "language": lang, "premise": premise, "style": style,
        "art_style": art.id, "characters": characters, "scenes": scenes,
    })


def _show_role(scenes: list[dict[str, Any]], hints: Hints) -> None:
    """A hero whose role is a deed done with gear (a photographer) does it at least once: where no scene shows
    it, the first where the hero only stands, talks or thinks (mocked, with the camera up)."""
    deed = role_action(hints.role)
    if not deed or any(a["action"] == deed for s in scenes for a in s["characters"] if a["id"] == "hero"):
        return
    for s in scenes:
        hero = next((a for a in s["characters"] if a["id"] == "hero" and a["action"] in ("stand", "talk", "think")), None)
        if hero is not None:
            hero.update(action=deed, expression=staging()["action_expression"][deed])
            hero.pop("target", None)
            if deed == "play":
                hero["holding"] = instrument(hints.role)
            return


# the places one works at, where nobody sits down to study: the hero who studies there is drawn at home, at its
# desk, unless the scene's words name the place it studies at ("studies in the hospital's break room")
_WORKPLACES = frozenset({"construction_site", "restaurant", "kitchen", "hospital", "shop", "market", "farm",
                         "station"})


def studies_elsewhere(location: str, apps: list[dict[str, Any]], narration: str) -> bool:
    """The hero studies (``apps``, its action) in a scene drawn at a workplace (``_WORKPLACES``) whose own words
    (``narration``) name no place: it studies at home ("works at a warehouse by day and studies at night")."""
    return location in _WORKPLACES and any(a["id"] == "hero" and a["action"] == "study" for a in apps) and not any(
        h.section == "places" for h in lexicon().find(narration))


def _present(group: _Scene, members: dict[str, PlanCharacter], ids: dict[str, str]) -> list[str]:
    """Script ids of the characters in a scene (at most 3): speakers, then those mentioned, else the hero;
    never one who is gone (the grave, a photo and flowers stand for them)."""
    text = " ".join([group.visual, group.narration, *(t for _, t in group.dialogue)])
    order: list[tuple[int, str]] = []
    for sid, member in members.items():
        if member.gone and member.role != "hero":
            continue
        pos = _mentions(text, member)
        if pos is not None:
            order.append((pos, sid))
    mentioned = [sid for _, sid in sorted(order)]
    alone = re.search(r"\balone\b", group.visual.split(";")[0])
    if alone and mentioned:  # "we see Mango waiting alone": the one waited for is away; who the visual names is there
        there = [s for s in mentioned if (_mentions(group.visual[:alone.start()], members[s]) is not None)]
        mentioned = there or mentioned[:1]
    speakers = [ids[s] for s in group.speakers]
    present = list(dict.fromkeys([*speakers, *mentioned]))
    if "hero" not in present and not speakers:
        present.insert(0, "hero")
    if "hero" in present and present.index("hero") >= 3:
        present.remove("hero")
        present.insert(0, "hero")
    return present[:3]


def _appearances(
    present: list[str], group: _Scene, members: dict[str, PlanCharacter], hits: list[Hit],
    job_entry: dict[str, Any] | None, index: int, total: int, location: str = "street",
) -> list[dict[str, Any]]:
    stage = staging()
    lex = lexicon()
    visual = group.visual
    # a staging note is English even where the names are hanzi ("we see 大黄 climbing 年糕"): read it as English
    # and so is an arc's note whose only hanzi are the cast's names ("可乐 hugging 奶茶, happy"): "hugging" hugs
    bare = visual
    for m in members.values():
        bare = bare.replace(m.name, "")
    tokens = tokenize_en(visual) if visual.startswith("we see ") or not _HAN.search(bare) else lex.tokenize(visual)
    vis_hits = lex.find_tokens(tokens, ["actions", "outfits"])
    positions = {sid: _mentions(visual, members[sid]) for sid in present}

    mentioned = sorted((p, sid) for sid, p in positions.items() if p is not None)

    def owner(hit: Hit) -> str:
        """Who does the action: the one named right before the verb, else the note's subject."""
        pos = tokens.offsets[hit.start] if hit.start < len(tokens.offsets) else 0
        said_before = visual[:pos].rstrip()
        for sid in present:  # "we see Scout hugging Pearl, Pearl shivering": a name said again opens its own clause
            name = members[sid].name
            if name and said_before.endswith(name) and said_before[:-len(name)].rstrip().endswith(",") \
                    and ";" not in said_before:  # in the note's own sentence, not one a later beat added
                return sid
        before = [(p, sid) for p, sid in mentioned if p <= pos]
        for p, sid in reversed(before):
            lead = visual[max(0, p - 6):p].lower()
            if p == 0 or re.search(r"(,|;|\band|\bwhile|\bas|\bthen)\s*$", lead):
                return sid  # this name opens the clause the verb is in
        return mentioned[0][1] if mentioned else present[0]

    def joined(who: str) -> list[str]:
        """``who`` and the ones named right before it, "A and B" (the note's "we see Koda and Noodle laughing")."""
        out = [who]
        for p, sid in reversed(mentioned):
            at = positions[out[-1]]
            if at is not None and p < at and visual[p:at] == f"{members[sid].name} and ":
                out.append(sid)
        return out

    acts: dict[str, str] = {}
    said: dict[str, str] = {}  # the words each one's action is said with ("playing the guitar")
    outfits: dict[str, str] = {}
    for hit in vis_hits:
        who = owner(hit)
        if hit.section == "actions":
            for sid in joined(who) if hit.key in _SHARED_ACTIONS else [who]:
                if sid not in acts or _PRIORITY.get(hit.key, 0) > _PRIORITY.get(acts[sid], 0):
                    acts[sid], said[sid] = hit.key, hit.surface
        else:
            outfits.setdefault(who, hit.key)
    line_actions = {s: a if a in _SPOKEN_ACTIONS else None for s, t in group.dialogue for a in [_first_action(t)]}
    apps: list[dict[str, Any]] = []
    for k, sid in enumerate(present):
        member = members[sid]
        plan_id = member.id
        action = acts.get(sid) or line_actions.get(plan_id) or ("talk" if plan_id in line_actions else "stand")
        outfit = outfits.get(sid)
        if outfit is None and sid == "hero" and job_entry and action in ("work", "treat"):
            outfit = str(job_entry["outfit"])
        if outfit is None and re.search(r"\b(rich|posh|wealthy|boss|tycoon|ceo)\b", member.look.lower()):
            outfit = "suit"
        if (outfit is None and sid == "hero" and index == total - 1 and job_entry and job_entry.get("dream")
                and location != "bedroom"):  # the calling's costume at last, never to bed at home
            outfit = str(job_entry["outfit"])
        expression = stage["action_expression"].get(action, "neutral")
        if action == "laugh" and member.role in {"hero", "friend", "family"}:
            expression = "happy"
        app: dict[str, Any] = {"id": sid, "expression": expression, "outfit": outfit or "none", "action": action,
                               "facing": "front"}
        if action == "play":  # the instrument played, for the painter (never a second prop)
            app["holding"] = instrument(said.get(sid, ""))
        elif action == "climb":  # what is climbed, for the painter: a tree, a rock face, a ladder
            app["holding"] = climbed(visual)
        if len(present) > 1:
            app["facing"] = "right" if k == 0 else "left"
            if action in stage["targeted_actions"]:
                others = [o for o in present if o != sid]
                app["target"] = "hero" if "hero" in others else others[0]
        apps.append(app)
    return apps


def _with_partner(apps: list[dict[str, Any]], lovers: Sequence[tuple[str, str]], ids: Mapping[str, str],
                  words: str = "") -> None:
    """A partner who leaves the hero with or for another pet is seen with it: where both are on screen with
    the hero, the new love, doing nothing of its own, is at the partner's side (its target, so the painter
    stands the pair together, the hero apart) and goes where the partner goes (walking out, running off); where
    the scene's ``words`` tell the affair itself (``story.affairs.tells_affair``: "catches his wife cheating with a
    rich poodle", 出轨) and the partner only stands, talks or sneers, the two hug, in love, a couple before the hero."""
    on = {a["id"]: a for a in apps}
    for love, partner in lovers:
        new, old = on.get(ids.get(love, "")), on.get(ids.get(partner, ""))
        if new is None or old is None or "hero" not in on or new["action"] != "stand" or \
                new.get("target") not in (None, "hero"):
            continue
        new["target"] = old["id"]
        if old["action"] in _LEAVING:
            new["action"] = old["action"]
        elif tells_affair(words) and old["action"] in ("stand", "talk", "sneer"):
            for one, other in ((new, old), (old, new)):
                one.update(action="hug", target=other["id"], expression="love")
                one.pop("holding", None)


def _left_behind(apps: list[dict[str, Any]]) -> None:
    """A pet abandoned ("is left at the shelter by his family", 被主人遗弃在收容所) is seen left behind: the one who
    leaves it walks away (never the one in tears), and the hero, where it only stood or watched, cries after them."""
    hero = next((a for a in apps if a["id"] == "hero"), None)
    if hero is None or hero["action"] in _LEAVING:
        return  # the hero is the one who goes
    for a in apps:
        if a is not hero and a["action"] in {"cry", "stand", "exit"} and a.get("target") in (None, "hero"):
            a.update(action="exit", expression="neutral", facing="right")
            a.pop("target", None)
    if hero["action"] in {"stand", "talk", "think"}:
        hero.update(action="cry", expression=staging()["action_expression"]["cry"])
    if len(apps) > 1:
        hero["facing"] = "left" if apps[0] is not hero else "right"  # toward the ones walking away


_LEFT_BEHIND = {"abandon"}  # the events that leave the hero behind
_LEAVING = {"exit", "run", "walk"}  # the partner's going, the new love's too
_SHARED_ACTIONS = {"laugh", "sneer", "point", "shocked", "kneel", "cry"}  # "we see Koda and Noodle laughing at Bear":
# both of them laugh; "we see Max and Sunny staring at Waffles": both are stunned
_SPOKEN_ACTIONS = {"sneer", "laugh", "point", "cry", "push", "celebrate", "shocked", "kneel", "hug", "sing", "wave"}
_PRIORITY = {"walk": -1, "stand": -2, "talk": -1, "enter": 0, "exit": 0, "think": 0, "sneer": 3, "laugh": 2,
             "push": 3, "point": 2, "hug": 4, "kneel": 3, "shocked": 3, "cry": 2, "celebrate": 2, "give": 2,
             "work": 1, "sing": 2, "spill": 3, "treat": 3, "sick": 3, "dance": 2, "roll": 2, "swim": 2, "fish": 2,
             "photo": 2, "climb": 2, "dig": 2, "skip": 2, "play": 2, "fight": 3, "catch": 3, "train": 1, "sulk": 3}


def _mood(hits: list[Hit], actions: list[str], index: int, total: int) -> str:
    stage = staging()
    events = {h.key for h in hits if h.section == "events"}
    if index == total - 1:
        return "happy" if events & {"forgive", "find", "marry"} or "hug" in actions else "triumphant"
    for action in actions:
        if action in stage["mood_actions"]:
            mood = str(stage["mood_actions"][action])
            return "tense" if index == 0 and mood == "calm" else mood
    if events & {"mock", "betray", "steal", "fire", "dump", "frame", "abandon", "lose", "lost_pet"}:
        return "sad"
    if events & {"win", "win_back", "get_rich", "become"}:
        return "triumphant"
    return "tense" if index == 0 else ("dramatic" if index >= total - 3 else "calm")


def _describe(char: dict[str, Any], app: dict[str, Any], traits: Sequence[str] = ()) -> str:
    stage = staging()
    if traits:
        words = " and ".join(str(lexicon().entry("traits", t)["en"][0]) for t in traits)
        char = {**char, "look": f"{char['look']}, looking {words}"}
    outfit = stage["outfit_words"].get(app["outfit"], "")
    doing = stage["action_words"].get(app["action"], "")
    worn = f" wearing {outfit}" if outfit else ""
    held = f" holding a {app['holding']}" if app.get("holding") else ""
    return f"{char['look']}, {app['expression']} expression{worn}, {doing}{held}"
