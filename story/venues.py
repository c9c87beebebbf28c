"""The places the storyboard painter draws as a shop or venue of their own, read from a scene's words (pure).

A scene set in a shop is drawn as the trade its words name (a flower shop, a bakery, a dumpling shop: the kinds and
their words are data, ``story/data/shops.json``); a stadium, stage, mansion, street, park or building site as the
venue they name (a gym, a show ring, a TV studio, the party hall, a warehouse: ``VENUES``). Found in the scene's
setting, props and narration, then the premise. This module is that reading: ``render.painter.venues`` and
``render.painter.shops`` import it and keep only the drawing (its signs, goods and venues), and
``story.drawings.drawn_lines`` tells a place substitution as drawn (no "place 'warehouse' drawn as
'construction_site'" where the painter draws the warehouse).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from story.script import Scene, Script

SHOPS_DATA = Path(__file__).parent / "data" / "shops.json"


@dataclass(frozen=True)
class ShopMatch:
    kind: str  # the shop drawn ("flower shop")
    asked: str  # the words that named it ("florist")
    source: str  # where they were found: "setting", "props", "narration" or "premise"

    def as_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "asked": self.asked, "from": self.source}


@lru_cache(maxsize=1)
def shop_words() -> tuple[frozenset[str], dict[str, tuple[str, ...]]]:
    """The places a shop may be drawn at, and each shop kind's words (English and Chinese, longest first)."""
    raw = json.loads(SHOPS_DATA.read_text(encoding="utf-8"))
    return frozenset(raw["places"]), {name: tuple(sorted([*k["en"], *k["zh"]], key=len, reverse=True))
                                      for name, k in raw["kinds"].items()}


def _find(text: str, words: tuple[str, ...]) -> tuple[int, str] | None:
    """The earliest of ``words`` in ``text`` (English on word boundaries), with its position."""
    best: tuple[int, str] | None = None
    low = text.lower()
    for w in words:
        if w.isascii():
            m = re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", low)
            at = m.start() if m else -1
        else:
            at = low.find(w)
        if at >= 0 and (best is None or at < best[0]):
            best = (at, w)
    return best


def shop_kind(scene: Scene, premise: str = "", unless: frozenset[str] = frozenset()) -> ShopMatch | None:
    """Which shop the scene is at, or None (not a place a shop is drawn at, or no shop named); the premise's and the
    narration's words never name one of ``unless`` (a shop the hero only dreams of)."""
    places, kinds = shop_words()
    if scene.location not in places:
        return None
    texts = [("setting", scene.setting), ("props", " | ".join(scene.props)), ("narration", scene.narration)]
    if scene.location != "street":  # a street shows the story's shop only when the scene names it
        texts.append(("premise", premise))
    for source, text in texts:
        found = [(hit, name) for name, words in kinds.items() if (hit := _find(text, words))
                 and (source not in ("premise", "narration") or name not in unless)]
        if found:
            (_, words), name = min(found)
            return ShopMatch(name, words, source)
    return None


@dataclass(frozen=True)
class Venue:
    location: str  # the scene location it is drawn for
    words: tuple[tuple[str, str], ...]  # (a word naming it, the banner it is drawn with)
    contests: tuple[str, ...] = ()  # a contest of its own, drawn there from the stage (a strength contest)
    sources: tuple[str, ...] = ("setting", "props", "narration", "premise")  # where its words are looked for
    titled: bool = True  # its headline names it (the banner's words: "Gym", "Dog show"); a house keeps "Street"
    itself: tuple[str, ...] = ()  # the props it is itself, never drawn inside it (no bus parked inside the bus)


VENUES: dict[str, Venue] = {
    "gym": Venue("stadium", tuple((w, "GYM") for w in (
        "gym", "gymnasium", "fitness", "weights", "dumbbell", "dumbbells", "barbell", "weightlifting",
        "lifts weights", "strength contest", "weightlifting contest", "lifting contest", "健身房", "健身", "举重",
        "杠铃", "哑铃")), ("strength contest", "weightlifting contest", "lifting contest", "weightlifting",
                              "举重比赛", "举重")),
    # a swimming story's stadium is its pool (its premise says so); the race's finish line only in the scene
    # that tells it ("wins the race crossing the finish line", 冲过终点), with its banner and tape
    "pool": Venue("stadium", tuple((w, "POOL") for w in (
        "swimming pool", "pool", "swimming race", "swim race", "swimming contest", "swimming competition", "swim meet",
        "swim", "swims", "swimming", "游泳池", "泳池", "游泳馆", "游泳比赛", "游泳"))),
    "finish line": Venue("stadium", tuple((w, "FINISH") for w in (
        "finish line", "finishing line", "终点线", "终点", "冲线", "撞线")),
        sources=("narration",), titled=False),
    "show ring": Venue("stage", (
        ("dog show", "DOG SHOW"), ("best in show", "BEST IN SHOW"), ("show ring", "BEST IN SHOW"),
        ("cat show", "CAT SHOW"), ("pet show", "PET SHOW"), ("狗展", "DOG SHOW"), ("猫展", "CAT SHOW"),
        ("宠物展", "PET SHOW"), ("萌宠大赛", "PET SHOW"), ("狗狗大赛", "DOG SHOW"), ("猫咪大赛", "CAT SHOW"))),
    # a show on TV (a baking show, a cooking contest on TV, a TV talent show, 电视厨艺大赛, 上电视): the studio on air, its
    # cameras, lights and audience; a show of cooks in its show kitchen (cooking and baking contests, TV or not)
    "tv studio": Venue("stage", (
        *((w, "BAKING SHOW") for w in ("baking show", "tv baking show", "baking contest", "baking competition",
                                       "tv baking contest",
                                       "bake off", "bake-off", "烘焙节目", "烘焙大赛", "烘焙比赛", "电视烘焙大赛")),
        *((w, "COOKING SHOW") for w in ("cooking show", "tv cooking show", "cooking contest", "cooking competition",
                                        "tv cooking contest",
                                        "chef contest", "厨艺节目", "烹饪节目", "美食节目", "厨艺比赛", "厨艺大赛",
                                        "烹饪比赛", "烹饪大赛", "电视厨艺大赛")),
        *((w, "TALENT SHOW") for w in ("tv talent show", "talent show on tv", "tv singing contest", "tv singing show",
                                       "tv dance contest", "tv dancing contest", "tv talent contest", "电视才艺秀",
                                       "电视才艺比赛", "电视选秀",
                                       "电视选秀节目", "选秀节目")),
        *((w, "ON AIR") for w in ("on tv", "on television", "on live tv", "tv show", "television show", "tv studio",
                                  "tv painting contest",
                                  "tv contest", "tv competition", "game show", "reality show", "quiz show", "电视台",
                                  "演播厅", "演播室", "电视节目", "上电视", "电视上", "综艺节目", "电视比赛", "电视大赛")))),
    # a ride on a city bus (a wallet stolen on the bus, 公交车上): the street drawn as the bus's inside, its windows, seats,
    # poles and straps, the route board lit
    "bus": Venue("street", tuple((w, "BUS") for w in (
        "on the bus", "on a bus", "on the city bus", "on the school bus", "bus ride", "on the crowded bus", "公交车上",
        "在公交车", "坐公交", "巴士上", "公交上", "大巴上")), sources=("setting", "narration", "premise"),
        itself=("bus",)),
    # the neighbour's home (the cat next door, 隔壁, 邻居家): the street drawn as the house next door, no sign on its lawn
    "next door": Venue("street", tuple((w, "") for w in (
        "next door", "the house next door", "neighbour's house", "neighbor's house", "neighbours' house",
        "neighbors' house", "隔壁", "邻居家")), sources=("setting", "narration", "premise"), titled=False),
    # a home bought or moved into, only where the scene's own setting or props name it
    "house": Venue("street", tuple((w, "SOLD") for w in (
        "new house", "little house", "small house", "own house", "house", "cottage", "new home", "房子", "新房",
        "新家", "小屋")), sources=("setting", "props"), titled=False),
    # the home a pet is thrown out of, seen from the street before its shut door (story/staged.py thrown_out); a
    # street scene whose words wait or sit at the door (在门口等, 趴在家门口, "waits on the doorstep"), the same door:
    # never a shop street (the door of another place, "the door of the bakery", 超市门口, is no home's: ``DOOR_OF``)
    "front door": Venue("street", (("front door", ""), ("家门口", ""), ("在门口", ""), ("到门口", ""), ("门口等", ""),
                                   ("doorstep", ""), ("at the door", ""), ("by the door", ""), ("on the porch", "")),
                        sources=("setting", "narration", "premise"), titled=False),
    # a hotel's lobby where the scene's setting, props or narration name the hotel (the premise alone never:
    # the mansion a hotel cleaner buys stays a mansion)
    # its sign and headline say the word the story said: a motel is no HOTEL, an inn no HOTEL (its own lobby drawn)
    "hotel": Venue("mansion", (
        *((w, "HOTEL") for w in ("hotel", "hotel lobby", "front desk", "reception desk", "酒店", "宾馆", "前台")),
        *((w, "MOTEL") for w in ("motel", "roadside motel", "汽车旅馆")), *((w, "HOSTEL") for w in ("hostel", "青旅")),
        *((w, "INN") for w in ("inn", "旅馆", "旅店", "客栈"))), sources=("setting", "props", "narration")),
    # a party in the mansion (a birthday party, a gala, 派对, 生日宴会): its hall dressed for it, HAPPY BIRTHDAY where
    # the words say a birthday
    "party": Venue("mansion", (
        *((w, "HAPPY BIRTHDAY") for w in ("birthday party", "birthday", "生日派对", "生日宴会", "生日会", "生日")),
        *((w, "PARTY") for w in ("party", "gala", "ballroom", "派对", "宴会", "舞会", "年会"))),
        sources=("premise", "setting", "props", "narration"), titled=False),  # the premise's birthday first
    # a car dealership's showroom (4S店): its shop drawn with the cars on show
    "showroom": Venue("shop", tuple((w, "SHOWROOM") for w in (
        "car dealership", "dealership", "car dealer", "car showroom", "showroom", "4s store", "4s shop", "car store",
        "4s店", "汽车4s店", "车行", "汽车店", "汽车展厅")), sources=("setting", "props", "narration")),
    # a residential compound (小区): its street drawn as the compound's gate before its apartment blocks
    "compound": Venue("street", tuple((w, "RESIDENCES") for w in (
        "residential compound", "housing compound", "compound", "housing estate", "apartment complex",
        "gated community", "residential complex", "小区", "住宅区", "居民区", "住宅小区", "居民小区")),
        sources=("setting", "props", "narration")),
    # a subway's street entrance (地铁口, the subway station): the station drawn as the stairs going down under
    # the subway's canopy and sign, the city street round it
    "subway": Venue("station", tuple((w, "SUBWAY") for w in (
        "subway entrance", "subway station", "subway", "metro station", "metro entrance", "metro",
        "underground station", "tube station", "地铁口", "地铁站", "地铁站口", "地铁出口", "地铁"))),
    # a dog's kennel in its backyard (狗窝): the park drawn as the yard, the kennel in it
    "kennel": Venue("park", tuple((w, "KENNEL") for w in (
        "kennel", "doghouse", "dog house", "dog kennel", "狗窝", "狗屋")),
        sources=("setting", "props", "narration")),
    # a warehouse (仓库) where the words name it: the building site's place drawn as one, its sign over the door
    "warehouse": Venue("construction_site", tuple((w, "WAREHOUSE") for w in (
        "warehouse", "storehouse", "distribution centre", "distribution center", "fulfilment centre",
        "fulfillment center", "logistics centre", "logistics center", "depot", "stockroom", "仓库", "库房", "货仓",
        "物流中心", "物流仓库", "物流园", "快递站", "快递仓库", "分拣中心", "配送中心", "仓储", "sorting center",
        "sorting centre", "parcel depot"))),
    # a lake the premise or scene says is frozen (an ice hole, 冰窟窿): the ice drawn over it, its bank in snow; a river
    # (a flooded river, 河里): its water running across, banks either side, never a still lakeside with a jetty
    "frozen lake": Venue("lake", tuple((w, "FROZEN LAKE") for w in (
        "frozen lake", "frozen pond", "frozen river", "ice hole", "icy river", "icy lake", "icy pond", "thin ice",
        "through the ice", "冰窟窿", "冰窟", "冰面", "冰湖", "冰河", "结冰的湖", "结冰的河"))),
    "river": Venue("lake", tuple((w, "RIVER") for w in (
        "flooded river", "river", "riverbank", "riverside", "stream", "creek", "河里", "河边", "小河", "河水", "江边",
        "河中"))),
    "villa": Venue("mansion", tuple((w, "") for w in (
        "mansion's garden", "mansion garden", "big house", "house with a garden", "villa", "garden", "大房子",
        "别墅", "花园")), sources=("setting", "props"), titled=False),
}


def _said(text: str, word: str) -> bool:
    return word in text if not word.isascii() else re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", text) is not None


# cooking told where a show on TV is (cooks on TV, 在电视上做红烧鱼): the show's kitchen, not a bare studio stage
COOKING = re.compile(r"\b(?:cooks?|cooking|cooked|bakes?|baking|baked|fries|frying|recipe|dish(?:es)?)\b|做菜|做饭|烧菜|炒菜|"
                     r"下厨|烹饪|厨艺|红烧|清蒸|糖醋|炖|煎|炒|烤|做(?:了)?(?:一道|一盘|一锅)?[^，。！？,.!?；]{0,4}?(?:鱼|肉|菜|饭|汤|面|饺子|蛋糕)")
_ON_AIR = "ON AIR"
_COOKING_SHOW = "cooking show"


def _cooking_on_air(name: str, hit: str, text: str) -> str:
    """The word a TV show's venue is told by: "cooking show" where a bare on-air word ("on TV", 电视上) names it and
    the scene's or the premise's words tell cooking (``COOKING``), else the word itself."""
    if name != "tv studio" or dict(VENUES[name].words).get(hit) != _ON_AIR or not COOKING.search(text):
        return hit
    return _COOKING_SHOW


# the door of a place that is no home ("at the door of the bakery", 在超市门口, 学校门口): never the home's front door
DOOR_OF = re.compile(r"\b(?:at|by) the (?:front )?door of (?!(?:his|her|its|their|my|the) (?:home|house)\b)|"
                      r"\b(?:bakery|shop|store|restaurant|school|hospital|station|supermarket|cafe|café|office|bank|"
                      r"church|mall|market)(?:'s)? (?:front )?door(?:step)?\b|"
                      r"(?:店|超市|学校|校|医院|车站|站|餐厅|饭店|公司|银行|商场|市场|面包房|菜场|酒店|小区)门口")


# a shop or place next door ("the café next door", 隔壁的咖啡馆): no neighbour's home (the venue nor the premise's place)
NEXT_DOOR_SHOP = re.compile(r"\b(?:shop|store|caf[eé]|coffee shop|bakery|restaurant|bar|salon|office|diner|stall|"
                            r"supermarket|market|hotel|school|clinic) next door\b|"
                            r"隔壁(?:的)?[^，。,.!?！？；的]{0,4}?(?:店|馆|厅|铺|超市|公司|摊|学校|医院|酒店)", re.IGNORECASE)


def venue_kind(scene: Scene, premise: str = "") -> ShopMatch | None:
    """The venue a scene is drawn as (its ``kind``, the words that named it and where), or None."""
    texts = [("setting", scene.setting), ("props", " | ".join(scene.props)), ("narration", scene.narration),
             ("premise", premise)]
    for name, v in VENUES.items():
        said = [(source, dict(texts)[source]) for source in v.sources]  # in the venue's own order of sources
        if v.location != scene.location:
            # a contest of the venue's own held on the stage ("beats the bulldog in a strength contest"), named
            # by the contest's words (a gym alone in the premise leaves a singing stage a stage)
            if scene.location == "stage" and v.contests:
                hit = next((w for _, text in said for w in v.contests if _said(text.lower(), w)), None)
                if hit is not None:
                    return ShopMatch(name, hit, "contest")
            continue
        for source, text in said:
            low = text.lower()
            hit = next((w for w, _ in sorted(v.words, key=lambda wb: -len(wb[0])) if _said(low, w) and not (
                name == "front door" and DOOR_OF.search(low) or name == "next door" and NEXT_DOOR_SHOP.search(low))),
                       None)
            if hit is not None:
                return ShopMatch(name, _cooking_on_air(name, hit, f"{low} {scene.narration} {premise}".lower()), source)
    return None


def place_drawn(scene: Scene, premise: str = "", unless: frozenset[str] = frozenset()) -> ShopMatch | None:
    """The shop (a bakery) or venue (a gym, a show ring) the painter draws a scene as, or None; the premise's and
    the narration's words never name a shop of ``unless``."""
    return shop_kind(scene, premise, unless) or venue_kind(scene, premise)


def _kinds_named(text: str) -> list[str]:
    """The shops and venues ``text`` names by their words, in the order they are listed."""
    kinds = [(name, words) for name, words in shop_words()[1].items()]
    kinds += [(name, tuple(w for w, _ in v.words)) for name, v in VENUES.items() if v.titled]
    low = text.lower()
    return [name for name, words in kinds if any(_said(low, w) for w in words)]


def opened(script: Script) -> dict[str, int]:
    """The shops and venues the hero opens, by the scene that tells each opening (``Scene.opens``, the story's
    word: "opens her own noodle shop", 开了一家面包店), the first scene for each."""
    out: dict[str, int] = {}
    for i, scene in enumerate(script.scenes):
        for kind in _kinds_named(scene.opens or ""):
            out.setdefault(kind, i)
    return out


def places_drawn(script: Script) -> list[ShopMatch | None]:
    """Each scene's shop or venue (``place_drawn``); one the hero opens (``opened``) not before the scene that
    tells the opening where only the premise names it: no bakery before the pet has saved up for it (from a scene
    whose own words set it in one, the boss's bakery the hero works in, it is drawn so); one the hero only dreams
    of (``Scene.dreams``) and never opens, never from the premise's or a line's words (the supermarket it works in
    is no flower shop)."""
    later = opened(script)
    named: set[str] = set()
    drawn: list[ShopMatch | None] = []
    dreams = [s.dreams for s in script.scenes if s.dreams]
    awake = script.premise  # the premise's words outside its dreams: a pizzeria the hero works at is no dream
    for dream in dreams:
        awake = awake.replace(dream, " ")
    dreamt = frozenset(kind for d in dreams for kind in _kinds_named(d)) - set(later) - set(_kinds_named(awake))
    if any(s.opens and not _kinds_named(s.opens) for s in script.scenes):
        dreamt = frozenset()  # "…and finally opens it": the shop dreamt of is the one opened
    for i, scene in enumerate(script.scenes):
        found = place_drawn(scene, script.premise, dreamt)
        if found is not None and found.source != "premise":
            named.add(found.kind)
        elif found is not None and later.get(found.kind, i) > i and found.kind not in named:
            found = None
        drawn.append(found)
    return drawn


def names_place(kind: str, wanted: str) -> bool:
    """Whether the place ``wanted`` (a story's asked place: "warehouse", "birthday party", "dog show") is the shop or
    venue ``kind`` the painter draws: the kind itself or one of its words."""
    low = wanted.lower().strip()
    if low == kind:
        return True
    shops = shop_words()[1]
    words = shops[kind] if kind in shops else tuple(w for w, _ in VENUES[kind].words) if kind in VENUES else ()
    return any(_said(low, w) for w in words)
