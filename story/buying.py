"""What the hero buys and saves for, seen where the story tells it (on the expanded scenes, in place).

A home bought or moved into ("saves every coin to buy her mom a house", "finally buys his own little house",
攒钱给妈妈买了一套房子, "ends up living in a mansion", 住进了大别墅): from the scene that tells it, the scene is
staged at that home's front (a small house on its street, a big one in its garden; the painter draws the
house the setting names), with the hero there and the one it is for (a relative the sentence names) glad with
it; the scenes before stay where they were. Saving up ("puts coins in a jar", 存进存钱罐, "saves every
penny"): the hero drops a coin into a piggy bank, or a jar where the words say one (``saving_up``), never
just stands. The words live in ``story/data/riches.json`` (``houses``, ``saving``). Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from story.datafiles import read_json
from story.lexicon import Hit, lexicon
from story.onscreen import appearance, enter, join
from story.riches import first_named, riches_homes
from story.script import MAX_PROPS
from story.text import HAN, SENTENCE, alternation

# the setting a home's scene is given: the painter draws the house these words name (render/painter/venues.py)
SETTINGS = {"house": ("street", "in front of the new house, its garden and picket fence"),
            "mansion": ("mansion", "the new mansion's garden, with its hedges and fountain")}
_WISH_EN = re.compile(r"\b(?:dream|dreams|dreaming|dreamed|wish|wishes|wants?|wanted|hopes?|hoped|one day I)\b", re.I)
_WISH_ZH = ("想", "梦想", "希望", "要是")
_QUIET = {"stand", "walk", "talk", "think", "work", "give", "wave"}  # a pose a saving scene may replace
_MOCKS = {"sneer", "laugh", "point"}
# "saves her from a fire", "saved his master from the flood": a rescue, no saving up ("saves her pocket money")
_RESCUE = re.compile(r"\b(?:save|saves|saved|saving)\b(?:[\s,]+[\w'-]+){0,6}?[\s,]+(?:from|out of)\b", re.IGNORECASE)


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """A home bought (``big``: a mansion, a villa; ``small``: a house) by its verb, a few words between ("buy
    Whiskers, her mom, a house", 买了一套房子), and the saving words (``saving``, ``jar``, ``piggy``)."""
    data = read_json("riches.json")
    houses = data["houses"]
    out: dict[str, re.Pattern[str]] = {}
    for kind in ("big", "small"):
        verbs = {lang: [*houses["verbs"][lang], *(houses["big_verbs"][lang] if kind == "big" else ())]
                 for lang in ("en", "zh")}
        en = (rf"(?:{alternation(verbs['en'], True)})(?:[\s,]+[\w'-]+){{0,5}}?[\s,]+"
              rf"(?:{alternation(houses[kind]['en'], True)})")
        zh = rf"(?:{alternation(verbs['zh'], False)})[^，,。.！!？?]{{0,8}}?(?:{alternation(houses[kind]['zh'], False)})"
        out[kind] = re.compile(f"{en}|{zh}", re.IGNORECASE)
    saving = data["saving"]
    for kind, words in (("saving", saving), ("jar", saving["jar"]), ("piggy", saving["piggy"]), ("goal", saving["goal"]),
                        ("aim", saving["aim"]), ("got", saving["got"])):
        out[kind] = re.compile(f"{alternation(words['en'], True)}|{alternation(words['zh'], False)}", re.IGNORECASE)
    out["visit"] = re.compile(rf"(?:{alternation(saving['visit']['en'], True)})\s*$", re.IGNORECASE)
    return out


def _wished(sentence: str) -> bool:
    return _WISH_EN.search(sentence) is not None or any(w in sentence for w in _WISH_ZH)


def home_bought(text: str, names: dict[str, str] | None = None, late: bool = True) -> str | None:
    """``"mansion"`` or ``"house"`` where the words tell a home bought or moved into ("buys a big house with a
    garden", 住进了大别墅; "finally buys his own little house", 给妈妈买了一套房子), else None; never a wish ("dreams
    of a house", 想买房子). With ``names`` (cast id to name), only the hero's: the first one named before it is
    the hero, or no one. A home saved up for ("saves every coin to buy her mom a house", 攒钱买房) is bought
    only told ``late`` in the story (its second half); before that it is the saving."""
    for sentence in SENTENCE.findall(text):
        if _wished(sentence) or not late and saved_for(sentence, ("house", "mansion")):
            continue
        for kind, home in (("big", "mansion"), ("small", "house")):
            found = _patterns()[kind].search(sentence)
            if found is not None and (names is None or first_named(sentence[:found.start()], names) in (None, "hero")):
                return home
    return None


def homes_bought(text: str) -> list[str]:
    """The words of each home or building bought or moved into that ``text`` tells, wished or not ("buys the
    whole hotel", "ends up living in a mansion", 买下了整栋楼, "buys her mom a house")."""
    return [m.group(0) for kind in ("big", "small") for m in _patterns()[kind].finditer(text)] + riches_homes(text)


def bought_told(text: str) -> bool:
    """The words tell a thing bought, not only saved up for ("and buys his family a car", 给奶奶买了一套新房子; not "to
    buy", 想买, 买礼物)."""
    return any(_patterns()["got"].search(s) and not _wished(s) for s in SENTENCE.findall(text))


def saving_up(text: str) -> str | None:
    """The holder a saving sentence is drawn with (``"coin jar"`` where it says a jar or a tin, else ``"piggy
    bank"``), or None where the words tell no saving up ("saves every coin", 攒钱, 存进存钱罐; not "saves the
    puppy", not "saves her from a fire", not a wish)."""
    for sentence in SENTENCE.findall(text):
        if _wished(sentence) and "存钱罐" not in sentence or not _patterns()["saving"].search(sentence) or \
                _RESCUE.search(sentence):
            continue
        if _patterns()["jar"].search(sentence) and not _patterns()["piggy"].search(sentence):
            return "coin jar"
        return "piggy bank"
    return None


_SELLS_ZH = re.compile(r"卖(?!掉|了|萌|命|力|身|艺|惨|弄|关子|乖|房|车)")  # selling, not selling off (卖掉房子)


def saving_job(text: str) -> str | None:
    """The lexicon job a saving sentence tells the hero saves up by (小狗送外卖攒钱, 橘猫卖烤红薯攒钱, "sells roasted
    sweet potatoes to save money"): one named before its saving words, or None (only saving: "saves every coin")."""
    for sentence in SENTENCE.findall(text):
        found = _patterns()["saving"].search(sentence)
        if found is None or _wished(sentence) or _RESCUE.search(sentence):
            continue
        jobs = lexicon().keys(sentence[:found.start()], "jobs")
        if jobs:
            return jobs[0]
        if _SELLS_ZH.search(sentence[:found.start()]):  # 卖包子攒钱: a thing sold from a stall
            return "street_vendor"
    return None


def _at_work(scene: dict[str, Any], hero: dict[str, Any], job: str) -> None:
    """The hero at ``job``'s work in ``scene`` (in place): working, in its outfit, with its things (the stall it
    sells from, the scooter it delivers on) among the scene's props, never a piggy bank."""
    entry = lexicon().entry("jobs", job)
    hero.update(action="work")
    hero.pop("target", None)
    if hero.get("outfit") in (None, "none") and entry.get("outfit"):
        hero["outfit"] = entry["outfit"]
    props = [p for p in scene["props"] if not (_patterns()["jar"].search(p) or _patterns()["piggy"].search(p))]
    for thing in entry.get("props", [])[:1]:  # its first thing: the stall, the scooter
        if thing not in props:
            props = [thing, *props][:MAX_PROPS]
    scene["props"] = props


def show_buying(scenes: Sequence[dict[str, Any]], names: dict[str, str], most_cast: int = 3) -> None:
    """Stage ``scenes`` (script scene dicts, in place): the home the hero buys at its front from the scene that
    tells it on (the scenes after it that stayed where it was told too), the hero there with the one it is for;
    the hero dropping a coin into its piggy bank (or jar) in a scene that tells it saving up."""
    mockers = {a["id"] for s in scenes for a in s["characters"] if a["action"] in _MOCKS}
    bought = _home_at(scenes, names)
    if bought is None and scenes:  # a home only saved up for: the story ends there ("saves to buy a house")
        wanted = [h for s in scenes for h in saved_for(str(s["narration"]), ("house", "mansion"))
                  if h in ("house", "mansion")]
        given = next((k for k in range(len(scenes)) if _given(scenes, k)),
                     len(scenes) - 1)  # the scene that gives it ("gives her mom a house"), else the last
        bought = (given, wanted[0]) if wanted else None
    staged: set[int] = set()
    if bought is not None:
        start, home = bought
        location, setting = SETTINGS[home]
        was = scenes[start]["location"]
        for k in range(start, len(scenes)):
            if k > start and scenes[k]["location"] != was:
                break
            scenes[k].update(location=location, setting=setting)
            staged.add(k)
        _with_the_hero(scenes[start], names, mockers, most_cast)
        _not_there_before(scenes, start, location, mockers)
    _goal_when_got(scenes)
    for k, scene in enumerate(scenes):
        holder = None if k in staged else saving_up(str(scene["narration"]))
        hero = appearance(scene, "hero")
        if holder is None or hero is None or hero["action"] not in _QUIET | {"hug", "celebrate"}:
            continue
        job = saving_job(str(scene["narration"]))
        if job is not None:  # saved up by a job's work (卖烤红薯攒钱, "delivers food to save up"): the work drawn
            _at_work(scene, hero, job)
            continue
        hero.update(action="give", expression="happy", holding=holder)  # a coin dropped into it
        hero.pop("target", None)
        scene["props"] = [p for p in scene["props"]  # held, not drawn twice
                          if not (_patterns()["jar"].search(p) or _patterns()["piggy"].search(p))]


def saved_for(text: str, homes: tuple[str, ...] = ()) -> list[str]:
    """The lexicon props a sentence saves or works for ("puts coins in a jar to buy a bike", 攒钱买自行车, "works
    hard to buy a golden car"): the words after its "to buy" (买); never one it says bought (攒钱买了自己的车). With ``homes``, those of them
    its goal is a home of (``"house"``, ``"mansion"``: "saves to buy her mom a house", 攒钱买房)."""
    out: list[str] = []
    for sentence in SENTENCE.findall(text):
        goal = _patterns()["goal"].search(sentence) if _patterns()["saving"].search(sentence) else \
            _patterns()["aim"].search(sentence)  # "works hard to buy a golden car", 为了买
        if goal is None or _patterns()["got"].search(sentence[goal.start():]) or _patterns()["visit"].search(
                sentence[:goal.start()]):  # "the siamese comes to buy flowers from her": a customer's visit
            continue
        rest = sentence[goal.start():]
        out += [h.key for h in lexicon().find(rest[goal.end() - goal.start():], ["props"])]
        out += [home for kind, home in (("big", "mansion"), ("small", "house"))
                if home in homes and _patterns()[kind].search(rest)]
    return out


def _goal_when_got(scenes: Sequence[dict[str, Any]]) -> None:
    """A thing saved up for (the bike, the red car) drawn only once the hero has it: in no scene before one
    tells it bought (buys, drives, 买了) or shows it given (the hero handing it over to the one it is for), and in
    the last scene when none does."""
    lex = lexicon()
    goals = {key: str(lex.entry("props", key)["label"]) for s in scenes for key in saved_for(str(s["narration"]))}
    for k, scene in enumerate(scenes):
        said = str(scene["narration"])
        seen = f"{said} {scene.get('visual_prompt', '')}"  # "Mango giving Bear a gift box": had, and given
        if _given(scenes, k) and not saved_for(said):
            for key in {h.key for h in lex.find(seen, ["props"])} & set(goals):
                goals.pop(key)
        if goals:
            scene["props"] = [p for p in scene["props"] if p not in goals.values() and not {
                h.key for h in lex.find(p, ["props"])} & set(goals)]
    if goals and scenes:  # the story ends with it
        last = scenes[-1]
        last["props"] = list(dict.fromkeys([*goals.values(), *last["props"]]))[:MAX_PROPS]


def _given(scenes: Sequence[dict[str, Any]], k: int) -> bool:
    """Scene ``k`` tells a thing bought or given ("buys", 买了, "gives Bear a new house"), or, in the story's last
    third, shows the hero handing it over to another there (never where it tells saving up)."""
    scene = scenes[k]
    said = str(scene["narration"])
    if _patterns()["got"].search(said):
        return True
    apps = scene["characters"]
    return 3 * k >= 2 * len(scenes) and len(apps) > 1 and not saving_up(said) and not saved_for(said) and any(
        a["id"] == "hero" and a.get("action") == "give" and not a.get("holding") for a in apps)


def _home_at(scenes: Sequence[dict[str, Any]], names: dict[str, str]) -> tuple[int, str] | None:
    """The first scene that tells the hero's home bought, and which home."""
    for k, scene in enumerate(scenes):
        home = home_bought(str(scene["narration"]), names, 2 * k >= len(scenes))
        if home is not None:
            return k, home
    return None


def _not_there_before(scenes: Sequence[dict[str, Any]], start: int, location: str, mockers: set[str]) -> None:
    """The scenes just before the one that tells the mansion bought, drawn in a mansion the hero has not
    bought yet, staged where the story was before them (never a mocker's own mansion)."""
    if location != "mansion":
        return
    k = start
    while k > 0 and scenes[k - 1]["location"] == location and not mockers & {a["id"] for a in scenes[k - 1]["characters"]}:
        k -= 1
    if k == start or k == 0 and scenes[0]["location"] == location:
        return
    was = scenes[k - 1]
    for scene in scenes[k:start]:
        scene.update(location=was["location"], setting=was["setting"])


def _with_the_hero(scene: dict[str, Any], names: dict[str, str], mockers: set[str], most_cast: int) -> None:
    """The hero at its new home, glad, and the ones its sentence names (the mom it was bought for) or who are
    there already, glad with it (never one who mocked it)."""
    hero = enter(scene, "hero", "celebrate", expression="happy", first=True)
    if hero["action"] in _QUIET | {"hug", "shocked", "cry"}:
        hero.update(action="celebrate", expression="happy")
        hero.pop("target", None)
        hero.pop("holding", None)
    told = str(scene["narration"])
    here = {a["id"] for a in scene["characters"]}
    for sid, name in names.items():
        if sid == "hero" or sid in mockers or not name or name not in told and sid not in here:
            continue
        there = appearance(scene, sid)
        if there is None:  # joined facing the hero
            there = join(scene, sid, "celebrate", expression="happy", most=most_cast, facing="left")
            if there is None:
                continue
            hero["facing"] = "right"
        if there.get("action", "stand") in _QUIET | {"stand"}:  # glad with it (a hug's lean costs a rotation)
            there.update(action="celebrate", expression="happy")
            there.pop("target", None)


_OBJECTS = {"him", "her", "them", "me", "us"}


# a saving for college ("delivers pizza to save for college", "works two jobs to pay for her tuition", 攒大学学费): its
# end is the college, not a thing bought, and the college is no place the hero is at before it, nor its job (one
# who "pays for his school" pays at the school: no saving said)
SCHOOL_GOAL = re.compile(r"\b(?:sav(?:e|es|ed|ing)(?: up)?(?: money)?|to pay|paying) for (?:(?:his|her|their|its|my|the|a) )?(?:[a-z]+['’]s )?"
                         r"(?:college|university|school|tuition|college tuition|school fees|studies)\b(?: (?:tuition|fees))?|"
                         r"\bcollege fund\b|(?:攒|存|挣|赚)(?:钱)?(?:上|读)?(?:大学)?(?:的)?学费|(?:攒|存)钱(?:上|读)大学|"
                         r"(?:攒|存|挣|赚)钱(?:交|付|缴|凑)(?:上|读)?(?:大学)?(?:的)?学费",
                         re.IGNORECASE)


def school_goal(text: str) -> tuple[int, int] | None:
    """Where ``text`` says a saving for college (``SCHOOL_GOAL``), as its span, or None."""
    m = SCHOOL_GOAL.search(text)
    return (m.start(), m.end()) if m else None


# a child sent to school by the hero's work ("works nights at a noodle stall to send her kitten to school",
# 每天晚上在面摊打工供小猫上学): the school is where the child goes, not where the hero works
SENT_TO_SCHOOL = re.compile(r"\bsend(?:s|ing)? (?:(?:his|her|their|its|my|the|a) )?(?:[a-z'’]+,? ){0,3}?to "
                            r"(?:school|college|university)\b|\bso (?:that )?(?:(?:his|her|their|its|my|the) )?"
                            r"(?:[a-z'’]+,? ){0,3}?can (?:go to|attend|study at) (?:school|college|university)\b|供(?:[^，,。；;！!？?]{0,8}?)(?:上学|读书|念书|上大学|读大学)",
                            re.IGNORECASE)


# a parent's (a grandparent's) going without for its young, said with the one it is for ("knits scarves all winter to
# pay for her grandson's school trip", "skips meals so his puppies can eat", "gives her only fish to her kittens",
# 奶奶猫卖菜供孙子读书, 把唯一的鸡腿让给了孩子, 每天只吃一顿饭，把肉留给小狗们): a sacrifice, told as one
_KIN_EN = (r"(?:(?:his|her|their|its|my) )(?:(?:little|baby|only|youngest|eldest|two|three|four|five|new|newborn|own) )?"
           r"(?:son|sons|daughter|daughters|grandson|grandsons|granddaughter|granddaughters|grandkids?|grandchild|"
           r"grandchildren|kittens?|puppy|puppies|pups?|kids?|child|children|babies|baby|cubs?|little ones?|family)\b")
_KIN_ZH = r"(?:孙子|孙女|外孙|外孙女|儿子|女儿|孩子|宝宝|小猫们?|小狗们?|小猫咪|崽崽|崽子|狗崽|猫崽|弟弟|妹妹)"
FOR_KIN = re.compile(rf"\b(?:to pay for|to buy|to afford|pays for|paid for|to save (?:up )?(?:\w+ )?(?:money )?for|"
                     rf"so(?: that)?) {_KIN_EN}|"
                     rf"\b(?:gives?|gave|giving) (?:up )?(?:his|her|their) (?:only|last|own|warm|favourite|favorite)\b"
                     rf"[^.;!?]{{0,30}}?\b(?:to|for) {_KIN_EN}|"
                     rf"\b(?:sells?|sold|selling|pawns?|pawned) (?:his|her|their) [^.;!?]{{0,30}}?\b(?:to|so|for)\b"
                     rf"[^.;!?]{{0,20}}?{_KIN_EN}|"
                     rf"供{_KIN_ZH}|(?:让给|留给|省给|攒给)(?:了)?{_KIN_ZH}|给{_KIN_ZH}(?:攒|交|凑|付)(?:钱|学费)",
                     re.IGNORECASE)
# going without, a sacrifice only where the premise names the young it is for ("skips meals so his puppies can eat")
GOES_WITHOUT = re.compile(r"\b(?:skips?|skipped|skipping) (?:meals|dinner|lunch|breakfast|her meals|his meals)\b|"
                          r"\b(?:goes|went|going) (?:to bed )?hungry\b|只吃一顿|舍不得吃|饿着肚子|自己饿着", re.IGNORECASE)
KIN = re.compile(rf"\b{_KIN_EN}|{_KIN_ZH}", re.IGNORECASE)


def gives_for_kin(text: str) -> bool:
    """``text`` says a pet going without for its young or grandchildren (``FOR_KIN``: "to pay for her grandson's
    school trip", "skips meals so his puppies can eat", 卖菜供孙子读书, 把鸡腿让给了孩子): a sacrifice for them."""
    return FOR_KIN.search(text) is not None or GOES_WITHOUT.search(text) is not None and KIN.search(text) is not None


def sent_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` says a child sent to school (``SENT_TO_SCHOOL``), as spans."""
    return [(m.start(), m.end()) for m in SENT_TO_SCHOOL.finditer(text)]


def _inside(at: int, spans: Sequence[tuple[int, int]]) -> bool:
    """``at`` (a place in the text) falls inside one of ``spans``."""
    return any(a <= at < b for a, b in spans)


def sends_to_school(text: str) -> bool:
    """``text`` says a child sent to school by the hero's work (``SENT_TO_SCHOOL``: 供小猫上学, "to send her kitten
    to school"): a parent's sacrifice for it."""
    return bool(sent_spans(text))


def _said_only_in(text: str, word: str, spans: Sequence[tuple[int, int]]) -> bool:
    """``word`` is said in ``text``, and only inside ``spans``: the one span filter of a school the story is not at."""
    at = [m.start() for m in re.finditer(re.escape(word.lower()), text.lower())]
    return bool(at and spans) and all(_inside(k, spans) for k in at)


def said_as_sent(text: str, word: str) -> bool:
    """``word`` is said only inside where ``text`` sends a child to school (供小猫上学: 上学 names no place the
    story is at)."""
    return _said_only_in(text, word, sent_spans(text))


def said_for_school(text: str, word: str) -> bool:
    """``word`` is said only inside where ``text`` saves for college (``school_goal``: "delivers pizza to save for
    college") or sends a child to school (``said_as_sent``): the college is where the savings go, not where the
    deed is done."""
    return _said_only_in(text, word, _school_spans(text))


def _school_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` saves for college (``school_goal``) or sends a child to school (``sent_spans``)."""
    return [*[g for g in [school_goal(text)] if g is not None], *sent_spans(text)]


def sent_to_school(hits: Sequence[Hit], text: str) -> list[Hit]:
    """``hits`` (found in ``text``) without the places said as where a child is sent to school (``SENT_TO_SCHOOL``)."""
    spans = sent_spans(text)
    return [h for h in hits if not (h.section == "places" and _inside(h.pos, spans))]


def not_in_goal(hits: list[Hit], text: str) -> list[Hit]:
    """``hits`` without the jobs and places said inside a saving for college (``school_goal``) or a child's schooling
    the hero works for (``SENT_TO_SCHOOL``): "delivers pizza to save for college" is no student's, and is not done at
    the college; "works at a noodle stall to send her kitten to school" is done at the stall."""
    spans = _school_spans(text)
    return hits if not spans else [h for h in hits if not (h.section in {"jobs", "places"} and _inside(h.pos, spans))]


def goal_of(text: str) -> tuple[str, int] | None:
    """The thing a saving premise buys, in its own words, and where the words that buy it start ("saves up to buy
    his grandma a new house": "a new house"; "walks dogs to save up for a guitar": "a guitar"; 攒钱给奶奶买了一套新房子:
    新房子; the last 买 of a Chinese premise, 省下买零食的钱，给爷爷买了一副新眼镜: 新眼镜), or None
    (``riches.json``'s ``saving.thing``)."""
    data = read_json("riches.json")["saving"]["thing"]
    if HAN.search(text):
        found = list(re.finditer(rf"(?:{alternation(data['verbs']['zh'], False)})([^，,。.！!？?、；;：:]+)", text))
        if not found:
            return None
        words = found[-1].group(1).strip()
        words = next((words[len(c):] for c in data["counts_zh"] if words.startswith(c)), words)
        return (words, found[-1].start()) if words else None
    for verb in re.finditer(rf"(?:{alternation(data['for']['en'], True)})|\b(?:{alternation(data['verbs']['en'], True)})\b",
                            text, re.IGNORECASE):
        tokens = re.split(r"[.,;!?]", text[verb.end():], maxsplit=1)[0].split()
        first = next((i for i, t in enumerate(tokens) if t.lower() in data["articles"]), None)
        if first is not None:
            tokens = tokens[first:]
        elif tokens and tokens[0].lower() in _OBJECTS:
            tokens = tokens[1:]
        end = next((i for i, t in enumerate(tokens) if i > 0 and t.lower() in data["ends"]), len(tokens))
        words = " ".join(tokens[:min(end, 5)])
        if words and words.lower() not in data["articles"] and words.split()[-1].lower() not in data["times"]:
            return words, verb.start()  # "saves up for a year and buys his family a car": the car
    return None


def for_whom(text: str, people: Sequence[tuple[str, Sequence[str]]], at: int) -> str | None:
    """Which of ``people`` (key, the premise's words for them; the hero not among them) a thing bought at ``at`` is
    for: the one named between its 给 and 买 (给奶奶买), else the first named after it ("to buy his grandma a
    house", "a coat for his little brother"), else, said "her", "him" ("to buy her a new one"), the last named
    before it."""
    def spans(words: Sequence[str]) -> list[int]:
        return [m.start() for w in words if w for m in re.finditer(re.escape(w), text)]
    if HAN.search(text):
        give = text.rfind("给", 0, at)
        found = [k for k, words in people if give >= 0 and any(give < p < at for p in spans(words))]
        if found:
            return found[0]
    after = sorted((min(p for p in spans(words) if p > at), k) for k, words in people
                   if any(p > at for p in spans(words)))
    if after:
        return after[0][1]
    rest = text[at:].split()
    if any(w.lower().strip(".,") in _OBJECTS for w in rest[1:3]):
        before = sorted((max(p for p in spans(words) if p < at), k) for k, words in people
                        if any(p < at for p in spans(words)))
        return before[-1][1] if before else None
    return None
