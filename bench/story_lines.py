"""Spoken and narrated lines that garble or contradict what is drawn, counted by class over fresh premises.

    PYTHONPATH=. .venv/bin/python bench/story_lines.py [--seeds 3] [--why] [--fresh]

The line checks of ``tests/test_story_scene_lines.py`` run over premises typed as new users type them (English and
Chinese, typos, run-ons, many kinds of story), each class counted (issue 12: with the sound off, the picture and
the words agree):

- ``crowd_alone``: a line naming the many (everyone, the whole school, 所有人, 全场) in a scene that draws one pet
  alone and no crowd;
- ``nobody_crowd``: a line saying nobody notices (没人注意) in a scene that draws a crowd;
- ``verbless``: a name run into what should have been its verb's object ("Before long, Tiger the big move",
  "Noodle winning the big race");
- ``place_other``: a line at a place ("at the coffee shop", 在医院) other than the scene's drawn location;
- ``typo``: a word ``story/data/spelling.json`` lists as a misspelling said or drawn as typed ("billionare").
``--fresh``: the 15 premises kept aside (never tuned on) instead of the 40.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from story.offline import write_story  # noqa: E402
from story.script import Script  # noqa: E402

PREMISES = [
    'a lonely cat busks in the subway and one day a famous singer hears her',
    'my dog got fired from the coffee shop bc he ate all the muffins',
    'a stray puppy waits outside the restaurant every night for scraps until the chef adopts him',
    'cat becomes a billionare and buys the company that fired him',
    'a shy corgi gets laughed at by the whole class on his first day of school',
    'the poodle wins the dog show but her rival cheats',
    'a old cat waits at the train station for his owner who never comes back',
    'husky opens a hotpot restaurant and the rich cat next door tries to shut it down',
    'a kitten gets lost in the mall on christmas eve and a security guard helps her home',
    'a bulldog boxer trains for the big fight after everyone says he is too old',
    'a cat nurse works double shifts at the hospital and nobody thanks her',
    'a golden retriever saves a little boy from drowning at the beach and becomes famous',
    "the rich cat's family laughs at the poor dog at the wedding but he turns out to be a ceo",
    'a calico cat bakes cakes at a tiny bakery and a food critic comes to visit',
    'a beagle detective finds who stole the diamond necklace from the mansion',
    'a fat cat tries to lose weight at the gym and everyone laughs at him',
    'a dog delivers food in the rain and a rude customer gives him a bad review',
    'two cats fall in love at the office but the boss forbids it',
    'a sick puppy in the hospital dreams of seeing the sea',
    'a dalmatian firefighter rescues kittens from a burning school',
    'a cat livestreams selling fish and goes viral overnight',
    'a shiba gets dumped by his girlfriend and becomes a famous chef',
    'a grandma cat knits scarves for all the stray dogs in winter',
    'a black cat is bullied at school for being bad luck but wins the science fair',
    '被全班嘲笑的小猫考上了清华',
    '流浪狗在餐厅门口等了三年终于等到主人',
    '柯基在咖啡店打工被老板骂哭了',
    '小猫直播卖鱼一夜爆红',
    '猫咪护士在医院连续值班没有人感谢她',
    '被豪门赶出家门的狗狗三年后成了总裁',
    '哈士奇参加选秀所有人都笑他最后他拿了冠军',
    '小橘猫在雪地里捡到一只受伤的小鸟',
    '狗狗外卖员在暴雨中送餐被顾客投诉',
    '猫奶奶在菜市场卖菜被城管赶走',
    '柴犬在婚礼上被新娘的家人看不起',
    '小黑猫在学校被同学欺负最后考了第一名',
    '金毛在海边救了一个溺水的小孩',
    '胖猫去健身房减肥被大家嘲笑',
    '小狗在火车站等了主人十年',
    '布偶猫开了一家面包店被对面的店抢生意',
]
FRESH = [
    'a poor kiten gets adopted by a billionare famly',
    'a corgi waiter at a fancy resturant gets humilated by a rich customer',
    'everyone at the dog park laughs at the tiny chihuahua until he saves a puppy from the lake',
    'a lonely old dog sits at the bus stop every day and nobody notices him',
    'a shy cat enters the talent show and the whole town comes to watch',
    "my freind's cat stole my lunch lol",
    'a husky gets dumped by his girlfreind at the cafe and becomes a millionare',
    'a cat teecher is mocked by her students but she never gives up',
    'the puppy practices every night before winning the big race',
    'a stray dog becomes a famouse singer on the street',
    '被同学嘲笑的柯基在运动会上拿了第一全校都震惊了',
    '小猫在咖啡馆打工所有人都不理它',
    '流浪猫在街头卖唱没人注意后来成了明星',
    '狗狗在医院当护士被病人的家属骂了',
    '猫咪在婚礼上当伴娘全场都在笑',
]

_HAN = re.compile(r"[\u3400-\u9fff]")
_CROWD_EN = re.compile(r"\b(?:everyone|everybody|the whole (?:street|town|school|city|class|office|village|room|internet|"
                       r"crowd|hall|restaurant|place)|the crowd|all of them|the audience|the fans|people (?:cheer|clap|"
                       r"laugh|stare|whisper|point|gasp|watch)\w*)\b", re.IGNORECASE)
_CROWD_ZH = re.compile(r"所有人|大家|全场|围观|全校|全班|全村|全镇|全城|人群|观众|众人|整条街")
_CROWD_PROP = re.compile(r"crowd|onlooker|audience|fans|spectator", re.IGNORECASE)
_NOBODY_EN = re.compile(r"\b(?:nobody|no one)\b(?! noticed)[^.!?]{0,30}\b(?:notices|sees|looks|cares|watches|even)\b",
                        re.IGNORECASE)
_NOBODY_ZH = re.compile(r"(?<!一直)(?:没有人|没人|谁也没有)(?:注意|在意|察觉)(?!的)")
_PLACES_EN = {
    "coffee shop": {"shop", "restaurant"}, "cafe": {"shop", "restaurant"}, "restaurant": {"restaurant", "kitchen"},
    "school": {"school"}, "classroom": {"school"}, "hospital": {"hospital"}, "office": {"office", "skyscraper"},
    "kitchen": {"kitchen", "restaurant"}, "park": {"park"}, "beach": {"beach", "sea"}, "station": {"station"},
    "stage": {"stage"}, "market": {"market"}, "gym": {"stadium", "shop"}, "mall": {"shop"}, "bakery": {"shop", "kitchen"},
    "mansion": {"mansion"}, "wedding": {"wedding"}, "farm": {"farm"}, "rooftop": {"rooftop"}, "stadium": {"stadium"},
    "airport": {"airport"}, "courtroom": {"courtroom"},
}
_PLACE_EN = re.compile(r"\b(?:at|in|inside|into) the (" + "|".join(sorted(_PLACES_EN, key=len, reverse=True)) + r")\b",
                       re.IGNORECASE)
_PLACES_ZH = {"咖啡店": {"shop", "restaurant"}, "咖啡馆": {"shop", "restaurant"}, "餐厅": {"restaurant", "kitchen"},
              "学校": {"school"}, "教室": {"school"}, "医院": {"hospital"}, "办公室": {"office", "skyscraper"},
              "厨房": {"kitchen", "restaurant"}, "公园": {"park"}, "海边": {"beach", "sea"}, "火车站": {"station"},
              "舞台": {"stage"}, "菜市场": {"market"}, "健身房": {"stadium", "shop"}, "婚礼": {"wedding"}}
_PLACE_ZH = re.compile(r"在(" + "|".join(sorted(_PLACES_ZH, key=len, reverse=True)) + r")")
_SPELLING = Path(__file__).resolve().parents[1] / "story" / "data" / "spelling.json"
_TYPO = re.compile(r"(?<![A-Za-z])(?:" + "|".join(map(re.escape, json.loads(_SPELLING.read_text(encoding="utf-8"))["en"]))
                   + r")(?![A-Za-z])", re.IGNORECASE)


def bad_lines(script: Script) -> list[tuple[str, int, str]]:
    """(class, scene, line) of each line that garbles or contradicts its scene."""
    zh = script.language == "zh"
    names = [re.escape(c.name) for c in script.characters]
    out: list[tuple[str, int, str]] = []
    for k, s in enumerate(script.scenes):
        crowd = any(_CROWD_PROP.search(p) for p in s.props)
        out += [("typo", k, p) for p in s.props if _TYPO.search(p)]
        for _who, t in s.spoken():
            if len(s.characters) == 1 and not crowd and (_CROWD_ZH if zh else _CROWD_EN).search(t):
                out.append(("crowd_alone", k, t))
            if crowd and (_NOBODY_ZH if zh else _NOBODY_EN).search(t):
                out.append(("nobody_crowd", k, t))
            if _TYPO.search(t):
                out.append(("typo", k, t))
            if zh:
                out += [("place_other", k, f"[{s.location}] {t}") for m in _PLACE_ZH.finditer(t)
                        if s.location not in _PLACES_ZH[m.group(1)] and m.group(1) not in s.setting]
                continue
            if any(re.search(rf"(?<![a-z] )\b{n} (?:a|an|the|his|her|their) ", t)
                   or re.search(rf"(?:^|[,.!?] ){n} [a-z]+ing (?:the|a|an|his|her|their|to|up|out)\b", t) for n in names):
                out.append(("verbless", k, t))
            out += [("place_other", k, f"[{s.location}] {t}") for m in _PLACE_EN.finditer(t)
                    if s.location not in _PLACES_EN[m.group(1).lower()] and m.group(1).lower() not in s.setting.lower()]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--why", action="store_true", help="print each bad line")
    ap.add_argument("--fresh", action="store_true", help="the 15 premises kept aside")
    args = ap.parse_args()
    premises = FRESH if args.fresh else PREMISES
    counts: collections.Counter[str] = collections.Counter()
    for premise in premises:
        for seed in range(1, args.seeds + 1):
            script = write_story(premise, None, "zh" if _HAN.search(premise) else "en", seed).script
            for cls, k, text in dict.fromkeys(bad_lines(script)):
                counts[cls] += 1
                if args.why:
                    print(f"{cls:12s} seed {seed} scene {k} | {premise[:50]} | {text}")
    total = len(premises) * args.seeds
    print(f"bad lines over {len(premises)} premises x {args.seeds} seeds ({total} scripts): " + "   ".join(
        f"{c} {counts[c]}" for c in ("crowd_alone", "nobody_crowd", "verbless", "place_other", "typo")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
