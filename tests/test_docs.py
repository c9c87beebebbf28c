"""Documentation stays true: every setting and every bot command is in the README (and /help)."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import types
import typing
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, SecretStr

from petreel import i18n
from petreel.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"


def _load_generator() -> types.ModuleType:
    spec = importlib.util.spec_from_file_location("settings_table", ROOT / "scripts" / "settings_table.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


gen = _load_generator()


def _leaf_paths(model: type[BaseModel], prefix: str = "") -> set[str]:
    """Dotted paths of every leaf field, found independently of the generator."""
    paths: set[str] = set()
    for name, field in model.model_fields.items():
        ann = field.annotation
        if isinstance(ann, type) and issubclass(ann, BaseModel):
            paths |= _leaf_paths(ann, f"{prefix}{name}.")
        else:
            paths.add(prefix + name)
    return paths


def _readme_table() -> str:
    text = README.read_text(encoding="utf-8")
    start, end = text.find(gen.START), text.find(gen.END)
    assert start >= 0 and end > start, (
        f"README.md has no {gen.START} … {gen.END} block: add the markers where the configuration "
        "table belongs, then run `scripts/settings_table.py --write README.md`"
    )
    return text[start:end]


def test_generator_covers_every_field() -> None:
    rows = list(gen.iter_rows())
    assert {r.path for r in rows} == _leaf_paths(Settings)
    assert len({r.env[0] for r in rows}) == len(rows), "two settings share an environment variable"
    assert all(r.description for r in rows), "every Field needs a description"


def _sample(annotation: Any, current: Any) -> tuple[str, Any]:
    """A value different from ``current``: (text for the .env file, expected parsed value)."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        choice = next(a for a in args if a != current)
        return str(choice), choice
    if origin in (typing.Union, types.UnionType):
        return _sample(args[0], current)
    if origin is list and args and isinstance(args[0], type) and issubclass(args[0], BaseModel):
        item = {name: json.loads(_sample(f.annotation, None)[0]) for name, f in args[0].model_fields.items()}
        return json.dumps([item]), [args[0](**item)]
    if origin is list:
        return "[11, 22]", [11, 22]
    if annotation is bool:
        return ("false", False) if current else ("true", True)
    if annotation is int:
        return str((current or 0) + 7), (current or 0) + 7
    if annotation is float:
        return str((current or 0.0) + 0.25), (current or 0.0) + 0.25
    if annotation is SecretStr:
        return "sample-secret", "sample-secret"
    if annotation is Path:
        return "/tmp/sample-path", Path("/tmp/sample-path")
    if annotation is str:
        return "sample-text", "sample-text"
    raise AssertionError(f"no sample for {annotation}")


def test_documented_variable_names_really_set_the_setting(tmp_path: Path) -> None:
    """Write each documented variable into a .env file and load it: the setting must change."""
    defaults = Settings(_env_file=None)  # type: ignore[call-arg]
    expected: dict[str, Any] = {}
    lines = []
    for row in gen.iter_rows():
        owner: Any = defaults
        *groups, leaf = row.path.split(".")
        for g in groups:
            owner = getattr(owner, g)
        annotation = type(owner).model_fields[leaf].annotation
        for env in row.env:  # every accepted name, aliases included, in its own file
            text, value = _sample(annotation, getattr(owner, leaf))
            lines.append((env, text))
            expected[env] = (row.path, value)
    for env, text in lines:
        env_file = tmp_path / f"{env}.env"
        env_file.write_text(f"{env}={text}\n", encoding="utf-8")
        loaded: Any = Settings(_env_file=env_file)  # type: ignore[call-arg]
        path, value = expected[env]
        for part in path.split("."):
            loaded = getattr(loaded, part)
        if isinstance(loaded, SecretStr):
            loaded = loaded.get_secret_value()
        assert loaded == value, f"{env}={text} did not set {path}"


def test_configuration_md_is_generated_and_current() -> None:
    doc = (ROOT / "docs" / "CONFIGURATION.md").read_text(encoding="utf-8")
    assert doc == gen.render_document(), "run scripts/settings_table.py"


def test_markers_replacement_is_idempotent() -> None:
    text = f"intro\n{gen.START}\nold table\n{gen.END}\noutro\n"
    once = gen.replace_between_markers(text, "| new |\n")
    assert once == f"intro\n{gen.START}\n| new |\n{gen.END}\noutro\n"
    assert gen.replace_between_markers(once, "| new |\n") == once
    with pytest.raises(ValueError):
        gen.replace_between_markers("no markers", "x")


def test_every_setting_is_in_the_readme_table() -> None:
    table = _readme_table()
    missing = [row.env[0] for row in gen.iter_rows() if f"`{row.env[0]}`" not in table]
    assert not missing, f"README table lacks {missing}; run scripts/settings_table.py --write README.md"
    assert table == f"{gen.START}\n{gen.render_table()}", "README table is stale: scripts/settings_table.py --write README.md"


def _commands() -> tuple[list[tuple[str, str, str]], types.ModuleType]:
    return list(i18n.COMMANDS) + list(i18n.ADMIN_COMMANDS), i18n


def test_every_command_is_in_the_readme() -> None:
    commands, _ = _commands()
    readme = README.read_text(encoding="utf-8")
    missing = [c for c, _, _ in commands if not re.search(rf"/{re.escape(c)}\b", readme)]
    assert not missing, f"README.md does not mention {['/' + c for c in missing]}"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_command_is_in_the_help_text(lang: str) -> None:
    commands, i18n = _commands()
    help_text = i18n.t(lang, "help", commands=i18n.command_lines(lang, admin=True))
    missing = [c for c, _, _ in commands if not re.search(rf"/{re.escape(c)}\b", help_text)]
    assert not missing, f"/help ({lang}) lacks {missing}"
