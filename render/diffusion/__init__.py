"""Diffusers GPU render backend, split by concern.

``framing`` and ``prompts`` are pure; ``runtime`` holds the torch/diffusers plumbing (loading,
dtype, speed-ups, step callbacks); ``painter`` and ``i2v`` are the two stage implementations.
``render/diffusion/backend.py`` is the public facade.
"""
