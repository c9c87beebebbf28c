"""Pure pieces of the bot: texts, throttle, progress bar and edit gate, drafts, previews, captions."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from telegram.error import BadRequest

from bot import callbacks
from bot.callbacks import Action
from bot.delivery import MAX_CAPTION, not_modified, video_caption
from bot.handlers.common import user_text
from bot.handlers.drafts import DraftBook, script_of
from bot.handlers.script import preview_text, restyle
from bot.progress import EditGate, bar, overall, progress_text, queued_text
from bot.throttle import ChatThrottle
from petreel import i18n
from petreel.errors import BadPremise, NotFound
from storage.store import AsyncStore
from story.script import Script
from story.styles import CHARACTER_STYLES
from story.text import script_language
from tests.factories import make_script


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_text_has_both_languages_with_the_same_placeholders() -> None:
    for key, (en, zh) in i18n.TEXTS.items():
        assert en.strip() and zh.strip(), key
        assert _fields(en) == _fields(zh), key
    for _, en, zh in i18n.COMMANDS + i18n.ADMIN_COMMANDS:
        assert en and zh


def test_language_lookup_and_help() -> None:
    assert i18n.norm_lang("zh-hans") == "zh"
    assert i18n.norm_lang("en-US") == "en"
    assert i18n.norm_lang(None) == "en"
    assert i18n.t("zh", "btn_confirm") == "✅ 确认制作"
    lines = i18n.command_lines("en")
    assert all(f"/{cmd}" in lines for cmd, _, _ in i18n.COMMANDS)
    assert "/grant" not in lines and "/grant" in i18n.command_lines("en", admin=True)


def test_throttle_accepts_then_waits_per_chat() -> None:
    throttle = ChatThrottle(2.0)
    assert throttle.check(1, now=100.0) == 0.0
    assert throttle.check(1, now=100.5) == pytest.approx(1.5)
    assert throttle.check(2, now=100.5) == 0.0  # other chats are independent
    assert throttle.check(1, now=102.0) == 0.0
    assert throttle.check(1, now=103.0) == pytest.approx(1.0)  # a refused try doesn't reset the clock


def test_throttle_keeps_the_newest_refused_premise() -> None:
    throttle = ChatThrottle(2.0)
    assert throttle.check(1, now=100.0) == 0.0
    assert throttle.hold(1, "first idea") is True  # the first one kept: the caller says so and schedules
    assert throttle.hold(1, "second idea") is False and throttle.holds(1)  # replaced quietly
    assert not throttle.holds(2) and throttle.release(2) is None
    assert throttle.release(1) == "second idea" and throttle.release(1) is None and not throttle.holds(1)


def test_throttle_memory_is_bounded() -> None:
    throttle = ChatThrottle(1.0, max_chats=100)
    for chat in range(1000):
        throttle.check(chat, now=float(chat) * 0.001)
    assert len(throttle) <= 100


def test_bar_and_overall_progress() -> None:
    assert bar(0.6, width=5) == "▓▓▓░░ 60%"
    assert bar(0.0, width=4) == "░░░░ 0%"
    assert bar(1.7, width=4) == "▓▓▓▓ 100%"
    steps = [overall(s, f) for s in ("script", "narration", "keyframes", "music", "compose") for f in (0, 0.5, 1)]
    assert steps == sorted(steps) and steps[-1] == pytest.approx(1.0)
    assert overall("unknown-stage", 0.3) == 0.3
    assert "▓" in progress_text("en", "compose", 0.5) and "剪辑视频" in progress_text("zh", "compose", 0.5)
    assert "3" in queued_text("en", 3) and "soon" in queued_text("en", 0)


def test_edit_gate_spaces_edits() -> None:
    gate = EditGate(3.0)
    assert gate.ready(7, now=10.0)
    gate.mark(7, now=10.0)
    assert not gate.ready(7, now=12.9) and gate.wait(7, now=12.0) == pytest.approx(1.0)
    assert gate.ready(8, now=11.0)
    assert gate.ready(7, now=13.0)


class Clock:
    def __init__(self, now: float = 1_750_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


async def test_draft_book_ids_expiry_and_per_user_cap(tmp_path: Path) -> None:
    clock = Clock()
    t0 = clock.now
    async with AsyncStore(tmp_path / "d.db", clock=clock) as store:
        book = DraftBook(store, ttl_s=60, per_user=2, clock=clock)
        a = await book.new(1, 1, "premise a", "en")
        clock.now = t0 + 1.0
        b = await book.new(1, 1, "premise b", "en")
        assert len(a.id) <= 10 and a.id != b.id
        assert len(callbacks.encode(Action.STYLE, a.id, "golden-retriever")) <= callbacks.MAX_BYTES
        clock.now = t0 + 30.0
        assert await book.get(a.id) == a
        clock.now = t0 + 2.0
        c = await book.new(1, 1, "premise c", "en")  # third draft pushes out the oldest
        clock.now = t0 + 3.0
        assert await book.get(a.id) is None and await book.get(c.id) == c
        clock.now = t0 + 100.0
        assert await book.get(b.id) is None  # expired
        other = await book.new(2, 2, "x", "zh", style="corgi")
        assert other.style == "corgi" and await book.discard_user(1) == 0  # b and c expired meanwhile
        clock.now = t0 + 101.0
        d = await book.new(1, 1, "premise d", "en")
        assert await book.discard_user(1) == 1 and await book.of_user(2) == [other] and await book.get(d.id) is None
        # an update (a pressed button) keeps the draft alive ttl_s longer; take removes it once
        clock.now = t0 + 150.0
        other = await book.update(other, art_style="storyboard", script=make_script().model_dump_json())
        clock.now = t0 + 200.0  # 100 s after creation, 50 s after the update
        assert await book.get(other.id) == other and script_of(other) == make_script()
        assert await book.take(other.id) == other and await book.take(other.id) is None
        # the busy mark (a script being written) is memory only
        with book.writing(c.id):
            assert book.busy(c.id)
        assert not book.busy(c.id)


def test_user_text_is_in_one_language() -> None:
    err = BadPremise("too long: 501 characters, at most 500")
    assert user_text(err, "en").endswith("(too long: 501 characters, at most 500)")
    assert user_text(err, "zh") == BadPremise().text("zh")  # the English-only detail is left out
    assert user_text(NotFound(), "zh-hans") == NotFound().text("zh")


def test_script_language_follows_the_premise() -> None:
    assert script_language("穷橘猫逆袭") == "zh"
    assert script_language("a poor cat gets rich") == "en"


def test_restyle_swaps_the_hero_only() -> None:
    script = make_script()
    remixed = restyle(script, "corgi", "storyboard")
    assert isinstance(remixed, Script)
    hero = remixed.character("hero")
    assert (hero.species, hero.style, hero.look) == ("dog", "corgi", CHARACTER_STYLES["corgi"].look)
    assert remixed.character("rival") == script.character("rival")
    old, new = script.character("hero").name, hero.name  # a cat's name doesn't go to the corgi
    assert [s.narration.replace(new, old) for s in remixed.scenes] == [s.narration for s in script.scenes]
    assert remixed.style == "corgi"


def test_preview_lists_numbered_scenes_and_escapes_html() -> None:
    script = make_script(n_scenes=6).model_copy(update={"title": "Cats <&> Dogs"})
    text = preview_text("en", script)
    assert "Cats &lt;&amp;&gt; Dogs" in text
    assert all(f"\n{i}. <b>" in text for i in range(1, 7))
    assert len(text) <= 4096
    assert "秒" in preview_text("zh", make_script("zh"))


def test_video_caption_is_escaped_and_capped() -> None:
    assert video_caption("A & B") == "🎬 <b>A &amp; B</b>"
    long = video_caption("<" * 2000)
    assert len(long) <= MAX_CAPTION and long.endswith("</b>")


def test_not_modified_matches_any_case() -> None:
    assert not_modified(BadRequest("Message is not modified: specified new message content"))
    assert not_modified(BadRequest("bad request: MESSAGE IS NOT MODIFIED"))
    assert not not_modified(BadRequest("Message to edit not found"))


def test_cli_mode_polling_webhook_and_sandbox_token() -> None:
    from petreel.serve import _mode, _with_token
    from petreel.settings import Settings

    hook = Settings(
        telegram={  # type: ignore[arg-type]
            "token": "1:x", "mode": "webhook", "webhook_url": "https://example.org/tg/hook",
            "webhook_port": 8443, "webhook_secret": "s3cret",
        }
    )
    mode = _mode(hook, sandboxed=False)
    assert mode["mode"] == "webhook"
    assert mode["webhook"]["url_path"] == "tg/hook" and mode["webhook"]["secret_token"] == "s3cret"
    assert _mode(hook, sandboxed=True)["mode"] == "polling"  # the sandbox is polled
    sandboxed = _with_token(Settings(), "123456:TEST")
    assert sandboxed.token is not None and sandboxed.token.get_secret_value() == "123456:TEST"


def test_remix_renames_what_the_new_hero_makes_wrong_but_keeps_a_given_name() -> None:
    from story.offline import write_offline
    from story.remix import remix_hero

    script = write_offline("a poor ginger cat is mocked by a rich white cat, works hard and gets rich", "ginger-cat", "en", 7)
    husky = remix_hero(script, "husky", "storyboard", 3)
    old, new = script.character("hero").name, husky.character("hero").name
    assert new != old and new not in {c.name for c in script.characters}
    said = " ".join(f"{s.caption} {s.narration} {' '.join(x.text for x in s.dialogue)}" for s in husky.scenes)
    assert old not in said and old not in husky.title and "ginger cat" not in said.lower() and "husky" in said.lower()
    assert husky.character("rival") == script.character("rival") and len(husky.scenes) == len(script.scenes)
    named = write_offline("a ginger cat named Tofu is mocked by a rich white cat and gets rich", "ginger-cat", "en", 7)
    assert remix_hero(named, "husky", "storyboard", 3).character("hero").name == "Tofu"  # the user's own name stays
    assert remix_hero(script, "ginger-cat", "anime", 3).scenes == script.scenes  # art style alone: same story


def test_replace_line_validates_like_any_script_and_line_edits_time_out() -> None:
    from petreel.errors import ScriptError
    from story.remix import replace_line, spoken_lines

    script = make_script()
    lines = spoken_lines(script)
    assert len(lines) == sum(1 + len(s.dialogue) for s in script.scenes)
    last = len(lines) - 1
    edited = replace_line(script, last, "Fish for everyone!")
    assert spoken_lines(edited)[last][1] == "Fish for everyone!" and spoken_lines(edited)[:last] == lines[:last]
    with pytest.raises(ScriptError):
        replace_line(script, 0, "word " * 300)  # too long to say in the scene
    with pytest.raises(IndexError):
        replace_line(script, len(lines), "x")
    now = [0.0]
    book = DraftBook(None, clock=lambda: now[0])  # type: ignore[arg-type]
    book.edit_line(7, "d1", 2)
    assert book.line_edit(7) == ("d1", 2) and book.line_edit(8) is None
    now[0] = 16 * 60.0
    assert book.line_edit(7) is None and not book.end_line_edit(7)


async def test_a_clip_and_its_job_are_the_pressers_or_not_found(monkeypatch: pytest.MonkeyPatch) -> None:
    """``owned_clip_job`` (a remix's or a new twist's start): the presser's clip and its job; another's clip, or a
    clip whose job is gone, is ``NotFound``."""
    from types import SimpleNamespace

    from bot.handlers import ownership

    clip = SimpleNamespace(id=7, owner=1, job_id=3)
    job = SimpleNamespace(id=3, owner=1)
    jobs = {3: job}

    async def get_clip(clip_id: int) -> object:
        return clip if clip_id == 7 else None

    async def get_job(job_id: int) -> object:
        return jobs.get(job_id)

    store = SimpleNamespace(get_clip=get_clip, get_job=get_job)
    monkeypatch.setattr(ownership, "deps_of", lambda context: SimpleNamespace(store=store))
    mine, other = SimpleNamespace(user_id=1), SimpleNamespace(user_id=2)
    assert await ownership.owned_clip_job(None, mine, 7) == (clip, job)  # type: ignore[arg-type]
    with pytest.raises(NotFound):
        await ownership.owned_clip_job(None, other, 7)  # type: ignore[arg-type]
    jobs.clear()
    with pytest.raises(NotFound):
        await ownership.owned_clip_job(None, mine, 7)  # type: ignore[arg-type]
