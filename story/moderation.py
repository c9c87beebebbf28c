"""Content checks on premises (and on LLM output): a local blocklist, plus an optional moderation endpoint.

The blocklist always runs and is pure: a modest set of English terms (matched on word boundaries,
with simple plural/verb endings) and Chinese terms (substrings) covering sexual content involving
minors and sexual content in general, gore and torture of animals, hate, and self-harm.
``Moderator`` adds the OpenAI-compatible ``/moderations`` endpoint when ``settings.llm.moderation`` is
true; an endpoint failure is logged and the premise allowed (the blocklist already ran).
"""

from __future__ import annotations

import logging
import re
from collections import OrderedDict
from collections.abc import Sequence
from typing import Protocol

from petreel.errors import ContentRefused

logger = logging.getLogger(__name__)

BLOCKLIST_EN: tuple[str, ...] = (
    # sexual content involving minors, and sexual content in general
    "child porn", "child pornography", "underage sex", "underage nude", "loli", "lolicon", "shota",
    "pedophile", "paedophile", "pedophilia", "paedophilia", "molest", "porn", "porno", "pornography", "nsfw",
    "hentai", "nude", "naked sex", "sex scene", "rape", "raping", "bestiality", "zoophilia",
    # gore and torture of animals
    "gore", "gory", "torture", "torturing", "dismember", "mutilate", "mutilation", "disembowel", "decapitate", "skinned alive",
    "skin alive", "animal abuse", "animal cruelty", "abuse the cat", "abuse the dog", "kill the cat",
    "kill the dog", "drown the cat", "drown the dog", "burn the cat", "burn the dog",
    # hate
    "nazi", "heil hitler", "white power", "white supremacy", "ethnic cleansing", "genocide", "kkk",
    "racial slur",
    # self-harm
    "suicide", "suicidal", "kill myself", "kill yourself", "kys", "self harm", "self-harm", "cut myself", "hang myself",
)
BLOCKLIST_ZH: tuple[str, ...] = (
    "儿童色情", "幼女", "萝莉控", "恋童", "猥亵", "色情", "裸体", "强奸", "性侵", "人兽",
    "虐猫", "虐狗", "虐待动物", "虐杀", "肢解", "剥皮", "活剥", "血腥", "酷刑", "开膛",
    "纳粹", "种族灭绝", "种族清洗", "白人至上",
    "自杀", "自残", "割腕", "轻生", "跳楼自尽",
)

_EN_PATTERN = re.compile(
    r"\b(?:" + "|".join(re.escape(t).replace(r"\ ", r"[\s_-]+") for t in sorted(BLOCKLIST_EN, key=len, reverse=True))
    + r")(?:s|es|ed|d|ing|er|ers)?\b",
    re.IGNORECASE,
)


def blocked_term(text: str) -> str | None:
    """The first blocklisted term in ``text``, or None."""
    m = _EN_PATTERN.search(text)
    if m:
        return m.group(0).lower()
    for term in BLOCKLIST_ZH:
        if term in text:
            return term
    return None


def check_blocklist(text: str) -> None:
    """Raise ``ContentRefused`` when ``text`` contains a blocklisted term."""
    term = blocked_term(text)
    if term is not None:
        raise ContentRefused(f"blocklisted term {term!r}")


class _ModerationResult(Protocol):
    flagged: bool


class _ModerationResponse(Protocol):
    @property
    def results(self) -> Sequence[_ModerationResult]: ...


class _Moderations(Protocol):
    async def create(self, *, input: str) -> _ModerationResponse: ...


class ModerationClient(Protocol):
    """What ``Moderator`` needs from ``openai.AsyncOpenAI``."""

    @property
    def moderations(self) -> _Moderations: ...


class Moderator:
    """Blocklist always; the endpoint's ``/moderations`` too when ``enabled`` and a client is given."""

    def __init__(self, client: ModerationClient | None = None, enabled: bool = False, memo: int = 1024) -> None:
        self._client = client
        self._enabled = enabled and client is not None
        # the endpoint's verdicts on recent texts (True: flagged), so one premise costs one call even
        # when the bot checks it on arrival and the writer again on every (re)write
        self._verdicts: OrderedDict[str, bool] = OrderedDict()
        self._memo = memo
        self.endpoint_calls = 0

    async def check(self, text: str) -> None:
        check_blocklist(text)
        if not self._enabled or self._client is None:
            return
        flagged = self._verdicts.get(text)
        if flagged is None:
            try:
                self.endpoint_calls += 1
                response = await self._client.moderations.create(input=text)
            except Exception as exc:  # any transport/API failure: the blocklist already ran
                logger.warning("moderation endpoint failed (%s); allowing the premise", type(exc).__name__)
                return
            flagged = any(r.flagged for r in response.results)
            self._verdicts[text] = flagged
            while len(self._verdicts) > self._memo:
                self._verdicts.popitem(last=False)
        else:
            self._verdicts.move_to_end(text)
        if flagged:
            raise ContentRefused("flagged by the moderation endpoint")
