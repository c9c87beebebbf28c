"""The vendored Bot API 10.0 spec and a pure request validator.

``botapi10.0.json`` (beside this module) is PaulSonOfLars/telegram-bot-api-spec ``api.json`` at commit
9dca8b0 (Bot API 10.0, the version python-telegram-bot 22.8 targets; MIT licence; provenance in
tests/data/botapi/README.md).

``validate(method, params, attachments)`` returns human-readable violations (empty list: the request is
fine):

* unknown method, unknown parameter names, missing required parameters;
* wrong types: Integer, Float, Boolean, String, InputFile, ``Array of X``, object types and unions of
  them (``reply_markup``), abstract types resolved through their ``type`` discriminator
  (``MenuButton``, ``BotCommandScope``, ``InputMedia``), nested object fields checked recursively;
* form-encoded values are accepted the way the Bot API reads them (``"123"`` for Integer, ``"true"``
  for Boolean, JSON text for objects and arrays);
* limits the spec text states: ``N-M characters`` / ``N-M bytes`` (``after entities parsing`` parses
  ``parse_mode`` first), ``Values between N-M``, ``must be X`` / ``always "X"`` discriminators, and
  "Exactly one of the fields other than ..." (inline keyboard buttons);
* ``attach://name`` references to missing file parts, and file parts nothing refers to.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sandbox import markup

SPEC_PATH = Path(__file__).with_name("botapi10.0.json")

_RANGE_TEXT = re.compile(r"(\d+)-(\d+) (characters|bytes)")
_RANGE_VALUES = re.compile(r"[Vv]alues between (\d+)-(\d+)")
_MUST_BE = re.compile(r"(?:must be|always) [\"“]?([a-z_]+)[\"”]?")
_EXACTLY_ONE = re.compile(r"(Exactly|At most) one of the fields other than (.+?) must be used")
_INT = re.compile(r"-?\d+")
_SCALARS = frozenset({"Integer", "Float", "Boolean", "String", "InputFile"})


@dataclass(frozen=True)
class Upload:
    """A file part of a multipart/form-data request."""

    field: str
    filename: str
    content_type: str
    data: bytes


@dataclass(frozen=True)
class FieldSpec:
    name: str
    types: tuple[str, ...]
    required: bool
    description: str

    @property
    def text_limit(self) -> tuple[int, int, str] | None:
        m = _RANGE_TEXT.search(self.description)
        return (int(m.group(1)), int(m.group(2)), m.group(3)) if m else None

    @property
    def value_range(self) -> tuple[int, int] | None:
        m = _RANGE_VALUES.search(self.description)
        return (int(m.group(1)), int(m.group(2))) if m else None

    @property
    def after_entities(self) -> bool:
        return "after entities parsing" in self.description


@dataclass(frozen=True)
class MethodSpec:
    name: str
    fields: dict[str, FieldSpec]
    returns: tuple[str, ...]
    description: str


@dataclass(frozen=True)
class TypeSpec:
    name: str
    fields: dict[str, FieldSpec]
    subtypes: tuple[str, ...]
    description: str

    @property
    def discriminator(self) -> str | None:
        """The value the ``type`` field must have (``must be commands``), when the spec says so."""
        field = self.fields.get("type")
        if field is None:
            return None
        m = _MUST_BE.search(field.description)
        return m.group(1) if m else None

    @property
    def one_of_rule(self) -> tuple[bool, frozenset[str]] | None:
        """(exactly, excluded field names) from "Exactly/At most one of the fields other than ...."""
        m = _EXACTLY_ONE.search(self.description)
        if not m:
            return None
        names = frozenset(re.findall(r"[a-z_]+", m.group(2).replace(" and ", ",")))
        return m.group(1) == "Exactly", names

    @property
    def string_allowed(self) -> bool:
        return "String can be used instead of this object" in self.description


def _fields(raw: list[dict[str, Any]] | None) -> dict[str, FieldSpec]:
    return {
        f["name"]: FieldSpec(f["name"], tuple(f["types"]), bool(f["required"]), f.get("description", ""))
        for f in raw or []
    }


class BotApiSpec:
    """The Bot API as data: methods (looked up case-insensitively, like Telegram) and types."""

    def __init__(self, raw: Mapping[str, Any]) -> None:
        self.version: str = raw["version"]
        self.methods: dict[str, MethodSpec] = {}
        for name, m in raw["methods"].items():
            self.methods[name.lower()] = MethodSpec(
                name, _fields(m.get("fields")), tuple(m.get("returns", [])), " ".join(m.get("description", []))
            )
        self.types: dict[str, TypeSpec] = {
            name: TypeSpec(name, _fields(t.get("fields")), tuple(t.get("subtypes", [])),
                           " ".join(t.get("description", [])))
            for name, t in raw["types"].items()
        }

    def method(self, name: str) -> MethodSpec | None:
        return self.methods.get(name.lower())

    # -- validation -------------------------------------------------------------------------

    def validate(
        self, method: str, params: Mapping[str, object], attachments: Mapping[str, Upload] | None = None
    ) -> list[str]:
        spec = self.method(method)
        if spec is None:
            return [f"unknown method {method!r}"]
        errors: list[str] = []
        attachments = attachments or {}
        referenced: set[str] = set()
        for name, value in params.items():
            field = spec.fields.get(name)
            if field is None:
                errors.append(f"unknown parameter {name!r}")
                continue
            if value is None:
                continue
            errors.extend(
                self._check(value, field.types, name, top=True, attachments=attachments,
                            referenced=referenced)
            )
        for name, field in spec.fields.items():
            if field.required and params.get(name) is None:
                errors.append(f"missing required parameter {name!r}")
        errors.extend(self._limits(spec.fields, params, ""))
        for name in attachments:
            if name not in referenced:
                errors.append(f"file part {name!r} is not referenced by any parameter (attach://{name})")
        return errors

    def _check(
        self, value: object, types: tuple[str, ...], path: str, *, top: bool,
        attachments: Mapping[str, Upload], referenced: set[str],
    ) -> list[str]:
        """Violations of ``value`` against a union of type strings (empty when one alternative fits).

        When no alternative fits, the errors of the closest one are reported: one whose shape matches
        (an object for object types), sharing the most keys with the value, with the fewest errors.
        """
        if top and isinstance(value, str) and not set(types) & _SCALARS:
            try:
                value = json.loads(value)
            except ValueError:
                return [f"{path}: expected JSON-serialized {' or '.join(types)}, got {_show(value)}"]
            top = False
        ranked: list[tuple[bool, int, int, list[str]]] = []
        for type_name in types:
            errors = self._check_one(value, type_name, path, top=top, attachments=attachments,
                                     referenced=referenced)
            if not errors:
                return []
            mismatch = len(errors) == 1 and errors[0].startswith(f"{path}: expected ")
            ranked.append((mismatch, -self._affinity(value, type_name), len(errors), errors))
        ranked.sort(key=lambda r: r[:3])
        if all(r[0] for r in ranked) and len(types) > 1:
            return [f"{path}: expected {' or '.join(types)}, got {_show(value)}"]
        return ranked[0][3] if ranked else []

    def _affinity(self, value: object, type_name: str) -> int:
        type_spec = self.types.get(type_name)
        if isinstance(value, dict) and type_spec is not None:
            return len(set(value) & set(type_spec.fields))
        return 0

    def _check_one(
        self, value: object, type_name: str, path: str, *, top: bool,
        attachments: Mapping[str, Upload], referenced: set[str],
    ) -> list[str]:
        def bad() -> list[str]:
            return [f"{path}: expected {type_name}, got {_show(value)}"]

        if type_name == "Integer":
            if isinstance(value, bool) or not isinstance(value, int | str):
                return bad()
            if isinstance(value, str) and not _INT.fullmatch(value.strip()):
                return bad()
            return []
        if type_name == "Float":
            if isinstance(value, bool):
                return bad()
            if isinstance(value, int | float):
                return []
            if isinstance(value, str):
                try:
                    float(value)
                except ValueError:
                    return bad()
                return []
            return bad()
        if type_name == "Boolean":
            if isinstance(value, bool):
                return []
            if top and isinstance(value, str) and value.strip().lower() in ("true", "false", "1", "0"):
                return []
            return bad()
        if type_name == "String":
            if isinstance(value, str):
                if value.startswith("attach://"):
                    name = value[len("attach://") :]
                    referenced.add(name)
                    if name not in attachments:
                        return [f"{path}: {value} refers to a missing file part"]
                return []
            if top and isinstance(value, int | float) and not isinstance(value, bool):
                return []  # top-level JSON numbers are read as strings by the Bot API
            return bad()
        if type_name == "InputFile":
            if isinstance(value, Upload):
                referenced.add(value.field)
                return []
            return bad()
        if isinstance(value, Upload):
            return [f"{path}: a file upload is not allowed here (expected {type_name})"]
        if top and isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                return [f"{path}: expected JSON-serialized {type_name}, got {_show(value)}"]
        if type_name.startswith("Array of "):
            if not isinstance(value, list):
                return bad()
            inner = type_name[len("Array of ") :]
            errors: list[str] = []
            for k, item in enumerate(value):
                errors.extend(self._check(item, (inner,), f"{path}[{k}]", top=False, attachments=attachments,
                                          referenced=referenced))
            return errors
        type_spec = self.types.get(type_name)
        if type_spec is None:
            return [f"{path}: unknown type {type_name}"]
        if type_spec.string_allowed and isinstance(value, str):
            return []
        if not isinstance(value, dict):
            return bad()
        if type_spec.subtypes and not type_spec.fields:
            return self._check_abstract(value, type_spec, path, attachments, referenced)
        return self._check_object(value, type_spec, path, attachments, referenced)

    def _check_abstract(
        self, value: dict[str, Any], type_spec: TypeSpec, path: str,
        attachments: Mapping[str, Upload], referenced: set[str],
    ) -> list[str]:
        kinds: dict[str | None, list[str]] = {}
        for sub in (s for s in type_spec.subtypes if s in self.types):
            kinds.setdefault(self.types[sub].discriminator, []).append(sub)
        kind = value.get("type")
        if kind in kinds:
            # several subtypes may share a discriminator (InlineQueryResultVideo / …CachedVideo, both
            # "video"): the value is fine when it fits one of them; else the closest one's complaints
            found = [self._check_object(value, self.types[sub], path, attachments, referenced) for sub in kinds[kind]]
            return min(found, key=len)
        allowed = ", ".join(sorted(k for k in kinds if k))
        return [f"{path}.type: expected one of {allowed} for {type_spec.name}, got {_show(kind)}"]

    def _check_object(
        self, value: dict[str, Any], type_spec: TypeSpec, path: str,
        attachments: Mapping[str, Upload], referenced: set[str],
    ) -> list[str]:
        errors: list[str] = []
        for key, item in value.items():
            field = type_spec.fields.get(key)
            if field is None:
                errors.append(f"{path}.{key}: unknown field of {type_spec.name}")
                continue
            if item is None:
                continue
            errors.extend(self._check(item, field.types, f"{path}.{key}", top=False, attachments=attachments,
                                      referenced=referenced))
        for name, field in type_spec.fields.items():
            if field.required and value.get(name) is None:
                errors.append(f"{path}: missing required field {name!r} of {type_spec.name}")
        expected = type_spec.discriminator
        if expected is not None and value.get("type") not in (None, expected):
            errors.append(f"{path}.type: must be {expected!r}, got {_show(value.get('type'))}")
        rule = type_spec.one_of_rule
        if rule is not None:
            exactly, excluded = rule
            used = [k for k, v in value.items() if k not in excluded and k in type_spec.fields and v is not None]
            if len(used) > 1 or (exactly and not used):
                what = "exactly" if exactly else "at most"
                errors.append(f"{path}: {type_spec.name} needs {what} one of its optional fields "
                              f"other than {', '.join(sorted(excluded))}; got {used or 'none'}")
        errors.extend(self._limits(type_spec.fields, value, f"{path}."))
        return errors

    def _limits(self, fields: Mapping[str, FieldSpec], values: Mapping[str, object], prefix: str) -> list[str]:
        errors: list[str] = []
        for name, field in fields.items():
            value = values.get(name)
            if value is None:
                continue
            where = f"{prefix}{name}"
            limit = field.text_limit
            if limit is not None and isinstance(value, str) and field.types == ("String",):
                low, high, unit = limit
                text = value
                if field.after_entities:
                    mode = values.get(f"{name}_parse_mode", values.get("parse_mode"))
                    if isinstance(mode, str) and mode:
                        try:
                            text, _ = markup.parse(value, mode)
                        except markup.EntityParseError as err:
                            errors.append(f"{where}: can't parse entities: {err}")
                            continue
                        except ValueError as err:
                            errors.append(f"{where}: {err}")
                            continue
                    else:
                        text = value.strip()
                size = len(text.encode("utf-8")) if unit == "bytes" else markup.utf16_len(text)
                if not low <= size <= high:
                    errors.append(f"{where}: must be {low}-{high} {unit}, got {size}")
            span = field.value_range
            if span is not None and isinstance(value, int | str) and not isinstance(value, bool):
                number = int(value) if not isinstance(value, str) or _INT.fullmatch(value) else None
                if number is not None and not span[0] <= number <= span[1]:
                    errors.append(f"{where}: must be between {span[0]} and {span[1]}, got {number}")
        return errors


def _show(value: object) -> str:
    if isinstance(value, Upload):
        return f"file upload {value.filename!r}"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


@functools.cache
def load_spec(path: Path = SPEC_PATH) -> BotApiSpec:
    """The parsed spec (cached; the file is read once per process)."""
    return BotApiSpec(json.loads(path.read_text(encoding="utf-8")))


def validate(method: str, params: Mapping[str, object], attachments: Mapping[str, Upload] | None = None) -> list[str]:
    """Violations of one Bot API request against the vendored spec (see the module docstring)."""
    return load_spec().validate(method, params, attachments)
