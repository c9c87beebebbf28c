"""A premise of a pet caring for another that is ill or hurt ("a cat nurses a sick puppy back to health",
猫咪在医院当护士照顾生病的小狗), of a pet hurt in a car accident, or of a stray let in / carried home (小女孩把她抱回家)
is told in its own story (a helping paw, getting well, taken in), never the calm arc's lazy day of yawns and
stretches; a carer's filler is the carer's ("Whiskers keeps watch all night", never the sick one's medicine)."""

from __future__ import annotations

import pytest

from story.offline import write_story


@pytest.mark.parametrize(("premise", "lang", "arc"), [
    ("a cat nurses a sick puppy back to health", "en", "helping_paw"),
    ("cat doctor operates on a dog who was hit by a car", "en", "helping_paw"),
    ("a dog visits his sick friend in hospital every day", "en", "helping_paw"),
    ("猫咪在医院当护士照顾生病的小狗", "zh", "helping_paw"),
    ("狗狗在医院陪着生病的小主人直到她好起来", "zh", "helping_paw"),
    ("poor golden retriever in hospital after car accident, his owner visit him every day", "en", "getting_well"),
    ("christmas eve a stray kitten is cold outside and a family let her in", "en", "taken_in"),
    ("圣诞节晚上，一只流浪猫在雪里发抖，小女孩把她抱回家", "zh", "taken_in"),
])
def test_told_in_its_own_story_not_a_lazy_day(premise: str, lang: str, arc: str) -> None:
    for seed in range(2):
        written = write_story(premise, None, lang, seed)
        assert written.arc == arc, (seed, written.arc)
        said = " ".join(s.narration for s in written.script.scenes)
        assert "yawn" not in said and "哈欠" not in said, (seed, said)


def test_family_cared_for_is_still_the_family_bond() -> None:
    assert write_story("a kitten takes care of his sick grandma", None, "en", 1).arc == "family_bond"
    assert write_story("小狗照顾生病的奶奶", None, "zh", 1).arc == "family_bond"


def test_a_carers_filler_is_the_carers() -> None:
    for seed in range(4):
        script = write_story("cat doctor operates on a dog who was hit by a car", None, "en", seed).script
        hero = next(c for c in script.characters if c.id == "hero")
        dog = next(c for c in script.characters if c.id != "hero")
        for scene in script.scenes:
            for line in scene.dialogue:
                if "Drink this" in line.text or "right here" in line.text:
                    assert line.speaker == "hero", (seed, line)
            for tell in ("keeps watch", "swallows it bravely"):
                assert f"{dog.name} {tell}" not in scene.narration, (seed, scene.narration)
        assert hero.name
