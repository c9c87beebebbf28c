"""Spoken and narrated lines that neither garble nor contradict their scene: a description said beside a name with
its article and never glued after it ("Scout, dog,", "Clementine, kitten, shivering stray Clementine is adopted",
"Ziggy, a dog guards, the farm"), no place phrase left empty ("at the on tv"), no quote left bare or open, no crowd
called to look where the scene shows its one alone, no "You're safe now" said to nobody nor before the rescue, no
tumble in a story of a nap or of fishing at sunset."""

from __future__ import annotations

import re

import pytest

from story.offline import write_story
from story.repeats import unrepeated
from story.script import Script


def _script(premise: str, seed: int) -> Script:
    return write_story(premise, None, "zh" if re.search(r"[\u3400-\u9fff]", premise) else "en", seed).script


def _spoken(script: Script) -> list[tuple[int, str, str]]:
    return [(k, who, text) for k, s in enumerate(script.scenes) for who, text in s.spoken()]


# 1. quotes: a repeat cut from a spoken line is cut inside its quotes
def test_a_repeat_cut_from_a_quoted_line_keeps_its_quotes() -> None:
    beats = [{"speaker": "narrator", "line": "The little gifts never stop.", "slot": "feeling"},
             {"speaker": "hero", "line": '"The little gifts never stop. Thank you."', "slot": "reaction"},
             {"speaker": "hero", "line": "\u201c小礼物一次也没有停过。谢谢你。\u201d", "slot": "reaction"},
             {"speaker": "narrator", "line": "小礼物一次也没有停过。", "slot": "feeling"}]
    unrepeated(beats, ["Luna"])
    assert beats[1]["line"] == '"Thank you."'
    assert beats[2]["line"] == "\u201c小礼物一次也没有停过。谢谢你。\u201d"  # said first: kept whole


@pytest.mark.parametrize(("premise", "seed"), [
    ("a shy cat dances at the ball and the prince falls in love", 1),
    ("a shiba inu opens a noodle shop and the rival shop tries to ruin him", 1),
])
def test_no_spoken_line_is_a_bare_or_open_quote(premise: str, seed: int) -> None:
    for _k, who, text in _spoken(_script(premise, seed)):
        if who == "narrator":
            continue
        assert re.search(r"[A-Za-z]", text), text
        assert text.count('"') == 2 and text.startswith('"') and text.endswith('"'), text


# 2. a description beside a name: with its article, said where the premise says it, never glued after it
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_bare_noun_beside_a_name_gets_its_article(seed: int) -> None:
    script = _script("a cat and dog fall in love", seed)
    dog = next(c.name for c in script.characters if c.species == "dog")
    text = " ".join(t for _k, _w, t in _spoken(script))
    assert f"{dog}, a dog," in text
    assert f"{dog}, dog," not in text


@pytest.mark.parametrize(("premise", "said"), [
    ("a shivering stray kitten is adopted by a kind family", "a shivering stray kitten, is adopted"),
    ("the shivering stray cat is saved by a kind dog", "a shivering stray cat, is saved"),
])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_subject_described_before_it_is_named_once_with_its_words(premise: str, said: str, seed: int) -> None:
    script = _script(premise, seed)
    hero = script.characters[0].name
    line = next(t for _k, _w, t in _spoken(script) if said in t)
    sentence = next(s for s in re.split(r"(?<=[.!?])\s+", line) if said in s)
    assert f"{hero}, {said}" in sentence
    assert sentence.count(hero) == 1, sentence


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_verb_is_not_read_as_the_pets_role(seed: int) -> None:
    text = " ".join(t for _k, _w, t in _spoken(_script("a dog guards the farm from a fox at night", seed)))
    assert ", a dog, guards the farm" in text
    assert "a dog guards," not in text


# 3. the place a line names is a place ("on tv" is how the premise says it: the tv studio)
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_no_empty_place_phrase(seed: int) -> None:
    text = " ".join(t for _k, _w, t in _spoken(_script("a corgi cooks braised fish on tv and wins the contest", seed)))
    assert not re.search(r"\b(?:the|at|in) on tv\b", text), text


# 4. no crowd called to look where the scene's note shows its one alone
_CROWD_LINE = re.compile(r"\beveryone (?:at|in) the [a-z ]+ turns to look\b|\beveryone talks at once\b", re.IGNORECASE)


@pytest.mark.parametrize(("premise", "seed"), [
    ("a shiba inu opens a noodle shop and the rival shop tries to ruin him", 1),
    ("a shiba inu opens a noodle shop and the rival shop tries to ruin him", 3),
    ("a dog runs away from home and comes back on christmas", 2),
])
def test_no_crowd_called_where_nobody_is_there(premise: str, seed: int) -> None:
    script = _script(premise, seed)
    for scene in script.scenes:
        crowd = len(scene.characters) > 1 or any("crowd" in p or "onlookers" in p for p in scene.props)
        for _who, text in scene.spoken():
            assert crowd or not _CROWD_LINE.search(text), (text, scene.props)


# 5. "You're safe now": said to the one saved, there, after the rescue
_SAFE = re.compile(r"safe now|you're okay|安全了|没事了", re.IGNORECASE)


@pytest.mark.parametrize(("premise", "seed"), [
    ("a firefighter dog saves a kitten from a burning house", 1),
    ("a cat is trapped in a tree and the firemen rescue her", 1),
    ("a cat is trapped in a tree and the firemen rescue her", 2),
    ("a stray cat is hit by a car and a nurse saves him", 2),
    ("a cat becomes a doctor and saves her grandpa", 1),
    ("金毛救起落水的男孩成了小镇英雄", 1),
    ("雪橇犬在暴风雪中送药救村子", 3),
    ("小猫被困在树上，消防员救了她", 1),
])
def test_safe_now_is_said_to_someone_there(premise: str, seed: int) -> None:
    script = _script(premise, seed)
    for scene in script.scenes:
        for line in scene.dialogue:
            if _SAFE.search(line.text):
                assert len(scene.characters) > 1, (line.text, [c.id for c in scene.characters])


def test_safe_at_last_is_not_said_of_the_danger_itself() -> None:
    script = _script("小猫被困在树上，消防员救了她", 2)
    for _k, _who, text in _spoken(script):
        assert not ("被困" in text and "安全" in text), text


# 6. a story of a nap or of fishing at sunset: no tumble, no "Whoa!"
_TUMBLE = re.compile(r"one slip|upside down|whoa|a little scary|四脚朝天|哇！哇|有点吓人|tumbl", re.IGNORECASE)


@pytest.mark.parametrize("premise", ["a lazy cat naps in the sun on a calm afternoon", "一只懒猫在阳光下睡午觉",
                                     "a dog and his son fish at the pier at sunset"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_no_tumble_in_a_story_of_a_nap(premise: str, seed: int) -> None:
    script = _script(premise, seed)
    for _k, _who, text in _spoken(script):
        assert not _TUMBLE.search(text), text
    assert not any(_TUMBLE.search(s.visual_prompt) for s in script.scenes)


def test_a_tumble_is_still_told_where_the_hero_is_out_exploring() -> None:
    told = [any(_TUMBLE.search(t) for _k, _w, t in _spoken(_script("a kitten sees snow for the first time", seed)))
            for seed in range(1, 7)]
    assert any(told)


# 7. words the premise quotes: said inside their quotes, never run into the sentence, never read as a pet or a thing
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_quoted_words_are_said_inside_their_quotes(seed: int) -> None:
    text = " ".join(t for _k, _w, t in _spoken(_script('the rich cat says "you will never be rich" to a poor dog', seed)))
    assert 'says "You will never be rich" to ' in text, text
    assert "says you will never be rich" not in text
    zh = "".join(t for _k, _w, t in _spoken(_script('富家猫说"你这辈子都不会有钱"', seed)))
    assert "说“你这辈子都不会有钱”" in zh, zh


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_stop_inside_a_quote_cuts_no_clause(seed: int) -> None:
    script = _script('the boss dog shouts "you\'re fired!" at a tired cat', seed)
    cat = next(c.name for c in script.characters if c.species == "cat")
    text = " ".join(t for _k, _w, t in _spoken(script))
    assert f'shouts "You\'re fired" at {cat}' in text, text


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_words_inside_a_quote_name_no_pet_nor_thing(seed: int) -> None:
    queen = _script('a poodle says "i am the queen" and everyone laughs', seed)
    assert len(queen.characters) == 1, [c.id for c in queen.characters]  # no queen cast from the poodle's words
    assert 'says "I am the queen"' in " ".join(t for _k, _w, t in _spoken(queen))
    wall = _script('a cat named Luna writes "I love you Max" on the wall', seed)
    assert "Max" not in [c.name for c in wall.characters[1:]] or len(wall.characters) == 1
    assert not any(p in {"Max", "love"} for s in wall.scenes for p in s.props), [s.props for s in wall.scenes]
    boss = _script('老板狗大喊"你被开除了"', seed)
    assert "大喊" not in [c.name for c in boss.characters]  # the shout, no dog's name
    assert "大喊“你被开除了”" in "".join(t for _k, _w, t in _spoken(boss))


# 8. who a named one is, said after its name: closed before the rest of the sentence, never run into a clause
@pytest.mark.parametrize(("premise", "said"), [
    ("a mother cat works nights at a noodle stall to send Pearl, her kitten to school", "Pearl, her kitten, to school"),
    ("a poor dog sells flowers to send Bella, his daughter to college", "Bella, his daughter, to college"),
])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_an_apposition_after_a_name_is_closed(premise: str, said: str, seed: int) -> None:
    script = _script(premise, seed)
    text = " ".join(t for _k, _w, t in _spoken(script))
    assert said in text, text
    hero = script.characters[0].name
    assert not re.search(rf"\b{hero} (?:her|his) ", text), text  # never "Clementine her kitten to school"


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_name_then_a_clause_of_its_own_is_said_as_who_it_is(seed: int) -> None:
    text = " ".join(t for _k, _w, t in _spoken(_script("a kind teacher dog named Mango, her students love her", seed)))
    assert "Mango is a kind teacher dog, and her students love her" in text, text
    assert "Mango her" not in text


# 9. no tumble in a calm story told as a little day of wonder (a teacher loved, the rain watched, a street song)
@pytest.mark.parametrize("premise", ["a kind teacher dog named Mango, her students love her",
                                     "a cat sits by the window watching the rain",
                                     "a grumpy cat hates his new neighbor dog", "a corgi sings on the street for coins"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_no_tumble_in_a_calm_little_day(premise: str, seed: int) -> None:
    for _k, _who, text in _spoken(_script(premise, seed)):
        assert not _TUMBLE.search(text), text


# 10. a litter: said as many, one of them named once ("her five kittens, little Mango and the others")
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_litter_is_said_as_many(seed: int) -> None:
    script = _script("a mother cat raises her five kittens alone", seed)
    litter = next(c.name for c in script.characters if c.id == "kittens")
    lines = [t for _k, _w, t in _spoken(script)]
    text = " ".join(lines)
    assert f"raises her five kittens, little {litter} and the others, alone" in text, text
    assert f"{litter} {litter}" not in text
    for line in lines:
        assert not re.search(rf"\b{litter}\b", line.replace(f"little {litter} and the others", "")), line


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_litter_of_puppies_found_keeps_its_words(seed: int) -> None:
    script = _script("a dog finds a litter of puppies in a box and raises them", seed)
    litter = script.characters[1].name
    text = " ".join(t for _k, _w, t in _spoken(script))
    assert f"finds a litter of puppies, little {litter} and the others, in a box" in text, text


def test_a_litter_said_as_many_agrees_with_its_verb() -> None:
    from story.litter import said_as_litter
    assert said_as_litter("Mango is never alone, not for a minute.", "Mango", "kittens") == \
        "The kittens are never alone, not for a minute."
    assert said_as_litter("Biscotti follows Maple everywhere.", "Biscotti", "kittens") == \
        "The kittens follow Maple everywhere."
    assert said_as_litter("Maple looks at Mango's shoes.", "Mango", "kittens") == "Maple looks at the kittens' shoes."
    assert said_as_litter('"Easy now, Mango."', "Mango", "kittens") == '"Easy now, kittens."'


# 11. a world said by its own name: never "the mars", never a moon the premise did not name
@pytest.mark.parametrize("premise", ["a cat astronaut flies to the mars", "a dog explores mars",
                                     "a cat goes to mars"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_mars_is_said_as_mars(premise: str, seed: int) -> None:
    text = " ".join(t for _k, _w, t in _spoken(_script(premise, seed)))
    assert "Mars" in text
    assert not re.search(r"\bthe mars\b|\bmoon\b|\bwhole mars\b", text, re.IGNORECASE), text
    assert not re.search(r"\bmars\b", text), text  # its name capitalised


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_mars_in_chinese_is_no_moon(seed: int) -> None:
    text = "".join(t for _k, _w, t in _spoken(_script("小猫坐火箭去火星", seed)))
    assert "月球" not in text, text


# 12. a misspelt word: read as the word meant, never a thing of its own nor said back misspelt
_TYPOS = re.compile(r"\b(?:billionare|millionare|lotery|famly|kiten|famouse|resturant|freind)\b", re.IGNORECASE)


@pytest.mark.parametrize("premise", ["cat becomes a billionare and buys the company that fired him",
                                     "a poor dog becomes a millionare after winning the lotery",
                                     "a stray kiten finds a famly", "my freind's dog becomes a famouse chef"])
@pytest.mark.parametrize("seed", [1, 2])
def test_a_misspelt_word_is_read_as_the_word_meant(premise: str, seed: int) -> None:
    script = _script(premise, seed)
    assert not any(_TYPOS.search(p) for s in script.scenes for p in s.props), [s.props for s in script.scenes]
    assert not any(_TYPOS.search(t) for _k, _w, t in _spoken(script))
    assert not any(_TYPOS.search(s.visual_prompt) for s in script.scenes)


def test_a_misspelling_is_mended_in_its_case_and_never_inside_quotes() -> None:
    from story.spelling import mended
    assert mended("Billionare cat wins the LOTERY") == "Billionaire cat wins the LOTTERY"
    assert mended('the cat says "i am a billionare"') == 'the cat says "i am a billionare"'
    text = " ".join(t for _k, _w, t in _spoken(_script("cat becomes a billionare and buys the company that fired him", 1)))
    assert "becomes a billionaire" in text, text


# 13. words that name no thing: "now", "anyone" are never drawn as props
@pytest.mark.parametrize(("premise", "word"), [("my cat is a famous singer now", "now"),
                                               ("a cat gets dumped and never trusts anyone again", "anyone")])
def test_an_adverb_or_pronoun_is_no_prop(premise: str, word: str) -> None:
    for seed in (1, 2):
        assert not any(p == word for s in _script(premise, seed).scenes for p in s.props)


# 14. the many said as drawn: nobody noticing never beside a crowd drawn, the many never hushed or looking on beside
# one pet alone; the premise's own many drawn (the onlookers)
_NOBODY = re.compile(r"\b(?:nobody|no one)\b[^.!?]{0,40}\bnotices\b|谁也没有注意到|没人注意(?!的)", re.IGNORECASE)
_MANY_FIRST = re.compile(r"(?:^|[.!?]\s+|[。！？])(?:the whole (?!world)[a-z ]+ (?:goes|falls|turns|gasps)|everyone at the)",
                         re.IGNORECASE)
_MANY_ZH = re.compile(r"所有人|全场|全校|大家")


def _crowd(scene: object) -> bool:
    return any("crowd" in p or p in ("onlookers", "audience") for p in scene.props)  # type: ignore[attr-defined]


@pytest.mark.parametrize(("premise", "seed"), [
    ("my dog got fired from the coffee shop bc he ate all the muffins", 1),
    ("my dog got fired from the coffee shop bc he ate all the muffins", 2),
    ("a fat cat tries to lose weight at the gym and everyone laughs at him", 1),
    ("a black cat is bullied at school for being bad luck but wins the science fair", 3),
    ("a black cat is bullied at school for being bad luck but wins the science fair", 1),
    ("a black cat is bullied at school for being bad luck but wins the science fair", 2),
])
def test_the_many_are_said_as_drawn(premise: str, seed: int) -> None:
    for scene in _script(premise, seed).scenes:
        for _who, text in scene.spoken():
            if _crowd(scene):
                assert not _NOBODY.search(text), (text, scene.props)
            if len(scene.characters) == 1 and not _crowd(scene):
                assert not _MANY_FIRST.search(text), (text, scene.props)


@pytest.mark.parametrize("premise", ["小猫在咖啡馆打工所有人都不理它", "猫咪在婚礼上当伴娘全场都在笑",
                                     "哈士奇参加选秀所有人都笑他最后他拿了冠军"])
@pytest.mark.parametrize("seed", [1, 2])
def test_the_many_a_premise_names_are_drawn(premise: str, seed: int) -> None:
    for scene in _script(premise, seed).scenes:
        if any(_MANY_ZH.search(t) for _w, t in scene.spoken()):
            assert _crowd(scene) or len(scene.characters) > 1, ([t for _w, t in scene.spoken()], scene.props)


def test_nobody_noticing_in_the_premise_draws_no_crowd() -> None:
    for seed in (1, 2, 3):
        for scene in _script("流浪猫在街头卖唱没人注意后来成了明星", seed).scenes:
            if any(_NOBODY.search(t) for _w, t in scene.spoken()):
                assert not _crowd(scene), scene.props


# 15. a deed said as an -ing word after "before": told as a clause of its own, its verb kept
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_deed_after_before_keeps_its_verb(seed: int) -> None:
    script = _script("the puppy practices every night before winning the big race", seed)
    hero = script.characters[0].name
    text = " ".join(t for _k, _w, t in _spoken(script))
    assert f"{hero} winning" not in text, text
    assert "wins the big race" in text, text
    move = " ".join(t for _k, _w, t in _spoken(_script("a tiger cat practices for weeks before making the big move", seed)))
    assert "makes the big move" in move and "making the big move" not in move, move


def test_an_ing_word_is_read_back_to_its_verb() -> None:
    from story.gerunds import told_in_order
    assert told_in_order("a cat saves money for years before opening a bakery") == \
        "a cat saves money for years, then opens a bakery"
    assert told_in_order("a dog looks both ways before crossing the street") == "a dog looks both ways, then crosses the street"
    assert told_in_order("wash your paws before eating") == "wash your paws before eating"


def test_a_litters_second_verb_agrees_and_a_sentence_after_a_quote_starts_capitalised() -> None:
    from story.litter import said_as_litter
    assert said_as_litter("Mango runs in and hugs Tiger, just like in the old days.", "Mango", "kittens") == \
        "The kittens run in and hug Tiger, just like in the old days."
    assert said_as_litter("Mango drops everything and runs.", "Mango", "kittens") == \
        "The kittens drop everything and run."
    assert said_as_litter('A message plays: "Eat well. I miss you." Mango sits very still.', "Mango", "kittens") == \
        'A message plays: "Eat well. I miss you." The kittens sit very still.'
    # a verb of another subject after "and" is left as it is
    assert said_as_litter("Mango sleeps, and Tiger watches.", "Mango", "kittens") == \
        "The kittens sleep, and Tiger watches."


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_a_lonely_elders_litter_is_said_as_many_in_every_line(seed: int) -> None:
    script = _script("cat mom gets old and her kittens never visit", seed)
    text = " ".join(t for _k, _w, t in _spoken(script))
    assert not re.search(r"\bthe kittens (?:\w+s|is|was)\b|\bthe kittens [a-z ]+ and (?:hugs|runs)\b", text), text
    assert not re.search(r"[.!?]\" the kittens", text), text


# 16. a clause with a doer of its own outside the cast (a thing, a place, nobody, 全校): said with its doer, never with
# the hero's name run in before it ("But Ziggy the kitchen caught fire", "Tiger nobody notices", 土豆没人注意它)
@pytest.mark.parametrize(("premise", "said"), [
    ("a corgi tried to cook dinner but the kitchen caught fire", "But the kitchen caught fire"),
    ("my cat wanted to be a model but the agency said no", "But the agency said no"),
    ("a chubby cat does yoga at the gym and nobody notices", "Nobody notices"),
    ("柯基在健身房减肥，没人注意它", "没人注意"),
    ("两只小狗在学校比赛跑步，全校都来看", "全校都来看"),
])
@pytest.mark.parametrize("seed", [1, 2])
def test_a_clause_with_its_own_doer_is_said_with_it(premise: str, said: str, seed: int) -> None:
    script = _script(premise, seed)
    lines = [t for _k, _w, t in _spoken(script)]
    assert any(said in t for t in lines), lines
    for name in (c.name for c in script.characters):
        assert not any(re.search(rf"{name} ?(?:the kitchen|the agency|nobody|没人|全校)", t) for t in lines), lines


def test_a_thing_that_does_a_deed_draws_no_crowd() -> None:
    for seed in (1, 2):
        for scene in _script("a corgi tried to cook dinner but the kitchen caught fire", seed).scenes:
            if any("kitchen caught fire" in t for _w, t in scene.spoken()):
                assert not _crowd(scene), scene.props
                assert "said" not in scene.props
    for seed in (1, 2):
        assert not any("said" in s.props for s in _script("my cat wanted to be a model but the agency said no", seed).scenes)


# 17. more misspellings a premise types: never said back nor drawn as typed ("a lonley dog", "the vaccum cleaner")
_MORE_TYPOS = re.compile(r"\b(?:lonley|vaccum|shiney|peice|suprise|becuase|diffrent|agian|thier|ballon)\b", re.IGNORECASE)


@pytest.mark.parametrize("premise", ["a lonley dog waits for his owner at the airport",
                                     "a kitten is scared of the vaccum cleaner", "a dog finds a pretty peice of cake",
                                     "a cat gets a suprise party becuase she is sad"])
def test_more_misspellings_are_read_as_the_word_meant(premise: str) -> None:
    for seed in (1, 2):
        script = _script(premise, seed)
        assert not any(_MORE_TYPOS.search(p) for s in script.scenes for p in s.props), [s.props for s in script.scenes]
        assert not any(_MORE_TYPOS.search(t) for _k, _w, t in _spoken(script))


# 18. "they" after a lone hero is never the hero: the many the clause before named, or "they" as said
@pytest.mark.parametrize(("premise", "said"), [
    ("a cat boss yells at the interns and they quit", "They quit"),
    ("a stray cat begs at the market and they chase her away", "They chase"),
    ("a shy puppy asks the cool dogs to play but they say no", " say no"),
])
@pytest.mark.parametrize("seed", [1, 2])
def test_they_is_never_the_lone_hero(premise: str, said: str, seed: int) -> None:
    script = _script(premise, seed)
    hero = script.characters[0].name
    text = " ".join(t for _k, _w, t in _spoken(script))
    assert said in text, text
    assert not re.search(rf"\b{hero}(?: and \w+)? (?:quit|chases?|says? no)\b", text), text
