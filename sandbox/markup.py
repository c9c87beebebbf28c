"""Telegram text formatting, as the Bot API server does it (pure).

``parse(text, parse_mode)`` turns HTML / MarkdownV2 / Markdown into ``(plain_text, entities)`` with
entity offsets in UTF-16 code units, raising :class:`EntityParseError` with tdlib's wording
("Unsupported start tag "foo" at byte offset 0", "Can't find end tag corresponding to start tag "b"",
"Character '.' is reserved and must be escaped with the preceding '\\'"). Like Telegram, leading and
trailing whitespace is stripped afterwards and the entities are shifted to match.

``to_html(text, entities)`` renders a message back to safe HTML for the web chat page.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

Entity = dict[str, Any]

HTML_TAGS = frozenset(
    {"a", "b", "strong", "i", "em", "s", "strike", "del", "u", "ins", "tg-spoiler", "tg-emoji",
     "tg-time", "span", "pre", "code", "blockquote"}
)
_TAG_TYPES = {
    "b": "bold", "strong": "bold", "i": "italic", "em": "italic", "s": "strikethrough",
    "strike": "strikethrough", "del": "strikethrough", "u": "underline", "ins": "underline",
    "tg-spoiler": "spoiler", "span": "spoiler", "code": "code", "pre": "pre",
    "blockquote": "blockquote", "a": "text_link", "tg-emoji": "custom_emoji", "tg-time": "date_time",
}
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
MDV2_RESERVED = "_*[]()~`>#+-=|{}.!"


class EntityParseError(ValueError):
    """The text could not be parsed; ``str(err)`` is tdlib's message (without "can't parse entities: ")."""


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _units(ch: str) -> int:
    return 2 if ord(ch) > 0xFFFF else 1


@dataclass
class _Open:
    tag: str
    argument: str
    offset: int  # UTF-16 offset in the output
    out_index: int  # index into the output list of characters
    byte_offset: int
    expandable: bool = False
    extra: str = ""


def _decode_entity(text: str, i: int) -> tuple[str, int] | None:
    """``&name;`` / ``&#NN;`` / ``&#xHH;`` at ``text[i]`` -> (character, index after ';') or None."""
    end = text.find(";", i + 1, i + 12)
    if end < 0:
        return None
    body = text[i + 1 : end]
    if body in _NAMED_ENTITIES:
        return _NAMED_ENTITIES[body], end + 1
    m = re.fullmatch(r"#(?:([0-9]{1,7})|[xX]([0-9a-fA-F]{1,6}))", body)
    if not m:
        return None
    code = int(m.group(1)) if m.group(1) else int(m.group(2), 16)
    if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return None
    return chr(code), end + 1


def parse_html(text: str) -> tuple[str, list[Entity]]:
    """Telegram's HTML parse mode (a port of tdlib's ``parse_html``), before whitespace stripping."""
    out: list[str] = []
    entities: list[Entity] = []
    nested: list[_Open] = []
    offset = 0
    n = len(text)
    byte_at = [0] * (n + 1)
    for k, ch in enumerate(text):
        byte_at[k + 1] = byte_at[k] + len(ch.encode("utf-8", "surrogatepass"))

    def at(k: int) -> str:
        return text[k] if k < n else "\0"

    i = 0
    while i < n:
        c = text[i]
        if c == "&":
            decoded = _decode_entity(text, i)
            if decoded is not None:
                out.append(decoded[0])
                offset += _units(decoded[0])
                i = decoded[1]
                continue
        if c != "<":
            out.append(c)
            offset += _units(c)
            i += 1
            continue
        begin = i
        i += 1
        if at(i) != "/":
            while not at(i).isspace() and at(i) not in ">\0":
                i += 1
            if at(i) == "\0":
                raise EntityParseError(f"Unclosed start tag at byte offset {byte_at[begin]}")
            tag = text[begin + 1 : i].lower()
            if tag not in HTML_TAGS:
                raise EntityParseError(f'Unsupported start tag "{tag}" at byte offset {byte_at[begin]}')
            opened = _Open(tag, "", offset, len(out), byte_at[begin])
            while at(i) != ">":
                while at(i).isspace():
                    i += 1
                if at(i) == ">":
                    break
                attr_begin = i
                while not at(i).isspace() and at(i) not in "=>\0":
                    i += 1
                attr = text[attr_begin:i].lower()
                if not attr:
                    raise EntityParseError(
                        f'Empty attribute name in the tag "{tag}" at byte offset {byte_at[attr_begin]}'
                    )
                while at(i).isspace():
                    i += 1
                if at(i) != "=":
                    if tag == "blockquote" and attr == "expandable":
                        opened.expandable = True
                        continue
                    if at(i) == "\0":
                        raise EntityParseError(f"Unclosed start tag at byte offset {byte_at[begin]}")
                    raise EntityParseError(
                        f'Expected equal sign in declaration of an attribute of the tag "{tag}" '
                        f"at byte offset {byte_at[begin]}"
                    )
                i += 1
                while at(i).isspace():
                    i += 1
                if at(i) == "\0":
                    raise EntityParseError(f"Unclosed start tag at byte offset {byte_at[begin]}")
                if at(i) not in "'\"":
                    token_begin = i
                    while at(i).isalnum() or at(i) in ".-":
                        i += 1
                    value = text[token_begin:i].lower()
                    if not at(i).isspace() and at(i) != ">":
                        raise EntityParseError(
                            f"Unexpected end of name token at byte offset {byte_at[token_begin]}"
                        )
                else:
                    quote = text[i]
                    i += 1
                    chars: list[str] = []
                    while at(i) not in (quote, "\0"):
                        if at(i) == "&":
                            decoded = _decode_entity(text, i)
                            if decoded is not None:
                                chars.append(decoded[0])
                                i = decoded[1]
                                continue
                        chars.append(text[i])
                        i += 1
                    if at(i) == quote:
                        i += 1
                    value = "".join(chars)
                if at(i) == "\0":
                    raise EntityParseError(f"Unclosed start tag at byte offset {byte_at[begin]}")
                if tag == "a" and attr == "href":
                    opened.argument = value
                elif tag == "code" and attr == "class" and value.startswith("language-"):
                    opened.argument = value[len("language-") :]
                elif tag == "span" and attr == "class" and value.startswith("tg-"):
                    opened.argument = value[len("tg-") :]
                elif tag == "tg-emoji" and attr == "emoji-id":
                    opened.argument = value
                elif tag == "tg-time" and attr == "unix":
                    opened.argument = value
                elif tag == "tg-time" and attr == "format":
                    opened.extra = value
            if tag == "span" and opened.argument != "spoiler":
                raise EntityParseError(
                    f'Tag "span" must have class "tg-spoiler" at byte offset {byte_at[begin]}'
                )
            nested.append(opened)
            i += 1
            continue
        # an end tag
        if not nested:
            raise EntityParseError(f"Unexpected end tag at byte offset {byte_at[begin]}")
        while not at(i).isspace() and at(i) not in ">\0":
            i += 1
        end_tag = text[begin + 2 : i].lower()
        while at(i).isspace():
            i += 1
        if at(i) != ">":
            raise EntityParseError(f"Unclosed end tag at byte offset {byte_at[begin]}")
        top = nested.pop()
        if end_tag and end_tag != top.tag:
            raise EntityParseError(
                f'Unmatched end tag at byte offset {byte_at[begin]}, expected "</{top.tag}>", found "</{end_tag}>"'
            )
        i += 1
        if offset > top.offset:
            entity = _html_entity(top, offset - top.offset, "".join(out[top.out_index :]), entities)
            if entity is not None:
                entities.append(entity)
    if nested:
        raise EntityParseError(f'Can\'t find end tag corresponding to start tag "{nested[-1].tag}"')
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return "".join(out), entities


def _html_entity(top: _Open, length: int, inner: str, entities: list[Entity]) -> Entity | None:
    kind = _TAG_TYPES[top.tag]
    entity: Entity = {"type": kind, "offset": top.offset, "length": length}
    if kind == "text_link":
        url = top.argument or inner
        if not re.match(r"^(https?://|tg://|ton://)\S+$", url, re.IGNORECASE):
            if top.argument:
                return None  # Telegram silently drops links with invalid URLs
            return {"type": "url", "offset": top.offset, "length": length} if "." in url else None
        entity["url"] = url
    elif kind == "pre":
        # <pre><code class="language-x">...</code></pre> becomes one pre entity with a language
        if entities and entities[-1]["type"] == "code" and entities[-1]["offset"] == top.offset \
                and entities[-1]["length"] == length:
            code = entities.pop()
            if code.get("language"):
                entity["language"] = code["language"]
    elif kind == "code" and top.argument:
        entity["language"] = top.argument
    elif kind == "blockquote" and top.expandable:
        entity["type"] = "expandable_blockquote"
    elif kind == "custom_emoji":
        if not top.argument.isdigit():
            return None
        entity["custom_emoji_id"] = top.argument
    elif kind == "date_time":
        if not top.argument.lstrip("-").isdigit():
            return None
        entity["unix_time"] = int(top.argument)
        if top.extra:
            entity["date_time_format"] = top.extra
    return entity


_MDV2_NAMES = {"bold": "Bold", "italic": "Italic", "underline": "Underline", "strikethrough": "Strikethrough",
               "spoiler": "Spoiler", "code": "Code", "pre": "Pre", "text_link": "TextUrl",
               "custom_emoji": "CustomEmoji"}


def parse_markdown_v2(text: str) -> tuple[str, list[Entity]]:
    """Telegram's MarkdownV2 parse mode (tdlib ``parse_markdown_v2``, block quotes included)."""
    out: list[str] = []
    entities: list[Entity] = []
    nested: list[_Open] = []
    offset = 0
    n = len(text)
    byte = 0
    quote_start: int | None = None
    quote_expandable = False
    i = 0

    def at(k: int) -> str:
        return text[k] if k < n else "\0"

    def emit(ch: str) -> None:
        nonlocal offset
        out.append(ch)
        offset += _units(ch)

    def close_quote(end_offset: int) -> None:
        nonlocal quote_start
        if quote_start is not None and end_offset > quote_start:
            kind = "expandable_blockquote" if quote_expandable else "blockquote"
            entities.append({"type": kind, "offset": quote_start, "length": end_offset - quote_start})
        quote_start = None

    while i < n:
        c = text[i]
        line_start = i == 0 or text[i - 1] == "\n"
        if line_start and not any(o.tag in ("code", "pre") for o in nested):
            if c == ">" or (c == "*" and text.startswith("**>", i)):
                if quote_start is None:
                    quote_start = offset
                    quote_expandable = False
                if c == "*":
                    quote_expandable = True
                    byte += 2
                    i += 2
                byte += 1
                i += 1
                continue
            if quote_start is not None:
                close_quote(offset - 1 if out and out[-1] == "\n" else offset)
        if c == "\\" and i + 1 < n and 0 < ord(text[i + 1]) < 127:
            emit(text[i + 1])
            byte += 2
            i += 2
            continue
        if quote_start is not None and c == "|" and text.startswith("||", i) and (i + 2 >= n or text[i + 2] == "\n"):
            # "||" right at the end of an expandable block quote marks it collapsed
            if quote_expandable:
                byte += 2
                i += 2
                continue
        inside_code = bool(nested) and nested[-1].tag in ("code", "pre")
        if inside_code and c not in "`":
            emit(c)
            byte += len(c.encode("utf-8", "surrogatepass"))
            i += 1
            continue
        if c not in MDV2_RESERVED:
            emit(c)
            byte += len(c.encode("utf-8", "surrogatepass"))
            i += 1
            continue
        top = nested[-1] if nested else None
        is_end = False
        if top is not None:
            if top.tag == "bold":
                is_end = c == "*"
            elif top.tag == "italic":
                is_end = c == "_" and not (at(i + 1) == "_" and any(o.tag == "underline" for o in nested))
            elif top.tag == "underline":
                is_end = c == "_" and at(i + 1) == "_"
            elif top.tag == "strikethrough":
                is_end = c == "~"
            elif top.tag == "spoiler":
                is_end = c == "|" and at(i + 1) == "|"
            elif top.tag == "code":
                is_end = c == "`"
            elif top.tag == "pre":
                is_end = text.startswith("```", i)
            elif top.tag in ("text_link", "custom_emoji"):
                is_end = c == "]"
        if not is_end:
            begin_byte = byte
            argument = ""
            if c == "_" and at(i + 1) == "_":
                tag, width = "underline", 2
            elif c == "_":
                tag, width = "italic", 1
            elif c == "*":
                tag, width = "bold", 1
            elif c == "~":
                tag, width = "strikethrough", 1
            elif c == "|" and at(i + 1) == "|":
                tag, width = "spoiler", 2
            elif c == "[":
                tag, width = "text_link", 1
            elif c == "!" and at(i + 1) == "[":
                tag, width = "custom_emoji", 2
            elif c == "`" and text.startswith("```", i):
                tag, width = "pre", 3
                j = i + 3
                while j < n and not text[j].isspace() and text[j] != "`":
                    j += 1
                if j < n and text[j] == "\n":
                    argument = text[i + 3 : j]
                    width = j - i + 1
            elif c == "`":
                tag, width = "code", 1
            else:
                raise EntityParseError(f"Character '{c}' is reserved and must be escaped with the preceding '\\'")
            nested.append(_Open(tag, argument, offset, len(out), begin_byte))
            byte += len(text[i : i + width].encode("utf-8"))
            i += width
            continue
        assert top is not None
        nested.pop()
        width = {"underline": 2, "spoiler": 2, "pre": 3}.get(top.tag, 1)
        i += width
        byte += width
        entity: Entity = {"type": top.tag, "offset": top.offset, "length": offset - top.offset}
        if top.tag in ("text_link", "custom_emoji"):
            url = ""
            if at(i) == "(":
                j = i + 1
                chars: list[str] = []
                while j < n and text[j] != ")":
                    if text[j] == "\\" and j + 1 < n:
                        j += 1
                    chars.append(text[j])
                    j += 1
                if j >= n:
                    raise EntityParseError(f"Can't find end of a URL at byte offset {byte}")
                url = "".join(chars)
                byte += len(text[i : j + 1].encode("utf-8"))
                i = j + 1
            else:
                url = "".join(out[top.out_index :])
            if top.tag == "custom_emoji":
                m = re.fullmatch(r"tg://emoji\?id=(\d+)", url)
                if not m:
                    raise EntityParseError(f"Custom emoji URL must have scheme tg at byte offset {top.byte_offset}")
                entity["custom_emoji_id"] = m.group(1)
            elif re.match(r"^(https?://|tg://)\S+$", url, re.IGNORECASE):
                entity["url"] = url
            else:
                continue
        if top.tag == "pre" and top.argument:
            entity["language"] = top.argument
            # the newline after the language is not part of the text
        if entity["length"] > 0:
            entities.append(entity)
    if nested:
        top = nested[-1]
        raise EntityParseError(f"Can't find end of {_MDV2_NAMES[top.tag]} entity at byte offset {top.byte_offset}")
    if quote_start is not None:
        close_quote(offset)
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return "".join(out), entities


def parse_markdown(text: str) -> tuple[str, list[Entity]]:
    """Telegram's legacy Markdown parse mode: *bold*, _italic_, `code`, ```pre```, [text](url)."""
    out: list[str] = []
    entities: list[Entity] = []
    offset = 0
    n = len(text)
    i = 0
    byte = 0
    while i < n:
        c = text[i]
        if c not in "*_`[":
            out.append(c)
            offset += _units(c)
            byte += len(c.encode("utf-8", "surrogatepass"))
            i += 1
            continue
        begin_byte = byte
        if text.startswith("```", i):
            end = text.find("```", i + 3)
            if end < 0:
                raise EntityParseError(f"Can't find end of the entity starting at byte offset {begin_byte}")
            body = text[i + 3 : end]
            language = ""
            first, sep, rest = body.partition("\n")
            if sep and first and " " not in first:
                language, body = first, rest
            start = offset
            for ch in body:
                out.append(ch)
                offset += _units(ch)
            if offset > start:
                ent: Entity = {"type": "pre", "offset": start, "length": offset - start}
                if language:
                    ent["language"] = language
                entities.append(ent)
            byte += len(text[i : end + 3].encode("utf-8"))
            i = end + 3
            continue
        if c == "[":
            close = text.find("]", i + 1)
            if close < 0 or close + 1 >= n or text[close + 1] != "(":
                raise EntityParseError(f"Can't find end of the entity starting at byte offset {begin_byte}")
            end = text.find(")", close + 2)
            if end < 0:
                raise EntityParseError(f"Can't find end of the entity starting at byte offset {begin_byte}")
            label, url = text[i + 1 : close], text[close + 2 : end]
            start = offset
            for ch in label:
                out.append(ch)
                offset += _units(ch)
            if offset > start and re.match(r"^(https?://|tg://)\S+$", url, re.IGNORECASE):
                entities.append({"type": "text_link", "offset": start, "length": offset - start, "url": url})
            byte += len(text[i : end + 1].encode("utf-8"))
            i = end + 1
            continue
        end = text.find(c, i + 1)
        if end < 0:
            raise EntityParseError(f"Can't find end of the entity starting at byte offset {begin_byte}")
        start = offset
        for ch in text[i + 1 : end]:
            out.append(ch)
            offset += _units(ch)
        if offset > start:
            kind = {"*": "bold", "_": "italic", "`": "code"}[c]
            entities.append({"type": kind, "offset": start, "length": offset - start})
        byte += len(text[i : end + 1].encode("utf-8"))
        i = end + 1
    return "".join(out), entities


def strip_formatted(text: str, entities: list[Entity]) -> tuple[str, list[Entity]]:
    """Strip leading/trailing whitespace like Telegram, shifting and clipping the entities."""
    stripped = text.strip()
    if not stripped:
        return "", []
    lead = utf16_len(text[: len(text) - len(text.lstrip())])
    end = lead + utf16_len(stripped)
    fixed: list[Entity] = []
    for e in entities:
        start = max(e["offset"], lead)
        stop = min(e["offset"] + e["length"], end)
        if stop > start:
            fixed.append({**e, "offset": start - lead, "length": stop - start})
    return stripped, fixed


def parse(text: str, parse_mode: str | None) -> tuple[str, list[Entity]]:
    """Parse ``text`` with a Bot API parse mode (None: plain) and strip it like Telegram.

    Raises :class:`EntityParseError` for bad markup and ``ValueError("unsupported parse_mode")``.
    """
    mode = (parse_mode or "").strip().lower()
    entities: list[Entity] = []
    if not mode:
        plain = text
    elif mode == "html":
        plain, entities = parse_html(text)
    elif mode == "markdownv2":
        plain, entities = parse_markdown_v2(text)
    elif mode == "markdown":
        plain, entities = parse_markdown(text)
    else:
        raise ValueError("unsupported parse_mode")
    return strip_formatted(plain, entities)


_HTML_OUT = {
    "bold": ("<b>", "</b>"), "italic": ("<i>", "</i>"), "underline": ("<u>", "</u>"),
    "strikethrough": ("<s>", "</s>"), "spoiler": ('<span class="spoiler">', "</span>"),
    "code": ("<code>", "</code>"), "pre": ("<pre>", "</pre>"), "blockquote": ("<blockquote>", "</blockquote>"),
    "expandable_blockquote": ('<blockquote class="expandable">', "</blockquote>"),
}


def _open_tag(e: Entity, text_of: str) -> tuple[str, str] | None:
    kind = e["type"]
    if kind in _HTML_OUT:
        return _HTML_OUT[kind]
    if kind in ("text_link", "url"):
        url = e.get("url") or text_of
        if not re.match(r"^https?://", url, re.IGNORECASE):
            return None
        return f'<a href="{html.escape(url, quote=True)}" target="_blank" rel="noopener noreferrer">', "</a>"
    return None


def to_html(text: str, entities: list[Entity] | None) -> str:
    """Render text + entities (UTF-16 offsets) as escaped HTML safe to put into a page."""
    if not entities:
        return html.escape(text, quote=False)
    # map UTF-16 offsets to character indices
    index_of: dict[int, int] = {}
    pos = 0
    for k, ch in enumerate(text):
        index_of[pos] = k
        pos += _units(ch)
    index_of[pos] = len(text)
    starts: dict[int, list[tuple[int, str, str]]] = {}
    for e in sorted(entities, key=lambda e: (e["offset"], -e["length"])):
        a = index_of.get(e["offset"])
        b = index_of.get(e["offset"] + e["length"])
        if a is None or b is None or b <= a:
            continue
        tags = _open_tag(e, text[a:b])
        if tags is not None:
            starts.setdefault(a, []).append((b, tags[0], tags[1]))
    parts: list[str] = []
    stack: list[tuple[int, str, str]] = []
    for k in range(len(text) + 1):
        # close everything ending here (re-opening inner ones that overlap)
        reopen: list[tuple[int, str, str]] = []
        while any(end == k for end, _, _ in stack):
            end, opening, closing = stack.pop()
            parts.append(closing)
            if end != k:
                reopen.append((end, opening, closing))
        for item in reversed(reopen):
            parts.append(item[1])
            stack.append(item)
        for item in starts.get(k, []):
            parts.append(item[1])
            stack.append(item)
        if k < len(text):
            parts.append(html.escape(text[k], quote=False))
    return "".join(parts)
