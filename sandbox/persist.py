"""The sandbox's state on disk, so ``petreel up`` / ``bot`` / ``sandbox`` survive a restart.

A restarted sandbox that forgot its chats would answer the bot's delivery of a clip queued before
the restart with "chat not found", and the web chat page would lose its history. With a state
directory, ``BotApiSandbox(state_dir=...)`` restores everything a person or the bot can observe:

* ``state.json``: callback queries, pending updates with the next update id and
  ``allowed_updates``, the bot's commands / menu buttons / texts, the stored-files index, the id
  counter and the list of chats.
* ``chats/<user id>.json``: one chat each (user, messages with their markup and media objects,
  next message id, version, started/blocked), rewritten only when that chat changed.
* ``files/<file_unique_id>``: the bytes of each stored file, written once.

Every file is written atomically (temporary file + ``os.replace``) and named by ids only (a user
id, the sandbox's own file ids), never by an uploaded name or any other user text.

Not kept: the webhook (a bot sets it again at start) and chat actions (five-second hints).

``snapshot(state)`` and ``restore(state, data, read_blob)`` are pure; ``StateDir`` does the I/O and
is called off the event loop (``asyncio.to_thread``) by the server. Tests keep the default: no
state directory, everything in memory.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from sandbox.state import CallbackQueryState, Chat, Message, SandboxState, StoredFile, UserInfo

log = logging.getLogger(__name__)

SCHEMA = 1
STATE_FILE = "state.json"
LOCK_FILE = "lock"
CHATS_DIR = "chats"
FILES_DIR = "files"
_BLOB_NAME = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_MESSAGE_FIELDS = tuple(f.name for f in fields(Message))
_FILE_FIELDS = tuple(f.name for f in fields(StoredFile) if f.name != "data")


class StateError(ValueError):
    """``state.json`` cannot be used (unreadable, another schema, another bot, a bad file name)."""


# -- pure: state <-> JSON-ready dict ---------------------------------------------------------------


def chat_snapshot(chat: Chat) -> dict[str, Any]:
    return {
        "user": asdict(chat.user),
        "next_message_id": chat.next_message_id,
        "version": chat.version,
        "started": chat.started,
        "blocked": chat.blocked,
        "reply_keyboard": chat.reply_keyboard,
        "messages": [{name: getattr(m, name) for name in _MESSAGE_FIELDS} for m in chat.messages.values()],
    }


def snapshot(state: SandboxState) -> dict[str, Any]:
    """Everything worth keeping, as JSON-ready data (file bytes excluded: see ``StateDir``)."""
    return _head(state) | {"chats": [chat_snapshot(chat) for chat in state.chats.values()]}


def _head(state: SandboxState) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "bot_id": state.bot["id"],
        "counter": state.counter,
        "version": state.version,
        "next_update_id": state.next_update_id,
        "updates": state.updates,
        "allowed_updates": state.allowed_updates,
        "queries": [asdict(q) for q in state.queries.values()],
        "files": [{name: getattr(f, name) for name in _FILE_FIELDS} for f in state.files.values()],
        "commands": [[scope, lang, items] for (scope, lang), items in state.commands.items()],
        "menu_buttons": [[chat_id, button] for chat_id, button in state.menu_buttons.items()],
        "bot_texts": [[what, lang, text] for (what, lang), text in state.bot_texts.items()],
    }


def blob_name(stored: StoredFile) -> str:
    if not _BLOB_NAME.match(stored.file_unique_id):
        raise StateError(f"unexpected file_unique_id {stored.file_unique_id!r}")
    return stored.file_unique_id


def restore(state: SandboxState, data: Mapping[str, Any], read_blob: Callable[[str], bytes]) -> None:
    """Put a ``snapshot`` back into a fresh ``state`` (raises ``StateError`` when it does not fit)."""
    if data.get("schema") != SCHEMA:
        raise StateError(f"schema {data.get('schema')!r}, expected {SCHEMA}")
    if data.get("bot_id") != state.bot["id"]:
        raise StateError(f"state of bot {data.get('bot_id')!r}, this sandbox is bot {state.bot['id']}")
    try:
        # 1. files first (messages refer to them by file_id)
        for item in data["files"]:
            meta = {name: item[name] for name in _FILE_FIELDS if name in item}
            stored = StoredFile(**meta, data=b"")
            stored.data = read_blob(blob_name(stored))
            state.files[stored.file_id] = stored
            state.files_by_path[stored.file_path] = stored
        # 2. chats with their messages
        for item in data["chats"]:
            user = UserInfo(**item["user"])
            chat = Chat(
                user,
                next_message_id=int(item["next_message_id"]),
                version=int(item["version"]),
                started=bool(item["started"]),
                blocked=bool(item["blocked"]),
                reply_keyboard=item.get("reply_keyboard"),
            )
            for raw in item["messages"]:
                message = Message(**{name: raw[name] for name in _MESSAGE_FIELDS if name in raw})
                chat.messages[message.message_id] = message
            state.chats[user.id] = chat
        # 3. callback queries, updates, bot settings, counters
        for raw in data["queries"]:
            query = CallbackQueryState(**raw)
            state.queries[query.id] = query
        state.updates = list(data["updates"])
        state.next_update_id = int(data["next_update_id"])
        state.allowed_updates = data.get("allowed_updates")
        state.commands = {(scope, lang): items for scope, lang, items in data["commands"]}
        state.menu_buttons = {chat_id: button for chat_id, button in data["menu_buttons"]}
        state.bot_texts = {(what, lang): text for what, lang, text in data["bot_texts"]}
        state.counter = int(data["counter"])
        state.version = int(data["version"])
    except (KeyError, TypeError, ValueError) as err:
        raise StateError(f"malformed state: {type(err).__name__}: {err}") from err


# -- I/O: the state directory ----------------------------------------------------------------------


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def dumps(state: SandboxState) -> str:
    """The whole snapshot as one JSON text (tests, debugging)."""
    return _json(snapshot(state))


@dataclass(frozen=True)
class Pending:
    """One save, prepared on the event loop; written by ``StateDir.write`` on a thread."""

    head: str  # state.json: everything but the chats, plus the list of chat ids
    chats: dict[int, str]  # chats/<user id>.json of the chats that changed since the last save
    blobs: dict[str, bytes]  # files/<file_unique_id> not on disk yet (bytes are immutable)


class StateDir:
    """``state.json`` + ``chats/<user id>.json`` + ``files/`` under ``directory`` (created on first save).

    A save rewrites only what changed: the small ``state.json``, the chats whose ``version`` moved
    (every change to a chat bumps it; the web page's long poll relies on the same rule) and new
    files. Chats and files are written before ``state.json``, which lists the chats to load, so a
    crash mid-save leaves the previous consistent state.
    """

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.state_path = directory / STATE_FILE
        self.chats_dir = directory / CHATS_DIR
        self.files_dir = directory / FILES_DIR
        self._lock = threading.Lock()  # one writer at a time (a cancelled save may still be running)
        self._written: set[str] = set()  # blobs on disk
        self._chat_versions: dict[int, int] = {}  # chat versions handed to a save (loop side)
        self._last_head: str | None = None
        self._lock_fd: int | None = None

    def acquire(self) -> bool:
        """Take the directory for this process (an advisory ``flock``); False when another running
        sandbox holds it (two writers would overwrite each other's chats)."""
        self.directory.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.directory / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._lock_fd = fd
        return True

    @property
    def held(self) -> bool:
        return self._lock_fd is not None

    def release(self) -> None:
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # closing drops the flock
            self._lock_fd = None

    def _read_blob(self, name: str) -> bytes:
        return (self.files_dir / name).read_bytes()

    def load(self, state: SandboxState) -> bool:
        """Restore ``state`` from disk; False when there is nothing (or nothing usable) to restore.

        An unusable ``state.json`` is kept aside as ``state.json.bad`` and the sandbox starts empty.
        """
        try:
            text = self.state_path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return False
        try:
            data = json.loads(text)
            ids = data.pop("chat_ids")
            if not isinstance(ids, list) or not all(isinstance(i, int) and not isinstance(i, bool) for i in ids):
                raise StateError("chat_ids must be a list of integers")
            data["chats"] = [json.loads((self.chats_dir / f"{i}.json").read_text(encoding="utf-8")) for i in ids]
            restore(state, data, self._read_blob)
        except (StateError, ValueError, KeyError, AttributeError, OSError) as err:
            log.warning("sandbox state %s not restored (%s); starting empty", self.state_path, err)
            os.replace(self.state_path, self.state_path.with_name(STATE_FILE + ".bad"))
            state.chats.clear()
            state.files.clear()
            state.files_by_path.clear()
            state.queries.clear()
            state.updates = []
            return False
        with self._lock:
            self._written = {blob_name(f) for f in state.files.values()}
            self._last_head = text
        self._chat_versions = {user_id: chat.version for user_id, chat in state.chats.items()}
        log.info("sandbox state restored: %d chats, %d files", len(state.chats), len(state.files))
        return True

    def prepare(self, state: SandboxState) -> Pending:
        """Serialise what changed (on the event loop: the state is not thread-safe)."""
        chats = {}
        for user_id, chat in state.chats.items():
            if self._chat_versions.get(user_id) != chat.version:
                chats[user_id] = _json(chat_snapshot(chat))
                self._chat_versions[user_id] = chat.version
        head = _json(_head(state) | {"chat_ids": list(state.chats)})
        with self._lock:
            written = set(self._written)
        blobs = {name: f.data for f in state.files.values() if (name := blob_name(f)) not in written}
        return Pending(head, chats, blobs)

    def forget_versions(self) -> None:
        """A save failed: the next ``prepare`` serialises every chat again."""
        self._chat_versions.clear()

    def write(self, pending: Pending) -> bool:
        """Write new files and changed chats, then ``state.json`` if anything changed (thread-safe)."""
        with self._lock:
            wrote = False
            for name, data in pending.blobs.items():
                if name not in self._written:
                    self.files_dir.mkdir(parents=True, exist_ok=True)
                    _atomic_write(self.files_dir / name, data)
                    self._written.add(name)
                    wrote = True
            for user_id, text in pending.chats.items():
                self.chats_dir.mkdir(parents=True, exist_ok=True)
                _atomic_write(self.chats_dir / f"{user_id}.json", text.encode("utf-8"))
                wrote = True
            if wrote or pending.head != self._last_head:
                self.directory.mkdir(parents=True, exist_ok=True)
                _atomic_write(self.state_path, pending.head.encode("utf-8"))
                self._last_head = pending.head
                wrote = True
            return wrote

    def save(self, state: SandboxState) -> bool:
        """``prepare`` + ``write`` in one call (when no event loop is involved)."""
        return self.write(self.prepare(state))


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
