# syntax=docker/dockerfile:1.7
#
# PetReel images, three targets:
#
#   docker build --target bot        -t petreel-bot .         # Telegram bot + web chat page + /healthz + /metrics
#   docker build --target worker-cpu -t petreel-worker-cpu .  # CPU storyboard render worker
#   docker build --target worker     -t petreel-worker .      # GPU render worker: CUDA 12.8 torch + diffusers
#
# Layers: each image installs its pinned dependencies (docker/requirements-*.txt, written by
# scripts/lock_requirements.py) before it copies the source, with BuildKit cache mounts, so a code
# change rebuilds only the last small layer. Base images are pinned by digest (refresh them with
# `docker buildx imagetools inspect <image:tag>` and update the ARGs below).
#
# Every image runs as uid:gid 10001:10001 and keeps its state under /data (PETREEL_DATA_DIR).
# With SQLite (the default) the bot and its workers must share that one directory on ONE host;
# for workers on other hosts use PostgreSQL (README: "When one machine is not enough").

ARG PYTHON_VERSION=3.11
ARG PYTHON_IMAGE=python:3.11-slim-bookworm@sha256:a36c24f9cbdf4fd0f52d67f0823eeac19c2028c637cecc392d97f980d4fec56b
ARG CUDA_IMAGE=nvidia/cuda:12.8.1-base-ubuntu24.04@sha256:133c78a0575303be34164d0b90137a042172bdf60696af01a3c424ab402d86e2
ARG UV_IMAGE=ghcr.io/astral-sh/uv:0.8.17@sha256:e4644cb5bd56fdc2c5ea3ee0525d9d21eed1603bccd6a21f887a938be7e85be1
# torch's CUDA flavour, matching the CUDA 12.8 base image
ARG TORCH_VERSION=2.13.0
ARG TORCH_INDEX_URL=https://download.pytorch.org/whl/cu128
ARG PETREEL_VERSION=0.1.0

FROM ${UV_IMAGE} AS uv

# ---------------------------------------------------------------------------------------------
# source: the project tree only (tests, docs and benches stay out: .dockerignore)
# ---------------------------------------------------------------------------------------------
FROM scratch AS source
WORKDIR /src
COPY pyproject.toml README.md ./
COPY petreel ./petreel
COPY story ./story
COPY render ./render
COPY storage ./storage
COPY worker ./worker
COPY bot ./bot
COPY ops ./ops
COPY sandbox ./sandbox

# ---------------------------------------------------------------------------------------------
# python: the slim base shared by the bot and the CPU worker: a venv and the numeric user
# ---------------------------------------------------------------------------------------------
FROM ${PYTHON_IMAGE} AS python
ARG PETREEL_VERSION
ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PATH=/opt/venv/bin:$PATH \
    PETREEL_DATA_DIR=/data
RUN python -m venv /opt/venv \
 && groupadd --system --gid 10001 petreel \
 && useradd --system --uid 10001 --gid 10001 --create-home --home-dir /home/petreel petreel \
 && install -d -o 10001 -g 10001 /data
LABEL org.opencontainers.image.version="${PETREEL_VERSION}" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.vendor="PetReel"
WORKDIR /home/petreel

# ---------------------------------------------------------------------------------------------
# bot: python-telegram-bot, the story writers, storage, the sandbox page, ops. No render stack.
# ---------------------------------------------------------------------------------------------
FROM python AS bot
LABEL org.opencontainers.image.title="petreel-bot" \
      org.opencontainers.image.description="PetReel Telegram bot: premise in, pet-drama video out"
COPY docker/requirements-bot.txt /tmp/requirements.txt
RUN --mount=type=cache,target=/root/.cache/pip \
    pip install --requirement /tmp/requirements.txt
RUN --mount=type=bind,from=source,source=/src,target=/src,rw \
    pip install --no-deps --no-cache-dir /src
# the web page, /healthz and /metrics on 8080; the webhook server (webhook mode) on 8443. Inside a
# container both listen on every interface: publish them (docker-compose.yml) to decide who reaches them.
ENV PETREEL_HTTP_HOST=0.0.0.0 \
    PETREEL_HTTP_PORT=8080 \
    PETREEL_TELEGRAM__WEBHOOK_LISTEN=0.0.0.0 \
    PETREEL_TELEGRAM__WEBHOOK_PORT=8443
EXPOSE 8080 8443
USER 10001:10001
# GET /healthz on PETREEL_HTTP_PORT (python urllib: the slim image has no curl).
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["python", "-m", "ops.server", "probe"]
STOPSIGNAL SIGTERM
CMD ["petreel", "bot"]

# ---------------------------------------------------------------------------------------------
# worker-cpu: the storyboard painter, piper/espeak-ng narration, the ffmpeg composer.
# ---------------------------------------------------------------------------------------------
FROM python AS worker-cpu
LABEL org.opencontainers.image.title="petreel-worker-cpu" \
      org.opencontainers.image.description="PetReel CPU render worker (storyboard painter)"
RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \
    --mount=type=cache,target=/var/lib/apt/lists,sharing=locked \
    rm -f /etc/apt/apt.conf.d/docker-clean \
 && apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      espeak-ng fonts-noto-cjk fonts-dejavu-core
COPY docker/requirements-worker-cpu.txt /tmp/requirements.txt
RUN --mount=type=cache,target=/root/.cache/pip \
    pip install --requirement /tmp/requirements.txt
RUN --mount=type=bind,from=source,source=/src,target=/src,rw \
    pip install --no-deps --no-cache-dir /src
ENV PETREEL_RENDER__BACKEND=storyboard
USER 10001:10001
# The worker serves no HTTP: the /healthz rule is applied straight to the database.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["python", "-m", "ops.server", "worker-check"]
# SIGTERM: the worker finishes or releases its current job's lease (compose waits stop_grace_period).
STOPSIGNAL SIGTERM
CMD ["petreel", "worker"]

# ---------------------------------------------------------------------------------------------
# worker: the GPU render worker.
# The small nvidia/cuda "base" image gives what the NVIDIA container toolkit needs; torch's CUDA
# 12.8 wheels bring their own CUDA runtime, cuBLAS and cuDNN. Ubuntu 24.04 ships Python 3.12
# only, so uv installs the same CPython 3.11 the slim images use.
# ---------------------------------------------------------------------------------------------
FROM ${CUDA_IMAGE} AS worker
ARG PYTHON_VERSION
ARG TORCH_VERSION
ARG TORCH_INDEX_URL
ARG PETREEL_VERSION
ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    UV_PYTHON_INSTALL_DIR=/opt/python \
    UV_LINK_MODE=copy \
    UV_COMPILE_BYTECODE=1 \
    UV_CACHE_DIR=/root/.cache/uv \
    PATH=/opt/venv/bin:$PATH \
    PETREEL_DATA_DIR=/data \
    PETREEL_RENDER__BACKEND=diffusers \
    PETREEL_RENDER__DEVICE=cuda \
    HF_HOME=/models/hf \
    HF_HUB_OFFLINE=1 \
    NVIDIA_DRIVER_CAPABILITIES=compute,utility
LABEL org.opencontainers.image.title="petreel-worker" \
      org.opencontainers.image.description="PetReel GPU render worker (diffusers, CUDA 12.8)" \
      org.opencontainers.image.version="${PETREEL_VERSION}" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.vendor="PetReel"
RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \
    --mount=type=cache,target=/var/lib/apt/lists,sharing=locked \
    rm -f /etc/apt/apt.conf.d/docker-clean \
 && apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      ca-certificates espeak-ng fonts-noto-cjk fonts-dejavu-core
COPY --from=uv /uv /usr/local/bin/uv
RUN uv python install ${PYTHON_VERSION} \
 && uv venv --python ${PYTHON_VERSION} /opt/venv \
 && groupadd --system --gid 10001 petreel \
 && useradd --system --uid 10001 --gid 10001 --create-home --home-dir /home/petreel petreel \
 && install -d -o 10001 -g 10001 /data /models
# 1. torch from PyTorch's CUDA 12.8 index, pinned (its nvidia-* libraries come with it)
RUN --mount=type=cache,target=/root/.cache/uv \
    uv pip install --python /opt/venv/bin/python --index-url ${TORCH_INDEX_URL} "torch==${TORCH_VERSION}"
# 2. everything else from the lock, never replacing that torch
COPY docker/requirements-worker-gpu.txt /tmp/requirements.txt
RUN --mount=type=cache,target=/root/.cache/uv \
    uv pip install --python /opt/venv/bin/python --requirement /tmp/requirements.txt
# 3. the project itself: the only layer a code change rebuilds
RUN --mount=type=bind,from=source,source=/src,target=/src,rw \
    uv pip install --python /opt/venv/bin/python --no-deps --no-cache /src
WORKDIR /home/petreel
USER 10001:10001
HEALTHCHECK --interval=30s --timeout=10s --start-period=120s --retries=3 \
    CMD ["python", "-m", "ops.server", "worker-check"]
STOPSIGNAL SIGTERM
CMD ["petreel", "worker"]
