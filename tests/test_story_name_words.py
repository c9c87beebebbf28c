"""Words next to a name that are no name, and lines that read whole (issue 12): a span of time that opens the
premise ("Three years later", 三年后, "Last winter") says when, never a pet; a word of the breed before the pet's
breed word ("an Afghan hound", "a Japanese Spitz named Yuki") says which pet; a title before a name is the name's
("Grandpa Biscuit", "Dr. Paws", 老板娘小美), and a name before a shop's word is the shop's (阿旺包子店); working at a
place names that place's job (在包子店打工); a Chinese shop's word is told in English by its head (a bun shop); an
arc line never uses a job's doing as a noun's modifier."""

from __future__ import annotations

import re

import pytest

from story.clauses import clauses
from story.datafiles import read_json
from story.offline import write_story
from story.premise import analyse


def _lines(premise: str, lang: str = "", seed: int = 1) -> list[str]:
    script = write_story(premise, None, lang or ("zh" if re.search(r"[\u4e00-\u9fff]", premise) else "en"), seed).script
    return [text for scene in script.scenes for _who, text in scene.spoken()]


@pytest.mark.parametrize("premise", [
    "Three years later, the cat who was kicked out of the restaurant comes back as its new owner",
    "Two weeks later the stray corgi finds his way home",
    "Five years later, the shiba opens her own noodle shop",
    "Ten years later a husky becomes a famous singer",
])
def test_a_span_of_time_that_opens_the_premise_names_no_pet(premise: str) -> None:
    cast = analyse(premise).cast
    assert all(p.name is None for p in cast), [(p.key, p.name) for p in cast]


def test_a_number_given_as_a_name_is_still_the_name() -> None:
    assert analyse("A cat named Three opens a shop").hero.name == "Three"


@pytest.mark.parametrize(("premise", "when", "said"), [
    ("三年后，被赶出餐厅的橘猫成了这家餐厅的老板", "三年后", "三年后，"),
    ("五年后，小柯基开了自己的面包店", "五年后", "五年后，"),
    ("Last winter, a poor ginger cat was thrown out in the snow; now he owns the biggest hotel in town",
     "Last winter", "Last winter, "),
])
def test_a_span_of_time_is_when_the_next_clause_happens(premise: str, when: str, said: str) -> None:
    told = clauses(analyse(premise))
    assert not any(c.text in {when, when.removesuffix("后")} for c in told), [c.text for c in told]
    assert when in [c.lead for c in told]
    lines = _lines(premise)
    assert any(said in line for line in lines)
    assert not any(re.search(r"(?:三|五)年。|, Last winter\.", line) for line in lines), lines


def test_a_word_of_when_before_a_pronoun_leads_its_clause() -> None:
    lines = _lines("Last winter, a poor ginger cat was thrown out in the snow; now he owns the biggest hotel in town")
    assert not any(" now he owns" in line for line in lines), lines
    assert any(line.startswith("Now, ") and "owns the biggest hotel" in line for line in lines), lines


@pytest.mark.parametrize(("premise", "not_names"), [
    ("An Afghan hound is laughed at for her messy hair, then wins the dog show", {"Afghan"}),
    ("A lonely Siberian husky waits at the train station every day for his owner", {"Siberian"}),
    ("A French bulldog is mocked by his classmates for being fat and becomes a famous dancer", {"French"}),
    ("a German Shepherd guards the farm every night", {"German", "Shepherd"}),
])
def test_a_word_of_the_breed_is_no_name(premise: str, not_names: set[str]) -> None:
    names = {p.name for p in analyse(premise).cast}
    assert not names & not_names, names


def test_the_name_after_an_unknown_breed_is_that_pets() -> None:
    premise = "A Japanese Spitz named Yuki is dumped by her boyfriend and opens a bakery"
    a = analyse(premise)
    assert a.hero.name == "Yuki"
    assert {p.name for p in a.cast} <= {"Yuki", None}
    assert not any("Yuki Japanese" in line or "Yuki Spitz" in line for line in _lines(premise))


def test_a_title_before_a_name_is_the_names_own() -> None:
    a = analyse("Grandpa Biscuit, an old beagle, teaches the puppies how to swim")
    assert a.hero.name == "Grandpa Biscuit" and a.hero.breed == "beagle"
    assert not any(p.relation == "grandpa" for p in a.cast)  # no grandpa of its own beside the beagle
    for premise, name in [("Dr. Paws the corgi saves a sick kitten at the hospital", "Dr Paws"),
                          ("Mr. Whiskers, the old cat, fixes shoes on the street corner and a rich customer mocks him",
                           "Mr Whiskers")]:
        assert analyse(premise).hero.name == name
        lines = _lines(premise)
        assert not any(f"{name} {name}" in line or f"{name}, {name}" in line for line in lines), lines


def test_a_chinese_title_before_a_name_and_a_shop_named_before_its_word() -> None:
    boss = next(p for p in analyse("老板娘小美收养了一只小狗").cast if p.relation == "boss")
    assert boss.name == "小美"
    a = analyse("阿旺包子店老板豆豆收留了两只流浪猫")
    assert "阿旺" not in {p.name for p in a.cast}  # the shop's name, no pet
    a = analyse("花店老板娘小美收养了一只被遗弃的小狗")
    assert a.job != "florist"  # the flower shop is the boss's, not the puppy's
    lines = _lines("花店老板娘小美收养了一只被遗弃的小狗")
    assert not any(re.search(r"(?<!老板)娘小美", line) for line in lines), lines  # never "饼干娘小美": the title whole


@pytest.mark.parametrize(("premise", "job"), [
    ("小柴犬在包子店打工，老板每天骂它", "shop_clerk"),
    ("一只叫小白的萨摩耶在宠物店打工，终于开了自己的店", "shop_clerk"),
    ("小猫在面馆打工", "waiter"),
    ("a shy shiba works at a bun shop", "shop_clerk"),
])
def test_working_at_a_place_names_its_job(premise: str, job: str) -> None:
    assert analyse(premise).job == job


def test_a_chinese_shop_is_told_in_english_by_its_head() -> None:
    lines = _lines("小柴犬在包子店打工，老板每天骂它", "en")
    assert any("bun shop" in line for line in lines), lines
    assert not any(re.search(r"\bthe bun\b(?! shop)", line) for line in lines), lines


def test_no_arc_line_uses_a_jobs_doing_as_a_nouns_modifier() -> None:
    """A job's ``work_zh`` is a doing (拿着小锤子一针一线地补旧鞋): "{hero}的{work}功夫" garbles every one of them."""
    bad = re.compile(r"的\{(?:dream_)?work\}|\{(?:dream_)?work\}(?:的)?(?:功夫|手艺|本事|技术|水平)")
    found = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "zh" and isinstance(value, str) and bad.search(value):
                    found.append(value)
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for arc in ("underdog_revenge", "career_dream", "rags_to_riches", "training", "second_chance"):
        walk(read_json(f"arcs/{arc}.json"))
    assert not found, found


@pytest.mark.parametrize(("premise", "job"), [
    ("老橘猫在街角修了三十年的鞋，一个富家猫嘲笑他", "cobbler"),
    ("老狗修了一辈子的车", "mechanic"),
])
def test_a_span_of_time_inside_a_jobs_words_keeps_the_job(premise: str, job: str) -> None:
    assert analyse(premise).job == job


@pytest.mark.parametrize(("premise", "asked"), [
    ("哈士奇是个修车工，前妻的跑车坏了来找他修", r"comes to ask \w+ to fix the sports car"),
    ("柯基是个鞋匠，富家猫的鞋坏了，只好来找他修", r"comes to ask \w+ to fix"),
])
def test_asking_someone_for_a_deed_is_told_as_asking_in_english(premise: str, asked: str) -> None:
    lines = _lines(premise, "en")
    assert any(re.search(asked, line) for line in lines), lines
    assert not any("searches everywhere" in line or "wanders on alone" in line for line in lines), lines


@pytest.mark.parametrize(("premise", "name"), [
    ("退休的警犬阿黄每天在公园里等主人", "阿黄"),
    ("柯基小白终于开了自己的店", "小白"),
])
def test_a_name_after_the_breed_then_an_adverb_is_the_pets(premise: str, name: str) -> None:
    assert analyse(premise).hero.name == name
    assert not any(f"{name}{name}" in line for line in _lines(premise))


def test_the_one_asked_may_be_told_with_where_it_lives() -> None:
    lines = _lines("老奶奶的电视坏了，只好来找隔壁的哈士奇帮忙修", "en")
    assert any(re.search(r"comes to ask \w+, a husky, to fix", line) for line in lines), lines


@pytest.mark.parametrize("premise", [
    "流浪猫来找老鞋匠修鞋，老鞋匠免费帮它修好了",
    "the stray cat asks the old cobbler to fix her shoes",
    "小狗去找兽医帮忙",
])
def test_the_job_of_the_one_asked_is_not_the_askers(premise: str) -> None:
    assert analyse(premise).job is None


@pytest.mark.parametrize(("premise", "said"), [
    ("Wangcai, a golden retriever, waits at the station", "Wangcai, a golden retriever, waits"),
    ("Mochi, the hamster, finds a lost wallet", "Mochi, the hamster, finds"),
    ("Mr. Whiskers, the old cat, fixes shoes on the street corner", "Mr Whiskers, the old cat, fixes"),
])
def test_a_name_said_with_its_description_closes_it_with_a_comma(premise: str, said: str) -> None:
    lines = _lines(premise)
    assert any(said in line for line in lines), lines
