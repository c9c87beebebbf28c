"""The arc woven around the premise's beats, and the story filled to its planned length. Pure.

``weave`` puts the premise beats (``story.spine``) among an arc's template beats. The arc only adds
what the premise leaves open: a template beat of a phase the premise tells (its wrong, its rise,
its outcome) is dropped unless it is dialogue that names no other event, or it tells the same
vocabulary event in the same direction (the richer arc line, kept right after the premise's).
``fill`` brings the beats to the planned length with reactions, feelings and the time in between
(``story/data/spine.json``, or the story kind's own pools), never with a new event.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from typing import Any

from story import takenin
from story.aftermath import after_deed, done_to, setback_befalls
from story.claims import claims_business
from story.clauses import Clause
from story.dangers import tells_rescue
from story.draws import aside
from story.holidays import calendar_day
from story.kinds import CALM, STRIVING, Kind, kinds_data, says_kind, says_words
from story.lexicon import lexicon
from story.mockers import shown_alone
from story.plan import (
    FILL_S,
    LINE_MOST,
    MAX_BEATS,
    MAX_LINE_S,
    MIN_BEATS,
    NARRATOR,
    TARGET_MAX_S,
    staging,
    voice_seconds,
)
from story.plan import beats_seconds as length  # the seconds the beats take to say
from story.practice import contest_untold, only_wished, practice_note, untold_pools
from story.premise import Analysis
from story.repeats import repeats, sentences
from story.riches import riches_homes
from story.scenefit import fits_scene, scene_of
from story.script import spoken_length
from story.spinedata import spine_data
from story.staged import PLACE_SAID, Beat, Cast, action, broad_place, dreamt_own, mending, phase, place_said
from story.takenin import (
    HOME_MOST,
    at_home,
    taken_beat,
    wait_and_meet,
    wait_place,
    wait_pools,
    waiting_visual,
)
from story.text import HAN, PLANETS, at_proper_place, fill_fields, proper_place, within
from story.voyage import asked_again
from story.watched import WHOLE_DOES
from story.weather import fits_weather


def _self_told(line: str, vals: dict[str, str]) -> bool:
    """A line about two that would name one pet twice ("Miso holds Miso close until the shaking stops")."""
    return "{actor}" in line and "{object}" in line and vals.get("actor") == vals.get("object")


def _phase_of(beat: Beat) -> str:
    return str(spine_data()["slot_phases"].get(beat.get("slot", ""), "rise"))


def weave(template: list[Beat], spine: list[Beat], clauses: Sequence[Clause], analysis: Analysis,
          cast: Cast) -> list[Beat]:
    """The premise beats in order, with the template beats the premise leaves room for: a phase the
    premise tells keeps only the arc's reaction dialogue (said after the premise's last clause of
    that phase); a phase it leaves open keeps the arc's beats, before the first clause that comes
    later in the story."""
    lex = lexicon()
    data = spine_data()
    order = data["phase_order"]
    told = {e for c in clauses for e in c.events}
    kinds = {b["kind"] for b in spine}

    # "a burglar breaks into the house and the brave corgi catches him": the thief's clause is the snatch, the hero's
    # the catch (``Kind.told_deeds``)
    own = _own_deeds(spine, clauses, cast) if cast.story.told_deeds else {}

    def phase_of(b: Beat) -> str:  # a quarrel's "…and finally share it" is its last scene (``Kind.ends_last``)
        if id(b) in own:
            return own[id(b)]
        last = cast.story.ends_last and b["kind"] == "outcome" and b is spine[-1]
        return "end" if last else phase(b["kind"])

    covered = {phase_of(b) for b in spine}
    if "outcome" in covered:
        covered.add("end")
        if len(clauses) >= 3:
            covered.add("climax")
    hurt = "hurt" in kinds or "setback" in kinds and bool(cast.story.hurts)  # a quarrel's loss: its tears and its row
    reactions = set(data["reaction_slots"].get("hurt" if hurt else "other", []))
    before: dict[int, list[Beat]] = {}
    after: dict[int, list[Beat]] = {}
    tail: list[Beat] = []
    last_of: dict[str, int] = {phase_of(b): int(b["clause"]) for b in spine}
    deed_beat = _deed(spine, clauses, cast, phase_of)  # a later clause's deed, the arc's build-up told before it
    back = _returned(spine, clauses, cast)  # "…until one winter she comes back": the wait's end is the premise's
    for b in template:
        ph = _phase_of(b)
        if back is not None and ph == "climax":  # the arc's meeting is no second return before the premise's
            if b["speaker"] != NARRATOR:  # own: "Is it really you?" is said when she is back, its "One day, a
                after.setdefault(back, []).append(b)  # familiar figure steps out" never told
            continue
        events = {h.key for h in lex.find(b["line"], ["events"])} if b["slot"] not in _PRACTICE else set()
        if b["slot"] in {"place", "job"}:
            continue  # the premise's first clause introduces the hero, the job and the place itself
        if events & told:
            continue  # the premise's own clause tells that event, in its own place
        if b["slot"] == "cameo" and _names_told(b, clauses, cast):
            continue  # the premise's own lines show who this pet is
        if b.get("builds_up") and deed_beat is not None:  # the cry for help, the slippery way: right before the deed
            b["open"] = True  # they build to (the flood rescue), never before the premise's own opening,
            where = PLACE_SAID.search(str(deed_beat["visual"]))  # and where the deed is done
            if where and not PLACE_SAID.search(str(b["visual"])):
                b["visual"] = f"{b['visual']}{where.group(0)}"
            before.setdefault(int(deed_beat["clause"]), []).append(b)
            continue
        if ph in covered and not b.get("always"):  # a step the premise never tells stays (the race's start)
            if b["slot"] == "cameo":
                before.setdefault(spine[0]["clause"], []).append(b)
            elif b["speaker"] != NARRATOR and b["slot"] in reactions and not events - told:
                after.setdefault(last_of.get(ph, int(spine[-1]["clause"])), []).append(b)
            elif ph == "rise" and b["speaker"] == NARRATOR and not events and not _names_other(b, cast):
                at = last_of["rise"]  # the time in between, the hero alone; a getting-well story's care (the soup,
                if cast.story.ill_setback and "wrong" in last_of:  # the night by its side) after the falling ill,
                    at = max(at, last_of["wrong"])  # never on the day it still plays in the park
                won = _first_success(spine, clauses, cast)
                if won is not None and won <= at:  # 成了大厨，开了全城最大的餐厅: the practice and the old chef's
                    before.setdefault(won, []).append(b)  # advice before the hero made it, never after it
                    continue
                after.setdefault(at, []).append(b)
            continue
        if events - told - _FEELINGS or (b["speaker"] == NARRATOR and _names_other(b, cast) and ph != "setup"
                                         and cast.story.arc is None):  # a kind's own arc tells its people

            continue  # an open phase is filled with feelings and time, not with an event the premise never tells
        here = next((s["clause"] for s in spine if order.index(phase_of(s)) > order.index(ph)), None)
        b["open"] = True  # a phase the premise leaves open: the arc may tell more of it
        (before.setdefault(here, []) if here is not None else tail).append(b)
    out: list[Beat] = []
    for s in spine:
        out.extend(before.get(s["clause"], []))
        out.append(s)
        out.extend(after.get(s["clause"], [])[:1 if _comes_back(s, spine, clauses, cast) else 2])
    out.extend(tail)
    return out


def _returned(spine: list[Beat], clauses: Sequence[Clause], cast: Cast) -> int | None:
    """The clause of the premise's last beat where it tells the one waited for come back, how a wait ends
    ("waits at the station every day for his owner until one winter she comes back"), else None."""
    last = spine[-1] if spine else None
    if last is None or last["kind"] != "outcome":
        return None
    c = clauses[int(last["clause"])]
    return c.index if c.actor not in (None, cast.hero) and cast.story.returns(c.text) else None


def _later_job(calling: str) -> bool:
    """``calling`` (the job the story reaches: 飞行员, astronaut) is one the hero only becomes at the end, not the
    training it does all along (an athlete's: ``staging.json``'s ``training_jobs``)."""
    if not calling:
        return False
    trains = {str(w) for j in staging()["training_jobs"]["jobs"] for lang in ("en", "zh")
              for w in lexicon().entry("jobs", j)[lang]}
    return calling not in trains


def _comes_back(b: Beat, spine: list[Beat], clauses: Sequence[Clause], cast: Cast) -> bool:
    """``b`` is a wrong done to the hero that the hero comes back from (its own work or success told later:
    "is mocked by a rich cat, works hard and gets rich"): the put-down is one taunt said, not the taunt and the
    hero's answer in a scene of their own (the mocking told in three scenes)."""
    if b["kind"] != "hurt":
        return False
    later = spine[spine.index(b) + 1:]
    return any(r["kind"] in {"rise", "outcome"} and clauses[int(r["clause"])].actor == cast.hero for r in later)


_DEED_PHASES = {"climax", "outcome"}  # where the premise's deed is told (an arc's build-up comes right before it)
def _deed(spine: list[Beat], clauses: Sequence[Clause], cast: Cast, phase_of: Callable[[Beat], str]) -> Beat | None:
    """The premise's beat the arc's build-up comes right before: the first that says its kind's own deed ("saves
    her from a flood", 救了小女孩), else its first beat of a climax or outcome; None where that is the premise's
    first beat (the build-up is told before it anyway)."""
    kind = cast.story.id
    own = kind in {k["id"] for k in kinds_data()["kinds"]}
    says = [b for b in spine if own and says_kind(_placeless(clauses[int(b["clause"])]), kind)]
    # the hero's own deed first: "is pulled out of a flooded river by a farmer, and years later carries the farmer
    # out of his burning barn": the build-up (the fire's cry, the one trapped, the run in) is the barn's, not the river's
    said = next((b for b in says if not _done_by_another(clauses[int(b["clause"])], cast.hero)), says[0] if says else None)
    found = said or next((b for b in spine if phase_of(b) in _DEED_PHASES), None)
    if found is spine[0] and said is None:
        return None  # a first beat of a climax: the build-up is told before it anyway
    return found  # the premise's first clause the rescue ("rescues a kitten from a tree and …"): the cry, the
    #               peril and the leap right before it, never after the kitten is safe


def _own_deeds(spine: list[Beat], clauses: Sequence[Clause], cast: Cast) -> dict[int, str]:
    """A story whose premise tells its own wrong and deed (``Kind.told_deeds``: a thief caught), the phases its beats
    are (by ``id``): the hero's own last clause of an outcome is its climax (the catch, "chases him down", 警犬抓住了他),
    and a clause before it the other side does, or one naming its thief, its wrong (the snatch, "a burglar breaks
    into the house"): the arc's lines of those phases are never told again around them (no "The chase is over"
    before the chase; no bag grabbed before the burglar breaks in)."""
    deed = next((b for b in reversed(spine) if phase(b["kind"]) == "outcome"
                 and clauses[int(b["clause"])].actor == cast.hero), None)
    if deed is None:
        return {}
    wrong = next((b for b in spine[:spine.index(deed)] if clauses[int(b["clause"])].actor != cast.hero and (
        cast.sides.get(clauses[int(b["clause"])].actor or "") == "villain"
        or says_words(clauses[int(b["clause"])].text, cast.story.id))), None)
    return {id(deed): "climax", **({id(wrong): "wrong"} if wrong is not None else {})}


def _done_by_another(c: Clause, hero: str) -> bool:
    """The clause tells another doing its deed to the hero (the farmer pulls the puppy out): not the hero's own."""
    return c.obj == hero and c.actor not in (None, hero)


def _built_up(beats: list[Beat], at: int) -> int:
    """Where a line told before ``beats[at]`` goes: before the arc's build-up to it (its cry for help, its peril,
    its leap: the beats of a slot that builds up) that stands right before it."""
    slots = {b["slot"] for b in beats if b.get("builds_up")}
    while at > 0 and beats[at - 1]["slot"] in slots:
        at -= 1
    return at


def rescued(b: Beat, c: Clause, kind: Kind | None) -> bool:
    """Premise beat ``b`` (of clause ``c``) tells a rescue story's rescue done ("rescues a kitten from a tree"):
    the lines said after it are its aftermath (safe at last, "You're safe now"), never its peril or its leap again
    ("One wrong move, and it is over", "Almost there... hold on!" after the kitten is safe)."""
    return kind is not None and kind.id == "rescue" and b["kind"] == "rise" and says_kind(_placeless(c), "rescue") \
        and tells_rescue(_placeless(c))  # "is trapped in a tree", 被困在树上: the danger, not the rescue yet (no
    #                                      "Safe at last" before the firemen come)


def _placeless(c: Clause) -> str:
    """The clause's words without the places it names ("sits at the rescue center" tells no rescue)."""
    text = c.text
    for n in c.asked:
        if n.section == "places":
            text = re.sub(re.escape(n.wanted), " ", text, flags=re.IGNORECASE)
    return text


def _first_success(spine: list[Beat], clauses: Sequence[Clause], cast: Cast) -> int | None:
    """The clause of the premise's first beat that tells the hero's own success (becomes the chef, gets rich,
    wins: an outcome of the hero's; opens its own restaurant, 开了连锁餐厅), if any."""
    return next((int(b["clause"]) for b in spine if (b["kind"] == "outcome" or "build" in clauses[int(b["clause"])].events)
                 and clauses[int(b["clause"])].actor == cast.hero), None)


_PRACTICE = {"train"}  # the dream practised ("practises founding a company a thousand times"): effort, not the event
_FEELINGS = {"dream", "work_hard"}  # a longing and the effort are what the hero feels and does, not events


def _names_told(beat: Beat, clauses: Sequence[Clause], cast: Cast) -> bool:
    """A cameo of someone the premise's own clauses name (they need no invented part)."""
    told = {k for c in clauses for k in (c.subject, c.actor, c.obj, *(p.key for p in c.parts)) if k}
    return any(cast.names.get(k) and cast.names[k] in beat["line"] for k in told if k != cast.hero)


def _names_other(beat: Beat, cast: Cast) -> bool:
    """The line names someone besides the hero (an arc line about the rival invents what they do)."""
    return any(n and n in beat["line"] for k, n in cast.names.items() if k != cast.hero)


# the place a beat's note ends on (", at the hospital", ", on the stage"): where the beat is drawn
_NOTE_PLACE = re.compile(r", (at|on) the ([a-z ]+)$")


# a filler line that calls the many to look on ("Everyone at the warehouse turns to look", "Every eye at the mall is
# on Max now", 所有人都在看着): its "everyone" is drawn as a crowd
_CALLS_CROWD = re.compile(r"\b(?:everyone|everybody|every eye|every head|all eyes)\b(?! (?:has|had) gone)|所有人|大家|全场|掌声",
                          re.IGNORECASE)


# a line that tells the many there hushed ("The whole noodle shop goes quiet", 所有人一下子都安静了): like one that calls
# them to look, never said where the note shows its one alone, nor of the hero's plain work
_HUSHED = re.compile(r"\bthe whole " + WHOLE_DOES + r"|众人|所有人|全场", re.IGNORECASE)

# a line that tells the one saved it is safe: said only to one the beat's note shows beside the speaker
_TO_SAVED = re.compile(r"\byou(?:'re| are) (?:safe|okay|ok)\b|\bI've got you\b|\bthere you are\b|你安全了|你没事了|没事了，有我在"
                       r"|你在这儿呢", re.IGNORECASE)


_ROUTINE = {"situation", "rise", "plain", "dream"}  # a clause's kinds where it tells no moment for all to see


def crowd_at_night(text: str) -> bool:
    """The words (a beat's note and lines) call the many to look on at night ("we see Max working late at night at
    the warehouse … Everyone at the warehouse turns to look"): nobody is there on a night shift to look."""
    return bool(_CALLS_CROWD.search(text)) and (any(h.key == "night" for h in lexicon().find(text, ["times"]))
                                                or "夜" in text)  # 上夜班: a night shift


_PREPOSITIONS = frozenset({"on", "in", "at", "by", "near", "inside", "under", "onto", "into", "off"})


def fill(beats: list[Beat], clauses: Sequence[Clause], cast: Cast, language: str, rng: random.Random,
         ok: Callable[[str], bool] = lambda line: True, kind: Kind | None = None, setting: str = "") -> list[Beat]:
    """Reactions, feelings and the time in between, round by round, until the beats say about ``FILL_S``
    seconds; an ending line; template beats dropped (never premise ones, an arc's kept steps last) when too long or
    too many.
    ``ok`` says whether a line claims only what the premise allows (``story.claims``); ``kind`` is the
    premise's kind of story (``story.kinds``): effort and triumph lines only for a story of striving,
    its own lines (small gestures, the search, the whistle) for the others. ``setting``: the location
    of the premise's own place, else of its job (""): a scene whose note names no place is drawn there,
    and a line that names a thing of another kind of place is not said in it (``fits_scene``)."""
    data = {**spine_data(), **(kind or STRIVING).pools(spine_data())}
    strives = (kind or STRIVING).striving
    ends_last = (kind or STRIVING).ends_last
    lead_pool = "rise" if strives else "lead"  # the hero's days before a premise that opens with its doing
    doing = "working" if strives else "standing"
    lang = "zh" if language == "zh" else "en"
    spine = [b for b in beats if b["slot"] == "premise"]
    weathers = {w for c in clauses for w in c.weathers}  # the story's own weather: a line names no other
    ill = next((k for k, b in enumerate(spine) if b["kind"] == "setback"), None) if kind is not None and \
        kind.ill_setback else None  # a getting-well story: where the hero falls ill
    well = {**spine_data(), **CALM.pools(spine_data())} if ill is not None else data

    back = spine[-1] if _returned(spine, clauses, cast) is not None else None  # the one waited for is back: the
    #                                   clip's time goes to the wait before it, never to more scenes after the return
    waited = data.get("waited")
    taken = taken_beat(spine, clauses, cast, kind, waited)  # one taken in (``story.takenin``): the wait before it
    wait_at = wait_place(spine, taken)
    waiting = wait_pools(data, waited, spine, clauses, taken, wait_at)
    untold = contest_untold(clauses)  # a contest entered, its win never told (``story.practice``)

    def pools(b: Beat) -> dict[str, Any]:
        """The pools of the lines said after ``b``: before the hero falls ill, none of its care (no soup, no
        medicine, no night by its side: a calm story's); before it is taken in, the wait (nobody stops, the
        cold nights), never the new home's; else the story's own."""
        at = next((k for k, s in enumerate(spine) if s is b), None)
        if taken is not None and at is not None and at < spine.index(taken):
            return waiting
        if untold and b is spine[-1]:  # "enters the cooking contest": the contest under way, no win
            return untold_pools(clauses[b["clause"]], data)
        return well if ill is not None and at is not None and at < ill else data

    def home_share() -> float:  # the share of the clip told in the new home
        return takenin.home_share(beats, taken, lang)

    def waits(at: int) -> bool:  # a line put at ``at`` is told before the hero is taken in (the wait)
        return takenin.waits(beats, taken, at)
    # 1. too many or too long: template beats go first, from the middle
    while len(beats) > MAX_BEATS or (length(beats, lang) > TARGET_MAX_S - 2 and len(beats) > MIN_BEATS):
        drop = next((k for k in range(len(beats) - 2, 0, -1) if beats[k]["slot"] not in {"premise", "cameo"}
                     and not beats[k].get("keep")), None)  # an arc's own steps (the saving, the paying) go last
        if drop is None:
            drop = next((k for k in range(len(beats) - 2, 0, -1) if beats[k]["slot"] not in {"premise", "cameo"}), None)
        if drop is None:
            drop = next((k for k in range(len(beats) - 2, 0, -1) if beats[k]["slot"] != "premise"), None)
        if drop is None:
            _merge_premise(beats, lang)
            if len(beats) <= MAX_BEATS:
                break
            continue
        beats.pop(drop)

    def drawn_there(vals: dict[str, str], visual: str) -> dict[str, str]:
        """A clause's line values (``values``) for a line said in a beat drawn as ``visual``: where that beat is
        drawn elsewhere than the clause's scene (the lake's day ends curled up at home, the doctor's days at the
        hospital before it saves the town), its scene is that place and its place words are that place's (its note's
        "at the hospital", none for "at home"); the clause's own place and thing are not there ("Tiger could stay at
        the lake all day" in the bedroom, "Nobody in the town has ever tried so hard" at the hospital)."""
        drawn = scene_of(visual, setting)
        if "scene" not in vals or drawn == vals["scene"]:
            return vals
        where = _NOTE_PLACE.search(visual)  # the place its note names: its lines say that one
        return {**_not_there(vals), "scene": drawn, **(_place_words(where.group(2), where.group(2), lang) if where else {})}

    beloved = kind.beloved(clauses, cast.hero) if kind is not None else None  # a romance's other one

    def third(c: Clause) -> bool:  # another's clause in a lovers' story ("but her dad says no"): the hero's to feel
        return beloved is not None and c.actor not in (cast.hero, beloved)

    def values(b: Beat) -> dict[str, str]:
        c = clauses[b["clause"]]
        actor = setback_befalls(c, cast) if b["kind"] == "setback" else c.actor  # a setback's lines: whom it befalls
        if b["kind"] == "outcome" and cast.sides.get(c.actor or "") == "villain" or actor in cast.gone or (
                kind is not None and kind.heros) or third(c):  # the lost one's fear, whoever finds it: the hero's
            actor = cast.hero  # the rival says sorry: how the hero takes it ("Biscuit can hardly believe it")
        obj = beloved if third(c) else done_to(b, c)  # the dad's "no": the hero's heart, and the one it is for
        out = {"actor": cast.name(actor), "object": cast.name(obj) if obj else cast.name(cast.hero),
               "hero": cast.name(cast.hero), "scene": scene_of(str(b.get("visual", "")), setting)}
        if not c.obj and not strives:  # "Luna keeps both eyes on Luna": a kind's line about another needs one
            out.pop("object")
        if b["kind"] == "hurt" and c.actor is None:  # "everyone laughs at him": no one pet walks off pleased
            out.pop("actor")
        where = _NOTE_PLACE.search(str(b.get("visual", "")))
        own = next((n.wanted for n in sorted(c.asked, key=lambda n: broad_place(n.wanted))  # the premise's word
                    if n.section == "places"  # ("town"; "contest" before "city": the event's own place first),
                    and not lexicon().keys(n.wanted, "weathers")), None)  # never its weather ("storm")
        own = place_said(own)  # "next door": the house next door
        if where and not dreamt_own(c) and not wished_win(b):  # the scene's own place ("the whole hospital goes quiet"); none for a shop
            # only dreamt of at home ("dreams of her own bakery": no "the whole bakery goes quiet" before it opens)
            word = own if own and lang == "en" and analysis_lang(own) == "en" and own.split()[0].lower() not in \
                _PREPOSITIONS else where.group(2)  # "on tv" is how it is said, not a place: the tv studio drawn
            out.update(_place_words(word, where.group(2), lang))
            if b.get("unnamed_place"):  # the home a pet was taken to: "everyone at the bedroom" names a place
                out = {k: v for k, v in out.items() if k not in {"place", "at_place"}}  # the premise never did
        thing = next((n.wanted for n in c.asked if n.section == "props" and n.used != "crowd"
                      and not calendar_day(n.wanted)), None)  # never "looks at the christmas eve"
        if thing and analysis_lang(thing) == lang:  # the clause's own thing ("the birthday cake")
            out["thing"] = thing
        return out

    calm = kinds_data()["calm"]
    day = kind is not None and kind.id == "calm"  # the calm kind's story: one day (its arc, little_wonders)
    gestures = set(calm["gestures"][lang]) if day else set()  # a whisker twitching: few of them
    most_gestures = int(calm["gestures"]["most"])
    one_day = set(calm["one_day"][lang]) if day else set()  # no "day by day" in a story of one day
    sky = [*calm["wonder"][lang], *(t for w in sorted(weathers) for t in calm["weather"].get(w, {}).get(lang, ()))] \
        if day else []  # the kitten's first snow: snowflakes on its nose; the box
    #                                                         walked round twice

    def more_of(b: Beat, told: str, after: bool = True) -> list[str]:
        """The ``more`` lines said after premise beat ``b`` told as ``told``: its pool's, and (``after`` it) a calm
        story's lines of the premise's own thing, place and weather."""
        return [*_pool(pools(b)["more"], told, lang, ends_last), *(sky if after else ())]

    used: set[str] = set()
    unnoticed = set(spine_data()["unnoticed"][lang]) if any(b["kind"] == "clash" for b in spine) else set()
    # all eyes turned to the hero's clash: nobody says later that nobody noticed
    told = {s for b in spine for s in sentences(str(b["line"]))}  # the premise's own sentences, before any is added

    def unopened(at: int) -> bool:
        """A line at ``at`` (told before what stands there now) comes before the premise opens its business (a
        clause that builds or opens it): no customers, no word getting around yet."""
        opening = next((k for k, b in enumerate(beats) if b["slot"] == "premise"
                        and "build" in clauses[b["clause"]].events), None)
        return opening is not None and at <= opening

    def pick(options: list[str], vals: dict[str, str], before: bool = False,
             draw: random.Random | None = None, there: str = "", lone: bool = False, heard: bool = True) -> str | None:
        """A line of ``options`` not said yet that fits; ``before``: told before the business opens; ``draw``: the
        generator to draw it with (``rng`` unless told); ``there``: the words of the beat it is said in (its note and
        line): no crowd looking on at a night shift (``crowd_at_night``); ``lone``: the hero's days of work leading up
        to its doing, nobody turning to look at them; ``heard``: one is there the line is said to (else no "You're
        safe now")."""
        draw = draw or rng
        said = [s for b in beats for s in sentences(str(b["line"])) if s not in told]
        gestured = len(used & gestures) >= most_gestures  # the clip's few small gestures said already
        filled = [(o, text) for o in options if o not in used and not _self_told(o, vals) and o not in unnoticed
                  and o not in one_day and not (gestured and o in gestures)
                  and fits_scene(o, vals.get("scene", ""), lang) and fits_weather(o, weathers)
                  and (text := fill_fields(o, vals)) is not None and ok(text)
                  and not (before and claims_business(text))
                  and not asked_again((kind or STRIVING).id, text, [str(b["line"]) for b in beats])
                  and not repeats(text, said, cast.names.values())  # never said twice ("Nobody says a word.")
                  and not repeats(text, list(told), cast.names.values(), 3)]
        if not filled:
            return None
        own = [f for f in filled if _SPECIFIC.search(f[0]) or f[0] in sky]  # a line with this premise's place,
        if own and draw.random() < (0.8 if sky or one_day else 0.4):  # thing or weather first (a calm story's most)
            filled = own
        choice, text = draw.choice(filled)

        def unwatched(line: str) -> bool:  # no crowd looking on at a night shift, nor at the hero's plain work,
            # nor where its note shows it alone ("walking alone": "Everyone at the restaurant turns to look"), nor
            # the many hushed there ("Months pass, and Tofu keeps going. The whole mansion goes quiet")
            calls = _CALLS_CROWD.search(line) or _HUSHED.search(line)
            return (heard or not _TO_SAVED.search(line)) and (
                crowd_at_night(there) or not crowd_at_night(f"{there} {line}")) and not (
                calls and (lone or shown_alone(there)))
        if not unwatched(text):  # another line in its place, drawn aside: the seed's other lines stay as they were
            quiet = [f for f in filled if unwatched(f[1])]
            if not quiet:
                return None
            choice, text = aside(draw, f"unwatched{len(beats)}").choice(quiet)
        used.add(choice)
        return text

    def routine(b: Beat, c: Clause) -> bool:
        """The clause tells the hero's plain work ("works at a warehouse by day", 在仓库上夜班): nobody turns to look."""
        return b["kind"] in _ROUTINE and c.actor == cast.hero and action(c) in {"work", "study"}

    def aftermath(b: Beat, at: int, ahead: bool, opens: bool = False, bare: bool = False, says: bool = True,
                  draw: random.Random | None = None, note: str | None = None, told: str | None = None) -> None:
        """At ``at``, after premise beat ``b`` (before it when ``ahead``: the effort leading up to the
        hero's doing): a feeling or the time in between, then what the one it happens to says.
        ``opens``: the hero's days before a premise that opens with its rise or its ending; ``draw``: the
        generator its lines are drawn with (``rng`` unless told); ``note``: the picture it is drawn as, ``told``: the
        phase its lines are of (a wished win's practice: ``practise_for``)."""
        vals = {**values(b), "actor": cast.name(cast.hero)} if opens else values(b)
        c = clauses[b["clause"]]
        practice = note or (practised(b) if ahead else None)  # the days before a contest of a trade: practice at home
        if bare or practice or ahead and riches_homes(c.text):  # not yet: the success's thing and place are its own clause's (the
            # car it comes back in, the mansion it ends up living in): the days before it are not there ("Nobody at the
            # mansion has ever tried so hard" on the street)
            vals = _not_there(vals)
        later = None if ahead else after_deed(b, c, cast)  # a deed done once: its aftermath, not the deed again
        visual = (practice or _before(b, cast.workplace, doing)) if ahead else later or b["visual"]
        as_kind = told or ("outcome" if not ahead and not opens and rescued(b, c, kind) else b["kind"])  # the rescue
        #                                                                                       done: safe
        if not ahead and not told and third(c) and "opposed" in pools(b)["more"]:
            as_kind = "opposed"  # after the dad's "no": the hero's longing, never a lover's blush
        lines = pools(b)
        if waits(at):  # before it is taken in: the hero alone where it waits, the wait's lines, before the meeting
            while at > 0 and beats[at - 1].get("meets"):
                at -= 1
            lines, opens, later = waiting, False, None
            vals = {**vals, "hero": cast.name(cast.hero)}
            visual = waiting_visual(cast.name(cast.hero), wait_at)
        elif b is taken and not ahead:  # taken in at the shelter, it lives at its new home after
            visual = at_home(later or str(b["visual"]), wait_at)
        vals = drawn_there(vals, visual)  # said where the aftermath is drawn: no lake in the bedroom
        more = pick(list(_lead(data, lead_pool, lang)) if opens else _pool(lines["more"], as_kind, lang, ends_last)
                    if lines is waiting else more_of(b, as_kind, not ahead), vals,
                    unopened(at), draw, visual, ahead or routine(b, c))
        if more:
            beats.insert(at, {"speaker": NARRATOR, "line": more, "visual": visual, **({"waiting": True} if waits(at) else {}),
                              "slot": "feeling", "asks": [] if ahead else b.get("asks", []), **({"told": told} if told else {}),
                              **({"leads": b["clause"]} if ahead and b is not spine[0] else {})})  # told of what it leads up to
            at += 1
        said = lines["say"].get(_say_key(as_kind, c, cast, opens))
        who = cast.hero if opens or said and said.get("who") == "hero" or kind is not None and kind.heros or \
            third(c) else done_to(b, c) if said and said["who"] == "object" else c.actor
        alone = re.match(r"we see (.+) \S+ alone\b", later or "")
        if alone and cast.name(who) != alone.group(1):  # the one who left says nothing after: the one left does
            who = next((k for k in cast.names if cast.name(k) == alone.group(1)), who)
            said = data["say"]["setback"] if who != c.actor else said
        if b["kind"] == "setback" and setback_befalls(c, cast):
            who = setback_befalls(c, cast)  # "is betrayed by his best friend", "her friend betrays her": the one it
            #                         befalls says "Now what do I do?", never the one who did it
        if who in cast.gone:
            who = cast.hero  # the one who never came back says nothing: the one who waits does
        note = str(later or b["visual"])
        heard = any(k != who and cast.name(k) in note for k in cast.names)  # one there it is said to
        line = pick(list(said[lang]), vals, unopened(at), draw, heard=heard) \
            if says and said and who in cast.names and len(beats) < MAX_BEATS else None  # "You're safe now" to one
        #                                   there (never to nobody: the village the medicine saved, the hero saved)
        if line:
            beats.insert(at, {"speaker": who, "line": line, "visual": visual if ahead and practice else later or b["visual"],
                              "slot": "reaction"})  # said at the practice, never drawn at the contest before its day

    won = _first_success(spine, clauses, cast)

    def practised(b: Beat) -> str | None:
        """The note of the hero's practice before premise beat ``b``, a contest of a trade the hero has no job of
        ("enters a cooking contest": cooking at the stove at home, ``story.practice``); None otherwise."""
        return None if cast.workplace else practice_note(clauses[b["clause"]], cast.name(cast.hero))

    def effort_for(b: Beat) -> Beat | None:
        """The premise beat whose effort is told in place of more of wrong ``b``: a wrong the hero comes back
        from (its rise, else its own success, told after it) that holds a scene after its clause already (the
        arc's sneer, a feeling and what is said) is told no longer; its scene goes to the hero's days of work
        leading up to that beat, so the mocking is no more than a quarter of the clip and the effort is seen.
        The hero's job lost in a story of striving ("gets fired, then wins a baking show") is led on from the
        same way where its next clause is the hero's success itself: the work that earned it is seen between them."""
        if b["kind"] != "hurt" and not (b["kind"] == "setback" and strives and _left_job(clauses[b["clause"]])
                                        and setback_befalls(clauses[b["clause"]], cast) == cast.hero):
            return None
        at = beats.index(b) + 1
        if at >= len(beats) or beats[at]["slot"] not in {"feeling", "reaction"} and _phase_of(beats[at]) != "wrong":
            return None
        later = next((r for r in spine[spine.index(b) + 1:] if r["kind"] in {"rise", "outcome"}), None)
        if later is None or made_it(later) or later["kind"] == "outcome" and clauses[later["clause"]].actor != cast.hero:
            return None
        if b["kind"] == "setback" and (later["kind"] != "outcome" or spine.index(later) != spine.index(b) + 1):
            return None  # its own clause of work comes between them ("gets fired, sells noodles, gets rich")
        return later

    def lead_up(b: Beat, at_home: bool = False) -> None:
        """The hero's days of work before premise beat ``b`` (its rise, or its success: then the effort's lines),
        told in two of them (the days go by), then what the hero says; ``at_home``: the job was lost (fired), its
        work since is done at home, never at the old workplace."""
        at, opens = beats.index(b), b["kind"] == "outcome"
        aftermath(b, at, True, opens, bare=True)
        late = f"we see {cast.name(cast.hero)} {doing} late at night{', at home' if at_home else _at(cast.workplace)}"  # the days long, and
        for k in range(at, beats.index(b)):  # another picture than the clause's own work by day; said at work,
            beats[k]["visual"] = late  # not at the success it leads up to
        if beats[at] is not b and beats[at]["slot"] == "feeling":
            vals = _not_there({**values(b), "actor": cast.name(cast.hero)} if opens else values(b))
            pool = list(_lead(data, lead_pool, lang)) if opens else _pool(pools(b)["more"], b["kind"], lang, ends_last)
            second = pick(pool, vals, unopened(at), there=f"{beats[at]['visual']} {beats[at]['line']}", lone=True)
            if second:
                _append(beats[at], second, lang)
            if at + 1 < len(beats) and beats[at + 1]["slot"] != "reaction":
                beats[at]["once"] = True  # two lines said, and no one speaks after: one more at most, never a stack

    def wished_win(b: Beat) -> bool:
        """``b`` is the premise's last clause and a wish of the hero's to win and no more ("dreams of winning the singing
        contest", "wishes he could win the eating contest", 梦想赢得唱歌比赛): the contest is still ahead."""
        c = clauses[b["clause"]]
        return b["kind"] == "dream" and b is spine[-1] and c.actor in (None, cast.hero) and \
            bool({"compete", "win"} & set(c.events)) and only_wished(c)

    def practise_for(b: Beat, at: int) -> None:
        """At ``at``, after wished win ``b``: a day of the hero's practice for it, alone at home (the trade's own: the
        microphone, the wok; ``story.practice``), told as effort ("every night it gets a little better"), never the
        win itself nor another scene of the same dream."""
        note = practised(b) or f"we see {cast.name(cast.hero)} practising alone, at home"
        aftermath(b, at, True, draw=aside(rng, "wished"), note=note, told="rise")

    def made_it(b: Beat) -> bool:
        """A beat told after the hero's success (开了全城最大的餐厅 after 成了大厨): no practice led up to it."""
        return won is not None and won < int(b["clause"])

    def held(b: Beat) -> int:
        """How many beats premise beat ``b`` holds after it (its aftermath, the arc's lines said after it)."""
        at = beats.index(b) + 1
        n = at
        while n < len(beats) and beats[n]["slot"] != "premise":
            n += 1
        return n - at

    def effort_of(b: Beat) -> Beat | None:
        """The hero's own effort (its rise: works hard, trains every morning) told before success ``b``, where
        ``b`` is the story's last clause, the hero's success of a story of striving: the success is told in its
        clause and one scene after it (the arc's cheer, or a feeling and what is said); a scene more goes to the
        effort, so the win is never half the clip and the work that earned it is seen."""
        if not strives or b is not spine[-1] or b["kind"] != "outcome" or clauses[b["clause"]].actor != cast.hero:
            return None
        after = beats[beats.index(b) + 1:]
        if any(a["slot"] == "payoff" for a in after[:next((k for k, a in enumerate(after) if a["slot"] == "premise"),
                                                          len(after))]):
            return None  # the hero's words to the one who mocked it: said facing it, after the win's own scene
        return next((r for r in reversed(spine[:-1]) if r["kind"] in {"rise", "dream"} and not made_it(r)
                     and clauses[r["clause"]].actor == cast.hero), None)  # "trains with his sister" (a dream's kind)

    def more_effort(r: Beat) -> None:
        """A scene more of effort ``r``: the time in between, after what it holds already (no more words of the
        hero's: its few effort sayings are said once a clip)."""
        at = beats.index(r) + 1
        while at < len(beats) and beats[at]["slot"] in {"feeling", "reaction"}:
            at += 1
        aftermath(r, at, False, says=False, draw=aside(rng, "effort"))  # drawn aside: the seed's other
        #                                                                   draws stay as they were
        if at < len(beats) and beats[at]["slot"] == "feeling":
            beats[at]["once"] = True  # a line or two of the time in between, never a stack of them

    # 2. an ending: the last premise beat closes with the story's emotion
    ended: Beat | None = None
    open_end = not strives and (kind or STRIVING).open_ending and spine and spine[-1]["kind"] == "rise"
    if spine and length(beats, lang) < FILL_S - 3 and spine[-1]["kind"] not in {"setback", "hurt", "dream"} \
            and not open_end:  # a story whose last clause is no ending: its arc ends it
        last = spine[-1]
        calling = [t.replace("{job}", cast.calling) for t in data["ending_calling"][lang]] \
            if cast.calling and cast.story.id != "failed" and not untold else []  # "loses the election": no mayor
        # everyone looks up to; "is a real chef now": never said before the contest's result
        at_work = last["kind"] != "outcome" and re.search(r"\bworking\b", str(last.get("visual", "")))
        work_words = spine_data()["ending_at_work"][lang]  # "goes right on working": only where it is at work
        pool = [t for t in pools(last)["ending"][lang] if at_work or not any(w in t for w in work_words)]
        end = pick(calling or pool, values(last), there=str(last.get("visual", "")))
        if end and _append(last, end, lang):
            ended = last
    # 3. after the clauses that most need one (while the beats last), a scene of its aftermath: a
    #    feeling or the time in between, and a reaction said by whom it happens to
    rank = ["hurt", "clash", "outcome", "setback", "dream", "situation", "rise", "plain"]
    budget = max(1, (MAX_BEATS - len(beats)) // 2)
    chosen = sorted(spine, key=lambda b: (rank.index(b["kind"]), -b["clause"]))[:budget]
    for b in [b for b in spine if b in chosen]:
        if length(beats, lang) >= FILL_S or len(beats) >= MAX_BEATS:
            break
        if b["kind"] in {"hurt", "setback"} and (effort := effort_for(b)) is not None:
            lead_up(effort, _left_job(clauses[b["clause"]]))
            continue
        if held(b) and (effort := effort_of(b)) is not None:  # the arc's cheer is its scene after it
            more_effort(effort)
            continue
        if b is back:  # more of the wait before the return, drawn as the wait (the one waited for not there yet)
            aftermath(b, beats.index(b), True, note=str(spine[-2]["visual"]) if len(spine) > 1 else None, told="rise")
            continue
        ahead = b["kind"] == "rise" and b is not spine[0] and not made_it(b)  # the hero's doing is led up to
        aftermath(b, beats.index(b) + (0 if ahead else 1), ahead)
        if b["kind"] == "setback" and (effort := effort_for(b)) is not None and len(beats) < MAX_BEATS - 1:
            lead_up(effort, _left_job(clauses[b["clause"]]))  # fired, then the work for the win, then the win
    # 3a. a premise that opens with its rise or its ending ("a delivery driver builds a company") is
    #     led up to: the hero's days before it (its job's days when it names one, then the effort),
    #     each with what the hero says
    first = spine[0] if spine else None
    done_to_hero = first is not None and clauses[first["clause"]].actor not in (None, cast.hero) \
        and clauses[first["clause"]].obj == cast.hero  # "is adopted by a kind old dog": no work led up to
    if first is not None and first["kind"] in {"outcome", "rise", "plain"} and not done_to_hero:
        lead = {**values(first), "actor": cast.name(cast.hero)}
        lead.pop("thing", None)  # not yet: the thing is the clause's own
        practice = practised(first)  # a contestant's days before the contest: its practice, at home
        if "build" in clauses[first["clause"]].events or practice:
            lead = {k: v for k, v in lead.items() if k not in {"place", "at_place"}}  # not yet built (nor reached)
        lead_note = practice or f"we see {cast.name(cast.hero)} {doing}{_at(cast.workplace)}"
        lead = drawn_there(lead, lead_note)  # its days at the hospital: "Nobody in the town" is not said there
        for k in (["situation"] if clauses[first["clause"]].jobs and not practice else []) + [lead_pool]:
            at = _built_up(beats, beats.index(first))  # before the arc's build-up to it (the cry for help),
            #                                              never between the leap and the rescue
            line = pick(list(_lead(data, k, lang)), lead, unopened(at), lone=True)  # its days at work, unwatched
            if not line or len(beats) >= MAX_BEATS - 3:
                continue
            second = pick(list(_lead(data, k, lang)), lead, unopened(at), there=line, lone=True)
            beats.insert(at, {"speaker": NARRATOR, "line": f"{line}{'' if lang == 'zh' else ' '}{second or ''}".strip(),
                              "slot": "feeling", "asks": [], "visual": lead_note})
            said_k = "rise" if k == "lead" else k
            said = pick(list(data["say"][said_k][lang]), lead, unopened(at)) if said_k in data["say"] else None
            if said:
                beats.insert(at + 1, {"speaker": cast.hero, "line": said, "slot": "reaction", "visual": lead_note})
    # 3a'. one taken in (宠物店笼子里没人要的小猫终于被一个小女孩领养了, "is adopted by a lonely old man"): the wait
    #     and the meeting carry the story, not the new home: the hero alone where it waits, then the one who takes
    #     it in stopping in front of it, before the clause; the new home told shorter (its middle) while it holds
    #     more than its share of the clip
    if taken is not None and waited:
        wait_and_meet(beats, taken, waited, waiting, wait_at, clauses[taken["clause"]].actor, cast, lang, rng, pick)
    # 3b. a premise of few clauses still gets its scenes: more aftermath (a feeling or the time in
    #     between, and what the one it befalls says) after its clauses, last first, never a new event
    turns = 0
    while (len(beats) < MIN_BEATS or length(beats, lang) < FILL_S - 2) and len(beats) < MAX_BEATS \
            and turns < 6 * len(spine):
        b = spine[-1 - turns % len(spine)]
        turns += 1
        if taken is not None and spine.index(b) >= spine.index(taken) and home_share() > HOME_MOST:
            waited_in = [w for w in beats if w.get("waiting")]  # the new home holds its share: the time goes to the
            if len(waited_in) < 3:  # wait, in a scene or two more of it before the meeting
                at = beats.index(taken)
                while at > 0 and beats[at - 1].get("meets"):
                    at -= 1
                aftermath(taken, at, True)
                continue
            more = pick(list(waiting["more"]["plain"][lang]), {"hero": cast.name(cast.hero)})
            if more and _append(min(waited_in, key=lambda w: len(str(w["line"]))), more, lang):
                continue
        if b["kind"] in {"hurt", "setback"} and (effort := effort_for(b)) is not None:
            lead_up(effort, _left_job(clauses[b["clause"]]))
            continue
        if held(b) and (effort := effort_of(b)) is not None:
            more_effort(effort)
            continue
        if b is back and len(spine) > 1:
            continue  # the return is the wait's end: the scenes more are the wait's (the clauses before it)
        at = beats.index(b) + 1
        while at < len(beats) and beats[at]["slot"] in {"feeling", "reaction"}:
            at += 1
        if wished_win(b) and held(b):  # the dream said and felt: the days after it are its practice
            practise_for(b, at)
            continue
        opens = b is spine[0] and b["kind"] in {"outcome", "rise", "plain"} and turns % 2 == 0 and not done_to_hero \
            and not (b["kind"] == "rise" and _later_job(cast.calling))  # 努力训练，当上了飞行员: no days at work
        #                                         as the pilot it only becomes at the end, before its training
        ahead = (b["kind"] == "rise" and b is not spine[0] and not made_it(b)) or opens  # a lone ending gets as
        # much lead-up
        if ahead:
            at = beats.index(b)  # the hero's doing is led up to: the effort and the time before it
            while at > 0 and beats[at - 1]["slot"] == "reaction":
                at -= 1
            if opens:  # the hero's days before it come before the cry for help and the leap, never between them
                at = _built_up(beats, at)  # and the rescue
        aftermath(b, at, ahead, opens)
    # 3c. the arc's taunt said right after a wrong's own clause (no aftermath between them: the effort has its
    #     scene) is said in that clause's scene, drawn as the clause's deed (the scolding teacher pointing, not sneering)
    for b in spine:
        nxt = beats.index(b) + 1
        if b["kind"] == "hurt" and nxt < len(beats) and beats[nxt]["speaker"] != NARRATOR \
                and _phase_of(beats[nxt]) == "wrong" and effort_for(b) is not None:
            beats[nxt]["visual"] = b["visual"]
    # 4. more of each: said after each premise line and aftermath, round by round, while they fit in
    #    the scene (a scene with a reaction holds less narration)
    #    at most one more line each, a second only while the script is still short (no stack of
    #    interchangeable lines)
    growing = [b for b in beats if b["slot"] in {"premise", "feeling"}]
    added = {id(b): 2 if b.get("once") or bool(spine) and b is spine[-1] and effort_of(b) is not None else int(b is ended)
             for b in growing}  # the win: its clause and a line more, never half the clip
    progress, widened = True, False
    wide: set[int] = set()  # the arc's scenes widened: a later phase than their clause's tells more of its own
    while (progress or not widened) and length(beats, lang) < FILL_S:
        if not progress:  # the clause's own scenes are full and the clip still short (a premise of one clause): the
            widened = True  # arc's scenes of narration say a line more each, of the clause they follow
            more_room = [b for b in beats if b["speaker"] == NARRATOR and b["slot"] not in {
                "premise", "feeling", "reaction", "cameo"} and not b.get("memory") and b not in growing
                and not (taken is not None and beats.index(b) > beats.index(taken))]
            if length(beats, lang) >= FILL_S - 4 or not more_room:
                break
            growing += more_room
            added.update({id(b): 0 for b in more_room})
            wide.update(id(b) for b in more_room)
        progress = False
        most = 1 if length(beats, lang) >= FILL_S - 5 else 2 if length(beats, lang) >= FILL_S - 7 else 3
        for b in growing:
            if length(beats, lang) >= FILL_S:
                break
            if added[id(b)] >= most or taken is not None and beats.index(b) > beats.index(taken) and \
                    home_share() > HOME_MOST:
                continue
            if b.get("meets"):
                continue  # the meeting: its own line, no wait said after it
            if b is not taken and waits(beats.index(b)):  # the wait: more of it
                more = pick(list(waiting["more"]["plain"][lang]), {"hero": cast.name(cast.hero)})
                if more and _append(b, more, lang):
                    added[id(b)] += 1
                    progress = True
                continue
            source = b if b["slot"] == "premise" else next(
                (p for p in spine if p["clause"] == b["leads"]), None) if "leads" in b else next(
                (p for p in reversed(beats[:beats.index(b)]) if p["slot"] == "premise"), None)
            if source is None:
                continue
            as_kind = str(b["told"]) if b.get("told") else "outcome" if "leads" not in b and rescued(
                source, clauses[source["clause"]], kind) else source["kind"]  # a wished win's practice: its effort
            if id(b) in wide and clauses[source["clause"]].actor in (None, cast.hero):  # the hero's own clause: its
                as_kind = _own_phase(b, as_kind, pools(source)["more"])  # later phase is the hero's (never a betrayer's)
            if "leads" not in b and third(clauses[source["clause"]]) and "opposed" in pools(source)["more"]:
                as_kind = "opposed"
            vals = values(source)
            if "leads" in b and riches_homes(clauses[source["clause"]].text) or b.get("told"):  # the days before the
                vals = _not_there(vals)  # mansion, the practice at home for a wished win: not there
            vals = drawn_there(vals, str(b.get("visual", "")))  # said in b's scene: the place it is drawn at, not
            #                                                     its clause's ("could stay at the lake" at home)
            more = pick(more_of(source, as_kind, "leads" not in b), vals,
                        unopened(beats.index(b) - 1), there=f"{b.get('visual', '')} {b['line']}",
                        lone="leads" in b or routine(source, clauses[source["clause"]]))  # said after b's own line: before
            # only if b is before; the days leading up to a deed, or of the hero's plain work, unwatched
            if not more:
                continue
            at = beats.index(b) + 1
            reply = beats[at] if at < len(beats) and (beats[at]["slot"] == "reaction" or beats[at]["speaker"] == cast.hero
                                                      and beats[at].get("visual") == b.get("visual")) else None
            #       the hero's answer said in b's own scene (the arc's, to a wrong, drawn as its clause) is left room too
            spare = voice_seconds(reply["line"], lang) + 0.5 if reply else 0.0
            if _append(b, more, lang, MAX_LINE_S - spare, 8.5 if reply else 14.5):
                added[id(b)] += 1
                progress = True
    return beats


_PHASE_POOLS = {"rise": "rise", "outcome": "outcome", "end": "outcome"}  # an arc's phase: the pool its lines are of


def _own_phase(b: Beat, told: str, pools: dict[str, Any]) -> str:
    """The pool an arc's scene of narration tells more of, widened when its clause's own lines ran out: its own phase's
    where it comes after that clause's (a one-clause "falls in love": the little gifts' days are a rise, the two
    together an outcome, never the crush's first flutter again), else the clause's (``told``)."""
    own = _PHASE_POOLS.get(_phase_of(b))
    order = spine_data()["phase_order"]
    if own is None or own not in pools or order.index(_phase_of(b)) <= order.index(phase(told)):
        return told
    return own


def _place_words(word: str, drawn: str, lang: str) -> dict[str, str]:
    """The ``place`` and ``at_place`` values of a line said at ``word`` (the premise's word for the place drawn as
    ``drawn``, the English word a visual note names it by): "at the lake", "on the street", "at home"; in Chinese
    the lexicon's word for ``drawn`` (no ``at_place``), none where it has no entry."""
    if lexicon().keys(word, "weathers"):
        word = "street"  # the rainy street's first word is "rain": "everyone in the rain" is nowhere
    prep = "on" if word.split()[-1] in _ON else "in" if word.split()[-1] in _IN else "at"
    out = {"place": word, "at_place": "at home" if word == "home" else f"{prep} the {word}"}  # never "at the home"
    if lang != "zh" and (named := proper_place(word)) is not None:  # "explores mars": on Mars, never "at the mars";
        # no crowd on a planet ("the whole Mars goes quiet", "Everyone on Mars turns to look"): its lines picked none
        return {} if named.lower() in PLANETS else {"place": named, "at_place": at_proper_place(named)}
    if lang == "zh":
        entry = next((e for e in lexicon().data["places"].values() if e["en"][0] == drawn), None)
        return {**out, "place": str(entry["zh"][0])} if entry else {}
    return out


def _not_there(vals: dict[str, str]) -> dict[str, str]:
    """A line's values without the clause's thing and place: said of the days before it, which are not there yet."""
    return {k: v for k, v in vals.items() if k not in {"thing", "place", "at_place"}}


def _left_job(c: Clause) -> bool:
    """The clause takes the hero's job away ("gets fired", 被开除): what it does after is not done at the old job."""
    return "fire" in c.events


def _say_key(kind_name: str, c: Clause, cast: Cast, opens: bool) -> str:
    """Which ``say`` lines follow a clause: the rival's words follow how the clause mends (sorry, help,
    buying), never a taunt after a rival's apology."""
    if opens:
        return "rise"
    rival = cast.sides.get(c.actor or "") == "villain"
    mend = mending(c) if rival else ""
    if kind_name == "outcome" or (mend and kind_name == "plain"):
        if not rival:
            return "outcome_hero"
        return f"outcome_rival_{mend}" if f"outcome_rival_{mend}" in spine_data()["say"] else "outcome_rival"
    return kind_name


_IN = {"town", "city", "village", "neighbourhood", "neighborhood", "world", "forest", "snow", "rain", "river", "garden", "backyard",
       "yard", "kitchen"}
_ON = {"bus", "street", "streets", "stage", "rooftop", "roof", "planet", "moon", "beach", "field", "track"}
_SPECIFIC = re.compile(r"\{(?:place|at_place|thing)\}")


def analysis_lang(text: str) -> str:
    return "zh" if HAN.search(text) else "en"


def _at(place: str) -> str:
    return f", at the {place}" if place else ""


def _lead(data: dict[str, Any], key: str, lang: str) -> list[str]:
    """The lines of the hero's days before a premise that opens with its doing: a kind's own lead-up
    (``key`` "lead"), else the ``more`` pool of ``key`` (situation, rise)."""
    pool = data["lead"] if key == "lead" else data["more"][key]
    return list(pool[lang])


def _before(beat: Beat, workplace: str = "", doing: str = "working") -> str:
    """The visual note of the time before a clause: its doer at work (at the hero's workplace), without
    what it makes."""
    doer = re.match(r"we see (\S+)", str(beat["visual"]))
    return f"we see {doer.group(1) if doer else 'them'} {doing}{_at(workplace)}"


def _pool(pools: dict[str, Any], kind_name: str, lang: str, last: bool = False) -> list[str]:
    """The lines for a clause of ``kind_name``, then the plain ones when those run out (about the one
    it befalls: after a hurt, not the one who did it); ``last``: a story's last scene (``Kind.ends_last``)
    keeps to its outcome lines (no sulking back to the door after the quarrel is made up)."""
    if last and kind_name == "outcome" and "outcome" in pools:
        return list(pools["outcome"][lang])
    plain = [p for p in pools["plain"][lang] if kind_name != "hurt" or "{actor}" not in p]
    return [*pools.get(kind_name, pools["plain"])[lang], *plain]


def _append(beat: Beat, text: str, lang: str, most_s: float = MAX_LINE_S, paced_s: float = 14.5) -> bool:
    """Say ``text`` after the beat's line when the scene still holds it: within ``most_s`` of our
    voices and ``paced_s`` at the script's pacing (a scene with dialogue holds less narration)."""
    line = f"{beat['line']}{'' if lang == 'zh' else ' '}{text}"
    if len(line) <= LINE_MOST and voice_seconds(line, lang) <= most_s and spoken_length(line, lang) <= paced_s:
        beat["line"] = line
        return True
    return False


def _merge_premise(beats: list[Beat], lang: str) -> None:
    """Two neighbouring premise beats said as one (a premise with more events than the clip has scenes)."""
    for k in range(len(beats) - 1):
        a, b = beats[k], beats[k + 1]
        if a["slot"] == b["slot"] == "premise":
            a["line"] = within(f"{a['line']}{'' if lang == 'zh' else ' '}{b['line']}", LINE_MOST)
            a["asks"] = [*a.get("asks", []), *b.get("asks", [])]
            beats.pop(k + 1)
            return
    beats.pop(len(beats) // 2)
