"""A waiting story told in the premise's order (story/data/arcs/loyal_wait.json): the one waited for comes back
only where the premise's last clause says so, after the wait ("waits at the station every day for his owner until
one winter she comes back": her return closes the clip, never told mid-wait before the seasons and the grey
muzzle); the pronoun of that return is the one waited for, never the hero; "but she never comes back" stays
unreturned (no meeting, no hug, the owner never drawn); the old pet slower on the station's steps climbs steps,
never a ladder."""

from __future__ import annotations

import pytest

from render.painter.vocabulary import stage_action
from story.clauses import clauses
from story.gear import climbed
from story.kinds import story_kind
from story.offline import write_story
from story.premise import analyse
from tests.test_staging_actions import _char, _render

RETURNS = "an old dog waits at the station every day for his owner until one winter she comes back"
NEVER = "an old dog waits at the station every day for his owner but she never comes back"
WAIT_WORDS = ("same spot", "the seasons change", "slower on the steps", "muzzle", "maybe today", "a little longer",
              "where you left me", "footstep", "same time", "eyes on the doors")


@pytest.mark.parametrize(("premise", "back"), [
    (RETURNS, "she comes back"),
    (NEVER, "she never comes back"),
    ("a golden retriever waits by the door every night for his owner and one day he returns from the war",
     "he returns from the war"),
    ("an old beagle waits at the bus station every evening for his owner until one day he finally comes back",
     "comes back"),
])
def test_the_pronoun_of_a_return_after_a_wait_is_the_one_waited_for(premise: str, back: str) -> None:
    read = clauses(analyse(premise))
    clause = next(c for c in read if c.text == back)
    assert clause.actor == "owner", [(c.text, c.actor) for c in read]


@pytest.mark.parametrize("seed", range(5))
def test_the_return_closes_the_clip_after_the_wait(seed: int) -> None:
    script = write_story(RETURNS, None, "en", seed).script
    owner = next(c.name for c in script.characters if c.id == "owner")
    hero = next(c.name for c in script.characters if c.id == "hero")
    texts = [" ".join(t for _, t in s.spoken()) for s in script.scenes]
    back = next(k for k, t in enumerate(texts) if f"{owner} comes back" in t)
    assert f"{hero} comes back" not in " ".join(texts)
    assert back >= len(texts) - 3, (back, texts)  # the end of the clip: at most the meeting and the hug after it
    for k, text in enumerate(texts[back + 1:], back + 1):  # no wait told after she is back
        assert not [w for w in WAIT_WORDS if w in text.lower()], (k, text)
        assert "one day" not in text.lower() and "one evening" not in text.lower(), (k, text)  # no second return
    for k, scene in enumerate(script.scenes[:back]):  # the wait: the hero alone, the owner not there yet
        assert [c.id for c in scene.characters] == ["hero"], (k, texts[k])


@pytest.mark.parametrize("seed", range(5))
def test_one_who_never_comes_back_stays_unreturned(seed: int) -> None:
    written = write_story(NEVER, None, "en", seed)
    assert next(p for p in written.analysis.cast if p.key == "owner").gone
    script = written.script
    owner = next(c.name for c in script.characters if c.id == "owner")
    text = " ".join(t for s in script.scenes for _, t in s.spoken())
    assert f"{owner} never comes back" in text, text
    assert not [s for s in script.scenes if any(c.id == "owner" for c in s.characters)], text  # never drawn
    assert not [s for s in script.scenes if any(c.action == "hug" for c in s.characters)], text
    for words in ("familiar figure", "is it really you", "i'm home", "you came back", "comes back."):
        assert words not in text.lower().replace("never comes back.", ""), (words, text)


def test_steps_are_climbed_as_steps_never_a_ladder() -> None:
    assert climbed("an older Rex climbing the steps slowly to the station, determined") == "stairs"
    assert climbed("Rex climbing the porch stairs") == "stairs"
    assert climbed("Rex climbing a ladder to the roof") == "ladder"
    assert stage_action("climb", "neutral", "stairs", [], "station").marks == ("stairs",)
    assert stage_action("climb", "neutral", None, [], "station").marks == ("ladder",)
    found = 0
    for seed in range(12):
        for premise in (RETURNS, NEVER):
            for scene in write_story(premise, None, "en", seed).script.scenes:
                if "slower on the steps" in scene.narration:
                    found += 1
                    hero = next(c for c in scene.characters if c.id == "hero")
                    assert hero.action != "climb" or hero.holding == "stairs", (seed, scene.narration)
    assert found


def test_the_stairs_climbed_outdoors_are_drawn_behind_the_climber() -> None:
    _, report = _render("climb", "station", characters=[{"id": "hero", "action": "climb", "holding": "stairs"}])
    hero = _char(report, "hero")
    assert hero["marks"] == ["stairs"] and hero["holding"] is None


@pytest.mark.parametrize("seed", range(3))
def test_a_chinese_return_after_a_wait_is_the_owner_s_and_ends_the_clip(seed: int) -> None:
    premise = "老狗每天在门口等主人回家，直到有一天主人终于回来了"
    read = clauses(analyse(premise))
    assert [c.actor for c in read] == ["hero", "owner"], [(c.text, c.actor) for c in read]
    script = write_story(premise, None, "zh", seed).script
    names = {c.id: c.name for c in script.characters}
    texts = [" ".join(t for _, t in s.spoken()) for s in script.scenes]
    back = next(k for k, t in enumerate(texts) if f"{names['owner']}终于回来了" in t)
    assert f"{names['hero']}回来了" not in " ".join(texts) and f"{names['hero']}有一天" not in " ".join(texts)
    assert back >= len(texts) - 3, texts
    assert all([c.id for c in s.characters] == ["hero"] for s in script.scenes[:back]), texts


@pytest.mark.parametrize(("premise", "kind"), [
    ("a loyal akita waits at the train station for his master for ten years", "loyal_wait"),  # no mentor's training
    ("an old cat waits at the harbor for the fisherman who never returns", "loyal_wait"),
    ("a husky waits in the snow outside the hospital for her owner", "loyal_wait"),
    ("军犬等退伍的主人回来", "loyal_wait"),
    ("小猫每天趴在窗边等当兵的主人回家", "loyal_wait"),
    ("流浪猫等了很久，终于被领养回家了", "adoption"),  # a wait that ends in a home is no loyal wait
    ("小狗走丢了，主人等了三天，它终于回家了", "lost"),
    ("a young puppy trains with a strict master", "mentor"),
])
def test_a_pet_waiting_for_its_owner_is_a_loyal_wait(premise: str, kind: str) -> None:
    assert story_kind(analyse(premise)).id == kind
