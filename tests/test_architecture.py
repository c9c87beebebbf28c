"""The package layers of docs/ARCHITECTURE.md, enforced by reading every module's imports (ast).

Each top-level package is one layer and may import only the layers listed for it. ``petreel`` is
the shared core (settings, errors, texts, logs, metrics); its composition root (``petreel.cli``,
``petreel.serve``) is the one place allowed to import every layer, since it wires them together.
Any cycle between project modules fails too, including imports made inside functions.
"""

from __future__ import annotations

import ast
import io
import re
import shutil
import subprocess
import tarfile
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# layer -> layers it may import (besides itself). The arrows of docs/ARCHITECTURE.md.
ALLOWED: dict[str, set[str]] = {
    "petreel": set(),
    "story": {"petreel"},
    "render": {"petreel", "story"},
    "storage": {"petreel"},
    "worker": {"petreel", "story", "render", "storage"},
    "bot": {"petreel", "story", "storage"},
    "ops": {"petreel", "storage"},
    "sandbox": {"petreel"},  # stands apart from the bot; may read clips through petreel.mp4
}
COMPOSITION_ROOT = {"petreel.cli", "petreel.serve"}
LAYERS = set(ALLOWED)


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    """ids of the nodes inside ``if TYPE_CHECKING:`` blocks (imports for annotations only)."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test) in {"TYPE_CHECKING", "typing.TYPE_CHECKING"}:
            for stmt in node.body:
                inside.update(id(n) for n in ast.walk(stmt))
    return inside


def project_imports(path: Path, mods: dict[str, Path], *, runtime_only: bool = False, root: Path = ROOT) -> set[str]:
    """Every project module ``path`` imports, at any depth (functions included), absolute or relative.
    ``from pkg import mod`` counts as importing ``pkg.mod`` when that is a module, else ``pkg``."""
    me = module_name(path, root)
    package = me if path.name == "__init__.py" else me.rpartition(".")[0]
    found: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _type_checking_nodes(tree) if runtime_only else set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            for a in node.names:
                found.add(f"{target}.{a.name}" if f"{target}.{a.name}" in mods else target)
    return {m for m in found if m.split(".")[0] in LAYERS}


def all_modules(root: Path = ROOT) -> dict[str, Path]:
    mods: dict[str, Path] = {}
    for layer in LAYERS:
        for path in (root / layer).rglob("*.py"):
            mods[module_name(path, root)] = path
    return mods


def resolve(name: str, mods: dict[str, Path]) -> str | None:
    """The project module ``name`` refers to (a name imported from a module resolves to the module)."""
    while name:
        if name in mods:
            return name
        name = name.rpartition(".")[0]
    return None


def import_graph(*, runtime_only: bool = False, root: Path = ROOT) -> dict[str, set[str]]:
    """module -> the project modules it imports; ``runtime_only`` leaves out ``if TYPE_CHECKING:``."""
    mods = all_modules(root)
    graph: dict[str, set[str]] = defaultdict(set)
    for name, path in mods.items():
        for target in project_imports(path, mods, runtime_only=runtime_only, root=root):
            resolved = resolve(target, mods)
            if resolved is not None and resolved != name:
                graph[name].add(resolved)
    return graph


def layer_violations(graph: dict[str, set[str]]) -> list[str]:
    bad = []
    for src, targets in sorted(graph.items()):
        if src in COMPOSITION_ROOT:
            continue
        layer = src.split(".")[0]
        for dst in sorted(targets):
            other = dst.split(".")[0]
            if other != layer and other not in ALLOWED[layer]:
                bad.append(f"{src} imports {dst}: {layer}/ may import only {sorted(ALLOWED[layer]) or 'nothing'}")
            if other == "petreel" and dst in COMPOSITION_ROOT:
                bad.append(f"{src} imports the composition root {dst}")
    return bad


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in sorted(set(graph) | {w for ws in graph.values() for w in ws}):
        if v not in index:
            visit(v)
    return found


def test_every_import_points_down_the_layers() -> None:
    assert layer_violations(import_graph()) == []


def test_no_import_cycles() -> None:
    """Cycles among the imports that run (annotation-only imports under TYPE_CHECKING never execute)."""
    assert cycles(import_graph(runtime_only=True)) == []


def test_no_dynamic_imports_of_project_modules() -> None:
    """``importlib.import_module("render.x")`` hides an edge from this test and from mypy."""
    assert dynamic_imports() == []


def dynamic_imports(root: Path = ROOT) -> list[str]:
    offenders = []
    for name, path in all_modules(root).items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute | ast.Name)
                and getattr(node.func, "attr", getattr(node.func, "id", "")) in {"import_module", "__import__"}
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and str(node.args[0].value).split(".")[0] in LAYERS
            ):
                offenders.append(f"{name}: {node.args[0].value}")
    return offenders


def test_project_import_errors_are_never_swallowed() -> None:
    """``try: import render.x / except ImportError`` would let a command vanish without a traceback."""
    assert swallowed_import_errors() == []


def _callee(call: ast.Call) -> str:
    return str(getattr(call.func, "attr", getattr(call.func, "id", "")))


def swallowed_import_errors(root: Path = ROOT) -> list[str]:
    offenders = []
    for name, path in all_modules(root).items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Try):
                continue
            catches = {
                ast.unparse(h.type) for h in node.handlers if h.type is not None
            }
            if not any("ImportError" in c or "ModuleNotFoundError" in c for c in catches):
                continue
            for inner in node.body:
                for sub in ast.walk(inner):
                    if isinstance(sub, ast.ImportFrom) and (sub.module or "").split(".")[0] in LAYERS:
                        offenders.append(f"{name} line {sub.lineno}: from {sub.module}")
                    if isinstance(sub, ast.Import):
                        offenders += [f"{name} line {sub.lineno}: import {a.name}"
                                      for a in sub.names if a.name.split(".")[0] in LAYERS]
                    # a computed name can't be told apart from a project module: never under the guard
                    if isinstance(sub, ast.Call) and _callee(sub) in {"import_module", "__import__"}:
                        offenders.append(f"{name} line {sub.lineno}: {ast.unparse(sub)}")
    return offenders


def test_tests_never_skip_on_a_missing_project_module() -> None:
    assert skips_on_project_modules() == []


def skips_on_project_modules(root: Path = ROOT) -> list[str]:
    offenders = []
    for path in (root / "tests").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "attr", "") in {"importorskip", "find_spec"}
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and str(node.args[0].value).split(".")[0] in LAYERS
            ):
                offenders.append(f"{path.name}: {node.args[0].value}")
    return offenders


@pytest.mark.parametrize(
    ("graph", "expected"),
    [
        ({"storage.store": {"render.stages"}}, ["storage.store imports render.stages"]),
        ({"render.worker": {"storage.store"}}, ["render.worker imports storage.store"]),
        ({"petreel.ops": {"storage.store"}}, ["petreel.ops imports storage.store"]),
        ({"bot.app": {"story.script", "storage.store"}}, []),
        ({"petreel.cli": {"worker.runner", "bot.app"}}, []),
    ],
)
def test_the_checker_catches_what_was_on_the_old_main(graph: dict[str, set[str]], expected: list[str]) -> None:
    """The layouts found before the reorganisation (render.worker importing storage, storage
    importing render, the ops app in the core) are exactly what the checker refuses."""
    assert [v.split(":")[0] for v in layer_violations(graph)] == expected


def test_the_cycle_finder_sees_a_two_module_loop() -> None:
    assert cycles({"render.pipeline": {"render.diffusion.backend"},
                   "render.diffusion.backend": {"render.pipeline"}}) == [
        ["render.diffusion.backend", "render.pipeline"]
    ]


OLD_MAIN = "5d98b0f"  # the tree before the reorganisation (issue #10)


def test_every_check_fails_on_the_old_main(tmp_path: Path) -> None:
    """The checks run on the tree of 5d98b0f, read from git history: each finds what was wrong there
    (render importing storage, storage importing render, the ops app in the core importing storage,
    the importlib-hidden loop, the swallowed ImportErrors, the importorskip of project modules)."""
    git = shutil.which("git")
    if git is None or subprocess.run([git, "-C", str(ROOT), "cat-file", "-e", f"{OLD_MAIN}^{{commit}}"],
                                     capture_output=True).returncode != 0:
        pytest.skip(f"no git history with {OLD_MAIN} (a shallow clone or a source archive)")
    archive = subprocess.run([git, "-C", str(ROOT), "archive", "--format=tar", OLD_MAIN], capture_output=True, check=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(tmp_path, filter="data")
    violations = {v.split(":")[0] for v in layer_violations(import_graph(root=tmp_path))}
    assert {"storage.store imports render.stages", "render.worker imports storage.store",
            "petreel.ops imports storage.store"} <= violations
    assert any(v.startswith("render.pipeline: render.diffusers_backend") for v in dynamic_imports(tmp_path))
    swallowed = swallowed_import_errors(tmp_path)
    assert any(v.startswith("petreel.cli line") and "__import__(name" in v for v in swallowed)
    assert any(v.startswith("bot.delivery line") and "petreel.metrics" in v for v in swallowed)
    assert skips_on_project_modules(tmp_path)


def test_the_architecture_doc_names_every_module_and_only_real_ones() -> None:
    """docs/ARCHITECTURE.md as a newcomer reads it: every path it names exists, and every module is
    named, by its path or by its name under its package's entry (``render/painter/`` … ``pets.py``)."""
    doc = (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    quoted = set(re.findall(r"`([^`\s]+)`", doc))
    named = {q for q in quoted if re.fullmatch(r"[a-z_]+(/[a-z_*]+)*(\.py|\.json|/)", q) and q.split("/")[0] in LAYERS}
    missing_paths = [q for q in named if "*" not in q and not (ROOT / q).exists()]
    assert missing_paths == [], f"docs/ARCHITECTURE.md names paths that do not exist: {missing_paths}"
    unnamed = []
    for path in sorted(all_modules().values()):
        rel = path.relative_to(ROOT).as_posix()
        if path.name == "__init__.py" or rel in quoted:
            continue
        package = rel.rpartition("/")[0] + "/"
        under_package = package in quoted or f"{package}*.py" in quoted
        if not (under_package and ({path.name, path.stem} & quoted)):
            unnamed.append(rel)
    assert unnamed == [], f"docs/ARCHITECTURE.md does not name {unnamed}"


def unresolved_names(files: list[Path], root: Path = ROOT) -> list[str]:
    """Every `from <project module> import name` in ``files`` whose name the module no longer has
    (a function-level import fails only when that function runs: the story eval's props block once
    stopped on a name its module had stopped re-exporting)."""
    import importlib

    mods = all_modules(root)
    found: list[str] = []
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.ImportFrom) and node.module and node.level == 0):
                continue
            if resolve(node.module, mods) != node.module:
                continue
            module = importlib.import_module(node.module)
            for alias in node.names:
                if alias.name == "*" or hasattr(module, alias.name) or f"{node.module}.{alias.name}" in mods:
                    continue
                found.append(f"{path.name}:{node.lineno}: {node.module} has no {alias.name}")
    return found


def test_every_project_name_that_bench_scripts_and_tests_import_exists() -> None:
    files = [p for d in ("bench", "scripts", "tests") for p in sorted((ROOT / d).glob("*.py"))]
    assert len(files) > 100
    assert unresolved_names(files) == []


def test_a_name_a_module_no_longer_has_is_found(tmp_path: Path) -> None:
    bench = tmp_path / "b.py"
    bench.write_text("def f():\n    from story.venues import shop_kind, no_such_name\n")
    assert unresolved_names([bench]) == ["b.py:2: story.venues has no no_such_name"]
