# syntax=docker/dockerfile:1.7
#
# PetReel images. Two targets share one wheel-building stage:
#
#   docker build --target bot    -t petreel-bot .     # Telegram bot + /healthz + /metrics (CPU only)
#   docker build --target worker -t petreel-worker .  # render worker with CUDA torch + diffusers
#
# Both run as the unprivileged user "petreel" (uid 10001) and keep the database, clips and
# thumbnails in the /data volume (PETREEL_DATA_DIR=/data), so a bot and a worker container that
# mount the same volume share one SQLite queue (see docker-compose.yml).

ARG PYTHON_VERSION=3.11
ARG UV_VERSION=0.13.9
ARG CUDA_BASE=nvidia/cuda:12.8.1-base-ubuntu24.04

# uv is copied from its official image (a single static binary).
FROM ghcr.io/astral-sh/uv:${UV_VERSION} AS uv

# ---------------------------------------------------------------------------------------------
# wheels: build the project wheel and every dependency wheel once; later stages only install.
# No compilers or caches reach the runtime images.
# ---------------------------------------------------------------------------------------------
FROM python:${PYTHON_VERSION}-slim AS wheels
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY pyproject.toml README.md ./
COPY petreel ./petreel
COPY bot ./bot
COPY render ./render
COPY storage ./storage
COPY story ./story
COPY worker ./worker
COPY ops ./ops
COPY sandbox ./sandbox
RUN pip wheel --wheel-dir /wheels .

# ---------------------------------------------------------------------------------------------
# bot: python:3.11-slim, the project without the gpu extra. ffmpeg comes from the imageio-ffmpeg
# wheel (a static binary), so no Debian ffmpeg. espeak-ng (Chinese narration) and Noto CJK fonts
# (Chinese captions) make this image able to run a CPU storyboard worker too (compose profile "cpu").
# ---------------------------------------------------------------------------------------------
FROM python:${PYTHON_VERSION}-slim AS bot
ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PATH=/opt/venv/bin:$PATH \
    PETREEL_DATA_DIR=/data \
    PETREEL_HTTP_HOST=0.0.0.0 \
    PETREEL_HTTP_PORT=8080
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      espeak-ng fonts-noto-cjk fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
RUN --mount=type=bind,from=wheels,source=/wheels,target=/wheels \
    python -m venv /opt/venv \
 && /opt/venv/bin/pip install --no-index --find-links /wheels petreel
RUN useradd --system --uid 10001 --user-group --create-home --home-dir /home/petreel petreel \
 && install -d -o petreel -g petreel /data
VOLUME ["/data"]
WORKDIR /home/petreel
USER petreel
EXPOSE 8080
# GET /healthz on PETREEL_HTTP_PORT (python urllib: the slim image has no curl).
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["python", "-m", "ops.server", "probe"]
STOPSIGNAL SIGTERM
CMD ["petreel", "bot"]

# ---------------------------------------------------------------------------------------------
# worker: CUDA render worker.
# Why this base: PyPI's Linux torch wheels are CUDA builds that bring their own CUDA runtime,
# cuBLAS and cuDNN as nvidia-* wheels, so a full "runtime"/"cudnn" CUDA image would only duplicate
# gigabytes of libraries. The small nvidia/cuda "base" image gives what the NVIDIA container
# toolkit needs (NVIDIA_VISIBLE_DEVICES / NVIDIA_DRIVER_CAPABILITIES / NVIDIA_REQUIRE_CUDA driver
# check). Ubuntu 24.04 ships Python 3.12 only, so uv installs the same CPython 3.11 the bot image
# uses (python-build-standalone) instead of a deadsnakes PPA.
# To pin a CUDA flavour of torch: --build-arg TORCH_INDEX_URL=https://download.pytorch.org/whl/cu128
# ---------------------------------------------------------------------------------------------
FROM ${CUDA_BASE} AS worker
ARG PYTHON_VERSION
ARG TORCH_INDEX_URL=
ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    UV_PYTHON_INSTALL_DIR=/opt/python \
    UV_LINK_MODE=copy \
    UV_COMPILE_BYTECODE=1 \
    UV_NO_CACHE=1 \
    PATH=/opt/venv/bin:$PATH \
    PETREEL_DATA_DIR=/data \
    PETREEL_RENDER__DEVICE=cuda \
    HF_HOME=/models/hf \
    NVIDIA_DRIVER_CAPABILITIES=compute,utility
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      ca-certificates espeak-ng fonts-noto-cjk fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
COPY --from=uv /uv /usr/local/bin/uv
RUN uv python install ${PYTHON_VERSION} \
 && uv venv --python ${PYTHON_VERSION} /opt/venv
# The project wheel from the shared stage (named by file, so no index can substitute another
# "petreel") plus the gpu extra (torch, diffusers, transformers, ...).
RUN --mount=type=bind,from=wheels,source=/wheels,target=/wheels \
    whl=$(echo /wheels/petreel-*.whl) \
 && uv pip install --python /opt/venv/bin/python --find-links /wheels \
      ${TORCH_INDEX_URL:+--extra-index-url ${TORCH_INDEX_URL} --index-strategy unsafe-best-match} \
      "petreel[gpu] @ file://${whl}"
RUN useradd --system --uid 10001 --user-group --create-home --home-dir /home/petreel petreel \
 && install -d -o petreel -g petreel /data /models
VOLUME ["/data", "/models"]
WORKDIR /home/petreel
USER petreel
# The worker serves no HTTP: the same /healthz rule is applied straight to the database
# (fresh lease heartbeat, or an idle queue).
HEALTHCHECK --interval=30s --timeout=10s --start-period=120s --retries=3 \
    CMD ["python", "-m", "ops.server", "worker-check"]
# SIGTERM: the worker finishes or releases its current job's lease (compose waits stop_grace_period).
STOPSIGNAL SIGTERM
CMD ["petreel", "worker"]
