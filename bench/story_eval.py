"""Story evaluation: does the offline writer tell the premise the user typed?

    PYTHONPATH=. .venv/bin/python bench/story_eval.py [--seeds 5] [--writer offline]

Over the premises below (English and Chinese; inside and outside the common arcs; named and
unnamed supporting characters; long and short), it prints:

* premise fidelity: the share of each premise's characters, jobs, places and outcomes that appear
  in the script (title, narration, dialogue, captions, visual prompts, settings, props, cast). The
  expected words are written here by hand for each premise, with their synonyms; they are NOT the
  writer's vocabulary, so the writer cannot pass by echoing its own keyword table.
* cast recall: the share of the characters the premise names or describes that are cast (a matching
  species, breed or given name, one script character each).
* distinct lines: spoken lines (narration and dialogue, character names masked) that differ across
  5 seeds of one premise, as a share of all of them.
* shared lines: lines one script shares word for word (names masked) with the script of another,
  unrelated premise, per 10 lines.

* props (issue 12, staging): premises naming food, a vehicle or a trade: the thing drawn as itself (the
  painter's own drawing), the shop as its trade, and the asked things no drawing is near to (drawn as nothing) per script (``--props``
  prints only this block).

* casting (issue 12): premises naming pets only by name, counting pets ("two puppies", 三只小猫), visiting a
  relative's grave, a pet that waits every day: cast count right, cast recall, the dead relative never on screen
  nor speaking, the arc it must be told in (remembrance, loyal wait).

* who is who (issue 12, sides): premises about families, friends, betrayal, helpers and the helped (English
  and Chinese): the hero (the one wronged) and the rival as told, the side each named pet is on, family
  members drawn alike (species and breed of the relative), the arc (an adoption, a kindness repaid, a pet
  helping another) and template details against the premise (``SIDES_CASES``, by hand; ``--sides`` runs it
  alone).

* breeds (issue 12): premises with plural breed mockers ("the poodles", 一群哈士奇), pet shows and training
  (``BREEDS_CASES``, by hand): the group cast, lines naming a pet as its own doer, the show drawn, the hero's
  breed look, training drawn as training, coats that change between scenes (``--breeds`` runs it alone).

* invented: over a second set of premises never used to tune the writer (jobs in and out of the
  vocabulary, no job, rescue, revenge, romance, school; English and Chinese), the share of scripts
  whose title or spoken lines name a job, business, wealth, place or event the premise does not
  ask for ("the richest pet", "the first week, one customer", "the big contest comes"). The claim
  words and the premise words that allow each are written here by hand (``CLAIMS``), apart from the
  writer's own tables. ``--why`` prints each invented word with its line.

* unseen (issue 12, the story side): English premises written after the writer was tuned (cheating,
  stealing, adoption, jobs, school, sports, family, betrayal, kindness repaid, jealousy): the arc of the
  story's kind, the side each named pet is on, the premise's pets read one each, lines naming one pet
  twice, and template details that contradict the premise's nouns (``UNSEEN_CASES``, by hand).

* telling (issue 12, the English telling): premises of the genre written for it (``TELLING_CASES``): the arc of
  the story's kind, lines tied to another setting (the office's coffee where there is no office), lines naming a
  thing of another kind of place than their scene's (a leaf in a shop), clips with a second calendar anchor.

Goals (issue #11): fidelity ≥ 0.9, cast recall 1.0, ≥ 70 % distinct lines, < 1 shared line per 10;
invented 0.
"""

from __future__ import annotations

import argparse
import itertools
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from render.painter.persona import personas  # noqa: E402
from story.linechecks import self_told  # noqa: E402
from story.offline import Written, write_offline, write_story  # noqa: E402
from story.script import Script  # noqa: E402


@dataclass(frozen=True)
class Who:
    """A character the premise names or describes: what makes a script character it."""

    species: str | None = None
    breed: str | None = None  # a word that must be in the character's breed or look
    name: str | None = None


@dataclass(frozen=True)
class Case:
    premise: str
    lang: str
    cast: tuple[Who, ...]
    # each item: alternatives (any one found counts); kinds: character words, job, place, outcome
    items: tuple[tuple[str, ...], ...] = field(default_factory=tuple)
    where: tuple[str, ...] = ()  # locations (drawable places) one scene at least must be drawn at


C, D = "cat", "dog"
CASES: tuple[Case, ...] = (
    # --- the issue's own examples ---
    Case("a poor ginger cat is mocked by a rich white cat and her dog boyfriend, works hard, gets rich and shocks them",
         "en", (Who(C, "ginger"), Who(C, "white"), Who(D)),
         (("poor",), ("rich",), ("boyfriend",), ("mock", "laugh", "sneer", "smirk", "scoff", "jeer"), ("work",),
          ("rich", "millionaire", "money", "boss"), ("shock", "jaw drops", "stares", "speechless", "impossible"))),
    Case("穷橘猫被富白猫和她的狗男友嘲笑，在工地打工，后来逆袭", "zh", (Who(C, "ginger"), Who(C, "white"), Who(D)),
         (("穷",), ("富",), ("男友",), ("工地",), ("嘲笑", "笑"), ("老板", "有钱", "逆袭", "翻身"))),
    Case("A shy black kitten becomes a pop star", "en", (Who(C, "black"),),
         (("shy",), ("pop star",), ("stage",), ("microphone", "sing"))),
    Case("A robot explores Mars", "en", (Who(),), (("Mars", "planet"), ("astronaut", "space"), ("rocket", "launch"))),
    Case("a golden retriever runs for mayor", "en", (Who(D, "golden"),),
         (("mayor",), ("city hall",), ("crowd", "voters"), ("election", "campaign"))),
    Case("a corgi loses his restaurant to a greedy husky and wins it back", "en", (Who(D, "corgi"), Who(D, "husky")),
         (("restaurant",), ("greedy",), ("wins", "won", "back", "takes it back"), ("loses", "lost", "takes", "locks"))),
    Case("a delivery driver builds a faster delivery company", "en", (Who(),),
         (("delivery",), ("company",), ("scooter", "streets"))),
    Case("A ginger cat window cleaner is laughed at by the rich cats in the tower", "en", (Who(C, "ginger"), Who(C)),
         (("window",), ("skyscraper", "tower"), ("rich",), ("laugh", "sneer", "mock"))),
    Case("Mango the ginger cat is bullied by Duchess, a spoiled Persian, and her corgi friend Biscuit, while the "
         "villain's husky bodyguard Koda guards the door; Mango's mother works three jobs", "en",
         (Who(C, "ginger", "Mango"), Who(C, "persian", "Duchess"), Who(D, "corgi", "Biscuit"),
          Who(D, "husky", "Koda")),
         (("Mango",), ("Duchess",), ("Biscuit",), ("Koda",), ("bodyguard",), ("bull", "sneer", "laugh", "mock"))),
    # --- inside the common arcs, English ---
    Case("a corgi gets lost in a storm and tries to find her way home", "en", (Who(D, "corgi"),),
         (("lost",), ("storm", "rain"), ("home",))),
    Case("a mother cat works three jobs so her kitten can go to school", "en", (Who(C), Who(C)),
         (("jobs", "work"), ("school", "graduation", "study"), ("kitten",))),
    Case("his best friend betrays him and steals his bakery", "en", (Who(), Who()),
         (("bakery", "bread"), ("betray", "trust", "steal", "takes", "stole", "locks"), ("back",))),
    Case("two rival dogs fight over the park, then become best friends", "en", (Who(D), Who(D)),
         (("park",), ("friends", "team", "partner", "together"))),
    Case("a shy tabby cat has a glow up and wins the school dance", "en", (Who(C, "tabby"),),
         (("shy",), ("school",), ("wins", "crown", "win"))),
    Case("a quiet intern dog is bullied by the boss, then exposes him and takes his job", "en", (Who(D), Who()),
         (("intern", "office worker"), ("office",), ("boss",), ("bull", "push", "sneer", "laugh"))),
    Case("a poor stray cat sells fish at the night market and becomes the richest cat in town", "en", (Who(C),),
         (("market", "stall"), ("rich",), ("poor",))),
    Case("a chihuahua dreams of becoming a chef but the head chef laughs at her", "en", (Who(D, "chihuahua"), Who()),
         (("chef",), ("kitchen", "cook"), ("laugh",))),
    Case("a husky construction worker is mocked by a rich poodle and buys the building", "en",
         (Who(D, "husky"), Who(D, "poodle")),
         (("construction", "bricks"), ("rich",), ("building", "tower"), ("mock", "sneer", "laugh"))),
    Case("a shiba athlete trains every morning to win the marathon", "en", (Who(D, "shiba"),),
         (("athlete", "run", "track"), ("win", "champion", "trophy"), ("stadium", "track"))),
    Case("an old grey cat doctor saves the town during a flu season", "en", (Who(C, "grey"),),
         (("doctor",), ("hospital", "ward", "patients"))),
    Case("a black cat detective solves the case of the stolen crown", "en", (Who(C, "black"),),
         (("detective", "clue"),)),
    Case("a lonely dog waits at the train station every day for his owner", "en", (Who(D),),
         (("station", "street"), ("owner", "family", "home"))),
    Case("a tiny kitten firefighter saves a rich cat from a burning mansion", "en", (Who(C), Who(C)),
         (("firefighter", "fire"), ("rich",))),
    Case("a beagle programmer builds an app and beats a greedy tech company", "en", (Who(D, "beagle"), Who()),
         (("programmer", "code", "coding"), ("company",), ("greedy",))),
    # --- outside pet drama: cast with pets ---
    Case("a knight rescues a princess from a dragon", "en", (Who(),), (("knight", "princess", "dragon", "rescue"),)),
    Case("an astronaut is stranded on the moon", "en", (Who(),), (("astronaut",), ("moon", "planet"))),
    Case("a teenager starts a band in a garage", "en", (Who(),), (("band", "sing", "music", "song"),)),
    Case("two spies fall in love in Paris", "en", (Who(), Who()), (("love", "together"),)),
    Case("the new kid at school is a genius at maths", "en", (Who(),), (("school",),)),
    Case("a farmer saves the village from a drought", "en", (Who(),), (("farm", "field"),)),
    # --- Chinese ---
    Case("小柯基走丢了，想要回家", "zh", (Who(D, "corgi"),), (("走丢", "迷路", "丢"), ("回家", "家"))),
    Case("一只名叫豆包的柯基被老板开除，后来开了自己的公司", "zh", (Who(D, "corgi", "豆包"), Who()),
         (("豆包",), ("老板",), ("公司",), ("开除", "赶", "出去"))),
    Case("黑猫想成为歌手，被同学嘲笑，最后在演唱会上唱哭了所有人", "zh", (Who(C, "black"), Who()),
         (("歌",), ("舞台", "演唱会", "麦克风"), ("嘲笑", "笑"))),
    Case("金毛竞选市长", "zh", (Who(D, "golden"),), (("市长",), ("市政厅", "竞选", "演讲"))),
    Case("猫妈妈打三份工供小猫上大学", "zh", (Who(C), Who(C)), (("工",), ("大学", "学校", "毕业"))),
    Case("哈士奇外卖员被顾客看不起，后来开了外卖公司", "zh", (Who(D, "husky"), Who()),
         (("外卖",), ("公司",), ("看不起", "嘲笑", "笑", "冷笑"))),
    Case("一只橘猫想成为宇航员，去火星探险", "zh", (Who(C, "ginger"),), (("宇航员",), ("火星", "星球", "太空"))),
    Case("柴犬的餐厅被贪婪的斗牛犬抢走了，它要夺回来", "zh", (Who(D, "shiba"), Who(D, "bulldog")),
         (("餐厅",), ("夺回", "赢回", "拿回", "回"))),
    Case("害羞的狸花猫在学校被嘲笑，后来华丽蜕变", "zh", (Who(C, "tabby"),), (("学校",), ("嘲笑", "笑", "取笑"))),
    Case("两只死对头的狗在比赛中成为好朋友", "zh", (Who(D), Who(D)), (("比赛", "赛"), ("朋友", "搭档", "一起"))),
    Case("白色波斯猫是个擦玻璃的工人，被有钱的狗嘲笑", "zh", (Who(C, "white"), Who(D)),
         (("玻璃",), ("高楼", "大楼"), ("嘲笑", "笑"))),
    Case("一只流浪狗在雨夜找到了新家", "zh", (Who(D),), (("家",), ("雨",))),
    Case("机器人在月球上迷路了", "zh", (Who(),), (("月球", "星球", "太空"),)),
    Case("奶奶猫卖掉金项圈供孙子读书", "zh", (Who(C), Who()), (("读书", "学", "书"),)),
)

# Viewer QA of Chinese premises (never in the tests) and of telling across languages (an English
# premise told in Chinese, a Chinese one in English): reported apart, so the figures above stay
# comparable run to run. The expected words are in the script's language.
QA_CASES: tuple[Case, ...] = (
    Case("一只在夜市摆摊卖烤串的柴犬被城管哈士奇赶走，后来它的烤串火遍全城", "zh", (Who(D, "shiba"), Who(D, "husky")),
         (("夜市",), ("烤串",), ("赶走",), ("火遍",))),
    Case("豪门波斯猫看不起穷女婿金毛，金毛其实是首富的儿子", "zh", (Who(C, "persian"), Who(D, "golden")),
         (("看不起",), ("首富",), ("女婿",))),
    Case("雨夜里，流浪橘猫救了一只掉进河里的小狗，小狗的主人竟然是豪门老板", "zh", (Who(C, "ginger"), Who(D)),
         (("雨",), ("救",), ("主人",), ("豪门",))),
    Case("保安柯基被富二代贵宾犬打脸，第二天贵宾犬发现柯基是公司的新老板", "zh", (Who(D, "corgi"), Who(D, "poodle")),
         (("保安",), ("打脸",), ("老板",))),
    Case("一只被同学嘲笑的胖橘猫努力减肥，最后在舞台上惊艳所有人", "zh", (Who(C, "ginger"), Who()),
         (("嘲笑",), ("减肥",), ("舞台",))),
    Case("外卖员哈士奇在暴雨中送餐迟到，被顾客白猫投诉，后来成了外卖公司的老板", "zh", (Who(D, "husky"), Who(C, "white")),
         (("外卖",), ("投诉",), ("老板",), ("雨",))),
    Case("被赶出家门的三花猫在街头摆摊卖煎饼，后来开了自己的面包店，刻薄的继母跪着求她原谅", "zh", (Who(C, "calico"), Who()),
         (("煎饼",), ("面包店",), ("继母",), ("原谅",))),
    Case("狸花猫清洁工在公司被经理狗欺负，后来揭穿了经理偷钱的秘密", "zh", (Who(C, "tabby"), Who(D)),
         (("清洁",), ("欺负",), ("揭穿",))),
    Case("小黑猫在雪夜里发抖，被好心的金毛收养，长大后成了消防员，救了金毛一家", "zh", (Who(C, "black"), Who(D, "golden")),
         (("雪",), ("收养",), ("消防员",))),
    Case("一只被抛弃的小狗在街头流浪，被富家狗欺负，最后成了警察", "zh", (Who(D), Who(D)),
         (("抛弃",), ("欺负",), ("警察",))),
    Case("A clumsy corgi waiter spills soup on a rich poodle at a fancy restaurant, gets fired, opens a food truck and "
         "the poodle queues for his noodles", "zh", (Who(D, "corgi"), Who(D, "poodle")),
         (("汤",), ("开除",), ("餐车",), ("排队",), ("面条",))),
    Case("A lazy pug chef burns the soup, gets fired by a proud siamese, sells dumplings at the night market and the "
         "siamese queues for her dumplings", "zh", (Who(D, "pug"), Who(C, "siamese")),
         (("烧糊",), ("开除",), ("夜市",), ("饺子",))),
    Case("A tiny pomeranian nurse is bullied by a proud doberman doctor at the hospital, saves a patient during a "
         "storm and the doberman apologises in front of everyone", "zh", (Who(D, "pomeranian"), Who(D, "doberman")),
         (("护士",), ("欺负",), ("医院",), ("救",), ("道歉",))),
    Case("一只被嫌弃的橘猫在雨夜送外卖，被豪门白猫羞辱，后来开了自己的餐厅，白猫排队来吃饭", "en",
         (Who(C, "ginger"), Who(C, "white")),
         (("deliver",), ("rain",), ("humiliat",), ("restaurant",), ("queue",))),
    Case("外卖员哈士奇在暴雨中送餐迟到，被顾客白猫投诉，后来成了外卖公司的老板", "en", (Who(D, "husky"), Who(C, "white")),
         (("deliver",), ("complain",), ("boss",))),
    Case("被赶出家门的三花猫在街头摆摊卖煎饼，后来开了自己的面包店，刻薄的继母跪着求她原谅", "en", (Who(C, "calico"), Who()),
         (("thrown out",), ("pancakes",), ("bakery",), ("stepmother",), ("forgive",))),
)
# Stories not of striving (romance, friendship, a lost pet, a rescue, a reunion, a birthday, a match, a
# theft and its search): the premise's own words must be told, and none of the effort filler of a
# rags-to-riches story ("works hard", "saves every coin", "keeps at it") that the premise never says.
# Reported apart, so the figures above stay comparable run to run.
KIND_CASES: tuple[Case, ...] = (
    Case("a shy tabby cat falls in love with the golden retriever next door and leaves him a flower every morning",
         "en", (Who(C, "tabby"), Who(D, "golden")), (("love",), ("flower", "bouquet"), ("shy",), ("door",))),
    Case("a greedy poodle steals grandma cat's wedding ring, and the kitten detective tracks him down", "en",
         (Who(D, "poodle"), Who(C), Who(C)), (("ring",), ("steal", "stole"), ("detective",), ("greedy",),
                                              ("grandma",), ("tracks", "found", "caught"))),
    Case("two lonely cats become best friends at the animal shelter", "en", (Who(C), Who(C)),
         (("friend",), ("lonely",), ("shelter",))),
    Case("a husky puppy gets lost at the fair and finds his way home", "en", (Who(D, "husky"),),
         (("lost",), ("home",), ("fair",))),
    Case("a brave corgi rescues a kitten stuck in a tree", "en", (Who(D, "corgi"), Who(C)),
         (("rescue", "safe"), ("tree",), ("brave",), ("kitten",))),
    Case("an old dog is reunited with his owner after ten years", "en", (Who(D), Who()),
         (("reunite", "together again"), ("owner",))),
    Case("three kittens plan a surprise birthday party for their grandma", "en", (Who(C), Who(C)),
         (("birthday",), ("surprise",), ("grandma",), ("cake", "candle"))),
    Case("a clumsy pug plays in the big football match and scores the winning goal", "en", (Who(D, "pug"),),
         (("football", "ball"), ("goal",), ("match",))),
    Case("一只害羞的狸花猫爱上了隔壁的金毛，每天早上给他送一朵花", "zh", (Who(C, "tabby"), Who(D, "golden")),
         (("爱上",), ("花",), ("害羞",))),
    Case("贪心的贵宾犬偷走了猫奶奶的结婚戒指，小猫侦探把它找了回来", "zh", (Who(D, "poodle"), Who(C), Who(C)),
         (("戒指",), ("偷",), ("侦探",))),
    Case("勇敢的柯基从洪水里救出了一只小猫", "zh", (Who(D, "corgi"), Who(C)), (("救",), ("洪水", "水"))),
    Case("两只孤单的小猫在收容所成了好朋友", "zh", (Who(C), Who(C)), (("朋友",), ("孤单",))),
    # a family bond: teaching, raising, waiting, coming home (told in its own arc, never as a lost pet)
    Case("a father dog teaches his puppy to ride a bike", "en", (Who(D), Who(D)),
         (("father",), ("puppy",), ("teach",), ("bike", "bicycle"))),
    Case("a grandma cat raises her grandson alone", "en", (Who(C), Who(C)), (("grandma",), ("grandson",), ("raise",))),
    Case("a mother dog waits for her son to come home from the army", "en", (Who(D), Who(D)),
         (("mother",), ("son",), ("army",), ("home",))),
    Case("after a long winter in the city, grandma cat comes home to her kittens", "en", (Who(C), Who(C)),
         (("grandma",), ("kitten",), ("home",), ("winter", "snow"))),
    Case("an old cat teaches her kitten to catch its first fish", "en", (Who(C), Who(C)),
         (("teach",), ("kitten",), ("fish",))),
    Case("狗爸爸教小狗骑自行车", "zh", (Who(D), Who(D)), (("爸爸",), ("教",), ("自行车",))),
    Case("猫奶奶一个人把孙子带大", "zh", (Who(C), Who(C)), (("奶奶",), ("孙子",), ("带大",))),
    Case("狗妈妈等着当兵的儿子回家", "zh", (Who(D), Who(D)), (("妈妈",), ("儿子",), ("当兵",), ("回家",))),
    # revenge: the middle shows the plan and the comeback, not effort
    Case("a cat is humiliated at the wedding and takes revenge", "en", (Who(C),),
         (("humiliat",), ("wedding",), ("revenge",))),
    Case("the bullied puppy gets back at the bullies", "en", (Who(D), Who()), (("bullied",), ("gets back at",))),
    Case("a shy corgi takes revenge on the greedy poodle who ruined her birthday", "en", (Who(D, "corgi"), Who(D, "poodle")),
         (("shy",), ("revenge",), ("greedy",), ("birthday",))),
    Case("在婚礼上被羞辱的猫咪展开了复仇", "zh", (Who(C),), (("婚礼",), ("羞辱",), ("复仇",))),
    Case("被同学欺负的小狗报复了那些坏蛋", "zh", (Who(D),), (("欺负",), ("报复",))),
)
# Events an arc must not invent around a premise of these kinds: a lost pet's search, a contract, photos,
# a disaster fixed at work (hand-written here, apart from the writer's tables). A word counts only when
# the premise does not say it ("all the way home" is no search: only "finds the way home" counts).
INVENTED_EVENTS = ("lost", "missing", "poster", "long way home", "finds the way home", "contract", "photo", "disaster", "top boss", "proof",
                   "走丢", "迷路", "寻", "合同", "照片", "大老板", "证据")
# Chinese premises of issue 12: a litter, a breed with its age and mood, a pet named on its own (小美被…,
# 阿黄在…, 旺财…), someone outside the cast named by a job, Latin words inside Chinese, and the places
# premises ask for (each drawn as itself, or as the reported nearest one: a station is a street, a
# wedding a mansion hall). Reported apart, with where each is drawn.
ZH_CASES: tuple[Case, ...] = (
    Case("一窝小猫在雨中流浪，被好心的面包师收养", "zh", (Who(C), Who(C)),
         (("小猫",), ("雨",), ("面包师",), ("收养",)), ("rainy_street",)),
    Case("孤独的老巴吉度猎犬每天在火车站等主人", "zh", (Who(D, "basset"), Who()),
         (("孤独",), ("老",), ("巴吉度",), ("火车站",), ("主人",)), ("station",)),
    Case("小美被富家猫欺负，后来在舞台上成了明星", "zh", (Who(name="小美"), Who(C)),
         (("小美",), ("欺负",), ("明星",), ("舞台",)), ("stage",)),
    Case("阿黄在工地搬砖，被包工头骂，后来开了自己的建筑公司", "zh", (Who(name="阿黄"),),
         (("阿黄",), ("搬砖",), ("包工头",), ("公司",)), ("construction_site",)),
    Case("旺财每天在机场等主人回家", "zh", (Who(D, name="旺财"), Who()), (("旺财",), ("机场",), ("主人",)), ("airport",)),
    Case("小橘猫在公司当CEO，用App卖鱼", "zh", (Who(C, "ginger"),), (("CEO",), ("App",), ("鱼",)), ("office",)),
    Case("黑猫在法庭上被白猫诬陷，最后柯基律师帮它洗清了冤屈", "zh", (Who(C, "black"), Who(C, "white"), Who(D, "corgi")),
         (("法庭",), ("诬陷",), ("律师",), ("冤屈",)), ("courtroom",)),
    Case("柯基护士在医院被哈士奇医生欺负，后来救了一个病人", "zh", (Who(D, "corgi"), Who(D, "husky")),
         (("护士",), ("医院",), ("欺负",), ("病人",)), ("hospital",)),
    Case("小狸花猫在学校被同学嘲笑，后来考了第一名", "zh", (Who(C, "tabby"),),
         (("学校",), ("嘲笑",), ("第一名",)), ("school",)),
    Case("胖橘猫在厨房偷吃鱼，被厨师狗发现了", "zh", (Who(C, "ginger"), Who(D)),
         (("厨房",), ("偷吃",), ("厨师",)), ("kitchen",)),
    Case("柴犬阿福在夜市卖臭豆腐，顾客排起了长队", "zh", (Who(D, "shiba", "阿福"),),
         (("阿福",), ("夜市",), ("臭豆腐",), ("排",)), ("market",)),
    Case("金毛在婚礼上给新娘送戒指", "zh", (Who(D, "golden"), Who()), (("婚礼",), ("新娘",), ("戒指",)), ("wedding",)),
    Case("两只小狗在公园里捡到一只受伤的小鸟", "zh", (Who(D), Who(D)), (("公园",), ("小鸟",), ("受伤",)), ("park",)),
    Case("萨摩耶在海边救起了一只落水的小猫", "zh", (Who(D, "samoyed"), Who(C)), (("海边",), ("救",), ("小猫",)), ("beach",)),
    Case("雪山上，哈士奇带着迷路的小猫回家", "zh", (Who(D, "husky"), Who(C)), (("雪",), ("迷路",), ("回家",)), ("mountain",)),
    Case("办公室里，加班的狸花猫被老板骂哭了", "zh", (Who(C, "tabby"), Who()), (("办公室",), ("加班",), ("老板",)),
         ("office",)),
    Case("豆豆和小白是好朋友，一起在公园玩", "zh", (Who(name="豆豆"), Who(name="小白")), (("豆豆",), ("小白",), ("公园",)),
         ("park",)),
)
# Deeds a muted viewer must see (issue 12, staging): each premise's deed, written here by hand as the drawable
# action its scenes must show (a camera up, a ladder climbed, a shovel in a hole, a rope skipped, an instrument
# played, gloves up, a rod and a fish). A script counts when one of its scenes stages the deed.
STAGED_CASES: tuple[tuple[str, str, str], ...] = (
    ("a ginger cat takes a photo of the sunset", "en", "photo"),
    ("a tabby cat photographer wins a prize", "en", "photo"),
    ("a shy puppy climbs a tree to save a kitten", "en", "climb"),
    ("an old goat climbs the mountain", "en", "climb"),
    ("a puppy digs a hole for a bone in the garden", "en", "dig"),
    ("a kitten learns jumping rope and wins the school contest", "en", "skip"),
    ("a tabby cat plays the piano at a concert", "en", "play"),
    ("a lonely dog plays the guitar on the street", "en", "play"),
    ("the rich cat fights the poor cat in the street", "en", "fight"),
    ("a kitten learns to fish", "en", "fish"),
    ("a poor cat catches a fish at the lake", "en", "fish"),
    ("橘猫在公园拍照", "zh", "photo"),
    ("小狗爬树救小猫", "zh", "climb"),
    ("小猫每天爬山", "zh", "climb"),
    ("小狗在花园里挖坑", "zh", "dig"),
    ("小猫每天跳绳", "zh", "skip"),
    ("小猫在音乐会上弹钢琴", "zh", "play"),
    ("两只狗在街上打架", "zh", "fight"),
    ("老猫在湖边钓到鱼", "zh", "fish"),
)
# Jobs a muted viewer must read (issue 12, roles): each premise's job deed (the drawable action a scene must
# show: a treatment, a catch with handcuffs, the hose sprayed, the camera up, the wok, the microphone) and the
# costume its doer wears (render.painter.persona: the white coat, the police cap and uniform, the firefighter's
# helmet; None where the deed itself is the look). A script counts when one of its scenes has the deed done by
# a character wearing that costume.
ROLE_CASES: tuple[tuple[str, str, str, str | None], ...] = (
    ("a doctor dog treats a sick kitten", "en", "treat", "white_coat"),
    ("a golden retriever nurse saves a kitten in the hospital", "en", "treat", "nurse"),
    ("医生狗给生病的小猫看病", "zh", "treat", "white_coat"),
    ("护士猫在医院照顾受伤的小狗", "zh", "treat", "nurse"),
    ("a hungry cat steals a fish and gets caught by the police dog", "en", "catch", "police"),
    ("a police dog catches a thief cat", "en", "catch", "police"),
    ("警察狗抓住了偷鱼的猫", "zh", "catch", "police"),
    ("a firefighter dog puts out a fire", "en", "work", "firefighter"),
    ("a stray kitten is adopted by a firefighter dog and becomes a firefighter too", "en", "work", "firefighter"),
    ("消防员狗在火场灭火", "zh", "work", "firefighter"),
    ("a poor photographer cat is mocked by a rich cat", "en", "photo", None),
    ("a clumsy corgi photographer is mocked by his friends, digs up an old camera and wins the city photo contest",
     "en", "photo", None),
    ("小猫给富猫拍照片", "zh", "photo", None),
    ("a chef cat cooks noodles for a hungry puppy", "en", "work", "chef_hat"),
    ("厨师猫在厨房炒菜", "zh", "work", "chef_hat"),
    ("a singer cat sings at a concert", "en", "sing", "singer"),
    ("歌手猫在音乐会上唱歌", "zh", "sing", "singer"),
    ("a delivery dog delivers food in the rain", "en", "work", "delivery"),
    ("外卖员小狗在雨里送外卖", "zh", "work", "delivery"),
    ("农民狗在田里种地", "zh", "work", "farmer"),
    ("a teacher dog teaches a kitten to read", "en", "study", "teacher"),
)
# The story engine's own premises (issue 12, second wave): reunions (the wait and the meeting, never a lost
# pet's search or poster), relations cast as characters (孙子, 孙女, nephew), two pets in one clause (both
# named, the action kept), Chinese dog names said with no species word (阿黄, 大黄: dogs). Reported apart
# with the invented-event and garbled counts, so the blocks above stay comparable run to run.
STORY_CASES: tuple[Case, ...] = (
    Case("a cat sees her sister again after years apart", "en", (Who(C), Who(C)), (("sister",), ("again",))),
    Case("a golden retriever waits for his owner at the airport every day", "en", (Who(D, "golden"), Who()),
         (("wait",), ("owner",), ("airport",))),
    Case("分别多年的两只猫终于重逢了", "zh", (Who(C), Who(C)), (("重逢",),)),
    Case("外婆猫每天接外孙女放学", "zh", (Who(C), Who(C)), (("外婆",), ("外孙女",), ("放学",))),
    Case("狗爷爷教孙女骑自行车", "zh", (Who(D), Who(D)), (("爷爷",), ("孙女",), ("自行车",))),
    Case("a dog uncle teaches his nephew to swim", "en", (Who(D), Who(D)), (("uncle",), ("nephew",), ("swim",))),
    Case("two cats cook dinner together", "en", (Who(C), Who(C)), (("cook",), ("dinner",), ("together",))),
    Case("two dogs go fishing at the lake", "en", (Who(D), Who(D)), (("fishing",), ("lake",))),
    Case("两只猫一起做饭", "zh", (Who(C), Who(C)), (("一起做饭",),)),
    Case("小白和小黑一起去钓鱼", "zh", (Who(name="小白"), Who(name="小黑")), (("小白和小黑一起去钓鱼",),)),
    Case("豆豆和小白是好朋友，一起在公园玩", "zh", (Who(name="豆豆"), Who(name="小白")), (("豆豆和小白一起",),)),
    Case("阿黄在公园里追蝴蝶", "zh", (Who(D, name="阿黄"),), (("阿黄",), ("公园",), ("蝴蝶",))),
    Case("大黄和咪咪是好朋友", "zh", (Who(D, name="大黄"), Who(C, name="咪咪")), (("大黄",), ("咪咪",), ("朋友",))),
)
# Places a muted viewer must recognise (issue 12, staging): the event's own place drawn, each premise's
# scenes at it (a lake with its water, a fishing contest at the lake, the city dance contest on a stage,
# a wedding, a mountain, a cemetery), English and Chinese. "any": one scene at least is drawn there; "all":
# the share of the scenes whose narration names the place (each case's first item) drawn there.
PLACE_CASES: tuple[Case, ...] = (
    Case("a ginger cat goes fishing at the lake", "en", (Who(C, "ginger"),), (("lake",), ("fish",)), ("lake",)),
    Case("a shy duck-loving corgi swims in the pond every morning", "en", (Who(D, "corgi"),), (("pond",), ("swim",)),
         ("lake",)),
    Case("an old dog walks by the river with his grandson", "en", (Who(D), Who()), (("river",),), ("lake",)),
    Case("a tabby cat wins a fishing contest against a proud husky", "en", (Who(C, "tabby"), Who(D, "husky")),
         (("fishing contest",),), ("lake",)),
    Case("a ginger cat wins the city dance contest", "en", (Who(C, "ginger"),), (("contest",), ("dance",)), ("stage",)),
    Case("a white cat and a black cat have their wedding", "en", (Who(C, "white"), Who(C, "black")), (("wedding",),),
         ("wedding",)),
    Case("a husky climbs a snowy mountain to save a lost kitten", "en", (Who(D, "husky"), Who(C)),
         (("mountain",), ("snow",)), ("mountain",)),
    Case("a lonely dog visits her grave every spring", "en", (Who(D),), (("grave",),), ("cemetery",)),
    Case("a kitten brings flowers to the cemetery for grandma cat", "en", (Who(C), Who(C)), (("cemetery",), ("flowers",)),
         ("cemetery",)),
    Case("橘猫在湖边钓鱼", "zh", (Who(C, "ginger"),), (("湖",), ("钓鱼",)), ("lake",)),
    Case("小狗在池塘边学游泳", "zh", (Who(D),), (("池塘",), ("游泳",)), ("lake",)),
    Case("白猫和黑猫举行了婚礼", "zh", (Who(C, "white"), Who(C, "black")), (("婚礼",),), ("wedding",)),
    Case("哈士奇爬雪山", "zh", (Who(D, "husky"),), (("雪山",),), ("mountain",)),
    Case("小猫去墓地看奶奶", "zh", (Who(C), Who()), (("墓地",), ("奶奶",)), ("cemetery",)),
    Case("柯基在钓鱼比赛中赢了", "zh", (Who(D, "corgi"),), (("比赛",), ("钓鱼",)), ("lake",)),
)
# Unseen English premises (issue 12, the story side): written after the blocks above, never used to tune
# the writer before: cheating, stealing, adoption, jobs, friendship, betrayal, school, sports, family,
# kindness repaid, lost and found, jealousy. Per premise, by hand: the arcs that tell its kind of story
# (a cheat owned up to is no parent's sacrifice; an adopted stray is no rescue of someone else), the side
# each named pet must be on (the police dog who catches the thief, the kind adopter: the hero's side), and
# template details that would contradict its nouns (a stolen fish "polished ... in the family", "shiny";
# "the way home" for a pet that finds out or finds a wallet). Reported with fidelity, cast recall, the
# premise's pets read one each (no split, no extra), lines naming one pet twice ("Miso holds Miso close")
# and a dream that names a pet ("wants to be Pepper, a chef").
@dataclass(frozen=True)
class Unseen:
    case: Case
    arcs: tuple[str, ...]  # the arcs that tell this kind of story
    sides: tuple[tuple[str, str], ...] = ()  # (the premise's words for a pet, the side it is on)
    foreign: tuple[str, ...] = ()  # template details that contradict the premise


def _u(premise: str, cast: tuple[Who, ...], items: tuple[tuple[str, ...], ...], arcs: str,
       sides: tuple[tuple[str, str], ...] = (), foreign: tuple[str, ...] = ()) -> Unseen:
    return Unseen(Case(premise, "en", cast, items), tuple(arcs.split()), sides, foreign)


_HOME = ("way home", "find home", "finds home")
UNSEEN_CASES: tuple[Unseen, ...] = (
    _u("a cat cheats in the exam and the teacher dog finds out", (Who(C), Who(D)),
       (("cheat",), ("exam",), ("teacher",), ("finds out", "found out")), "owning_up",
       (("teacher dog", "hero"),), (*_HOME, "graduation", "work clothes")),
    _u("a greedy fat cat steals fish from a poor old dog at the market and gets caught by the police dog",
       (Who(C), Who(D), Who(D)), (("greedy",), ("steal",), ("fish",), ("market",), ("caught",), ("police",)),
       "stolen_treasure", (("greedy fat cat", "villain"), ("poor old dog", "hero"), ("police dog", "hero")),
       ("polish", "in the family", "shiny", "gold", "curly fur", "little box", "memories", "never replace")),
    _u("a tiny hamster-sized kitten wants to be a chef but the head chef cat laughs at her", (Who(C), Who(C)),
       (("chef",), ("laugh",), ("head chef",)), "career_dream", (("head chef cat", "villain"),)),
    _u("a stray kitten is adopted by a firefighter dog and becomes a firefighter too", (Who(C), Who(D)),
       (("stray",), ("adopted",), ("firefighter",)), "career_dream family_bond", (("firefighter dog", "hero"),),
       ("cry for help", "collar", *_HOME, "missed you")),
    _u("a jealous cat breaks her sister's trophy and blames the dog", (Who(C), Who(), Who(D)),
       (("jealous",), ("trophy",), ("blame",)), "underdog_revenge betrayal_comeback owning_up payback",
       (("jealous cat", "villain"),)),
    _u("a puppy finds a lost wallet and returns it to the old cat who owns it", (Who(D), Who(C)),
       (("wallet",), ("return",)), "little_wonders friendship", (("old cat", "hero"),), _HOME),
    _u("a lazy dog copies his friend's homework and the friend gets punished", (Who(D), Who()),
       (("copies",), ("homework",), ("punished",)), "owning_up", (("friend", "hero"),)),
    _u("a shy cat joins the school basketball team and scores the winning shot", (Who(C),),
       (("shy",), ("basketball",), ("winning shot",)), "big_match"),
    _u("a dog steals his best friend's girlfriend and the friend never forgives him", (Who(D), Who(), Who()),
       (("girlfriend",), ("best friend",), ("forgive",)), "betrayal_comeback owning_up rivals_to_friends friendship"),
    _u("an old cat shares her food with a hungry stray puppy, and years later the puppy saves her from a fire",
       (Who(C), Who(D)), (("share",), ("food",), ("fire",), ("save",)), "rescue friendship",
       (("puppy", "hero"),)),
    _u("a kitten lies to her mother about breaking the vase", (Who(C), Who()),
       (("lies",), ("mother",), ("vase",)), "owning_up", (("mother", "hero"),), _HOME),
    _u("a bully dog pushes a small cat into the mud every day until the cat's big brother shows up",
       (Who(D), Who(C), Who()), (("bully",), ("push",), ("mud",), ("brother",)), "underdog_revenge payback rescue",
       (("bully dog", "villain"), ("small cat", "hero"), ("brother", "hero"))),
    _u("a poor dog works as a delivery driver to pay for his sick mother's medicine", (Who(D), Who()),
       (("delivery",), ("mother",), ("medicine",)), "for_family parent_sacrifice family_bond rags_to_riches career_dream",
       (("mother", "hero"),)),
    _u("a cat teacher helps a struggling puppy learn to read", (Who(C), Who(D)),
       (("teacher",), ("read",)), "family_bond little_wonders friendship helping_paw", (("puppy", "hero"),)),
    _u("a dog loses his toy at the park and a kind cat helps him find it", (Who(D), Who(C)),
       (("toy",), ("park",), ("kind",)), "little_wonders friendship lost_and_found", (("kind cat", "hero"),), _HOME),
    _u("a rich cat pretends to be poor to find a true friend", (Who(C),), (("rich",), ("poor",), ("friend",)),
       "friendship little_wonders rags_to_riches underdog_revenge", (), _HOME),
    _u("a cat is fired from the bakery by a mean boss dog and opens her own bakery across the street",
       (Who(C), Who(D)), (("fired",), ("bakery",), ("boss",)),
       "underdog_revenge betrayal_comeback rags_to_riches career_dream", (("mean boss dog", "villain"),)),
    _u("a puppy is bullied at school for his big ears until he wins the singing contest", (Who(D),),
       (("bullied",), ("ears",), ("sing",), ("contest",)), "glow_up underdog_revenge career_dream big_match"),
    _u("two cat sisters fight over the last piece of cake", (Who(C), Who(C)), (("sister",), ("fight",), ("cake",)),
       "squabble family_change little_wonders family_bond rivals_to_friends"),
    _u("a dog forgets his wife's birthday and tries to make it up to her", (Who(D), Who()),
       (("wife",), ("birthday",), ("forget", "forgot")), "celebration romance", (("wife", "hero"),)),
    _u("a kitten steals a toy from the store and her father makes her return it", (Who(C), Who()),
       (("steal",), ("toy",), ("father",), ("return",)), "owning_up", (("father", "hero"),)),
    _u("a cat nurse takes care of an injured dog soldier who falls in love with her", (Who(C), Who(D)),
       (("nurse",), ("injured",), ("soldier",), ("love",)), "romance"),
    _u("an old dog is abandoned by his family on the highway and a kind cat takes him home", (Who(D), Who(C)),
       (("abandoned",), ("highway",), ("kind",), ("home",)), "cast_out lost_and_found rescue friendship",
       (("kind cat", "hero"),), ("missed you", "collar")),
    _u("a husky cheats at the race by taking a shortcut and is disqualified", (Who(D, "husky"),),
       (("cheat",), ("race",), ("shortcut",), ("disqualified",)), "owning_up"),
    _u("a kitten is jealous of her new baby brother until he gets sick", (Who(C), Who()),
       (("jealous",), ("baby brother",), ("sick",)), "family_change family_bond little_wonders",
       (("brother", "hero"),)),
    _u("a cat borrows money from a dog friend and never pays it back", (Who(C), Who(D)),
       (("borrow",), ("money",), ("pays it back", "pay it back")), "owning_up betrayal_comeback",
       (("dog friend", "hero"),)),
    _u("a puppy wins the lottery and his greedy relatives suddenly want to be friends", (Who(D),),
       (("lottery",), ("greedy",), ("relatives",)), "windfall rags_to_riches underdog_revenge"),
    _u("a cat detective catches the dog who stole the diamond necklace", (Who(C), Who(D)),
       (("detective",), ("stole", "steal"), ("diamond necklace", "necklace")), "stolen_treasure",
       (("dog", "villain"),)),
)


def _side_of(cast: list, words: str) -> str | None:  # type: ignore[type-arg]
    said = [p for p in cast if p.words and p.words[0].lower() == words] or \
        [p for p in cast if any(words in w.lower() for w in p.words)]
    return str(said[0].side) if said else None


# One eval block: a header, each premise written once per seed and its row counted and printed, then the
# block's summary from what the rows counted (``Tally``). Each block below says only what it counts.
W = TypeVar("W")
T = TypeVar("T")


class Tally:
    """What a block's rows count, by name, in premise order: summed (``total``) or averaged (``mean``)."""

    def __init__(self) -> None:
        self.values: dict[str, list[Any]] = {}

    def add(self, **counts: Any) -> None:
        for name, value in counts.items():
            self.values.setdefault(name, []).append(value)

    def total(self, name: str) -> Any:
        return sum(self.values.get(name, []))

    def mean(self, name: str) -> float:
        return statistics.mean(self.values[name])

    def min(self, name: str) -> Any:
        return min(self.values[name])

    def max(self, name: str) -> Any:
        return max(self.values[name])


def run_block(header: Sequence[str], items: Iterable[T], seeds: int, write: Callable[[T, int], W],
              row: Callable[[T, list[W], Tally], Iterable[str]]) -> Tally:
    """Prints ``header``; per item, its ``seeds`` writings and the lines ``row`` prints while it counts them."""
    for line in header:
        print(line)
    tally = Tally()
    for item in items:
        written = [write(item, seed) for seed in range(seeds)]
        for line in row(item, written, tally):
            print(line)
    return tally


def by_seed(label: str, per_seed: Iterable[Iterable[str]]) -> Iterator[str]:
    """``--why`` lines: each seed's lines, under ``label``."""
    for seed, lines in enumerate(per_seed):
        for line in lines:
            yield f"         seed {seed}: {label}: {line[:110]}"


def offline(case: Case, seed: int) -> Script:
    """A case's offline script in the style the bot would pre-select."""
    return write_offline(case.premise, _style(case), case.lang, seed)


def offline_of(item: tuple[Any, ...], seed: int) -> Script:
    """The offline script of a ``(premise, lang, …)`` row."""
    return write_offline(item[0], _style_of(item[0]), item[1], seed)


def story_of(case: Case | CastCase, seed: int) -> Written:
    """A case's written story (arc and analysis kept)."""
    return write_story(case.premise, _style_of(case.premise), case.lang, seed)


def unseen_block(seeds: int, why: bool) -> None:
    def row(u: Unseen, written: list[Written], tally: Tally) -> Iterator[str]:
        case = u.case
        scripts = [w.script for w in written]
        f = statistics.mean(fidelity(case, s) for s in scripts)
        r = statistics.mean(cast_recall(case, s) for s in scripts)
        arc = sum(w.arc in u.arcs for w in written)
        side = sum(_side_of(w.analysis.cast, words) == want for w in written for words, want in u.sides)
        pets = sum(len(w.analysis.cast) == len(case.cast) for w in written)
        selfs = [line for s in scripts for line in self_told((t for sc in s.scenes for _, t in sc.spoken()),
                                                               (c.name for c in s.characters))]
        odd = [[t for t in (s.title, *(t for sc in s.scenes for _, t in sc.spoken()))
                if any(_has(x, t) for x in u.foreign if not _has(x, case.premise))] for s in scripts]
        tally.add(fid=f, cast=r, arc=arc, side=side, sides=len(u.sides) * len(written), pets=pets, selfs=len(selfs),
              foreign=sum(bool(o) for o in odd), garbled=sum(garbles(s) for s in scripts), total=len(written))
        yield (f"{f:5.2f} {r:5.2f} {arc:5d} {side:5d} {pets:5d} {len(selfs):5d} {sum(bool(o) for o in odd):5d}  "
               f"{case.premise[:80]}")
        if why:
            for w in written:
                if w.arc not in u.arcs:
                    yield f"         arc {w.arc}, not {' or '.join(u.arcs)}"
            for line in selfs:
                yield f"         self: {line[:110]}"
            for lines in odd:
                for line in lines:
                    yield f"         contradicts the premise: {line[:110]}"

    got = run_block([f"unseen English premises (issue 12): {len(UNSEEN_CASES)} premises (cheating, stealing, adoption, "
                   f"jobs, school, sports, family, betrayal, kindness repaid, lost and found, jealousy)",
                   f"{'fid':>5} {'cast':>5} {'arc':>5} {'side':>5} {'pets':>5} {'self':>5} {'for':>5}  premise"],
                  UNSEEN_CASES, seeds, lambda u, seed: story_of(u.case, seed), row)
    print(f"unseen fidelity (mean): {got.mean('fid'):.3f} (min {got.min('fid'):.2f})   cast recall: "
          f"{got.mean('cast'):.3f}   arc of the story's kind: {got.total('arc')} of {got.total('total')}   sides right: "
          f"{got.total('side')} of {got.total('sides')}   pets read one each: {got.total('pets')} of {got.total('total')}")
    print(f"unseen lines naming one pet twice or a dream naming a pet: {got.total('selfs')}   scripts with a template "
          f"detail contradicting the premise: {got.total('foreign')} of {got.total('total')}   garbled: "
          f"{got.total('garbled')}")


# English premises of the genre written for the telling (issue 12: revenge, talent, rags to riches, rivalry at
# school and at work, family, betrayal, kindness repaid), never used to tune it. Per premise, by hand: the arcs
# that tell its kind of story, and the setting its place or job is (office, school, or neither). Counted over the
# seeds: the arc right; lines of another setting's (coffee fetched and the top boss where the premise has no
# office, the head teacher where it has no school); lines naming a thing of another kind of place than their
# scene's (a leaf drifting past in a shop, a bed on a stadium); clips saying a second calendar anchor ("That
# Monday", then "On the first day of spring"); and the share of distinct lines (names masked) across the seeds.
@dataclass(frozen=True)
class Telling:
    premise: str
    arcs: tuple[str, ...]
    setting: str = ""  # office | school | "" (neither)


def _t(premise: str, arcs: str, setting: str = "") -> Telling:
    return Telling(premise, tuple(arcs.split()), setting)


TELLING_CASES: tuple[Telling, ...] = (
    _t("a skinny stray dog is laughed at by the rich poodles at the dog show until he wins best in show",
       "career_dream rags_to_riches"),
    _t("a grey cat waiter is tripped by a jealous coworker and spills soup on a customer, then becomes head waiter",
       "underdog_revenge career_dream"),
    _t("a little cat is teased by her classmates for her stutter until she wins the school poetry contest",
       "glow_up career_dream", "school"),
    _t("a poor dog selling noodles is chased off the square by a rich cat, then opens the biggest noodle shop in town",
       "rags_to_riches career_dream"),
    _t("a corgi is mocked by the neighbour's husky for his short legs and wins the agility race",
       "career_dream big_match"),
    _t("a black cat's best friend steals her song and sings it at the talent show", "betrayal_comeback stolen_treasure"),
    _t("a kitten gives her lunch to a hungry old dog every day, and the old dog turns out to own the school",
       "friendship little_wonders kindness_repaid", "school"),
    _t("a shy beagle is bullied by a rich siamese at music school and plays the piano at the grand concert",
       "glow_up career_dream", "school"),
    _t("a tabby cat is fired by her greedy boss before the holidays and starts a bakery with her mother",
       "underdog_revenge career_dream rags_to_riches betrayal_comeback"),
    _t("a husky at the factory is blamed by his supervisor for a broken machine and proves he is innocent",
       "underdog_revenge betrayal_comeback"),
    _t("an old ginger cat cleans floors at the mall and his son is ashamed of him until he sees him save a child",
       "family_bond rescue parent_sacrifice"),
    _t("a dog chef's recipe is stolen by his partner who opens a rival restaurant, and he wins the cooking contest",
       "betrayal_comeback career_dream"),
    _t("two cat sisters compete to run their grandma's bakery, and the younger one wins with grandma's old recipe",
       "rivals_to_friends family_bond career_dream"),
    _t("a poor kitten sells flowers on the street and the rich cat who laughed at her later needs her help",
       "rags_to_riches"),
    _t("a puppy helps a lost old cat find her way home in the rain, and years later the cat pays for his school",
       "friendship rescue little_wonders kindness_repaid lost_and_found helping_paw", "school"),
    _t("a proud rich cat mocks the poor new dog at school, who wins the science fair",
       "rags_to_riches glow_up career_dream", "school"),
    _t("a small shiba is always picked last for football until he scores the winning goal", "big_match"),
    _t("a cleaner cat at the hotel finds a lost diamond ring and returns it, and the rich owner gives her a job",
       "rags_to_riches little_wonders kindness_repaid"),
    _t("a husky is dumped by his girlfriend for a rich poodle and becomes a famous singer",
       "career_dream glow_up betrayal_comeback wife_returns"),
    _t("a dog bus driver is mocked by his passengers, then saves them all when the brakes fail",
       "underdog_revenge rescue"),
)
_OFFICE_LINES = re.compile(r"\bcoffee\b|\btop boss\b|\bcardboard box\b|\bdesk\b|\bnicer title\b", re.IGNORECASE)
_SCHOOL_LINES = re.compile(r"\bhead teacher\b|\bclassroom\b|\bcarry my bag\b", re.IGNORECASE)
_OUTDOOR_THINGS = re.compile(r"\b(?:leaf|leaves|breeze|the wind|the sky|stars come out|in the sun)\b", re.IGNORECASE)
_INDOOR_THINGS = re.compile(r"\b(?:ceiling|under every bed|tiny bed|a blanket)\b", re.IGNORECASE)
_INDOORS = {"shop", "stage", "kitchen", "school", "office", "restaurant", "hospital", "bedroom", "mansion",
            "courtroom", "airport"}
_CALENDAR = ("That Monday", "Late one Friday", "On payday", "At the start of autumn", "In the middle of a heatwave",
             "On the first day of spring")


def telling_block(seeds: int, why: bool) -> None:
    def row(t: Telling, written: list[Written], tally: Tally) -> Iterator[str]:
        arc = sum(w.arc in t.arcs for w in written)
        lines = [[(sc.location, line) for sc in w.script.scenes for _, line in sc.spoken()] for w in written]
        setting = [[line for _, line in said if (t.setting != "office" and _OFFICE_LINES.search(line))
                    or (t.setting != "school" and _SCHOOL_LINES.search(line))] for said in lines]
        misplaced = [[f"{where}: {line}" for where, line in said
                      if (_OUTDOOR_THINGS if where in _INDOORS else _INDOOR_THINGS).search(line)] for said in lines]
        anchors = [[x for x in _CALENDAR if x in " ".join(line for _, line in said)] for said in lines]
        masked = [m for w in written for m in masked_lines(w.script)]
        cal = sum(len(a) > 1 for a in anchors)
        tally.add(arc=arc, setting=sum(map(len, setting)), misplaced=sum(map(len, misplaced)), cal=cal,
                  distinct=len(set(masked)) / max(1, len(masked)), total=len(written))
        yield (f"{arc:5d} {sum(map(len, setting)):5d} {sum(map(len, misplaced)):5d} {cal:5d}  {t.premise[:80]}")
        if why:
            for w in written:
                if w.arc not in t.arcs:
                    yield f"         arc {w.arc}, not {' or '.join(t.arcs)}"
            yield from by_seed("another setting's", setting)
            yield from by_seed("another kind of place", misplaced)
            yield from by_seed("anchors", ([", ".join(a)] if len(a) > 1 else [] for a in anchors))

    got = run_block([f"English telling (issue 12): {len(TELLING_CASES)} premises of the genre (revenge, talent, rags "
                     f"to riches, rivalry at school and work, family, betrayal, kindness repaid)",
                     f"{'arc':>5} {'set':>5} {'place':>5} {'cal':>5}  premise"],
                    TELLING_CASES, seeds, lambda t, seed: write_story(t.premise, None, "en", seed), row)
    print(f"telling: arc of the story's kind {got.total('arc')} of {got.total('total')}   lines of another "
          f"setting {got.total('setting')}   lines of another kind of place {got.total('misplaced')}   clips with "
          f"a second calendar anchor {got.total('cal')} of {got.total('total')}   distinct lines "
          f"{got.mean('distinct'):.3f}")


# Chinese premises never used to tune the writer (issue 12, the genre's variety: cheating, stealing, adopting,
# odd jobs, friendship, betrayal, school, a race, family, repaying a kindness, a lost pet, jealousy). Beside
# fidelity and cast, each says by hand: the hero (and the rival, when the premise has one) as script ids
# "hero"/"rival" must be cast; who must never be the rival (a kind adopter, a kind helper, the police); phrases
# a pet's name must never be put inside or right after (考试作弊, 送外卖: "小猫考试团子作弊" is garbled); words that
# are no role and must not be read as the hero's (the understood line's "主角：小猫，考试"); template details
# that contradict the premise (a coin never thrown, a cry for help never heard, a mirror in a cheating story);
# and deeds: (words of a line, the script id who does it there, the drawn action).
@dataclass(frozen=True)
class ZhCase:
    case: Case
    hero: Who
    rival: Who | None = None
    not_rival: tuple[Who, ...] = ()
    whole: tuple[str, ...] = ()
    not_roles: tuple[str, ...] = ()
    never: tuple[str, ...] = ()
    deeds: tuple[tuple[str, str, str], ...] = ()


def _zh(premise: str, cast: tuple[Who, ...], items: tuple[tuple[str, ...], ...], hero: Who, **kw: object) -> ZhCase:
    return ZhCase(Case(premise, "zh", cast, items), hero, **kw)  # type: ignore[arg-type]


ZH_UNSEEN: tuple[ZhCase, ...] = (
    _zh("小猫考试作弊被狗老师发现了", (Who(C), Who(D)), (("作弊",), ("老师",), ("发现",)), Who(C),
        not_rival=(Who(D),), whole=("考试作弊",), not_roles=("考试",), never=("镜子", "梳毛", "掏出手机", "别挡着我"),
        deeds=(("作弊", "hero", "!stand"),)),
    _zh("穷小狗在餐厅打工被富猫嘲笑，后来开了自己的餐厅", (Who(D), Who(C)), (("打工",), ("嘲笑",), ("自己的餐厅",)), Who(D),
        rival=Who(C), whole=("在餐厅打工",), never=("扔过一枚硬币", "旧硬币"), deeds=(("打工", "hero", "work"), ("嘲笑", "rival", "sneer"))),
    _zh("流浪猫被消防员狗收养，长大后也成了消防员", (Who(C), Who(D)), (("收养",), ("消防员",), ("长大",)), Who(C),
        not_rival=(Who(D),), never=("呼救",)),
    _zh("小狗偷了邻居家的骨头，被警察猫抓住了", (Who(D), Who(C)), (("偷",), ("骨头",), ("警察",), ("抓住",)), Who(),
        not_rival=(Who(C),)),
    _zh("橘猫在便利店打工，被店长骂了一顿", (Who(C, "ginger"),), (("便利店",), ("打工",), ("店长",), ("骂",)),
        Who(C, "ginger"), deeds=(("打工", "hero", "work"), ("店长", "hero", "!point"))),
    _zh("哈士奇送外卖总是迟到，被老板开除了", (Who(D, "husky"), Who()), (("送外卖",), ("迟到",), ("开除",)), Who(D, "husky"),
        whole=("送外卖",), not_roles=("送外卖",)),
    _zh("柯基想当厨师，每天在厨房偷偷练习", (Who(D, "corgi"),), (("厨师",), ("厨房",), ("练习",)), Who(D, "corgi"),
        never=("失窃", "线索", "爪印", "破案")),
    _zh("两只小猫是最好的朋友，后来一只背叛了另一只", (Who(C), Who(C)), (("朋友",), ("背叛",)), Who(C)),
    _zh("狸花猫在学校被同桌欺负，老师狗帮了它", (Who(C, "tabby"), Who(D)), (("学校",), ("欺负",), ("老师",), ("帮",)),
        Who(C, "tabby"), deeds=(("帮", "rival", "-"),)),
    _zh("金毛参加跑步比赛得了第一名", (Who(D, "golden"),), (("跑",), ("比赛",), ("第一名",)), Who(D, "golden")),
    _zh("小猫走丢了，被一只好心的柴犬送回家", (Who(C), Who(D, "shiba")), (("走丢",), ("好心",), ("回家",)), Who(C),
        not_rival=(Who(D, "shiba"),)),
    _zh("萨摩耶嫉妒邻居家的布偶猫，偷偷弄坏了它的自行车", (Who(D, "samoyed"), Who(C, "ragdoll")),
        (("嫉妒",), ("邻居",), ("自行车",), ("弄坏",)), Who(C, "ragdoll"),  # the one envied is wronged
        not_roles=("嫉妒邻居",), never=("破案", "线索")),
    _zh("被救的小狗长大后回来报恩", (Who(D),), (("救",), ("长大",), ("报恩",)), Who(D), never=("呼救",)),
    _zh("猫爸爸每天送小猫上学", (Who(C), Who(C)), (("爸爸",), ("上学",)), Who(C), whole=("上学",),
        not_roles=("上学",)),
    _zh("小柴犬偷吃了妈妈做的蛋糕", (Who(D, "shiba"), Who(D)), (("偷吃",), ("妈妈",), ("蛋糕",)), Who()),
    _zh("黑猫帮白猫考过了期末考试", (Who(C, "black"), Who(C, "white")), (("帮",), ("期末考试", "考试")), Who(C, "black"),
        not_rival=(Who(C, "white"),), whole=("期末考试",), never=("镜子",)),
    _zh("小狗在比赛中输了，哭着回家，爸爸安慰它", (Who(D), Who(D)), (("比赛",), ("输",), ("哭",), ("安慰",)), Who(D),
        never=("走丢", "迷路")),
    _zh("贵宾犬抢走了柯基的男朋友", (Who(D, "poodle"), Who(D, "corgi"), Who()), (("抢走",), ("男朋友",)), Who(D, "corgi"),
        rival=Who(D, "poodle"), never=("线索", "爪印", "破案")),
    _zh("流浪狗每天在菜市场门口等好心的阿姨", (Who(D),), (("菜市场",), ("阿姨",), ("等",)), Who(D), not_roles=("小摊贩",)),
    _zh("小猫偷了同学的铅笔，后来向同学道歉了", (Who(C), Who()), (("偷",), ("铅笔",), ("道歉",)), Who(C),
        deeds=(("道歉", "hero", "kneel"),)),  # the kitten owns up to its own theft: its story (owning_up)
    _zh("穷猫妈妈捡垃圾供小猫上学，小猫长大后当了医生", (Who(C), Who(C)), (("垃圾",), ("上学",), ("医生",)), Who(C),
        whole=("上学",), not_roles=("上学",)),
    _zh("狗警察抓住了偷钱包的小偷猫", (Who(D), Who(C)), (("警察",), ("钱包",), ("小偷",)), Who(D), rival=Who(C)),
    _zh("胖柯基在健身房被嘲笑，后来减肥成功", (Who(D, "corgi"),), (("健身",), ("嘲笑",), ("减肥",)), Who(D, "corgi")),
    _zh("小猫把捡到的钱包还给了失主狗，失主送了它一条鱼", (Who(C), Who(D)), (("钱包",), ("失主",), ("鱼",)), Who(C),
        not_rival=(Who(D),), deeds=(("还给", "hero", "give"), ("一条鱼", "dog", "give"))),
    _zh("两只狗为了一根骨头打架，后来和好了", (Who(D), Who(D)), (("骨头",), ("打架",), ("和好",)), Who(D),
        deeds=(("打架", "hero", "fight"),)),
    _zh("小狗在公园走丢了，主人贴了寻狗启事", (Who(D), Who()), (("走丢",), ("主人",), ("寻狗启事",)), Who(D),
        not_rival=(Who(),), whole=("寻狗启事",)),
    _zh("黑猫嫉妒白猫考了第一名，偷偷撕了她的作业", (Who(C, "black"), Who(C, "white")), (("嫉妒",), ("第一名",), ("作业",)),
        Who(C, "white"), not_roles=("嫉妒白猫",)),
    _zh("小猫捡到一只受伤的小狗，把它带回家照顾", (Who(C), Who(D)), (("受伤",), ("带回家",), ("照顾",)), Who(C),
        not_rival=(Who(D),), never=("家在哪", "迷路", "走丢")),
)
# Chinese premises of the genre none of the blocks above has (issue 12, story): a comeback after mockery, odd jobs
# and delivery, exams, contests, family, a kindness repaid, betrayal, a misunderstanding, a wedding, a hospital,
# school, a company and its domineering boss, told in long clauses (因为/但是/后来/终于/结果), a pet named with a
# role before it (被校霸猫欺负) or told of again by its role word (失主, 游客). Read and judged by hand, as above.
# At 5 seeds, before this block's fixes: hero and rival 140/150, template details 25/150, deeds by the wrong one
# 29/55, garbled 20; after: 150/150, 5/150, 0/55, 5 (one premise's correct 阿花误会黑猫年糕偷了阿花的项链).
ZH_GENRE: tuple[ZhCase, ...] = (
    _zh("穷橘猫被富白猫嘲笑，后来努力打工成了富豪，白猫来求他", (Who(C, "ginger"), Who(C, "white")),
        (("嘲笑",), ("富豪",), ("求",)), Who(C, "ginger"), rival=Who(C, "white"), deeds=(("嘲笑", "rival", "sneer"),)),
    _zh("外卖员柯基每天风雨无阻送外卖，终于买下了自己的房子", (Who(D, "corgi"),), (("送外卖",), ("房子",)),
        Who(D, "corgi"), whole=("送外卖",), never=("财经杂志",)),
    _zh("哈士奇因为考试不及格被爸爸骂，但是后来考上了大学", (Who(D, "husky"), Who(D)), (("不及格",), ("骂",), ("大学",)),
        Who(D, "husky"), never=("不及格。", "三份工"), deeds=(("骂", "rival", "point"),)),
    _zh("布偶猫在公司被霸总猫欺负，结果她自己开了公司", (Who(C, "ragdoll"), Who(C)), (("欺负",), ("公司",)),
        Who(C, "ragdoll"), rival=Who(C), deeds=(("欺负", "rival", "sneer"),)),
    _zh("小黑狗在婚礼上被新娘甩了，后来成了有名的歌手", (Who(D), Who()), (("婚礼",), ("甩",), ("歌手",)), Who(D),
        never=("小礼物",)),
    _zh("流浪猫救了一只落水的小狗，小狗长大后回来报恩", (Who(C), Who(D)), (("落水",), ("报恩",)), Who(C),
        not_rival=(Who(D),)),
    _zh("金毛医生在医院救了一只受伤的小猫", (Who(D, "golden"), Who(C)), (("医生",), ("医院",), ("受伤",)),
        Who(D, "golden"), not_rival=(Who(C),)),
    _zh("柴犬和秋田犬是好朋友，后来因为一场误会吵架了，最后和好了", (Who(D, "shiba"), Who(D, "akita")),
        (("好朋友",), ("误会",), ("和好",)), Who(D, "shiba"), not_rival=(Who(D, "akita"),), never=("一个人吃饭",)),
    _zh("萨摩耶在学校被老师冤枉偷东西，后来真相大白", (Who(D, "samoyed"), Who()), (("冤枉",), ("真相大白",)),
        Who(D, "samoyed"), never=("爪印", "线索", "谁捡到就是谁的")),
    _zh("小橘猫参加唱歌比赛，被评委狗嘲笑，结果得了冠军", (Who(C, "ginger"), Who(D)), (("唱歌",), ("嘲笑",), ("冠军",)),
        Who(C, "ginger"), rival=Who(D), deeds=(("嘲笑", "rival", "sneer"),)),
    _zh("狗爸爸每天打三份工，供小狗上大学", (Who(D), Who(D)), (("三份工",), ("大学",)), Who(D), not_roles=("学生",)),
    _zh("白猫背叛了黑猫，偷走了她的设计图", (Who(C, "white"), Who(C, "black")), (("背叛",), ("设计图",)),
        Who(C, "black"), rival=Who(C, "white")),
    _zh("柯基在工地搬砖，被包工头猫骂，后来当上了老板", (Who(D, "corgi"), Who(C)), (("搬砖",), ("骂",), ("老板",)),
        Who(D, "corgi"), rival=Who(C), deeds=(("搬砖", "hero", "work"), ("骂", "rival", "point"))),
    _zh("胖橘猫减肥失败被朋友嘲笑，但是它坚持跑步，终于瘦了下来", (Who(C, "ginger"), Who()), (("减肥",), ("跑步",)),
        Who(C, "ginger"), deeds=(("嘲笑", "rival", "sneer"),)),
    _zh("小狗把奖牌送给了生病的奶奶", (Who(D), Who(D)), (("奖牌",), ("奶奶",)), Who(D), deeds=(("送给", "hero", "give"),)),
    _zh("霸总猫爱上了在咖啡店打工的小狗", (Who(C), Who(D)), (("爱上",), ("咖啡",)), Who(C), not_rival=(Who(D),)),
    _zh("哈士奇在餐厅打工时打碎了盘子，被经理猫开除了", (Who(D, "husky"), Who(C)), (("盘子",), ("开除",)),
        Who(D, "husky"), rival=Who(C), never=("口碑",)),
    _zh("流浪狗被有钱的猫收养，后来才知道它是首富的儿子", (Who(D), Who(C)), (("收养",), ("首富",)), Who(D),
        not_rival=(Who(C),)),
    _zh("小猫送外卖迟到被顾客狗投诉，哭着回家了", (Who(C), Who(D)), (("送外卖",), ("投诉",)), Who(C), rival=Who(D),
        whole=("送外卖",)),
    _zh("两只猫在公司竞争，后来一起创业成功", (Who(C), Who(C)), (("公司",), ("创业",)), Who(C)),
    _zh("小狗考了第一名，妈妈狗高兴地哭了", (Who(D), Who(D)), (("第一名",), ("妈妈",)), Who(D), not_rival=(Who(D),)),
    _zh("穷柴犬被女朋友嫌弃，三年后开着豪车回来了", (Who(D, "shiba"), Who()), (("嫌弃",), ("豪车",)), Who(D, "shiba")),
    _zh("猫妈妈生病住院，小猫打工给妈妈交医药费", (Who(C), Who(C)), (("住院",), ("医药费",)), Who(C)),
    _zh("白猫误会黑猫偷了她的项链，后来发现是乌鸦叼走的", (Who(C, "white"), Who(C, "black")), (("误会",), ("项链",)),
        Who(C)),
    _zh("金毛在比赛中摔倒了，但是爬起来跑到了终点", (Who(D, "golden"),), (("摔倒",), ("终点",)), Who(D, "golden")),
    _zh("橘猫被渣男猫甩了", (Who(C, "ginger"), Who(C)), (("甩",),), Who(C, "ginger"), rival=Who(C)),
    _zh("白猫在学校被校霸猫欺负", (Who(C, "white"), Who(C)), (("学校",), ("欺负",)), Who(C, "white"), rival=Who(C),
        deeds=(("欺负", "rival", "sneer"),)),
    _zh("小狗在公园救了一只落水的游客猫，游客送了它一束花", (Who(D), Who(C)), (("落水",), ("花",)), Who(D),
        not_rival=(Who(C),), deeds=(("一束花", "cat", "!stand"),)),
    _zh("小猫因为考试作弊被妈妈罚站", (Who(C), Who(C)), (("作弊",), ("罚站",)), Who(C), never=("作弊。",)),
    _zh("小猫送了妈妈一束花", (Who(C), Who(C)), (("花",), ("妈妈",)), Who(C), deeds=(("送了", "hero", "give"),)),
)
# Casting (issue 12): who is in the story and whether they are alive. Named pets of no species ("Bella and
# Max share…"), counted groups ("two puppies": two, "three kittens": three), a relative whose grave is visited
# (cast, remembered, never on screen nor speaking), and a pet that waits every day (a loyal wait, not a
# striving comeback). count: the characters the script must have; arc: the arc it must be told in (None:
# any); gone: the id words of the relative who must never be on screen (hand-written here, apart from the
# writer's tables).
@dataclass(frozen=True)
class CastCase:
    premise: str
    lang: str
    cast: tuple[Who, ...]
    count: int
    items: tuple[tuple[str, ...], ...] = ()
    arc: str | None = None
    gone: tuple[str, ...] = ()


CAST_CASES: tuple[CastCase, ...] = (
    CastCase("Bella and Max share one umbrella in the rain", "en", (Who(name="Bella"), Who(name="Max")), 2,
             (("Bella and Max",), ("umbrella",), ("rain",))),
    CastCase("Coco and Pepper find a lost kitten in the park", "en", (Who(name="Coco"), Who(name="Pepper"), Who(C)), 3,
             (("Coco and Pepper",), ("kitten",), ("park",))),
    CastCase("Mango, Pearl and Tofu bake a cake for grandma", "en",
             (Who(name="Mango"), Who(name="Pearl"), Who(name="Tofu"), Who()), 4, (("cake",), ("grandma",))),
    CastCase("Bella shares her umbrella with a stray dog", "en", (Who(name="Bella"), Who(D)), 2, (("umbrella",),)),
    CastCase("two puppies play in the snow", "en", (Who(D), Who(D)), 2, (("snow",), ("play",))),
    CastCase("three kittens chase a butterfly in the garden", "en", (Who(C), Who(C), Who(C)), 3, (("butterfly",),)),
    CastCase("a cat finds two kittens in a box", "en", (Who(C), Who(C), Who(C)), 3, (("box",), ("kitten",))),
    CastCase("a kitten visits grandpa's grave", "en", (Who(C), Who()), 2, (("grave",), ("grandpa",)),
             "remembrance", ("grandpa",)),
    CastCase("a little dog visits his grandma's grave on a rainy day", "en", (Who(D), Who()), 2,
             (("grave",), ("grandma",), ("rain",)), "remembrance", ("grandma",)),
    CastCase("a cat brings flowers to her mother's grave", "en", (Who(C), Who()), 2, (("flowers",), ("grave",)),
             "remembrance", ("mother",)),
    CastCase("a lonely dog waits at the train station every day for its owner", "en", (Who(D), Who()), 2,
             (("station",), ("owner",), ("wait",)), "loyal_wait"),
    CastCase("an old akita waits at the station for his owner who never comes back", "en", (Who(D, "akita"), Who()), 2,
             (("akita",), ("station",), ("never comes back",)), "loyal_wait", ("owner",)),
    CastCase("a loyal dog waits by the door every evening for the girl who moved away", "en", (Who(D), Who()), 2,
             (("door",), ("wait",)), "loyal_wait"),
    CastCase("两只小狗在雪地里玩", "zh", (Who(D), Who(D)), 2, (("雪",),)),
    CastCase("三只小猫在花园里追蝴蝶", "zh", (Who(C), Who(C), Who(C)), 3, (("蝴蝶",),)),
    CastCase("小猫去墓地看奶奶", "zh", (Who(C), Who()), 2, (("墓地",), ("奶奶",)), "remembrance", ("grandma",)),
    CastCase("小狗每年清明去给爷爷扫墓", "zh", (Who(D), Who()), 2, (("扫墓",), ("爷爷",)), "remembrance", ("grandpa",)),
    CastCase("小狗想念去世的爷爷", "zh", (Who(D), Who()), 2, (("爷爷",), ("想念",)), "remembrance", ("grandpa",)),
    CastCase("小狗每天在车站等主人回来", "zh", (Who(D), Who()), 2, (("车站",), ("主人",), ("等",)), "loyal_wait"),
    CastCase("一只老狗在火车站等了主人十年", "zh", (Who(D), Who()), 2, (("火车站",), ("主人",), ("十年",)), "loyal_wait"),
)
# Who is who (issue 12, sides): premises about families, friends, betrayal, helpers and the helped, written
# after the blocks above and never used to tune the writer before: per premise, by hand, the hero's and the
# rival's words (the one wronged is the hero: "a dog steals his best friend's girlfriend" is the friend's
# story), the side each named pet is on (the wronged and the kind are never the wrongdoer's allies), each
# family member with the relative it must look like (same species and breed), the arcs that tell it (an
# adoption is no rescue, a kindness repaid no cry for help, a pet helping another no glow-up) and template
# details that would contradict it.
@dataclass(frozen=True)
class SidesCase:
    premise: str
    hero: str  # the premise's words for the hero
    rival: str | None = None  # the premise's words for the rival (None: no rival)
    sides: tuple[tuple[str, str], ...] = ()  # (the premise's words for a pet, its side)
    kin: tuple[tuple[str, str], ...] = ()  # (a family member's words, the words of the relative it looks like)
    arcs: tuple[str, ...] = ()  # the arcs that tell it (empty: any)
    never: tuple[str, ...] = ()  # template details the premise contradicts


def _s(premise: str, hero: str, rival: str | None = None, sides: tuple[tuple[str, str], ...] = (),
       kin: tuple[tuple[str, str], ...] = (), arcs: str = "", never: tuple[str, ...] = ()) -> SidesCase:
    return SidesCase(premise, hero, rival, sides, kin, tuple(arcs.split()), never)


_CRY = ("cry for help", "somebody is in trouble", "slippery", "呼救", "救命", "遇到危险", "深不见底")
SIDES_CASES: tuple[SidesCase, ...] = (
    _s("a jealous cat breaks her sister's trophy and blames the dog", "dog", "jealous cat", (("sister", "hero"),),
       (("sister", "jealous cat"),), "underdog_revenge betrayal_comeback owning_up payback"),
    _s("a dog steals his best friend's girlfriend", "best friend", "dog", (("girlfriend", "hero"),), (),
       "betrayal_comeback stolen_treasure"),
    _s("a poodle betrays her best friend to win the dance contest", "best friend", "poodle", (), (),
       "betrayal_comeback big_match career_dream"),
    _s("a tabby cat frames her best friend for stealing the teacher's pen", "best friend", "tabby cat",
       (("teacher", "hero"),), (), "betrayal_comeback underdog_revenge"),
    _s("A husky is betrayed by his best friend and wins everything back", "husky", "best friend", (), (),
       "betrayal_comeback"),
    _s("a cat is mocked by a dog and her sister comforts her", "cat", "dog", (("sister", "hero"),), (("sister", "cat"),)),
    _s("a rich cat's daughter falls in love with a poor street dog", "poor street dog", "rich cat",
       (("daughter", "hero"),), (("daughter", "rich cat"),), "romance"),
    _s("a lazy dog copies his friend's homework and the friend gets punished", "lazy dog", None,
       (("friend", "hero"),), (), "owning_up"),
    _s("a corgi lies to his brother and takes the last cookie", "corgi", None, (("brother", "hero"),),
       (("brother", "corgi"),), "owning_up"),
    _s("a kind family adopts a shy stray kitten", "kitten", None, (), (), "taken_in", _CRY),
    _s("a lonely old dog is adopted by a little girl", "lonely old dog", None, (("little girl", "hero"),), (),
       "taken_in", _CRY),
    _s("a shiba puppy gets lost and her mother searches the whole city", "shiba puppy", None, (("mother", "hero"),),
       (("mother", "shiba puppy"),), "lost_and_found"),
    _s("three kittens and their mother look for a new home", "kittens", None, (("mother", "hero"),),
       (("mother", "kittens"),)),
    _s("a beagle finds a lost kitten and brings her back to her mother", "beagle", None, (("mother", "hero"),),
       (("mother", "kitten"),)),
    _s("a husky helps a blind old dog cross the road every morning", "husky", None, (("blind old dog", "hero"),), (),
       "helping_paw", _CRY),
    _s("黑猫帮白猫考过了期末考试", "黑猫", None, (("白猫", "hero"),), (), "helping_paw", ("镜子", "不是为了他们")),
    _s("小狗帮瞎眼的老狗过马路", "小狗", None, (("瞎眼的老狗", "hero"),), (), "helping_paw", _CRY),
    _s("小猫报恩，给救过它的老奶奶送鱼", "小猫", None, (("老奶奶", "hero"),), (), "kindness_repaid", _CRY),
    _s("被救的小狗长大后回来报恩", "小狗", None, (), (), "kindness_repaid", _CRY),
    _s("金毛收养了一只受伤的小猫", "金毛", None, (("小猫", "hero"),), (), "taken_in", _CRY),
    _s("小柴犬和妈妈走散了", "小柴犬", None, (("妈妈", "hero"),), (("妈妈", "小柴犬"),)),
    _s("三只小狗和妈妈在雨里找家", "小狗", None, (("妈妈", "hero"),), (("妈妈", "小狗"),)),
    _s("哈士奇的弟弟被邻居家的狗欺负，哈士奇替他出头", "哈士奇", "狗", (("弟弟", "hero"),), (("弟弟", "哈士奇"),)),
    _s("柯基被最好的朋友出卖，丢了工作", "柯基", "朋友", (), (), "betrayal_comeback"),
    _s("布偶猫的男朋友被她的闺蜜抢走了", "布偶猫", "闺蜜", (("男朋友", "hero"),), (), "betrayal_comeback"),
    _s("小柴犬偷吃了妈妈做的蛋糕", "小柴犬", None, (("妈妈", "hero"),), (("妈妈", "小柴犬"),)),
    _s("流浪狗在菜市场捡到一个钱包，还给了失主，失主送了它一条鱼", "流浪狗", None, (), (), "", ("小摊贩", "摆摊")),
)
_UNSPACED = re.compile(r"[\u3400-\u9fff][A-Za-z]|[A-Za-z][\u3400-\u9fff]")
# The effort filler a story not of striving must not say (hand-written here, apart from the writer's pools).
EFFORT = ("works hard", "work hard", "every coin", "saving every", "gets rich", "keeps at it", "tried so hard",
          "wouldn't quit", "kept going", "keeps going", "customer", "nobody comes", "paws sore", "night after night",
          "rent is due", "honest work", "train hard", "first week", "from the top", "worked for",
          "努力", "拼命", "攒钱", "硬币", "顾客", "不会放弃", "一遍又一遍", "房租")
# Clause reading: premises whose clauses were misread (a doer outside the cast, "who" after describing
# words, a rival who mends, the weather of a place); reported apart, with the garbled-line count.
CLAUSE_CASES: tuple[Case, ...] = (
    Case("A lonely old basset hound who runs a tiny flower shop is ignored by a snooty siamese florist across the "
         "street, until a wedding party orders all her roses and the siamese comes to buy flowers from her", "en",
         (Who(D, "basset"), Who(C, "siamese")),
         (("lonely",), ("flower shop",), ("ignored",), ("wedding party",), ("roses",), ("buy",))),
    Case("A lonely old basset hound who runs a tiny flower shop is ignored by a snooty siamese florist across the "
         "street, until a wedding party orders all her roses and the siamese comes to buy flowers from her", "zh",
         (Who(D, "basset"), Who(C, "siamese")), (("花店",), ("冷落",), ("婚礼",), ("买",))),
    Case("A tiny pomeranian nurse is bullied by a proud doberman doctor at the hospital, saves a patient during a "
         "storm and the doberman apologises in front of everyone", "en", (Who(D, "pomeranian"), Who(D, "doberman")),
         (("nurse",), ("bullied",), ("hospital",), ("storm",), ("apologis",))),
    Case("A shy husky who sings in the subway is filmed by a passer-by, goes viral overnight and a famous director "
         "offers him a role", "en", (Who(D, "husky"),),
         (("sings",), ("subway",), ("passer-by",), ("viral",), ("director",), ("role",))),
    Case("A grandma cat sells her gold necklace to pay for her grandson's school, and years later he comes home a "
         "doctor and buys her a new house", "en", (Who(C), Who(C)),
         (("grandma",), ("necklace",), ("grandson",), ("doctor",), ("house",))),
    Case("A grandma cat sells her gold necklace to pay for her grandson's school, and years later he comes home a "
         "doctor and buys her a new house", "zh", (Who(C), Who(C)), (("项链",), ("医生",), ("房子",))),
    Case("一只胆小的柯基在街角卖花，被傲慢的布偶猫嘲笑，后来全城的人都来买她的花", "zh", (Who(D, "corgi"), Who(C, "ragdoll")),
         (("卖花",), ("嘲笑",), ("全城",))),
    Case("A golden retriever groom is left at the altar by his greedy bride, opens a bakery and his ex comes back to "
         "beg for forgiveness", "en", (Who(D, "golden"), Who()),
         (("groom",), ("altar",), ("bride",), ("bakery",), ("forgiveness",))),
)
_HAN = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")
_PLACEHOLDERS = ("行动了", " acted on ")


def effort(script: Script) -> list[str]:
    """The spoken lines that say the effort filler of a striving story."""
    return [t for s in script.scenes for _, t in s.spoken() if any(w in t.lower() for w in EFFORT)]


def invented_events(premise: str, script: Script) -> list[str]:
    """The spoken lines and title that tell an event of ``INVENTED_EVENTS`` the premise does not say."""
    words = [w for w in INVENTED_EVENTS if not _has(w, premise) and not (w.endswith("way home") and _has("way home", premise))]
    lines = [script.title, *(t for s in script.scenes for _, t in s.spoken())]
    return [t for t in lines if any(_has(w, t) for w in words)]


def leaks(script: Script) -> int:
    """Spoken lines in the other script's writing, or with a placeholder verb."""
    other = _LATIN if script.language == "zh" else _HAN
    return sum(bool(other.search(t)) or any(p in t for p in _PLACEHOLDERS)
               for s in script.scenes for _, t in s.spoken())


def garbles(script: Script) -> int:
    """Chinese lines that say one pet's name twice in one breath ("柴犬阿福在夜市摆摊卖烤串的阿福被…",
    "饼干被饼干欺负"): a clause read with the wrong subject. English lines where a name runs into
    what should have been the clause's own subject ("Buddy a wedding party orders…", not "offers Buddy
    a role"; "Buddy, hound, lonely old basset Buddy") or owns nothing ("apologises to Waffles'.")."""
    names = [re.escape(c.name) for c in script.characters]
    if script.language != "zh":
        return sum(any(re.search(rf"(?<![a-z] ){n} (?:a|an|the) ", t)
                       or re.search(rf"\b(?:to|from|with|by) {n}(?:'s|')[.!?,]", t)
                       or re.search(rf"\b{n}, [a-z]+, [a-z]+ [^.!?]{{0,20}}\b{n}\b", t) for n in names)
                   for s in script.scenes for _, t in s.spoken())
    return sum(any(re.search(rf"{n}[^，。！？：“”]{{0,10}}{n}", t) for n in names)
               for s in script.scenes for _, t in s.spoken())


def _fits(who: Who, c: object) -> bool:
    from story.script import Character

    assert isinstance(c, Character)
    desc = f"{c.breed} {c.look}".lower()
    return (not who.name or c.name == who.name) and (not who.species or c.species == who.species) \
        and not (who.breed and who.breed not in desc)


def zh_sides(case: ZhCase, script: Script) -> bool:
    """The hero (and the rival) cast as the premise tells them, and no one of ``not_rival`` the rival."""
    by_id = {c.id: c for c in script.characters}
    hero_ok = "hero" in by_id and _fits(case.hero, by_id["hero"])
    rival_ok = case.rival is None or ("rival" in by_id and _fits(case.rival, by_id["rival"]))
    kind_ok = not any("rival" in by_id and _fits(w, by_id["rival"]) for w in case.not_rival)
    return hero_ok and rival_ok and kind_ok


def split_phrases(case: ZhCase, script: Script) -> list[str]:
    """Spoken lines with a pet's name put inside one of the premise's ``whole`` phrases or right after it
    (小猫考试团子作弊, 送小猫上学奶茶)."""
    names = [re.escape(c.name) for c in script.characters]
    out = []
    for s in script.scenes:
        for _, text in s.spoken():
            for phrase in case.whole:  # inside it (考试团子作弊) or right after it (送小猫上学奶茶)
                cuts = [re.escape(phrase[:k]) + "(?:" + "|".join(names) + ")" + re.escape(phrase[k:])
                        for k in range(1, len(phrase) + 1)]
                if any(re.search(c, text) for c in cuts):
                    out.append(text)
    return out


def misread_roles(case: ZhCase) -> list[str]:
    """The words of ``not_roles`` the understood line gives as a role (主角：小猫，考试; 配角：嫉妒邻居)."""
    from story.premise import analyse, understood_line

    line = understood_line(analyse(case.case.premise), "zh")
    return [w for w in case.not_roles if re.search(rf"[，：]{re.escape(w)}(?:[；，]|$)", line)]


def contradicting(case: ZhCase, script: Script) -> list[str]:
    """Spoken lines (and the title) that say a template detail the premise contradicts."""
    lines = [script.title, *(t for s in script.scenes for _, t in s.spoken())]
    return [t for t in lines if any(w in t for w in case.never)]


def wrong_deeds(case: ZhCase, script: Script) -> list[str]:
    """Each deed whose first scene (the one whose narration says its words) does not show it done by its doer
    ("!point": anything but pointing; "-": the one named is not in that scene)."""
    out = []
    for words, who, act in case.deeds:
        scene = next((s for s in script.scenes if words in s.narration), None)
        if scene is None:
            out.append(f"{words}: never told")
            continue
        done = next((a.action for a in scene.characters if a.id == who), None)
        if act == "-":  # not there: "老师狗帮了它" is no deed of the rival's
            ok = done is None
        else:
            ok = done is not None and (done != act[1:] if act.startswith("!") else done == act)
        if not ok:
            out.append(f"{words}: {who} {done}")
    return out


# Premises for the "invented" figure: none of them is in the tests or in CASES above.
INVENT_CASES: tuple[tuple[str, str], ...] = (
    ("A taxi driver dog finds a lost diamond ring in his cab and returns it to a rich cat", "en"),
    ("A tiny pomeranian nurse is bullied by a proud doberman doctor, saves a patient during a storm and the "
     "doberman apologises in front of everyone", "en"),
    ("A cat who works as a magician is booed off the stage by a jealous poodle, then performs the best show of "
     "the year", "en"),
    ("The husky fisherman pulls a drowning kitten out of the river", "en"),
    ("A lonely beagle falls in love with the poodle next door", "en"),
    ("A shy tabby kitten is teased by her classmates on the first day of school and makes a best friend", "en"),
    ("A grey cat takes revenge on the bulldog who ate her birthday cake", "en"),
    ("A brave shiba rescues a puppy from a flood", "en"),
    ("A dalmatian librarian finds a secret map inside an old book", "en"),
    ("An old labrador teaches a clumsy puppy how to swim", "en"),
    ("A black cat mail carrier is chased by a big dog every day until they become friends", "en"),
    ("A samoyed and a siamese cat get married in the snow", "en"),
    ("一只柯基护士被骄傲的杜宾医生欺负，后来在暴雨夜救了一个病人", "zh"),
    ("小狸花猫在新学校被同学孤立，后来交到了第一个好朋友", "zh"),
    ("一只哈士奇爱上了隔壁的萨摩耶", "zh"),
    ("流浪猫在大雪里救了一只小狗", "zh"),
    ("A chubby pug is laughed at by the whole school, glows up over the summer and wows everyone", "en"),
    ("被全校嘲笑的胖柯基，一个暑假后华丽变身，惊艳了所有人", "zh"),
    ("A husky is betrayed by his best friend and wins everything back", "en"),
    ("哈士奇被最好的朋友背叛，后来夺回了一切", "zh"),
)

# Words a line can claim with, by kind, and the premise words that allow them: (claim words, allowed
# by). A claim word is allowed by itself too. English words match at word starts (plurals and verb
# endings included); Chinese ones as substrings.
CLAIMS: dict[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]] = {
    "job": (
        (("delivery", "courier", "scooter"), ("deliver", "courier", "外卖")),
        (("odd job", "odd-job", "shift", "paycheck", "payday", "salary", "coworker", "hired", "promot",
          "career", "boss", "intern", "employee"), ("job", "work", "boss", "office", "hire", "career", "employ")),
        (("chef", "cook", "kitchen"), ("chef", "cook", "kitchen", "restaurant")),
        (("waiter", "dishwasher", "cleaner", "construction", "bricks", "builder"), ()),
        (("doctor",), ("doctor", "hospital")), (("nurse",), ()), (("magician",), ()),
        (("driver", "taxi"), ("taxi", "cab", "driver")), (("teacher",), ("teach", "school")),
        (("firefighter",), ()), (("police",), ("police", "cop")), (("fisherman",), ("fish",)),
        (("pop star", "singer", "dancer", "athlete", "astronaut", "mayor", "programmer", "farmer",
          "detective"), ()),
        (("外卖", "送餐", "工地", "搬砖", "打零工", "打工", "上班", "老板", "工资", "发工资", "同事", "厨师"),
         ("工", "班", "老板", "外卖", "厨")),
        (("医生",), ("医生", "医院")), (("护士",), ()),
    ),
    "business": (
        (("customer", "business", "company", "shop", "store", "stall", "sales", "profit", "menu", "orders",
          "word gets around", "every coin", "nobody comes", "it's small, but"),
         ("shop", "store", "business", "company", "stall", "sell", "sold", "restaurant", "café", "cafe",
          "bakery", "market", "vendor", "customer", "truck", "startup", "brand")),
        (("顾客", "客人", "生意", "小店", "公司", "口碑", "摊"), ("店", "公司", "生意", "卖", "摊", "顾客", "餐厅")),
    ),
    "wealth": (
        (("richest", "richer", "millionaire", "billionaire", "fortune", "golden car"),  # the hero's riches
         ("gets rich", "get rich", "becomes rich", "millionaire", "billionaire", "fortune", "richest", "money")),
        (("rich", "millionaire", "billionaire", "wealth", "fortune", "money", "cash", "coins", "rent",
          "mansion", "golden car", "price"), ("rich", "poor", "money", "millionaire", "billionaire", "wealth",
                                              "fortune", "cash", "coin", "broke", "mansion", "diamond")),
        (("有钱", "富", "发财", "硬币", "钱", "房租", "豪宅"), ("富", "穷", "钱", "发财", "豪宅")),
    ),
    "place": (
        (("street", "city", "town", "the curb"), ("street", "road", "city", "town", "taxi", "cab", "stray",
                                                  "mail", "market")),
        (("restaurant", "café"), ("restaurant", "café", "cafe", "diner")),
        (("office",), ()), (("classroom", "school"), ("school", "class")),
        (("hospital", "ward"), ("hospital", "nurse", "doctor", "patient")), (("医院", "病房"), ("医", "护士", "病")),
        (("stage",), ("stage", "show", "concert", "perform")), (("stadium", "finish line", "track"), ()),
        (("rooftop", "roof"), ()), (("market",), ()), (("park",), ()), (("beach", "the sea", "seaside"), ("beach", "sea")),
        (("skyscraper", "tower"), ()), (("alley",), ()),
        (("街", "城里", "全城", "工地", "餐厅", "厨房", "公司", "学校", "教室", "舞台", "天台", "市场",
          "公园", "海边"), ()),
    ),
    "event": (
        (("contest", "competition", "race", "trophy", "champion", "tournament", "finish line"),
         ("contest", "competition", "race", "trophy", "champion", "tournament")),
        (("wedding", "marry", "married"), ("wedding", "marr")), (("fired",), ("fire",)),
        (("storm",), ("storm", "rain")), (("election", "vote"), ("election", "mayor", "vote")),
        (("audition", "concert"), ("audition", "concert")), (("exam", "graduat"), ("exam", "graduat")),
        (("比赛", "大赛", "冠军", "终点", "奖杯", "婚礼", "开除", "暴风雨", "选举"), ()),
        (("photo",), ("photo", "picture", "camera", "film", "selfie")), (("contract",), ("contract", "sign")),
        (("照片", "合同"), ("照片", "拍", "合同", "签")),
    ),
}


def _has(word: str, text: str) -> bool:
    if re.search(r"[\u3400-\u9fff]", word):
        return word in text
    return re.search(r"(?<![A-Za-z])" + re.escape(word.lower()), text.lower()) is not None


def invented(premise: str, script: Script) -> list[tuple[str, str, str]]:
    """(kind, claim word, line) for every word of the title or a spoken line that claims a job,
    business, wealth, place or event the premise does not ask for."""
    lines = [script.title, *(text for s in script.scenes for _, text in s.spoken())]
    out = []
    for kind, families in CLAIMS.items():
        for words, allowed in families:
            if any(_has(w, premise) for w in (*words, *allowed)):
                continue
            for line in lines:
                hit = next((w for w in words if _has(w, line)), None)
                if hit is not None:
                    out.append((kind, hit, line))
    return out


def script_text(script: Script) -> str:
    parts = [script.title]
    for c in script.characters:
        parts += [c.name, c.breed, c.look]
    for s in script.scenes:
        parts += [s.narration, s.caption, s.visual_prompt, s.setting, *s.props, *(d.text for d in s.dialogue)]
    return " ".join(parts)


def found(word: str, text: str) -> bool:
    if re.search(r"[\u3400-\u9fff]", word):
        return word in text
    return re.search(r"(?<![A-Za-z])" + re.escape(word.lower()), text.lower()) is not None


def fidelity(case: Case, script: Script) -> float:
    text = script_text(script)
    hits = sum(any(found(w, text) for w in alts) for alts in case.items)
    return hits / len(case.items) if case.items else 1.0


def cast_recall(case: Case, script: Script) -> float:
    """Characters of the premise matched one-to-one to script characters."""
    chars = list(script.characters)

    def fits(who: Who, c: object) -> bool:
        from story.script import Character

        assert isinstance(c, Character)
        desc = f"{c.breed} {c.look}".lower()
        if who.name and c.name != who.name:
            return False
        if who.species and c.species != who.species:
            return False
        return not (who.breed and who.breed not in desc)

    # the hero is drawn in the chosen style, so it matches on species only through the style
    best = 0
    for perm in itertools.permutations(range(len(chars)), min(len(case.cast), len(chars))):
        best = max(best, sum(fits(w, chars[i]) for w, i in zip(case.cast, perm, strict=False)))
    return best / len(case.cast)


def masked_lines(script: Script) -> list[str]:
    names = sorted((c.name for c in script.characters), key=len, reverse=True)
    out = []
    for s in script.scenes:
        for _, text in s.spoken():
            for n in names:
                text = text.replace(n, "@")
            out.append(text)
    return out


def _role_shown(script: Script, deed: str, worn: str | None) -> bool:
    """Whether a scene of ``script`` has ``deed`` done by a character that wears ``worn`` (its job's costume)."""
    dressed = {cid: p.job for cid, p in personas(script).items()}
    return any(a.action == deed and (worn is None or dressed.get(a.id) == worn) for sc in script.scenes
               for a in sc.characters)


def fid_cast(case: Case, scripts: list[Script]) -> tuple[float, float]:
    """A case's premise fidelity and cast recall, each the mean over its scripts."""
    return (statistics.mean(fidelity(case, s) for s in scripts),
            statistics.mean(cast_recall(case, s) for s in scripts))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--why", action="store_true", help="print each invented word with its line")
    parser.add_argument("--props", action="store_true", help="print only the props block")
    parser.add_argument("--sides", action="store_true", help="print only the who-is-who block")
    parser.add_argument("--breeds", action="store_true", help="print only the breeds block")
    args = parser.parse_args()
    seeds, why = args.seeds, args.why
    if args.breeds:
        _breeds_block(seeds)
        return 0
    if args.props:
        _props(seeds)
        return 0
    if args.sides:
        _sides_block(seeds)
        return 0
    start = time.perf_counter()
    first_scripts: list[Script] = []

    def main_row(case: Case, scripts: list[Script], tally: Tally) -> Iterator[str]:
        f, r = fid_cast(case, scripts)
        lines = [ln for s in scripts for ln in masked_lines(s)]
        d = len(set(lines)) / len(lines)
        tally.add(fid=f, cast=r, distinct=d)
        first_scripts.append(scripts[0])
        yield f"{f:5.2f} {r:5.2f} {d:5.2f}  [{case.lang}] {case.premise[:90]}"

    got = run_block([f"story eval: {len(CASES)} premises ({sum(c.lang == 'en' for c in CASES)} English, "
                     f"{sum(c.lang == 'zh' for c in CASES)} Chinese), {seeds} seeds each, offline writer",
                     f"{'fid':>5} {'cast':>5} {'dist':>5}  premise"], CASES, seeds, offline, main_row)
    shared_per_10 = []
    for i, j in itertools.permutations(range(len(CASES)), 2):
        if CASES[i].lang != CASES[j].lang:
            continue
        a, b = masked_lines(first_scripts[i]), set(masked_lines(first_scripts[j]))
        shared_per_10.append(10 * sum(ln in b for ln in a) / len(a))
    print()
    print(f"premise fidelity (mean over premises and seeds): {got.mean('fid'):.3f}   goal >= 0.9   "
          f"(min {got.min('fid'):.2f})")
    print(f"cast recall (mean):                               {got.mean('cast'):.3f}   goal 1.0   "
          f"(min {got.min('cast'):.2f})")
    print(f"distinct lines across {seeds} seeds (mean):            {got.mean('distinct'):.3f}   "
          f"goal >= 0.70   (min {got.min('distinct'):.2f})")
    print(f"lines shared with an unrelated premise, per 10:   {statistics.mean(shared_per_10):.3f}   goal < 1   "
          f"(max {max(shared_per_10):.2f}, {len(shared_per_10)} ordered pairs, same language)")
    print()

    def invented_row(item: tuple[str, str], scripts: list[Script], tally: Tally) -> Iterator[str]:
        premise, lang = item
        found_words = [invented(premise, s) for s in scripts]
        share = sum(bool(f) for f in found_words) / len(scripts)
        tally.add(bad=share * seeds)
        yield f"{share:5.2f}  [{lang}] {premise[:90]}"
        if why:
            for seed, words in enumerate(found_words):
                for kind, word, line in words:
                    yield f"         seed {seed}: {kind} {word!r}: {line[:110]}"

    got = run_block([f"{'inv':>5}  premise (invented: share of seeds whose lines name what the premise does not ask "
                     f"for)"], INVENT_CASES, seeds, offline_of, invented_row)
    elapsed = time.perf_counter() - start
    all_scripts = len(INVENT_CASES) * seeds
    invented_bad = got.total("bad")
    print(f"invented (scripts naming a job/business/wealth/place/event the premise does not): "
          f"{invented_bad / all_scripts:.3f}   goal 0   ({round(invented_bad)} of {all_scripts} scripts, "
          f"{len(INVENT_CASES)} premises)")
    print(f"time: {elapsed:.1f}s for {(len(CASES) + len(INVENT_CASES)) * seeds} scripts")
    print()

    def qa_row(case: Case, scripts: list[Script], tally: Tally) -> Iterator[str]:
        f, r = fid_cast(case, scripts)
        tally.add(fid=f, cast=r, bad=sum(leaks(s) for s in scripts), garbled=sum(garbles(s) for s in scripts),
                  lines=sum(len(masked_lines(s)) for s in scripts))
        across = "" if (_HAN.search(case.premise) is not None) == (case.lang == "zh") else " across"
        yield f"{f:5.2f} {r:5.2f}        [{case.lang}{across}] {case.premise[:80]}"

    got = run_block([f"viewer QA set: {len(QA_CASES)} premises never in the tests (Chinese; and told across "
                     f"languages)"], QA_CASES, seeds, offline, qa_row)
    print(f"QA fidelity (mean): {got.mean('fid'):.3f} (min {got.min('fid'):.2f})   "
          f"QA cast recall: {got.mean('cast'):.3f}   "
          f"lines in the other writing or with a placeholder verb: {got.total('bad')} of {got.total('lines')}   "
          f"lines naming a pet twice in one breath or garbled: {got.total('garbled')}")
    print()

    def kind_row(case: Case, scripts: list[Script], tally: Tally) -> Iterator[str]:
        f, r = fid_cast(case, scripts)
        said = [effort(s) for s in scripts]
        told = [invented_events(case.premise, s) for s in scripts]
        tally.add(fid=f, cast=r, effort=sum(bool(x) for x in said), invented=sum(bool(x) for x in told),
                  total=len(scripts))
        yield f"{f:5.2f} {r:5.2f}        [{case.lang}] {case.premise[:80]}"
        if why:
            yield from by_seed("effort", said)
            yield from by_seed("invented event", told)

    got = run_block([f"stories not of striving: {len(KIND_CASES)} premises (romance, theft, friendship, lost, rescue, "
                     f"reunion, birthday, match, family, revenge)"], KIND_CASES, seeds, offline, kind_row)
    print(f"kinds fidelity (mean): {got.mean('fid'):.3f} (min {got.min('fid'):.2f})   "
          f"kinds cast recall: {got.mean('cast'):.3f}   "
          f"scripts with effort filler: {got.total('effort')} of {got.total('total')}   goal 0   "
          f"with an invented event: {got.total('invented')} of {got.total('total')}   goal 0")
    print()

    def clause_row(case: Case, scripts: list[Script], tally: Tally) -> Iterator[str]:
        f, r = fid_cast(case, scripts)
        g = sum(garbles(s) for s in scripts)
        tally.add(fid=f, garbled=g)
        yield f"{f:5.2f} {r:5.2f} {g:5d}  [{case.lang}] {case.premise[:80]}"

    got = run_block([f"clause reading set: {len(CLAUSE_CASES)} premises once misread (outsiders, who, mending, "
                     f"weather)"], CLAUSE_CASES, seeds, offline, clause_row)
    print(f"clause fidelity (mean): {got.mean('fid'):.3f} (min {got.min('fid'):.2f})   "
          f"garbled lines (a name run into a subject, or owning nothing): {got.total('garbled')}")
    print()

    def zh_row(case: Case, scripts: list[Script], tally: Tally) -> Iterator[str]:
        f, r = fid_cast(case, scripts)
        w = statistics.mean(float(any(sc.location in case.where for sc in s.scenes)) for s in scripts)
        g = sum(garbles(s) for s in scripts)
        tally.add(fid=f, cast=r, where=w, garbled=g, unspaced=sum(
            bool(_UNSPACED.search(t)) for s in scripts for sc in s.scenes for _, t in sc.spoken()))
        yield f"{f:5.2f} {r:5.2f} {w:5.2f} {g:5d}  [{case.lang}] {case.premise[:80]}"

    got = run_block([f"Chinese premises (issue 12): {len(ZH_CASES)} premises (a litter, breed and age, names alone, "
                     f"outsiders, Latin words, places)",
                     f"{'fid':>5} {'cast':>5} {'where':>5} {'garb':>5}  premise"], ZH_CASES, seeds, offline, zh_row)
    print(f"Chinese fidelity (mean): {got.mean('fid'):.3f} (min {got.min('fid'):.2f})   "
          f"Chinese cast recall: {got.mean('cast'):.3f}   drawn at the right place: {got.mean('where'):.3f}   "
          f"garbled: {got.total('garbled')}   lines with hanzi touching a Latin word: {got.total('unspaced')}")
    print()

    def staged_row(item: tuple[str, str, str], scripts: list[Script], tally: Tally) -> Iterator[str]:
        premise, lang, deed = item
        shown = sum(any(a.action == deed for sc in s.scenes for a in sc.characters) for s in scripts)
        tally.add(shown=shown)
        yield f"{shown / len(scripts):5.2f}  {deed:>6}  [{lang}] {premise[:80]}"

    got = run_block([f"staged deeds (issue 12): {len(STAGED_CASES)} premises whose deed a scene must show with its "
                     f"gear"], STAGED_CASES, seeds, offline_of, staged_row)
    print(f"staged as asked: {got.total('shown')} of {len(STAGED_CASES) * seeds} scripts   goal all")
    print()

    def role_row(item: tuple[str, str, str, str | None], scripts: list[Script], tally: Tally) -> Iterator[str]:
        premise, lang, deed, worn = item
        shown = sum(_role_shown(s, deed, worn) for s in scripts)
        tally.add(shown=shown)
        yield f"{shown / len(scripts):5.2f}  {deed:>6} {worn or '-':>11}  [{lang}] {premise[:80]}"

    got = run_block([f"job deeds (issue 12, roles): {len(ROLE_CASES)} premises whose deed a scene must show, done by "
                     f"the pet in its job's costume"], ROLE_CASES, seeds, offline_of, role_row)
    print(f"job deeds shown as asked: {got.total('shown')} of {len(ROLE_CASES) * seeds} scripts   goal all")
    print()

    def story_row(case: Case, scripts: list[Script], tally: Tally) -> Iterator[str]:
        f, r = fid_cast(case, scripts)
        told = [invented_events(case.premise, s) for s in scripts]
        g = sum(garbles(s) for s in scripts)
        tally.add(fid=f, cast=r, invented=sum(bool(x) for x in told), garbled=g, total=len(scripts))
        yield f"{f:5.2f} {r:5.2f} {g:5d}  [{case.lang}] {case.premise[:80]}"
        if why:
            yield from by_seed("invented event", told)

    got = run_block([f"story engine set: {len(STORY_CASES)} premises (reunions, relations, two pets in a clause, "
                     f"Chinese dog names)"], STORY_CASES, seeds, offline, story_row)
    print(f"story engine fidelity (mean): {got.mean('fid'):.3f} (min {got.min('fid'):.2f})   "
          f"cast recall: {got.mean('cast'):.3f}   with an invented event: {got.total('invented')} of "
          f"{got.total('total')}   garbled: {got.total('garbled')}")
    print()

    def place_row(case: Case, scripts: list[Script], tally: Tally) -> Iterator[str]:
        f = statistics.mean(fidelity(case, s) for s in scripts)
        w = statistics.mean(float(any(sc.location in case.where for sc in s.scenes)) for s in scripts)
        own = [sc for s in scripts for sc in s.scenes if any(found(x, sc.narration) for x in case.items[0])]
        a = statistics.mean(float(sc.location in case.where) for sc in own) if own else 0.0
        tally.add(fid=f, any=w, all=a)
        yield f"{f:5.2f} {w:5.2f} {a:5.2f}  [{case.lang}] {case.premise[:80]}"

    got = run_block([f"places (issue 12, staging): {len(PLACE_CASES)} premises (lake, pond, river, fishing contest, a "
                     f"city's contest, wedding, mountain, cemetery; English and Chinese)",
                     f"{'fid':>5} {'any':>5} {'all':>5}  premise"], PLACE_CASES, seeds, offline, place_row)
    print(f"places fidelity (mean): {got.mean('fid'):.3f}   drawn at the asked place (any scene): "
          f"{got.mean('any'):.3f}   the premise's own scenes there: {got.mean('all'):.3f}")
    print()
    unseen_block(seeds, why)
    print()
    telling_block(seeds, why)
    print()

    def zh_unseen_row(zc: ZhCase, scripts: list[Script], tally: Tally) -> Iterator[str]:
        case = zc.case
        f, r = fid_cast(case, scripts)
        sides = sum(zh_sides(zc, s) for s in scripts)
        split = sum(bool(split_phrases(zc, s)) for s in scripts)
        roles = len(misread_roles(zc))
        never = sum(bool(contradicting(zc, s)) for s in scripts)
        deeds = sum(len(wrong_deeds(zc, s)) for s in scripts)
        g = sum(garbles(s) for s in scripts)
        tally.add(fid=f, cast=r, sides=sides, split=split, roles=roles, never=never, deeds=deeds, garbled=g,
                  total=len(scripts), deed_total=len(zc.deeds) * len(scripts))
        yield (f"{f:5.2f} {r:5.2f} {sides / len(scripts):5.2f} {split:5d} {roles:4d} {never:4d} {deeds:4d} {g:4d}  "
               f"{case.premise[:60]}")
        if why:
            for seed, s in enumerate(scripts):
                for t in split_phrases(zc, s):
                    yield f"         seed {seed}: name inside a phrase: {t[:110]}"
                for t in contradicting(zc, s):
                    yield f"         seed {seed}: template detail: {t[:110]}"
                for t in wrong_deeds(zc, s):
                    yield f"         seed {seed}: deed: {t[:110]}"
            for w in misread_roles(zc):
                yield f"         read as a role: {w}"

    got = run_block([f"unseen Chinese premises (issue 12): {len(ZH_UNSEEN)} premises (cheating, stealing, adopting, "
                     f"odd jobs, friendship, betrayal, school, a race, family, a kindness repaid, lost, jealousy)",
                     f"{'fid':>5} {'cast':>5} {'sides':>5} {'split':>5} {'role':>4} {'tmpl':>4} {'deed':>4} "
                     f"{'garb':>4}  premise"], ZH_UNSEEN, seeds, lambda zc, seed: offline(zc.case, seed), zh_unseen_row)
    print(f"unseen Chinese fidelity (mean): {got.mean('fid'):.3f} (min {got.min('fid'):.2f})   "
          f"cast recall: {got.mean('cast'):.3f}   hero and rival as told: {got.total('sides')} of {got.total('total')}   "
          f"a name inside a phrase: {got.total('split')} of {got.total('total')}   a non-role read as a role: "
          f"{got.total('roles')} premises   template detail against the premise: {got.total('never')} of "
          f"{got.total('total')}   deed by the wrong one: {got.total('deeds')} of {got.total('deed_total')}   "
          f"garbled: {got.total('garbled')}")
    print()
    got = run_block([f"Chinese genre premises (issue 12, story): {len(ZH_GENRE)} premises (a comeback, odd jobs, "
                     f"delivery, exams, contests, family, a kindness repaid, betrayal, a misunderstanding, a wedding, "
                     f"a company's boss, roles before a pet, long clauses)",
                     f"{'fid':>5} {'cast':>5} {'sides':>5} {'split':>5} {'role':>4} {'tmpl':>4} {'deed':>4} "
                     f"{'garb':>4}  premise"], ZH_GENRE, seeds, lambda zc, seed: offline(zc.case, seed), zh_unseen_row)
    print(f"zh genre fidelity (mean): {got.mean('fid'):.3f}   cast recall: {got.mean('cast'):.3f}   hero and rival "
          f"as told: {got.total('sides')} of {got.total('total')}   a name inside a phrase: {got.total('split')}   "
          f"a non-role read as a role: {got.total('roles')} premises   template detail against the premise: "
          f"{got.total('never')} of {got.total('total')}   deed by the wrong one: {got.total('deeds')} of "
          f"{got.total('deed_total')}   garbled: {got.total('garbled')}")
    print()
    _casting(seeds)
    print()
    _props(seeds)
    print()
    _sides_block(seeds)
    print()
    _breeds_block(seeds)
    return 0


def _casting(seeds: int) -> None:
    """The casting block (issue 12): cast count and recall, the dead never on screen, the arc told."""

    def row(case: CastCase, written: list[Written], tally: Tally) -> Iterator[str]:
        scripts = [w.script for w in written]
        f, r = fid_cast(Case(case.premise, case.lang, case.cast, case.items), scripts)
        n = statistics.mean(float(len(s.characters) == case.count) for s in scripts)
        a = statistics.mean(float(case.arc is None or w.arc == case.arc) for w in written)
        dead = 0
        for s in scripts:
            ids = {c.id for c in s.characters if any(c.id.startswith(g) for g in case.gone)}
            dead += bool(ids & {x.id for sc in s.scenes for x in sc.characters}
                         | ids & {ln.speaker for sc in s.scenes for ln in sc.dialogue})
        tally.add(fid=f, cast=r, count=n, arc=a, dead=dead, dead_total=len(scripts) if case.gone else 0,
                  effort=sum(bool(effort(s)) for s in scripts), total=len(scripts))
        yield f"{f:5.2f} {r:5.2f} {n:5.2f} {a:5.2f} {dead:5d}  [{case.lang}] {case.premise[:80]}"

    got = run_block([f"casting (issue 12): {len(CAST_CASES)} premises (names alone, counted groups, a grave visited, "
                     f"a loyal wait; English and Chinese)",
                     f"{'fid':>5} {'cast':>5} {'count':>5} {'arc':>5} {'dead':>5}  premise"],
                    CAST_CASES, seeds, story_of, row)
    print(f"casting fidelity (mean): {got.mean('fid'):.3f}   cast recall: {got.mean('cast'):.3f}   "
          f"cast count right: {got.mean('count'):.3f}   arc right: {got.mean('arc'):.3f}   "
          f"the dead on screen or speaking: {got.total('dead')} of {got.total('dead_total')}   effort filler: "
          f"{got.total('effort')} of {got.total('total')}")


# things and trades premises name, each to be drawn as itself (issue 12, props): (premise, lang, the painter's
# drawing of the thing, the shop's trade or None); written after the vocabulary was last grown, by hand
PROPS_CASES: tuple[tuple[str, str, str, str | None], ...] = (
    ("a sneaky cat steals sausages from the butcher dog's shop and the police dog catches him", "en", "sausages",
     "butcher"),
    ("a ginger cat becomes a pilot and flies a plane over the city", "en", "plane", None),
    ("a poor corgi sells dumplings at the night market and the rich poodle laughs at him", "en", "dumplings", None),
    ("a hungry stray cat steals a fish from the fish market and the fishmonger chases her", "en", "fish",
     "fish market"),
    ("a husky bakes bread at the bakery every morning before dawn", "en", "bread", "bakery"),
    ("a lazy cat eats all the noodles at the noodle shop and cannot pay", "en", "noodles", "noodle shop"),
    ("a cat chef cooks meat on the barbecue and the jealous neighbour steals it", "en", "meat", None),
    ("a chihuahua sells ice cream at the beach", "en", "ice cream", None),
    ("a hungry puppy steals a bone from the big dog", "en", "bone", None),
    ("a cat captain sails a ship through a storm to bring medicine home", "en", "fishing boat", None),  # a boat at sea, no yacht
    ("a rich poodle flies to paris in her private jet and mocks the poor cat", "en", "plane", None),
    ("a shiba inu works as a barber and gives the mayor a terrible haircut", "en", "", "barber"),
    ("a kitten opens a toy shop and the rival cat copies her", "en", "", "toy shop"),
    ("a beagle opens a dumpling shop next to the rich cat's restaurant", "en", "", "dumpling shop"),
    ("小猫偷了狗狗的香肠", "zh", "sausages", None),
    ("饿肚子的流浪猫偷了一条鱼", "zh", "fish", None),
    ("飞行员小猫开着飞机回家", "zh", "plane", None),
    ("小狗在面馆吃拉面，被富猫嘲笑", "zh", "noodles", "noodle shop"),
    ("柯基在早市卖包子", "zh", "steamed buns", None),
    ("小狗啃着骨头等主人回家", "zh", "bone", None),
    # vehicles and things the first group lacked (a train, a truck, a bus, a bicycle, the payoff's golden car as a
    # sports car, an oven, a queue, a tooth, video games), written by hand before they were first run
    ("a sleepy beagle takes the last train home after work", "en", "train", None),
    ("高铁上，小猫第一次见到了大海", "zh", "train", None),
    ("a tough bulldog drives a truck full of watermelons over the mountains", "en", "truck", None),
    ("a little kitten waits for the school bus in the snow", "en", "bus", None),
    ("a ginger cat rides his old bicycle to the fish market", "en", "bicycle", "fish market"),
    ("a poor tabby works two jobs, gets rich and buys a golden car", "en", "sports car", None),
    ("a grandma cat bakes cookies in her oven for the whole street", "en", "oven", None),
    ("an impatient pug cuts the line at the ice cream shop", "en", "queue", "ice cream shop"),
    ("小狗掉了一颗牙齿，哭了一整天", "zh", "tooth", None),
    ("a husky plays video games instead of doing his homework", "en", "game controller", None),
)


def _props(seeds: int) -> None:
    """The props block (issue 12): the thing a premise names drawn as itself (the painter's own drawing, not a
    stand-in, nor another kind of the thing: a truck not a car), the shop drawn as its trade, and how many asked things no drawing is near to
    (drawn as nothing and reported as such, no stand-in present) per script."""
    from render.painter.vocabulary import art, match_prop
    from story.venues import shop_kind

    def row(item: tuple[str, str, str, str | None], scripts: list[Script], tally: Tally) -> Iterator[str]:
        premise, lang, drawn, trade = item
        matches = [[match_prop(p) for sc in s.scenes for p in sc.props] for s in scripts]
        own = sum(any(art(m) == drawn and m.how in ("exact", "alias") for m in ms) for ms in matches)
        shops = [{k.kind for sc in s.scenes if (k := shop_kind(sc, s.premise))} for s in scripts]
        shop = sum(trade in kinds for kinds in shops)
        stand_ins = sum(m.how == "fallback" for ms in matches for m in ms)
        tally.add(own=own if drawn else 0, shop=shop if trade else 0, stand_ins=stand_ins,
                  owns=len(scripts) if drawn else 0, shops=len(scripts) if trade else 0)
        cells = [f"{n / len(scripts):5.2f}" if asked else f"{'-':>5}" for n, asked in ((own, drawn), (shop, trade))]
        yield f"{' '.join(cells)} {stand_ins:5d}  [{lang}] {premise[:80]}"

    got = run_block([f"props (issue 12, staging): {len(PROPS_CASES)} premises naming food, a vehicle or a trade "
                     f"(English and Chinese)", f"{'own':>5} {'shop':>5} {'none':>5}  premise"],
                    PROPS_CASES, seeds, offline_of, row)
    print(f"things drawn as themselves: {got.total('own')} of {got.total('owns')} scripts   shops drawn as their "
          f"trade: {got.total('shop')} of {got.total('shops')}   asked things with no drawing near (drawn as nothing, reported): {got.total('stand_ins')}")

# plural breed groups, breed looks, pet shows and training (issue 12, breeds): (premise, lang, the hero's breed,
# the mockers' breed, how many of them at least, the place drawn or None, the hero's training action or None:
# "train", or the deed practised, "practises running"); written after the viewer
# check of "a shy dachshund is laughed at by the poodles at the dog show", by hand, none in the tests
BREEDS_CASES: tuple[tuple[str, str, str, str, int, str | None, str | None], ...] = (
    ("a nervous dachshund is mocked by the labradors at the dog show, trains every morning with his aunt and "
     "wins", "en", "dachshund", "labrador", 2, "stage", "train"),
    ("a skinny greyhound is laughed at by the pugs at the park, practises running every night and wins the "
     "race", "en", "greyhound", "pug", 2, None, "run"),
    ("the bulldogs tease a shy beagle at the dog show; she trains every day and wins best in show", "en", "beagle",
     "bulldog", 1, "stage", "train"),
    ("a grumpy schnauzer is bullied by a gang of stray dogs and trains at the gym with his coach", "en",
     "schnauzer", "mixed breed", 2, "stadium", "train"),
    ("a tiny siamese is mocked by three ragdolls at the cat show and practises posing every night", "en",
     "siamese", "ragdoll", 3, "stage", "train"),
    ("a scruffy alley cat is laughed at by the Persian cats at the pet show and wins the crown", "en", "stray",
     "persian", 2, "stage", None),
    ("a maine coon and a calico laugh at a little black cat, who trains hard and wins the cat show", "en",
     "black", "maine coon", 1, "stage", "train"),
    ("a clumsy chow chow is teased by the samoyeds at the talent show and rehearses every night", "en", "chow",
     "samoyed", 2, "stage", "train"),
    ("一只胆小的腊肠狗在狗展上被拉布拉多们嘲笑，每天和奶奶一起训练，最后赢了", "zh", "dachshund", "labrador", 2,
     "stage", "train"),
    ("一只灵缇犬被一群柯基欺负，每天早上练习跑步，最后赢得了比赛", "zh", "greyhound", "corgi", 2, None, "train"),
    ("一只狸花猫在猫展上被两只布偶猫嘲笑，每晚排练，最后拿了冠军", "zh", "tabby", "ragdoll", 2, "stage", "train"),
    ("一只松狮犬被一群哈士奇看不起，每天锻炼，最后在狗展上获胜", "zh", "chow", "husky", 2, "stage", "train"),
)


def _breeds_block(seeds: int) -> None:
    """The breeds block (issue 12): the plural mockers cast as a group of their breed, lines naming one pet as its
    own doer, the pet show drawn, the hero's breed look (its own coat, not a seeded palette), training drawn as
    training, and characters whose coat shifts between two of the clip's scene moods by more than 40 levels in a
    channel (the mood grade a sprite takes; a white dog turned grey-blue in a sad scene and cream in a won one)."""
    import random as _random

    from PIL import Image

    from render.painter.grading import grade_sprite
    from render.painter.looks import resolve_look

    def coat_changes(script: Script) -> int:
        moods = {sc.mood for sc in script.scenes}
        changed = 0
        for c in script.characters:
            fur = resolve_look(c, _random.Random(0)).fur
            seen = [grade_sprite(Image.new("RGBA", (2, 2), (*fur, 255)), m, 128).getpixel((0, 0)) for m in moods]
            changed += any(max(abs(a - b) for a, b in zip(x[:3], y[:3], strict=True)) > 40
                           for x in seen for y in seen)
        return changed

    def row(item: tuple[str, str, str, str, int, str | None, str | None], scripts: list[Script],
            tally: Tally) -> Iterator[str]:
        premise, lang, hero, group, least, place, trains = item
        cast = sum(sum(group in c.breed.lower() for c in s.characters if c.id != "hero") >= least for s in scripts)
        selfs = sum(len(self_told([t for sc in s.scenes for _, t in sc.spoken()], [c.name for c in s.characters]))
                    for s in scripts)
        drawn = sum(place is None or any(sc.location == place for sc in s.scenes) for s in scripts)
        looks = 0
        for s in scripts:
            h = next(c for c in s.characters if c.id == "hero")
            own = len({resolve_look(h, _random.Random(k)).fur for k in range(3)}) == 1
            looks += own and hero in f"{h.breed} {h.look}".lower()
        trained = sum(not trains or any(a.action == trains for sc in s.scenes for a in sc.characters)
                      for s in scripts)
        coats = sum(coat_changes(s) for s in scripts)
        tally.add(cast=cast, selfs=selfs, drawn=drawn, looks=looks, trained=trained, coats=coats, total=len(scripts))
        yield f"{cast:5d} {selfs:5d} {drawn:5d} {looks:5d} {trained:5d} {coats:5d}  [{lang}] {premise[:70]}"

    got = run_block([f"breeds (issue 12): {len(BREEDS_CASES)} premises (plural breed mockers, pet shows, training, "
                     f"breed looks; English and Chinese); counts of scripts",
                     f"{'group':>5} {'self':>5} {'place':>5} {'look':>5} {'train':>5} {'coat':>5}  premise"],
                    BREEDS_CASES, seeds, offline_of, row)
    n = got.total("total")
    print(f"breeds: plural mockers cast as a group {got.total('cast')} of {n}   lines naming a pet as its own doer "
          f"{got.total('selfs')}   event place drawn {got.total('drawn')} of {n}   breed look matched "
          f"{got.total('looks')} of {n}   training drawn {got.total('trained')} of {n}   characters whose coat "
          f"changes between scenes {got.total('coats')}")


def _sides_block(seeds: int) -> None:
    """The who-is-who block (issue 12, sides): hero and rival as told, sides, family alike, arcs, details."""

    def row(case: SidesCase, written: list[Written], tally: Tally) -> Iterator[str]:
        from story.premise import understood_line

        a = written[0].analysis
        lang = a.language
        by_words = {p.words[0]: p for p in a.cast if p.words}
        rival = next((p for p in a.cast if p.role == "rival"), None)
        hero = int(a.hero.words[:1] == (case.hero,))
        rival_ok = int((rival.words[0] if rival is not None and rival.words else None) == case.rival)
        sides = sum(w in by_words and by_words[w].side == side for w, side in case.sides)
        alike = 0
        for w in written:
            chars = {c.id: c for c in w.script.characters}
            for kin, of in case.kin:
                one, two = by_words.get(kin), by_words.get(of)
                c1, c2 = chars.get(one.key) if one else None, chars.get(two.key) if two else None
                alike += bool(c1 and c2 and (c1.species, c1.breed) == (c2.species, c2.breed))
        arcs = sum(not case.arcs or w.arc in case.arcs for w in written)
        texts = [" ".join([w.script.title, *(t for sc in w.script.scenes for _, t in sc.spoken())]).lower()
                 for w in written]
        line = understood_line(a, lang)
        foreign = sum(any(x.lower() in t and x.lower() not in case.premise.lower() for x in case.never)
                      for t in texts) + sum(x in line for x in case.never)
        tally.add(hero=hero, rival=rival_ok, sides=sides, sides_total=len(case.sides), alike=alike,
                  alike_total=len(case.kin) * len(written), arc=arcs, foreign=foreign, total=len(written))
        yield (f"{hero:5d} {rival_ok:5d} {sides:2d}/{len(case.sides):<2d} {alike:2d}/{len(case.kin) * len(written):<2d} "
               f"{arcs:2d}/{len(written):<2d} {foreign:5d}  [{lang}] {case.premise[:70]}")

    got = run_block([f"who is who (issue 12, sides): {len(SIDES_CASES)} premises (families, friends, betrayal, helpers "
                     f"and the helped; English and Chinese)",
                     f"{'hero':>5} {'rival':>5} {'sides':>5} {'kin':>5} {'arc':>5} {'tmpl':>5}  premise"],
                    SIDES_CASES, seeds, lambda case, seed: write_story(
                        case.premise, _style_of(case.premise), _lang_of(case.premise), seed), row)
    print(f"who is who: hero as told {got.total('hero')} of {len(SIDES_CASES)}   rival as told {got.total('rival')} "
          f"of {len(SIDES_CASES)}   sides as told {got.total('sides')} of {got.total('sides_total')}   family alike "
          f"{got.total('alike')} of {got.total('alike_total')}   arc right {got.total('arc')} of {got.total('total')}   "
          f"template details against the premise {got.total('foreign')} of {got.total('total')}")


def _lang_of(premise: str) -> str:
    return "zh" if re.search(r"[\u3400-\u9fff]", premise) else "en"


def _style(case: Case) -> str:
    """The style the bot would pre-select: the premise's own hero, else the default."""
    return _style_of(case.premise)


def _style_of(premise: str) -> str:
    from story.premise import analyse, hero_style
    from story.styles import DEFAULT_STYLE

    return hero_style(analyse(premise)) or DEFAULT_STYLE


if __name__ == "__main__":
    sys.exit(main())
