"""Diffusers pipelines built in code with random weights (no model hub), saved with ``save_pretrained``.

Tests build tiny ones (seconds on a CPU) and the real backend loads them with ``from_pretrained``;
``bench/render_gpu.py`` builds the full-size SDXL / LTX-Video architectures the same way so GPU
timings are real compute (the images are noise). Tokenizers are made in code: a byte-level CLIP BPE
vocabulary with no merges, and a small T5 unigram vocabulary.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import torch

CLIP_MAX_LENGTH = 77
SD_SCHEDULER = {
    "beta_start": 0.00085, "beta_end": 0.012, "beta_schedule": "scaled_linear",
    "timestep_spacing": "trailing", "steps_offset": 1, "clip_sample": False, "set_alpha_to_one": False,
}


# -- tokenizers ------------------------------------------------------------------------------------

def _byte_chars() -> list[str]:
    """GPT-2/CLIP byte-to-unicode table: one printable character per byte."""
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    extra = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + extra)
            extra += 1
    return [chr(c) for c in cs]


def clip_tokenizer() -> Any:
    """Byte-level CLIP tokenizer: bos=0, eos=pad=1, then every byte with and without ``</w>`` (514 ids)."""
    from transformers import CLIPTokenizer

    vocab = {"<|startoftext|>": 0, "<|endoftext|>": 1}
    for suffix in ("", "</w>"):
        for ch in _byte_chars():
            vocab[ch + suffix] = len(vocab)
    return CLIPTokenizer(vocab=vocab, merges=[], model_max_length=CLIP_MAX_LENGTH)


def t5_tokenizer() -> Any:
    """Unigram T5 tokenizer: pad=0, eos=1, unk=2, letters and a few words."""
    from transformers import T5Tokenizer

    words = ["a", "the", "cat", "dog", "ginger", "white", "street", "moves", "camera", "mood"]
    vocab = [("<pad>", 0.0), ("</s>", 0.0), ("<unk>", 0.0), ("▁", -2.0)]
    vocab += [(c, -5.0) for c in "abcdefghijklmnopqrstuvwxyz.,"] + [("▁" + w, -3.0) for w in words]
    return T5Tokenizer(vocab=vocab, extra_ids=0, model_max_length=512)


def _clip_text_config(hidden: int, layers: int, heads: int, intermediate: int, projection: int, act: str) -> Any:
    from transformers import CLIPTextConfig

    return CLIPTextConfig(
        bos_token_id=0, eos_token_id=1, pad_token_id=1, vocab_size=49408 if hidden >= 512 else 520,
        hidden_size=hidden, intermediate_size=intermediate, num_hidden_layers=layers, num_attention_heads=heads,
        max_position_embeddings=CLIP_MAX_LENGTH, projection_dim=projection, hidden_act=act, layer_norm_eps=1e-5,
    )


# -- text to image -----------------------------------------------------------------------------------

def build_sd15(seed: int = 0) -> Any:
    """Tiny SD1.5-architecture ``StableDiffusionPipeline`` (VAE factor 2: 64x128 images in milliseconds)."""
    from diffusers import AutoencoderKL, DDIMScheduler, StableDiffusionPipeline, UNet2DConditionModel
    from transformers import CLIPTextModel

    torch.manual_seed(seed)
    unet = UNet2DConditionModel(
        block_out_channels=(16, 32), layers_per_block=1, sample_size=32, in_channels=4, out_channels=4,
        down_block_types=("DownBlock2D", "CrossAttnDownBlock2D"), up_block_types=("CrossAttnUpBlock2D", "UpBlock2D"),
        cross_attention_dim=32, norm_num_groups=8,
    )
    vae = AutoencoderKL(
        block_out_channels=[8, 16], in_channels=3, out_channels=3, latent_channels=4, norm_num_groups=8,
        down_block_types=["DownEncoderBlock2D"] * 2, up_block_types=["UpDecoderBlock2D"] * 2,
        mid_block_add_attention=False,
    )
    text_encoder = CLIPTextModel(_clip_text_config(32, 2, 4, 37, 32, "quick_gelu"))
    return StableDiffusionPipeline(
        vae=vae, text_encoder=text_encoder, tokenizer=clip_tokenizer(), unet=unet,
        scheduler=DDIMScheduler(**SD_SCHEDULER), safety_checker=None, feature_extractor=None,
        image_encoder=None, requires_safety_checker=False,
    )


def build_sdxl(full: bool = False, seed: int = 0, device: str = "cpu", dtype: torch.dtype = torch.float32) -> Any:
    """SDXL-architecture pipeline: tiny, or full size (2.6B UNet, CLIP-L + bigG) with random weights.

    Full size is built directly on ``device`` (fast random init on a GPU) and cast to ``dtype``;
    it uses the trailing Euler scheduler that SDXL-Lightning uses.
    """
    from diffusers import (
        AutoencoderKL,
        DDIMScheduler,
        EulerDiscreteScheduler,
        StableDiffusionXLPipeline,
        UNet2DConditionModel,
    )
    from transformers import CLIPTextModel, CLIPTextModelWithProjection

    torch.manual_seed(seed)
    with torch.device(device):
        if full:
            unet = UNet2DConditionModel(
                sample_size=128, in_channels=4, out_channels=4, layers_per_block=2,
                block_out_channels=(320, 640, 1280), attention_head_dim=(5, 10, 20),
                down_block_types=("DownBlock2D", "CrossAttnDownBlock2D", "CrossAttnDownBlock2D"),
                up_block_types=("CrossAttnUpBlock2D", "CrossAttnUpBlock2D", "UpBlock2D"),
                transformer_layers_per_block=(1, 2, 10), cross_attention_dim=2048, use_linear_projection=True,
                addition_embed_type="text_time", addition_time_embed_dim=256,
                projection_class_embeddings_input_dim=2816, norm_num_groups=32,
            )
            vae = AutoencoderKL(
                block_out_channels=[128, 256, 512, 512], in_channels=3, out_channels=3, latent_channels=4,
                layers_per_block=2, down_block_types=["DownEncoderBlock2D"] * 4,
                up_block_types=["UpDecoderBlock2D"] * 4, sample_size=1024, scaling_factor=0.13025, force_upcast=False,
            )
            te1 = CLIPTextModel(_clip_text_config(768, 12, 12, 3072, 768, "quick_gelu"))
            te2 = CLIPTextModelWithProjection(_clip_text_config(1280, 32, 20, 5120, 1280, "gelu"))
        else:
            unet = UNet2DConditionModel(
                block_out_channels=(32, 64), layers_per_block=1, sample_size=32, in_channels=4, out_channels=4,
                down_block_types=("DownBlock2D", "CrossAttnDownBlock2D"),
                up_block_types=("CrossAttnUpBlock2D", "UpBlock2D"), attention_head_dim=(2, 4),
                use_linear_projection=True, addition_embed_type="text_time", addition_time_embed_dim=8,
                transformer_layers_per_block=(1, 2), projection_class_embeddings_input_dim=80,
                cross_attention_dim=64, norm_num_groups=1,
            )
            vae = AutoencoderKL(
                block_out_channels=[32, 64], in_channels=3, out_channels=3, latent_channels=4, norm_num_groups=32,
                down_block_types=["DownEncoderBlock2D"] * 2, up_block_types=["UpDecoderBlock2D"] * 2,
            )
            te1 = CLIPTextModel(_clip_text_config(32, 2, 4, 37, 32, "gelu"))
            te2 = CLIPTextModelWithProjection(_clip_text_config(32, 2, 4, 37, 32, "gelu"))
    scheduler: Any = DDIMScheduler(**SD_SCHEDULER)
    if full:
        scheduler = EulerDiscreteScheduler(
            beta_start=0.00085, beta_end=0.012, beta_schedule="scaled_linear", timestep_spacing="trailing",
            steps_offset=1,
        )
    pipe: Any = StableDiffusionXLPipeline(
        vae=vae, text_encoder=te1, text_encoder_2=te2, tokenizer=clip_tokenizer(), tokenizer_2=clip_tokenizer(),
        unet=unet, scheduler=scheduler, image_encoder=None, feature_extractor=None,
    )
    return cast(pipe, dtype)


# -- IP-Adapter --------------------------------------------------------------------------------------

def ip_adapter_state_dict(unet: Any, image_embed_dim: int, num_tokens: int = 4) -> dict[str, torch.Tensor]:
    """A plain IP-Adapter (``image_proj.*`` + ``ip_adapter.<n>.to_{k,v}_ip``) matching ``unet``.

    Key numbering follows diffusers' ``_convert_ip_adapter_attn_to_diffusers``: 1, 3, 5, ... over the
    cross-attention processors in ``unet.attn_processors`` order.
    """
    cross = unet.config.cross_attention_dim
    channels = list(unet.config.block_out_channels)
    gen = torch.Generator().manual_seed(1)
    sd: dict[str, torch.Tensor] = {
        "image_proj.proj.weight": torch.randn(num_tokens * cross, image_embed_dim, generator=gen) * 0.02,
        "image_proj.proj.bias": torch.zeros(num_tokens * cross),
        "image_proj.norm.weight": torch.ones(cross),
        "image_proj.norm.bias": torch.zeros(cross),
    }
    key_id = 1
    for name in unet.attn_processors:
        if name.endswith("attn1.processor") or "motion_modules" in name:
            continue
        if name.startswith("mid_block"):
            hidden = channels[-1]
        elif name.startswith("up_blocks"):
            hidden = list(reversed(channels))[int(name[len("up_blocks.")])]
        else:
            hidden = channels[int(name[len("down_blocks.")])]
        for proj in ("to_k_ip", "to_v_ip"):
            sd[f"ip_adapter.{key_id}.{proj}.weight"] = torch.randn(hidden, cross, generator=gen) * 0.05
        key_id += 2
    return sd


def save_ip_adapter(unet: Any, out_dir: Path, weight_name: str, full: bool = False, device: str = "cpu",
                    dtype: torch.dtype = torch.float32) -> Path:
    """Random IP-Adapter for ``unet`` in ``out_dir`` (weights file + ``image_encoder/``), the layout
    ``pipe.load_ip_adapter(out_dir, subfolder="", weight_name=...)`` reads. Full size: CLIP ViT-H/14."""
    from safetensors.torch import save_file
    from transformers import CLIPVisionConfig, CLIPVisionModelWithProjection

    if full:
        config = CLIPVisionConfig(hidden_size=1280, intermediate_size=5120, num_hidden_layers=32,
                                  num_attention_heads=16, patch_size=14, image_size=224, projection_dim=1024,
                                  hidden_act="gelu")
    else:
        config = CLIPVisionConfig(hidden_size=32, intermediate_size=37, num_hidden_layers=2, num_attention_heads=4,
                                  patch_size=8, image_size=32, projection_dim=32)
    torch.manual_seed(2)
    with torch.device(device):
        encoder: Any = CLIPVisionModelWithProjection(config)
    out_dir.mkdir(parents=True, exist_ok=True)
    encoder.to(dtype=dtype).save_pretrained(out_dir / "image_encoder")
    sd = ip_adapter_state_dict(unet, config.projection_dim)
    save_file({k: v.to(dtype).contiguous() for k, v in sd.items()}, str(out_dir / weight_name))
    return out_dir


# -- image to video ----------------------------------------------------------------------------------

def build_ltx_i2v(full: bool = False, seed: int = 0, device: str = "cpu", dtype: torch.dtype = torch.float32) -> Any:
    """LTX-Video ``LTXImageToVideoPipeline``: tiny (2 transformer layers, for First Block Cache) or the
    full ~2B transformer with a T5-XXL-sized encoder, random weights."""
    from diffusers import (
        AutoencoderKLLTXVideo,
        FlowMatchEulerDiscreteScheduler,
        LTXImageToVideoPipeline,
        LTXVideoTransformer3DModel,
    )
    from transformers import T5Config, T5EncoderModel

    torch.manual_seed(seed)
    with torch.device(device):
        if full:
            transformer = LTXVideoTransformer3DModel()  # defaults: 28 layers, 32 heads x 64, 128 channels
            vae = AutoencoderKLLTXVideo()
            text_encoder = T5EncoderModel(T5Config(
                vocab_size=32128, d_model=4096, d_kv=64, d_ff=10240, num_layers=24, num_heads=64,
                feed_forward_proj="gated-gelu", is_encoder_decoder=False, use_cache=False,
            ))
        else:
            transformer = LTXVideoTransformer3DModel(
                in_channels=8, out_channels=8, patch_size=1, patch_size_t=1, num_attention_heads=4,
                attention_head_dim=8, cross_attention_dim=32, num_layers=2, caption_channels=32,
            )
            vae = AutoencoderKLLTXVideo(
                in_channels=3, out_channels=3, latent_channels=8, block_out_channels=(8, 8, 8, 8),
                decoder_block_out_channels=(8, 8, 8, 8), layers_per_block=(1, 1, 1, 1, 1),
                decoder_layers_per_block=(1, 1, 1, 1, 1), spatio_temporal_scaling=(True, True, False, False),
                decoder_spatio_temporal_scaling=(True, True, False, False),
                decoder_inject_noise=(False, False, False, False, False), upsample_residual=(False, False, False, False),
                upsample_factor=(1, 1, 1, 1), timestep_conditioning=False, patch_size=1, patch_size_t=1,
                encoder_causal=True, decoder_causal=False,
            )
            text_encoder = T5EncoderModel(T5Config(
                vocab_size=64, d_model=32, d_kv=8, d_ff=37, num_layers=2, num_heads=4,
                relative_attention_num_buckets=8, is_encoder_decoder=False, use_cache=False,
            ))
    scheduler = FlowMatchEulerDiscreteScheduler()
    if full:
        scheduler = FlowMatchEulerDiscreteScheduler(
            base_image_seq_len=1024, base_shift=0.95, max_image_seq_len=4096, max_shift=2.05,
            shift_terminal=0.1, use_dynamic_shifting=True, time_shift_type="exponential",
        )
    pipe: Any = LTXImageToVideoPipeline(
        scheduler=scheduler, vae=vae, text_encoder=text_encoder, tokenizer=t5_tokenizer(), transformer=transformer
    )
    return cast(pipe, dtype)


def cast(pipe: Any, dtype: torch.dtype) -> Any:
    """Every model of ``pipe`` in ``dtype``, cast as plain torch modules: random weights have no
    fp32-only layers, and ``ModelMixin.to`` would warn about an (empty) list of them."""
    if dtype != torch.float32:
        for component in pipe.components.values():
            if isinstance(component, torch.nn.Module):
                torch.nn.Module.to(component, dtype=dtype)
    return pipe


def save(pipe: Any, out_dir: Path) -> Path:
    pipe.save_pretrained(out_dir)
    return out_dir
