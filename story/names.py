"""Given names across the two languages (pure).

A Chinese premise often names a pet right after its breed or species, with no 名叫 before it: 橘猫小橘,
金毛旺财一家, 柯基豆包在餐厅打工. ``apposed_names`` finds those names (two hanzi, three for a 小/阿/大/老
name such as 小橘子, never a vocabulary word or a run that holds a joining word like 被 or 在).
A name may also stand alone as a clause's subject or object, with no breed before it: 小美被富家猫欺负,
阿黄在工地搬砖, 旺财每天在火车站等主人. ``standalone_names`` finds those (a 小/阿 name or a doubled
one like 豆豆 followed by a joining word or the clause's end, or a name the writer itself gives), never
a common word such as 小区, 小偷 or 阿姨.
``name_in(name, lang)`` is how a name is written in a script of that language: a Chinese name inside an
English script is read in pinyin without tone marks, capitalised as one word (小橘 → Xiaoju, 旺财 →
Wangcai), so an English reader and the English voice can say it; a Latin name stays as it is in a
Chinese script (the Chinese voice spells it, the subtitle keeps it).
"""

from __future__ import annotations

import re
from functools import lru_cache

from story.datafiles import read_json
from story.lexicon import Hit, Lexicon, Tokens, lexicon
from story.nearest import things
from story.text import HAN as _HAN
from story.titled import kin_name, kin_name_en

_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
# hanzi that never sit inside a pet's name right after its breed: joining words, particles, numbers
_NOT_IN_NAME = set("被在和与跟同把将向往到去来从给对为因让叫是的了着过也都就又很想要会们这那个只一二三两几每些"
                   "其它他她我你也还才却再最更太好不没已曾正刚把被由于而且或")
_AFTER_NAME = set("被在和与跟把将是的也都就又从给对还却")  # what a name is followed by (豆包在…, 煤球和…)
_NAME_HEADS = set("小阿大老")
_NAME_HEAD_EXCEPT = {"二哈", "二狗", "二黑", "二花"}  # 二 is a number, except in these pet names
# words that follow a breed without naming it: adverbs, and 小/大/老 words that are no names
_NOT_NAMES = {"终于", "依然", "仍然", "突然", "居然", "竟然", "偷偷", "默默", "悄悄", "常常", "经常", "天天", "从来",
              "马上", "立刻", "刚刚", "曾经", "总算", "果然", "始终", "渐渐", "慢慢", "赶紧", "连忙", "独自", "努力",
              "拼命", "原来", "其实", "本来", "后来", "于是", "然后", "如今", "现在", "今天", "明天", "昨天", "当年",
              "小心", "大声", "小时", "老实", "大约", "老早", "大胆", "小声", "大哭", "大笑", "老远"}
# 小/阿 words that are common nouns, never a pet's name standing alone (小偷被抓, 小区里, 阿姨在)
_NOT_STANDALONE = {"小区", "小孩", "小说", "小学", "小偷", "小伙", "小店", "小吃", "小巷", "小狗", "小猫", "小鸟", "小鱼",
                   "小弟", "小妹", "小子", "小组", "小朋", "小费", "小摊", "小贩", "小麦", "小城", "小镇", "小路", "小河",
                   "小屋", "小院", "小船", "小车", "小事", "小时", "小姐", "小伙伴", "小家", "小窝", "小村", "小山",
                   "阿姨", "阿公", "阿婆", "阿嬷", "阿爸", "阿妈"}
_BEFORE_NAME = set("和与跟被把给对帮让叫向陪找救等") | set("，。；！？、,.;!? ")
_GOES_ON = set("每终又总今后常竟居突一")  # first hanzi of an adverb right after a subject (每天, 终于, 后来, 一起…)
_TITLES = {"小姐", "先生", "女士", "大人", "老大", "小哥", "大哥", "大姐", "阿姨", "大叔", "老爷", "少爷", "同学"}


def name_in(name: str, lang: str) -> str:
    """``name`` as a script in ``lang`` writes it: hanzi read in pinyin inside an English script."""
    if lang != "zh" and _HAN.search(name):
        return kin_name_en(name, romanise(name[0])) if kin_name(name) else romanise(name)  # 李阿姨: Auntie Li
    return name


@lru_cache(maxsize=256)
def romanise(text: str) -> str:
    """Hanzi in pinyin without tone marks, each run one capitalised word: 小橘 → Xiaoju; 旺财 → Wangcai.
    A syllable that starts with a vowel after another gets an apostrophe (西安 → Xi'an)."""
    from pypinyin import Style, lazy_pinyin

    def run(m: re.Match[str]) -> str:
        syllables = lazy_pinyin(m.group(0), style=Style.NORMAL, v_to_u=False, errors="ignore")
        syllables = [s.replace("v", "u") for s in syllables if s]
        word = syllables[0] if syllables else ""
        for s in syllables[1:]:
            word += ("'" if s[0] in "aeo" else "") + s
        return word.capitalize()

    return _HAN_RUN.sub(run, text)


def apposed_names(premise: str, tokens: Tokens, taken: set[int]) -> list[tuple[str, int]]:
    """Names written right after a Chinese breed, species or relation word (橘猫小橘, 金毛旺财一家),
    with their offsets; ``taken`` holds offsets already named (名叫豆包)."""
    lex = lexicon()
    heads = lex.find_tokens(tokens, ("breeds", "species", "relations"))
    out: list[tuple[str, int]] = []
    for h in heads:
        start = h.pos + len(h.surface)
        if start in taken:
            continue
        nxt = next((o for o in heads if o is not h and o.pos <= start < o.pos + len(o.surface)), None)
        if nxt is not None:  # 哈士奇二哈: a breed's nickname the writer also gives as a name is the name
            if nxt.pos == start and nxt.surface in _known() and h.surface not in _known():
                out.append((nxt.surface, start))
            continue
        name = _name_at(premise, start, h.pos, h.section == "relations")
        if name:
            out.append((name, start))
    return out


def _name_at(premise: str, start: int, head: int = 0, title: bool = False) -> str | None:
    """The name that starts at ``start`` right after a breed or species word (that starts at ``head``), if one
    does; a thing's word there is the pet's name (柯基饺子每天送外卖, 橘猫汤圆开了一家面包店), never a thing the
    pet is (买了狗狗饼干, 小猫蛋糕店)."""
    lex = lexicon()
    run = _HAN_RUN.match(premise, start)
    if run is None:
        return None
    text = run.group(0)
    words = lex.tokenize(text[:8]).words
    firsts = {"".join(words[:k]) for k in (1, 2)}  # 雪糕 is cut 雪 / 糕 (雪 is weather): both read as one
    for size in (3, 2):
        cand = text[:size]
        if len(cand) < size or (size == 3 and cand[0] not in _NAME_HEADS):
            continue
        if cand[:2] in _TITLES or cand[:2] in _NOT_NAMES:
            return None
        if cand[:2] in _NAME_HEAD_EXCEPT:
            return cand[:2]
        if any(ch in _NOT_IN_NAME for ch in (cand[1:] if cand[0] in _NAME_HEADS else cand)):
            continue
        after = text[size:size + 1]
        if size == 2 and cand in firsts and _thing_named(cand):  # 柯基饺子, 小狗汤圆: a food's word right after
            # the pet is its name, never in a longer word (柯基面包师: a baker), in a thing's (小猫蛋糕店), bought
            thing = after in _THING_AFTER or bool(set(premise[max(0, head - 2):head]) & _THING_BEFORE)
            return None if thing else cand  # (买了狗狗饼干)
        if cand[0] not in _NAME_HEADS and cand[0] != cand[1] and cand not in _known() and any(
                h.section in {"events", "actions"} and h.surface == cand[0] for h in lex.find(cand[0])):
            continue  # 小猫偷鱼被妈妈逮到了: a deed's own word (偷) starts what the pet does, no name
        if any(len(h.surface) > 1 for h in lex.find(cand)) or cand in _kind_deeds():
            continue  # 老板, 警察: a vocabulary word is not a name (橘 or 雪 inside one is: 小橘, 雪球); nor 收养, 领养
        if title and size == 2 and after == "的" and _owned_thing(cand):
            continue  # 偷走主人钱包的小偷: the owner's wallet, no owner called 钱包
        ends = not after or after in _AFTER_NAME or (  # 豆包在…, 煤球和…, 阿花被…; 警犬阿黄每天…: an adverb
            after in _GOES_ON and (cand[0] in "小阿" or cand[0] == cand[1]) and cand not in _NOT_STANDALONE)
        if cand in _known() or (ends and (cand[0] in _NAME_HEADS or cand[0] == cand[1])):
            return cand
        if title and size == 2 and cand[0] in "小阿" and cand not in _NOT_STANDALONE and cand[:2] not in _NOT_NAMES:
            return cand  # 老板娘小美收养了…, 老板阿强每天…: a person's title, then the name it is called by
        if after and after in _AFTER_NAME and cand in firsts:
            return cand  # a word of its own before 被/在/和…; at a clause's end it is a verb (白猫投诉，)
    return None


# after a thing's word, what makes it a shop's or a thing's name (小猫蛋糕店, 狗狗饼干的), no pet's; before the pet's
# word (or its 了), a verb that makes the two one thing (买了狗狗饼干, 卖猫罐头)
_THING_AFTER = set("店铺摊馆厂车机盒袋罐屋的")
_THING_BEFORE = set("买卖吃做送喂烤煮拿偷抢给")
_IS_A = re.compile(r"是(?:一只|一条|一头|只|条)")


@lru_cache(maxsize=1024)
def _owned_thing(cand: str) -> bool:
    """``cand`` is, whole, a thing's word the nearest table knows and no food a pet may be called (钱包, 手机, 书包)."""
    return any(n.wanted == cand and n.section == "props" and n.used not in name_things() for n in things(cand, "zh"))


@lru_cache(maxsize=4096)
def _thing_named(cand: str) -> bool:
    """``cand`` is, whole, a food's word (饺子, 包子; 汤圆 and 馒头 drawn as the nearest food) and no other
    vocabulary word (老板, 警察; 排队 is near a queue, no food): a pet may be called so."""
    near = things(cand, "zh")
    return len(near) == 1 and near[0].section == "props" and near[0].wanted == cand and near[0].used in name_things() \
        and not any(len(h.surface) > 1 and h.section != "props" for h in lexicon().find(cand))


@lru_cache(maxsize=1)
def name_things() -> frozenset[str]:
    """The props whose words may be a pet's name (common.json ``name_things``: foods, 饺子, 汤圆, "Dumpling")."""
    return frozenset(read_json("arcs/common.json")["name_things"])


@lru_cache(maxsize=1)
def _kind_deeds() -> frozenset[str]:
    """The Chinese words of a kindness done to a pet (``sides.json``: 收养, 领养, 收留, 照顾): a deed, never a name
    (被一个小女孩收养的流浪狗: the girl adopts the dog, no pet named 收养)."""
    sides = read_json("sides.json")
    return frozenset(w for group in (*sides["kind_by"].values(), sides["kind_to"]) for w in group["zh"])


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    """The Chinese pet names the writer itself gives (story/data/arcs/common.json)."""
    pools = read_json("arcs/common.json")["names"].values()
    return frozenset(n for pool in pools for n in pool["zh"])


def standalone_names(premise: str, taken: set[int]) -> list[tuple[str, int]]:
    """Names that stand alone as a subject or object, with no breed before them (小美被…, 阿黄在…,
    旺财每天…, …欺负小白。), with their offsets; ``taken`` holds offsets already named."""
    lex = lexicon()
    out: list[tuple[str, int]] = []
    for run in _HAN_RUN.finditer(premise):
        text, base = run.group(0), run.start()
        i = 0
        while i < len(text) - 1:
            cand, pos = text[i:i + 2], base + i
            before = premise[pos - 1] if pos > 0 else "，"
            after = text[i + 2:i + 3]
            is_a = (before in _BEFORE_NAME or not _HAN_RUN.match(before)) and bool(_IS_A.match(text, i + 2)) and _thing_named(cand)
            if pos in taken or _shop_named(text[i + 2:], lex) or not (is_a or _standalone(cand, before, after, lex)):
                i += 1  # 汤圆是一只胖橘猫: a thing's word that then says which pet it is, its name
                continue
            out.append((cand, pos))
            i += 2
    return out


_SHOP_ENDS = ("店", "馆", "铺", "摊", "坊", "厂", "超市", "餐厅", "饭店", "酒店", "公司")


def _shop_named(rest: str, lex: Lexicon) -> bool:
    """The words right after a name are a shop's or a place's (阿旺包子店, 豆豆面馆, 小美花店): the name is the shop's,
    no pet's."""
    words = lex.tokenize(rest[:6]).words
    first = words[0] if words else ""
    return bool(first) and (first.endswith(_SHOP_ENDS) or any(
        h.section == "places" and h.pos == 0 and h.surface == first for h in lex.find(first)))


def _standalone(cand: str, before: str, after: str, lex: Lexicon) -> bool:
    """Whether the two hanzi ``cand`` read as a pet's name on their own between ``before`` and ``after``."""
    if cand in _NOT_STANDALONE or cand in _NOT_NAMES or cand in _TITLES:
        return False
    known = cand in _known()
    if cand[0] == cand[1] and after == "的" and not known:
        return False  # 瘦瘦的流浪猫, 胖胖的柯基: how the pet looks, not its name
    shaped = (cand[0] in "小阿" and cand[1] not in _NOT_IN_NAME) or (cand[0] == cand[1] and cand[0] not in _NOT_IN_NAME)
    if not (known or shaped):
        return False
    if any(len(h.surface) > 1 and h.surface != cand for h in lex.find(cand + after)):
        return False  # 小黑猫, 阿拉斯加: the two hanzi begin a vocabulary word
    if any(len(h.surface) > 1 for h in lex.find(cand)) and not known:
        return False  # 老板, 小丑: a vocabulary word is not a name
    at_edge = before in _BEFORE_NAME or not _HAN_RUN.match(before)
    if known and not at_edge and before not in "猫狗犬" and any(n.section == "props" for n in things(cand, "zh")):
        return False  # 买不起布丁, 喝了一杯奶茶: the food after its verb, not a pet called so (小猫奶茶 is)
    goes_on = bool(after) and after in _GOES_ON  # 小白后来…, 阿花终于…: a subject's adverb follows
    ends = not after or after in _AFTER_NAME or goes_on or not _HAN_RUN.match(after)
    return (known and (at_edge or ends)) or (ends and (at_edge or not goes_on))


def species_of_name(name: str) -> str | None:
    """The species whose names hold ``name`` (阿黄, 旺财 → dog), if only one does: common.json's
    ``name_species`` (what Chinese use calls a dog's or a cat's name) and the writer's own name pools."""
    data = read_json("arcs/common.json")
    hits = {sp for sp, pool in data["names"].items() if name in pool["zh"]}
    hits |= {sp for sp in ("cat", "dog") if name in data["name_species"][sp]}
    return hits.pop() if len(hits) == 1 else None


def outside_names(text: str, hits: list[Hit], names: set[str]) -> list[Hit]:
    """The vocabulary ``hits`` in ``text`` that lie outside every given name it says (球球 holds no ball, 饼干 no
    biscuit, "Pizza" no pizza): a pet's name is never a thing to draw."""
    spans = [(m.start(), m.end()) for name in names if name for m in re.finditer(re.escape(name), text)]
    return [h for h in hits if not any(a <= h.pos < b for a, b in spans)]
