"""The container files as an operator reads them (no Docker engine here): the Dockerfile's targets,
layers, pins and users; the compose files; the pinned requirement files; the slim bot image's
imports; the GPU worker's no-model start; secrets read from files."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from petreel.settings import SECRETS_DIR_ENV, WorkerSettings, load_settings

ROOT = Path(__file__).resolve().parent.parent
TARGETS = ("bot", "worker-cpu", "worker")
RENDER_ONLY = ("piper", "imageio_ffmpeg", "rich", "onnxruntime", "torch", "diffusers", "transformers", "cv2")


# -- the Dockerfile, as instructions --------------------------------------------------------------------


def instructions(text: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with line continuations joined and comments dropped."""
    out: list[tuple[str, str]] = []
    buf = ""
    for line in text.splitlines():
        stripped = line.strip()
        if not buf and (not stripped or stripped.startswith("#")):
            continue
        if stripped.startswith("#"):
            continue
        buf += " " + stripped.removesuffix("\\").strip()
        if not stripped.endswith("\\"):
            word, _, rest = buf.strip().partition(" ")
            out.append((word.upper(), rest.strip()))
            buf = ""
    return out


def stages() -> tuple[dict[str, str], dict[str, list[tuple[str, str]]]]:
    """Global ARG defaults, and each stage's instructions by stage name."""
    args: dict[str, str] = {}
    by_stage: dict[str, list[tuple[str, str]]] = {}
    current: list[tuple[str, str]] | None = None
    for word, rest in instructions((ROOT / "Dockerfile").read_text(encoding="utf-8")):
        if word == "FROM":
            parts = rest.split()
            name = parts[parts.index("AS") + 1] if "AS" in parts else f"stage{len(by_stage)}"
            current = by_stage.setdefault(name, [])
            current.append((word, parts[0]))
        elif current is None and word == "ARG" and "=" in rest:
            key, _, value = rest.partition("=")
            args[key] = value
        elif current is not None:
            current.append((word, rest))
    return args, by_stage


def test_every_base_image_is_pinned_by_digest() -> None:
    args, by_stage = stages()
    for name, steps in by_stage.items():
        image = steps[0][1]
        if image in by_stage or image == "scratch":
            continue
        resolved = re.sub(r"\$\{(\w+)\}", lambda m: args.get(m.group(1), m.group(0)), image)
        assert re.search(r"@sha256:[0-9a-f]{64}$", resolved), f"stage {name}: {image} -> {resolved} has no digest"


def test_targets_run_as_a_numeric_user_with_labels_and_no_anonymous_volumes() -> None:
    _, by_stage = stages()
    assert all(word != "VOLUME" for steps in by_stage.values() for word, _ in steps)
    for target in TARGETS:
        steps = by_stage[target]
        users = [rest for word, rest in steps if word == "USER"]
        assert users and re.fullmatch(r"\d+:\d+", users[-1]), f"{target}: USER {users}"
        labels = " ".join(rest for word, rest in steps if word == "LABEL")
        assert "org.opencontainers.image.title" in labels and "org.opencontainers.image.description" in labels
        assert any(word == "HEALTHCHECK" for word, _ in steps) and any(word == "CMD" for word, _ in steps)


def test_dependencies_are_installed_before_the_source_and_cached() -> None:
    """A code change must not reinstall torch: each target installs its lock first, then the project
    from the ``source`` stage with --no-deps; package installs use BuildKit cache mounts."""
    _, by_stage = stages()
    for target in TARGETS:
        runs = [rest for word, rest in by_stage[target] if word == "RUN"]
        lock = next(i for i, r in enumerate(runs) if "--requirement /tmp/requirements.txt" in r)
        project = next(i for i, r in enumerate(runs) if "from=source" in r)
        assert lock < project == len(runs) - 1, target
        assert "--no-deps" in runs[project]
        for r in runs:
            if re.search(r"(pip|uv pip) install --(requirement|index-url)", r):
                assert "--mount=type=cache" in r, f"{target}: uncached install: {r[:80]}"
        copies = [rest for word, rest in by_stage[target] if word == "COPY"]
        assert all("requirements" in c or "--from=uv" in c for c in copies), f"{target} copies source: {copies}"


def test_the_source_stage_copies_every_package_the_project_ships() -> None:
    _, by_stage = stages()
    copied = {src for word, rest in by_stage["source"] if word == "COPY" for src in rest.split()[:-1]}
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    packages = {p.rstrip("*") for p in project["tool"]["setuptools"]["packages"]["find"]["include"]}
    assert packages | {"pyproject.toml", "README.md"} <= copied


KNOWN = {"FROM", "RUN", "COPY", "ADD", "ENV", "ARG", "WORKDIR", "USER", "EXPOSE", "HEALTHCHECK", "CMD",
         "ENTRYPOINT", "LABEL", "SHELL", "STOPSIGNAL"}


def test_stages_are_named_ordered_and_their_files_exist() -> None:
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert all(word in KNOWN for word, _ in instructions(text))
    assert all(len(rest.split()) == 3 for word, rest in instructions(text) if word == "FROM"), "unnamed stage"
    _, by_stage = stages()
    order = list(by_stage)
    for name, steps in by_stage.items():
        for _, rest in steps:
            for ref in re.findall(r"--from=([\w.-]+)", rest) + re.findall(r"from=([\w.-]+),", rest):
                assert ref in by_stage and order.index(ref) < order.index(name), f"{name}: {ref}"
    ignored = {p.strip() for p in (ROOT / ".dockerignore").read_text().splitlines() if p.strip() and not p.startswith("#")}
    for name, steps in by_stage.items():
        for word, rest in steps:
            if word == "COPY" and "--from" not in rest:
                for src in rest.split()[:-1]:
                    assert (ROOT / src).exists(), f"{name}: COPY {src}"
                    assert src.split("/")[0] not in ignored, f"{src} is in .dockerignore"


def test_targets_drop_root_after_installing_and_check_their_health() -> None:
    _, by_stage = stages()
    for target in TARGETS:
        words = [w for w, _ in by_stage[target]]
        assert words.index("USER") > max(i for i, w in enumerate(words) if w == "RUN"), f"{target}: USER early"
        env = " ".join(a for w, a in by_stage[target] if w == "ENV") + " ".join(
            a for w, a in by_stage["python"] if w == "ENV")
        assert "PETREEL_DATA_DIR=/data" in env
        health = [a for w, a in by_stage[target] if w == "HEALTHCHECK"]
        assert len(health) == 1
        sub = health[0].rsplit('"', 2)[-2]
        assert sub == ("probe" if target == "bot" else "worker-check")
    ops = (ROOT / "ops" / "server.py").read_text(encoding="utf-8")  # the subcommands the checks run
    assert '"probe"' in ops and '"worker-check"' in ops


def test_torch_flavour_matches_the_cuda_base() -> None:
    args, _ = stages()
    cuda = re.search(r"nvidia/cuda:(\d+)\.(\d+)", args["CUDA_IMAGE"])
    assert cuda is not None
    assert args["TORCH_INDEX_URL"].endswith(f"/cu{cuda.group(1)}{cuda.group(2)}")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    gpu = [Requirement(r) for r in project["project"]["optional-dependencies"]["gpu"]]
    torch = next(r for r in gpu if r.name == "torch")
    assert torch.specifier.contains(args["TORCH_VERSION"])


def test_bot_image_listens_for_webhooks_on_all_interfaces() -> None:
    _, by_stage = stages()
    env = " ".join(rest for word, rest in by_stage["bot"] if word == "ENV")
    assert "PETREEL_TELEGRAM__WEBHOOK_LISTEN=0.0.0.0" in env and "PETREEL_TELEGRAM__WEBHOOK_PORT=8443" in env
    assert any(word == "EXPOSE" and "8443" in rest for word, rest in by_stage["bot"])


# -- the pinned requirement files ------------------------------------------------------------------------


def pins(name: str) -> dict[str, str]:
    out = {}
    for line in (ROOT / "docker" / name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            pkg, _, version = line.partition("==")
            out[canonicalize_name(pkg)] = version
    return out


@pytest.mark.parametrize(
    ("lock", "extras"),
    [("requirements-bot.txt", ()), ("requirements-worker-cpu.txt", ("render",)),
     ("requirements-worker-gpu.txt", ("render", "gpu"))],
)
def test_each_lock_pins_every_direct_requirement(lock: str, extras: tuple[str, ...]) -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [Requirement(r) for r in project["dependencies"]]
    for extra in extras:
        wanted += [Requirement(r) for r in project["optional-dependencies"][extra]]
    pinned = pins(lock)
    for req in wanted:
        key = canonicalize_name(req.name)
        if lock.endswith("gpu.txt") and key == "torch":
            continue  # from PyTorch's CUDA index (Dockerfile)
        assert key in pinned, f"{lock} lacks {req.name}: run scripts/lock_requirements.py"
        assert req.specifier.contains(pinned[key], prereleases=True), f"{lock}: {req} vs {pinned[key]}"


def test_the_bot_lock_carries_no_render_stack() -> None:
    bot = pins("requirements-bot.txt")
    assert not {"piper-tts", "imageio-ffmpeg", "onnxruntime", "torch", "rich", "opencv-python-headless"} & set(bot)


def test_the_bot_runs_without_the_render_stack() -> None:
    """What the slim bot image has: none of the render-only packages. The CLI, the bot, the sandbox,
    storage and ops import and start their help without them."""
    code = textwrap.dedent(f"""
        import importlib.abc, sys
        class Block(importlib.abc.MetaPathFinder):
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in {RENDER_ONLY!r}:
                    raise ImportError("not in the bot image: " + name)
        sys.meta_path.insert(0, Block())
        import bot.app, ops.server, sandbox.server, storage.store, story.offline, story.llm
        from petreel.cli import main
        try:
            main(["bot", "--help"])
        except SystemExit as exc:
            sys.exit(exc.code)
    """)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PTB_TIMEDELTA": "true"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "usage: petreel bot" in done.stdout


# -- compose ---------------------------------------------------------------------------------------------


def compose(name: str = "docker-compose.yml") -> dict:  # type: ignore[type-arg]
    data = yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_compose_services_use_their_targets_and_named_volumes() -> None:
    data = compose()
    services = data["services"]
    assert {s: services[s]["build"]["target"] for s in ("bot", "worker", "worker-cpu")} == {
        "bot": "bot", "worker": "worker", "worker-cpu": "worker-cpu"}
    assert services["worker-cpu"]["profiles"] == ["cpu"]
    declared = set(data["volumes"])
    # The "postgres" profile shares nothing but the database URL (test below); the rest is one host.
    services = {n: s for n, s in services.items() if "postgres" not in s.get("profiles", [])}
    for name, service in services.items():
        for volume in service.get("volumes", []):
            source, _, target = volume.partition(":")
            assert source in declared, f"{name}: {volume} is not a named volume"
            assert target.startswith("/")
        assert re.fullmatch(r"\d+:\d+", service["user"]), name
    for name, service in services.items():
        assert service["env_file"] == [{"path": ".env", "required": False}]
        assert service["restart"] in ("unless-stopped", "always", "on-failure")
        assert "petreel-data:/data" in service["volumes"], f"{name} does not share the data volume"
    devices = services["worker"]["deploy"]["resources"]["reservations"]["devices"]
    assert devices == [{"driver": "nvidia", "count": 1, "capabilities": ["gpu"]}]
    for name in ("worker", "worker-cpu"):
        grace = services[name]["stop_grace_period"]
        assert float(grace.rstrip("s")) > WorkerSettings().lease_s, f"{name}: the grace must cover a lease"
    ports = services["bot"]["ports"]
    assert any(p.endswith(":8443") for p in ports) and any(p.endswith(":8080") for p in ports)
    assert all(p.startswith("127.0.0.1:") for p in ports if ":8080" in p)


def test_postgres_profile_runs_bot_and_workers_sharing_only_the_database_url() -> None:
    data = compose()
    services = {n: s for n, s in data["services"].items() if "postgres" in s.get("profiles", [])}
    assert set(services) == {"postgres", "bot-pg", "worker-pg"}
    urls = {services[n]["environment"]["PETREEL_DATABASE_URL"] for n in ("bot-pg", "worker-pg")}
    assert len(urls) == 1 and next(iter(urls)).startswith("postgresql://") and "@postgres:5432/" in next(iter(urls))
    mounts = {n: {v.partition(":")[0] for v in services[n]["volumes"]} for n in ("bot-pg", "worker-pg")}
    assert not mounts["bot-pg"] & mounts["worker-pg"]  # no volume in common: clips travel in the database
    assert "petreel-data" not in mounts["bot-pg"] | mounts["worker-pg"]
    for name in ("bot-pg", "worker-pg"):
        assert re.fullmatch(r"\d+:\d+", services[name]["user"]), name
        assert services[name]["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert services["worker-pg"]["build"]["target"] == "worker-cpu"
    assert float(services["worker-pg"]["stop_grace_period"].rstrip("s")) > WorkerSettings().lease_s
    assert "pg_isready" in " ".join(services["postgres"]["healthcheck"]["test"])


def test_secrets_overlay_mounts_files_for_the_bot_only() -> None:
    data = compose("docker-compose.secrets.yml")
    assert data["services"]["bot"]["secrets"] == ["telegram_bot_token"]
    assert data["secrets"]["telegram_bot_token"]["file"].startswith("./secrets/")
    assert set(data["services"]) == {"bot"}


def test_settings_read_secret_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "telegram_bot_token").write_text("777:FROM-FILE\n")
    (tmp_path / "PETREEL_LLM__API_KEY").write_text("sk-file")
    monkeypatch.setenv(SECRETS_DIR_ENV, str(tmp_path))
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    monkeypatch.delenv("PETREEL_TELEGRAM__TOKEN", raising=False)
    settings = load_settings()
    assert settings.token is not None and settings.token.get_secret_value() == "777:FROM-FILE"
    assert settings.llm.api_key is not None and settings.llm.api_key.get_secret_value() == "sk-file"
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "1:FROM-ENV")
    token = load_settings().token
    assert token is not None and token.get_secret_value() == "1:FROM-ENV"  # a variable wins


def test_gpu_worker_without_a_model_starts_on_the_cpu_painter(tmp_path: Path) -> None:
    """A fresh `docker compose up` has no model in the volume: one warning, no traceback, exit 0
    (no restart loop), and the worker renders with the storyboard painter."""
    env = {
        **os.environ, "PYTHONPATH": str(ROOT), "PTB_TIMEDELTA": "true", "HF_HUB_OFFLINE": "1",
        "PETREEL_DATA_DIR": str(tmp_path), "PETREEL_RENDER__BACKEND": "diffusers",
    }
    env.pop("PETREEL_RENDER__MODEL_PATH", None)
    done = subprocess.run([sys.executable, "-m", "petreel.cli", "worker", "--once"], capture_output=True,
                          text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    warnings = [line for line in done.stderr.splitlines() if "PETREEL_RENDER__MODEL_PATH" in line]
    assert len(warnings) == 1 and "CPU storyboard painter" in warnings[0]
