"""The named error hierarchy.

``UserError`` subclasses carry the message a person is shown, in English and Chinese; the bot and
the CLI print ``err.message(lang)``. Anything that is not a ``PetReelError`` is a bug: one error
handler logs it and shows a generic apology.
"""

from __future__ import annotations


class PetReelError(Exception):
    """Base of every error the project raises on purpose."""


class UserError(PetReelError):
    """An error whose text is meant for the user. Subclasses set ``code`` and the two messages."""

    code = "error"
    en = "Something went wrong."
    zh = "出了点问题。"

    def __init__(self, detail: str | None = None, *, en: str | None = None, zh: str | None = None) -> None:
        self.detail = detail
        if en is not None:
            self.en = en
        if zh is not None:
            self.zh = zh
        super().__init__(detail or self.en)

    def message(self, lang: str = "en") -> str:
        text = self.zh if lang.startswith("zh") else self.en
        return f"{text} ({self.detail})" if self.detail and self.show_detail else text

    show_detail = False


class BadPremise(UserError):
    code = "bad_premise"
    en = "Please send a one-line story idea (1–500 characters), e.g. “a poor ginger cat is mocked by a rich white cat”."
    zh = "请发送一句故事创意（1–500 字），例如“穷橘猫被富白猫嘲笑，后来逆袭”。"
    show_detail = True


class ContentRefused(UserError):
    code = "content_refused"
    en = "Sorry, I can't make a clip about that. Try a different story."
    zh = "抱歉，这个内容无法制作，请换个故事。"


class UnknownStyle(UserError):
    code = "unknown_style"
    en = "Unknown character style."
    zh = "未知的角色风格。"
    show_detail = True


class QuotaExceeded(UserError):
    code = "quota_exceeded"
    en = "You've used today's free clips. New ones arrive at 00:00 UTC."
    zh = "今天的免费次数已用完，UTC 0 点刷新。"


class TooManyExpansions(UserError):
    """Per-user daily cap on script expansions (new scripts and rerolls) was reached."""

    code = "too_many_expansions"
    en = "You've written a lot of scripts today. More tomorrow (00:00 UTC)."
    zh = "今天写的剧本太多啦，明天（UTC 0 点）再来吧。"


class QueueFull(UserError):
    code = "queue_full"
    en = "You already have clips in the queue. Please wait for them to finish."
    zh = "你已有视频在排队，请等它们完成。"


class Banned(UserError):
    code = "banned"
    en = "This account can't use the bot."
    zh = "该账号无法使用本机器人。"


class ScriptError(UserError):
    """A script could not be written or failed validation."""

    code = "script_error"
    en = "I couldn't write a script for that idea. Please try again or rephrase it."
    zh = "没能为这个创意写出剧本，请重试或换个说法。"


class WriterUnavailable(ScriptError):
    code = "writer_unavailable"
    en = "The story writer is busy right now. Please try again in a minute."
    zh = "编剧服务繁忙，请稍后再试。"


class RenderFailed(UserError):
    code = "render_failed"
    en = "Rendering failed. Your credit has been refunded."
    zh = "视频生成失败，额度已退还。"


class Cancelled(PetReelError):
    """The job was cancelled; raised between render stages."""


class OutputPathError(UserError):
    code = "output_path"
    en = "Can't write the output file."
    zh = "无法写入输出文件。"
    show_detail = True


class NotFound(UserError):
    code = "not_found"
    en = "That clip or job doesn't exist (or isn't yours)."
    zh = "找不到该视频或任务（或不属于你）。"


class StaleClaim(PetReelError):
    """A worker wrote with a claim token that is no longer current."""


class BackendUnavailable(PetReelError):
    """An external backend can't be used: the configured render backend can't be loaded (say, the
    ``gpu`` extra is not installed) or the chat model's endpoint failed after its retries."""


class InvalidReply(PetReelError, ValueError):  # noqa: N818 - reads better at the call sites
    """The model's reply is not a usable script; ``errors`` is what the repair round sends back."""

    def __init__(self, errors: str) -> None:
        super().__init__(errors)
        self.errors = errors


class CallbackError(PetReelError, ValueError):
    """Callback data that can't be encoded (too long, bad characters) or decoded."""
