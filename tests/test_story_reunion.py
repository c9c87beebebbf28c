"""A reunion is told as a reunion (story/data/arcs/reunion.json, chosen by story/kinds.py): the life
together, the parting, the long wait, the recognition and the embrace, never a lost pet's search, a
poster or "finds the way home" the premise does not say; a pet lost at a fair searches, but pins no
posters. Checked on the offline writer's real scripts."""

from __future__ import annotations

import re

import pytest

from story.arcchoice import choose_arc
from story.arcdata import arcs
from story.kinds import story_kind
from story.offline import write_story
from story.premise import analyse
from tests.spoken import said, spoken

INVENTED = ("lost", "missing", "poster", "way home", "search", "走丢", "迷路", "寻", "启事", "海报")


@pytest.mark.parametrize(("premise", "waits", "meets", "kind"), [
    ("an old dog is reunited with his owner after ten years", ("waits", "waiting"),
     ("arms", "hug", "i knew you'd come", "is it really you", "ears", "freezes"), "reunion"),
    ("a cat sees her sister again after years apart", ("waits", "waiting", "promise"),
     ("arms", "hug", "i knew you'd come", "is it really you", "ears", "freezes"), "reunion"),
    # a wait every day the premise leaves open: a loyal wait (story/data/arcs/loyal_wait.json), the wait is
    # told, the meeting may be or not
    ("孤独的老巴吉度猎犬每天在火车站等主人", ("等待", "守在", "等我", "再等", "说好", "记得", "敲门", "等"), (), "loyal_wait"),
    ("旺财每天在机场等主人回家", ("等待", "守在", "等我", "再等", "说好", "记得", "敲门", "等"), (), "loyal_wait"),
])
def test_a_reunion_tells_the_wait_and_the_meeting_not_a_search(premise: str, waits: tuple[str, ...],
                                                               meets: tuple[str, ...], kind: str) -> None:
    analysis = analyse(premise)
    assert story_kind(analysis).id == kind
    for seed in range(5):
        assert choose_arc(analysis, seed) == kind
        written = write_story(premise, None, analysis.language, seed)
        lines = spoken(written.script)
        text = " ".join(lines).lower()
        assert any(said(w, text) for w in waits), (seed, lines)  # the long wait
        assert not meets or any(w in text for w in meets), (seed, lines)  # the recognition or the embrace
        invented = [t for t in lines for w in INVENTED if said(w, t) and not said(w, premise.lower())]
        assert not invented, (seed, invented)


def test_a_pet_lost_at_the_fair_searches_but_pins_no_posters() -> None:
    premise = "a husky puppy gets lost at the fair and finds his way home"
    assert story_kind(analyse(premise)).id == "lost"
    for seed in range(8):
        lines = spoken(write_story(premise, None, "en", seed).script)
        assert not [t for t in lines if said("poster", t)], (seed, lines)
        assert any(said("lost", t) for t in lines), (seed, lines)


def test_no_arc_pins_a_lost_pet_poster() -> None:
    """The lost-and-found and reunion arcs tell the search and the wait in calls, scents and steps."""
    for arc_id in ("lost_and_found", "reunion", "loyal_wait"):
        arc = arcs()[arc_id]
        texts = [*arc.titles["en"], *arc.titles["zh"]]
        for beat in arc.beats:
            texts += [v[k] for v in beat["variants"] for k in ("en", "zh", "visual")]
            texts += [m[k] for m in beat["more"] for k in ("en", "zh")]
        assert not [t for t in texts if re.search(r"poster|启事|海报", t, re.I)], arc_id
    reunion = arcs()["reunion"]
    assert reunion.by_kind and not [t for t in reunion.titles["en"] if said("way home", t) or said("lost", t)]


def test_the_long_wait_is_told_alone() -> None:
    """While the hero waits, the one it waits for is away: the wait's own lines never name them, so the scene
    stages the hero alone (the owner is drawn at the parting and at the meeting)."""
    for beat in (b for b in arcs()["reunion"].beats if b["id"] in {"wait", "years"}):
        for text in (*(v[k] for v in beat["variants"] for k in ("en", "zh", "visual")),
                     *(m[k] for m in beat["more"] for k in ("en", "zh"))):
            assert "{family}" not in text, text
    premise = "an old dog is reunited with his owner after ten years"
    for seed in range(4):
        script = write_story(premise, None, "en", seed).script
        waiting = [s for s in script.scenes if re.search(r"waits by the door|never stops waiting|same spot|promise is a promise|old scarf|has not stopped",
                                                          s.narration
                                                          + " ".join(d.text for d in s.dialogue))]
        assert waiting and all(len(s.characters) == 1 for s in waiting), (seed, [(s.narration, len(s.characters))
                                                                                 for s in waiting])
        assert not [p for s in script.scenes for p in s.props if p in {"ten", "years"}]  # no number drawn
