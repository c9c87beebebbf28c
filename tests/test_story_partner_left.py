"""A partner who leaves the hero for a richer pet and comes back needing it: who does what. The partner is the one
who leaves (跟着一只有钱的贵宾犬走了: the subject unsaid is the partner's, never the pet it goes with), its scorn is
drawn as scorn (嫌他穷), the he after it is the one left (an unowned 老婆 is the hero's; "a husky mechanic's wife"
is the husky's), the one asked to fix the car does the fixing while the ex pleads by it, and no arc line says the
hero is the one who walked out."""
import pytest

from story.arcdata import arcs
from story.arcs import fits_setting
from story.clauses import clauses
from story.hints import openings
from story.offline import write_offline
from story.premise import analyse
from story.riches import drives_zh

VIEWER = "一只哈士奇是修车工，老婆嫌他穷，跟着一只有钱的贵宾犬走了。他努力开了自己的修车厂，后来前妻的跑车坏了来找他修"
GARAGE = ("A poor husky mechanic's wife leaves him for a rich poodle. He opens his own garage, and years later her sports"
          " car breaks down and she has to ask him to fix it.")


@pytest.mark.parametrize(("premise", "told"), [
    (VIEWER, [("hero", None), ("rival", "hero"), ("rival", "poodle"), ("hero", None), ("rival", "hero")]),
    ("泰迪的女朋友看不起他，跟着一只萨摩耶走了，泰迪开了一家奶茶店", [("rival", "hero"), ("rival", "samoyed"), ("hero", None)]),
    (GARAGE, [("rival", "hero"), ("hero", None), (None, None), ("rival", "hero")]),
    ("A corgi's wife sneers at his tiny salary and leaves with a rich bulldog. He starts a bakery",
     [("rival", "hero"), ("rival", "bulldog"), ("hero", None)]),
])
def test_the_partner_leaves_and_the_one_left_does_what_follows(premise: str, told: list[tuple[str | None, str | None]]) -> None:
    """跟着 X 走了 with its subject unsaid is the partner's leaving (X goes with it); the 他/he after it is the one
    left: the partner word no one owns is the hero's, and "a husky mechanic's wife" is the husky's."""
    analysis = analyse(premise)
    assert [(c.actor, c.obj) for c in clauses(analysis)][:len(told)] == told
    rival = analysis.person("rival")
    assert rival is not None and rival.relation in {"wife", "girlfriend"}
    assert any(p.lover_of == "rival" for p in analysis.cast)  # the pet it goes with is its new love, no friend


@pytest.mark.parametrize(("premise", "scorn"), [
    ("老婆嫌他穷，跟着一只贵宾犬走了", True),
    ("女朋友嫌柯基太胖，离开了他", True),
    ("柯基嫌麻烦，不想去上学", False),  # finds a thing a bother: no one scorned
    ("警察狗抓住了嫌疑犯，大家都很开心", False),  # 嫌疑犯, a suspect: a word of its own
])
def test_xian_is_scorn_only_of_whom_it_scorns(premise: str, scorn: bool) -> None:
    first = clauses(analyse(premise))[0]
    assert ("mock" in first.events and "sneer" in first.actions) == scorn


@pytest.mark.parametrize(("premise", "line"), [(VIEWER, "来找"), (GARAGE, "to fix it")])
def test_the_one_asked_to_fix_the_car_fixes_it_and_the_ex_pleads(premise: str, line: str) -> None:
    """来找他修, "has to ask him to fix it": the mechanic works on it, the ex kneels by it, never holding the wrench."""
    script = write_offline(premise, "", "zh" if line == "来找" else "en", 4)
    scene = next(s for s in script.scenes if line in s.narration)
    acts = {c.id: c.action for c in scene.characters}
    assert acts["hero"] == "work" and acts["rival"] == "kneel"


@pytest.mark.parametrize("seed", [1, 4])
def test_no_line_says_the_hero_walked_out_where_its_partner_left(seed: int) -> None:
    script = write_offline(VIEWER, "", "zh", seed)
    said = script.title + " ".join(t for s in script.scenes for t in [s.narration, *(d.text for d in s.dialogue)])
    assert not any(w in said for w in ("当年离开的那个人", "被赶出门", "关上的门", "走了回来", "门是你关上的"))


def test_lines_of_who_walked_out_fit_only_that_story() -> None:
    beats = arcs()["wife_returns"].beats
    lines = [v for b in beats for v in [*b["variants"], *b.get("more", [])]]
    thrown = next(v for v in lines if v["en"] == "{hero} is not the one who left. Not anymore.")
    left = next(v for v in lines if v.get("left") == "partner")
    assert fits_setting(thrown, {"_left": ""}) and not fits_setting(thrown, {"_left": "partner"})
    assert fits_setting(left, {"_left": "partner"}) and not fits_setting(left, {"_left": ""})


@pytest.mark.parametrize(("verb", "drives"), [("努力开了自己的修车厂", False), ("开了一家洗车店", False),
                                              ("开着豪车回来", True), ("开上了跑车", True)])
def test_a_car_shop_opened_is_no_ride_driven(verb: str, drives: bool) -> None:
    assert drives_zh(verb) == drives


def test_the_start_of_a_season_opens_no_shop() -> None:
    assert openings("At the start of autumn, Ziggy leaves Bear")[0] is None
    assert openings("Bear starts a bakery")[0] == "starts a bakery"


@pytest.mark.parametrize("premise", [
    "一只小猫偷了鱼店的鱼，被鱼店老板抓住了，老板没有骂它，反而收留了它",
    "A stray puppy steals bread and gets caught by the bakery boss, a kind old golden retriever who takes him in.",
])
def test_the_boss_who_catches_the_thief_is_no_rival_nor_drawn_as_the_hero(premise: str) -> None:
    """被鱼店老板抓住了: the boss stops a misdeed of the hero's own and takes it in: no villain; and a hero of no
    breed of its own is not drawn in the catcher's breed (no two golden retrievers)."""
    analysis = analyse(premise)
    assert analysis.person("rival") is None and all(p.side != "villain" for p in analysis.cast)
    script = write_offline(premise, "", "", 1)
    looks = [c.look for c in script.characters]
    assert len(set(looks)) == len(looks)


@pytest.mark.parametrize("premise", ["a rich dog steals a poor corgi's girlfriend, the corgi becomes a famous chef",
                                     "一只有钱的狗抢走了柴犬的女朋友，柴犬努力训练，最后赢了比赛"])
@pytest.mark.parametrize("seed", [2, 3])
def test_the_partner_taken_looks_unlike_the_one_who_takes_it_and_the_hero(premise: str, seed: int) -> None:
    script = write_offline(premise, "", "", seed)
    styles = [c.look.split(",")[0] for c in script.characters]
    assert len(set(styles)) == len(styles), styles


@pytest.mark.parametrize(("premise", "actor"), [
    ("橘猫是个外卖员，女朋友嫌他穷，和一只富二代波斯猫在一起了。三年后橘猫成了外卖公司老板", ["hero", "rival", "rival", "hero"]),
])
def test_a_time_said_before_the_subject_and_a_clause_that_starts_with_whom_keep_who_does_it(
        premise: str, actor: list[str]) -> None:
    """和一只波斯猫在一起了: its subject unsaid, the partner's; 三年后橘猫…: the cat after the time is the subject."""
    assert [c.actor for c in clauses(analyse(premise))] == actor
