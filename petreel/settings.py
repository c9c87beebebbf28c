"""The one typed settings object.

No other module reads ``os.environ``: everything configurable is a field here, read from
environment variables (``PETREEL_<GROUP>__<FIELD>``, e.g. ``PETREEL_RENDER__BACKEND=diffusers``)
or a ``.env`` file, or secret files (Docker secrets: ``/run/secrets/<variable name>``, or the folder
``PETREEL_SECRETS_DIR`` names). The bot token and LLM key are ``SecretStr`` so they never print.

Every field is documented in the README's configuration table (a test checks this).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any, Literal

from pydantic import AliasChoices, BaseModel, Field, SecretStr, ValidationError
from pydantic_settings import (
    BaseSettings,
    NestedSecretsSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    SettingsError,
)

from petreel.errors import ConfigError

ENV_PREFIX = "PETREEL_"
NESTED = "__"


class TelegramSettings(BaseModel):
    token: SecretStr | None = Field(
        default=None, description="Bot token from @BotFather. Unset: the local Bot API sandbox is used."
    )
    base_url: str = Field(
        default="https://api.telegram.org/bot",
        description="Bot API base URL (a self-hosted telegram-bot-api server allows 2000 MB uploads).",
    )
    base_file_url: str = Field(default="https://api.telegram.org/file/bot", description="Bot API file URL.")
    admins: list[int] = Field(default_factory=list, description="Numeric Telegram user ids allowed /grant, /ban, /stats.")
    mode: Literal["polling", "webhook"] = Field(default="polling", description="How updates arrive.")
    webhook_url: str | None = Field(default=None, description="Public HTTPS URL Telegram posts updates to (webhook mode).")
    webhook_listen: str = Field(default="127.0.0.1", description="Address the webhook server binds.")
    webhook_port: int = Field(default=8443, ge=0, le=65535, description="Port the webhook server binds.")
    webhook_secret: SecretStr | None = Field(
        default=None, description="Secret token Telegram sends in X-Telegram-Bot-Api-Secret-Token (webhook mode)."
    )
    max_upload_mb: int = Field(default=50, description="Largest video the bot uploads (50 on api.telegram.org).")
    progress_edit_interval_s: float = Field(default=3.0, description="Minimum seconds between status-message edits.")
    chat_throttle_s: float = Field(default=1.0, description="Minimum seconds between premises accepted from one chat.")


class LLMSettings(BaseModel):
    base_url: str | None = Field(
        default=None, description="OpenAI-compatible endpoint (OpenAI, Ollama, vLLM, llama.cpp). Unset: offline writer."
    )
    api_key: SecretStr | None = Field(default=None, description="API key for the endpoint (any string for local servers).")
    model: str = Field(default="gpt-4o-mini", description="Chat model name.")
    structured: Literal["auto", "json_schema", "json_object"] = Field(
        default="auto", description="Structured-output mode: json_schema, JSON mode, or auto (schema, then JSON mode)."
    )
    timeout_s: float = Field(
        default=60.0,
        description="Seconds the endpoint may stay silent (time to the first token, or between tokens) before the "
        "request is given up.",
    )
    deadline_s: float = Field(
        default=120.0,
        description="Overall deadline for one script (repair round included); then the offline writer answers. "
        "Sized for CPU models: a 400-token plan at 10 tokens/s plus a repair round fits.",
    )
    max_retries: int = Field(
        default=2, description="Retries on 429/5xx answered before any token (a timed-out generation is never restarted)."
    )
    max_tokens: int = Field(default=900, description="Token cap per completion (a compact plan needs about 400).")
    temperature: float = Field(default=0.9, description="Sampling temperature.")
    daily_expansions: int = Field(default=30, description="Script expansions (new scripts, rerolls) per user per UTC day.")
    moderation: bool = Field(default=False, description="Also call the endpoint's /moderations before writing.")
    gguf_path: Path | None = Field(
        default=None,
        description="Local GGUF model run in-process (optional extra: pip install 'petreel[local-llm]'; no API needed).",
    )
    gguf_threads: int = Field(
        default=2, ge=1, description="CPU threads for local GGUF generation (2 suits a 2-core machine)."
    )
    gguf_ctx: int = Field(default=4096, ge=512, description="Context size in tokens for the local GGUF model.")


class RenderSettings(BaseModel):
    backend: Literal["storyboard", "diffusers"] = Field(
        default="storyboard", description="Keyframe backend: procedural storyboard (CPU) or diffusers (GPU)."
    )
    width: int = Field(default=720, description="Video width in pixels.")
    height: int = Field(default=1280, description="Video height in pixels.")
    fps: int = Field(default=24, description="Frames per second.")
    crf: int = Field(default=23, description="x264 quality (lower is better and larger).")
    preset: str = Field(default="veryfast", description="x264 preset.")
    encoder: Literal["auto", "x264", "nvenc"] = Field(
        default="auto",
        description="H.264 encoder: NVENC on an NVIDIA GPU when the ffmpeg build and the GPU have it (auto), or libx264.",
    )
    narration: bool = Field(default=True, description="Speak the narration and dialogue (piper for English, espeak-ng for Chinese).")
    voice_engine: Literal["auto", "openvino", "onnxruntime"] = Field(
        default="auto",
        description="What runs the piper voice: its vocoder in bfloat16 on OpenVINO (auto: when installed and the CPU "
        "has native bfloat16, e.g. avx512_bf16 or AMX), or all of it on onnxruntime (the fallback).",
    )
    music: bool = Field(default=True, description="Add mood music under the speech.")
    model_path: str | None = Field(
        default=None, description="diffusers pipeline directory (or hub id when online) for keyframes."
    )
    model_kind: Literal["auto", "sd15", "sdxl", "flux"] = Field(default="auto", description="Pipeline family hint.")
    steps: int = Field(default=4, description="Diffusion steps per keyframe (SDXL-Lightning: 4).")
    guidance: float = Field(default=0.0, description="Classifier-free guidance scale (0 for distilled models).")
    dtype: Literal["bfloat16", "float16", "float32"] = Field(default="bfloat16", description="Torch dtype on GPU.")
    device: str = Field(default="cuda", description="Torch device for the diffusers backend.")
    ip_adapter_path: str | None = Field(default=None, description="IP-Adapter weights directory for character sheets.")
    ip_adapter_weight_name: str = Field(default="ip-adapter_sdxl.safetensors", description="IP-Adapter weight file.")
    ip_adapter_scale: float = Field(default=0.6, description="IP-Adapter strength.")
    i2v_model_path: str | None = Field(default=None, description="Image-to-video pipeline directory (LTX-Video, Wan).")
    i2v_frames: int = Field(default=49, description="Frames per image-to-video clip.")
    compile: bool = Field(default=False, description="torch.compile the denoiser (regional, fixed sizes).")
    cpu_offload: bool = Field(default=False, description="Model CPU offload for 24 GB cards.")
    first_block_cache: float = Field(default=0.0, description="First Block Cache threshold (0 disables).")


class WorkerSettings(BaseModel):
    lease_s: float = Field(default=120.0, description="Job lease length in seconds; renewed by a heartbeat.")
    heartbeat_s: float = Field(default=10.0, description="Seconds between lease heartbeats.")
    max_attempts: int = Field(default=3, description="Render attempts before a job is dead.")
    backoff_s: float = Field(default=5.0, description="Base retry backoff in seconds (exponential, with jitter).")
    poll_s: float = Field(default=1.0, description="Idle seconds between queue polls.")
    gpu: int | None = Field(default=None, description="GPU index for this worker (sets the torch device).")


class QuotaSettings(BaseModel):
    daily_free: int = Field(default=3, description="Free clips per user per UTC day.")
    max_queued: int = Field(default=2, description="Queued or running jobs allowed per user.")
    max_queue: int = Field(default=200, description="Queued jobs allowed in total before new ones are refused.")


class CreditPack(BaseModel):
    credits: int = Field(ge=1, le=100_000, description="Credits (clips) in the pack.")
    stars: int = Field(ge=1, le=100_000, description="Price in Telegram Stars (XTR).")


class PaymentSettings(BaseModel):
    packs: list[CreditPack] = Field(
        default_factory=list,
        description='Credit packs sold for Telegram Stars, e.g. [{"credits":5,"stars":50}]. Empty: /buy is off.',
    )
    support: str = Field(
        default="", description="Who answers /paysupport (e.g. @yourname or an e-mail); empty: the admins via the bot."
    )


class SharingSettings(BaseModel):
    inline_cache_s: int = Field(
        default=10, ge=0, le=3600, description="Seconds Telegram may cache a user's inline results (they are personal)."
    )
    referral_credits: int = Field(
        default=1, ge=0, le=100, description="Credits each side gets when a new user arrives by a ref link (0: off)."
    )
    referral_daily_cap: int = Field(
        default=10, ge=0, le=10_000, description="Referral credits one referrer can earn per UTC day."
    )


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="PETREEL_",
        env_nested_delimiter="__",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        secrets_dir_missing="ok",
    )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # secret files (Docker secrets) understand the same nested names as the variables
        return init_settings, env_settings, dotenv_settings, NestedSecretsSettingsSource(file_secret_settings)

    data_dir: Path = Field(default=Path("data"), description="Database, clips and thumbnails live here.")
    db_path: Path | None = Field(default=None, description="SQLite file (default: DATA_DIR/petreel.db).")
    database_url: SecretStr | None = Field(
        default=None,
        description="postgresql://user:password@host/db selects PostgreSQL for the queue, ledger, outbox and "
        "clips (workers on other hosts, several bot processes). Unset: the SQLite file.",
    )
    retention_days: int = Field(default=30, description="Clip files older than this are deleted (0 keeps them).")
    log_level: str = Field(default="INFO", description="Logging level.")
    log_json: bool = Field(default=False, description="Structured JSON log lines.")
    http_host: str = Field(default="127.0.0.1", description="Address of the web chat page, /healthz and /metrics.")
    http_port: int = Field(default=8080, ge=0, le=65535, description="Port of the web chat page, /healthz and /metrics.")
    bot_token: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("TELEGRAM_BOT_TOKEN", "PETREEL_BOT_TOKEN"),
        description="Shortcut for telegram.token (TELEGRAM_BOT_TOKEN).",
    )
    telegram: TelegramSettings = Field(default_factory=TelegramSettings)
    llm: LLMSettings = Field(default_factory=LLMSettings)
    render: RenderSettings = Field(default_factory=RenderSettings)
    worker: WorkerSettings = Field(default_factory=WorkerSettings)
    quota: QuotaSettings = Field(default_factory=QuotaSettings)
    payments: PaymentSettings = Field(default_factory=PaymentSettings)
    sharing: SharingSettings = Field(default_factory=SharingSettings)
    signing_key: SecretStr | None = Field(
        default=None,
        description="Key that signs invoice payloads and deep links (default: derived from the bot token).",
    )

    @property
    def database(self) -> Path:
        return self.db_path or (self.data_dir / "petreel.db")

    @property
    def database_target(self) -> Path | str:
        """The PostgreSQL URL when set, else the SQLite file."""
        return self.database_url.get_secret_value() if self.database_url is not None else self.database

    @property
    def token(self) -> SecretStr | None:
        return self.telegram.token or self.bot_token


SECRETS_DIR_ENV = "PETREEL_SECRETS_DIR"
DEFAULT_SECRETS_DIR = Path("/run/secrets")  # where Docker mounts secrets


def secrets_dir() -> Path:
    """Where secret files are read from: ``PETREEL_SECRETS_DIR``, else Docker's ``/run/secrets``."""
    return Path(os.environ.get(SECRETS_DIR_ENV) or DEFAULT_SECRETS_DIR)


def load_settings(**overrides: object) -> Settings:
    """Read settings from the environment, ``.env`` and secret files; keyword overrides win (used by
    the CLI and tests). A secret file is named like the variable it stands for, in any case
    (``telegram_bot_token``, ``petreel_llm__api_key``); a variable that is set wins over its file.

    A bad value raises ``ConfigError`` with one line naming the environment variable, the value and
    the fix (``PETREEL_RENDER__FPS='abc' is not valid: … set it to a whole number or unset it``)."""
    folder = secrets_dir()
    secrets: dict[str, object] = {"_secrets_dir": folder} if folder.is_dir() else {}
    try:
        return Settings(**secrets, **overrides)  # type: ignore[arg-type]
    except ValidationError as err:
        raise ConfigError(_explain(err.errors()[0], len(err.errors()))) from None
    except SettingsError as err:  # a list/dict field whose text is not JSON
        raise ConfigError(_explain_unparsable(str(err))) from None


# What to write instead, by the type pydantic expected.
_HINTS = {
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
    "list": "a JSON list, e.g. [123456789]",
    "less_than_equal": "a smaller number",
    "greater_than_equal": "a larger number",
}


def env_name(loc: tuple[Any, ...]) -> str:
    """``("render", "fps")`` → ``PETREEL_RENDER__FPS``."""
    return ENV_PREFIX + NESTED.join(str(part).upper() for part in loc)


def _raw(name: str) -> str | None:
    """The variable's text as set (environment names are case-insensitive for pydantic-settings)."""
    for key, value in os.environ.items():
        if key.upper() == name:
            return value
    return None


def _explain(error: Any, count: int) -> str:
    loc = tuple(error.get("loc", ()))
    if loc and str(loc[0]).upper() in ("TELEGRAM_BOT_TOKEN", "PETREEL_BOT_TOKEN"):
        name = str(loc[0]).upper()
    else:
        name = env_name(loc[:2])  # deeper parts are list items: the variable is the field
    raw = _raw(name)
    value = raw if raw is not None else error.get("input")
    kind = str(error.get("type", ""))
    hint = next((h for key, h in _HINTS.items() if kind.startswith(key)), None)
    if kind == "literal_error":
        hint = "one of " + str(error.get("ctx", {}).get("expected", "the listed values"))
    msg = str(error.get("msg", "invalid value"))
    fix = f"set it to {hint}, or unset it" if hint else "fix or unset it"
    more = f" (and {count - 1} more setting(s))" if count > 1 else ""
    return f"{name}={value!r} is not valid: {msg}; {fix}{more}"


def _explain_unparsable(message: str) -> str:
    """pydantic-settings names only the group ("telegram"): find its variable whose text is not JSON."""
    match = re.search(r'field "([^"]+)"', message)
    prefix = ENV_PREFIX + (match.group(1).upper() if match else "") + NESTED
    for key, value in sorted(os.environ.items()):
        if key.upper().startswith(prefix) and not _is_json(value):
            name = key.upper()
            field = name.removeprefix(prefix).lower()
            group = Settings.model_fields.get(match.group(1) if match else "")
            model = group.annotation if group is not None else None
            fields = getattr(model, "model_fields", {})
            if field in fields and "list" in str(fields[field].annotation):
                return f"{name}={value!r} is not valid: not a JSON list; set it to a JSON list, e.g. [123456789], or unset it"
    return f"a {prefix}… variable is not valid ({message}); fix or unset it"


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True
