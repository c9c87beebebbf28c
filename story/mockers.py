"""The many who mocked the hero, seen (``show_mockers_stunned``, on the expanded scenes): a premise whose mocking
is done by a group named off screen ("everyone laughed at", "the whole village mocked", "her classmates",
亲戚们都看不起, 全村人都嘲笑: ``staging.json``'s ``mocking_groups``), or by a group of the cast that one plural
word names ("the other hamsters laugh at him", 公园里的大狗们都嘲笑它: two of them on screen, laughing together),
ends with them there, stunned, as a crowd (the painter draws a "stunned crowd": eyes wide, mouths open); a cast
group's crowds, laughing where it mocks and stunned at the end, are of its own animals ("laughing crowd of
hamsters", "stunned crowd of dogs": the painter draws their ears, snouts and coats) (pure)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from story.analysis import Analysis
from story.clauses import clauses
from story.lexicon import lexicon
from story.staged import data_words

STUNNED = "stunned crowd"
LAUGHING = "laughing crowd"
_CHEERING = "cheering crowd"
_JEERS = {"laugh", "sneer", "point"}
_ENDED = {"shocked", "kneel", "cry"}  # how the mockers end up: stunned, ashamed, in tears


def mocked_by_many(analysis: Analysis) -> bool:
    """A clause of the premise mocks and names a group (``mocking_groups``) in its words."""
    groups = data_words("staging.json", "mocking_groups")
    return any("mock" in c.events and groups.search(c.text.lower()) for c in clauses(analysis))


def _plural(noun: str) -> str:
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    return noun + ("es" if re.search(r"(?:s|x|ch|sh)$", noun) else "s")


def crowd_noun(character: dict[str, Any]) -> str:
    """What a crowd of ``character``'s kind is of, in the plural ("hamsters", "corgis", "dogs"): its breed's
    name where the lexicon knows the breed and the name is not its species' ("stray cat"), else its species."""
    lex = lexicon()
    said = f"{character.get('breed') or ''} {character.get('look') or ''}"
    breed = next((lex.entry("breeds", k) for k in lex.keys(said, "breeds")
                  if lex.entry("breeds", k)["species"] == character["species"]), None)
    name = str(breed["en"][0]) if breed is not None else ""
    return _plural(name if name and not re.search(r"\b(?:cat|dog)\b", name) else str(character["species"]))


def _mocking_group(scenes: Sequence[dict[str, Any]]) -> tuple[int, list[str]] | None:
    """The first scene where two or more of the cast laugh, sneer or point at the hero together, and who."""
    for k, scene in enumerate(scenes):
        jeering = [a["id"] for a in scene["characters"]
                   if a["id"] != "hero" and a["action"] in _JEERS and a.get("target") == "hero"]
        if len(jeering) > 1:
            return k, jeering
    return None


def _put(props: list[str], label: str, max_props: int) -> list[str]:
    """``label`` in place of a cheering crowd, else of the last prop when there is no room."""
    props = [p for p in props if p != _CHEERING]
    return props if label in props else [*props[:max_props - 1], label]


def show_mockers_stunned(scenes: list[dict[str, Any]], analysis: Analysis, max_props: int,
                         characters: Sequence[dict[str, Any]] = ()) -> None:
    """A cast group that mocks the hero: a laughing crowd of its kind where it first mocks, every laughing
    crowd of its kind; the last scene shows the group that mocked the hero, stunned (in place of a cheering
    crowd, else of the scene's last prop when it has no room); a mocking only recalled is seen first
    (``_recalled_seen``)."""
    if not scenes:
        return
    group = _mocking_group(scenes)
    kind = {str(c["id"]): c for c in characters}
    noun = crowd_noun(kind[group[1][0]]) if group is not None and group[1][0] in kind else ""
    of = f" of {noun}" if noun else ""
    if group is not None:
        first = scenes[group[0]]
        if LAUGHING not in first["props"]:
            first["props"] = _put(first["props"], LAUGHING, max_props)
        for scene in scenes:
            scene["props"] = [f"{LAUGHING}{of}" if p == LAUGHING else p for p in scene["props"]]
    _recalled_seen(scenes, analysis, max_props)
    if group is None and not mocked_by_many(analysis):
        return
    last = scenes[-1]
    if STUNNED not in last["props"] and f"{STUNNED}{of}" not in last["props"]:
        last["props"] = _put(last["props"], f"{STUNNED}{of}", max_props)


def _recalled_seen(scenes: list[dict[str, Any]], analysis: Analysis, max_props: int) -> None:
    """A mocking the premise only recalls ("…and those who mocked him are speechless", 那些嘲笑它的人都说不出话了: no
    clause of it mocks) is seen before the many are stunned: a laughing crowd where one of the cast first wrongs
    the hero, else in the first scene, unless a scene before already shows one laughing at the hero; never where
    they already end up stunned, ashamed or in tears at it."""
    if "mock" not in analysis.wrongs or any("mock" in c.events for c in clauses(analysis)):
        return
    stunned = next((k for k, s in enumerate(scenes) if any(p.startswith(STUNNED) for p in s["props"]) or any(
        a["id"] != "hero" and a["action"] in _ENDED and a.get("target") == "hero" for a in s["characters"])),
        len(scenes))  # the mockers' ending ("the rich poodles who laughed at him end up stunned"): no laughing there
    before = scenes[:max(1, stunned)]
    if any(p.startswith(LAUGHING) for s in before for p in s["props"]) or any(
            a["action"] in _JEERS and a.get("target") == "hero" for s in before for a in s["characters"]):
        return
    first = next((s for s in before if any(a["id"] != "hero" and a.get("target") == "hero" for a in s["characters"])),
                 before[0])
    first["props"] = _put(first["props"], LAUGHING, max_props)


def one_crowd(scenes: list[dict[str, Any]]) -> None:
    """A scene whose crowd is drawn doing something of its own (stunned, laughing, crying: the judges' tears, the
    mockers' shock) shows that crowd only, never a cheering one the arc added beside it, nor the mockers laughing
    beside themselves stunned (the painter draws one crowd a scene: the first asked)."""
    for scene in scenes:
        if any(p != _CHEERING and p.split(" of ")[0].endswith(" crowd") for p in scene["props"]):
            scene["props"] = [p for p in scene["props"] if p != _CHEERING]
        if any(p.startswith(STUNNED) for p in scene["props"]):  # "those who mocked him are speechless": the
            scene["props"] = [p for p in scene["props"] if not p.startswith(LAUGHING)]  # mockers stunned, no more laughing


_ALONE = re.compile(r"\balone\b")  # a scene's note that shows its one alone (no crowd, no audience)
_AMONG = re.compile(r"\b(?:crowd|others|everyone|sneer\w*|laugh\w*|watching)\b")  # alone among others: they are there


def shown_alone(note: str) -> bool:
    """A scene's note shows its one alone, nobody looking on ("we see Max walking alone", "pretending to sing,
    alone in a tiny room"): no crowd is drawn there, and no line calls one to look ("Everyone at the restaurant
    turns to look")."""
    return bool(_ALONE.search(note)) and not _AMONG.search(note)


ONLOOKERS = "onlookers"  # a crowd that only looks on: the painter's own crowd, neither glad nor mocking
_GLUM = {"crying", "sad", "scared", "angry"}  # the faces of a scene no crowd cheers in
_GLAD = {"celebrate", "wave", "dance", "sing", "hug"}  # someone of the scene glad: the crowd may be glad with it
_AGHAST = {"spill", "shocked", "point"}  # a thing spilt, the one it spilt on pointing, the one who spilt it aghast:
_CHEERED = {"happy", "triumphant"}  # the crowd stares, never cheers (but a win the hero can hardly believe)


def crowd_in_mood(scenes: list[dict[str, Any]]) -> None:
    """A cheering crowd only where the scene is glad: in one of tears or shame (a sad scene, a pet crying, sulking or
    scared, and nobody of the scene glad: "gets fired from the bakery … Everyone at the bakery turns to look"), or of a
    mishap (a thing spilt, the one spilt on pointing, the one who spilt it aghast, in no glad nor triumphant scene:
    "drops a cake on a rich poodle … Everyone turns to stare") the crowd only looks on (onlookers), never cheers."""
    for scene in scenes:
        if _CHEERING not in scene["props"] or any(a["action"] in _GLAD for a in scene["characters"]):
            continue
        if scene["mood"] == "sad" or any(a["expression"] in _GLUM for a in scene["characters"]) or (
                scene["mood"] not in _CHEERED and any(a["action"] in _AGHAST for a in scene["characters"])):
            scene["props"] = list(dict.fromkeys(ONLOOKERS if p == _CHEERING else p for p in scene["props"]))


_SERVED_AT = {"restaurant", "kitchen", "shop", "market"}  # where the hero's trade serves the one who comes
_VISITS = {"eat", "enter", "walk", "stand"}  # the mocker come to eat or to buy (never one still jeering)
_DISH = "steaming bowl"  # what a restaurant serves when the scene names nothing to hand over
_SCENERY = {"oven", "cash register", "boxes", "menu", "stack of cash", "trophy"}  # never handed across the counter


def show_visit_served(scenes: list[dict[str, Any]], analysis: Analysis) -> None:
    """One who mocked the hero and comes to eat at its restaurant or to buy at its shop ("a white cat who mocked
    a poor tabby comes to eat at her restaurant", "…comes to buy flowers from her shop") is served by the hero:
    the hero hands the dish (or the flowers, the bread the scene names) to the mocker, who is stunned by it
    there; in the scenes after, the mocker holds what it was given, ashamed (never eating happily while the
    hero only stands by)."""
    mockers = {p.key for p in analysis.cast[1:] if p.side == "villain" and p.does_wrong} \
        if "mock" in analysis.wrongs else set()  # never a thief come into the shop
    served = False
    for scene in scenes:
        if scene["location"] not in _SERVED_AT:
            continue
        apps = {a["id"]: a for a in scene["characters"]}
        hero = apps.get("hero")
        guest = next((a for a in scene["characters"] if a["id"] in mockers and a["action"] in _VISITS
                      and not a.get("target") and any(h.get("target") in (None, a["id"]) for h in [hero or {}])), None)
        if served and guest is not None and guest["action"] == "eat":
            guest["expression"] = "sad"  # served once, it eats ashamed in every scene after, never happily
        if hero is None or guest is None or hero["action"] not in ("stand", "talk"):
            continue
        if not served and guest["action"] not in ("eat", "enter"):
            continue  # served from the scene it comes in to eat or to buy, never one only standing by before
        thing = next((p for p in scene["props"] if p not in _SCENERY and "crowd" not in p), None)
        dish = _DISH if scene["location"] in ("restaurant", "kitchen") and guest["action"] == "eat" else thing
        if dish is None:
            continue
        if not served or guest["action"] == "eat":  # the hero serves; the mocker, stunned, is given it
            hero.update(action="give", target=guest["id"], holding=dish[:40], expression="happy")
            guest.update(expression="shocked" if not served else "sad")
            guest.pop("target", None)
        else:  # after: the mocker holds what it bought, ashamed, before the hero
            guest.update(action="stand", holding=dish[:40], expression="sad")
        served = True
