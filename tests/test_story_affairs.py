"""A partner who leaves with or for another pet, or is caught with one, in words no vocabulary wrong holds
("runs off with", "catches her husband with", "is secretly dating", 为了…离开了他, 跟…跑了; cast and told as a
betrayal: tests/test_story_cheating.py), and never where no partner leaves with a pet; a he or she
after it names the one of the couple it says (the hero, or the ex who comes back); the scene of the betrayal
shows the one left crying, and the new love leaves with the cheater, never staying in the hero's scenes."""
import pytest

from story.affairs import with_affairs
from story.clauses import clauses
from story.lexicon import in_context, lexicon
from story.offline import write_offline
from story.premise import analyse


@pytest.mark.parametrize("premise", [
    "his wife runs off with the money",  # a theft of the money: no pet left with
    "the fox runs off with the sausage",  # no partner
    "a cat leaves her husband and opens a bakery",  # the partner is the one left, not who leaves
    "猫咪被男朋友抛弃了",  # the vocabulary says it already
])
def test_no_leaving_is_read_where_no_partner_leaves_with_a_pet(premise: str) -> None:
    lex = lexicon()
    tokens = lex.tokenize(premise)
    hits = in_context(lex.find_tokens(tokens), tokens)
    assert with_affairs(hits, tokens) == hits


@pytest.mark.parametrize(("premise", "told"), [
    ("a chubby pug is dumped by his girlfriend for a rich husky, saves every coin, opens a burger shop and she"
     " comes to eat there", [("rival", "hero"), ("hero", None), ("hero", None), ("rival", None)]),
    ("the tabby's wife runs off with a rich Persian, he raises their kittens alone and becomes a chef",
     [("rival", "persian"), ("hero", "kittens"), ("hero", None)]),
    ("the poodle leaves her poor husband for a rich bulldog, he becomes a millionaire and she regrets it",
     [("rival", "hero"), ("hero", None), ("rival", None)]),
    ("金毛的妻子为了钱离开了他，他努力工作成了总裁，前妻回来求复合", [("rival", "hero"), ("hero", None), ("rival", None)]),
])
def test_he_or_she_after_a_couple_breaks_up_names_the_one_it_says(premise: str, told: list[tuple[str, str | None]]) -> None:
    assert [(c.actor, c.obj) for c in clauses(analyse(premise))] == told


@pytest.mark.parametrize("premise", [
    "a chubby pug is dumped by his girlfriend for a rich husky, saves every coin and opens a burger shop",
    "a poor shiba's boyfriend cheats on her with a rich poodle, she studies hard and becomes a lawyer",
    "the tabby's wife runs off with a rich Persian, he works hard and becomes a chef",
    "橘猫被女朋友劈腿，后来开了一家咖啡店",
    "柯基的女朋友为了有钱的哈士奇离开了他，他努力开了一家面馆，前女友后悔了",
])
def test_the_one_left_cries_and_the_new_love_leaves_with_the_cheater(premise: str) -> None:
    """The scene that tells the betrayal shows the hero crying (not standing by), and is where its hurt starts
    (no crying at a closed door before the partner has even left)."""
    script = write_offline(premise, "", "", 1)
    lover = next(c.id for c in script.characters if c.id not in {"hero", "rival"}) if len(script.characters) > 2 else None
    told = next(k for k, s in enumerate(script.scenes) if any(c.id == "rival" for c in s.characters))
    hero = next(c for c in script.scenes[told].characters if c.id == "hero")
    assert hero.action == "cry"
    assert not any(c.id == "hero" and c.action == "cry" for s in script.scenes[:told] for c in s.characters)
    rising = [s for s in script.scenes[told + 1:] if not any(c.id == "rival" for c in s.characters)]
    assert rising and not any(c.id == lover for s in rising for c in s.characters)


def test_a_partner_seen_dating_another_in_chinese_is_the_betrayal() -> None:
    """泰迪发现女朋友偷偷和一只有钱的哈士奇约会: its girlfriend (said with no 的) cheats: the rival, told as a betrayal."""
    from story.arcchoice import choose_arc
    a = analyse("泰迪发现女朋友偷偷和一只有钱的哈士奇约会，他伤心地离开了，后来成了老板")
    assert next(p for p in a.cast if p.role == "rival").relation == "girlfriend"
    assert choose_arc(a, 1) == "wife_returns"


def test_the_hero_who_catches_its_partner_is_shocked_not_doing_the_partners_deed() -> None:
    """"catches her fiance hugging a rich Siamese": the hug is the fiance's; the hero is shocked."""
    script = write_offline("a tuxedo cat catches her fiance hugging a rich Siamese, then becomes a famous dancer", "", "", 1)
    told = next(s for s in script.scenes if any(c.id == "rival" for c in s.characters))
    assert next(c for c in told.characters if c.id == "hero").action == "shocked"


@pytest.mark.parametrize("premise", [
    "一只哈士奇在修车厂当修理工，老婆嫌他穷，跟着一只开跑车的贵宾犬走了，哈士奇拼命攒钱开了自己的汽修店，前妻的跑车坏了只好来找他修",
    "橘猫的老公嫌她胖，跟着一只年轻的波斯猫走了，橘猫开了一家健身房",
    "一只腊肠犬是个穷画家，女朋友嫌他没钱，跟一只开跑车的斗牛犬跑了，腊肠犬的画卖出了天价",
])
def test_a_partner_whose_next_clause_goes_with_another_pet_leaves_on_screen(premise: str) -> None:
    """老婆嫌他穷，跟着一只贵宾犬走了: the next clause, its subject unsaid, is the partner's leaving (the
    partner is no friend nor gone: 走了 with someone is no death): the partner is seen scorning the hero, then
    leaving with the new love, the hero crying; the ex (前妻) comes back on screen."""
    script = write_offline(premise, "", "zh", 1)
    ids = {c.id for c in script.characters}
    assert "rival" in ids  # the partner who leaves wrongs the hero
    told = next(s for s in script.scenes if "走了" in s.narration or "跑了" in s.narration)
    acts = {c.id: c.action for c in told.characters}
    assert acts.get("rival") in {"exit", "run"} and acts.get("hero") == "cry"
    assert any(cid not in {"hero", "rival"} and act in {"exit", "run"} for cid, act in acts.items())
    before = script.scenes[:script.scenes.index(told)]
    assert any(c.id == "rival" for s in before for c in s.characters)  # 嫌他穷: she says it, on screen
    if "前妻" in premise:
        back = next(s for s in script.scenes if "来找" in s.narration)
        assert {c.id for c in back.characters} >= {"hero", "rival"}


@pytest.mark.parametrize("premise", [
    "哈士奇的老婆嫌他穷，哈士奇跟着一只贵宾犬走了",  # the next clause names its own subject
    "哈士奇的老婆嫌他穷，跟着感觉走",  # no pet gone with
])
def test_no_leaving_is_read_into_a_next_clause_that_is_not_the_partners(premise: str) -> None:
    lex = lexicon()
    tokens = lex.tokenize(premise)
    hits = in_context(lex.find_tokens(tokens), tokens)
    assert with_affairs(hits, tokens) == hits
