"""A day of the calendar a premise opens with ("christmas eve a stray kitten…", "on new years eve a husky…", 是我的猫在
过年的时候偷吃了饺子) is the clause's when: said as "Christmas Eve, Tiger…", never a deed of its own nor garbled into
the clause ("Tiger, a stray kitten, christmas eve Tiger is cold outside"), and drawn in that clause's scene with its
sign (the Christmas tree, the red lanterns), its night and its snow."""

from __future__ import annotations

import pytest

from story.clauses import clauses
from story.holidays import calendar_day, holiday_cased, holiday_said
from story.offline import write_story
from story.premise import analyse


def _scene_saying(premise: str, words: str, lang: str = "en", seed: int = 1):  # type: ignore[no-untyped-def]
    script = write_story(premise, None, lang, seed).script
    scene = next((s for s in script.scenes if words in s.narration), None)
    assert scene is not None, [s.narration for s in script.scenes]
    return scene


@pytest.mark.parametrize(("premise", "lead"), [
    ("christmas eve a stray kitten is cold outside and a family let her in", "christmas eve"),
    ("on new years eve a husky waits at the door for his owner who never comes home", "on new years eve"),
    ("On Christmas Eve, a stray kitten is cold outside", "On Christmas Eve"),
])
def test_a_day_opening_the_premise_is_its_first_clause_when(premise: str, lead: str) -> None:
    first = clauses(analyse(premise))[0]
    assert first.lead == lead, (first.lead, first.text)
    assert not first.text.lower().startswith(("christmas", "on new", "on christmas")), first.text


@pytest.mark.parametrize(("premise", "said", "sign"), [
    ("christmas eve a stray kitten is cold outside and a family let her in", "Christmas Eve, ", "Christmas tree"),
    ("on new years eve a husky waits at the door for his owner who never comes home", "On New Year's Eve, ",
     "red lanterns"),
])
def test_the_day_is_said_first_and_drawn_with_its_sign_at_night(premise: str, said: str, sign: str) -> None:
    for seed in range(3):
        scene = _scene_saying(premise, said, seed=seed)
        assert sign in scene.props, (seed, scene.props)
        assert scene.time_of_day == "night", seed
        assert "eve " not in scene.narration.lower().replace("eve,", ""), scene.narration  # never "eve Tiger is…"


def test_christmas_brings_its_snow() -> None:
    scene = _scene_saying("christmas eve a stray kitten is cold outside", "Christmas Eve, ")
    assert scene.weather == "snow"


def test_a_day_said_inside_a_chinese_clause_keeps_the_clause_whole() -> None:
    premise = "是我的猫在过年的时候偷吃了饺子"
    texts = [c.text for c in clauses(analyse(premise))]
    assert any("过年" in t and "偷吃" in t for t in texts), texts
    for seed in range(3):
        scene = _scene_saying(premise, "偷吃了饺子", "zh", seed)
        assert "red lanterns" in scene.props, (seed, scene.props)
        said = " ".join(s.narration for s in write_story(premise, None, "zh", seed).script.scenes)
        assert "的时候。" not in said, said


def test_a_chinese_day_before_the_pet_is_drawn() -> None:
    script = write_story("新年夜小狗一个人在家等主人回来", None, "zh", 1).script
    assert any("red lanterns" in s.props for s in script.scenes), [s.props for s in script.scenes]


def test_a_day_is_never_a_thing_looked_at() -> None:
    for seed in range(4):
        script = write_story("a puppy lost in the snow on christmas night finds his way home", None, "en", seed).script
        said = " ".join(s.narration for s in script.scenes).lower()
        assert "the christmas night" not in said, (seed, said)


def test_calendar_words() -> None:
    assert calendar_day("christmas eve") and calendar_day("过年") and calendar_day("New Year")
    assert not calendar_day("christmas present") and not calendar_day("present")
    assert holiday_said("and on new year's day") == 4 and holiday_said("One cold night") == 0
    assert holiday_cased("on new years eve") == "on New Year's Eve"


_SEASONS_EN = ("At the start of autumn,", "In the middle of a heatwave,", "On the first day of spring,", "On payday,",
               "That Monday,", "Late one Friday,")
_SEASONS_ZH = ("有一年的秋天，", "盛夏最热的一天，", "开春的第一天，", "发工资那天，", "那个周一，", "一个周五的深夜，")


@pytest.mark.parametrize(("premise", "lang"), [
    ("two cats fall in love on Valentine's day", "en"),
    ("a shy puppy gives his crush a card on valentines day", "en"),
    ("a dog proposes to his girlfriend on valentine's day", "en"),
    ("a lonely cat spends halloween night trick or treating", "en"),
    ("两只猫在情人节相爱了", "zh"),
    ("情人节那天小狗向喜欢的猫表白", "zh"),
    ("七夕节小猫给心上人送花", "zh"),
])
def test_a_day_named_anywhere_is_the_only_day_said(premise: str, lang: str) -> None:
    """A premise naming its day mid-clause ("fall in love on Valentine's day") is anchored there: no opener sets
    another day or season ("At the start of autumn, … on Valentine's day" contradicted it)."""
    for seed in range(1, 4):
        script = write_story(premise, None, lang, seed).script
        said = " ".join(s.narration + " ".join(x.text for x in s.dialogue) for s in script.scenes)
        assert not [w for w in (_SEASONS_ZH if lang == "zh" else _SEASONS_EN) if w in said], (seed, said)


@pytest.mark.parametrize(("premise", "lang"), [
    ("two cats fall in love on Valentine's day", "en"),
    ("a corgi waits for his date on valentines day but she never comes", "en"),
    ("情人节小狗被女朋友甩了", "zh"),
    ("七夕节小猫给心上人送花", "zh"),
])
def test_valentines_day_is_drawn_with_roses(premise: str, lang: str) -> None:
    """Valentine's Day (情人节, 七夕) is drawn with its sign, the roses, as Christmas with its tree; never a prop
    called "Valentine" the painter has no drawing of."""
    for seed in range(1, 4):
        props = [p for s in write_story(premise, None, lang, seed).script.scenes for p in s.props]
        assert "bouquet of flowers" in props, (seed, props)
        assert not [p for p in props if "alentine" in p], (seed, props)


_SEASON_OPENERS = ("At the start of autumn", "In the middle of a heatwave", "On the first day of spring",
                   "有一年的秋天", "盛夏最热的一天", "开春的第一天")


@pytest.mark.parametrize(("premise", "lang"), [
    ("a lonely old husky waits every day at the bus stop for the girl who moved away, until one winter she comes back",
     "en"),
    ("a corgi opens an ice cream stand in the summer and gets rich", "en"),
    ("a tiny pug builds a snowman and it comes alive", "en"),
    ("下雪的晚上，小狗把迷路的小猫带回了家", "zh"),
    ("秋天到了，老猫奶奶一个人在院子里扫落叶", "zh"),
])
def test_a_season_named_is_the_only_season_said(premise: str, lang: str) -> None:
    """"one winter", "in the summer", a snowman, 下雪, 秋天: no opener sets another season ("On the first day of
    spring," in a winter story was said)."""
    for seed in range(1, 6):
        said = " ".join(s.narration for s in write_story(premise, None, lang, seed).script.scenes)
        assert not any(o in said for o in _SEASON_OPENERS), (seed, said)


def test_names_season() -> None:
    from story.holidays import names_season
    assert names_season("until one winter she comes back") and names_season("builds a snowman")
    assert names_season("冬天，一只流浪猫") and names_season("下雪的晚上")
    assert not names_season("a corgi falls in love") and not names_season("a cat runs a bakery")


_LONG_LATERS = ("A year later", "Three seasons later", "By the next spring", "Two autumns later", "一年后", "三个季节过去了",
                "到了第二年春天", "两个秋天过去")


@pytest.mark.parametrize(("premise", "lang"), [
    ("a chubby corgi is laughed at in gym class, trains all summer and wins the school race", "en"),
    ("a puppy helps at grandpa's farm all summer and learns to herd sheep", "en"),
    ("小柯基整个暑假都在练习游泳，最后拿了冠军", "zh"),
])
def test_a_span_of_a_season_or_less_is_never_moved_on_by_a_year(premise: str, lang: str) -> None:
    """"trains all summer", 整个暑假: no "A year later," ("A year later, Noodle is stronger" was said)."""
    for seed in range(1, 6):
        scenes = write_story(premise, None, lang, seed).script.scenes
        said = " ".join(s.narration + " ".join(d.text for d in s.dialogue) for s in scenes)
        assert not any(x in said for x in _LONG_LATERS), (seed, said)


def test_names_short_span() -> None:
    from story.holidays import names_short_span
    assert names_short_span("trains all summer") and names_short_span("for a week") and names_short_span("整个暑假")
    assert not names_short_span("a corgi trains every day") and not names_short_span("years later he is rich")
