"""Offline deterministic script writer: premise in, ``Script`` out, no network, no model.

Pure. ``write_offline(premise, style, language, seed)`` picks one of several story arcs (rags to
riches, betrayal, lost and found, workplace underdog, contest rivalry, revenge of the kind, mistaken
identity, school glow-up, kitchen dream) and its details from ``sha256(premise, seed)``; keywords in
the premise (English and Chinese) steer the arc, the job, the contest and so on, and pets named in the
premise (``橘猫``, ``white cat``, ``corgi`` …) become the cast. Same inputs give the same script.

``validate_premise`` normalises the user's text and rejects what can't be a story idea.
"""

from __future__ import annotations

import hashlib
import random
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from petreel.errors import BadPremise, UnknownStyle
from story.script import MAX_SCENE_S, MIN_SCENE_S, Script, normalise_language, spoken_length
from story.styles import ART_STYLES, CHARACTER_STYLES, CharacterStyle

MAX_PREMISE_CHARS = 500
TARGET_MIN_S = 32.0  # the Script allows 30–60 s in total; aim inside with a margin
TARGET_MAX_S = 58.0


# ---------------------------------------------------------------------------------------------
# Premise validation
# ---------------------------------------------------------------------------------------------

_INVISIBLE = {"\u200b", "\ufeff", "\u2060"}


def validate_premise(text: str) -> str:
    """Strip and normalise whitespace; reject empty, over-long or letterless (emoji-only) premises."""
    if not isinstance(text, str):
        raise BadPremise("not text")
    text = unicodedata.normalize("NFC", text)
    text = "".join(c for c in text if c not in _INVISIBLE and unicodedata.category(c) != "Cc" or c.isspace())
    text = " ".join(text.split())
    if not text:
        raise BadPremise("empty")
    if len(text) > MAX_PREMISE_CHARS:
        raise BadPremise(f"too long: {len(text)} characters, at most {MAX_PREMISE_CHARS}")
    if not any(unicodedata.category(c)[0] in "LN" for c in text):
        raise BadPremise("no words, only emoji or symbols")
    return text


# ---------------------------------------------------------------------------------------------
# Keyword analysis (English stems matched at word starts; Chinese as substrings)
# ---------------------------------------------------------------------------------------------

THEMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "wealth": (
        ("rich", "poor", "money", "millionaire", "billionaire", "mansion", "wealth", "broke", "beggar", "luxury"),
        ("富", "穷", "钱", "豪宅", "豪华", "有钱", "土豪", "乞丐", "豪门", "首富"),
    ),
    "work": (
        ("work", "job", "construction", "brick", "labor", "labour", "hustle", "deliver", "factory"),
        ("工地", "打工", "搬砖", "上班", "工作", "外卖", "快递", "工厂", "兼职"),
    ),
    "lost": (
        ("lost", "missing", "stray", "home", "runaway", "abandon", "storm", "find", "found"),
        ("丢", "走丢", "迷路", "回家", "流浪", "失散", "找到", "寻找", "遗弃"),
    ),
    "office": (
        ("boss", "office", "company", "intern", "ceo", "manager", "promot", "coworker", "colleague"),
        ("老板", "公司", "办公室", "实习", "总裁", "经理", "同事", "升职", "职场"),
    ),
    "chef": (
        ("chef", "cook", "restaurant", "kitchen", "recipe", "dish", "food", "bake", "noodle"),
        ("厨", "餐厅", "做饭", "饭店", "菜", "美食", "烘焙", "面馆"),
    ),
    "school": (
        ("school", "exam", "class", "student", "teacher", "test", "grade", "homework", "study", "college"),
        ("学校", "考试", "同学", "老师", "班", "成绩", "作业", "学习", "高考", "大学"),
    ),
    "betray": (
        ("betray", "steal", "stole", "cheat", "backstab", "trust", "best friend", "lie", "lied", "fraud"),
        ("背叛", "偷", "骗", "闺蜜", "兄弟", "出卖", "抢走", "陷害"),
    ),
    "contest": (
        ("contest", "competition", "race", "match", "champion", "talent", "show", "compet", "dance", "sing"),
        ("比赛", "冠军", "选秀", "大赛", "比拼", "跳舞", "唱歌", "赛跑"),
    ),
    "kind": (
        ("kind", "help", "mean", "bully", "bullied", "revenge", "forgive", "share", "humble"),
        ("善良", "欺负", "报复", "帮助", "原谅", "分享", "霸凌", "复仇"),
    ),
    "identity": (
        ("mistak", "disguise", "secret", "undercover", "identity", "owner", "hidden", "incognito", "turns out",
         "doorman", "bouncer"),
        ("身份", "伪装", "隐藏", "真实", "卧底", "老板竟然", "原来", "竟然是", "其实是", "门卫", "保安"),
    ),
}

ARC_THEMES: dict[str, tuple[str, ...]] = {
    "rags_to_riches": ("wealth", "work"),
    "betrayal": ("betray",),
    "lost_and_found": ("lost",),
    "workplace_underdog": ("office", "work"),
    "rivalry": ("contest", "chef"),
    "revenge_of_the_kind": ("kind", "wealth"),
    "mistaken_identity": ("identity", "wealth"),
    "school_glowup": ("school",),
    "kitchen_dream": ("chef",),
}


def _count(text: str, en: Sequence[str], zh: Sequence[str]) -> int:
    low = text.lower()
    hits = sum(len(re.findall(r"\b" + re.escape(stem), low)) for stem in en)
    return hits + sum(low.count(word) for word in zh)


def theme_hits(premise: str) -> dict[str, int]:
    """How often each theme's keywords occur in the premise (only themes that occur)."""
    hits = {name: _count(premise, en, zh) for name, (en, zh) in THEMES.items()}
    return {k: v for k, v in hits.items() if v}


def _rng(premise: str, seed: int) -> random.Random:
    digest = hashlib.sha256(f"{premise}\x00{seed}".encode()).digest()
    return random.Random(int.from_bytes(digest[:16], "big"))


def _pick_arc(premise: str, rng: random.Random) -> str:
    hits = theme_hits(premise)
    scores = {arc: sum(hits.get(t, 0) for t in themes) for arc, themes in ARC_THEMES.items()}
    best = max(scores.values())
    candidates = sorted(arc for arc, score in scores.items() if score == best)
    return rng.choice(candidates)


def choose_arc(premise: str, seed: int) -> str:
    """The arc ``write_offline`` uses for this premise and seed (arcs whose keywords match most win)."""
    premise = validate_premise(premise)
    return _pick_arc(premise, _rng(premise, seed))


# ---------------------------------------------------------------------------------------------
# Cast extraction
# ---------------------------------------------------------------------------------------------

STYLE_KEYWORDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "ginger-cat": (("ginger tabby", "ginger cat", "orange cat", "ginger kitten", "ginger"), ("橘猫", "橘色猫", "大橘", "橘")),
    "white-persian": (("white persian", "persian", "white cat", "white kitten"), ("白猫", "波斯猫", "白色猫")),
    "black-cat": (("black cat", "black kitten"), ("黑猫", "黑色猫")),
    "tabby-cat": (("grey tabby", "gray tabby", "tabby", "grey cat", "gray cat"), ("狸花猫", "狸花", "灰猫", "虎斑猫")),
    "corgi": (("corgi",), ("柯基",)),
    "husky": (("husky", "huskies"), ("哈士奇", "二哈")),
    "shiba": (("shiba inu", "shiba"), ("柴犬",)),
    "golden-retriever": (("golden retriever", "golden dog", "retriever"), ("金毛",)),
}
SPECIES_WORDS: dict[str, tuple[str, ...]] = {
    "cat": (r"\bcats?\b", r"\bkittens?\b", r"\bkitty\b", "猫"),
    "dog": (r"\bdogs?\b", r"\bpupp(?:y|ies)\b", r"\bpups?\b", "狗", "犬"),
}

NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "ginger-cat": (("Ginger", "Mango", "Pumpkin"), ("小橘", "橘子", "大橘")),
    "white-persian": (("Snow", "Duchess", "Pearl"), ("雪球", "白雪", "珍珠")),
    "black-cat": (("Shadow", "Midnight", "Onyx"), ("小黑", "煤球", "墨墨")),
    "tabby-cat": (("Tiger", "Stripes", "Pepper"), ("阿花", "虎子", "花花")),
    "corgi": (("Biscuit", "Waffles", "Peanut"), ("豆豆", "短短", "饼干")),
    "husky": (("Blizzard", "Storm", "Koda"), ("二哈", "雪狼", "哈哈")),
    "shiba": (("Kenji", "Maple", "Mochi"), ("小柴", "阿柴", "枫叶")),
    "golden-retriever": (("Sunny", "Goldie", "Buddy"), ("金金", "阳阳", "大黄")),
}

_NAME_EN = re.compile(r"\b(?:named|called)\s+([A-Z][A-Za-z]{1,13})\b")
_NAME_ZH = re.compile(r"(?:名叫|名字叫|叫做|取名)([\u4e00-\u9fff]{2})|叫(小[\u4e00-\u9fff]|阿[\u4e00-\u9fff])")  # 2-hanzi names


def mentioned_styles(premise: str) -> list[str]:
    """Character style ids the premise names, in order of first mention (longest keywords win)."""
    low = premise.lower()
    taken: list[tuple[int, int]] = []
    found: dict[str, int] = {}
    words = sorted(
        ((w, sid, is_en) for sid, (en, zh) in STYLE_KEYWORDS.items() for ws, is_en in ((en, True), (zh, False)) for w in ws),
        key=lambda t: -len(t[0]),
    )
    for word, sid, is_en in words:
        pattern = r"\b" + re.escape(word) + r"(?:s|es)?\b" if is_en else re.escape(word)
        for m in re.finditer(pattern, low):
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue
            taken.append((m.start(), m.end()))
            found[sid] = min(found.get(sid, m.start()), m.start())
    return sorted(found, key=lambda sid: found[sid])


def mentioned_species(premise: str) -> set[str]:
    low = premise.lower()
    return {sp for sp, pats in SPECIES_WORDS.items() if any(re.search(p, low) for p in pats)}


def hero_name_from(premise: str) -> str | None:
    m = _NAME_EN.search(premise)
    if m:
        return m.group(1)
    z = _NAME_ZH.search(premise)
    if z:
        return z.group(1) or z.group(2)
    return None


@dataclass(frozen=True)
class Role:
    id: str
    style: CharacterStyle
    name: str


def _cast(premise: str, hero_style: CharacterStyle, language: str, rng: random.Random) -> list[Role]:
    mentions = mentioned_styles(premise)
    if hero_style.id in mentions:
        others = [m for m in mentions if m != hero_style.id]
    else:
        # The first pet named plays the hero (drawn in the chosen style); the next ones are the others.
        others = [m for m in mentions[1:] if m != hero_style.id] if len(mentions) > 1 else list(mentions)
    if not others:
        species = mentioned_species(premise) - {hero_style.species}
        want = next(iter(species)) if species else hero_style.species
        pool = sorted(s for s, cs in CHARACTER_STYLES.items() if cs.species == want and s != hero_style.id)
        others = [rng.choice(pool)]
    lang_i = 1 if language == "zh" else 0
    hero_name = hero_name_from(premise) or rng.choice(NAMES[hero_style.id][lang_i])
    roles = [Role("hero", hero_style, hero_name)]
    for role_id, sid in zip(("rival", "friend"), others[:2], strict=False):
        name = rng.choice([n for n in NAMES[sid][lang_i] if n != hero_name] or ["Rex"])
        roles.append(Role(role_id, CHARACTER_STYLES[sid], name))
    return roles


# ---------------------------------------------------------------------------------------------
# Story data: details and arcs
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Detail:
    """A premise-dependent choice (a job, a contest …): values fill the beats' placeholders."""

    keywords: tuple[str, ...]
    values: Mapping[str, str]


DETAILS: dict[str, tuple[Detail, ...]] = {
    "job": (
        Detail(("construction", "brick", "工地", "搬砖"), {
            "job_loc": "construction_site", "job_outfit": "hard_hat",
            "job_en": "hauls heavy bricks on a construction site", "job_zh": "在工地上搬砖",
            "job_act": "carrying a stack of heavy bricks"}),
        Detail(("deliver", "外卖", "快递"), {
            "job_loc": "street", "job_outfit": "uniform",
            "job_en": "delivers food through the busy streets", "job_zh": "风里雨里送外卖",
            "job_act": "riding a delivery scooter with a food box"}),
        Detail(("chef", "cook", "kitchen", "dish", "厨", "洗碗"), {
            "job_loc": "kitchen", "job_outfit": "apron",
            "job_en": "washes dishes in a hot restaurant kitchen", "job_zh": "在餐馆后厨洗碗",
            "job_act": "washing a tall stack of dishes"}),
        Detail(("shop", "store", "店"), {
            "job_loc": "shop", "job_outfit": "apron",
            "job_en": "stacks heavy boxes in a tiny corner shop", "job_zh": "在小卖部搬货",
            "job_act": "stacking cardboard boxes"}),
    ),
    "dream": (
        Detail(("recipe", "cook", "chef", "food", "菜", "厨", "配方"), {
            "dream_loc": "kitchen", "dream_outfit": "apron", "dream_en": "secret fish-cake recipe",
            "dream_zh": "一份秘制小鱼饼配方", "event_en": "food festival", "event_zh": "美食节",
            "quiz_en": "to cook it live", "quiz_zh": "当场做一遍",
            "proof_en": "cooks it perfectly, right down to the secret pinch of catnip",
            "proof_zh": "当场做出一模一样的小鱼饼，连秘制调料都分毫不差"}),
        Detail(("invent", "idea", "tech", "app", "company", "发明", "创意", "公司"), {
            "dream_loc": "office", "dream_outfit": "hoodie", "dream_en": "clever toy invention",
            "dream_zh": "一个聪明的玩具发明", "event_en": "invention fair", "event_zh": "发明大赛",
            "quiz_en": "to explain how it works", "quiz_zh": "当场讲解原理",
            "proof_en": "explains every detail perfectly", "proof_zh": "把每一个细节都讲得清清楚楚"}),
        Detail(("song", "sing", "music", "band", "歌", "音乐"), {
            "dream_loc": "stage", "dream_outfit": "scarf", "dream_en": "brand-new song",
            "dream_zh": "一首原创歌曲", "event_en": "music festival", "event_zh": "音乐节",
            "quiz_en": "to sing the second verse", "quiz_zh": "唱出第二段",
            "proof_en": "sings every verse by heart", "proof_zh": "一字不差地唱完了整首歌"}),
    ),
    "contest": (
        Detail(("cook", "chef", "food", "bake", "厨", "菜", "美食"), {
            "contest_loc": "kitchen", "contest_outfit": "chef_hat", "contest_en": "cooking contest",
            "contest_zh": "厨艺大赛", "contest_act": "cooking over a flaming wok",
            "gear_en": "knives", "gear_zh": "菜刀", "train_loc": "kitchen",
            "train_en": "cooks the same dish a hundred times, burning paws and starting again",
            "train_zh": "把同一道菜练了一百遍，烫伤了爪子也不停"}),
        Detail(("sing", "talent", "show", "music", "唱", "选秀", "才艺"), {
            "contest_loc": "stage", "contest_outfit": "tuxedo", "contest_en": "talent show",
            "contest_zh": "才艺大赛", "contest_act": "singing into a microphone",
            "gear_en": "microphone", "gear_zh": "麦克风", "train_loc": "rooftop",
            "train_en": "sings until the voice cracks, then sings again",
            "train_zh": "练歌练到嗓子沙哑，歇口气接着唱"}),
        Detail(("race", "run", "sport", "跑", "运动"), {
            "contest_loc": "park", "contest_outfit": "uniform", "contest_en": "big race",
            "contest_zh": "赛跑大赛", "contest_act": "sprinting towards the finish line",
            "gear_en": "running shoes", "gear_zh": "跑鞋", "train_loc": "park",
            "train_en": "runs until every paw aches, falling down and getting back up again",
            "train_zh": "跑到爪子酸痛，摔倒了就爬起来"}),
        Detail(("dance", "舞"), {
            "contest_loc": "stage", "contest_outfit": "dress", "contest_en": "dance contest",
            "contest_zh": "舞蹈大赛", "contest_act": "dancing a spinning routine",
            "gear_en": "dance shoes", "gear_zh": "舞鞋", "train_loc": "park",
            "train_en": "dances until the sun goes down, falling and getting back up again",
            "train_zh": "跳到满身大汗，摔倒了就爬起来"}),
    ),
    "venue": (
        Detail(("restaurant", "餐厅", "饭店"), {
            "venue_loc": "restaurant", "venue_en": "restaurant", "venue_zh": "餐厅"}),
        Detail(("shop", "store", "boutique", "精品店", "商店", "服装店", "商场"), {
            "venue_loc": "shop", "venue_en": "boutique", "venue_zh": "精品店"}),
        Detail(("hotel", "mansion", "酒店", "豪宅"), {
            "venue_loc": "mansion", "venue_en": "hotel", "venue_zh": "酒店"}),
    ),
    "business": (
        Detail(("noodle", "soup", "面"), {"biz_loc": "restaurant", "biz_en": "noodle shop", "biz_zh": "面馆"}),
        Detail(("bake", "bread", "cake", "面包", "蛋糕"), {"biz_loc": "shop", "biz_en": "bakery", "biz_zh": "面包店"}),
        Detail(("flower", "花"), {"biz_loc": "shop", "biz_en": "flower shop", "biz_zh": "花店"}),
    ),
}


def _choose_detail(kind: str, premise: str, rng: random.Random) -> Mapping[str, str]:
    options = DETAILS[kind]
    low = premise.lower()
    matched = [d for d in options if any(k in low for k in d.keywords)]
    return rng.choice(matched or list(options)).values


@dataclass(frozen=True)
class Beat:
    """One scene of an arc. Text fields are templates: ``{hero}``, ``{rival}``, detail keys."""

    en: tuple[str, ...]
    zh: tuple[str, ...]
    cap_en: str
    cap_zh: str
    action: str  # English, for the visual prompt; ``{H}``/``{R}`` are the pets' breeds
    locations: tuple[str, ...]
    hero: tuple[str, str]  # (expression, outfit)
    rival: tuple[str, str] | None = None  # (expression, outfit); None: the rival is not in the scene
    mood: str = "calm"
    cameras: tuple[str, ...] = ("push_in",)
    optional: bool = False


@dataclass(frozen=True)
class Arc:
    id: str
    titles_en: tuple[str, ...]
    titles_zh: tuple[str, ...]
    beats: tuple[Beat, ...]
    details: tuple[str, ...] = field(default_factory=tuple)
    moral: bool = True  # may end on MORAL ("nobody laughs at {hero} anymore"): only where the hero was mocked


B = Beat
ARCS: dict[str, Arc] = {
    a.id: a
    for a in [
        Arc("rags_to_riches", ("{hero}'s Big Comeback", "From Rags to Riches", "Who's Laughing Now?"),
            ("{hero}的逆袭人生", "穷小子逆袭记", "谁在笑到最后"), details=("job",), beats=(
            B(("Rich {rival} laughs as {hero} shivers in the rain: \"Poor pets like you will never matter.\"",
               "In front of the whole street, rich {rival} kicks {hero}'s food bowl away and laughs."),
              ("大雨里，有钱的{rival}指着{hero}大笑：“穷鬼一辈子都翻不了身！”",
               "当着整条街的面，有钱的{rival}一脚踢翻了{hero}的饭碗，哈哈大笑。"),
              "Mocked for being poor", "被嘲笑是穷光蛋",
              "{R} laughing at a shivering {Hb}", ("rainy_street", "street"), ("sad", "rags"), ("smug", "sunglasses"),
              "sad", ("push_in", "pan_left")),
            B(("That night, {hero} looks at the city lights and makes a promise: never again.",),
              ("那一夜，{hero}望着城市的灯火，暗暗发誓：绝不再被人看不起。",),
              "A silent promise", "暗暗发誓",
              "{H} gazing at the city lights", ("rooftop", "alley"), ("determined", "rags"), None, "tense", ("tilt_up",)),
            B(("Every day {hero} {job_en}, from sunrise until long after dark.",),
              ("从天亮到深夜，{hero}每天都{job_zh}。",),
              "Working day and night", "日夜打工",
              "{H} {job_act}", ("{job_loc}",), ("tired", "{job_outfit}"), None, "tense", ("pan_right", "static")),
            B(("{rival} walks by and laughs again. {hero} says nothing and keeps working.",),
              ("{rival}路过，又一次嘲笑它。{hero}一句话也没说，继续干活。",),
              "Laughed at again", "再次被嘲笑",
              "{R} mocking a tired {Hb}", ("{job_loc}",), ("tired", "{job_outfit}"), ("smug", "suit"), "sad",
              ("pan_left",), optional=True),
            B(("At night {hero} reads business books under a tiny lamp and saves every coin.",),
              ("晚上，{hero}在小台灯下自学，每一枚硬币都存了起来。",),
              "Saving every coin", "一分一分地攒",
              "{H} reading a book under a desk lamp", ("bedroom",), ("determined", "hoodie"), None, "calm",
              ("push_in",), optional=True),
            B(("Years later, {hero} opens a company. It grows faster than anyone expected.",),
              ("几年后，{hero}创办了自己的公司，生意越做越大。",),
              "Years later…", "几年后……",
              "{H} in a sharp suit at a big desk", ("office",), ("happy", "suit"), None, "dramatic", ("pull_out",)),
            B(("A golden car stops in front of {rival}. The door opens. It's {hero}.",),
              ("一辆金色豪车停在{rival}面前，车门打开，竟然是{hero}！",),
              "Guess who's back", "猜猜是谁回来了",
              "{H} stepping out of a golden car before a shocked {Rb}", ("street", "mansion"),
              ("smug", "sunglasses"), ("shocked", "suit"), "dramatic", ("push_in",)),
            B(("{rival}'s jaw drops. {hero} just smiles: \"Hard work changed everything.\"",
               "{rival} can't believe it. {hero} smiles: \"Never judge anyone by where they start.\""),
              ("{rival}目瞪口呆。{hero}微微一笑：“努力，改变了一切。”",
               "{rival}不敢相信自己的眼睛。{hero}笑着说：“别小看任何人的起点。”"),
              "Who's laughing now?", "现在谁在笑？",
              "{H} wearing a crown, smiling at a stunned {Rb}", ("mansion", "rooftop"), ("happy", "crown"),
              ("shocked", "suit"), "triumphant", ("pull_out", "tilt_up")),
        )),
        Arc("betrayal", ("Betrayed by {rival}", "The Stolen {dream_title}", "{hero} Strikes Back"),
            ("被{rival}背叛之后", "被偷走的梦想", "{hero}的反击"), details=("dream",), moral=False, beats=(
            B(("{hero} trusted {rival} like family. That was the biggest mistake of {hero}'s life.",),
              ("{hero}把{rival}当成最好的朋友，这却是它这辈子最大的错误。",),
              "Best friends… for now", "最好的朋友……暂时",
              "{H} and {R} sharing a milkshake", ("park", "street"), ("happy", "none"), ("smug", "none"),
              "tense", ("push_in",)),
            B(("{hero} shares a secret dream with {rival}: a {dream_en}.",),
              ("{hero}把梦想告诉了{rival}：{dream_zh}。",),
              "A secret shared", "说出秘密",
              "{H} proudly showing a notebook to a scheming {Rb}", ("{dream_loc}",), ("happy", "{dream_outfit}"),
              ("smug", "none"), "calm", ("static", "pan_right")),
            B(("The next morning, {rival} shows off the {dream_en} as if it were {rival}'s own.",),
              ("第二天，{rival}竟然把这个梦想说成是自己的！",),
              "Stolen!", "被偷走了！",
              "{R} on stage taking credit while {H} watches in shock", ("stage", "office"), ("shocked", "none"),
              ("smug", "suit"), "dramatic", ("push_in",)),
            B(("Everyone believes {rival}. {hero} loses everything and walks home alone in the rain.",),
              ("所有人都相信了{rival}。{hero}失去了一切，独自在雨中走回家。",),
              "Alone in the rain", "雨中独行",
              "{H} walking alone in the rain", ("rainy_street",), ("crying", "rags"), None, "sad", ("pull_out",)),
            B(("{hero} starts over from nothing, working on something even better every night.",),
              ("{hero}从零开始，每晚都在打磨一个更好的作品。",),
              "Starting over", "从零开始",
              "{H} working late by lamplight", ("bedroom",), ("determined", "hoodie"), None, "tense",
              ("static",), optional=True),
            B(("At the {event_en}, the judges ask {rival} {quiz_en}. {rival} freezes.",),
              ("{event_zh}上，评委让{rival}{quiz_zh}，它却一下子愣住了。",),
              "Caught out", "当场露馅",
              "{R} sweating on stage under a spotlight", ("stage",), ("determined", "suit"), ("shocked", "suit"),
              "tense", ("push_in",)),
            B(("{hero} steps up and {proof_en}. The whole crowd knows the truth.",),
              ("{hero}走上台，{proof_zh}，真相大白。",),
              "The truth comes out", "真相大白",
              "{H} presenting confidently to a cheering crowd", ("stage",), ("happy", "tuxedo"),
              ("shocked", "suit"), "triumphant", ("pull_out",)),
            B(("{rival} begs for forgiveness. {hero} walks away, free and stronger than ever.",),
              ("{rival}哭着求原谅，{hero}头也不回地离开，比以前更强大。",),
              "Stronger than ever", "比以前更强大",
              "{H} walking away in the sunshine as {R} cries", ("park", "street"), ("happy", "sunglasses"),
              ("crying", "none"), "triumphant", ("pull_out", "tilt_up")),
        )),
        Arc("lost_and_found", ("{hero} Finds the Way Home", "Lost in the Storm", "The Long Way Home"),
            ("{hero}回家记", "暴雨夜走丢了", "回家的路"), moral=False, beats=(
            B(("One stormy night, {hero} chases a butterfly too far, and the way home disappears.",
               "Thunder cracks, the gate swings open and {hero} bolts into the storm. By morning, nothing smells like home."),
              ("一个暴雨夜，{hero}追着蝴蝶跑远了，再也找不到回家的路。",
               "一声惊雷，院门被风吹开，{hero}吓得冲进了暴雨里。等它停下来，四周已经没有一点家的味道。"),
              "Lost in the storm", "暴雨中迷路",
              "{H} alone and soaked under a flickering street lamp", ("rainy_street",), ("shocked", "scarf"), None,
              "sad", ("pull_out", "push_in")),
            B(("In a dark alley, {rival} blocks the way: \"This is my street. Get lost!\"",),
              ("漆黑的小巷里，{rival}拦住去路：“这是我的地盘，滚开！”",),
              "Not welcome here", "这里不欢迎你",
              "{R} blocking a narrow alley, glaring at {H}", ("alley",), ("crying", "scarf"), ("angry", "hoodie"),
              "tense", ("push_in",)),
            B(("Cold and hungry, {hero} sleeps under a park bench and dreams of a warm bed.",),
              ("又冷又饿的{hero}睡在公园长椅下，梦见了温暖的小床。",),
              "Cold and hungry", "又冷又饿",
              "{H} curled up under a park bench at night", ("park",), ("tired", "scarf"), None, "sad",
              ("static", "pan_left")),
            B(("Even so, {hero} shares the last bite of food with a tiny kitten.",),
              ("即便如此，{hero}还是把最后一口食物分给了一只小奶猫。",),
              "Kind even now", "依然善良",
              "{H} sharing food with a tiny kitten", ("street",), ("happy", "scarf"), None, "calm",
              ("push_in",), optional=True),
            B(("Then {hero} pulls {rival} away from a speeding car. {rival} is stunned.",),
              ("就在这时，{hero}把{rival}从飞驰的车前拉了回来，{rival}惊呆了。",),
              "A brave rescue", "勇敢救援",
              "{H} pulling {R} away from car headlights", ("street",), ("determined", "scarf"),
              ("shocked", "hoodie"), "dramatic", ("pan_right",)),
            B(("{rival} knows every street in town and decides to help {hero} find home.",),
              ("{rival}熟悉城里每一条街，决定帮{hero}找到回家的路。",),
              "An unlikely team", "意外的搭档",
              "{H} and {R} walking side by side", ("street", "park"), ("happy", "scarf"), ("happy", "hoodie"),
              "happy", ("pan_left",)),
            B(("Together they climb the highest rooftop and spot a familiar red door.",),
              ("它们爬上最高的屋顶，终于看到了那扇熟悉的红门。",),
              "There it is!", "就是那里！",
              "{H} and {R} on a rooftop pointing at a red door below", ("rooftop",), ("happy", "scarf"),
              ("happy", "hoodie"), "dramatic", ("tilt_up",), optional=True),
            B(("{hero} is home at last, and now {rival} has a home too.",
               "The red door opens. {hero} is home, and {rival} is invited to stay forever."),
              ("{hero}终于回家了，而{rival}从此也有了一个家。", "红门打开了，{hero}回家了，{rival}也被留了下来。"),
              "Home at last", "终于回家",
              "{H} and {R} cuddled on a warm bed", ("bedroom",), ("love", "none"), ("happy", "none"),
              "happy", ("pull_out",)),
        )),
        Arc("workplace_underdog", ("The Intern Who Won", "{hero} Gets Promoted", "Office Underdog"),
            ("实习生逆袭", "{hero}升职记", "职场小透明的反击"), beats=(
            B(("On day one, {rival} dumps a mountain of files on the new intern: \"Finish by morning, {hero}.\"",
               "{rival} slams a tower of files on {hero}'s desk: \"New interns don't sleep.\" The whole office laughs."),
              ("上班第一天，{rival}把一大堆文件扔给新来的实习生{hero}：“明早之前做完！”",
               "{rival}把一摞文件砸在{hero}桌上：“新来的，今晚别想睡！”全办公室都笑了。"),
              "Day one", "上班第一天",
              "{R} dropping a pile of files on {H}'s desk", ("office",), ("shocked", "hoodie"), ("smug", "suit"),
              "tense", ("push_in",)),
            B(("{hero} works all night while the rest of the office sleeps.",),
              ("整栋楼都熄灯了，只有{hero}还在加班。",),
              "All night long", "通宵加班",
              "{H} typing at a laptop in a dark office", ("office",), ("tired", "hoodie"), None, "tense",
              ("static", "pull_out")),
            B(("At the meeting, {rival} presents {hero}'s work and takes all the credit.",),
              ("会议上，{rival}把{hero}的方案说成自己的，抢走了全部功劳。",),
              "Credit stolen", "功劳被抢",
              "{R} presenting charts while {H} watches", ("office",), ("shocked", "hoodie"), ("smug", "suit"),
              "dramatic", ("pan_right",)),
            B(("{rival} even blames {hero} for a mistake {rival} made.",),
              ("{rival}还把自己犯的错推到了{hero}身上。",),
              "Blamed", "背锅",
              "{R} pointing at a teary {Hb}", ("office",), ("crying", "hoodie"), ("angry", "suit"), "sad",
              ("push_in",), optional=True),
            B(("Then the biggest client arrives with a problem nobody can solve. {rival} panics.",),
              ("这时大客户带着难题上门，谁都解决不了，{rival}慌了手脚。",),
              "Panic", "慌了",
              "{R} panicking in a meeting room", ("office",), ("determined", "hoodie"), ("shocked", "suit"),
              "tense", ("pan_left",)),
            B(("{hero} steps forward and solves it in minutes. The whole room falls silent.",),
              ("{hero}站出来，几分钟就解决了问题，全场鸦雀无声。",),
              "Problem solved", "问题解决",
              "{H} at a whiteboard, everyone staring", ("office",), ("determined", "suit"), None, "dramatic",
              ("push_in",)),
            B(("The chairman smiles: \"Meet our new manager, {hero}.\" {rival} turns pale.",
               "The chairman has seen the files: every idea was {hero}'s. \"Our new manager is {hero}.\" {rival} goes pale."),
              ("董事长笑着宣布：“新经理就是{hero}！”{rival}脸都白了。",
               "董事长早就查清了，所有方案都出自{hero}之手：“从今天起，{hero}就是新经理。”{rival}脸色煞白。"),
              "New manager", "新经理上任",
              "{H} shaking paws with the chairman, {R} pale", ("office",), ("happy", "suit"), ("shocked", "suit"),
              "triumphant", ("pull_out",)),
            B(("And {rival}'s new job? Bringing coffee to {hero} every morning.",),
              ("而{rival}的新工作，是每天早上给{hero}送咖啡。",),
              "Tables turned", "风水轮流转",
              "{R} serving coffee to a relaxed {Hb}", ("office",), ("smug", "sunglasses"), ("tired", "uniform"),
              "funny", ("static",), optional=True),
        )),
        Arc("rivalry", ("The {contest_title} Showdown", "{hero} vs {rival}", "Underdog Champion"),
            ("{contest_zh}对决", "{hero}大战{rival}", "黑马冠军"), details=("contest",), beats=(
            B(("\"You? In the {contest_en}? You'll lose in the first round,\" sneers {rival}.",
               "{rival} tears up {hero}'s entry form for the {contest_en} in front of everyone: \"Losers don't compete.\""),
              ("“就你也想参加{contest_zh}？第一轮就会被淘汰！”{rival}冷笑道。",
               "{rival}当众撕掉了{hero}的{contest_zh}报名表：“废物也配参赛？”"),
              "\"You'll never win\"", "“你赢不了的”",
              "{R} sneering down at {H}", ("{contest_loc}", "street"), ("sad", "none"), ("smug", "{contest_outfit}"),
              "dramatic", ("push_in",)),
            B(("The night before, {rival} secretly breaks {hero}'s {gear_en}.",),
              ("比赛前一晚，{rival}偷偷弄坏了{hero}的{gear_zh}。",),
              "Sabotage!", "暗中使坏",
              "{R} sneaking around in the dark", ("alley", "{contest_loc}"), ("shocked", "none"), ("smug", "hoodie"),
              "tense", ("pan_left",), optional=True),
            B(("From dawn to midnight, {hero} {train_en}.",),
              ("{hero}每天从早练到晚，{train_zh}。",),
              "Training hard", "拼命练习",
              "{H} {contest_act}", ("{train_loc}",), ("determined", "hoodie"), None, "tense",
              ("pan_right", "static")),
            B(("A retired champion sees {hero} practising late and shares one secret trick.",),
              ("一位退隐的老冠军看到{hero}深夜苦练，把独门绝招传给了它。",),
              "A secret trick", "独门绝招",
              "{H} listening to an old wise pet", ("{train_loc}",), ("determined", "hoodie"), None, "calm",
              ("static",), optional=True),
            B(("Final round. {rival} goes first, and the crowd goes wild.",),
              ("决赛开始，{rival}先上场，全场欢呼。",),
              "The final", "决赛",
              "{R} bowing to a cheering crowd", ("{contest_loc}",), ("determined", "{contest_outfit}"),
              ("smug", "{contest_outfit}"), "dramatic", ("pull_out",)),
            B(("Then {hero} steps into the light and gives everything.",),
              ("轮到{hero}了，它拼尽了全力。",),
              "All or nothing", "全力以赴",
              "{H} {contest_act} under a spotlight", ("{contest_loc}",), ("determined", "{contest_outfit}"), None,
              "tense", ("push_in",)),
            B(("The judges stand up. The winner of the {contest_en} is {hero}!",
               "Perfect scores from every judge. The {contest_en} champion is {hero}, and {rival} can't even clap."),
              ("评委全体起立：{contest_zh}的冠军是——{hero}！",
               "评委全部亮出满分！{contest_zh}冠军是{hero}，{rival}连掌都拍不起来。"),
              "Champion!", "冠军！",
              "{H} holding a golden trophy, {R} shocked", ("stage",), ("happy", "crown"), ("shocked", "none"),
              "triumphant", ("tilt_up",)),
            B(("{hero} offers {rival} a paw: \"Next year, let's compete fair.\"",),
              ("{hero}向{rival}伸出爪子：“明年，我们公平较量。”",),
              "Fair play", "公平较量",
              "{H} offering a paw to {R}", ("stage",), ("happy", "crown"), ("sad", "none"), "happy",
              ("static",), optional=True),
        )),
        Arc("revenge_of_the_kind", ("The Kindest Revenge", "{hero}'s Warm Soup", "Kindness Wins"),
            ("最温柔的报复", "{hero}的一碗汤", "善良赢了"), details=("business",), beats=(
            B(("{rival} throws {hero}'s fish on the ground: \"Beggars don't eat here.\"",
               "\"Out! We don't serve strays,\" {rival} snaps, and kicks {hero}'s only fish into the gutter."),
              ("{rival}把{hero}的小鱼干扔在地上：“乞丐不配在这儿吃饭！”",
               "“滚出去！这里不招待流浪的！”{rival}把{hero}唯一的小鱼干踢进了水沟。"),
              "Thrown out", "被赶出门",
              "{R} tossing a fish at {H}'s feet", ("restaurant", "street"), ("sad", "rags"), ("smug", "suit"),
              "sad", ("push_in",)),
            B(("Still, {hero} shares every meal with the little strays in the park.",),
              ("即使这样，{hero}还是把食物分给公园里的流浪小猫小狗。",),
              "Sharing anyway", "依然分享",
              "{H} sharing food with little strays", ("park",), ("happy", "rags"), None, "calm", ("pan_right",)),
            B(("Seasons pass. {hero} opens a little {biz_en} and treats everyone kindly.",),
              ("几年过去，{hero}开了一家小{biz_zh}，对谁都很友善。",),
              "Seasons pass", "几年过去",
              "{H} smiling behind a shop counter", ("{biz_loc}",), ("happy", "apron"), None, "happy",
              ("pull_out",), optional=True),
            B(("Meanwhile {rival} loses every coin and ends up alone in the rain.",),
              ("而{rival}却败光了家产，孤零零地淋着雨。",),
              "Fortune turns", "风水轮流转",
              "{R} in rags, alone in the rain", ("rainy_street",), ("neutral", "none"), ("crying", "rags"), "sad",
              ("tilt_down",)),
            B(("Starving, {rival} knocks on a door. It opens, and it's {hero}.",),
              ("饿得发慌的{rival}敲开一扇门，开门的竟然是{hero}。",),
              "Face to face", "狭路相逢",
              "{H} opening a door to a soaked {Rb}", ("{biz_loc}",), ("shocked", "apron"), ("shocked", "rags"),
              "dramatic", ("push_in",)),
            B(("{rival} bows low and waits to be laughed at, just like before.",),
              ("{rival}低下头，等着被嘲笑，就像当年一样。",),
              "Waiting for revenge", "等着被报复",
              "{R} bowing, eyes shut", ("{biz_loc}",), ("neutral", "apron"), ("sad", "rags"), "tense",
              ("static",), optional=True),
            B(("Instead, {hero} serves {rival} the warmest bowl of soup in town.",
               "Instead, {hero} smiles and pulls out a chair: \"Sit. You must be hungry.\""),
              ("{hero}却端上了一碗热腾腾的鱼汤。", "{hero}却笑着拉开椅子：“坐吧，你一定饿了。”"),
              "The kindest revenge", "最温柔的报复",
              "{H} serving a steaming bowl of soup to {R}", ("{biz_loc}",), ("happy", "apron"), ("crying", "rags"),
              "happy", ("pull_out",)),
        )),
        Arc("mistaken_identity", ("The Secret Owner", "Don't Judge {hero}", "Guess Who Owns It"),
            ("隐藏的老板", "别小看{hero}", "原来它才是老板"), details=("venue",), beats=(
            B(("{hero} walks into the fanciest {venue_en} in town in an old hoodie. {rival} blocks the door.",
               "{hero} tries to enter the {venue_en} in a scruffy hoodie. {rival} shoves {hero} back: \"Beggars use the back door.\""),
              ("{hero}穿着旧卫衣走进城里最高档的{venue_zh}，{rival}一把拦住了它。",
               "{hero}穿着旧卫衣想走进{venue_zh}，{rival}一把推开它：“要饭的走后门！”"),
              "Stopped at the door", "门口被拦",
              "{R} blocking the entrance in front of {H}", ("{venue_loc}",), ("neutral", "hoodie"),
              ("smug", "uniform"), "tense", ("push_in",)),
            B(("\"No strays allowed,\" {rival} sneers, loud enough for everyone to hear.",),
              ("“{stray_zh}不准进来！”{rival}大声嘲笑，所有人都听见了。",),
              "\"No strays allowed\"", "“{stray_zh}不准进”",
              "{R} pointing at the door, laughing", ("{venue_loc}",), ("sad", "hoodie"), ("smug", "uniform"),
              "sad", ("pan_left",)),
            B(("The customers laugh. {hero} just smiles and quietly makes one phone call.",),
              ("客人们哄堂大笑，{hero}只是笑了笑，悄悄打了一个电话。",),
              "One phone call", "一个电话",
              "{H} calmly holding a phone", ("{venue_loc}",), ("smug", "hoodie"), None, "tense",
              ("static",), optional=True),
            B(("Minutes later, a row of black cars pulls up outside.",),
              ("几分钟后，一排黑色豪车停在了门口。",),
              "Black cars arrive", "豪车到场",
              "black limousines lining up, {R} staring", ("street",), ("smug", "hoodie"), ("shocked", "uniform"),
              "dramatic", ("pan_right",)),
            B(("The manager bows low: \"Welcome back, boss {hero}.\"",),
              ("经理深深鞠躬：“老板{hero}，欢迎回来！”",),
              "\"Welcome back, boss\"", "“老板好！”",
              "staff bowing to {H} in a suit", ("{venue_loc}",), ("smug", "suit"), ("shocked", "uniform"),
              "dramatic", ("push_in",)),
            B(("{rival} freezes. The stray everyone laughed at owns the whole place.",),
              ("{rival}当场石化：原来这只“{stray_zh}”就是老板！",),
              "The owner all along", "原来它是老板",
              "{R} frozen in shock, {H} in sunglasses", ("{venue_loc}",), ("smug", "sunglasses"),
              ("shocked", "uniform"), "funny", ("push_in",)),
            B(("{hero} hands {rival} an apron: \"Respect everyone. Your lesson starts now.\"",),
              ("{hero}递给{rival}一条围裙：“尊重每一个人，从今天开始学。”",),
              "Lesson one: respect", "第一课：尊重",
              "{H} handing an apron to {R}", ("{venue_loc}",), ("happy", "suit"), ("sad", "apron"),
              "triumphant", ("pull_out",)),
        )),
        Arc("school_glowup", ("Top of the Class", "{hero}'s Perfect Score", "The Class Comeback"),
            ("学霸逆袭", "{hero}考了满分", "全班第一"), beats=(
            B(("{rival} holds up {hero}'s failed test for the whole class to see.",
               "\"Last place again, {hero}?\" {rival} reads the grade out loud, and the whole class roars."),
              ("{rival}把{hero}不及格的试卷举起来，让全班同学都看见。",
               "“{hero}，又是倒数第一？”{rival}当众念出成绩，全班哄堂大笑。"),
              "The failed test", "不及格的试卷",
              "{R} waving a test paper with a big red F", ("school",), ("sad", "hoodie"), ("smug", "uniform"),
              "sad", ("push_in",)),
            B(("Everyone laughs. {hero} hides behind a book, ears burning.",),
              ("全班哄堂大笑，{hero}躲在书后面，耳朵都红了。",),
              "Laughed at", "被全班嘲笑",
              "{H} hiding behind a book", ("school",), ("crying", "hoodie"), ("smug", "uniform"), "sad",
              ("pan_left",)),
            B(("From that night on, {hero} studies until the desk lamp is the only light on the street.",),
              ("从那天起，{hero}每晚都学到整条街只剩自己的台灯还亮着。",),
              "Studying every night", "挑灯夜读",
              "{H} studying by a desk lamp", ("bedroom",), ("determined", "hoodie"), None, "calm",
              ("push_in", "static")),
            B(("When {rival} trips in the hallway, {hero} still helps pick up the books.",),
              ("{rival}在走廊摔倒时，{hero}还是帮它捡起了书。",),
              "Kind anyway", "依然善良",
              "{H} picking up books for {R}", ("school",), ("neutral", "hoodie"), ("shocked", "uniform"), "calm",
              ("static",), optional=True),
            B(("Exam day. {rival} smirks: \"Ready to fail again?\"",),
              ("考试那天，{rival}冷笑：“准备好再考砸一次了吗？”",),
              "Exam day", "考试日",
              "{H} and {R} at exam desks", ("school",), ("determined", "uniform"), ("smug", "uniform"), "tense",
              ("pan_right",)),
            B(("The results go up. First place, perfect score: {hero}.",),
              ("成绩公布：满分第一名——{hero}！",),
              "Perfect score!", "满分！",
              "{H} in front of a results board, {R} shocked", ("school",), ("happy", "uniform"),
              ("shocked", "uniform"), "dramatic", ("push_in",)),
            B(("At graduation, {hero} gives the big speech, and {rival} claps the loudest.",),
              ("毕业典礼上，{hero}作为代表发言，{rival}的掌声最响。",),
              "Graduation day", "毕业典礼",
              "{H} giving a speech on stage in a graduation cap", ("stage",), ("happy", "graduation_cap"),
              ("happy", "graduation_cap"), "triumphant", ("pull_out",)),
        )),
        Arc("kitchen_dream", ("From Dishwasher to Head Chef", "{hero}'s Secret Recipe", "The Kitchen Comeback"),
            ("从洗碗工到主厨", "{hero}的拿手菜", "后厨逆袭"), beats=(
            B(("Head chef {rival} throws {hero}'s dish in the bin: \"Dishwashers don't cook.\"",
               "{rival} tastes {hero}'s dish, spits it out and dumps the plate: \"Stick to washing dishes.\""),
              ("主厨{rival}把{hero}做的菜倒进垃圾桶：“洗碗工也配做菜？”",
               "{rival}尝了一口{hero}做的菜，当场吐掉，连盘子带菜扔进垃圾桶：“老老实实洗你的碗！”"),
              "\"Dishwashers don't cook\"", "“洗碗工也配做菜？”",
              "{R} dumping a plate into a bin in front of {H}", ("kitchen",), ("sad", "apron"),
              ("smug", "chef_hat"), "sad", ("push_in",)),
            B(("{hero} goes back to the mountain of dishes, but watches every move the chefs make.",),
              ("{hero}回去继续洗堆成山的盘子，却偷偷记下厨师们的每一个动作。",),
              "Watching closely", "偷偷学艺",
              "{H} washing dishes while watching the cooks", ("kitchen",), ("determined", "apron"), None, "calm",
              ("pan_right",)),
            B(("After closing, {hero} cooks alone in the dark kitchen, night after night.",),
              ("打烊后，{hero}一个人在昏暗的厨房里练习，一夜又一夜。",),
              "Night after night", "一夜又一夜",
              "{H} cooking alone in a dim kitchen", ("kitchen",), ("tired", "apron"), None, "tense",
              ("static",)),
            B(("{rival} catches {hero} practising and laughs: \"You'll never be a chef.\"",),
              ("{rival}撞见{hero}在练习，嘲笑道：“你永远当不了厨师。”",),
              "\"You'll never be a chef\"", "“你当不了厨师”",
              "{R} laughing in the kitchen doorway", ("kitchen",), ("sad", "apron"), ("smug", "chef_hat"), "sad",
              ("pan_left",), optional=True),
            B(("Then a famous food critic arrives, and {rival} burns the main course.",),
              ("这天著名美食家突然到访，{rival}却把主菜烧糊了。",),
              "Disaster!", "出大事了！",
              "{R} staring at a smoking pan", ("kitchen", "restaurant"), ("shocked", "apron"),
              ("shocked", "chef_hat"), "dramatic", ("push_in",)),
            B(("With seconds to spare, {hero} puts on a chef's hat and takes over the stove.",),
              ("千钧一发之际，{hero}戴上厨师帽，开始掌勺。",),
              "Taking over", "临危掌勺",
              "{H} cooking over roaring flames", ("kitchen",), ("determined", "chef_hat"), None, "tense",
              ("push_in",)),
            B(("The critic takes one bite and closes her eyes: \"Who made this?\"",),
              ("美食家尝了一口，闭上眼睛：“这道菜是谁做的？”",),
              "\"Who made this?\"", "“这是谁做的？”",
              "a critic tasting a beautiful dish, {H} waiting", ("restaurant",), ("determined", "chef_hat"), None,
              "dramatic", ("static",)),
            B(("Today {hero} runs the kitchen, and {rival} washes the dishes.",),
              ("如今{hero}成了主厨，而{rival}在后厨洗碗。",),
              "The new head chef", "新主厨",
              "{H} in a tall chef's hat, {R} washing dishes", ("kitchen", "restaurant"), ("happy", "chef_hat"),
              ("sad", "apron"), "triumphant", ("pull_out",)),
        )),
    ]
}

MORAL = Beat(
    ("The moral? Never judge anyone by the fur they were born with.",
     "And that is why nobody in this town laughs at {hero} anymore."),
    ("所以说，永远不要以貌取{species_zh}。", "从那以后，城里再也没有谁敢嘲笑{hero}了。"),
    "The End", "完",
    "{H} smiling at sunset", ("rooftop", "park", "beach"), ("happy", "none"), None, "happy", ("pull_out",),
    optional=True,
)

SETTINGS: dict[str, tuple[str, ...]] = {
    "street": ("a busy city street", "a quiet street at dusk"),
    "rainy_street": ("a dark street in pouring rain", "a rainy street with neon reflections"),
    "construction_site": ("a dusty construction site with cranes",),
    "office": ("a glass-walled city office", "a busy open-plan office"),
    "mansion": ("a grand marble mansion", "a mansion with a fountain"),
    "park": ("a leafy city park", "a park with cherry blossoms"),
    "kitchen": ("a steamy restaurant kitchen",),
    "restaurant": ("an elegant restaurant dining room", "a cosy restaurant with warm lights"),
    "school": ("a sunny classroom", "a school hallway"),
    "hospital": ("a bright hospital ward",),
    "rooftop": ("a rooftop above the city lights",),
    "bedroom": ("a tiny bedroom with a desk lamp",),
    "shop": ("a cosy little shop",),
    "stage": ("a bright stage under spotlights",),
    "alley": ("a narrow back alley",),
    "beach": ("a golden beach at sunset",),
}

OUTFIT_WORDS = {
    "none": "", "rags": "torn ragged clothes", "hard_hat": "a yellow hard hat", "suit": "a sharp suit",
    "tuxedo": "a black tuxedo", "dress": "an elegant dress", "apron": "an apron", "chef_hat": "a tall chef's hat",
    "crown": "a golden crown", "sunglasses": "cool sunglasses", "uniform": "a uniform",
    "graduation_cap": "a graduation cap", "hoodie": "an old hoodie", "scarf": "a red scarf",
}
CAMERA_WORDS = {
    "static": "steady shot", "push_in": "slow push-in", "pull_out": "slow pull-out", "pan_left": "pan left",
    "pan_right": "pan right", "tilt_up": "tilt up", "tilt_down": "tilt down",
}


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------


class _Ctx(dict[str, str]):
    """Template values; a missing key renders as an empty string rather than failing."""

    def __missing__(self, key: str) -> str:
        return ""


def _fill(template: str, ctx: Mapping[str, str]) -> str:
    return " ".join(template.format_map(ctx).split())


def _appearance(role: Role, expr_outfit: tuple[str, str], ctx: Mapping[str, str]) -> dict[str, str]:
    return {"id": role.id, "expression": _fill(expr_outfit[0], ctx), "outfit": _fill(expr_outfit[1], ctx)}


def _describe(role: Role, app: Mapping[str, str]) -> str:
    outfit = OUTFIT_WORDS.get(app["outfit"], "")
    worn = f" wearing {outfit}" if outfit else ""
    return f"{role.style.look}, {app['expression']} expression{worn}"


def _fit_durations(spoken: list[float]) -> list[float]:
    """Scene lengths that fit each narration and bring the total inside the 30–60 s window."""
    floors = [max(MIN_SCENE_S, s + 0.5) for s in spoken]
    durs = [min(MAX_SCENE_S, max(MIN_SCENE_S, s + 1.5)) for s in spoken]
    while sum(durs) < TARGET_MIN_S and any(d < MAX_SCENE_S for d in durs):
        for i, d in enumerate(durs):
            durs[i] = min(MAX_SCENE_S, d + 0.5)
    while sum(durs) > TARGET_MAX_S and any(d > f for d, f in zip(durs, floors, strict=True)):
        for i, (d, f) in enumerate(zip(durs, floors, strict=True)):
            durs[i] = max(f, d - 0.5)
    return [round(d, 1) for d in durs]


def _select_beats(arc: Arc, rng: random.Random) -> list[Beat]:
    beats = [b for b in arc.beats if not b.optional or rng.random() < 0.55]
    if arc.moral and rng.random() < 0.3:
        beats.append(MORAL)
    return beats[:10]


def write_offline(premise: str, style: str, language: str, seed: int, art_style: str = "storyboard") -> Script:
    """Write a 30–60 s, 5–10 scene pet drama for ``premise`` without any network or model."""
    # 1. Validate inputs.
    premise = validate_premise(premise)
    if style not in CHARACTER_STYLES:
        raise UnknownStyle(f"{style!r}; known: {', '.join(CHARACTER_STYLES)}")
    if art_style not in ART_STYLES:
        raise UnknownStyle(f"art style {art_style!r}; known: {', '.join(ART_STYLES)}")
    lang = normalise_language(language)
    rng = _rng(premise, seed)

    # 2. Pick the arc, the cast and the details.
    arc = ARCS[_pick_arc(premise, rng)]
    cast = _cast(premise, CHARACTER_STYLES[style], lang, rng)
    roles = {r.id: r for r in cast}
    hero, rival = cast[0], cast[1]
    hero_kind, rival_kind = (f"{r.style.breed} {r.style.species}" for r in (hero, rival))
    ctx = _Ctx(hero=hero.name, rival=rival.name, H=f"the {hero_kind}", R=f"the {rival_kind}",
               Hb=hero_kind, Rb=rival_kind,
               stray_zh="流浪猫" if hero.style.species == "cat" else "流浪狗",
               species_zh="猫" if hero.style.species == "cat" else "狗")
    for kind in arc.details:
        ctx.update(_choose_detail(kind, premise, rng))
    ctx["dream_title"] = ctx["dream_en"].split()[-1].title() if ctx["dream_en"] else "Dream"
    ctx["contest_title"] = ctx["contest_en"].title()

    # 3. Write the scenes beat by beat.
    art = ART_STYLES[art_style]
    scenes: list[dict[str, object]] = []
    spoken: list[float] = []
    beats = _select_beats(arc, rng)
    for n, beat in enumerate(beats):
        narration = _fill(rng.choice(beat.zh if lang == "zh" else beat.en), ctx)
        caption = _fill(beat.cap_zh if lang == "zh" else beat.cap_en, ctx)
        location = _fill(rng.choice(beat.locations), ctx)
        setting = rng.choice(SETTINGS[location])
        camera = rng.choice(beat.cameras)
        apps = [_appearance(hero, beat.hero, ctx)]
        if beat.rival is not None:
            apps.append(_appearance(rival, beat.rival, ctx))
        if "friend" in roles and n == len(beats) - 1:
            apps.append({"id": "friend", "expression": "happy", "outfit": "none"})
        people = "; ".join(_describe(roles[a["id"]], a) for a in apps)
        visual = f"{people}; {_fill(beat.action, ctx)}; {setting}; {CAMERA_WORDS[camera]}; {art.prompt}, vertical 9:16"
        scenes.append({
            "location": location, "setting": setting, "characters": apps, "visual_prompt": visual,
            "narration": narration, "caption": caption, "duration": 0.0, "camera": camera, "mood": beat.mood,
        })
        spoken.append(spoken_length(narration, lang))
    for scene, dur in zip(scenes, _fit_durations(spoken), strict=True):
        scene["duration"] = dur

    # 4. Assemble and validate.
    title = _fill(rng.choice(arc.titles_zh if lang == "zh" else arc.titles_en), ctx)
    return Script.model_validate({
        "title": title[:80], "language": lang, "premise": premise, "style": style, "art_style": art_style,
        "characters": [
            {"id": r.id, "name": r.name, "species": r.style.species, "breed": r.style.breed, "look": r.style.look,
             "style": r.style.id, "voice": "narrator"}
            for r in cast
        ],
        "scenes": scenes,
    })
