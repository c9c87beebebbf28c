"""A pet that grows up to become a job and then does a deed ("…grows up to become a firefighter and saves the girl's
family from a fire", 长大后成了消防员救了小女孩一家) is told in two scenes: the becoming, in the job's uniform doing its
work where the job is done, then the deed; a firefighter who saves a family saves it from a burning house."""

from __future__ import annotations

import pytest

from story.clauses import clauses
from story.offline import write_story
from story.premise import analyse

_ZH = "一只流浪猫在雨里发抖，被小女孩带回家，长大后成了消防员救了小女孩一家"
_EN = ("a shivering stray kitten is taken home by a little girl, grows up to become a firefighter and saves the "
       "girl's family from a fire")


@pytest.mark.parametrize(("premise", "parts"), [
    (_ZH, ["长大后成了消防员", "救了小女孩一家"]),
    ("被遗弃的小狗长大后成了警犬抓住了小偷", ["小狗长大后成了警犬", "抓住了小偷"]),
])
def test_becoming_then_a_deed_is_two_clauses(premise: str, parts: list[str]) -> None:
    texts = [c.text for c in clauses(analyse(premise))]
    assert all(p in texts for p in parts)


@pytest.mark.parametrize("premise", ["小猫成了大厨以后开了餐厅", "小狗成了消防员的那天下雨了"])
def test_the_job_is_never_cut_from_its_own_words(premise: str) -> None:
    assert not any(c.text.startswith(("以后", "的")) for c in clauses(analyse(premise)))


@pytest.mark.parametrize(("premise", "lang", "grown", "saved"), [
    (_ZH, "zh", "长大后成了消防员", "救了"), (_EN, "en", "grows up to become a firefighter", "saves")])
def test_grown_firefighter_in_uniform_then_the_rescue_from_fire(premise: str, lang: str, grown: str, saved: str) -> None:
    for seed in (1, 5):
        scenes = write_story(premise, None, lang, seed).script.scenes
        become = next(i for i, s in enumerate(scenes) if grown in s.narration)
        rescue = next(i for i, s in enumerate(scenes) if saved in s.narration)
        assert become < rescue
        hero = next(c for c in scenes[become].characters if c.id == "hero")
        assert hero.outfit == "firefighter" and hero.action != "celebrate"
        assert any(p in scenes[rescue].props for p in ("fire", "burning house"))
        assert all(c.outfit == "firefighter" for s in scenes[become:] for c in s.characters if c.id == "hero")


def test_grows_is_no_thing_drawn() -> None:
    premise = "a stray puppy fed by a chef grows up to become a chef and cooks for the whole town"
    assert not any("grows" in c.nouns for c in clauses(analyse(premise)))
    for scene in write_story(premise, None, "en", 5).script.scenes:
        assert "grows" not in scene.props
