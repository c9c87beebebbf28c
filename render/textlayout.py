"""Text layout for captions, titles and subtitles (pure: takes a ``measure(text, size) -> px``).

English wraps at words; Chinese (and any CJK) between words, never inside one: runs of CJK
characters are cut into words with ``jieba``, so 橘子的逆袭人生 breaks as 橘子的 / 逆袭人生, not
橘子的逆 / 袭人生. Line-breaking rules (kinsoku): closing punctuation and a particle standing alone (的 了 着 过 吗 呢 吧
啊 地 得) never start a line, an opening bracket never ends one; the word before moves down with
them. Wraps are balanced: the narrowest wrap
with the same number of lines, and an English last line is never a lone word when a companion fits.
Font sizes shrink from a fraction of the frame height to a legibility floor; text that still does
not fit is ellipsized (captions) or split into pages shown one after another (subtitles).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from story.lexicon import load_data

Measure = Callable[[str, int], float]

CAPTION_FRACTION = 0.05  # of frame height: base font size
MIN_FRACTION = 40 / 1280  # legibility floor: 40 px on a 1280-high frame
MAX_LINES = 3
LINE_HEIGHT = 1.28  # of the font size
PAD = 0.45  # band padding above and below the lines, of the font size
ELLIPSIS = "…"
CAPTION_ZONE = 0.15  # a caption block's height budget (fraction of height)


_CJK = "\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_TOKEN = re.compile(rf"\s+|[{_CJK}]+|[^\s{_CJK}]+")
_CJK_RUN = re.compile(rf"[{_CJK}]+")
# characters that must not begin a line (closing brackets and punctuation, CJK and Latin)
NO_LINE_START = set("，。、；：？！）」』》〉】〕…—・·,.;:?!)]}%’”")
# Chinese particles that must not begin a line when they are a word of their own (jieba keeps 地方,
# 得到, 过去, 的确 whole: those words may)
NO_LINE_START_WORDS = set("了着过吗呢吧啊的地得")
# characters that must not end a line (opening brackets and quotes)
NO_LINE_END = set("「『（《〈【〔“‘([{")
# the headline's separator ("Rainy street · night"): one wrap unit with the word after it, so it never
# ends a line, and never begins one (the word before moves down with it); where that would empty the
# line above (one long word before it: "Restaurant · morning"), the break stands for it and it is dropped
SEPARATOR = "·"


def no_start(unit: str) -> bool:
    """``unit`` (a wrap unit) may not begin a line: closing punctuation, or a lone particle (的 了 吗…)."""
    return bool(unit) and (unit[0] in NO_LINE_START or unit in NO_LINE_START_WORDS)


def no_end(unit: str) -> bool:
    """``unit`` may not end a line: an opening bracket or quote."""
    return bool(unit) and unit[-1] in NO_LINE_END


def is_cjk(ch: str) -> bool:
    return bool(re.fullmatch(f"[{_CJK}]", ch))


def tokens(text: str) -> list[str]:
    """Wrap units: a CJK word (``jieba`` segmentation), a run of other non-space characters (a
    word), or spaces. A line breaks only between units. CJK punctuation is a unit of its own
    (jieba's), so that line-breaking rules can move it with the word before it."""
    out: list[str] = []
    for tok in _TOKEN.findall(" ".join(text.split())):
        out.extend(cjk_words(tok) if _CJK_RUN.fullmatch(tok) else [tok])
    glued: list[str] = []
    i = 0
    while i < len(out):
        if out[i] == SEPARATOR and i + 2 < len(out) and out[i + 1].isspace() and not out[i + 2].isspace():
            glued.append(f"{SEPARATOR} {out[i + 2]}")  # "· night": the separator goes with the word after it
            i += 3
            continue
        glued.append(out[i])
        i += 1
    return glued


@lru_cache(maxsize=1024)
def cjk_words(run: str) -> tuple[str, ...]:
    """A run of CJK text cut into words with jieba (its dictionary loads on first use, ~1 s), knowing
    the story's own words: jieba alone cuts 外卖员 as 外卖/员 and 当擦玻璃工的橘猫 as 当擦/玻璃/工的橘/猫."""
    if len(run) == 1:
        return (run,)
    return tuple(word for word in _segmenter().cut(run, HMM=True) if word)


@lru_cache(maxsize=1)
def _segmenter() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    for word in sorted(story_words(), key=len, reverse=True):
        tok.add_word(word, freq=200_000)
    return tok


def story_words() -> set[str]:
    """The Chinese words the story writes as one (vocabulary, job titles, the bilingual nouns, names)."""
    from story.arcdata import common  # the writer's modules: only a Chinese layout reads them
    from story.telling import telling_data

    data = load_data()
    words = {w for entries in data.values() for e in entries.values() for w in e.get("zh", [])}
    words |= {str(e["title_zh"]) for e in data["jobs"].values()}
    words |= {zh for _, zh in telling_data()["nouns"]}
    words |= {w for e in telling_data()["verbs"].values() for w in e["zh"]}
    words |= {n for pool in common()["names"].values() for n in pool["zh"]}
    return {w for w in words if len(w) > 1 and _CJK_RUN.fullmatch(w)}


def layout_caption(text: str, font_size: int, max_width_px: float, measure: Measure) -> list[str]:
    """Greedy wrap of ``text`` into lines no wider than ``max_width_px`` (unlimited line count)."""
    lines: list[list[str]] = [[]]

    def width(parts: Sequence[str]) -> float:
        return measure("".join(parts).strip(), font_size)

    for tok in tokens(text):
        line = lines[-1]
        if tok.isspace():
            if line:
                line.append(" ")
            continue
        if not line or width([*line, tok]) <= max_width_px:
            if not line and width([tok]) > max_width_px and len(tok) > 1:
                lines.pop()
                lines.extend([piece] for piece in _split_word(tok, font_size, max_width_px, measure))
                continue
            line.append(tok)
            continue
        spaced = bool(line) and line[-1].isspace()  # a space before ``tok``: kept when a word moves down with it
        while line and line[-1].isspace():
            line.pop()
        if no_start(tok) or no_end(line[-1]):
            # kinsoku: carry units down with the punctuation or particle (and an opening bracket
            # at the line's end) until the new line may start there, unless that empties the line
            carried = _carry(line, tok)
            if carried is None and tok.startswith(SEPARATOR):
                lines.append([tok.removeprefix(SEPARATOR).lstrip()])  # the break stands for the separator
            elif carried is None:
                line.append(tok)  # a lone unit: let the punctuation hang instead
            else:
                lines.append([*carried, " ", tok] if spaced else [*carried, tok])
            continue
        if width([tok]) > max_width_px and len(tok) > 1:
            pieces = _split_word(tok, font_size, max_width_px, measure)
            lines.extend([piece] for piece in pieces)
            continue
        lines.append([tok])
    result = ["".join(line).strip().removeprefix(SEPARATOR).removesuffix(SEPARATOR).strip() for line in lines]
    return [line for line in result if line]


def _carry(line: list[str], tok: str) -> list[str] | None:
    """The units to move from the end of ``line`` to a new line that ``tok`` continues, so that the new
    line does not start with a no-start unit and ``line`` does not end with an opening bracket; None
    when that would leave ``line`` empty. ``line`` is shortened in place."""
    cut = len(line)
    while cut > 0 and (no_start(line[cut] if cut < len(line) else tok) or no_end(line[cut - 1])):
        cut -= 1
    if not any(not u.isspace() for u in line[:cut]):
        return None
    carried = line[cut:]
    del line[cut:]
    while line and line[-1].isspace():
        line.pop()
    return carried


def _split_word(word: str, font_size: int, max_width_px: float, measure: Measure) -> list[str]:
    """Break an over-long word into pieces that fit (character by character)."""
    pieces, cur = [], ""
    for ch in word:
        if cur and measure(cur + ch, font_size) > max_width_px:
            pieces.append(cur)
            cur = ch
        else:
            cur += ch
    return [*pieces, cur] if cur else pieces


def ellipsize(line: str, font_size: int, max_width_px: float, measure: Measure) -> str:
    """``line`` shortened (at a word for English, a character for CJK) until ``line + "…"`` fits."""
    text = line.rstrip()
    while text and measure(text + ELLIPSIS, font_size) > max_width_px:
        if " " in text and not is_cjk(text[-1]):
            text = text.rsplit(" ", 1)[0].rstrip()
        else:
            text = text[:-1].rstrip()
    return text.rstrip(" ,.;:，。、；：·") + ELLIPSIS


def balance(text: str, font_size: int, lines: list[str], max_width_px: float, measure: Measure) -> list[str]:
    """The narrowest wrap of ``text`` with no more lines than ``lines`` (evens out a short last line),
    then a lone last word pulled down a companion from the line above when that still fits."""
    if len(lines) < 2:
        return lines
    hi = max(measure(line, font_size) for line in lines)
    # never narrower than the widest word: a narrower wrap would cut it ("Restauran / t · morning")
    lo = min(hi, max(measure(u, font_size) for u in tokens(text) if not u.isspace()))
    best = lines
    for _ in range(12):  # bisect the wrap width to about 1/4000 of the widest line
        mid = (lo + hi) / 2
        trial = layout_caption(text, font_size, min(mid, max_width_px), measure)
        if len(trial) <= len(lines):
            hi, best = mid, trial
        else:
            lo = mid
    if len(best) == 2:
        best = _at_a_mark(text, best, font_size, max_width_px, measure)
    return no_lone_last_word(best, font_size, max_width_px, measure)


MARK_SLACK = 1.3  # a two-line break at a sentence or clause mark may be this much wider than the narrowest


def _at_a_mark(text: str, lines: list[str], font_size: int, max_width_px: float, measure: Measure) -> list[str]:
    """Two lines broken right after a sentence or clause mark when that is nearly as narrow as the
    balanced break ("栗子偷走了豆豆的秘方。/ 豆豆对着空气说…", not "…秘方。豆豆 / 对着空气说…")."""
    units = tokens(text)
    narrowest = max(measure(line, font_size) for line in lines)
    best, best_w = lines, float("inf")
    for k in range(1, len(units)):
        if units[k - 1].rstrip()[-1:] not in _PAGE_END or no_start(units[k]) or units[k - 1].isspace():
            continue
        pair = ["".join(units[:k]).strip(), "".join(units[k:]).strip()]
        width = max(measure(line, font_size) for line in pair)
        if pair[1] and width <= max_width_px and width <= narrowest * MARK_SLACK and width < best_w:
            best, best_w = pair, width
    return best


def no_lone_last_word(lines: list[str], font_size: int, max_width_px: float, measure: Measure) -> list[str]:
    """Move the previous line's last word down when the last line holds one word (English)."""
    if len(lines) < 2 or " " in lines[-1] or any(is_cjk(ch) for ch in lines[-1]):
        return lines
    prev = lines[-2].rsplit(" ", 1)
    if len(prev) < 2:
        return lines
    moved = f"{prev[1]} {lines[-1]}"
    if measure(moved, font_size) > max_width_px:
        return lines
    return [*lines[:-2], prev[0], moved]


def block_height(n_lines: int, font_size: int) -> int:
    """Pixel height of a caption block (lines plus band padding), as ``CaptionPainter`` draws it."""
    return round(font_size * LINE_HEIGHT) * n_lines + 2 * round(font_size * PAD)


def size_range(frame_h: int, fraction: float = CAPTION_FRACTION) -> tuple[int, int]:
    """(start, floor) font sizes for a frame of this height."""
    start = max(8, round(frame_h * fraction))
    return start, max(8, min(start, round(frame_h * MIN_FRACTION)))


def fit_caption(text: str, frame_w: int, frame_h: int, measure: Measure, max_lines: int = MAX_LINES,
                fraction: float = CAPTION_FRACTION, margin: float = 0.08,
                max_height: float | None = CAPTION_ZONE) -> tuple[int, list[str]]:
    """Font size and lines: shrink from ~5% of the height to the floor until the text fits in
    ``max_lines`` and its block in ``max_height`` of the frame, then ellipsize the last line."""
    max_w = frame_w * (1 - 2 * margin)
    start, floor = size_range(frame_h, fraction)
    budget = frame_h * max_height if max_height is not None else float("inf")
    size = start
    while True:
        lines = layout_caption(text, size, max_w, measure)
        fits = len(lines) <= max_lines and block_height(len(lines), size) <= budget
        if fits or size <= floor:
            break
        size = max(floor, int(size * 0.92))
    if len(lines) > max_lines:
        tail = lines[max_lines - 1 :]
        joiner = "" if is_cjk(tail[0][-1]) else " "
        lines = [*lines[: max_lines - 1], ellipsize(joiner.join(tail), size, max_w, measure)]
    else:
        lines = balance(text, size, lines, max_w, measure)
    return size, lines


def pages(text: str, font_size: int, max_width_px: float, measure: Measure, max_lines: int) -> list[list[str]]:
    """``text`` wrapped and cut into pages of at most ``max_lines`` balanced lines (a long subtitle):
    as few pages as fit, cut at unit boundaries into pages of about equal width (one more page when
    an uneven cut leaves a page a line too long)."""
    lines = layout_caption(text, font_size, max_width_px, measure)
    if len(lines) <= max_lines:
        return [balance(text, font_size, lines, max_width_px, measure)] if lines else []
    units = tokens(text)
    out: list[list[str]] = []
    for n_pages in range(-(-len(lines) // max_lines), len(lines) + 1):
        out = _cut(units, n_pages, font_size, max_width_px, measure, max_lines)
        if all(len(p) <= max_lines for p in out):
            break
    marked = _at_marks(units, font_size, max_width_px, measure, max_lines)
    return marked if marked and len(marked) <= len(out) else out


def _at_marks(units: list[str], font_size: int, max_width_px: float, measure: Measure,
              max_lines: int) -> list[list[str]]:
    """Pages filled in order, each ended at the last sentence mark that fits (else the last clause
    mark) when that page is at least ``MARK_FILL`` full; [] when a page has no such mark:
    "On payday, Xiaoju, a ginger cat, / is laughed at by Maple, a rich white cat. / Xiaoju pretends…"
    instead of pages cut at equal widths ("…a rich white cat. Xiaoju pretends / not to hear…")."""
    def fits(chunk: list[str]) -> bool:
        return len(layout_caption("".join(chunk).strip(), font_size, max_width_px, measure)) <= max_lines

    page_px = max_width_px * max_lines
    out: list[list[str]] = []
    start = 0
    while start < len(units):
        end, best = start, {0: start, 1: start, 2: start}  # by kind: sentence, clause, any
        while end < len(units) and fits(units[start:end + 1]):
            end += 1
            last = units[end - 1].rstrip()
            if not last or (end < len(units) and not _may_end_page(units, end - 1, 0.0, font_size, measure)):
                continue
            kind = 0 if last[-1] in _SENTENCE_END else 1 if last[-1] in _PAGE_END else 2
            best[kind] = end
        if end >= len(units):
            cut = len(units)
        else:
            filled = [k for k in (0, 1, 2) if best[k] > start and measure(
                "".join(units[start:best[k]]).strip(), font_size) >= MARK_FILL * page_px]
            if not filled or filled[0] == 2:
                return []  # no mark to end a page at: pages of equal width read better
            cut = best[filled[0]]
        page = _page("".join(units[start:cut]), font_size, max_width_px, measure, max_lines)
        if len(page) > max_lines or not page:
            return []
        out.append(page)
        start = cut
        while start < len(units) and units[start].isspace():
            start += 1
    return out


MARK_FILL = 0.4  # a page ended at a mark is at least this share of its two lines' width


def _cut(units: list[str], n_pages: int, font_size: int, max_width_px: float, measure: Measure,
         max_lines: int) -> list[list[str]]:
    """``units`` cut at unit boundaries into ``n_pages`` pages of about equal width, each laid out."""
    total = sum(measure(u, font_size) for u in units) or 1.0
    out: list[list[str]] = []
    chunk: list[str] = []
    done = 0.0
    for i, unit in enumerate(units):
        chunk.append(unit)
        done += measure(unit, font_size)
        if len(out) < n_pages - 1 and done >= total * (len(out) + 1) / n_pages and not unit.isspace() \
                and _may_end_page(units, i, total / n_pages / 3, font_size, measure):
            keep = _sentence_end(chunk, total / n_pages / 2, font_size, measure)
            out.append(_page("".join(chunk[:keep]), font_size, max_width_px, measure, max_lines))
            chunk = chunk[keep:]
    if "".join(chunk).strip():
        out.append(_page("".join(chunk), font_size, max_width_px, measure, max_lines))
    return [p for p in out if p]


_PAGE_END = set("，。；：？！…,.;:?!")
_SENTENCE_END = set("。？！!?")
# words a page does not end on: 的 before its noun, English articles, joiners and prepositions
_NO_PAGE_END = {"的", "把", "被", "和", "a", "an", "the", "and", "but", "or", "of", "to", "in", "on", "at", "with",
                "for", "from", "his", "her", "its", "their", "my", "your", "our", "is", "are", "was", "very"}


def _sentence_end(chunk: list[str], slack_px: float, font_size: int, measure: Measure) -> int:
    """How many units of ``chunk`` the page keeps: all, unless a sentence ended a little before its
    end ("…告上了法庭。豆豆" left 豆豆 dangling before the next page's 看着这一切): then up to that end."""
    tail = 0.0
    for k in range(len(chunk) - 1, 0, -1):
        if chunk[k - 1].rstrip()[-1:] in _SENTENCE_END and not no_start(chunk[k]):
            return k if tail + measure(chunk[k], font_size) <= slack_px else len(chunk)
        tail += measure(chunk[k], font_size)
        if tail > slack_px:
            break
    return len(chunk)


def _may_end_page(units: list[str], i: int, slack_px: float, font_size: int, measure: Measure) -> bool:
    """A page may end after unit ``i``: never before closing punctuation ("。第一次" started a page), and
    not just short of a sentence mark that a little more text (``slack_px``, a third of a page) reaches ("…大壮看着 /
    这一切，笑了" is cut after 这一切，)."""
    rest = [u for u in units[i + 1:] if not u.isspace()]
    if not rest:
        return True
    if no_start(rest[0]) or no_end(units[i]) or units[i].lower() in _NO_PAGE_END:
        return False  # "…被富有的 / 白猫…", "…works day and / night": the phrase goes on
    if units[i].rstrip()[-1:] in _PAGE_END:
        return True
    ahead = 0.0
    for u in rest:
        ahead += measure(u, font_size)
        if ahead > slack_px:
            return True
        if u.rstrip()[-1:] in _PAGE_END:
            return False  # the mark is close: end the page after it
    return True


def _page(text: str, font_size: int, max_width_px: float, measure: Measure, max_lines: int) -> list[str]:
    lines = layout_caption(text.strip(), font_size, max_width_px, measure)
    if len(lines) > max_lines:  # an uneven cut: ``pages`` tries one more page
        return lines
    return balance(text.strip(), font_size, lines, max_width_px, measure)
