"""The jobs of a premise (pure): the role named with a pet ("a pomeranian nurse", "the husky fisherman",
"a cat who works as a magician", 柯基护士, 布偶猫老师), in the vocabulary or drawn as its nearest job
(``story.nearest``); the role just before a pet ("the police dog", 警察狗); and the hero's job now and
the one it dreams of (``hero_jobs``)."""

from __future__ import annotations

import re
from dataclasses import replace

from story.analysis import BY, Analysis, Person
from story.clausewords import STOP, role_noun_zh
from story.lexicon import Hit, Tokens, dreamed_thing_at, lexicon
from story.spinedata import spine_data

_GOAL_WORDS = {"become", "dream", "run_for", "build", "compete", "explore"}

_WORKS_AS_ZH = {"当", "做", "干"}  # 当厨师, 去做厨师: to work as the role said next
_FOR_ZH = {"给", "为", "帮", "替"}  # 给小猫做饭: the pet after them is the one a deed is done for
# the words before a bare "shop" that leave it a shop anyone keeps ("opens a little shop": its clerk's job); any
# other word names the shop's trade ("a flower shop", "a pet shop"), which is no clerk's job
_PLAIN_SHOP = {"a", "an", "the", "his", "her", "their", "its", "my", "our", "your", "own", "little", "small", "tiny",
               "corner", "local", "big", "new", "old", "same", "family", "one", "this", "that", "at", "in", "to"}
_ROLE_END = ("er", "or", "ist", "ian", "man", "woman", "ess", "ant", "eon", "ic")
_WORKS_AS = {"works as", "worked as", "working as", "is", "was"}
_NOT_ROLE = {"her", "his", "their", "its", "after", "over", "under", "never", "ever", "other", "another", "either",
             "neither", "rather", "together", "whether", "better", "later", "water", "winter", "summer", "dinner",
             "corner", "river", "tower", "flower", "paper", "letter", "weather", "monster", "sister", "brother",
             "mother", "father", "daughter", "owner", "neighbour", "neighbor", "stranger", "partner", "traffic",
             "magic", "music", "panic", "picnic", "for", "door", "floor", "colour", "color", "an", "man", "woman"}


def role_before(hits: list[Hit], words: tuple[str, ...], j: int, chinese: bool) -> tuple[str | None, str] | None:
    """The role named at word ``j`` just before a pet ("the police dog", "a poor photographer cat", 警察狗): its
    lexicon job and the premise's words; a job word that is also a place ("a farm dog") names no role (None,
    ""); None when word ``j`` is no role."""
    from story.nearest import nearest

    job = next((m for m in hits if m.start <= j < m.end and m.section == "jobs"), None)
    if job is not None:
        place = lexicon().find(job.surface)
        if any(p.section == "places" for p in place):
            return None, ""
        return job.key, job.surface if not chinese or role_noun_zh(job.surface) else ""  # 消防猫: the field, no role word
    word = words[j]
    if not word or (not chinese and (not word.isalpha() or word in _NOT_ROLE)) or any(
            m.start <= j < m.end for m in hits):
        return None
    near = nearest(word, "jobs", "zh" if chinese else "en")
    return (near.used, word) if near is not None and len(word) > 1 else None


def _role_word(word: str) -> bool:
    """An English noun that reads as a role (magician, fisherman, librarian) or a known nearest job."""
    from story.nearest import nearest  # the nearest table imports the lexicon only

    if not word.isalpha() or word in _NOT_ROLE or len(word) < 4:
        return False
    return word.endswith(_ROLE_END) or nearest(word, "jobs", "en") is not None


def attach_job(person: Person, hits: list[Hit], tokens: Tokens) -> None:
    """The role named with ``person``: a vocabulary job right after its head or inside its mention
    ("a quiet intern dog", 柯基护士), after "who works as a", or an unknown role noun right after
    the head ("the husky fisherman", "a black cat mail carrier"), drawn as its nearest job."""
    from story.nearest import nearest

    words = tokens.words
    at = person.end
    if tokens.chinese and any(w in _FOR_ZH for w in words[max(0, person.start - 3):person.start]):
        return  # 给全城的猫做衣服: the ones it is done for, never the doer of the work said after them
    if tokens.chinese:  # 狸花猫当厨师, 橘猫去当保安, 布偶猫做裁缝: the pet works as the role said after it
        said = words[at:at + 2]
        step = 2 if said[:1] and said[0] in {"去", "来"} and said[1:] and said[1] in _WORKS_AS_ZH else 1
        at += step if said and said[step - 1] in _WORKS_AS_ZH else 0
    if not tokens.chinese:
        for n in (4, 3, 2):  # "who works as a magician", "is a nurse"
            said = words[at:at + n]
            if len(said) == n and said[-1] in {"a", "an"} and " ".join(said[:-1]).removeprefix("who ") in _WORKS_AS:
                at += n
                break
    job = next((h for h in hits if h.section == "jobs" and (h.start == at or person.start <= h.start < person.end)
                and not _verb_like(h.surface, tokens) and not trade_shop(h, tokens)
                and not (h.start == at and at and verb_of_many(words[at - 1], h.surface, tokens.chinese))), None)
    if job is not None:  # 小猫考试作弊, 送小猫上学, 金毛竞选市长: the pet's, said by what it does, no role word
        pet = any(h.section in {"breeds", "species"} and (h.start, h.end) == (job.start, job.end) for h in hits)
        person.job, person.job_words = job.key, job.surface if not tokens.chinese or role_noun_zh(job.surface) \
            and not pet else ""  # 警犬, 救援犬: the pet's own word says its job, said once
        return
    if tokens.chinese and at < len(words) and not any(h.start <= at < h.end for h in hits):
        near = nearest(words[at], "jobs", "zh")  # 布偶猫老师: a role the vocabulary does not know
        if near is not None:
            person.job, person.job_words = near.used, words[at]
        return
    if tokens.chinese or at >= len(words) or any(h.start <= at < h.end for h in hits):
        return
    # up to two unknown words ending in a role ("mail carrier", "fisherman")
    for n in (2, 1):
        span = words[at:at + n]
        if len(span) < n or any(any(h.start <= at + k < h.end for h in hits) for k in range(n)):
            continue
        if not _role_word(span[-1]) or any(w in _NOT_ROLE or not w.isalpha() for w in span):
            continue
        if n == 2 and (span[0].endswith(("s", "ed", "ing", "ly")) or nearest(" ".join(span), "jobs", "en") is None
                       and not _role_word(span[0]) and span[0] in {"and", "or", "who", "is", "was"}):
            continue
        phrase = " ".join(span)
        near = nearest(phrase, "jobs", "en") or nearest(span[-1], "jobs", "en")
        person.job, person.job_words = (near.used if near else None), phrase
        return


def trade_shop(job: Hit, tokens: Tokens) -> bool:
    """The clerk's bare "shop" word after the word of its trade ("opens a flower shop", "a pet shop", "the toy
    store"): the shop of that trade, no shop clerk's job."""
    if tokens.chinese or job.key != "shop_clerk" or job.surface not in {"shop", "store", "shops", "stores"}:
        return False
    before = tokens.words[job.start - 1] if job.start else ""
    return before.replace("'", "").isalpha() and before not in _PLAIN_SHOP


def verb_of_many(head: str, word: str, chinese: bool) -> bool:
    """A job word in the singular right after pets in the plural is their verb ("two cats cook dinner"),
    not their job ("two cat cooks", "a cat cook")."""
    return not chinese and head.endswith("s") and not head.endswith("ss") and not word.endswith("s")


def _verb_like(surface: str, tokens: Tokens) -> bool:
    """"delivers food", "sells", "bakes": a doing, not a role named with a pet."""
    if tokens.chinese:
        return False
    first = surface.split()[0] if surface.split() else ""
    return (first.endswith("s") and not first.endswith("ss")) or first.endswith(("ed", "ing"))


def _out_of_en(words: tuple[str, ...], start: int) -> bool:
    """The place a job word at ``start`` names is one a pet is sent out of ("chased out of the bakery")."""
    k = start - 1 if start and words[start - 1] in {"the", "a", "an"} else start
    return k >= 2 and words[k - 2:k] == ("out", "of")


def hero_jobs(hits: list[Hit], tokens: Tokens, people: list[Person] | None = None) -> tuple[str | None, str | None]:
    """The hero's job now and the one it dreams of (after become/wants to be/runs for …). A job
    named with another pet is not taken here; ``story.premise.analyse`` settles the hero's own role."""
    job = dream = None
    goal_ends = [h.end for h in hits if h.section == "events" and h.key in _GOAL_WORDS]
    asked = _asked_jobs(hits, tokens)
    for h in hits:
        if h.section != "jobs" or trade_shop(h, tokens) or h.key in asked:
            continue  # 流浪猫来找老鞋匠修鞋: the cobbler is the one asked, no job of the hero's
        if _by_whom(h, hits, tokens):
            continue  # "adopted by a kind baker", "pulled out of the river by a kind old farmer", 被好心的面包师收养:
            # who does it, not the hero's job
        if tokens.chinese and _owners_trade(h, hits, tokens):
            continue  # 花店老板娘小美收养了小狗, 面包店的老板娘: the shop is that boss's, no job of the hero's
        if _only_the_place(h, hits, tokens) or _anothers_place(h, hits, tokens, people or []):
            continue  # 流浪狗在菜市场捡到钱包, "waits at the market": where it is, no vendor's job
        if tokens.chinese and "".join(tokens.words[max(0, h.start - 2):h.start]).removesuffix("了").endswith(_OUT_OF_ZH):
            continue  # 让它滚出公司, 被赶出了公司: the company it is thrown out of, no founder's job
        if not tokens.chinese and _out_of_en(tokens.words, h.start):
            continue  # "is chased out of the bakery", "kicked out of a cafe": the place it is sent from, no baker's job
        if any(x.section == "events" and x.key == "compete" and x.start == h.end for x in hits):
            continue  # 参加厨艺比赛, "wins a cooking contest": what the contest is, the hero one of its contestants
        if tokens.words[h.end:h.end + 1] and tokens.words[h.end].lower() in _OBJECT_PRONOUNS:
            continue  # "the white cat nurses him back to health": a deed done to someone, no nurse's job
        if sung_to_own(h, hits, tokens):
            continue  # "mom sings a lullaby to her kittens", 猫妈妈给小猫唱歌: a song for its own, no singer's job
        if _doer_of_its_own(_one_role(h, hits), hits, tokens):
            continue  # "an old fisherman finds a shivering puppy", 快递员救了小猫: the one who does it, no job of the pet's
        aimed = (any(0 <= h.start - end <= 4 for end in goal_ends) and not dreamed_thing_at(tokens, h.start)) \
            or h.surface.startswith(("runs for", "run for"))  # 梦想的学校, "dream school": the school, no career
        if h.surface in _TITLES and not aimed or _done_to(h, hits, tokens) and not aimed:
            continue  # "saves the mayor", "the mayor's son", 帮总统找到小猫: a deed done to the one who holds it
        if (h.key == "mayor" or aimed) and h.key != job:
            dream = dream or h.key
        elif job is None and h.key != dream:  # "dreams of being a ballet dancer … wins the ballet contest": the
            job = h.key  # dream named again, no job of the hero's now
    return job, dream


# a title one pet holds, said bare ("the mayor", 总统): the one who holds it, a person of the story; the hero's goal
# only after a goal's words ("wants to be president", "becomes mayor", 当上了市长) or in the race's own words
# ("runs for mayor", "the election", 竞选)
_TITLES = frozenset({"mayor", "president", "politician", "市长", "总统"})
_OUT_OF_ZH = ("滚出", "赶出", "踢出", "逐出", "离开")  # 滚出(了)公司: the place one leaves or is thrown out of
_OBJECT_PRONOUNS = frozenset({"him", "her", "it", "them", "me", "us"})  # after a verb, never after a job
_PETS = frozenset({"breeds", "species"})
_ROLE_LEAD = frozenset({"a", "an", "the", "old", "kind", "young", "poor", "rich", "lonely", "local"})


_CLAUSE_EN = frozenset({"and", "but", "then", "while", "when", "so", "until", "because", "where", "after", "before",
                        "once", "now"})  # a clause of its own starts after them ("…, and the fishermen feed her")
_LEAD_ZH = frozenset({"一位", "一个", "一名", "一群", "那个", "这个", "那位", "这位", "位", "个", "名", "群", "老", "好心",
                      "好心的", "善良", "善良的", "年轻", "年轻的", "的", "两个", "几个", "几位", "路过", "路过的"})
_STOPS_ZH = frozenset("，。；！？、,;!?：:")
_AFTER_DOER = frozenset({"is", "was", "has", "who", "and", "or", "of", "to", "in", "at", "on", "with", "from", "for"})
_BECOMING = frozenset({"is", "was", "be", "been", "being", "become", "becomes", "became", "becoming", "as", "are",
                       "were", "am", "join", "joins", "joined", "joining", "he", "she", "it", "they", "who", "that",
                       "you", "we", "i"})  # "becomes the mayor", "joins the police", "he's the founder" (he 's)
_PERSON_END = ("er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "man", "men", "woman", "women", "ess", "nt",
               "nts", "eon", "eons")
_PERSON_WORDS = frozenset({"vet", "vets", "chef", "chefs", "cook", "cooks", "nurse", "nurses", "guard", "guards",
                           "cop", "cops", "police", "medic", "medics", "judge", "coach", "pilot", "pilots", "clerk",
                           "clerks", "maid", "nanny", "mayor", "boss", "chief", "captain", "monk", "priest"})
_NOT_PERSON = frozenset({"soccer", "computer", "poker", "paper", "theater", "theatre", "center", "centre", "tower",
                         "water", "corner", "supermarket", "restaurant", "tournament", "apartment", "department"})
# the words of a verb or of to/for/with between a Chinese job word and a pet: the job's one does something to the pet
_DEED_ZH = frozenset({"在", "给", "帮", "把", "和", "跟", "对", "向", "为", "替", "救", "带", "送", "喂", "捡", "收养",
                      "看", "找", "被", "让", "抱", "追", "赶", "领", "养", "发现", "遇到", "遇见", "看到", "见到"})


_LULLABY = re.compile(r"^(?:a |the )?lullab(?:y|ies)\b|^(?:a )?(?:song|songs|lullaby) to (?:his|her|their|its|my)\b"
                      r"|^to (?:his|her|their|its|my)\b")  # what a song said after "sings" is sung to


def sung_to_own(job: Hit, hits: list[Hit], tokens: Tokens) -> bool:
    """A singing word said of a song for its own ("sings a lullaby to her kittens", "sings to her puppies", 给小猫唱歌,
    给宝宝唱摇篮曲): a family's song at home, no singer's job."""
    if job.key != "pop_star":
        return False
    if not tokens.chinese:
        after = " ".join(tokens.words[job.end:job.end + 5]).lower()
        return job.surface.lower() in {"sings", "singing", "sing", "sang"} and bool(_LULLABY.search(after))
    before = [x for x in hits if x.end <= job.start and x.section in {"species", "breeds", "relations"}]
    return bool(before) and tokens.words[before[-1].start - 1:before[-1].start] == ("给",) \
        and before[-1].end >= job.start - 1


def _person_word(surface: str) -> bool:
    """An English job word that names a person ("the doctor", "fishermen", "the security guard"), not a doing or a
    thing of the job ("the race", "the exam", "the startup", "the election")."""
    last = surface.lower().split()[-1] if surface.split() else ""
    return last not in _NOT_PERSON and last not in _NOT_ROLE and (last in _PERSON_WORDS or last.endswith(_PERSON_END))


def _next_to_a_pet(job: Hit, hits: list[Hit], tokens: Tokens) -> bool:
    """A job word right before or after a pet, or inside its words ("a corgi fisherman", "a fisherman dog", 警犬;
    in Chinese with only the pet's looks or title between: 保安大黄狗, 保洁阿姨猫, 擦窗户的橘猫)."""
    if any(h.section in _PETS and (h.end == job.start or h.start == job.end or h.start <= job.start < h.end)
           for h in hits):
        return True
    if not tokens.chinese:
        return False
    pet = min((h.start for h in hits if h.section in _PETS and h.start > job.end), default=None)
    deeds = {k for h in hits if h.section in {"events", "actions"} for k in range(h.start, h.end)}
    return pet is not None and pet - job.end <= 3 and not any(
        tokens.words[k] in _DEED_ZH or tokens.words[k] in _STOPS_ZH or k in deeds for k in range(job.end, pet))


def _a_place(job: Hit, hits: list[Hit]) -> bool:
    return any(h.section == "places" and (h.start, h.end) == (job.start, job.end) for h in hits)


def _by_whom(job: Hit, hits: list[Hit], tokens: Tokens) -> bool:
    """A job said as the doer after by/被 ("adopted by a kind baker", "is pulled out of a flooded river by a kind old
    farmer", 被好心的面包师收养, 被路过的老渔夫救了上来): by/被 within three words before it, or further back where
    only describing words stand between (articles, the vocabulary's traits, ``_ROLE_LEAD``, up to two words it does
    not know, 的, 路过)."""
    words = tokens.words
    if any(w in BY for w in words[max(0, job.start - 3):job.start]):
        return True
    traits = {k for t in hits if t.section == "traits" for k in range(t.start, t.end)}
    k, plain = job.start - 1, 0
    while k >= 0 and job.start - k <= 6 and words[k] not in BY:
        lead = words[k] in _ROLE_LEAD or words[k] in _LEAD_ZH or k in traits
        if not lead and (plain >= 2 or not words[k].isalpha() or words[k] in STOP or words[k] in _CLAUSE_EN
                         or words[k] in _BECOMING or any(h.start <= k < h.end for h in hits)):
            return False
        plain += int(not lead)
        k -= 1
    return k >= 0 and words[k] in BY


def _one_role(job: Hit, hits: list[Hit]) -> Hit:
    """A job word with the same job's word right before or after it, the two read as one role ("a police officer"):
    the whole of it, else the word itself."""
    before = next((h for h in hits if h.section == "jobs" and h.key == job.key and h.end == job.start), None)
    after = next((h for h in hits if h.section == "jobs" and h.key == job.key and h.start == job.end), None)
    first, last = before or job, after or job
    if first is job and last is job:
        return job
    return replace(job, start=first.start, end=last.end, surface=f"{first.surface} {last.surface}")


def _doer_of_its_own(job: Hit, hits: list[Hit], tokens: Tokens) -> bool:
    """A job said as the doer of its own clause, a verb after it, and a pet named elsewhere, never next to it ("an
    old fisherman finds a shivering puppy", "a stray cat lives at the harbour and the fishermen feed her fish",
    快递员在雨里救了一只小猫, 医生给受伤的小猫包扎了伤口): that one's own role, met by the pet, never the pet's."""
    words = tokens.words
    if job.end >= len(words) or _next_to_a_pet(job, hits, tokens) or not any(h.section in _PETS for h in hits) \
            or _a_place(job, hits) or not tokens.chinese and not _person_word(job.surface):
        return False  # 办公室里，…: where it is; "the race": no one
    traits = {k for t in hits if t.section == "traits" for k in range(t.start, t.end)}
    k = job.start - 1
    if tokens.chinese:  # at the premise's or a clause's start, a pet named after it
        while k >= 0 and (words[k] in _LEAD_ZH or k in traits):
            k -= 1
        return (k < 0 or words[k] in _STOPS_ZH) and any(h.section in _PETS and h.start > job.end for h in hits)
    plain = 0  # up to two describing words the vocabulary does not know ("a tired nurse", "the grumpy old baker")
    while k >= 0 and (words[k] in _ROLE_LEAD or k in traits or plain < 2 and words[k].isalpha() and words[k] not in STOP
                      and words[k] not in _CLAUSE_EN | _BECOMING and not any(h.start <= k < h.end for h in hits)):
        plain += int(not (words[k] in _ROLE_LEAD or k in traits))
        k -= 1
    if k >= 0 and words[k] not in _CLAUSE_EN:
        return False  # "a dog who works as a fisherman"
    after = words[job.end]
    if not after.isalpha() or after in _AFTER_DOER or any(h.start == job.end and h.section == "jobs" for h in hits):
        return False
    plural = job.surface.endswith(("men", "s")) and not job.surface.endswith("ss")
    return (after.endswith("s") and not after.endswith("ss")) or plural


def _done_to(job: Hit, hits: list[Hit], tokens: Tokens) -> bool:
    """An English job said after a deed and "the" ("refuses to pay the doctor", "runs to the vet", "lives with the
    fishermen"): the one it is done to or with, never the pet's own job ("becomes the mayor", "is the chef": its)."""
    words = tokens.words
    if tokens.chinese or _next_to_a_pet(job, hits, tokens) or _a_place(job, hits) or not _person_word(job.surface):
        return False  # "works at the bakery": the place; "wins the race": no one it is done to
    traits = {k for t in hits if t.section == "traits" for k in range(t.start, t.end)}
    k = job.start - 1
    while k >= 0 and (k in traits or words[k] in _ROLE_LEAD - {"the", "a", "an"}):
        k -= 1
    return k >= 1 and words[k] == "the" and words[k - 1].isalpha() and words[k - 1] not in _BECOMING


_WORKS = ("卖", "摆摊", "摊", "打工", "工作", "上班", "干活", "sell", "sold", "stall", "vendor", "hawker", "shop", "work",
          "job")
_AT = {"在", "到", "去", "来", "at", "in", "to", "into", "around", "near"}
# places anyone visits (a market, a shop, a diner): being there names no vendor, clerk or owner; at school a
# pet is a student, on a construction site a worker
_VISITED = {"street_vendor", "shop_clerk", "restaurant_owner"}


_BEFORE_ASKED = {"老", "那个", "一个", "一位", "那位", "位", "个", "the", "old", "a", "an", "local", "kind"}


def _asked_jobs(hits: list[Hit], tokens: Tokens) -> set[str]:
    """The jobs of the ones a premise's pet goes to ask for a deed (来找老鞋匠修鞋, 去找兽医, "asks the old cobbler
    to fix her shoes": spine.json's ``asked_of``): a person of that job, never the asker's own job."""
    asking = {w.split()[0] for w in spine_data()["asked_of"]["zh" if tokens.chinese else "en"]}
    words = tokens.words
    out: set[str] = set()
    for h in hits:
        if h.section != "jobs":
            continue
        k = h.start - 1
        while k >= 0 and words[k] in _BEFORE_ASKED:
            k -= 1
        said = "".join(words[max(0, k - 1):k + 1]) if tokens.chinese else (words[k] if k >= 0 else "")
        if k >= 0 and (said in asking or words[k] in asking):
            out.add(h.key)
    return out


def _owners_trade(job: Hit, hits: list[Hit], tokens: Tokens) -> bool:
    """A Chinese job's or shop's word said right before a boss's title (花店老板娘, 面包店的老板): the trade of that boss,
    a person of its own."""
    at = job.end + int(tokens.words[job.end:job.end + 1] == ("的",))
    return any(h.section == "relations" and h.start == at and h.key == "boss" for h in hits)


def _anothers_place(job: Hit, hits: list[Hit], tokens: Tokens, people: list[Person]) -> bool:
    """A job word that is also a place, said as where another one of the cast, named by no pet word, does a pet a
    kindness (老师在学校门口捡到一只流浪猫, "a teacher at the school finds a kitten"): that one's place, no job of the
    pet's ("the new kid at school" is the kid's own: a student)."""
    words = tokens.words
    at = job.start - 1 - int(job.start > 1 and words[job.start - 1] in {"the", "a"})
    return at > 0 and words[at] in _AT and any(x.section == "places" and (x.start, x.end) == (job.start, job.end)
                                                for x in hits) and any(
        max(p.end, p.start + 1) == at and not (p.species or p.breed) and p.kind_by and p.kind_to for p in people)


def _only_the_place(job: Hit, hits: list[Hit], tokens: Tokens) -> bool:
    """A job word that is also the word of a place anyone visits, said as where the pet is ("waits at the
    market", 流浪狗在菜市场捡到钱包), names only the place when the premise tells no work there."""
    words = tokens.words
    at = job.start - 1 - int(job.start > 1 and words[job.start - 1] in {"the", "a"})  # "at the market"
    if job.key not in _VISITED or at < 0 or words[at] not in _AT or not any(
            x.section == "places" and (x.start, x.end) == (job.start, job.end) for x in hits):
        return False
    text = ("" if tokens.chinese else " ").join(words).lower()
    return not any(w in text for w in _WORKS)


# the one who works at a place of this kind, the premise naming no job ("works at a bun shop", 在包子店打工, 在面馆
# 上班): the job drawn and told there
_WORKER_AT = {"shop": "shop_clerk", "restaurant": "waiter", "kitchen": "dishwasher", "office": "intern",
              "market": "street_vendor", "construction_site": "construction", "farm": "farmer", "hospital": "doctor"}
_WORK_ZH = {"打工", "上班", "工作", "干活", "打零工", "当学徒", "帮工"}
_WORK_EN = {"works", "work", "worked", "working", "job", "jobs"}


def works_at(hits: list[Hit], tokens: Tokens, hero: Person, people: list[Person]) -> str | None:
    """The job of the place where the hero works, when the premise names no job ("a shiba works at a bun shop",
    小柴犬在包子店打工): the place's worker, never where another pet works ("the boss who works at the shop")."""
    lex = lexicon()
    words = tokens.words
    for h in hits:
        if h.section != "places":
            continue
        job = _WORKER_AT.get(str(lex.entry("places", h.key)["location"]))
        if job is None:
            continue
        if tokens.chinese:
            said = h.start > 0 and words[h.start - 1] in {"在", "去", "到"} and any(
                w in _WORK_ZH for w in words[h.end:h.end + 2])
        else:
            said = any(w in _WORK_EN and words[k + 1:k + 2] in (("at",), ("in",), ("for",))
                       for k, w in enumerate(words[max(0, h.start - 6):h.start], max(0, h.start - 6)))
        before = [p for p in people if p.start <= h.start]
        if said and before and max(before, key=lambda p: p.start) is hero:
            return job
    return None


# how long a Chinese doing has gone on, said between its verb and its object (修了三十年的鞋, 开了十年的出租车,
# 卖了一辈子的菜): the verb and the object are still one job's words (修鞋, 开出租车)
_SPAN_INSIDE_ZH = re.compile(r"了(?:[一二两三四五六七八九十百几\d]+(?:个)?(?:多)?(?:年|月|天|周|星期)(?:多)?|(?:很|好)?多年|一辈子|半辈子)的")


def spanned_job(premise: str, hero: Person, people: list[Person]) -> str | None:
    """The job whose words a span of time cuts in two (老橘猫在街角修了三十年的鞋: a cobbler), when the hero is the
    one who does it (the pet said last before it)."""
    lex = lexicon()
    for m in _SPAN_INSIDE_ZH.finditer(premise):
        joined = premise[:m.start()] + premise[m.end():]
        for h in lex.find(joined):
            if h.section == "jobs" and h.pos < m.start() < h.pos + len(h.surface):
                before = [p for p in people if p.pos <= m.start()]
                if before and max(before, key=lambda p: p.pos) is hero:
                    return h.key
    return None



_WORKING_DOG = re.compile(r"(?:\bdog|sheepdog|犬)$")


def dream_title(analysis: Analysis, job: str, lang: str) -> str:
    """The title of ``job``, the one the hero becomes: the premise's own working-dog word for it where it says one
    ("becomes a guide dog", "the best police dog", 成了导盲犬: that dog's job, never "the doctor" or "a detective"
    it is drawn as), else the job's title in ``lang``."""
    entry = lexicon().entry("jobs", job)
    text = analysis.premise.lower()
    words = [*entry[lang], *(f"{w} dog" for w in entry[lang] if lang == "en")]  # "police" → "police dog"
    said = [w for w in words if _WORKING_DOG.search(w) and analysis.language == lang and (
        w in text if lang == "zh" else re.search(rf"\b{re.escape(w)}s?\b", text))]
    return min(said, key=text.index) if said else str(entry[f"title_{lang}"])
