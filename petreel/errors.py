"""The named error hierarchy.

``UserError`` subclasses carry a ``code``; ``err.message(lang)`` looks the words up in the i18n layer
(``petreel/i18n.py``, English and Chinese), and the bot and the CLI print it. Anything that is not a
``PetReelError`` is a bug: one error handler logs it and shows a generic apology.
"""

from __future__ import annotations

from petreel.i18n import error_text


class PetReelError(Exception):
    """Base of every error the project raises on purpose."""


class UserError(PetReelError):
    """An error whose text is meant for the user. Subclasses set ``code``; the words live in
    ``petreel.i18n.ERRORS`` under ``text_key`` (the code unless an instance names a variant)."""

    code = "error"
    show_detail = False

    def __init__(self, detail: str | None = None, *, text_key: str | None = None) -> None:
        self.detail = detail
        self.text_key = text_key or self.code
        super().__init__(detail or self.text("en"))

    def text(self, lang: str = "en") -> str:
        """The words alone, in ``lang``."""
        return error_text(self.text_key, lang)

    def message(self, lang: str = "en") -> str:
        """The words, followed by the detail for errors that show it."""
        text = self.text(lang)
        return f"{text} ({self.detail})" if self.detail and self.show_detail else text


class BadPremise(UserError):
    code = "bad_premise"
    show_detail = True


class ContentRefused(UserError):
    code = "content_refused"


class UnknownStyle(UserError):
    code = "unknown_style"
    show_detail = True


class QuotaExceeded(UserError):
    code = "quota_exceeded"


class TooManyExpansions(UserError):
    """Per-user daily cap on script expansions (new scripts and rerolls) was reached."""

    code = "too_many_expansions"


class QueueFull(UserError):
    code = "queue_full"


class Banned(UserError):
    code = "banned"


class ScriptError(UserError):
    """A script could not be written or failed validation."""

    code = "script_error"


class WriterUnavailable(ScriptError):
    code = "writer_unavailable"


class RenderFailed(UserError):
    code = "render_failed"


class DraftExpired(UserError):
    """A button names a draft that expired (or was already confirmed)."""

    code = "draft_gone"


class Cancelled(PetReelError):
    """The job was cancelled; raised between render stages."""


class OutputPathError(UserError):
    code = "output_path"
    show_detail = True


class NotFound(UserError):
    code = "not_found"


class ConfigError(PetReelError):
    """The program can't start as configured: a bad environment value, a port it can't bind, a data
    directory or database it can't use. The message is one line naming what is wrong and the fix;
    ``petreel`` prints it and exits 2 (no traceback)."""


class DatabaseUnusable(ConfigError):
    """The database file can't be opened or is damaged (checked at start)."""


class EncoderMissing(RenderFailed):
    """The ffmpeg binary that encodes the MP4 is not there (or can't be run)."""


class StaleClaim(PetReelError):
    """A worker wrote with a claim token that is no longer current."""


class BackendUnavailable(PetReelError):
    """An external backend can't be used: the configured render backend can't be loaded (say, the
    ``gpu`` extra is not installed) or the chat model's endpoint failed after its retries."""


class MissingExtra(ConfigError):
    """An optional feature was configured without its extra installed; the message names the extra."""


class InvalidReply(PetReelError, ValueError):  # noqa: N818 - reads better at the call sites
    """The model's reply is not a usable plan; ``errors`` is what the repair round sends back (every
    problem, one ``- …`` line each), ``excerpt`` a short quote of the reply where that helps, and
    ``degenerate`` marks a well-formed plan that is useless (repeated lines, cloned cast …)."""

    def __init__(self, errors: str, *, excerpt: str | None = None, degenerate: bool = False) -> None:
        super().__init__(errors)
        self.errors = errors
        self.excerpt = excerpt
        self.degenerate = degenerate


class CallbackError(PetReelError, ValueError):
    """Callback data that can't be encoded (too long, bad characters) or decoded."""


class MigrationFailed(PetReelError):
    """``petreel migrate-db`` refused (the target already holds data) or the copied counts differ."""
