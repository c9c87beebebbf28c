"""Who is who in a premise's cast (pure): the wrongdoer marked by a wrong done right after its mention
("the boss fires", "the chef laughs at", 偷钱包的小偷猫; never what befalls a pet, "小狗走丢了", "loses her
job"); the hero, the first pet not after ``by``/``被``, not someone else's relation and not a villain (in
Chinese, not one who does a wrong: 布偶猫看不起狸花猫 is the tabby's story); the rival, who wrongs the hero
(after ``by``, a villain relation, rich, mean or greedy, or the boss); everyone else by their relation,
allies on the side of whom they belong to; the hero and rival keyed ``hero`` and ``rival``."""

from __future__ import annotations

import re
from collections.abc import Callable

from story.analysis import BY, Person, slug
from story.heads import WILD, fed_zh
from story.lexicon import Hit, lexicon
from story.others import person_thief
from story.predicates import told_before_de
from story.sides import answered_after, harm_at, kind_at, own_wrong, takes_at
from story.takers import no_pet_taker
from story.text import HAN

_VILLAIN_TRAITS = {"rich", "mean", "greedy"}
_BEFALLS = {"lost_pet", "lose", "hidden_identity"}  # "小狗走丢了", "loses her job": it befalls the pet, it wrongs no one
_ACCUSED = {"for", "of"}  # "frames her best friend for stealing": the deed she is accused of, not hers
_WHERE_ZH = {"上", "里", "中", "前", "外", "下", "旁", "边"}
_JOINED_DET = {"a", "an", "the", "his", "her", "their", "two", "three", "four", "some", "many", "several"}
_OWNER_EN = {"her", "his", "him", "their", "them"}  # the one a relation belongs to, said by a pronoun only
_OWNER_ZH = {"她", "他", "它", "她们", "他们"}
_SPEAKER_EN = {"my", "me", "your", "you"}  # the one telling it (or told "you"), wronged by a relation of its own: the
# story's hero (absent_owner)
_SPEAKER_ZH = {"我"}
_TOLD = {"tells", "told", "tell", "shows", "showed", "gives", "gave", "sends", "sent", "告诉", "跟", "对"}
_MANY_ZH = {"们", "人们", "大家", "所有人"}  # 客人们嘲笑…: the deed has its own doers before it
_ADVERBS_ZH = {"都", "也", "一起", "纷纷", "全都", "总是", "又", "还", "常常", "经常"}
_PARTNERS = {"boyfriend", "girlfriend", "husband", "wife"}  # a partner stolen is taken from the one it belongs to
_LEAVES = {"betray", "dump"}  # a partner who cheats on or leaves the one it belongs to, for another pet
_SHE_HE = {"she", "he", "her", "him", "她", "他"}  # the one a premise that casts only persons who wrong it tells of (``cast_roles``)
_PASSIVE = {"is", "was", "are", "were", "be", "been", "being", "gets", "got", "get", "getting"}


def mark_wrongdoers(people: list[Person], hits: list[Hit], words: tuple[str, ...], chinese: bool,
                    breaks: set[int] | frozenset[int] = frozenset()) -> None:
    """A wrong done right after a mention marks the wrongdoer ("the boss fires", "the chef laughs at"); in
    English never across a clause's end nor a passive ("a cat is mocked by": the cat does no wrong), and the
    doer after "by" does the passive's wrong ("is betrayed by his best friend"). The pet the wrong, or a harm
    that is no vocabulary wrong ("breaks her sister's trophy", sides.json), is done to in that clause is its
    victim ("a dog steals his best friend's girlfriend": the best friend); a misdeed of its own (cheats,
    copies, 偷吃) is marked so."""
    lex = lexicon()
    wrongs = [h for h in hits if h.section == "events" and lex.entry("events", h.key)["kind"] == "wrong"
              and h.key not in _BEFALLS and not (not chinese and _befell(h, people, words))]
    places = [h for h in hits if h.section == "places"]

    def plain(end: int, at: int, p: Person | None = None) -> bool:  # nothing between the mention and the deed
        between = words[end:at]  # makes it another's ("a poodle's best friend steals…": the friend's deed)
        if p is not None and any(q.of == p.key and end <= q.start < at for q in people):
            return False
        if chinese and _comma_between(words, end, at):
            return False  # 白猫背叛了黑猫，偷走了…: the black cat, its object, steals nothing
        return not any(w in BY for w in between) and (chinese or not (set(between) & _ACCUSED or
            any(k in breaks for k in range(end + 1, at + 1)) or set(between) & _PASSIVE and not (
                at < len(words) and words[at].endswith("ing"))  # "is cheating on him": no passive
            or (at + 1 < len(words) and words[at + 1] == "by")))

    def said_by(deed: Hit, p: Person) -> bool:  # 服务员嘲笑一只穿着破旧的狗, 宾客们都嘲笑…小白猫: another's deed
        k = deed.start - 1
        while k >= 0 and words[k] in _ADVERBS_ZH:
            k -= 1
        return any(q is not p and q.start < deed.start and 0 <= k + 1 - max(q.end, q.start + 1) <= 1
                   for q in people) or (k >= 0 and words[k] in _MANY_ZH)

    later: set[str] = set()
    for p in people:
        end = p.start if p.words == (p.name,) else p.end if chinese and p.end > p.start else p.start + max(
            1, len(p.words[0].split()) if p.words else 1)  # 势利的狗邻居们嘲笑: the Chinese words are told unspaced
        end = _past_where_zh(words, end) if chinese else _past_where_en(words, end, places)  # 哈士奇在狗展上嘲笑柯基,
        # "the big cats at the school laugh at the little kitten": the one before the place mocks
        held = _ba_object(people, words, end) if chinese else None  # 国王把小狗赶出了王宫: the king's deed
        end = held.end if held is not None else end
        told = p.start and words[p.start - 1] in _TOLD or p.start > 1 and words[p.start - 1] in _JOINED_DET \
            and words[p.start - 2] in _TOLD  # "tells the owner lies about her": the owner hears them
        told = told or chinese and any(w == "把" for w in words[max(0, p.start - 2):p.start])  # the puppy its object
        told = told or chinese and bool(p.words) and fed_zh(words, p.start, p.words[0])  # 为了养活三只小猫去偷鱼:
        # the young fed steal nothing; their mother does
        ahead = sorted(wrongs, key=lambda h: h.key not in _LEAVES) if p.relation in _PARTNERS else wrongs
        deed = None if told else next((h for h in ahead if (0 <= h.start - end <= 2 and plain(end, h.start, p) and (
            chinese or words[h.end:h.end + 1] != ("by",)) and not (chinese and _deed_told_of(words, h, p, people))) or (  # "a puppy kicked out by her family": done to it
            chinese and told_before_de(words, h.end, p.start) and not said_by(h, p))), None)
        # 泰迪的女朋友看不起他，跟着一只萨摩耶走了: a partner's leaving is the wrong that says who it leaves with
        if deed is None and not p.after_by:  # told of again: "… but the partner runs off with the money"
            end, deed = next(((e, h) for _s, e in p.again for h in wrongs if 0 <= h.start - e <= 2 and plain(e, h.start)
                              and not (chinese and any(told_before_de(words, h.end, q.start) for q in people if q is not p))),
                             (end, None))  # 德牧警犬抓住了偷包的狐狸: the fox's theft, told before its 的
            if deed is not None:
                later.add(p.key)  # its own deed, later: "小橘和好朋友一起开店，结果朋友卷走了钱" joins no one to it
        if deed is None and p.after_by and not chinese:  # "is betrayed by his best friend": the friend's wrong
            by = max((k for k in range(max(0, p.start - 4), p.start) if words[k] in BY), default=-1)
            p.does_wrong = any(0 <= by - h.end <= 1 for h in wrongs)
            continue
        p.does_wrong = deed is not None
        if deed is not None and deed.start >= end:
            p.own_wrong = own_wrong(words, deed.start, chinese)
            at = deed.end
        else:
            kind = next((j for j in range(end, min(end + 3, len(words))) if kind_at(words, j, chinese)
                         and plain(end, j)), None) if deed is None else None
            if kind is not None:  # "her sister comforts her", "the rich cat's daughter falls in love with…"
                stop = min((b for b in breaks if b > kind), default=len(words))
                p.kind_to = next((q.key for q in people if q is not p and kind < q.start < stop), None)
                if p.kind_to is None and set(words[kind + 1:stop]) & (_WRONGED_ZH if chinese else _WRONGED_EN):
                    # 老板收留了它们, "the fishmonger forgives her": the pet told before, by a pronoun
                    p.kind_to = next((q.key for q in people if q is not p and q.start < p.start), None)
                continue
            harm = next((j for j in range(end, min(end + 3, len(words))) if harm_at(words, j, chinese)
                         and plain(end, j)), None) if deed is None else None
            if harm is None:
                continue
            at = harm + 1
        stop = min((b for b in breaks if b >= at), default=len(words))
        victim = next((q for q in people if q is not p and at <= q.start < stop), held)
        if victim is not None and victim.relation in _PARTNERS and victim.of not in (None, p.key):
            victim = next((q for q in people if q.key == victim.of), victim)  # "steals her boyfriend": hers
        own_partner = victim is not None and victim.of == p.key and victim.relation in _PARTNERS  # "cheats on his wife"
        if deed is not None and deed.key in _LEAVES and (p.relation in _PARTNERS or own_partner) and (
                victim is None or victim.key != p.of) and not (p.after_by and victim is not None):  # 被未婚妻退婚的哈士奇:
            # the one after the passive's doer is the one it leaves, never its new love
            if own_partner and victim is not None:  # "a cat husband cheats on
                # his wife with a rich cat": his own wife is the one wronged, the one after her its new love
                lover = next((q for q in people if q is not p and q is not victim and victim.start < q.start < stop), None)
                if lover is not None:
                    lover.lover_of = p.key
                p.own_wrong = False
            else:
                if victim is not None:  # "her husband cheats on her with the rich poodle", 男朋友劈腿了贵宾犬: the poodle
                    victim.lover_of = p.key  # is its new love; the one wronged is the partner's own (None: "her",
                victim, p.own_wrong = next((q for q in people if q.key == p.of), None), False  # absent_owner)
        robbed = victim is not None  # "steals fish from a poor old dog … gets caught": still the dog's story
        if victim is not None and deed is not None and deed.key == "steal" and not any(
                q.of == victim.key and at <= q.start < stop for q in people):
            victim = None  # "steals sausages from the butcher dog's shop": a theft, the thief's own caper
        p.victim = victim.key if victim is not None else None  # "steals his best friend's girlfriend": the friend
        if (deed is None or deed.key == "steal") and answered_after(words, at, chinese, robbed):
            p.own_wrong = True  # "steals a fish and gets caught", 偷了邻居的鱼，被发现后道歉了: the thief's own story
    for p in people:  # "spots a fox sneaking into the henhouse", 狐狸偷偷溜进鸡舍: a pest that sneaks in does a wrong
        if p.breed in _PESTS and not p.does_wrong and _sneaks(words, p.end if p.end > p.start else p.start + 1):
            p.does_wrong = True
    # "two corgis and a poodle laugh at a dachshund", 哈士奇和泰迪嘲笑柯基: those joined before the doer do it too
    for p, q in reversed(list(zip(people, people[1:], strict=False))):
        end = p.start + max(1, len(p.words[0].split()) if p.words and not chinese else 1)
        between = tuple(w for w in words[end:q.start] if w not in _JOINED_DET)
        joined = between in (("and",), ("&",)) or p.start == q.start or (
            chinese and q.start - p.start <= 4 and any(w in {"和", "与", "跟"} for w in words[p.start:q.start]))
        if joined and q.does_wrong and not p.does_wrong and not p.after_by and q.key not in later:
            p.does_wrong, p.own_wrong, p.victim = True, q.own_wrong, q.victim


_ARTICLES_EN = {"a", "an", "the", "this", "that", "his", "her", "their", "its"}


_TAKES = {"steals", "stole", "steal", "snatches", "snatched", "grabs", "grabbed", "robs", "robbed", "takes", "took",
          "偷", "偷走", "偷走了", "抢", "抢走", "拿走", "卷走"}  # a theft told right after the kin's mention
_THEIRS_EN = {"his", "her", "its", "their", "him", "them"}
_THEIRS_ZH = {"它的", "他的", "她的", "它", "他", "她"}


def _hers_taken(p: Person, hero: Person, words: tuple[str, ...]) -> bool:
    """``p``, the hero's own kin or friend, steals from the hero, said by a pronoun right after the theft ("a corgi's
    cousin steals his savings", 柯基的表哥偷走了它的存款): it turns on the hero, never stands with it (a betrayal
    told first, "betrays him and takes his food truck", is told as before)."""
    if p.of != hero.key:
        return False
    end = max(p.end, p.start + 1)
    at = next((k for k in range(end, min(end + 2, len(words))) if words[k] in _TAKES), None)
    return at is not None and bool(set(words[at + 1:at + 3]) & (_THEIRS_EN | _THEIRS_ZH))


_SNEAKS = {"sneaking", "sneaks", "sneak", "sneaked", "snuck", "creeping", "creeps", "prowling", "prowls", "lurking",
           "lurks", "raiding", "raids", "偷偷", "溜进", "潜入", "偷溜", "溜进来", "钻进", "溜"}


def _sneaks(words: tuple[str, ...], end: int) -> bool:
    """A sneaking word right after a pet's mention ("a fox sneaking into the henhouse", 狐狸偷偷溜进鸡舍)."""
    return bool(set(words[end:end + 3]) & _SNEAKS)


def _deed_told_of(words: tuple[str, ...], deed: Hit, p: Person, people: list[Person]) -> bool:
    """A Chinese wrong right after ``p`` that is told of a pet after it, the one it is done to between them
    (警犬抓住了偷奶奶钱包的小偷, 柯基抓住了偷爷爷鱼的野猫, 小黑狗赶走了欺负小猫的恶霸): the later one's deed before its
    的, never ``p``'s (but 贵宾犬抢走了柯基的男朋友, 出轨了她的闺蜜: whose the one after 的 is)."""
    ended = p.end if p.end > p.start else p.start + 1
    done_first = any(w not in _ADVERBS_ZH and w != "了" for w in words[ended:deed.start])  # 赶走了: p's own deed first
    for q in people:
        if q is p or q.start <= deed.end or not told_before_de(words, deed.end, q.start):
            continue
        if done_first:
            return True  # 小黑狗赶走了欺负小猫的恶霸: the wrong told of the bully, the black dog's own deed before it
        de = max((j for j in range(deed.end, q.start) if words[j] == "的"), default=-1)
        if any(r is not p and r is not q and deed.end <= r.start and r.end < de for r in people) \
                and words[de - 1] not in _OWNER_ZH | _SPEAKER_ZH and not any(r.start < de <= r.end for r in people):
            return True
    return False


def _befell(h: Hit, people: list[Person], words: tuple[str, ...]) -> bool:
    """An English wrong said as what befell the pet right after it ("adopts an abandoned puppy", "feeds the
    abandoned kittens"): an article before the wrong's word, a pet's mention right after it; no one's deed."""
    return h.start > 0 and words[h.start - 1] in _ARTICLES_EN and any(q.start == h.end for q in people)


def _ba_object(people: list[Person], words: tuple[str, ...], end: int) -> Person | None:
    """The pet a 把 right after a mention holds as its object (国王把小狗赶出了王宫, 白猫把橘猫的画弄坏了): the deed
    after it is the first pet's, done to that one; None when no pet follows 把."""
    if end >= len(words) or words[end] != "把":
        return None
    return next((q for q in people if end < q.start <= end + 2 and q.of is None), None)


def _past_where_zh(words: tuple[str, ...], end: int) -> int:
    """Past a 在…上 place phrase right after a pet (在狗展上, 在学校里): where its own verb is said."""
    if end < len(words) and words[end] == "在":
        return next((k + 1 for k in range(end + 1, min(end + 5, len(words))) if words[k] in _WHERE_ZH), end)
    return end


_AT_EN = {"at", "in", "on", "from"}
_DET_EN = {"the", "a", "an", "his", "her", "their", "this", "that"}


def _past_where_en(words: tuple[str, ...], end: int, places: list[Hit]) -> int:
    """Past an "at the school" place phrase right after a pet ("the big cats at the school laugh at…"): where
    its own verb is said."""
    if end < len(words) and words[end] in _AT_EN:
        k = end + 1
        while k < len(words) and words[k] in _DET_EN:
            k += 1
        return next((h.end for h in places if h.start == k), end)
    return end


def _bad_traits(p: Person) -> set[str]:
    """The traits that make ``p`` a villain: a kind doer's wealth is none (被有钱的猫收养, "adopted by a rich cat":
    the rich cat is kind), its meanness or greed still is."""
    return _VILLAIN_TRAITS - {"rich"} if p.kind_by else _VILLAIN_TRAITS


def _comma_between(words: tuple[str, ...], end: int, start: int) -> bool:
    """A comma between a Chinese mention and the wrong after it: 白猫背叛了黑猫，偷走了她的设计图 goes on
    with the white cat's deeds; the black cat, its object, steals nothing."""
    return any(w in {"，", ",", "；", "。"} for w in words[end:start])


def absent_owner(people: list[Person], events: list[Hit], words: tuple[str, ...],
                 breaks: set[int] | frozenset[int] = frozenset()) -> Person | None:
    """The one a pronoun names whose relation is the premise's first pet and wrongs it ("her best friend dog
    betrays her", "his partner takes his food truck", 闺蜜猫背叛了她, 她的妹妹狗在主人面前说她坏话): a pet of the
    relation's kind, the one wronged and so the story's hero, added first to ``people``; the relation is its
    own (a sister is of its sister's species, ``story.kin``). None when the first pet is no such relation, or
    its wrong is done to a pet of the cast (同学们都叫小柯基废物，它…: the corgi is the one wronged)."""
    if not people:
        return None
    lex = lexicon()
    first = min(people, key=lambda q: q.start)
    if first.relation == "owner" and first.start and words[first.start - 1] in _OWNER_EN | _OWNER_ZH \
            and not any(q.species or q.breed for q in people) and first.of is None:  # "her owner gets sick, then she
        # dies": the pet "her" names, the story's, its owner its family
        pet = Person(key=slug("pet", {p.key for p in people}), role="other", side="neutral", pos=first.pos,
                     start=first.start, end=first.start)
        first.of = pet.key
        people.insert(0, pet)
        return pet
    if first.relation is None or first.of is not None or first.after_by or first.kind_by or first.victim \
            or lex.entry("relations", first.relation)["role"] in {"rival", "boss"}:
        return None
    chinese = any(HAN.search(w) for w in words)
    stop = min((b for b in breaks if b > first.end), default=len(words))
    pronouns = _OWNER_ZH | _SPEAKER_ZH if chinese else _OWNER_EN | _SPEAKER_EN  # "my husband is cheating on me":
    said_before = words[first.start - 1] if first.start and not chinese else next(  # 她最好的朋友猫
        (w for w in words[max(0, first.start - 4):first.start] if w in pronouns), "")
    done_to = [k for k in range(first.end, stop) if words[k] in pronouns  # "betrays her", 背叛了她, "takes his"
               and not any(q.of == first.key and k < q.start <= k + 3 and q.relation not in _PARTNERS
                           for q in people)  # 喂它的孩子们: its own; "steals her boyfriend": a partner taken is hers
               and not any(q.kind_to is not None and first.end <= q.start < k for q in people)]  # 老板原谅了它:
    # another's kindness to the pet, no wrong to one unnamed
    wrongs = any(first.end <= h.start < stop and lex.entry("events", h.key)["kind"] == "wrong" and h.key not in _BEFALLS
                 for h in events) or any(takes_at(words, k, chinese) or harm_at(words, k, chinese)
                                         for k in range(first.end, min(first.end + 3, stop)))
    own = lex.entry("relations", first.relation).get("own_story") and said_before not in pronouns  # 真千金布偶猫…
    if any(q.lover_of == first.key for q in people):  # a partner who leaves for another pet ("his wife runs off
        # with a rich Persian"): the one it leaves, unless a pet told later is that one ("her boyfriend left her
        # for a rich poodle, the little corgi…": the corgi)
        if any(q is not first and q.lover_of != first.key and q.relation is None for q in people):
            return None
        done_to = done_to or [first.start - 1]
    if own or not done_to or not wrongs or not (said_before in pronouns or chinese and said_before == ""):
        return None  # 假千金处处陷害她: the true heiress is no one's relation, she is the one wronged
    owner = _unsaid(people, pos=first.pos, species=first.species, start=first.start, end=first.start)
    first.of, first.does_wrong, first.victim = owner.key, True, owner.key
    for q in people:
        if q.of == first.key and q.relation in _PARTNERS and any(k < q.start <= k + 3 for k in done_to):
            q.of = owner.key  # "her best friend steals her boyfriend": the wronged one's boyfriend
    people.insert(0, owner)
    if said_before in _SPEAKER_EN | _SPEAKER_ZH:
        owner.words = ("your" if said_before == "you" else "my" if said_before == "me" else said_before,)  # the speaker's own: the premise told of it (``told_of_speaker``)
    return owner


_SHE_PARTNERS = {"wife", "girlfriend"}  # a speaker they wrong is told of as "he"


def told_of_speaker(premise: str, speaker: Person, people: list[Person]) -> str:
    """A premise told by the one a relation of its own wrongs, or told to it ("my husband is cheating on me", "my best
    friend stole my boyfriend", "POV: your husband cheats on you", 我老公出轨了我的闺蜜; ``absent_owner``'s speaker)
    told of that one instead ("her husband is cheating on her", 她老公…), so the narrator tells the wronged one's
    story, never "cheating on me"; the premise as it is for any other."""
    if speaker.words not in {("my",), ("your",), ("我",)}:
        return premise
    wronger = next((p for p in people if p.victim == speaker.key), None)
    he = wronger is not None and wronger.relation in _SHE_PARTNERS
    if speaker.words == ("我",):  # 我老公出轨了我的闺蜜: 她老公出轨了她的闺蜜
        return re.sub(r"我(?!们)", "他" if he else "她", premise)
    forms = {"i am": "he is" if he else "she is", "i'm": "he's" if he else "she's", "i've": "he's" if he else "she's",
             "i": "he" if he else "she", "my": "his" if he else "her", "me": "him" if he else "her",
             "mine": "his" if he else "hers", "myself": "himself" if he else "herself"}
    if speaker.words == ("your",):  # "POV: your husband cheats on you": told of her too
        forms = {"you are": forms["i am"], "you're": forms["i'm"], "you've": forms["i've"], "you": forms["me"],
                 "your": forms["my"], "yours": forms["mine"], "yourself": forms["myself"]}

    def said(m: re.Match[str]) -> str:
        word = forms[m.group(0).lower()]
        return word.capitalize() if m.start() == 0 else word
    return re.sub(r"(?<![\w'])(?:" + "|".join(sorted(forms, key=len, reverse=True)) + r")(?![\w'])", said, premise,
                  flags=re.IGNORECASE)


_WRONGED_EN = {"him", "her", "it", "them"}  # "the cats who laughed at him": the one they wronged, said by a pronoun
_WRONGED_ZH = {"她", "他", "它", "她们", "他们", "它们"}  # 欺负它的富家狗, 嘲笑它的那些猫


def absent_victim(people: list[Person], events: list[Hit], words: tuple[str, ...],
                  breaks: set[int] | frozenset[int] = frozenset()) -> Person | None:
    """The one a pronoun names whom every pet of the premise once wronged, told only as who they are ("the cats
    who laughed at him come to eat at his noodle shop", "the rich fox who mocked her comes to eat at her
    restaurant", 以前欺负它的富家狗后来来它的餐厅吃饭, 当年嘲笑它的那些猫都来它的面馆吃面): the story's hero, a
    pet of their kind, added first to ``people``, each of them its wrongdoer. None when a pet of the cast is no
    wrongdoer (the hero is named) or the wrong is not said of a pronoun right at the pet."""
    if not people or any(not p.does_wrong or p.own_wrong or p.victim or p.after_by for p in people):
        return None
    lex = lexicon()
    chinese = any(HAN.search(w) for w in words)
    first = min(people, key=lambda q: q.start)
    wrongs = [h for h in events if lex.entry("events", h.key)["kind"] == "wrong" and h.key not in _BEFALLS]
    wrong_ends = {h.end for h in wrongs}
    wrong_at = {k for h in wrongs for k in range(h.start, h.end)}
    if chinese:  # 欺负它的富家狗, 嘲笑它的那些猫: a wrong, the pronoun, 的, then (a word or two) the pet
        said = any(words[k] == "的" and words[k - 1] in _WRONGED_ZH and k - 1 in wrong_ends
                   for k in range(max(1, first.start - 3), first.start))
    else:  # "the cats who laughed at him": "who", the wrong, its pronoun, in the pet's own clause
        stop = min((b for b in breaks if b > first.end), default=len(words))
        after = range(first.end + 1, min(stop, first.end + 6))
        said = words[first.end:first.end + 1] == ("who",) and any(k in wrong_at for k in after) and any(
            words[k] in _WRONGED_EN and any(j in wrong_at for j in range(first.end, k)) for k in after)
    if not said:
        return None
    wronged = _unsaid(people, pos=first.pos, species=first.species, start=first.start, end=first.start)
    for p in people:
        p.victim = wronged.key
    people.insert(0, wronged)
    return wronged


_PESTS = WILD  # the wild ones a pet drama's cats and dogs chase: a thief of them is no hero


def _people_group(p: Person, people: list[Person]) -> bool:
    """``p`` is a group of people no pet word names ("the neighbors", "her classmates", 同学们)."""
    said = p.words[0].split()[-1].lower() if p.words and p.words[0].split() else ""
    return (p.alike > 1 or said.endswith("s") and not said.endswith("ss") or any(
        q is not p and (q.start, q.words, q.relation) == (p.start, p.words, p.relation) for q in people)) \
        and p.relation is not None and not p.species and not p.breed


def _pet_over(hero: Person, people: list[Person], hero_ok: Callable[[Person], bool]) -> Person | None:
    """The pet whose story it is where the one first read as the hero is a group of people no pet word names ("the
    neighbors help the old dog", "her family moves away and leaves the old cat behind") or a fox or rat that does a
    wrong ("a rat steals cheese from a cat's restaurant", "a fox steals chickens and a brave dog chases it away"): the
    first cat or dog of the cast who may be the hero and does no wrong, else None (the hero stays)."""
    group = _people_group(hero, people)
    pest = hero.breed in _PESTS and hero.does_wrong  # "a fox sneaking in steals the chickens and the farm dog catches
    # him": the dog's story, even where the fox's theft is answered
    if not group and not pest:
        return None
    return next((p for p in people if p is not hero and (p.species or p.breed or p.name and not p.words[:-1] and group)
                 and p.breed not in _PESTS
                 and p.relation is None and not p.does_wrong and not p.gone and not p.after_by
                 and (p.of is None or p.of == hero.key or hero_ok(p))), None)


def cast_roles(people: list[Person], events: list[Hit], words: tuple[str, ...]) -> list[Person]:
    """The cast in order: the hero, the rival, then the others, each with its role and side."""
    lex = lexicon()
    if not people:
        return [Person(key="hero", role="hero", side="hero", pos=0)]
    for p in people:  # "a grumpy poodle hates her son's new wife": the poodle is the mother-in-law
        said = lex.entry("relations", p.relation).get("owner_is") if p.relation else None
        owner = next((q for q in people if q.key == p.of), None)
        if said and owner is not None and owner.relation is None:
            owner.relation = str(said)
    _young_of_the_left(people, words)
    # 1. the hero: first person not after "by", not someone else's relation (but one whose story it is: her
    #    son's wife), not a villain (but a villain's relation wronged by another: 儿媳虐待婆婆), never the one a
    #    partner leaves with (丈夫跟富婆猫跑了: the rich cat stands with the husband)
    def hero_ok(p: Person) -> bool:
        rel = lex.entry("relations", p.relation) if p.relation else None
        return not p.after_by and not p.gone and p.lover_of is None and not person_thief(p) and (p.of is None or _wronged_by_owner(p, people) or bool(
            rel and rel.get("own_story")) or any(q.key == p.of and q.gone for q in people)) \
            and not (set(p.traits) & _VILLAIN_TRAITS and not {"poor", "kind", "shy"} & set(p.traits)
                     and not p.own_wrong) \
            and not (rel and rel["role"] in {"rival", "boss"} and not any(
                q.victim == p.key and q.does_wrong and not q.own_wrong for q in people))
    zh = any(HAN.search(w) for w in words)
    # 布偶猫看不起狸花猫, "a dog steals his best friend's girlfriend": the one wronged is the hero, never the pet
    # who wrongs another (in Chinese, who does any wrong), unless the wrong is its own misdeed (cheats, 偷吃)
    wronged = [p for p in people if hero_ok(p) and not (p.does_wrong and not p.own_wrong and (zh or p.victim or any(
        q.lover_of == p.key for q in people)))]  # "her husband runs off with a rich cat": the one he leaves is the hero
    shunned = {p.key: q for p in wronged if (q := _shuns(p, wronged, words)) is not None}
    for p in people:
        if p.key in shunned:  # the group that shuns the pet is the one that wrongs it
            p.does_wrong, p.victim = True, shunned[p.key].key
    wronged = [p for p in wronged if p.key not in shunned]
    if not any(hero_ok(p) and not _people_group(p, people) for p in people) and any(w in _SHE_HE for w in words):  # 重生回到十八岁，她不再被继母欺负,
        # 被前夫抛弃后她…, "she is bullied by her stepmother": the one the pronoun names, no person of the cast
        wronged = [_unsaid(people, pos=0)]
        people.insert(0, wronged[0])
    hero = next(iter(wronged), None) or next((p for p in people if hero_ok(p)), next(
        (p for p in people if not person_thief(p)), people[0]))  # "a thief … caught by the shiba": the shiba's story
    adopted = next((p for p in people if p.key == hero.kind_to and (p.species or p.breed) and not p.gone), None) \
        if no_pet_taker(hero, words, people) else None  # "a grumpy neighbour takes the stray dog in", "a family of cats
    # adopts a stray puppy": the one taken in is the story's, the taker its family
    if hero.human or adopted is not None:  # "a little girl adopts a kitten", 老爷爷收养了流浪猫: the pet's story, the
        # person its family
        pet = adopted or next((p for p in people if (p.species or p.breed) and not p.after_by and not p.gone
                             and p.of in (None, hero.key) and not (p.does_wrong and not p.own_wrong)), None)
        if pet is None and hero.relation == "owner" and hero.job:  # "the baker's cat steals bread": its story
            pet = next((p for p in people if p.start == hero.end and (p.species or p.breed)), None)
        if pet is not None:
            hero, pet.of = pet, None
    pet = _pet_over(hero, people, hero_ok)
    if pet is not None:  # "the neighbors help the old dog", "a fox steals the corgi's lunch": the pet's story
        hero, pet.of = pet, None
    hero.role, hero.side = "hero", "hero"
    if hero.of is not None:  # the friend the wrongdoer betrays is nobody's ally: the story is its own
        owner = next((q for q in people if q.key == hero.of), None)
        hero.species = hero.species or (owner.species if owner is not None else None)  # his best friend: a dog too
        hero.of = None
    # 2. the rival: after "by", else a villain relation, else bad traits, else the boss
    rest = [p for p in people if p is not hero]
    def turned(p: Person) -> bool:  # "left at the altar by his greedy bride", "betrayed by his best friend", 被闺蜜抢走;
        rel = lex.entry("relations", p.relation) if p.relation else None  # 柯基的同学们都嘲笑它: no ally's wrong
        return p.after_by and not p.kind_by and bool(set(p.traits) & _VILLAIN_TRAITS or p.does_wrong) or bool(
            rel and p.does_wrong and not p.own_wrong and (p.victim == hero.key or p.victim is None and (
                not rel.get("allied") or _hers_taken(p, hero, words))))
        # "a poodle's best friend steals her boyfriend": a friend who wrongs the hero turns on it
    def villainy(p: Person) -> int:
        rel = lex.entry("relations", p.relation) if p.relation else None
        score = 4 * (p.after_by and not p.kind_by and "kind" not in p.traits) + 3 * bool(rel and rel["role"] == "rival") \
            + 2 * len(set(p.traits) & _bad_traits(p))
        score += 3 * p.does_wrong
        score += bool(rel and rel["role"] == "boss")
        if p.lover_of is not None and p.lover_of != hero.key:
            return 0  # the one a partner cheats with stands with the cheater, who is the rival
        if p.kind_to is not None and not p.does_wrong and not p.after_by:
            return 0  # 面包店老板收留了它们: who takes the thief and its kittens in is no rival
        if p.kind_by is not None and not p.does_wrong and not set(p.traits) & _bad_traits(p):
            return 0  # 被鱼店老板抓住了, "caught by the bakery boss": who catches the thief is no rival for its job
        return score if p.of is None or p.of != hero.key or turned(p) else 0
    candidates = sorted((p for p in rest if villainy(p) > 0 and (p.of is None or p.of == hero.key or turned(p))),
                        key=lambda p: -villainy(p))
    rival = candidates[0] if candidates else None
    if rival is not None:
        rival.role, rival.side = "rival", "villain"
    # 3. everyone else: the relation's role; allies take the side of whom they belong to
    for p in rest:
        if p is rival:
            continue
        rel = lex.entry("relations", p.relation) if p.relation else None
        owner = next((q for q in people if q.key == p.of), None)
        if rel is not None and rel["role"] == "other" and p.kind_by == "family" and p.kind_to == hero.key:
            p.role, p.side = "family", "hero"  # "a grumpy neighbour takes the stray dog in": its family now
        elif rel is not None:
            found = p.role == "found"  # "finds a lost little girl", 帮迷路的小女孩: a person the pet helps, no kin
            p.role = "friend" if found else str(rel["role"]) if rel["role"] != "rival" else "rival"
            if owner is not None and rel.get("allied"):
                p.side = owner.side if owner.side != "neutral" else "neutral"
                if owner.side == "villain" and (owner.victim == p.key or p.kind_to == hero.key):
                    p.side = "hero"  # "a jealous cat breaks her sister's trophy": the sister is wronged, no ally;
                    # "a rich cat's daughter falls in love with a poor dog": she is on his side
            elif rel["role"] in {"rival", "boss"} and rival is None and p.kind_to is None and p.kind_by is None:
                p.side = "villain"
            elif owner is hero or rel["role"] in {"family", "friend", "mentor", "partner"}:
                p.side = "hero" if owner is None or owner is hero else owner.side
        elif p.lover_of is not None and p.lover_of != hero.key:
            p.role, p.side = "other", "villain"  # "cheats on her with the rich poodle": with the cheater
        elif p.kind_by and not set(p.traits) & _bad_traits(p):
            p.role, p.side = p.kind_by, "hero"  # "adopted by a firefighter dog", "caught by the police dog"
        else:
            bad = set(p.traits) & _VILLAIN_TRAITS or p.after_by or p.does_wrong and not p.own_wrong
            p.role, p.side = ("rival", "villain") if bad else ("friend", "hero")
        if p.role == "rival" and p is not rival and rival is not None:
            p.role = "other"
        if rival is not None and p.words and (p.start, p.words) == (rival.start, rival.words):
            p.side = rival.side  # 同学们都笑它: each of the classmates one word names mocks with the rival
    for p in people:
        if p.of == "@rival":
            p.of = rival.key if rival is not None else None
            p.side = "villain" if rival is not None else p.side
            if rival is None:
                p.role, p.side = "rival", "villain"
    # re-key the hero and rival for readable ids
    for who, key in ((hero, "hero"), (rival, "rival")):
        if who is not None:
            old = who.key
            for q in people:
                if q.of == old:
                    q.of = key
                if q.victim == old:
                    q.victim = key
                if q.lover_of == old:
                    q.lover_of = key
            who.key = key
    taken = {"hero", "rival"}
    for p in people:
        if p.key in taken and p.role not in {"hero", "rival"}:
            p.key = slug(p.key + "_2", taken)
        taken.add(p.key)
    ordered = [hero, *([rival] if rival else []), *(p for p in people if p is not hero and p is not rival)]
    return ordered


_YOUNG_OWNERS = {"their", "her", "his", "its", "她的", "他的", "它的", "她们的", "他们的", "它们的"}


def _young_of_the_left(people: list[Person], words: tuple[str, ...]) -> None:
    """The young a pronoun names after a partner leaves for another pet are the family the partner left ("her
    husband leaves her for a rich persian and she raises their kittens alone"), never the new love's, though
    it is the pet named last: they belong to the one left, on its side."""
    for p in people:
        owner = next((q for q in people if q.key == p.of), None)
        said = words[p.start - 1] if p.start else ""
        if p.relation != "kittens" or owner is None or owner.lover_of is None or said not in _YOUNG_OWNERS:
            continue
        partner = next((q for q in people if q.key == owner.lover_of), None)
        p.of = partner.of if partner is not None else None


_REFUSE = {"never", "won't", "wont", "don't", "doesn't", "refuse", "refuses", "not", "不", "不肯", "从不", "从来不", "都不"}
_CLAUSE_END = {",", "，", ".", "。", ";", "；", "and", "but", "then", "until", "who", "然后", "后来", "但是", "可是"}


def _shuns(p: Person, people: list[Person], words: tuple[str, ...]) -> Person | None:
    """``p`` is one of a group named by one plural word that refuses a single pet later in its clause ("the
    popular cats never invite the new kitten", "all the big dogs won't play with a tiny chihuahua"): the one
    shunned is the story's, never one of the group."""
    plural = bool(p.words) and not HAN.search(p.words[0]) and p.words[0].endswith("s")
    if not plural and not any(q is not p and (q.start, q.words) == (p.start, p.words) for q in people):
        return None  # "the cool huskies won't let a little pug…": one plural word is a group too
    end = max(p.end, p.start + 1)
    for q in people:
        if q.start < end or any(r is not q and (r.start, r.words) == (q.start, q.words) for r in people):
            continue
        between = words[end:q.start]
        if not set(between) & _CLAUSE_END and (set(between) & _REFUSE or any(
                w.startswith(tuple(_REFUSE)) for w in between if HAN.search(w))):
            return q
    return None


def _wronged_by_owner(person: Person, people: list[Person]) -> bool:
    """``person`` is the relation of a pet who wrongs it ("a dog steals his best friend's girlfriend")."""
    return any(q.key == person.of and q.victim == person.key and q.does_wrong and not q.own_wrong for q in people)


def unnamed_wronged(people: list[Person], words: tuple[str, ...]) -> Person | None:
    """The one a Chinese premise that opens with 被 leaves unsaid, where no pet is named (被老板开除后自己创业成功,
    被老板骂了一顿, 被富家猫嘲笑后，它开了一家面包店): the story's hero, a pet added first to ``people``, the doer after 被 its wrongdoer (never the boss
    read as the hero, fired by itself). None where a pet beside that doer is named, or the premise opens otherwise."""
    if not people or not words or words[0] != "被":
        return None
    first = min(people, key=lambda q: q.start)
    if not (first.after_by and first.does_wrong) or any(p.species or p.breed for p in people if p is not first):
        return None
    wronged = _unsaid(people, pos=0, species=first.species, start=0, end=0)  # 被富家猫嘲笑后: a cat, like the one
    # who mocks
    first.victim = wronged.key
    people.insert(0, wronged)
    return wronged


def _unsaid(people: list[Person], pos: int, species: str | None = None, start: int = 0, end: int = 0) -> Person:
    """The one a premise wrongs but never names ("her boss fires her", 被老板开除后…): a person of its own, keyed apart
    from ``people``, at ``pos`` (its tokens ``start``..``end``), drawn as ``species``."""
    return Person(key=slug("wronged", {p.key for p in people}), role="other", side="neutral", pos=pos,
                  species=species, start=start, end=end)
