"""Telegram text formatting as the sandbox parses it (pure)."""

from __future__ import annotations

import pytest

from sandbox.markup import EntityParseError, parse, to_html, utf16_len


def test_html_nested_entities_have_utf16_offsets() -> None:
    text, entities = parse("🐱 <b>Ginger <i>wins</i></b> &lt;3", "HTML")
    assert text == "🐱 Ginger wins <3"
    assert entities == [
        {"type": "bold", "offset": 3, "length": 11},
        {"type": "italic", "offset": 10, "length": 4},
    ]
    assert utf16_len("🐱") == 2


def test_html_links_pre_with_language_and_spoiler() -> None:
    text, entities = parse(
        '<a href="https://example.com/x?a=1&amp;b=2">site</a> <pre><code class="language-python">x = 1</code></pre>'
        ' <span class="tg-spoiler">s</span>',
        "html",
    )
    assert text == "site x = 1 s"
    assert {"type": "text_link", "offset": 0, "length": 4, "url": "https://example.com/x?a=1&b=2"} in entities
    assert {"type": "pre", "offset": 5, "length": 5, "language": "python"} in entities
    assert {"type": "spoiler", "offset": 11, "length": 1} in entities


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("<foo>x</foo>", 'Unsupported start tag "foo" at byte offset 0'),
        ("1 < 2", 'Unsupported start tag "" at byte offset 2'),
        ("<b>bold", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b>x</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
        ("x</b>", "Unexpected end tag at byte offset 1"),
        ("<b", "Unclosed start tag at byte offset 0"),
        ("é <span>x</span>", 'Tag "span" must have class "tg-spoiler" at byte offset 3'),
    ],
)
def test_html_errors_use_tdlib_wording(source: str, message: str) -> None:
    with pytest.raises(EntityParseError) as err:
        parse(source, "HTML")
    assert str(err.value) == message


def test_whitespace_is_stripped_and_entities_shift() -> None:
    text, entities = parse("  \n<b> hi </b>\n ", "HTML")
    assert text == "hi"
    assert entities == [{"type": "bold", "offset": 0, "length": 2}]


def test_markdown_v2_entities_and_reserved_characters() -> None:
    text, entities = parse(r"*bold* _it_ __u__ \.done", "MarkdownV2")
    assert text == "bold it u .done"
    assert [e["type"] for e in entities] == ["bold", "italic", "underline"]
    with pytest.raises(EntityParseError, match=r"Character '\.' is reserved"):
        parse("Done.", "MarkdownV2")
    with pytest.raises(EntityParseError, match="Can't find end of Bold entity at byte offset 0"):
        parse("*open", "MarkdownV2")


def test_legacy_markdown_and_unknown_mode() -> None:
    assert parse("*b* [t](https://x.org)", "Markdown")[1] == [
        {"type": "bold", "offset": 0, "length": 1},
        {"type": "text_link", "offset": 2, "length": 1, "url": "https://x.org"},
    ]
    with pytest.raises(ValueError, match="unsupported parse_mode"):
        parse("x", "BBCode")


def test_to_html_escapes_and_renders_entities() -> None:
    text, entities = parse("<b>a &lt;script&gt;</b> <a href='https://e.org'>l</a> <i>🐶x</i>", "HTML")
    rendered = to_html(text, entities)
    assert rendered == (
        '<b>a &lt;script&gt;</b> <a href="https://e.org" target="_blank" rel="noopener noreferrer">l</a> <i>🐶x</i>'
    )
    assert to_html("<img>", None) == "&lt;img&gt;"
