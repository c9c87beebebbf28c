"""A partner who cheats on the hero, or leaves it for another pet, is the story's rival; the pet it cheats
with stands on the rival's side; and the premise is told as a betrayal and a comeback (the wife_returns
arc: cast out, crying, rising, the cheater's regret), never as a romance or a plain career dream."""
import pytest

from story.arcchoice import choose_arc
from story.offline import write_story
from story.premise import analyse

CHEATS = [  # (premise, the cheater's relation, the breed or species of the one it cheats with)
    ("the golden retriever's boyfriend dumps her for a rich white cat, she starts her own company",
     "boyfriend", "white_cat"),
    ("a poor cat's girlfriend leaves him for a rich cat, years later he comes back as a millionaire",
     "girlfriend", "cat"),
    ("her husband cheats on her with the rich poodle, so she works hard and opens her own bakery",
     "husband", "poodle"),
    ("a ginger cat's fiancé leaves her at the altar for a richer cat, she becomes a famous singer",
     "boyfriend", "cat"),
    ("泰迪的男朋友劈腿了一只有钱的贵宾犬，泰迪努力健身，变得更漂亮", "boyfriend", "poodle"),
    # a partner who leaves or is caught in words no vocabulary wrong holds (story/affairs.py)
    ("the tabby's wife runs off with a rich Persian, he raises their kittens alone and becomes a chef", "wife", "persian"),
    ("the ginger cat's girlfriend runs away with a rich dog, he works hard and buys a big house", "girlfriend", "dog"),
    ("a white cat catches her husband with another cat, leaves with her kitten, becomes a famous designer",
     "husband", "cat"),
    ("a small dog catches his girlfriend kissing a rich cat, he cries all night, then opens a noodle shop",
     "girlfriend", "cat"),
    ("the pug finds out his wife is secretly dating a rich cat, he divorces her and becomes a famous chef", "wife", "cat"),
    ("柯基的女朋友为了有钱的哈士奇离开了他，他努力开了一家面馆，前女友后悔了", "girlfriend", "husky"),
    ("暹罗猫的丈夫跟一只富婆猫跑了，她一个人把小猫养大，成了明星", "husband", "cat"),
]


@pytest.mark.parametrize(("premise", "relation", "lover"), CHEATS)
def test_the_cheating_partner_is_the_rival_and_its_lover_on_its_side(premise: str, relation: str,
                                                                    lover: str) -> None:
    a = analyse(premise)
    rival = next(p for p in a.cast if p.role == "rival")
    assert rival.relation == relation and rival.side == "villain"
    other = next(p for p in a.cast if p.role not in {"hero", "rival"} and lover in (p.breed, p.species))
    assert other.side == "villain" and other.role == "other" and other.lover_of == rival.key
    assert a.cast[0].role == "hero" and a.cast[0].relation is None


@pytest.mark.parametrize("premise", [c[0] for c in CHEATS] + [
    "a shiba finds out his girlfriend is cheating on him with his best friend, he hits the gym and glows up",
    "橘猫被渣男抛弃后逆袭，成了大明星，前男友后悔莫及",
])
def test_a_cheating_premise_is_told_as_betrayal_and_comeback(premise: str) -> None:
    assert choose_arc(analyse(premise), 1) == "wife_returns"


def test_the_progressive_is_no_passive() -> None:
    """"his girlfriend is cheating on him": she does the wrong (a passive would make her the one wronged)."""
    a = analyse("a shiba finds out his girlfriend is cheating on him with his best friend")
    assert a.hero.breed == "shiba"
    assert next(p for p in a.cast if p.relation == "girlfriend").role == "rival"


def test_the_one_dumped_is_the_partners_own_and_each_pronoun_its_own() -> None:
    """"X's boyfriend dumps her for a rich white cat": her is X (the hero), the cat only the new love; then
    "she" starts the company (the hero) and "he" begs (the boyfriend, not the cat last named)."""
    from story.clauses import clauses
    a = analyse("the golden retriever's boyfriend dumps her for a rich white cat, she starts her own company"
                " and he begs her to come back")
    told = [(c.actor, c.obj) for c in clauses(a)]
    assert told == [("rival", "hero"), ("hero", None), ("rival", "hero")]


@pytest.mark.parametrize("premise", [c[0] for c in CHEATS[5:7]] + [CHEATS[11][0],
                                                                   "柴犬的女朋友跟一只有钱的贵宾犬跑了，柴犬每天送外卖攒钱，开了一家火锅店"])
def test_the_hurt_of_a_partner_leaving_with_another_is_the_heros(premise: str) -> None:
    """"his wife runs off with a rich Persian. Tofu swallows hard": the lines of the hurt tell of the one left,
    never of the new love (story/weave.done_to)."""
    for seed in (1, 2, 3):
        written = write_story(premise, None, "zh" if "的" in premise else "en", seed)
        names = {c.id: c.name for c in written.script.characters}
        lover = next(c.id for c in written.script.characters if c.id not in {"hero", "rival"})
        told = " ".join(t for s in written.script.scenes[:4] for _, t in s.spoken())
        hurt = [w for w in ("small", "swallows", "counts to ten", "tries not to cry", "ears droop", "paws are shaking",
                            "stands there alone", "真想消失", "低着头", "发抖", "站在原地", "一声不吭") if w in told]
        assert not any(f"{names[lover]}{sep}{w}" in told for w in hurt for sep in (" ", "", "'s ")), told


@pytest.mark.parametrize(("premise", "leaves"), [
    ("the siamese's husband runs away with the neighbour's cat and never comes back", "runs away with"),
    ("老婆跟着有钱的波斯猫跑了，狸花猫努力工作开了面馆，老婆后悔了", "跟着"),
])
def test_the_new_love_is_named_only_where_the_partner_leaves_with_it(premise: str, leaves: str) -> None:
    """The hurt befalls the one left (story/staged.befalls, read by the beat's kind and its lines), also where the
    new love stands on no side (the neighbour's cat) or the leaver is no one's said partner (老婆): no "It stings more
    than Miso lets anyone see", no 豆豆全都看在眼里."""
    import re

    for seed in (1, 2):
        script = write_story(premise, None, analyse(premise).language, seed).script
        lover = next(c.name for c in script.characters if c.id not in {"hero", "rival"})
        said = [s for scene in script.scenes for _, t in scene.spoken() for s in re.split(r"(?<=[.!?。！？])\s*", t)]
        assert all(leaves in s for s in said if lover in s), [s for s in said if lover in s]


def test_the_new_love_leaving_the_cheater_in_turn_is_its_comeuppance_not_the_heros_hurt() -> None:
    """"…then the husky leaves her too": the one left is the one who wronged the hero, so it befalls her; the story
    ends with it (never a second hurt of the hero's in the middle)."""
    script = write_story("a persian cat leaves her poor husband for a rich husky, then the husky leaves her too",
                         None, "en", 1).script
    told = [k for k, s in enumerate(script.scenes) if "leaves" in s.narration and "too" in s.narration]
    assert told and told[0] >= len(script.scenes) - 2, [s.narration for s in script.scenes]
