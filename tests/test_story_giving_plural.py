"""A plural subject's giving verb takes "her" as its object ("her kittens buy her a big house"), never as a
possessive ("buy Pumpkin's a big house")."""

from __future__ import annotations

from story.offline import write_story


def test_her_after_a_plural_giving_verb_is_the_one_given_to() -> None:
    premise = ("a pregnant cat is abandoned by her husband for a rich cat, works nights at a noodle stall to raise "
               "her kittens, and years later her kittens buy her a big house")
    for seed in range(3):
        script = write_story(premise, None, "en", seed).script
        hero = next(c.name for c in script.characters if c.id == "hero")
        said = " ".join(scene.narration for scene in script.scenes)
        assert f" buy {hero} a big house" in said, (seed, said)
        assert f"{hero}'s a big house" not in said, seed
