"""English possessives in filled templates: "Whiskers'" not "Whiskers's"; other names and Chinese unchanged."""

from __future__ import annotations

import re

from story.offline import write_offline
from story.text import english_possessives, possessive


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
