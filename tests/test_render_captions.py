"""Caption layout (pure), sizing, overlay compositing and CJK glyph rendering."""

from __future__ import annotations

import re

import numpy as np
import pytest

from render.captions import (
    CAPTION_BOTTOM,
    CAPTION_ZONE,
    ELLIPSIS,
    HEADLINE_FRACTION,
    LATIN_FONTS,
    NO_LINE_START,
    SAFE_BOTTOM,
    SAFE_TOP,
    SUBTITLE_BOTTOM,
    CaptionPainter,
    Cue,
    Layer,
    balance,
    find_font,
    fit_caption,
    is_cjk,
    layout_caption,
    speaker_colours,
    tokens,
)
from render.yuv import i420_to_rgb, planes


def fake_measure(text: str, size: int) -> float:
    """Latin characters are 0.5 em wide, CJK characters 1 em."""
    return sum(size * (1.0 if is_cjk(ch) else 0.5) for ch in text)


def test_english_wraps_at_words_within_width() -> None:
    text = "Every day Ginger carries bricks until his paws ache and his back hurts"
    lines = layout_caption(text, 20, 200, fake_measure)
    assert len(lines) > 1
    assert all(fake_measure(line, 20) <= 200 for line in lines)
    assert " ".join(lines).split() == text.split()  # no word broken or lost


def test_overlong_word_is_broken_by_characters() -> None:
    lines = layout_caption("Supercalifragilisticexpialidocious cat", 20, 100, fake_measure)
    assert all(fake_measure(line, 20) <= 100 for line in lines)
    assert "".join(lines).replace(" ", "") == "Supercalifragilisticexpialidociouscat"


def test_chinese_wraps_per_character_without_orphan_punctuation() -> None:
    text = "白猫惊呆了，橘猫只是微笑。他买下了隔壁的豪宅，还请所有流浪猫吃饭。"
    for width in (100, 120, 140, 200):
        lines = layout_caption(text, 20, width, fake_measure)
        assert "".join(lines) == text
        assert all(line[0] not in NO_LINE_START for line in lines), lines
        assert all(fake_measure(line, 20) <= width for line in lines)
    # at 120 px (6 characters) "，" would start line 2: the 了 before it moves down too, and since a
    # lone 了 may not start a line either, the word before it (惊呆) with it
    assert layout_caption("白猫惊呆了了，橘猫", 20, 120, fake_measure) == ["白猫", "惊呆了了，", "橘猫"]


def test_mixed_text_keeps_latin_words_whole() -> None:
    lines = layout_caption("橘猫说 hello world 然后走了", 20, 100, fake_measure)
    assert "hello" in " ".join(lines) and "world" in " ".join(lines)
    assert all(fake_measure(line, 20) <= 100 for line in lines)


def test_fit_starts_at_five_percent_and_stays_legible() -> None:
    size, lines = fit_caption("Kindness wins", 720, 1280, fake_measure)
    assert size == 64 and lines == ["Kindness wins"]
    long = "The white cat now washes the dishes in the back of the restaurant every single night"
    size, lines = fit_caption(long, 720, 1280, fake_measure)
    assert 40 <= size < 64 and len(lines) <= 3


def test_fit_ellipsizes_when_three_lines_at_the_floor_are_not_enough() -> None:
    text = " ".join(["meow"] * 80)
    size, lines = fit_caption(text, 720, 1280, fake_measure)
    assert size == 40
    assert len(lines) == 3 and lines[-1].endswith(ELLIPSIS)
    assert all(fake_measure(line, size) <= 720 * 0.84 for line in lines)
    zh_size, zh_lines = fit_caption("橘猫" * 60, 720, 1280, fake_measure)
    assert len(zh_lines) == 3 and zh_lines[-1].endswith(ELLIPSIS) and zh_size == 40


def _drawn(layer: Layer) -> np.ndarray:
    frame = np.full((1280 * 3 // 2, 720), 128, np.uint8)
    layer.apply(frame)
    return i420_to_rgb(frame)


def test_headline_caption_is_drawn_at_the_top_of_the_safe_area_with_a_band() -> None:
    rgb = _drawn(CaptionPainter(720, 1280, "en").caption("Who is laughing now?"))
    changed = np.flatnonzero(np.any(rgb != rgb[0, 0], axis=(1, 2)))
    assert changed.min() >= 1280 * SAFE_TOP - 1 and changed.max() < 1280 * 0.25
    assert (rgb >= 250).all(axis=2).sum() > 500  # white glyph pixels
    assert (rgb < 60).all(axis=2).sum() > 500  # dark stroke pixels


def _text_mask(painter: CaptionPainter, text: str) -> np.ndarray:
    layer = painter.caption(text)
    frame = np.zeros((painter.height * 3 // 2, painter.width), np.uint8)
    layer.apply(frame)
    return planes(frame)[0] > 200  # white fill only (band and stroke are dark)


def test_chinese_caption_draws_real_glyphs_not_tofu() -> None:
    cjk = find_font("zh")
    if cjk is None or "CJK" not in cjk[0].name and "wqy" not in cjk[0].name and "Droid" not in cjk[0].name:
        pytest.skip("no CJK font installed (Debian: apt install fonts-noto-cjk)")
    latin = find_font("en", LATIN_FONTS)
    if latin is None:
        pytest.skip("no Latin TrueType font to build the tofu reference")
    real = CaptionPainter(360, 640, "zh", font=cjk)
    tofu = CaptionPainter(360, 640, "zh", font=latin)  # DejaVu has no hanzi: .notdef boxes
    a, b = _text_mask(real, "寒风"), _text_mask(real, "豪宅")
    ta, tb = _text_mask(tofu, "寒风"), _text_mask(tofu, "豪宅")
    assert np.array_equal(ta, tb), "the tofu reference should not depend on the characters"
    assert a.sum() > 100 and b.sum() > 100
    assert not np.array_equal(a, b), "different hanzi must give different glyph masks"
    assert not np.array_equal(a, ta), "the CJK render must not be .notdef boxes"


def test_cjk_font_is_the_simplified_chinese_face() -> None:
    cjk = find_font("zh")
    if cjk is None or not cjk[0].name.startswith("NotoSansCJK"):
        pytest.skip("Noto Sans CJK not installed")
    from PIL import ImageFont

    family, _ = ImageFont.truetype(str(cjk[0]), 20, index=cjk[1]).getname()
    assert family is not None and family.endswith("SC")


def test_balanced_wrap_leaves_no_lone_word_and_never_splits_a_chinese_word() -> None:
    # jieba: 橘子 / 的 / 逆袭 / 人生; greedy wrapping at 6 hanzi would give 橘子的逆袭 / 人生
    assert tokens("橘子的逆袭人生") == ["橘子", "的", "逆袭", "人生"]
    assert layout_caption("橘子的逆袭人生", 20, 120, fake_measure) == ["橘子的逆袭", "人生"]
    lines = balance("橘子的逆袭人生", 20, ["橘子的逆袭", "人生"], 120, fake_measure)
    assert lines in (["橘子的", "逆袭人生"], ["橘子的逆袭", "人生"])  # never 橘子的逆 / 袭人生
    greedy = layout_caption("The ginger cat finally wins", 20, 150, fake_measure)
    lines = balance("The ginger cat finally wins", 20, greedy, 150, fake_measure)
    assert len(lines) == len(greedy) and " ".join(lines) == "The ginger cat finally wins"
    widths = [fake_measure(line, 20) for line in lines]
    assert max(widths) <= max(fake_measure(line, 20) for line in greedy)
    assert max(widths) - min(widths) <= 60  # at most ~one word apart
    assert balance("one", 20, ["one"], 150, fake_measure) == ["one"]
    size, zh = fit_caption("橘子的逆袭人生", 720, 1280, fake_measure, max_lines=2, fraction=0.1, max_height=None)
    assert len(zh) == 1 or min(len(line) for line in zh) >= 3, (size, zh)


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("text", ["Kindness wins", "Who's laughing now?", "Guess who is back in town today",
                                  "A very long caption that will surely need three lines of text to fit in",
                                  "被嘲笑是穷光蛋", "白猫的下巴都要掉下来了，橘猫只是微微一笑，然后走进了自己的公司大楼"])
def test_text_blocks_stay_inside_telegrams_safe_area(language: str, text: str) -> None:
    """Clear of the player's controls (bottom ~18 %) and the title bar (top ~8 %)."""
    painter = CaptionPainter(720, 1280, language, colours=speaker_colours(["hero"]))
    blocks = [painter.caption(text), painter.title(text)]
    for page in painter.paginate(text):
        for speaker, label in (("narrator", None), ("hero", "Ginger")):
            blocks.append(painter.subtitle(Cue(0.0, 1.0, speaker, tuple(page), label)))
    for layer in blocks:
        assert layer.y >= 1280 * SAFE_TOP - 1, (text, layer.y)
        assert layer.y + layer.height <= 1280 * SAFE_BOTTOM, (text, layer.y + layer.height)
    subtitle = blocks[-1]
    assert subtitle.y + subtitle.height <= 1280 * SUBTITLE_BOTTOM + 1
    assert subtitle.y >= 1280 * (CAPTION_BOTTOM - CAPTION_ZONE) - 120  # low on the frame, not over faces


@pytest.mark.parametrize("language", ["en", "zh"])
def test_subtitle_pages_never_run_past_two_lines(language: str) -> None:
    """An uneven cut between pages gets one more page, never a third line over the pets' feet."""
    painter = CaptionPainter(720, 1280, language)
    texts = [
        "The black cat is a firefighter, spraying a fire hose at roaring flames all day long.",
        "One morning, the poor ginger cat watches a baker on a shop-window TV and forgets to breathe. "
        "A torn poster of a baker hangs by the door.",
        "一只害羞的萨摩耶在舞台上被大家嘲笑，它每天晚上都在屋顶上苦练唱歌，一直练到天亮，最后在体育场开了一场演唱会。",
    ]
    for text in texts:
        pages = painter.paginate(text)
        assert all(1 <= len(page) <= 2 for page in pages), (text, pages)
        joined = ("" if language == "zh" else " ").join(line for page in pages for line in page)
        assert joined.replace(" ", "") == text.replace(" ", "")  # every word kept, in order


def test_a_chinese_subtitle_page_never_starts_with_punctuation_and_ends_at_a_near_sentence_mark() -> None:
    """Seen on a rendered clip: a page began "。第一次，大壮…", and "…大壮看着 / 这一切，笑了" split a
    sentence across pages just short of its comma."""
    from render.textlayout import pages

    text = "一位老前辈告诉大壮：先从内心发光。第一次，大壮对着镜子笑了。后来，大壮的烤串火遍全城。大壮看着这一切，笑了。每一步都值得。"
    for width in (300, 360, 420, 500):
        cut = pages(text, 30, width, fake_measure, 2)
        assert len(cut) > 1
        assert "".join("".join(p) for p in cut) == text  # nothing lost or doubled
        for page in cut:
            assert page[0][0] not in NO_LINE_START, (width, cut)
        # every page but the last ends at a mark, or is far (over a third of a page) from the next one
        for page in cut[:-1]:
            last = page[-1]
            if last[-1] not in "，。；：？！":
                rest = text[text.index("".join(page)) + len("".join(page)):]
                mark = min(rest.find(m) for m in "，。" if rest.find(m) >= 0)
                assert fake_measure(rest[:mark + 1], 30) > sum(fake_measure("".join(p), 30) for p in cut) / len(cut) / 3


def test_chinese_lines_break_between_the_storys_own_words() -> None:
    """jieba alone cut 外卖员 as 外卖/员 (a rendered subtitle read "外卖 / 员哈士奇") and 擦玻璃工的橘猫 as
    擦/玻璃/工的橘/猫; the story's words (vocabulary, job titles, names) are words of their own."""
    from render.textlayout import cjk_words

    assert "外卖员" in cjk_words("盛夏最热的一天外卖员哈士奇豆包在暴雨中送餐迟到")
    cut = cjk_words("当擦玻璃工的橘猫橘子在高楼上被有钱的猫雪球嘲笑")
    assert {"擦玻璃工", "橘猫", "橘子"} <= set(cut)
    for width in range(160, 420, 20):
        for line in layout_caption("白天，豆包是个外卖员；到了夜里，它梦想着创办自己的公司。", 30, width, fake_measure):
            assert not line.startswith("员") and not line.endswith("外卖"), (width, line)


_PARTICLES = set("了着过吗呢吧啊的地得")


@pytest.mark.parametrize("text", [
    "白猫惊呆了，橘猫笑了。他买下了隔壁的豪宅，还请所有流浪猫吃饭吗？",
    "小橘看着他们的眼睛，慢慢地走了过去，轻轻地说：「我回来了」。",
    "那些嘲笑过它的猫，现在都在排队买它做的鱼罐头呢！",
    "「看看你那双爪子，小橘，穷一辈子的命。」白猫低声笑着。",
])
def test_chinese_lines_follow_line_breaking_rules_and_still_break_between_words(text: str) -> None:
    """Kinsoku: no line starts with closing punctuation or a particle standing alone (的 了 吗…: a
    rendered subtitle began with 的), no line ends with an opening bracket; lines still break only
    between jieba's words."""
    from render.textlayout import NO_LINE_END, pages

    words = tokens(text)
    bounds = {sum(len(w) for w in words[:i]) for i in range(len(words) + 1)}
    for width in range(60, 420, 20):
        for lines in (layout_caption(text, 20, width, fake_measure),
                      [line for page in pages(text, 20, width, fake_measure, 2) for line in page],
                      fit_caption(text, width * 4, 1280, fake_measure, max_lines=9, max_height=None)[1]):
            assert "".join(lines) == text, (width, lines)
            starts = {sum(len(line) for line in lines[:i]) for i in range(len(lines))}
            assert starts <= bounds, (width, lines)  # never inside a word
            for line in lines[1:]:
                first = next(w for w in tokens(line))
                assert line[0] not in NO_LINE_START and first not in _PARTICLES, (width, lines)
            for line in lines[:-1]:
                assert line[-1] not in NO_LINE_END, (width, lines)


def test_a_particle_moves_down_with_the_word_before_it() -> None:
    # at 3 hanzi a line, greedy wrapping gave 小橘看 / 着他们 / 的眼睛: 的 began a line
    assert tokens("他们的眼睛") == ["他们", "的", "眼睛"]
    lines = layout_caption("小橘看着他们的眼睛", 20, 60, fake_measure)
    assert all(not line.startswith(("的", "着")) for line in lines), lines
    assert "".join(lines) == "小橘看着他们的眼睛"
    # an opening bracket goes down to the word it opens
    assert layout_caption("它说「回来了」", 20, 60, fake_measure)[-1].startswith("「")


def test_english_subtitle_pages_leave_no_lone_last_word() -> None:
    painter = CaptionPainter(720, 1280, "en")
    texts = ["Finally, Xiaoju saves Wangcai, a golden retriever, and the whole family. Xiaoju looks around and "
             "grins. It was worth every step.",
             "Miso walks off, pleased, and Biscotti stands there alone. Biscotti's tail curls tight, and stays that way.",
             "Look at those paws, Biscotti. Poor forever.", "Move, Xiaoju. The rich walk here, not the likes of you."]
    for text in texts:
        for page in painter.paginate(text):
            assert len(page) == 1 or len(page[-1].split()) > 1, page


def test_a_subtitle_breaks_at_a_sentence_mark_when_that_is_nearly_as_narrow() -> None:
    """Seen on a rendered clip: a page ended "…告上了法庭。豆豆" (the next sentence's subject left dangling
    before the page turned) and a page read "栗子偷走了豆豆的秘方。豆豆 / 对着空气说：没关系的。"."""
    from render.textlayout import balance, pages

    text = "栗子偷走了豆豆的秘方。豆豆对着空气说：没关系的。"
    lines = layout_caption(text, 20, 280, fake_measure)
    assert balance(text, 20, lines, 280, fake_measure) == ["栗子偷走了豆豆的秘方。", "豆豆对着空气说：没关系的。"]
    cut = pages("后来，豆豆把栗子告上了法庭。豆豆看着这一切，笑了。每一步都值得。", 30, 300, fake_measure, 2)
    assert len(cut) > 1 and all(not page[-1].endswith("。豆豆") for page in cut), cut
    assert cut[1][0].startswith("豆豆看着"), cut


def test_a_subtitle_page_ends_at_a_mark_when_one_is_near() -> None:
    """Seen on a rendered clip: "a rich white cat. / Xiaoju pretends" ended a page a word into the next
    sentence, "Xiaoju works day and" ended one on "and", and a Chinese page ended "被富有的" before its noun."""
    painter = CaptionPainter(720, 1280, "en")
    cut = painter.paginate("On payday, Xiaoju, a ginger cat, is laughed at by Maple, a rich white cat. "
                           "Xiaoju pretends not to hear, and fails.")
    assert len(cut) == 3 and all(page[-1][-1] in ",." for page in cut), cut
    for text in ("Two winters later, Xiaoju works day and night and works, day after day.",
                 "一个阴沉的下午，橘猫小橘被富有的白猫咪咪嘲笑是穷光蛋。"):
        for page in CaptionPainter(720, 1280, "zh" if "。" in text else "en").paginate(text)[:-1]:
            assert not page[-1].endswith((" and", " the", " a", "的")), page


@pytest.mark.parametrize("text", ["Restaurant · morning", "Construction site · night", "Skyscraper · sunset"])
def test_a_headline_is_never_cut_inside_a_word(text: str) -> None:
    # a balanced two-line wrap narrower than the longest word used to cut it: "Restauran / t · morning"
    painter = CaptionPainter(720, 1280, "en")
    size, lines = fit_caption(text, 720, 1280, painter.measure, max_lines=2, fraction=HEADLINE_FRACTION,
                                max_height=None)
    words = [w for w in text.split() if w != "·"]  # a break may stand for the separator (never at a line's edge)
    assert [w for line in lines for w in line.split() if w != "·"] == words, lines
    assert not [line for line in lines if line.startswith("·") or line.endswith("·")], lines
    # the same with the fake measure at a width just above the longest word
    longest = max(fake_measure(w, 20) for w in words)
    wrapped = balance(text, 20, layout_caption(text, 20, longest + 1, fake_measure), longest + 1, fake_measure)
    assert [w for line in wrapped for w in line.split() if w != "·"] == words, wrapped
    assert not [line for line in wrapped if line.startswith("·") or line.endswith("·")], wrapped


def test_no_headline_of_the_writer_starts_or_ends_a_line_with_its_separator() -> None:
    """Every scene headline ("Rainy street · sunset", 雨中街头 · 下雨) the offline writer gives a set of
    premises, laid out as the renderer does at three frame sizes: the separator "·" never begins or ends
    a line; where it is kept, a word stands on each side of it."""
    from story.offline import write_offline

    premises = [("a corgi gets lost in a storm and tries to find her way home", "en"),
                ("A robot explores Mars", "en"), ("a corgi loses his restaurant to a greedy husky and wins it back", "en"),
                ("A ginger cat window cleaner is laughed at by the rich cats in the tower", "en"),
                ("一只流浪狗在雨夜找到了新家", "zh"), ("哈士奇外卖员被顾客看不起，后来开了外卖公司", "zh")]
    captions = {(s.caption, lang) for p, lang in premises for seed in range(3)
                for s in write_offline(p, "ginger-cat", lang, seed).scenes}
    assert any("·" in c for c, _ in captions)
    wrapped = 0
    for caption, lang in captions:
        for w, h in ((720, 1280), (480, 854), (360, 640)):
            painter = CaptionPainter(w, h, lang)
            _, lines = fit_caption(caption, w, h, painter.measure, max_lines=2, fraction=HEADLINE_FRACTION,
                                   max_height=None)
            wrapped += len(lines) > 1 and "·" in caption
            assert not [ln for ln in lines if ln.strip().startswith("·") or ln.strip().endswith("·")], (caption, lines)
            assert all(re.search(r"\S \S", ln) or "·" not in ln for ln in lines), (caption, lines)
    assert wrapped  # some headlines do wrap at these sizes: the rule was exercised
