"""English possessives in filled templates: "Whiskers'" not "Whiskers's"; other names and Chinese unchanged."""

from __future__ import annotations

import re

from story.offline import write_offline
from story.plan import LINE_MOST
from story.text import english_possessives, plural_verb, possessive, within


def test_a_name_ending_in_s_takes_a_bare_apostrophe() -> None:
    values = {"hero": "Whiskers", "rival": "Pearl", "family": "Boots", "place": "the bus"}
    assert english_possessives("{hero}'s bowl", values) == "{hero}' bowl"
    assert english_possessives("{rival}'s car and {family}’s home", values) == "{rival}'s car and {family}’ home"
    assert english_possessives("at {place}", values) == "at {place}"  # no possessive: untouched
    assert english_possessives("{missing}'s toy", values) == "{missing}'s toy"
    assert english_possessives("{hero}'shed", values) == "{hero}'shed"  # not a possessive
    assert english_possessives("{hero}的家", values) == "{hero}的家"
    assert possessive("Whiskers") == "Whiskers'" and possessive("Mango") == "Mango's"


def test_written_stories_never_say_names_with_s_apostrophe_s() -> None:
    premise = "A poor ginger cat named Whiskers is mocked by a rich white cat named Duchess, works hard and gets rich"
    said: list[str] = []
    for seed in range(12):
        script = write_offline(premise, "ginger-cat", "en", seed)
        said += [line for scene in script.scenes for _, line in scene.spoken()]
        said += [scene.caption for scene in script.scenes]
    text = " ".join(said)
    assert not re.search(r"(Whiskers|Duchess)['’]s\b", text)
    assert re.search(r"(Whiskers|Duchess)['’](?!\w)", text)  # the possessive is still there
    zh = write_offline("一只名叫豆包的橘猫被富有的白猫嘲笑，努力工作，最后成了老板", "ginger-cat", "zh", 1)
    assert not any("'" in line for scene in zh.scenes for _, line in scene.spoken())


def test_a_long_line_keeps_its_whole_sentences_that_fit() -> None:
    line = "One small step. " * 10 + "The end."
    assert within(line, 40) == "One small step. One small step."
    assert within("short line.", 40) == "short line."
    assert within("word " * 30, 22) == "word word word word"  # one sentence too long: whole words
    assert within("一只猫。" * 60, 20) == "一只猫。" * 5
    assert within("x" * 300, 50) == "x" * 50


def test_an_odd_premise_with_a_long_filled_line_still_makes_a_script() -> None:
    """A premise pasted from the bot's own reply filled a beat past the plan's limit (a traceback)."""
    script = write_offline("Understood — hero: the poor ginger cat, window cleaner", "ginger-cat", "en", 3)
    lines = [line for scene in script.scenes for _, line in scene.spoken()]
    assert lines and all(len(line) <= LINE_MOST for line in lines)


def test_a_verb_said_of_many_is_one_rule_for_every_writer() -> None:
    from story import litter, spine

    said = {"comes": "come", "carries": "carry", "rushes": "rush", "misses": "miss", "dies": "die", "lies": "lie",
            "goes": "go", "is": "are", "doesn't": "don't", "fixes": "fix"}
    assert {word: plural_verb(word) for word in said} == said
    for word in ("this", "always", "run", "news", "boss", "x2s"):
        assert plural_verb(word) == word  # no verb said of one: as it is
    assert plural_verb("Comes") == "Come"
    # the litter's lines and the spine's two doers agree by using the one rule, not twins of it
    assert not hasattr(litter, "_plural_verb") and not hasattr(spine, "_plural_verb")
