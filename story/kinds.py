"""What kind of story a premise is, and the filler lines that fit it (``story/data/kinds.json``). Pure.

A pet drama of striving (work, study, training, saving, a contest to win, a business, riches, a
dream; or an underdog wronged who answers back) is filled with effort: "night after night, Mango
keeps at it". A romance, a friendship, a lost pet, a reunion, a rescue, a theft, a birthday, a
match, a family bond (a teaching, a raising, a waiting, said with a family word), a revenge or a
misdeed of the hero's own (cheating, lying, stealing with no one wronging the hero: found out and
owned up to) is not: its fill is its own (small gestures, the search, the whistle, the plan), then calm feelings and
time, and it is told in its own arc. ``story_kind`` reads the premise; ``Kind.pools`` gives the
filler pools ``story.weave.fill`` uses in place of ``spine.json``'s.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from story.analysis import per_analysis
from story.clauses import Clause, clauses
from story.dangers import rescue_from
from story.datafiles import read_json
from story.drawings import carried_on_back, spilt_thing
from story.honours import unhonoured
from story.lexicon import lexicon
from story.premise import Analysis, Person
from story.text import HAN as _HAN
from story.unmet import unmet

# a pet carrying its own one somewhere, in its arms or on its back ("carries his sick grandma to the hospital"): a
# carried relative's story (kinds.json ``carried``, its ``with`` words saying the one carried is family)
CARRIES_OWN = re.compile(r"\bcarr(?:y|ies|ied|ying)\s+(?:his|her|their|its|my)\s+(?:\w+\s+){0,2}?(?:grandma|grandpa|granny|"
                         r"grandmother|grandfather|mother|father|mom|mum|dad|papa|mama|son|daughter|puppy|kitten|pup|"
                         r"cub|baby|babies|puppies|kittens)\b[^.!?;]{0,40}?\b(?:to|home|across|up)\b",
                         re.IGNORECASE)

STRIVING_POOLS = (("more", "rise"), ("more", "situation"), ("more", "outcome"), ("say", "rise"),
                  ("say", "situation"), ("say", "outcome_hero"), ("ending", ""))  # effort and triumph lines


@cache
def kinds_data() -> dict[str, Any]:
    data: dict[str, Any] = read_json("kinds.json")
    return data


@dataclass(frozen=True)
class Kind:
    id: str  # a kinds.json kind, or "striving" / "calm" when the premise is of none
    arc: str | None  # the arc it is told in (None: the arcs' scores choose)
    striving: bool  # the premise is about striving: the effort filler may be said
    opening: tuple[str, ...] = ()  # words of a clause where the story starts ("falls in love with")
    open_ending: bool = False  # a last clause that tells no outcome is not the ending: the arc tells it
    heros: bool = False  # its feelings and words are the hero's, whoever does a clause (a lost pet's fear, its "I'm home")
    turns: frozenset[str] = frozenset()  # events that are its turn, not a wrong the hero suffers (an identity revealed)
    hurts: tuple[str, ...] = ()  # words of a clause that is the hero's loss though no wrong ("breaks his favourite toy")
    at_home: bool = False  # told at home where the premise names no place (a quarrel over a broken toy)
    hurt_any: bool = False  # its loss is the hero's whoever does it ("two kittens fight over the last fish")
    closing: tuple[str, ...] = ()  # words of a last clause that tell how it ends ("until she is well", 好起来)
    ill_setback: bool = False  # the hero falling ill is the story's setback (getting well), not its doing
    company: str = ""  # its story needs others beside the hero, cast when the premise names none: "alone" (a last
    # wish: someone takes it there, when the hero is alone), "all" (a first day: the parent and the new friend)
    pair: bool = False  # a story of two (a quarrel): a clause that names no subject of its own after "X and Y …"
    # is both of theirs ("Milo and Luna fall out over the bed and finally share it": both share it)
    ends_last: bool = False  # its closing clause is the last scene, after the arc's own outcome ("…and finally
    # share it": told after the quarrel's lonely night, the sorry and the hug, never before them)
    home_goal: bool = False  # a home it names may be only where it goes (kinds.json ``home_goal``: "finds its way home")
    lovers: bool = False  # a story of two in love (kinds.json ``lovers``): its feelings and words are the two
    # lovers'; another's clause ("but her dad says no") is felt and answered by the hero, never with a lover's blush
    returning: tuple[str, ...] = ()  # words of the one waited for coming back (kinds.json ``returning``: "she comes
    # back", 主人终于回来了): said by another in the premise's last clause, how the wait ends, told last
    told_deeds: bool = False  # the premise's own clauses tell its wrong and its deed (kinds.json ``told_deeds``: a
    # thief's clause is the snatch, the hero's last one the catch): the arc's snatch and catch are never told again

    def closes(self, text: str) -> bool:
        """The clause tells how this kind of story ends ("nurses him back to health", 直到他好起来)."""
        return any(_has(w, text) for w in self.closing)

    def returns(self, text: str) -> bool:
        """The clause tells the one waited for back ("until one winter she comes back", 直到主人终于回来了), not one
        who never comes back ("but she never comes back", 主人再也没有回来)."""
        return any(_has(w, text) for w in self.returning) and not _NEVER.search(text.lower())

    def hurt_in(self, text: str) -> bool:
        """Another's clause says the loss this kind of story starts from (a quarrel's broken toy)."""
        return any(_has(w, text) for w in self.hurts)

    def beloved(self, clauses: Sequence[Clause], hero: str) -> str | None:
        """A lovers' story's other one (``lovers``): whom the clause that opens it names beside the hero ("falls in
        love with a stray", "the neighbour's dog … has a crush on her"); None where no clause says."""
        if not self.lovers:
            return None
        for c in clauses:
            if self.opens(c.text):
                if c.actor == hero and c.obj and c.obj != hero:
                    return c.obj
                if c.obj == hero and c.actor:
                    return c.actor
        return None

    def opens(self, text: str) -> bool:
        """The clause says how this kind of story starts ("falls in love with", 爱上)."""
        return any(_has(w, text) for w in self.opening)

    def pools(self, base: dict[str, Any]) -> dict[str, Any]:
        """``spine.json``'s pools (``more``, ``say``, ``ending``, ``lead``, ``waited``) for this kind: its own
        first; then, for a premise not about striving, the calm ones in place of the effort ones; a
        striving premise of a kind keeps the effort lines after its own."""
        data = kinds_data()
        own: dict[str, Any] = next((k for k in data["kinds"] if k["id"] == self.id), {})
        if "pools_of" in own:  # a kitten found and kept: an adoption's lines, its own ending and lead
            lent = next(k for k in data["kinds"] if k["id"] == own["pools_of"])
            own = {**own, **{s: lent[s] for s in ("more", "say", "waited") if s in lent}}
        calm = data["calm"]
        out: dict[str, Any] = {"more": dict(base["more"]), "say": dict(base["say"]), "ending": base["ending"],
                               "lead": None}
        for section in ("more", "say"):
            for key in {*own.get(section, {}), *calm[section]}:
                mine = own.get(section, {}).get(key)
                if self.striving:
                    if mine is not None and key in base[section]:
                        merged = {lang: [*mine[lang], *base[section][key][lang]] for lang in ("en", "zh")}
                        out[section][key] = {**base[section][key], **merged}
                    elif mine is not None:
                        out[section][key] = mine
                    continue
                chosen = mine if mine is not None else calm[section].get(key)
                if chosen is None:
                    continue
                who = base[section].get(key, {}).get("who") if section == "say" else None
                out[section][key] = {**chosen, "who": chosen.get("who") or who or "actor"} if section == "say" \
                    else chosen  # a kind's own "who": "hero" (a misdeed's guilt is the hero's, whoever finds out)
        if not self.striving:
            out["ending"] = own.get("ending", calm["ending"])
            out["lead"] = own.get("lead", calm["lead"])
            out["waited"] = own.get("waited")  # the wait before one taken in (没人要的小猫终于被领养了)
        elif "ending" in own:
            out["ending"] = {lang: [*own["ending"][lang], *base["ending"][lang]] for lang in ("en", "zh")}
        return out


def home_goal(premise: str, surface: str) -> bool:
    """Every time the premise says its home word (``surface``), it says it as where the story goes ("finds its way
    home", "takes it home", 回到家, 找到了新家: kinds.json ``home_goal``), never as where it is ("at home", 家里)."""
    words = kinds_data()["home_goal"]
    if _HAN.search(surface):
        at = [m.start() for m in re.finditer(re.escape(surface), premise)]
        return bool(at) and all(premise[:i].endswith(tuple(words["zh"])) or premise[:i].endswith(("找到了", "回到了"))
                                for i in at)
    said = list(re.finditer(rf"\b{re.escape(surface.lower())}\b", premise.lower()))
    before = re.compile(rf"\b(?:{'|'.join(map(re.escape, words['en']))})\s+$")
    return bool(said) and all(before.search(premise.lower()[:m.start()]) for m in said)


def _unhonoured(kind: dict[str, Any], premise: str) -> str:
    """The premise less the places it names only as whose hero the hero becomes (``story.honours``: "becomes the
    town hero", "the hero of the village", 全村的英雄), for the kind whose ``unless`` has those honours."""
    return unhonoured(premise) if kind["unless"].get("honour") else premise


_NEVER = re.compile(r"\b(?:never|not|no longer)\b|n't\b|再也没|没有回|没回|不回")  # a return that never comes


def _has(word: str, premise: str) -> bool:
    """``word`` in the premise: Chinese as a substring outside the masked words that only hold it (偷 is not
    in 偷偷练习: ``masks_zh``), English as whole words ("rob" is not in "robot")."""
    if _HAN.search(word):  # a masked word itself (抱回家: a pet brought home) is what it says
        return word in (premise if word in kinds_data()["masks_zh"]["words"] else _masked(premise))
    return _word_re(word).search(premise.lower()) is not None


@cache
def _word_re(word: str) -> re.Pattern[str]:
    return re.compile(r"(?<![A-Za-z])" + re.escape(word.lower()) + r"(?![A-Za-z])")


@cache
def _masked(premise: str) -> str:
    masks = kinds_data()["masks_zh"]
    claimed = tuple(masks["claimed"])  # 小偷偷了: the thief's 偷, then 偷了; never 偷偷 "secretly"
    for w in masks["words"]:
        at = 0
        while (i := premise.find(w, at)) >= 0:
            if premise[:i + 1].endswith(claimed):
                at = i + 1
                continue
            premise = premise[:i] + "\0" * len(w) + premise[i + len(w):]
            at = i + len(w)
    return premise


def _said_with(words: dict[str, list[str]] | None, also: dict[str, list[str]] | None, premise: str) -> str | None:
    """The first of ``words`` the premise says, where it also says one of ``also`` (when given), or None."""
    said = next((w for w in (*words["en"], *words["zh"]) if _has(w, premise)), None) if words else None
    if said is not None and (not also or any(_has(w, premise) for w in (*also["en"], *also["zh"]))):
        return said
    return None


def _mischief_said(kind: dict[str, Any], premise: str) -> str | None:
    """The mischief word of ``kind`` the premise says with its second word ("steps on" and "brother's"), or None."""
    return _said_with(kind.get("mischief", {}).get("words"), kind.get("mischief", {}).get("with"), premise)


def _said(kind: dict[str, Any], premise: str) -> str | None:
    """The word of ``kind`` the premise says, with its second word where the kind asks one ("teaches" and "his
    puppy"), or its mischief said with whose thing it was or what came of it ("eats the cake" and "caught")."""
    return _said_with(kind["words"], kind.get("with"), premise) or _mischief_said(kind, premise)


def _ill_hero(kind: dict[str, Any], analysis: Analysis) -> str | None:
    """The kind's ``hero_words`` said of the hero as the premise opens by naming it ("a sick kitten slowly gets
    better", 生病的小兔子慢慢康复了), where it also says one of its ``with`` words; else None (照顾生病的老狗: the ill
    one is cared for by the one the premise leaves unsaid)."""
    said = kind.get("hero_words")
    if not said:
        return None
    text = analysis.premise.lower()
    for head in analysis.hero.words:
        for w in said["en"]:
            if re.match(rf"(?:(?:a|an|the|one|my|our|this|poor|little)\s+)*{re.escape(w)}\s+{re.escape(head.lower())}\b", text):
                return _said_with({"en": [w], "zh": []}, kind.get("with"), analysis.premise)
        for w in said["zh"]:
            if re.match(rf"(?:一只|一条|有一只|有只|这只)?{re.escape(w)}{re.escape(head)}", text):
                return _said_with({"en": [], "zh": [w]}, kind.get("with"), analysis.premise)
    return None


def says_kind(premise: str, kind_id: str) -> bool:
    """The premise says the words of that kinds.json kind ("breaks his sister's doll": a misdeed), whatever it is told as."""
    return _said(next(k for k in kinds_data()["kinds"] if k["id"] == kind_id), premise) is not None


def says_words(text: str, kind_id: str) -> bool:
    """The text says that kinds.json kind's own words, without the second word it may ask ("a burglar breaks into
    the house": a thief, no catch yet)."""
    return _said_with(next(k for k in kinds_data()["kinds"] if k["id"] == kind_id)["words"], None, text) is not None


def _hurt_words(kind: dict[str, Any]) -> tuple[str, ...]:
    """The words of a clause that tells the loss a kind of story starts from: its words, its mischief's
    ("steps on his brother's toy train") and its ``hurt_also`` (弟弟哭了), where the kind says so (``words_hurt``)."""
    if not kind.get("words_hurt"):
        return ()
    mine, also = kind.get("mischief", {}).get("words", {}), kind.get("hurt_also", {})
    return (*kind["words"]["en"], *kind["words"]["zh"], *mine.get("en", ()), *mine.get("zh", ()),
            *also.get("en", ()), *also.get("zh", ()))


def mischief(premise: str) -> bool:
    """The premise tells a pet's household mischief (``misdeed``'s ``mischief`` in kinds.json: "knocks the
    goldfish bowl off the table", 把妈妈的花瓶打碎了): its word and whose thing it was or what came of it."""
    kind = next(k for k in kinds_data()["kinds"] if k["id"] == "misdeed")
    return _mischief_said(kind, premise) is not None


def _partner_wrong(kind: dict[str, Any], analysis: Analysis) -> str | None:
    """The wrong of ``kind``'s ``partner_wrongs`` a partner does to the one it belongs to, in any words ("his wife
    runs off with a rich Persian", 女朋友为了有钱的哈士奇离开了他: ``story.affairs``; "is betrayed by her
    boyfriend"), or None."""
    wrongs = [w for w in kind.get("partner_wrongs", ()) if w in analysis.wrongs]
    lex = lexicon()
    if wrongs and any(p.does_wrong and p.relation and (p.victim == p.of or p.after_by or p.role == "rival")
                      and p.of in (None, analysis.hero.key) and lex.entry("relations", p.relation).get("role") == "partner"
                      for p in analysis.cast):  # 泰迪发现女朋友偷偷和…约会: its girlfriend, said with no 的
        return str(wrongs[0])
    return None


_LOVES = re.compile(r"(?<![A-Za-z])(?:loves|loved|adores|is sweet on)\s+(?:a|an|the|that|this)\s+", re.IGNORECASE)
_YOUNG = {"little", "baby", "young"}


def loves_pet(analysis: Analysis) -> str | None:
    """The hero loves another grown pet the premise names right after its love word ("a beagle loves a siamese",
    "a corgi loves a poodle but mom won't allow it"): a romance, said so (the love word); never kin or one's own ("loves
    his grandma", "loves her puppy"), a little one ("loves the new kitten"), nor a thing ("loves the park")."""
    hero = analysis.hero
    if not (hero.species or hero.breed) or set(hero.traits) & _YOUNG:
        return None
    for m in _LOVES.finditer(analysis.premise):
        if m.start() < hero.pos:
            continue
        loved = next((p for p in analysis.cast[1:] if m.end() <= p.pos <= m.end() + 30), None)
        if loved is not None and (loved.species or loved.breed) and not loved.relation and loved.of is None \
                and not set(loved.traits) & _YOUNG and not any(w in " ".join(loved.words).lower()
                                                               for w in ("kitten", "puppy", "baby")):
            return m.group(0).strip()
    return None


def _hero_does(analysis: Analysis, word: str, unnamed: bool = False) -> bool:
    """The premise's clause that says ``word`` tells the hero doing it (not done to it, not another's deed);
    a word no clause holds whole counts as the hero's, and (``unnamed``) one a clause of no doer read says
    (保安大黄狗追上了…: the hero's chase)."""
    told = [c for c in clauses(analysis) if _has(word, c.text)]
    doers = {analysis.cast[0].key, None} if unnamed else {analysis.cast[0].key}
    return not told or any(c.actor in doers and not c.passive for c in told)


def _of_hero_side_with(analysis: Analysis, trait: str) -> bool:
    """A pet of the hero's side has ``trait`` ("an old dog", 老柴犬): a kind of story told of such a pet."""
    return any(trait in p.traits for p in analysis.cast if p.side == "hero")


def _events(analysis: Analysis) -> set[str]:
    return {*analysis.wrongs, *analysis.goals, *analysis.outcomes}


def striving(analysis: Analysis, own: dict[str, Any] | None = None) -> bool:
    """The premise says its hero strives: work, study, training, saving, a contest, a business, a dream
    (beyond what its kind ``own`` is: a match is a contest, and no striving of itself)."""
    s = kinds_data()["striving"]
    own = own or {}
    events = set(s["events"]) - set(own.get("own_events", ()))
    mine = {*own.get("own_words", {}).get("en", ()), *own.get("own_words", {}).get("zh", ())}
    words = [w for w in (*s["words"]["en"], *s["words"]["zh"]) if w not in mine]
    if _events(analysis) & events or analysis.dream:
        return True
    said = [w for w in words if _has(w, analysis.premise)]
    return bool(said) and any(_has(w, _thingless(analysis)) for w in said)  # a thing's word said only: no striving


def _thingless(analysis: Analysis) -> str:
    """The premise less the things its clauses ask for whose words say a doing ("steps on his toy train": no
    training); "food truck" or "noodle shop" stays: its trade may be the striving."""
    premise = analysis.premise
    for n in (n for c in clauses(analysis) for n in c.asked
              if n.section == "props" and " " in n.wanted and lexicon().find(n.wanted, ["actions"])):
        premise = re.sub(re.escape(n.wanted), " ", premise, flags=re.IGNORECASE)
    return premise


_OWNED = {"his", "her", "their", "its", "my", "your", "our"}  # "lost her mother": a loss, not a lost pet


def lost_one(analysis: Analysis) -> Person | None:
    """The pet a lost word right before its mention describes (kinds.json ``lost_before``: "a lost kitten",
    "a missing little puppy", 迷路的小橘猫), or None."""
    lost = kinds_data()["lost_before"]
    for p in analysis.cast:
        said = analysis.premise.rfind(p.words[0], 0, p.pos + len(p.words[0])) if p.words else -1
        before = analysis.premise[:said if 0 <= said <= p.pos else p.pos]  # 迷路的 before 小柯基, not 小
        if any(before.endswith(w) for w in lost["zh"]):
            return p
        m = re.search(r"(?<![A-Za-z])(?:" + "|".join(map(re.escape, lost["en"])) + r")\s+(?:([A-Za-z-]+)\s+)?$", before,
                      re.IGNORECASE)
        if m and (m.group(1) or "").lower() not in _OWNED:
            return p
    return None


def _kin_helped(kind: dict[str, Any], analysis: Analysis, events: set[str]) -> str | None:
    """The word of ``kind``'s help (kinds.json ``helped``) the premise says of a relative ("helps his old grandpa
    across the road", 扶着奶奶过马路) where those who mocked the helper come to an end of it ("the fox who laughed
    at him ends up ashamed"): the family's story, its mocking only recalled; else None."""
    if "helped" not in kind or "mock" not in events:
        return None
    return _said_with(kind["helped"], kind.get("with"), analysis.premise)


def mishap_moves_on(analysis: Analysis) -> bool:
    """The premise tells a thing dropped, spilt or knocked over by mishap ("drops a cake on a rich poodle", 把蛋糕打翻了)
    and what comes of it beyond (kinds.json ``mishap``: fired, mocked, a show won): the party or wedding it happens
    at is only where it starts."""
    after = set(kinds_data()["mishap"]["after_events"])
    return spilt_thing(analysis.premise) is not None and bool(_events(analysis) & after)


def mishap_titles(analysis: Analysis, lang: str) -> list[str]:
    """Titles named by the premise's mishap where it moves on (``mishap_moves_on``): the thing dropped or spilt
    ("The Cake Disaster", 蛋糕事件之后), and the TV where the premise wins or sings on a show on TV ("From Cake
    Disaster to TV Star"); ``{hero}`` left to fill. Empty where the premise tells no such mishap."""
    thing = spilt_thing(analysis.premise, contents=True)
    if thing is None or not mishap_moves_on(analysis) or bool(_HAN.search(thing)) != (lang == "zh"):
        return []
    titles = kinds_data()["mishap"]["titles"]
    on_tv = any(h.key == "tv_studio" for h in lexicon().find(analysis.premise, ["places"]))
    named = thing if lang == "zh" else thing.title()
    return [t.replace("{thing}", named) for t in (*titles[lang], *(titles[f"tv_{lang}"] if on_tv else ()))]


@per_analysis
def story_kind(analysis: Analysis) -> Kind:
    """The first kinds.json kind whose words the premise says (and none of its unless words or events);
    else a striving story when the premise strives or an underdog is wronged, else a calm one. The lost
    one (``lost_one``) chooses too: the hero lost is a lost pet's story whatever its verbs; another pet
    lost, the hero's helping story (the hero is never told as the lost one)."""
    events = _events(analysis)
    lost, rule = lost_one(analysis), kinds_data()["lost_before"]
    forced = None if lost is None else rule["hero_kind"] if lost is analysis.hero else rule["other_kind"]
    for k in kinds_data()["kinds"]:
        if lost is not None and lost is not analysis.hero and k["id"] == rule["hero_kind"]:
            continue  # "救了一只迷路的小猫", "guides a lost kitten home": the hero is not the lost one
        helped = _kin_helped(k, analysis, events)
        carries = CARRIES_OWN.search(analysis.premise) if k.get("carried") else None
        if k.get("carried") and not carried_on_back(analysis.premise) and carries is None and helped is None:
            continue  # "lies on his back", 背着主人偷吃: no one carried
        ill = _ill_hero(k, analysis)  # "a sick kitten…": the hero's own state, whoever does the clause
        said = _said(k, analysis.premise) or _partner_wrong(k, analysis) or ill or helped or (
            carries.group(0) if carries else None) or (  # "carries his sick grandma to the hospital"
            loves_pet(analysis) if k.get("lovers") else None)  # "a beagle loves a siamese": a romance
        setting = k.get("setting_words", {})  # a wedding is a romance's, unless the hero is mocked there
        if said is None and k["id"] != forced:
            said = None if events & set(setting.get("unless_events", ())) or (
                setting.get("unless_mishap") and mishap_moves_on(analysis)) else next(
                (w for w in (*setting.get("en", ()), *setting.get("zh", ())) if _has(w, analysis.premise)), None)
            if said is None:
                continue
        elif k.get("setting_of_mishap") and mishap_moves_on(analysis):
            continue  # "drops a cake on a poodle at her birthday party, gets fired, then wins a baking show": no party
        ignored = set(rule["other_ignores"]) if k["id"] == forced and lost is not analysis.hero else set()
        done = _said_with(k["with"], None, analysis.premise) if k.get("doer_of") == "with" else said
        if k.get("unmet") and not unmet(analysis.premise, (*k["words"]["en"], *k["words"]["zh"])):
            continue  # "fails the exam but passes the next year": the exam's story, its failure the setback
        if k.get("doer") == "hero" and not ill and not _hero_does(analysis, done or "", "doer_of" in k):
            continue  # "a cat's roommate lies about her": no misdeed of the hero's
        if k.get("doer") == "not_hero" and (len(analysis.cast) < 2 or _hero_does(analysis, said or "")):
            continue  # "a kitten's roommate breaks his favourite toy": another's deed, the hero's loss
        if any(says_kind(analysis.premise, other) for other in k.get("yields_to", ())):
            continue  # "loses his ship in a storm but finds treasure": the voyage's storm, no disaster to rebuild after
        if rescue_from(analysis.premise) and any(says_kind(analysis.premise, o) for o in k.get("yields_to_danger", ())):
            continue  # "a husky saves a baby from a fire": a rescue from the danger it names, no new baby at home
        if k.get("trait") and not _of_hero_side_with(analysis, str(k["trait"])):
            continue  # "an old dog is thrown out by his family": an old pet cast out, not any pet thrown out
        if k.get("pair") and len(analysis.cast) < 2 and analysis.cast[0].alike < 2:
            continue  # a falling-out needs two: "my dog gets angry at the mailman" is no quarrel of a household
        if k.get("mischief_doer") == "hero" and said is not None and said == _mischief_said(k, analysis.premise) \
                and said not in (*k["words"]["en"], *k["words"]["zh"]) and not _hero_does(analysis, said):
            continue  # "his roommate eats his fish": another's deed, the hero's loss, never the hero's sorry
        if k.get("doer") == "other" and analysis.cast[0].does_wrong:
            continue  # "a hungry cat steals a fish and gets caught": the hero's own theft is a misdeed
        if k.get("no_rival") and analysis.wrongdoer:
            continue  # "a cat cheats in the exam": the hero's own wrong, not one done to the hero
        own = (*k.get("hero_words", {}).get("zh", ()),) if ill else ()
        lifted = set(k["unless"].get("but_danger", ())) if rescue_from(analysis.premise) else set()
        if (events - ignored) & set(k["unless_events"]) or any(  # "saved by": a rescue where a danger is named
                _has(w, _unhonoured(k, analysis.premise)) for w in (*k["unless"]["en"], *k["unless"]["zh"])
                if w not in {*own, *lifted}):
            continue  # (生病的小兔子…: the hero's own illness, no other's care)
        return Kind(k["id"], k["arc"], striving(analysis, k) and not k.get("never_striving"), (*k.get("opening", {}).get("en", ()), *k.get("opening", {}).get("zh", ())),
                    bool(k.get("open_ending")), bool(k.get("feelings_of_hero")), frozenset(k.get("turn_events", ())),
                    _hurt_words(k), bool(k.get("at_home")), bool(k.get("hurt_any")),
                    (*k.get("closing", k["words"] if k.get("unmet") else {}).get("en", ()),  # a failed try's
                     *k.get("closing", k["words"] if k.get("unmet") else {}).get("zh", ())),  # words: how it ends
                    bool(k.get("ill_setback")),
                    str(k.get("company", "")), bool(k.get("pair")), bool(k.get("ends_last")),
                    bool(k.get("home_goal")), bool(k.get("lovers")),
                    (*k.get("returning", {}).get("en", ()), *k.get("returning", {}).get("zh", ())),
                    bool(k.get("told_deeds")))
    strives = striving(analysis)
    underdog = bool(events & set(kinds_data()["striving"]["underdog_events"]))
    if strives or underdog:
        return Kind("striving", None, True)
    return Kind("calm", kinds_data()["calm"]["arc"], False, open_ending=True)


STRIVING = Kind("striving", None, True)  # spine.json's pools as they are
CALM = Kind("calm", None, False)  # the calm pools, a story of no striving's
