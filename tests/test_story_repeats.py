"""A clip says each thing once: no filler or arc line says again what an earlier line said ("For a long moment,
nobody says a single word." then "Nobody says a word."; "The days are slow and quiet." twice; 一句话也没说 twice)."""

from __future__ import annotations

import re

import pytest

from story.offline import write_offline
from story.script import Script

_SENT = re.compile(r"[^.!?。！？]+[.!?。！？]*")


def _said(script: Script) -> list[tuple[int, str]]:
    """(scene, sentence) of every narration line, names masked, lower case."""
    names = sorted((c.name for c in script.characters), key=len, reverse=True)
    out = []
    for k, scene in enumerate(script.scenes):
        text = scene.narration
        for n in names:
            text = text.replace(n, "X")
        out += [(k, s.strip().lower()) for s in _SENT.findall(text) if s.strip()]
    return out


def _twice(script: Script, words: str) -> list[str]:
    """The sentences after the first that say ``words`` (a family of one filler line)."""
    hits = [s for _, s in _said(script) if re.search(words, s)]
    return hits[1:]


# One script per case, the seeds where the old pools said it twice.
@pytest.mark.parametrize(("premise", "seed", "words"), [
    ("an old golden retriever's last wish is to see the snow once more, so the little girl who adopted him drives "
     "him up the mountain", 4, r"nobody says"),
    ("an old golden retriever's last wish is to see the snow once more, so the little girl who adopted him drives "
     "him up the mountain", 2, r"leans close"),
    ("the neighbours make fun of a scruffy old dog, until he saves their kids from a fire", 1, r"says nothing"),
])
def test_a_filler_line_is_never_said_twice_in_a_clip(premise: str, seed: int, words: str) -> None:
    script = write_offline(premise, "golden-retriever", "en", seed)
    assert not _twice(script, words), [s for _, s in _said(script)]


@pytest.mark.parametrize("seed", [1])
def test_a_poor_dogs_rise_says_its_crowd_and_its_breath_once(seed: int) -> None:
    script = write_offline("a poor corgi works hard and becomes a millionaire, and those who mocked him are "
                           "speechless", "corgi", "en", seed)
    for words in (r"everyone on the street", r"takes .*breath", r"says nothing"):
        assert not _twice(script, words), [s for _, s in _said(script)]


def test_the_gist_of_a_line_leaves_its_names_and_small_words_out() -> None:
    from story.repeats import gist, repeats, same

    assert same(gist("For a long moment, nobody says a single word."), gist("Nobody says a word."))
    assert not same(gist("Rex swallows.", ["Rex"]), gist("Rex swallows hard.", ["Rex"]))  # one word is no repeat
    assert repeats("Mango takes one slow breath.", ["Mango takes a deep breath, and smiles."], ["Mango"])
    assert not repeats("The first day is the hardest.", ["Nori, a shy kitten, first day at school."], ["Nori"], 3)
    assert same(gist("小黑一句话也没说。", ["小黑"]), gist("它低着头，一句话也没说。"))


def test_a_line_is_cut_of_its_repeats_and_a_filler_left_empty_is_dropped() -> None:
    from story.repeats import unrepeated

    beats = [{"slot": "premise", "line": "Rex wins the race."},
             {"slot": "feeling", "line": "Nobody says a word. Rex breathes out."},
             {"slot": "granted", "line": "For a long moment, nobody says a single word. The snow falls."},
             {"slot": "reaction", "line": "Nobody says a word."},
             {"slot": "premise", "line": "Nobody says a word."}]
    unrepeated(beats, ["Rex"])
    assert [b["line"] for b in beats] == ["Rex wins the race.", "Rex breathes out.", "The snow falls.",
                                          "Nobody says a word."]  # the premise's own line, said once
