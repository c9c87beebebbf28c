"""The words premise reading stands on, English and Chinese. Pure.

The closed-class words (joining words, articles, pronouns, "is", "by"/"被", stop words), the doers
outside any cast (``story/data/clauses.json``), and the token helpers every part of clause reading
shares: a token's surface in the premise, a span of the premise's words, the keys of vocabulary
hits, an English possessive, a word that reads as a verb.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from story.datafiles import read_json
from story.lexicon import Hit, Tokens, lexicon

# words that start a new clause (the word itself is the clause's lead, not part of its event)
JOIN_EN = ("and then", "but then", "and finally", "after that", "and", "then", "but", "until", "who", "so",
           "finally", "while", "before", "later", "eventually")
JOIN_ZH = ("然后", "最后", "结果", "却", "于是", "后来", "终于", "直到", "接着", "但是", "但", "可是", "并且")
PUNCT = re.compile(r"[,.;!?，。；！？、:：]")
DET = {"a", "an", "the", "her", "his", "their", "its", "one", "two", "three", "four", "five", "several", "some",
       "this", "that", "my", "一只", "一条", "一个", "一位", "只", "条", "个", "位", "那只", "这只"}
PRONOUN_SUBJECT = {"he", "she", "they", "it", "他", "她", "它", "他们", "她们"}
POSSESSIVE = {"his", "her", "their", "its"}
GROUP_WHO = {"those", "everyone", "everybody", "anyone", "all", "ones"}  # "those who mocked him": the many who did it
PRONOUN_OBJECT = {"him", "her", "它", "他", "她"}
BE = {"is", "are", "was", "were", "gets", "get", "got", "becomes"}
BY = {"by", "被", "遭", "让"}
NAMING_ZH = {"叫", "名叫", "叫做", "名字叫", "取名"}
STOP = frozenset("""a an the and or but of to in on at by for with from into onto over under after before then so
that this these those his her their its he she they it is are was were be been being has have had do does did who
whom which what when where while as than too very just only also still every each one two three some any all no
not up down out off again once about against between through during until him them our your my me us we you i can
could will would shall should may might must get gets got make makes made finally later eventually soon one day
hard own owns owned back away all way always never even really big small tiny little new old best first last next whole
really quite time times day days night nights year years life everything everyone something nothing anything
lot lots more most much many week weeks month months morning evening afternoon hour hours minute across along
around behind beside near toward towards inside outside past upon without within beyond viral overnight suddenly
instantly alone role chance part idea heart four five six seven eight nine ten eleven twelve fifteen twenty thirty
fifty hundred thousand dozen several few job jobs""".split())  # "after ten years": a number is no thing to draw; "two jobs": no thing
THING_SECTIONS = {"props", "places"}
PERSON_SECTIONS = {"breeds", "species", "relations"}


@cache
def clause_data() -> dict[str, Any]:
    data: dict[str, Any] = read_json("clauses.json")
    return data


def aside_zh(text: str, first: bool) -> bool:
    """A Chinese fragment that is only the typist's comment on the story (泪目, 太可爱了吧, 哈哈哈), or, when it opens
    the premise (``first``), the story's tag (校园霸凌, 打脸: ``clauses.json``'s ``asides_zh``): no deed of its own.
    A tag said later is a deed (被嘲笑，后来逆袭)."""
    said = re.sub(r"[\s,，]+", "", text)
    asides = clause_data()["asides_zh"]
    return any(w in asides["comments"] or first and w in asides["tags"] for w in (said, said.rstrip("啊呀吧哦呢啦"))) \
        or re.fullmatch(r"(?:哈|呜|嘿|啊)+", said) is not None


def describes_thing(head: Hit, hits: list[Hit]) -> bool:
    """A species or breed word that only describes the contest or prize right after it ("the bravest dog
    award", 猫咪选美比赛: ``clauses.json``'s ``describing_pet``), never a pet of the cast."""
    keys = clause_data()["describing_pet"]
    return head.section in {"species", "breeds"} and any(
        o.start == head.end and o.section in THING_SECTIONS and o.key in keys and not verb_like(o.surface, False)
        for o in hits)  # "the cat café", never "the cat shops"


def for_pets_at(head: Hit, tokens: Tokens, text: str) -> bool:
    """The species word at ``head`` begins the name of a place or thing for pets ("a cat cafe", 猫咖, "dog food":
    ``clauses.json``'s ``for_pets``), never a pet of the cast; ``text`` is what ``tokens`` were read from."""
    said = clause_data()["for_pets"]
    if tokens.chinese:
        at = text[tokens.offsets[head.start]:]
        return any(at.startswith(w) for w in said["zh"])
    return head.section == "species" and any(
        " ".join(tokens.words[head.start:head.start + len(w.split())]) == w for w in said["en"])


def outsider_entry(words: str) -> dict[str, Any] | None:
    """The ``clauses.json`` outsider a clause's doer is ("a wedding party", "全城的人"), if any."""
    said = words.lower().strip()
    lows = [re.sub(r"^(?:a|an|the|all|some|her|his|their)\s+", "", said),  # "all the fans", "the whole audience"
            re.sub(r"^(?:(?:a|an|the|all|some|her|his|their|whole|entire)\s+)+", "", said)]
    for low in dict.fromkeys(lows):
        for entry in clause_data()["outsiders"]:
            for w in (*entry["en"], *entry["zh"]):
                bare = re.sub(r"^the\s+", "", w)
                if low == bare or low == w or (re.search(r"[\u3400-\u9fff]", w) and low.startswith(w)):
                    return dict(entry)
    return None


def role_noun_zh(word: str) -> bool:
    """A Chinese job word that names the one who does the work (外卖员, 学生, 护士), not the work, its place or
    its field (送外卖, 考试, 上学: ``clauses.json``'s ``deeds_zh``): only such a word stands beside a pet as
    its role (柯基护士), so a name may follow it."""
    return word not in clause_data()["deeds_zh"]


NP_WORDS = {"whole", "entire", "big", "old", "little", "new", "tiny", "small", "local", "young"}
GENDER = {"he": "m", "his": "m", "him": "m", "she": "f", "her": "f", "hers": "f", "他": "m", "她": "f"}


def verb_form(phrase: str) -> bool:
    """"delivers food", "bakes", "cleaned": a phrase that starts with a verb form, not a noun ("boss")."""
    first = phrase.split()[0] if phrase.split() else ""
    return (first.endswith("s") and not first.endswith("ss")) or first.endswith(("ed", "ing"))


def owns(premise: str, tokens: Tokens, i: int) -> bool:
    """The English word at ``i`` is followed by ``'s``, or is a plural followed by its apostrophe ("the neighbors'
    fish")."""
    if tokens.chinese or i < 0:
        return False
    after = premise[tokens.offsets[i] + len(tokens.words[i]):]
    return after[:2] in {"'s", "’s"} or tokens.words[i].endswith("s") and re.match(r"['’](?![a-z])", after) is not None


def lex_words(hit: Hit) -> list[str]:
    """The vocabulary entry's own English words for a hit (not their inflections)."""
    return list(lexicon().entry(hit.section, hit.key).get("en", []))


COMING_EN = frozenset("""comes come came walks walked shows showed turns turned returns returned arrives arrived
visits visited begs begged asks asked applies applied knocks knocked wanders wandered stops stopped steps stepped
needs needed wants wanted tries tried ends ended becomes became orders ordered buys bought boards boarded eats ate
queues queued sits sat calls called""".split())  # "the fox who mocked her
# comes to eat there": the main verb after a relative clause's object pronoun
_NOT_VERBS = {"always", "sometimes", "perhaps", "afterwards", "towards", "nowadays", "meanwhile", "thus", "yes"}


# a verb's own past, no -ed ("but the agency said no", "the kitchen caught fire"): said after a doer outside the cast
# it is that doer's verb, and never a thing to draw
PAST_EN = frozenset("""said told caught took gave made came went ran saw left fell broke found got sold lost won shut
burnt forgot kept threw bit stole ate sent brought bought thought knew felt heard became began""".split())


def verb_like(word: str, chinese: bool) -> bool:
    """An English word that reads as the clause's verb ("rescues an old cat", "carried a kitten"): the
    person after it is its object, not the clause's subject."""
    if chinese or word in _NOT_VERBS or word in DET:
        return False
    return bool(re.fullmatch(r"[a-z]{2,}(?:[^su']s|ies|ed)", word))


def surface(premise: str, tokens: Tokens, i: int) -> str:
    return premise[tokens.offsets[i]:tokens.offsets[i] + len(tokens.words[i])]


def span_text(premise: str, tokens: Tokens, start: int, end: int) -> str:
    """The premise's words from token ``start`` to ``end`` (commas kept, symbols and emoji left out)."""
    raw = premise[tokens.offsets[start]:tokens.offsets[end - 1] + len(tokens.words[end - 1])]
    return " ".join(re.sub(r"[^\w\s,'’\-\u3400-\u9fff]", " ", raw).split())


# a word denied by what comes right before it ("never forgives him", "won't forgive", 不肯原谅): not what happens
NEGATED = re.compile(r"(?:\b(?:never|not|no longer|doesn't|does not|don't|won't|didn't|can't|cannot|refuses to)"
                      r"(?:\s+\w+)?\s+|(?:不|没|没有|从不|从没|不肯)\s*)$", re.IGNORECASE)

def keys_of(hits: list[Hit], section: str, start: int) -> tuple[str, ...]:
    return tuple(dict.fromkeys(h.key for h in hits if h.section == section and h.start >= start))


_DESCRIBING_JOINS = {"and", "very", "so", "quite", "all", "completely", "totally", "entirely", "pure", "jet"}


_COAT_ZH = re.compile(r"\s*[，,]?\s*(?:它的|它)?(?:毛色|毛发|毛|全身|浑身|一身)(?:都|却|竟然|居然)?(?:是|长着)?(?:纯|全)?"
                      r"([\u4e00-\u9fff]{1,2}?)色(?:的)?")


def coat_said_zh(after: str, whole: bool = False) -> str | None:
    """The colour a Chinese premise gives a pet's coat in the fragment right after it (一只金毛，毛是黑色的;
    柯基，浑身雪白色): a lexicon colour key, or None; ``whole``: only when that is all ``after`` says."""
    m = _COAT_ZH.fullmatch(after.strip()) if whole else _COAT_ZH.match(after)
    if m is None:
        return None
    colours = lexicon().data["colours"]
    return next((k for k, e in colours.items() if m.group(1) in e["zh"] or f"{m.group(1)}色" in e["zh"]), None)


def described_after(start: int, tokens: Tokens, hits: list[Hit], stops: set[int] | None = None) -> tuple[int, list[Hit]]:
    """The colours and traits an English premise says of a pet right after it ("a dog, black and tiny, is
    teased", "a cat, white and fluffy, collects bottles"): where they end and the colour and trait hits
    among them; ``(start, [])`` when the words from ``start`` up to the first of ``stops`` (token indices:
    a comma, a fragment's end; else the premise's end) are anything else (a verb, a thing, a place)."""
    if tokens.chinese:
        return start, []
    said = {h.start: h for h in hits if h.section in {"colours", "traits"}}
    other = {i for h in hits if h.section not in {"colours", "traits"} for i in range(h.start, h.end)}
    words, j, found = tokens.words, start, []
    while j < len(words) and (j == start or j not in (stops or set())):
        if j in said:
            found.append(said[j])
            j = said[j].end
        elif words[j] in _DESCRIBING_JOINS or (found and j not in other and not verb_like(words[j], False)
                                              and words[j] not in DET and words[j - 1] == "and"):
            j += 1  # "white and fluffy": the word after "and" describes too
        else:
            break
    ends = j >= len(words) or j in (stops or set())
    return (j, found) if found and ends else (start, [])
