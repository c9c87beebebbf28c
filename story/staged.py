"""A premise clause as a beat of the story, and its stage. Pure.

The values the spine, the weave and the arcs share (``Beat``, ``Cast``; ``spine_data()``, of
``story/data/spine.json``, is ``story.spinedata``'s), what each clause is to the story (``kind``: a wrong, a rise, an
outcome …; ``phase``; ``mending``: a rival who makes amends), and how a clause is staged: the
action from its verb (``action_of``), the place it asks for (``place_ask``), who is there
(``cast_asks``) and the visual note that stages it (``visual_note``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any, Literal, NamedTuple

from story.buying import bought_told, said_as_sent, saving_up
from story.clauses import Clause, clauses, outsider_entry
from story.datafiles import read_json
from story.drawings import carried_on_back, hit_by_vehicle, spilt_thing
from story.gear import is_gear, note_phrase, tool_action
from story.kinds import STRIVING, Kind, home_goal, mishap_moves_on, story_kind
from story.lexicon import lexicon
from story.life import longs_for
from story.nearest import Nearest, abstract_words, nearest, things
from story.plan import staging
from story.practice import only_wished, practised_action
from story.premise import Analysis
from story.putdowns import says
from story.riches import drives_zh
from story.roles import wrongs
from story.sides import harms_in
from story.spinedata import spine_data
from story.telling import telling_data
from story.text import HAN, alternation

Beat = dict[str, Any]  # speaker, line, visual, slot (+ clause, kind, befalls, asks for premise beats)
PLACE_SAID = re.compile(r", (?:at|on) the [a-z ]+(?=,|$)")  # a beat's visual note's place ("…, at the shelter")


@dataclass(frozen=True)
class Cast:
    """The names the lines use: cast key → name, and the premise's people (sides)."""

    names: dict[str, str]
    hero: str
    sides: dict[str, str] = field(default_factory=dict)
    described: dict[str, str] = field(default_factory=dict)  # words that replace the premise's (a re-cast hero)
    calling: str = ""  # the job the hero's story reaches (astronaut, pop star), for the ending line
    workplace: str = ""  # where the hero's own job is done (a place word the staging knows), or ""
    story: Kind = STRIVING  # the premise's kind of story (story.kinds): how its clauses and fill are told
    together: dict[str, tuple[str, ...]] = field(default_factory=dict)  # pets one plural word names ("two cats",
    # 三只小猫): each one's others
    gone: frozenset[str] = frozenset()  # the dead or never returning (story.life): no filler line is theirs

    def name(self, key: str | None) -> str:
        return self.names.get(key or self.hero, self.names[self.hero])


def befalls(clause: Clause, analysis: Analysis, cast: Cast) -> str | None:
    """Whom the clause's doing befalls: its object, but the hero when the other side wrongs one of its own, or
    leaves or cheats with another ("his wife runs off with Tofu, a rich Persian", 女朋友为了有钱的哈士奇离开了他,
    "the siamese's husband runs away with the neighbour's cat": the hurt is the hero's, though the one named after
    the verb is the new love), never when the one left is the one who wronged the hero ("…then the husky leaves
    her too": hers). Set once on the clause's beat (``befalls``): ``kind`` and the weave's lines read it."""
    if cast.sides.get(clause.actor or "") != "villain":
        return clause.obj
    if _HEARTBREAK & set(clause.events):
        doer, left = analysis.person(clause.actor or ""), analysis.person(clause.obj or "")
        if doer is not None and doer.victim == cast.hero and doer.does_wrong:
            return cast.hero
        if left is not None and left.victim == cast.hero and left.does_wrong:
            return clause.obj
    if clause.obj not in (None, cast.hero) and cast.sides.get(clause.obj or "") == "villain":
        return cast.hero
    return clause.obj


def kind(clause: Clause, total: int, analysis: Analysis, cast: Cast, befallen: str | None) -> str:
    """clash (the hero does something to the other side), hurt (the other side to the hero), setback
    (a wrong the hero suffers), dream (what the hero longs for), situation (the hero's job as the
    premise first shows it), rise (the hero's own doing), outcome
    (how it ends), plain. ``befallen``: whom the clause's doing befalls (``befalls``)."""
    lex = lexicon()
    last = clause.index == total - 1
    actor_side = cast.sides.get(clause.actor or "", "neutral")
    obj_side = cast.sides.get(clause.obj or "", "neutral")
    if set(clause.events) & cast.story.turns and actor_side == "hero":
        return "outcome"  # "then turns out to own the school": the story's turn, no setback of the hero's
    if cast.story.id == "failed" and actor_side == "hero" and cast.story.closes(clause.text):
        return "outcome"  # "…but she didn't get the job", 考研失败: the try that failed is how it ends, after the try
    kinds = {lex.entry("events", e)["kind"] for e in clause.events if not (e == "dump" and _leaves_a_thing(clause))}
    if clause.actor == cast.hero and not clause.passive and mishap_moves_on(analysis) \
            and spilt_thing(clause.text) is not None:
        return "clash"  # "drops the tray at the gala", 把蛋糕掉在了富贵猫身上: the mishap all eyes turn to, never the
        # hero's effort ("One small step, then another") nor its triumph ("It all feels unreal")
    if (clause.actor not in (None, cast.hero) or cast.story.hurt_any) and cast.story.hurt_in(clause.text):
        return "setback"  # "a kitten's roommate breaks his favourite toy", "two kittens fight over the last fish":
        # the hero's loss, where the quarrel starts
    if actor_side == "villain" and came_back(clause, analysis):
        return "outcome"  # 当年那个老板来它店里洗碗: the old boss at the hero's sink is how it ends, no hurt
    if actor_side == "villain" and clause.obj == cast.hero and ordered_deed(clause) is not None:
        return "hurt"  # "the stepmother makes the kitten do all the chores", 后妈让小猫干家务: ordered about, its hurt
    if clause.obj and actor_side != obj_side and {actor_side, obj_side} & {"villain"}:
        if actor_side == "villain" and ("outcome" in kinds or action(clause) in _MENDING or mending(clause)):
            return "outcome" if last else "plain"  # the rival apologises to the hero: how it ends, not a hurt
        if actor_side == "villain" and ("wrong" in kinds or cast.story.striving):
            return "hurt"  # ("a jealous old cat learns to love the new puppy": no hurt)
        if actor_side == "villain":
            return "outcome" if last else "plain"
        return "outcome" if last and (total > 2 or not cast.story.striving) else "clash"  # "…tracks him down"
    if actor_side == "villain" and "wrong" in kinds and not cast.story.striving:
        return "hurt"  # "a greedy poodle steals grandma cat's ring": the hero's loss
    if actor_side == "villain" and obj_side != "villain" and harms_in(clause.verb, bool(HAN.search(clause.verb))):
        return "hurt"  # 白猫嫉妒橘猫，偷偷弄坏了它的画: the rival harms the hero's thing, never how it ends
    if actor_side == "villain" and befallen == cast.hero and _HEARTBREAK & set(clause.events):
        return "hurt"  # 女朋友为了有钱的哈士奇离开了他, "his wife runs off with a rich Persian": the hero's hurt,
        # though the one named after the verb is the new love
    doer = analysis.person(clause.actor or "")
    if doer is not None and clause.obj == cast.hero and doer.victim == cast.hero and doer.does_wrong \
            and not doer.own_wrong:
        return "setback"  # "his partner takes his food truck": the hero's own friend wrongs it, no success
    if "mock" in clause.events and clause.actor is None and clause.obj == cast.hero:
        return "hurt"  # "everyone laughs at his short legs": mocked, not turned out (no empty bag, no cold street)
    if cast.story.ill_setback and clause.actor == cast.hero and _falls_ill(clause, spine_data()["falling_ill"]):
        return "setback"  # "the puppy falls ill": where a getting-well story's trouble starts, no doing of its own
    if "wrong" in kinds and actor_side != "villain" or clause.actor == cast.hero and _adrift(clause):
        return "setback"  # a wrong the hero suffers; a stray's days on the street ("在街头流浪") are no effort
    if "dream" in clause.events or cast.story.opens(clause.text) or "win" in clause.events and only_wished(clause) \
            or last and "compete" in clause.events and only_wished(clause):
        return "dream"  # "dreams of becoming a chef", "falls in love with…", "must beat the champion", the premise's
        # last clause "enters a talent show": where the story starts, the contest and its win still ahead
    if cast.story.id == "saving" and actor_side == "hero" and (bought_told(clause.text) or saving_up(clause.text)):
        return "outcome" if bought_told(clause.text) else "rise"  # saving up is the story's middle; the thing bought its end
    if last and clause.actor not in (None, cast.hero) and cast.story.returns(clause.text):
        return "outcome"  # "waits at the station for his owner until one winter she comes back": the one waited for
        # is back, how the wait ends, told after the wait (never "but she never comes back": the arc ends that)
    if last and cast.story.open_ending and "outcome" not in kinds and not cast.story.closes(clause.text) and (
            actor_side == "hero" or (clause.actor is None and clause.obj == cast.hero)):
        return "rise"  # "…leaves him a flower every morning", "a kind family adopts a stray kitten": the arc ends it
    if clause.index == 0 and actor_side == "hero" and clause.jobs and not clause.events:
        return "situation"  # "a shy tabby cat sells umbrellas in the rain": where the story starts
    if "outcome" in kinds and actor_side == "hero" and _striving_for(clause):
        return "rise"  # "trains every night to win the race", 为了赢得比赛: the effort, the race and the win still to come
    if last or "outcome" in kinds:  # a premise of one doing ("builds a company") ends with it
        return "outcome"
    if clause.actor not in (None, cast.hero) and clause.obj == cast.hero:
        return "plain"  # "is taken in by a kind old dog": a kindness done to the hero, no effort of the helper's
    return "rise" if actor_side == "hero" else "plain"


def _striving_for(c: Clause) -> bool:
    """The clause's win is only what the hero strives for, its doing's purpose (``spine.json``'s ``striving_for``:
    "trains every night to win the race", 为了赢得比赛), and not won there."""
    return bool(data_words("spine.json", "striving_for").search(c.text.lower()))


SUCCESS = frozenset({"become", "build", "get_rich", "win"})  # the hero made it: a chef, its own restaurant, rich


def came_back(clause: Clause, analysis: Analysis) -> bool:
    """The premise's last clause tells one who wronged the hero before the hero's own success coming back to it
    after that success, with no wrong of its own (当年赶走他的老板来应聘服务员, 当年那个老板来它店里洗碗, "the boss who
    fired him comes to ask for a job"): the face-slap reversal, how the story ends."""
    hero, read = analysis.hero.key, clauses(analysis)
    won = next((c.index for c in read if c.actor == hero and set(c.events) & SUCCESS), None)
    if won is None or clause.index != len(read) - 1 or clause.index <= won or read[clause.index] != clause:
        return False
    wronged = {c.actor for c in read[:won] if c.actor not in (None, hero) and hero in (c.obj, c.subject)}
    return clause.actor in wronged and not wrongs(clause.events) and bool(mending(clause) or _COMES.search(clause.verb))


_COMES = re.compile(r"\b(?:com(?:e|es|ing)|came|returns?|returned|asks?|asked|begs?|begged)\b|来|回来|求", re.IGNORECASE)
# comes back, asks, begs (来, 求): to the hero, never only stunned where it stands ("can't believe it")


def _adrift(c: Clause) -> bool:
    """The hero wanders homeless ("wanders the streets", 在街头流浪: ``spine.json``'s ``adrift``); 流浪 said of the pet in a
    clause of its becoming (一只流浪猫成为了大厨) only describes it: the becoming is told, no wandering."""
    text = _STRAY_PET_ZH.sub("", c.text.lower()) if "become" in c.events else c.text.lower()
    return bool(data_words("spine.json", "adrift").search(text))


_STRAY_PET_ZH = re.compile(r"流浪(?=的?(?:小|老)?(?:猫|狗|喵|汪|犬|动物|宠物))")


def _leaves_a_thing(c: Clause) -> bool:
    """"Leaves him a flower", "leaves a note": a leaving that gives a thing, not a leaving of someone."""
    return "dump" in c.events and any(n.section == "props" for n in c.asked) and bool(
        re.search(r"\b(?:leaves?|left|leaving)\b", c.verb.lower()))


_MENDING = {"kneel", "hug", "give", "wave", "celebrate"}  # a rival's doing that mends, not hurts


def mending(clause: Clause) -> str:
    """How a clause mends, by its verb (``spine.json``'s ``mending``): sorry, help, thanks, buy; or ""."""
    verb = clause.verb.lower() if clause.verb else clause.text.lower()
    zh = bool(HAN.search(verb))
    for key, entry in spine_data()["mending"].items():
        for w in entry["zh" if zh else "en"]:
            if (w in verb) if zh else re.search(rf"\b{re.escape(w)}", verb):
                return str(key)
    return ""


_PHASE = {"dream": "setup", "situation": "setup", "clash": "wrong", "hurt": "wrong", "setback": "wrong", "rise": "rise", "plain": "rise", "outcome": "outcome"}


def phase(kind_name: str) -> str:
    return _PHASE[kind_name]


def action(c: Clause) -> str:
    return action_of(c)[0]


_DELIVERS = re.compile(r"(?:deliver|brings?\b|brought|fetch|送药|送去|送到)")  # a thing taken to the sick


def action_of(c: Clause) -> tuple[str, bool]:
    """The drawable action of a clause and whether the premise's verb is that action's own word: a
    vocabulary action the verb names, else the verb's nearest (``spine.json``'s verbs, then
    ``story.nearest``), else its event's. A drink or soup thrown or poured is spilt on its target
    ("throws coffee at"), a thing dropped or knocked over by mishap is spilt ("drops a cake on", 打翻了红酒, 掉在了富贵猫身上
    at its party: ``story.drawings.spilt_thing``), and a patient saved or cared for is treated ("saves a patient")."""
    act, exact = _verb_action(c)
    data = spine_data()
    if act == "train" and (done := practised_action(c)) is not None:
        return done, False  # "practices piano every day", 每天练习跳舞: the piano played, the dance danced
    if act == "celebrate" and only_wished(c):
        return "think", False  # "wishes he could win the eating contest", "hopes to win": dreaming of it, no win yet
    if carried_on_back(c.text):
        return "walk", False  # "carries his sick grandma on his back to the hospital": on the way, the one carried
        # up on the carrier's back (the painter draws the carry from the words), never a job's chores nor a gift
    if broke_down(c.verb):
        return "shocked", False  # "the delivery dog's car breaks down in the rain": staring at it, no tears
    if flung_zh(c):
        return "push", False  # 老板把钱甩在小猫脸上: the throw's stand-in, drawn as the throw (``story.drawings``)
    if "trophy" in c.props and _WON_ZH.search(c.verb):
        return "celebrate", False  # 参加厨艺比赛拿了冠军: the title won, the trophy held up, no race run
    saved = _saving(c, data["saving_actions"])
    if saved:
        return saved, False
    verb = c.verb.lower()
    words = set(re.findall(r"[a-z]+", verb))
    first = verb.split()[0] if verb.split() else ""
    drinks = data["drink_actions"]
    if act in ("push", "stand", "talk", "celebrate") and not c.passive and spilt_thing(c.text) is not None:
        return "spill", False  # "drops a cake on the poodle", "knocks over the wine", 把蛋糕打翻了: the thing spilt
    if act == "push" and set(drinks["props"]) & {n.used for n in c.asked if n.section == "props"} and (
            re.sub(r"(es|s|ed|ing)$", "", first) in drinks["verbs"] or first.rstrip("s") in drinks["verbs"]
            or any(v in verb for v in drinks["verbs"] if HAN.search(v))):
        return "spill", False
    if hit_by_vehicle(c.text) and act in ("push", "cry", "stand", "shocked", "fight", "drive", "run", "walk"):
        return "sick", True  # "is hit by a car", 被车撞了: lying hurt by the car, never shoving it
    if _falls_ill(c, data["falling_ill"]):
        return "sick", True  # the premise says it: "is sick", 生病了
    sick = data["patient_actions"]
    if act in sick["actions"] and not _gift_zh(c) and not _DELIVERS.match(verb) and (
            any(w in words if w.isascii() else w in verb for w in sick["words"]) or _medic_cares(c, sick)):
        return "treat", False  # (never "delivers medicine to a sick village": a delivery, no bedside)
    if act == "push" and c.verb.startswith("被") and c.actor in (None, c.subject) and not c.obj and HAN.search(c.verb):
        return "cry", False  # 一只流浪狗被车撞伤了: it is hurt, by nobody of the cast; it pushes no one
    if act == "push" and not HAN.search(c.verb) and re.match(r"[a-z]+(?: out| away| off)? by\b", verb):
        return "cry", False  # "a puppy kicked out by her family finds a new home": it is pushed out, it pushes no one
    caught = act == "catch" and bool(HAN.search(c.text)) and not _arrest_zh(c, data["arrest"]["zh"])
    if caught and not c.obj and "被" in c.verb:
        return "shocked", False  # 被主人逮到了: the pet caught at it, no arrest, no chase
    if act == "catch" and not c.obj:  # 抓到一条鱼: fishing; "catches the bus", "catches a mouse": the chase
        return ("fish" if any(is_gear("fish", t) for t in c.things) else "run"), False
    if caught:
        return "point", False  # 偷吃蛋糕被老板抓到了: caught at it by the boss, no arrest (no handcuffs)
    if act == "work" and c.obj and re.match(r"送(?:了|给)?", c.verb) and not c.jobs:
        return "give", False  # 送了它一条鱼: a gift to someone, no delivery round
    if act == "stand" and c.jobs and not c.events and not c.passive and _IS_JOB.fullmatch(verb):
        return "work", True  # "is a crossing guard", 当交通协管员: seen at that job (its vest, its stop sign)
    return act, exact


_WON_ZH = re.compile(r"(?:拿|得|获得|夺|赢|赢得|拿下)(?:了|下|到)?(?:冠军|第一名?|金牌)")
_FLUNG_ZH = re.compile(r"把(?P<thing>[^，。！？,.!?]{1,8}?)(?:狠狠地?|用力地?|一把)?(?:甩|扔|摔|砸|丢)(?!了?$)")


def flung_zh(c: Clause) -> bool:
    """The clause flings a thing of the vocabulary, no pet (把钱甩在小猫脸上, 把工资扔在地上, 把钞票砸在它身上): a throw
    (把小猫扔在路边 abandons a pet, 把它甩了 dumps one: no throw)."""
    if not c.props or c.passive or not HAN.search(c.verb):
        return False
    said = "".join("\x00" if p.key else p.text for p in c.parts)
    m = _FLUNG_ZH.search(said)
    return m is not None and "\x00" not in m.group("thing") and not any(w in m.group("thing") for w in _WHOM_ZH_WORDS)


_WHOM_ZH_WORDS = ("它", "他", "她")
_IS_JOB = re.compile(r"(?:is|was|am|are) (?:an?|the) [a-z' -]+$|(?:当|做|是)(?:了|一名|一个|个)?[\u4e00-\u9fff]+$")
# the verb only names the job ("is a crossing guard", 当交通协管员)


def _arrest_zh(c: Clause, words: list[str]) -> bool:
    """A Chinese catch is an arrest: the clause (with the words its subject was named by) says one who arrests
    (the police, a guard), one arrested (a thief) or the arrest itself (spine.json's ``arrest``)."""
    said = f"{c.subject_words}{c.text}"
    lex = lexicon()
    police = [w for key in ("police", "security") for w in lex.entry("jobs", key)["zh"]]
    return any(w in said for w in (*police, *words))


_WHOM_EN = r"(?:him|her|them|it|\x00)"
_WHOM_ZH = r"(?:他|她|它|他们|她们|它们|\x00)"


def asked_deed(c: Clause) -> Clause | None:
    """The deed the clause's doer asks its object to do ("has to ask him to fix it", 前妻的跑车坏了来找他修,
    求他帮忙修车: spine.json's ``asked_of``), as a clause of its own words; None when it asks none. The one
    asked does it on screen, the one asking stands by, pleading."""
    return _deed_of_other(c, "asked_of", True)


def ordered_deed(c: Clause) -> Clause | None:
    """The deed the clause's doer orders its object to do ("the stepmother makes the kitten do all the chores",
    "forces the corgi to scrub floors", 后妈让小猫干所有的家务: spine.json's ``ordered_to``), as a clause of its
    own words; None when it orders none. The one ordered does it on screen, the one ordering points at it."""
    return _deed_of_other(c, "ordered_to", False)


def _deed_of_other(c: Clause, words: str, to: bool) -> Clause | None:
    """The deed said after ``words`` (a spine.json list) and the clause's object: "asks him to…" (``to``: the
    English deed follows "to"), "makes him…" or "forces him to…" (either)."""
    if not c.obj or c.passive:
        return None
    data = spine_data()[words]
    zh = bool(HAN.search(c.text))
    said = ("" if zh else " ").join("\x00" if p.key == c.obj else p.text for p in c.parts)
    if zh:
        helping = f"(?:{alternation(data['zh_help'], False)})?" if data.get("zh_help") else ""
        found = re.search(f"(?:{alternation(data['zh'], False)}){_WHOM_ZH}{helping}(.+)$", said)
    else:
        then = r"to\s+" if to else r"(?:to\s+)?"
        found = re.search(rf"(?:{alternation(data['en'], True)})\s+{_WHOM_EN}\s+{then}(.+)$", said.lower())
    if found is None:
        return None
    deed = found.group(1).strip()
    return replace(c, verb=deed, obj=None, actions=tuple(lexicon().keys(deed, "actions")), events=(), jobs=())


def broke_down(verb: str) -> bool:
    """The verb tells a thing named before it breaking down ("car breaks down in the rain", 车在半路抛锚了:
    spine.json's ``breakdown``); "breaks down in tears" is the pet's own, told with the verb first."""
    words = spine_data()["breakdown"]
    if HAN.search(verb):
        return any(w in verb for w in words["zh"])
    low = verb.lower()
    said = re.search(alternation(words["en"], True), low)
    return said is not None and said.start() > 0


def _saving(c: Clause, data: dict[str, Any]) -> str:
    """Saving up ("saves every coin", 攒钱, 省吃俭用) and the purchase ("buys the biggest house", 买了房子) as
    spine.json's ``saving_actions`` draw them, or "": a rescue names whom it saves ("saves the kitten"),
    and a purchase for someone ("buys his mother a house", 给妈妈买) is a gift."""
    verb = c.verb.lower()
    words = re.findall(r"[a-z]+", verb)
    first = words[0] if words else ""
    if HAN.search(verb):
        if any(w in verb for w in data["save_zh"]):
            return str(data["save"])
        if any(w in verb for w in data["buy_zh"]) and not c.obj and "给" not in verb:
            return str(data["buy"])
        return ""
    if first in data["save_verbs"] and not c.obj and any(
            re.search(rf"\b{re.escape(w)}\b", " ".join(words[1:])) for w in data["save_words"]):
        return str(data["save"])
    if first in data["buy_verbs"] and not c.obj:
        return str(data["buy"])
    return ""


def _falls_ill(c: Clause, data: dict[str, Any]) -> bool:
    """The clause's own subject falls ill or is hurt ("is sick", "falls ill", "is badly injured in a crash",
    生病了, 住院了), as spine.json's ``falling_ill`` says: it is the patient, never the one treating; a care word
    in the verb (照顾生病的, "gets hurt saving a kitten") keeps it the care, and a passive wrong is done by another."""
    if c.passive:
        return False
    verb = c.verb.lower().strip()
    if HAN.search(verb):  # 给生病的小猫看病: 生病的 is the one cared for, not the subject
        return any(re.search(f"{w}(?!的)", verb) for w in data["zh"]) and not any(w in verb for w in data["zh_care"])
    if any(re.match(rf"{re.escape(w)}\b", verb) for w in data["en_phrases"]):
        return True
    words = re.findall(r"[a-z']+", verb)
    if not words or words[0] not in data["en_lead"]:
        return False
    rest = words[1:]
    if rest and rest[0] in data["en_adverbs"]:
        rest = rest[1:]
    if not rest or rest[0] not in data["en_states"]:
        return False
    after = rest[1:]  # "falls ill and": the state alone; "gets hurt saving a kitten": the rescue goes on
    return not after or after[0] in ("and", "in", "at", "on", "after", "during", "from", "with", "again")


def _gift_zh(c: Clause) -> bool:
    """A Chinese clause that hands something to someone with 送 (送了它一条鱼, 把奖牌送给了生病的奶奶)."""
    return bool(c.obj) and re.match(r"(?:把.*)?送(?:了|给)", c.verb) is not None


def _medic_cares(c: Clause, sick: dict[str, Any]) -> bool:
    """Someone treated, saved or looked after who is ill ("treats a sick kitten"), or by a doctor, nurse or vet ("a
    golden retriever nurse saves a kitten"): the care is a treatment."""
    if not c.obj or c.passive:
        return False
    verb = c.verb.lower()
    rest = c.text.lower()[c.text.lower().find(verb) + len(verb):] if verb and verb in c.text.lower() else ""
    said = set(re.findall(r"[a-z]+", rest))
    if not any(re.match(rf"{w}", verb) if w.isascii() else w in verb for w in sick["care_verbs"]):
        return False  # "gives food to a sick kitten": a gift, not a treatment
    who = c.subject_words.lower()
    return any(w in said if w.isascii() else w in rest for w in sick["words"]) or any(
        re.search(rf"\b{w}\b", who) if w.isascii() else w in who for w in sick["medics"])


_SUFFERED = re.compile(r"(?:is|are|was|were|gets?|got|being)\s+(?:\w+ly\s+)?\w+(?:ed|en)\b")
_SUFFERED_ZH = re.compile(r"(?:在[^被把，。！？,.!?；]{1,10}?)?(?:又|总是|经常|常常|每天|天天|一直|也|还|老是)?(?:被|遭)")
# 在学校被欺负, 在宴会上被嘲笑, 在公司被看不起, 每天被骂: where or how often said first, the wrong still suffered


def _suffers(c: Clause) -> bool:
    """A clause whose subject suffers a wrong that no one of the cast does (被嘲笑是乞丐, 被亲戚嘲笑穷, "is
    mocked for her old bike"): its subject is the one wronged, never the one doing it."""
    if c.passive or c.obj or c.actor != c.subject or not wrongs(c.events):
        return False
    verb = c.verb.lower()
    return _SUFFERED_ZH.match(verb) is not None if HAN.search(verb) else _SUFFERED.match(verb) is not None


def _verb_action(c: Clause) -> tuple[str, bool]:
    data = spine_data()
    verb = c.verb.lower()
    first = verb.split()[0] if verb.split() else ""
    if _leaves_a_thing(c):
        return "give", False
    if HAN.search(verb) and drives_zh(verb):  # 开着豪车回来: at the wheel, not back at work
        return "drive", True
    if _suffers(c):  # 被嘲笑是乞丐, 被嫌弃, "is mocked for her old bike": mocked by no one on screen, hurt
        return "cry", False
    if longs_for(c.verb):  # "waits at the station for its owner", 等主人回来: standing, waiting
        return "stand", True
    if "build" in c.events and c.places + tuple(n.used for n in c.asked) and not c.actions:
        return "celebrate", False  # "opens a food truck": the opening day, not the old job's chores
    if wrongs(c.events) and (c.actions[:1] == ("talk",) or says(c.verb)):  # "shouts at", "said she could never"
        return _spoken_wrong(c, verb, first)
    if c.actions and not any(e in data["passive_actions"] for e in c.events):
        learning = data["learning_actions"]
        lead = next((w for w in verb.split() if w not in {"is", "are", "was", "were", "gets", "get"}), first)
        if c.actions[0] in learning["actions"] and len(c.actions) > 1 and any(
                lead.startswith(v) for v in learning["verbs"]):  # "is learning to climb": the learning verb
            return c.actions[1], True  # "learns to dance": the dance
        if c.actions[0] == "give" and len(c.actions) > 1 and verb.startswith("给"):
            return c.actions[1], True  # 给富猫拍照片, 给小猫看病: done for someone, not a gift
        if c.actions[0] == "kneel" and "hug" in c.actions[1:]:
            return "hug", True  # "say sorry and make up", 道歉和好: the sorry ends in the hug, and the hug is seen
        if c.actions[0] == "work" and _gift_zh(c):
            return "give", False  # 送了它一条鱼, 把奖牌送给了奶奶: a gift handed to someone, not a delivery round
        return c.actions[0], True
    if not c.passive or c.actor == c.subject:
        for e in c.events:
            if e in data["passive_actions"] and not c.obj and "build" not in c.events:
                return str(data["passive_actions"][e]), False
    if c.passive and not HAN.search(verb):
        first = next((w for w in verb.split() if w not in {"is", "are", "was", "were", "gets", "get", "by"}), first)
    for form in (first, re.sub(r"(ies)$", "y", first), re.sub(r"(es|s|ed|ing)$", "", first), re.sub(r"(s|d)$", "", first)):
        rest = verb.split()[1:2]
        if rest and f"{form} {rest[0]}" in data["verb_actions"]:  # "looks after", "takes care of": the care;
            return str(data["verb_actions"][f"{form} {rest[0]}"]), False  # "skips meals": no skipping rope
        if form in data["verb_actions"]:
            return str(data["verb_actions"][form]), False
    said = _without_nouns(verb)
    for word, act in sorted(data["verb_actions"].items(), key=lambda wa: -len(wa[0])):  # 开除 fires, 开 only opens
        if HAN.search(word) and word in said:
            return str(act), False
    if c.actions:
        return c.actions[0], True
    near = nearest(c.verb, "actions", "zh" if HAN.search(c.verb) else "en") if c.verb else None
    if near is not None and near.used not in c.obj_actions:  # "…, shivering stray puppy": the puppy's, not the doer's
        return near.used, near.exact
    for e in c.events:
        if e in data["event_actions"]:
            return str(data["event_actions"][e]), False
    return ("talk" if c.obj else "stand"), False


def _spoken_wrong(c: Clause, verb: str, first: str) -> tuple[str, bool]:
    """A wrong said aloud, drawn as that wrong, never as plain talk nor as what is said ("shouts at the waiter":
    pointing at it; "said the corgi was too fat to dance": sneering, no dance)."""
    acts = spine_data()["verb_actions"]
    forms = (first, re.sub(r"(es|s|ed|ing)$", "", first), re.sub(r"(s|d)$", "", first))
    said = [str(acts[f]) for f in forms if f in acts] + [str(a) for w, a in acts.items() if HAN.search(w) and w in verb]
    act = next((a for a in said if a != "talk"), None)
    wrong = next(e for e in c.events if wrongs((e,)))
    return (act, False) if act else (str(spine_data()["event_actions"].get(wrong, "point")), False)


def _without_nouns(verb: str) -> str:
    """A Chinese verb phrase with its nouns blanked (卖 inside 外卖公司 sells nothing; 送外卖 still delivers)."""
    nouns = {zh for _, zh in telling_data()["nouns"]} | {
        w for e in lexicon().data["jobs"].values() for w in e["zh"] if not any(w in v for v in ("送外卖",))}
    for noun in sorted((n for n in nouns if len(n) > 1 and n in verb), key=len, reverse=True):
        at = verb.find(noun)
        if at > 0 and verb[at - 1] in "送开":  # 送外卖 (deliver), 开出租车: the verb before the noun stays
            continue
        verb = verb.replace(noun, "\0" * len(noun))
    return verb


def _ing(word: str) -> str:
    if word.endswith("ing"):  # already said so: "fishing"
        return word
    if word.endswith("ie"):
        return word[:-2] + "ying"
    if word.endswith("e") and not word.endswith("ee"):
        return word[:-1] + "ing"
    if re.fullmatch(r"[a-z]*[^aeiou][aeiou][bdgmnpt]", word) and len(word) <= 4:
        return word + word[-1] + "ing"
    return word + "ing"


@cache
def _broad_places() -> frozenset[str]:
    data = read_json("staging.json")["broad_places"]
    return frozenset([*data["en"], *data["zh"]])


def broad_place(words: str) -> bool:
    """Whether a place word only colours where an event happens ("city", 城里): a more specific place wins."""
    return words.lower().strip() in _broad_places()


def dreamt_own(c: Clause) -> bool:
    """A clause that dreams of a place of the hero's own ("dreams of her own bakery", 梦想开一家自己的面包店): the
    place is the dream's, not where the hero is while it dreams (at home), nor the place its lines name."""
    own = re.search(r"\bown\b", c.text.lower()) is not None or "自己的" in c.text
    return "dream" in c.events and "build" not in c.events and own and any(n.section == "places" for n in c.asked)


def main_place(c: Clause) -> Nearest | None:
    """The place a clause asks for that its event happens at: the most specific one ("wins the city dance
    contest": the contest's stage, "city" only colours it), between equals the first named."""
    return min((n for n in c.asked if n.section == "places"), key=lambda n: broad_place(n.wanted), default=None)


def premise_place(analysis: Analysis) -> tuple[str, str | None] | None:
    """(lexicon place key, the premise's word for it) of the place the premise's story is at: its first
    vocabulary place, unless that only colours it ("the city dance contest") or there is none, and the
    premise names a more specific one drawn as its nearest (the contest's stage, the fishing contest's lake); a home
    a lost pet's or a found one's story names only as where it goes ("finds its way home", 找到了新家) is none; a place
    the premise names by a phrase is said by its entry's ``word`` ("on the bus": the bus, 隔壁: 邻居家)."""
    lex = lexicon()
    key = analysis.places[0] if analysis.places else None
    surface = analysis.surfaces.get(f"places:{key}") if key else None
    gone_home = key is not None and bool(surface) and lex.entry("places", key)["location"] == "bedroom" \
        and story_kind(analysis).home_goal and home_goal(analysis.premise, str(surface))
    if gone_home:  # "finds its way home", 找到了新家: the home is where it ends, not where it is
        key = next((k for k in analysis.places[1:] if lex.entry("places", k)["location"] != "bedroom"), None)
        surface = analysis.surfaces.get(f"places:{key}") if key else None
    if key is None or broad_place(surface or str(lex.entry("places", key)["en"][0])):
        specific = next((n for n in things(analysis.premise, analysis.language) if n.section == "places"
                         and not broad_place(n.wanted) and not (gone_home and n.used == "bedroom")
                         and not said_as_sent(analysis.premise, n.wanted)  # 供小猫上学: no school there
                         and not _pet_kind(analysis, n.wanted)), None)  # "a street cat": no street named
        if specific is not None:
            return specific.used, specific.wanted
    if key is None and analysis.job is None and home_occasion(analysis.premise):
        return "bedroom", None  # the family's Christmas, the new baby: at home, not on the default street
    return (key, place_said(surface)) if key else None


def _pet_kind(analysis: Analysis, word: str) -> bool:
    """Whether a place word is said only inside a pet's breed ("a street cat", "an alley cat": what the pet is)."""
    kinds = [str(v).lower() for k, v in analysis.surfaces.items() if k.startswith("breeds:")]
    said = word.lower()
    return any(said in kind.split() for kind in kinds) and not re.search(
        rf"\b{re.escape(said)}\b(?! (?:{'|'.join(re.escape(k.split()[-1]) for k in kinds)}))", analysis.premise.lower())


def place_said(surface: str | None) -> str | None:
    """The premise's word for a place as its lines say it: a place the premise names by a phrase by its entry's
    ``word`` ("on the bus": the bus; "next door": the house next door; 隔壁: 邻居家), else the word itself."""
    if not surface:
        return surface
    lex = lexicon()
    word = next((e["word"] for k in lex.keys(surface, "places") if (e := lex.entry("places", k)).get("word")), None)
    return str(word["en" if surface.isascii() else "zh"]) if word else surface


@cache
def data_words(file: str, key: str) -> re.Pattern[str]:
    """The ``key`` word list of a story data file (English whole words, Chinese anywhere) as one pattern, for
    lower-cased text."""
    data = read_json(file)[key]
    return re.compile(f"{alternation(data['en'], True)}|{alternation(data['zh'], False)}")


def breaking(verb: str) -> bool:
    """Whether a clause's deed breaks its thing ("breaks his favourite toy", 把玩具弄坏了): drawn broken."""
    return bool(data_words("staging.json", "breaking").search(verb.lower()))


def thrown_out_of(c: Clause) -> str | None:
    """Where a clause throws its pet out of: a place of ``thrown_out``'s ``places`` the clause names ("is kicked out of
    the restaurant", 被赶出了餐厅: its lexicon key, seen from the street outside it, never crying inside), else "home"
    where it is thrown out of its home (``thrown_out``), else None."""
    said = f"{c.verb} {c.text}".lower()
    out = staging()["thrown_out"]
    told = data_words("staging.json", "thrown_out").search(said) is not None or any(w in said for w in out["zh_places"])
    lex = lexicon()
    place = next((p for p in c.places if lex.entry("places", p)["location"] in out["places"]), None)
    if told and place is not None and (HAN.search(said) or re.search(r"\bout of\b", said)):
        return place
    return "home" if thrown_out(c) else None


def thrown_out(c: Clause) -> bool:
    """Whether a clause throws its pet out of its home ("is kicked out of the house", "his owner throws him out",
    被赶出家门; staging.json's ``thrown_out``): an English verb said of a home word or of no place at all ("kicked
    out of the team" is no home)."""
    said = f"{c.verb} {c.text}".lower()
    if data_words("staging.json", "thrown_out").search(said) is None:
        return False
    if HAN.search(said):
        return True
    homes = re.search(alternation(staging()["thrown_out"]["homes"], True), said)
    return homes is not None or not re.search(r"\bout of\b", said)


def home_occasion(premise: str) -> bool:
    """Whether the premise names a day or family event spent at home (Christmas, 春节, a new baby, a divorce)."""
    return bool(data_words("staging.json", "home_occasions").search(premise.lower()))


def place_ask(c: Clause) -> tuple[str, str] | None:
    """(the premise's words, the location drawn) for a place the clause asks for that is not one of
    its vocabulary's places: what it opens or builds ("opens a food truck": the street where the
    truck stands), or a noun after in/at/into (never an abstract one: "in the final"); the nearest drawable place,
    else the street."""
    if c.places:
        return None
    built = [n.wanted for n in c.asked if n.section == "props" and not n.exact] + list(c.nouns)
    if "build" in c.events and built:
        wanted = built[0]
    else:
        wanted = next((n for n in c.nouns if not _body(n) and any(not _aimed(c.verb.lower()[:m.start()]) for m in re.finditer(
            rf"\b(?:in|at|into|inside|outside|to)\s+(?:the|a|an|his|her|their)\s+{re.escape(n)}", c.verb.lower()))), "")
    if not wanted or wanted.lower() in abstract_words():  # "in the final", "in her dreams": no place at all
        return None
    near = nearest(wanted, "places", "zh" if HAN.search(wanted) else "en")
    used = str(lexicon().entry("places", near.used)["location"]) if near else str(spine_data()["place_default"])
    return wanted, used


def _body(words: str) -> bool:
    """A pet's own body or looks ("short legs", "his belly", 腿短: staging.json's ``body_words``), drawn in its look."""
    said = staging()["body_words"]
    if HAN.search(words):
        return any(words.endswith(w) for w in said["zh"])
    return words.lower().split()[-1:] in ([w] for w in said["en"])


def _aimed(before: str) -> bool:
    """The words before an "at" end with a verb aimed at something ("laughs at his short legs": no place;
    staging.json's ``aimed_at``)."""
    return any(before.rstrip().endswith(f" {w}") or before.rstrip() == w for w in staging()["aimed_at"]["en"])


class Ask(NamedTuple):
    """What a clause asks drawn as another, for the report: the premise's words and what is drawn; an action's
    ``who`` is the cast key of the one doing it, so the report can say what that one is drawn doing at last."""

    kind: Literal["place", "prop", "action"]
    wanted: str
    used: str
    who: str | None = None


def cast_asks(items: Any) -> list[Ask]:
    """A beat's drawn-as-another list, typed (beats are plain dicts)."""
    return list(items)


_JEERS = {"laugh", "sneer", "point"}  # a group's deed at one pet that each of the group does on screen
_ENDS = {"shocked", "kneel", "cry"}  # a group's ending (stunned, ashamed, in tears): each of the group ends so


def visual_note(c: Clause, cast: Cast, where: str | None, heros_place: bool = False,
            when: str = "", doing: str = "") -> tuple[str, list[str], list[Ask]]:
    """The visual note (English, for staging), the clause's things as scene props (in the lexicon's
    drawable words) and what is drawn as something else than asked (prop, place and action); ``doing``: the
    hero's deed in the clause before, kept while a crowd outside the cast reacts to it."""
    lex = lexicon()
    act, exact = action_of(c)
    breaks = breaking(c.verb) or breaking(c.text)  # 踩坏了它的玩具车: the verb parsed as 的, the clause says it
    if breaks and not exact and any(n.section == "props" and "broken" in lex.entry("props", n.used)
                                              for n in c.asked):
        act = "push"  # "breaks his favourite toy": shoved over and broken, not talked about nor handed over
        if data_words("staging.json", "trodden").search(f"{c.verb} {c.text}".lower()):
            act = "shocked"  # "steps on his brother's toy train": an accident underfoot, the doer startled, no shove
    outsider = outsider_entry(c.outsider) if c.outsider else None
    many = bool(c.outsider) and (outsider["group"] if outsider else not _a_thing(c.outsider))
    reaction = crowd_reaction(c, act) if c.outsider and not c.passive and many \
        else None  # "the judges cry", 全场都惊呆了: the crowd does it, the hero goes on with its deed
    if reaction:
        act = doing if doing and doing not in _IDLE else "wave"
    elif c.outsider and not (c.passive and act in c.actions and act in _STATES):
        act = _taking(c, act)  # someone outside the cast does it: the hero is shown taking it, beside them (but
        # "a shivering kitten is found by a sailor": the kitten still shivers)
    heartbreak = bool(_HEARTBREAK & set(c.events)) and not c.outsider
    if heartbreak and (c.actor or cast.hero) == cast.hero and act in {"catch", "talk", "stand", "think", "sneer", "point", "hug"}:
        act = "shocked"  # "catches her husband with another cat", "sees her boyfriend kissing…", "catches her fiance
        # hugging a rich Siamese": the shock of it (the hug is the partner's, not the hero's)
    elif heartbreak and "dump" in c.events and not c.passive and cast.sides.get(c.actor or "") == "villain" \
            and act not in {"exit", "run", "walk"}:
        act = "exit"  # 妻子为了钱离开了他: the one who leaves walks out
    if c.obj_actions and c.outsider and c.obj == cast.hero and not reaction:
        act = c.obj_actions[0]  # "an old fisherman finds a shivering puppy": no one of the cast finds it, it shivers
    known = lex.data["actions"].get(act)
    word = "staring" if act == "shocked" else _ing(str(known["en"][0]).split()[0]) if known else "standing"
    phrase = note_phrase(act, c.text)
    if phrase is not None:  # "skipping rope", "playing the guitar": the first word alone is another deed
        word = " ".join([_ing(phrase.split()[0]), *phrase.split()[1:]])
    waits = c.obj is not None and longs_for(c.verb)  # "four puppies wait for their mother": all of them, alone
    jeers = act in _JEERS or act in _ENDS and (c.actor or cast.hero) != cast.hero  # "the other hamsters laugh at him":
    # all of them laugh; "the rich poodles who laughed at him end up stunned": all of them are stunned
    doers = [c.actor or cast.hero, *(cast.together.get(c.actor or cast.hero, ()) if waits or jeers else ())]
    for part in c.parts if c.said_subject and not c.passive else ():  # "Bella and Max share…": both do it
        if part.key and part.key != c.obj and part.key not in doers:
            doers.append(part.key)
        elif part.key is None and part.text.lower() not in {"and", "&"} or part.key == c.obj:
            break
    actor = " and ".join(cast.name(k) for k in doers)
    away = c.obj is not None and longs_for(c.verb)  # the one waited for or missed is not there
    toward = cast.name(c.obj) if c.obj and not c.outsider and not away else ""
    if not toward and c.actor != cast.hero and (heros_place or any(
            p.text.lower() in {"his", "her", "their"} for p in c.parts)):
        toward = cast.name(cast.hero)  # "the poodle queues for his noodles": at the hero's truck, the hero there
    if act == "hug" and not toward:  # "then they make up", 互相道歉和好了: hugging the one it made up with
        toward = next((cast.name(k) for k in (*cast.together.get(cast.hero, ()), *cast.sides) if k != cast.hero
                       and k not in cast.gone and cast.sides.get(k, "neutral") != "villain"), "")
    prep = "at " if act in {"point", "laugh", "sneer", "shocked"} else "toward " if act in {"walk", "run", "enter"} else ""
    # "we see" keeps the note English to the vocabulary's reader even where the names are hanzi
    left = heartbreak and c.actor not in (None, cast.hero) and cast.sides.get(c.actor or "") == "villain"
    if left and toward == cast.name(cast.hero):
        toward = ""  # named once, crying: the note's first mention of each pet is whose deed follows it
    note = f"we see {actor} {word} {prep if toward else ''}{toward}".strip() + (" alone" if away else "")
    if left:  # "his girlfriend dumps him for a rich husky", "his wife runs off with a rich Persian": the one left
        note += f", {cast.name(cast.hero)} crying"  # behind is there, heartbroken, not standing by
    elif toward and wrongs(c.events) and re.search(rf"{HAN.pattern}哭", c.verb):  # 被老板骂哭了: the one scolded
        note += f", {toward} crying"  # cries, the boss only scolds
    state = lex.data["actions"].get(c.obj_actions[0]) if c.obj_actions and toward and not left else None
    if state is not None:  # "takes in a shivering stray kitten": the kitten is the one shivering
        note += f", {toward} {_ing(str(state['en'][0]).split()[0])}"
    asked = asked_deed(c) if c.actor and not c.outsider and not reaction else None
    ordered = ordered_deed(c) if c.actor and not c.outsider and not reaction and asked is None else None
    other = asked or ordered
    deed = action_of(other) if other is not None else None
    doer = doers[0]  # whose action the note stages
    if deed is not None and deed[0] not in _IDLE and c.obj:  # "has to ask him to fix it", 来找他修: the one asked
        act, exact = deed  # does it, the one asking stands by it, pleading; "makes the kitten do all the chores":
        doer = c.obj  # the one ordered does it, the one ordering points at it
        known = lex.data["actions"].get(act)
        doing = _ing(str(known["en"][0]).split()[0]) if known else "working"
        note = f"we see {cast.name(c.obj)} {doing}, {actor} {'kneeling' if asked else 'pointing'} at {cast.name(c.obj)}"
    subs: list[Ask] = [] if exact else [Ask("action", c.verb, act, doer)]
    place = place_ask(c)
    outside = thrown_out_of(c)  # out at the house's front door on the street, with its bundle: never in a room;
    # out of a restaurant, a shop: on the street outside it
    bundle = [lex.entry("props", k) for k in staging()["thrown_out"]["props"]] if outside == "home" else []
    asks: list[str] = [str(e["label"]) for e in bundle]
    shown: list[str] = [str(e["en"][0]) for e in bundle]  # the things in the note, by the vocabulary's plain word
    # (a label may say "cheering")
    for n in c.asked:
        if n.section != "props" or any(tool_action(a) for a in lex.keys(n.wanted, "actions")) or (
                tool_action(act) and is_gear(act, n.wanted)):
            continue  # "fishing" is done with the pose's own rod, "climbs a ladder" on the pose's own ladder
        used = str(lex.entry("props", n.used).get("broken", n.used)) if breaks else n.used
        label = str(lex.entry("props", used)["label"])
        asks.append(label)
        word = str(lex.entry("props", used)["en"][0])
        if not lex.find(word, ["places"]):  # "food stall" is a restaurant's word too: the place is said below
            shown.append(word)
        if not n.exact:
            subs.append(Ask("prop", n.wanted, label))
    if c.outsider:
        for key in [*(["crowd"] if many else []), *(outsider or {}).get("props", [])]:
            label = reaction if key == "crowd" and reaction else str(lex.entry("props", key)["label"])
            if label not in asks:
                asks.append(label)
                shown.append(str(lex.entry("props", key)["en"][0]))
    if not c.outsider and "mock" in c.events and _suffers(c):  # 在学校被欺负, "is mocked at the party": mocked by
        crowd = lex.entry("props", "crowd")  # no one of the cast, yet by someone: the ones laughing at it are drawn
        if str(crowd["label"]) not in asks:  # (a mocking's crowd is drawn laughing, never cheering)
            asks.append(str(crowd["label"]))
            shown.append(str(crowd["en"][0]))
    # unknown to every table: the painter's nearest; never a job (the pet's costume) nor a participle
    unknown = [w for w in c.nouns if (not place or w != place[0]) and not _no_thing(w)] if not reaction else []
    # a crowd's reaction names no thing ("the crowd goes wild": no "wild")
    looks = [spine_data()["event_looks"][e] for e in c.events if e in spine_data()["event_looks"]]
    if looks and not shown and not unknown:  # "gets rich" and no more said: a suit, the cash, the golden car
        for key in looks[0]["props"]:
            asks.append(str(lex.entry("props", key)["label"]))
            shown.append(str(lex.entry("props", key)["en"][0]))
        note += f" in a {looks[0]['wear']}" if looks[0]["wear"] else ""
    asks += unknown
    if shown or unknown:
        note += ", " + ", ".join(dict.fromkeys([*shown, *unknown]))
    own = main_place(c)
    if outside == "home":
        note += f", on the street, by the {staging()['thrown_out']['setting']}"
    elif outside:  # the premise's own word for it where English ("the bakery": its front drawn), else the lexicon's
        said_as = next((n.wanted.lower() for n in c.asked if n.section == "places" and n.wanted.isascii()), None)
        note += f", on the street, outside the {said_as or lex.entry('places', outside)['en'][0]}"
    elif own is not None:
        entry = lex.entry("places", own.used)
        note += f", at the {entry['en'][0]}"
        if not own.exact or not entry["exact"]:
            subs.append(Ask("place", own.wanted, str(entry["location"])))
    elif c.places:
        note += f", at the {lex.entry('places', c.places[0])['en'][0]}"
    elif place is not None:
        note += f", on the {place[1].replace('_', ' ')}"
        subs.append(Ask("place", place[0], place[1]))
    elif looks and looks[0]["place"] and re.search(looks[0].get("place_if", ""), c.text, re.IGNORECASE):
        # rich at last: out on the street with the golden car, not in a bedroom; married: at the wedding (never a
        # proposal's nor a crush's: its ``place_if`` words)
        word = str(lex.entry("places", looks[0]["place"])["en"][0])
        note += f", {'on' if word == 'street' else 'at'} the {word}"
    elif where:
        note += f", at the {where}"
    when = place_time(c) or (when if not (c.places or c.asked) else "")
    if when and when not in note:
        note += f", at {when}" if when == "night" else f", in the {when}"
    for w in c.weathers[:1]:  # "during a storm": the weather of the scene's own place
        word = str(lex.entry("weathers", w)["en"][0])
        if word not in note:
            note += f", in {'a ' if w == 'storm' else 'the '}{word}"
    return note, asks, subs


def _no_thing(words: str) -> bool:
    """Whether a noun the vocabulary does not know names no thing to draw: a job or role ("pilot",
    "librarian": the pet's costume says it, not a prop) or a participle ("trapped", "scared")."""
    lang = "zh" if HAN.search(words) else "en"
    if nearest(words, "jobs", lang) is not None or _body(words):
        return True
    return lang == "en" and " " not in words and len(words) > 4 and words.lower().endswith("ed")


_HEARTBREAK = {"betray", "dump"}  # a partner cheats or leaves: the one left is heartbroken
_STATES = {"shiver", "cry", "sick", "sleep"}  # a state the one a deed is done to is said in ("a shivering kitten")
_TAKING = {"give", "work", "celebrate", "cry", "shocked", "sing", "wave", "think", "eat", "study", "drive", "hug"}


_IDLE = frozenset({"stand", "talk", "think", "walk", "enter", "exit", "sleep", "sick", "cry", "shocked", "sulk",
                   "kneel", "shiver"})  # no deed a crowd reacts to: the hero waves to it instead


def crowd_reaction(c: Clause, act: str) -> str | None:
    """The crowd a group outside the cast is drawn as when the clause is its reaction to the hero ("the judges
    cry": a crying crowd, "everyone is amazed", 全场都惊呆了: a stunned one, "the audience stands up and claps",
    观众们都站起来鼓掌: a cheering one; ``staging.json``'s ``crowd_reactions``), else None (a deed of its own:
    "customers queue", "a wedding party orders roses")."""
    said = f"{c.verb} {c.text}".lower()
    for label, entry in staging()["crowd_reactions"].items():
        if label != "about" and (act in entry["actions"] or re.search(
                f"{alternation(entry['en'], True)}|{alternation(entry['zh'], False)}", said)):
            return str(label)
    return None


def _taking(c: Clause, act: str) -> str:
    """What the hero does while someone outside the cast does the clause's deed: the deed itself where
    the hero can show it alone (sells them the roses, sings for the crowd), crying at a wrong, else
    staring in surprise; never a deed between two of the cast."""
    lex = lexicon()
    if any(lex.entry("events", e)["kind"] == "wrong" for e in c.events):
        return "cry"
    if act == "give" and c.obj is not None:
        return "celebrate"  # 失主送了它一条鱼: the hero is given it, and glad
    return act if act in _TAKING else "shocked"


def place_time(c: Clause) -> str:
    """The time of day a place's own words say ("night market", 夜市, 雨夜): the scene is drawn then."""
    lex = lexicon()
    for words in (*c.place_words, *(n.wanted for n in c.asked if n.section == "places")):
        if HAN.search(words):
            hit = next((k for k, e in lex.data["times"].items() if any(w in words for w in e["zh"])), None)
        else:
            hit = next(iter(lex.keys(words, "times")), None)
        if hit:
            return str(hit)
    return ""


def _a_thing(words: str) -> bool:
    """A doer outside the cast that is a place or a thing ("but the kitchen caught fire", "the agency said no"): no
    crowd is drawn for it."""
    last = words.split()[-1].lower() if words.split() else ""
    return bool(last) and bool(lexicon().find(last, ["places", "props"]))
