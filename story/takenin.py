"""A story that ends with its hero taken in (an adoption: "is adopted by a lonely old man", 宠物店笼子里没人要的小猫
终于被一个小女孩领养了): the wait and the meeting carry it, not the new home. Pure.

Answers, for ``story.weave.fill``: which premise beat takes the hero in (``taken_beat``: the last, where another does
it to the hero in the adoption kind's words), where the hero waits before it and how that is drawn (``wait_place``,
``waiting_visual``: the shelter's corner, else the street), the lines said of the wait (``wait_pools``: in the cage,
at the shelter or out in the cold, the kind's ``waited`` lines), how much of the clip is told in the new home
(``home_share``, at most ``HOME_MOST``) and whether a line stands before the taking-in (``waits``), where a scene
after it is drawn (``at_home``), and the meeting and the wait told before the clause while the new home is cut to
its share (``wait_and_meet``).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from typing import Any

from story.adopters import HOME
from story.clauses import Clause
from story.draws import aside
from story.kinds import Kind, says_kind
from story.lexicon import lexicon
from story.plan import FILL_S, MAX_BEATS, NARRATOR, beats_seconds
from story.staged import PLACE_SAID, Beat, Cast
from story.text import HAN

WAIT_LEAST = 0.3  # the least of it told before the meeting (the wait), where the premise tells no more of it
HOME_MOST = 0.4  # the most of a clip told in the new home of one taken in: the wait and the meeting carry it


def adopts(c: Clause, cast: Cast, kind_id: str) -> bool:
    """Clause ``c`` takes the hero in ("a little girl adopts her", 被一个小女孩领养了): another does it to the hero,
    in the words of the story's kind (adoption)."""
    return c.actor not in (None, cast.hero) and c.obj == cast.hero and says_kind(c.text, kind_id)


def taken_beat(spine: list[Beat], clauses: Sequence[Clause], cast: Cast, kind: Kind | None,
               waited: dict[str, Any] | None) -> Beat | None:
    """The premise beat that takes the hero in, where its kind has lines of the wait (``waited``): the last clause
    takes the hero in: the wait before it, the meeting, then the new home (a story that goes on after it, "…and the
    puppy helps him in the fields", is told by its later clauses); None where it does not."""
    return spine[-1] if spine and waited and kind is not None and adopts(clauses[spine[-1]["clause"]], cast, kind.id) \
        else None


def wait_place(spine: list[Beat], taken: Beat | None) -> str:
    """Where the hero waits to be taken in: the place the premise's beats up to its taking-in name (", at the
    shelter"), the last first; ", on the street" where they name none."""
    found = [m.group(0) for b in (spine[:spine.index(taken) + 1] if taken is not None else [])
             if (m := PLACE_SAID.search(str(b.get("visual", "")))) and not _homely(m.group(0))]  # never the farm a
    #                                                                farmer adopts it on: that is its new home
    return (found[-1] if found else "") or ", on the street"


def waiting_visual(hero: str, wait_at: str) -> str:
    """The note of a scene of the wait: the hero (its name) alone where it waits, sad."""
    return f"we see {hero} waiting alone, sad{wait_at}"


def wait_pools(data: dict[str, Any], waited: dict[str, Any] | None, spine: list[Beat], clauses: Sequence[Clause],
               taken: Beat | None, wait_at: str) -> dict[str, Any]:
    """The pools of the lines said before the hero is taken in (``data`` with the kind's ``waited`` lines as its
    only ``more``, nothing said): in its cage where the premise says so (宠物店笼子里没人要的小猫), at a shelter or a
    shop (visitors walking past its corner), else out in the cold; ``data`` itself where none is taken in."""
    said_wait = " ".join(clauses[b["clause"]].text.lower() for b in spine[:spine.index(taken) + 1]) if taken else ""
    caged = waited.get("caged") if waited else None  # 宠物店笼子里没人要的小猫: it waits in its cage, the lines say so
    told_wait = caged if caged and any(w in said_wait for w in caged["words"]["zh" if HAN.search(said_wait) else "en"]) \
        else waited if _indoors(wait_at) else waited["outdoors"] if waited else None
    return {**data, "say": {}, "more": {"plain": {lang: list(told_wait[lang]) for lang in ("en", "zh")}}} \
        if told_wait else data


def home_share(beats: list[Beat], taken: Beat | None, lang: str) -> float:
    """The share of the clip told after the clause that takes the hero in (its new home)."""
    if taken is None:
        return 0.0
    return beats_seconds(beats[beats.index(taken) + 1:], lang) / max(1.0, beats_seconds(beats, lang))


def waits(beats: list[Beat], taken: Beat | None, at: int) -> bool:
    """A line put at ``at`` is told before the hero is taken in (the wait)."""
    return taken is not None and at <= beats.index(taken)


def _homely(where: str) -> bool:
    """The place is a home one is taken to (``story.adopters.HOME``: a house, a farm)."""
    return any(lexicon().entry("places", k)["location"] in HOME for k in lexicon().keys(where, "places"))


def at_home(visual: str, wait_at: str) -> str:
    """The note of a scene in the new home of one taken in: drawn at home, not where it waited."""
    if wait_at and visual.endswith(wait_at):
        visual = visual[:-len(wait_at)]
    elif (there := PLACE_SAID.search(visual)) and not _homely(there.group(0)):
        visual = visual.replace(there.group(0), "")  # taken in at the vet's: it lives at home after
    return visual if PLACE_SAID.search(visual) else f"{visual}, at home"


def _indoors(where: str) -> bool:
    """A wait at a shelter or a pet shop (visitors walk past its corner), not out in the street."""
    hits = lexicon().find(where, ["places"]) if where else []
    return bool(hits) and lexicon().entry("places", hits[0].key)["location"] == "shop"


def wait_and_meet(beats: list[Beat], taken: Beat, waited: dict[str, Any], waiting: dict[str, Any], wait_at: str,
                  taker: str | None, cast: Cast, lang: str, rng: random.Random,
                  pick: Callable[..., str | None]) -> None:
    """The wait and the meeting before ``taken`` (in place): the new home told shorter (its middle) while it holds
    more than its share of the clip, then the one who takes the hero in (``taker``) stopping in front of it, then the
    hero alone where it waits, in a scene or two, while the wait is short of ``WAIT_LEAST`` of the clip. ``pick``
    (``fill``'s) draws a line of a pool not said yet, ``draw=`` the generator drawn aside from ``rng``."""
    while (len(beats) > MAX_BEATS - 3 or home_share(beats, taken, lang) > HOME_MOST) and len(
            home := [b for b in beats[beats.index(taken) + 1:] if b["slot"] not in {"premise", "end", "cameo"}
                     and not b.get("keep")]) > 3:  # the first days and the ending, in a scene or two
        beats.remove(home[len(home) // 2])
    lone = {"hero": cast.name(cast.hero), "actor": cast.name(cast.hero)}
    met = pick(list(waited["met"][lang]), lone, draw=aside(rng, "met")) \
        if taker in cast.names and len(beats) < MAX_BEATS else None
    if met:
        beats.insert(beats.index(taken), {
            "speaker": NARRATOR, "line": met, "slot": "feeling", "asks": list(taken.get("asks", [])), "once": True,
            "meets": True, "visual": f"we see {cast.name(taker)} walking in, {cast.name(cast.hero)} looking up{wait_at}"})
    for _ in range(2):
        if beats_seconds(beats, lang) >= FILL_S - 4 or beats_seconds(beats[:beats.index(taken)], lang) >= \
                WAIT_LEAST * FILL_S or len(beats) >= MAX_BEATS:
            break
        line = pick(list(waiting["more"]["plain"][lang]), lone, draw=aside(rng, f"waited{len(beats)}"))
        if line:
            beats.insert(beats.index(taken) - (1 if met else 0), {
                "speaker": NARRATOR, "line": line, "slot": "feeling", "asks": list(taken.get("asks", [])),
                "waiting": True, "visual": waiting_visual(cast.name(cast.hero), wait_at)})
