"""Whom a premise beat's deed befalls, and the scene after a deed done once. Pure.

Answers, for the filler's lines and pictures (``story.weave.fill``): whom a setback is told of (``setback_befalls``:
the hero when another does it to the hero or to what is the hero's), whom a beat's lines tell it done to
(``done_to``: a hurt's whom it befalls, never the new love a partner leaves with), and the note of the scene after a
deed done once (``after_deed``, ``spine.json``'s ``aftermath``: the one left crying alone where it happened, the one
thrown out walking off, a mishap's victim facing the hero), so the deed is drawn in its own scene only.
"""

from __future__ import annotations

import re

from story.clauses import Clause
from story.drawings import spilt_thing
from story.lexicon import lexicon, tokenize_en
from story.spinedata import spine_data
from story.staged import Beat, Cast


def setback_befalls(c: Clause, cast: Cast) -> str | None:
    """Whom a setback clause befalls: the subject ("is betrayed by his best friend", "gets fired"), but the hero
    when another does it to the hero or to what is the hero's ("her best friend betrays her", "steals her
    bakery", 栗子偷走了豆豆的秘方): the hurt is told of the hero, never of the one who did it."""
    if not c.passive and c.subject not in (None, cast.hero) and c.obj in (cast.hero, None):
        return cast.hero
    return c.subject


def done_to(b: Beat, c: Clause) -> str | None:
    """Whom a premise beat's lines tell it done to: the clause's object, but a hurt's whom it befalls (the beat's
    ``befalls``, ``story.staged.befalls``: "his wife runs off with a rich Persian", 女朋友跟有钱的贵宾犬跑了: the
    hurt is the hero's, never the new love's)."""
    return b["befalls"] if b["kind"] == "hurt" else c.obj


def after_deed(b: Beat, c: Clause, cast: Cast) -> str | None:
    """The visual note of a scene after premise beat ``b`` whose deed is done once (``spine.json``'s
    ``aftermath``): the one it befalls after it, alone, where it happened ("we see Mochi crying alone, at the
    street" after "we see Duke leaving, Mochi crying, at the street"; walking off after being thrown out;
    catching its breath after running), so the deed is drawn in its own scene only; None where the deed goes
    on (working, training) or the note names no deed."""
    note = str(b.get("visual", ""))
    hits = lexicon().find_tokens(tokenize_en(note), ["actions"]) if note.startswith("we see ") else []  # English,
    # even where the names are hanzi
    if not hits:
        return None
    after, deed = spine_data()["aftermath"], hits[0].key
    doer, victim = c.actor or cast.hero, done_to(b, c)
    where = [p for p in note.split(", ")[1:] if re.match(r"(?:at|on|in) ", p)]  # its place, time and weather
    mishap = after["mishap"].get(deed) if doer == cast.hero and spilt_thing(c.text) is not None else None
    if mishap and victim not in (None, doer) and victim in cast.names:  # the cake on the poodle: the poodle, on
        hero = cast.name(doer)  # screen, faces the hero (its "You did that on purpose!" its own), never alone
        return ", ".join([f"we see {cast.name(victim)} {mishap['victim']} {hero}, {hero} {mishap['doer']}", *where])
    if victim is not None and victim != doer and victim in cast.names and deed in after["done_to"] and \
            cast.sides.get(victim) != "villain":  # the one left behind, never the new love it is left for
        who, word = victim, str(after["done_to"][deed])
    elif deed in after["own"] and doer == cast.hero:  # the hero's own deed (the one who walks out on it: above)
        who, word = doer, str(after["own"][deed])
    else:
        return None
    if mishap:
        word = str(mishap["doer"])  # the tray dropped at the gala: the hero aghast, alone
    return ", ".join([f"we see {cast.name(who)} {word} alone", *where])
