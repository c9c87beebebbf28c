#!/usr/bin/env bash
# GPU checks for the diffusers backend, run on the device machine from the repository root:
#   bash bench/gpu_device_run.sh            (writes to $OUT, default bench/out)
# The device image has Python 3.12, torch (CUDA), transformers, accelerate, safetensors, numpy, pillow,
# huggingface-hub, aiohttp and rich but no diffusers and no internet: the wheels carried in .whl/
# (downloaded with bench/render_gpu.py's instructions) fill the gap. Steps write their output as they go,
# so a timeout still leaves the finished parts in $OUT.
#   BENCH_TIMEOUT (default 420 s), TEST_TIMEOUT (default 240 s), BENCH_ARGS (extra bench flags).
set -u
OUT="${OUT:-$PWD/bench/out}"
mkdir -p "$OUT"
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 TOKENIZERS_PARALLELISM=false PYTHONUNBUFFERED=1

# 1. carried wheels (no index, no dependency resolution)
python3 -m pip install -q --no-index --no-deps --target /tmp/site .whl/*.whl 2>&1 | grep -v "^WARNING: Target directory" | tail -5
export PYTHONPATH=/tmp/site:$PWD
# 2. extras only where the image lacks them (or has a huggingface-hub older than diffusers needs)
extras=()
for pair in requests:requests urllib3:urllib3 idna:idna charset_normalizer:charset_normalizer certifi:certifi; do
  python3 -c "import ${pair%%:*}" 2>/dev/null || extras+=(.whl/extra/${pair##*:}-*.whl)
done
python3 - <<'PY' 2>/dev/null || extras+=(.whl/extra/huggingface_hub-*.whl)
import huggingface_hub
from packaging.version import Version
raise SystemExit(Version(huggingface_hub.__version__) < Version("1.32"))
PY
if [ ${#extras[@]} -gt 0 ]; then
  echo "installing extras: ${extras[*]}"
  python3 -m pip install -q --no-index --no-deps --target /tmp/site-extra "${extras[@]}" 2>&1 | tail -3
  export PYTHONPATH=/tmp/site:/tmp/site-extra:$PWD
fi

# 3. what we run on
{
  nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader 2>&1
  python3 -c "import sys, torch, transformers, diffusers, huggingface_hub, pydantic, imageio_ffmpeg; \
print('python', sys.version.split()[0], 'torch', torch.__version__, 'cuda', torch.version.cuda, \
'transformers', transformers.__version__, 'diffusers', diffusers.__version__, \
'hub', huggingface_hub.__version__, 'pydantic', pydantic.__version__, 'ffmpeg', imageio_ffmpeg.get_ffmpeg_exe())" 2>&1
} | tee "$OUT/versions.txt"

# 4. the benchmark (full-size random-weight SDXL + IP-Adapter, LTX-Video i2v, whole 60 s clip)
timeout "${BENCH_TIMEOUT:-420}" python3 bench/render_gpu.py --random-weights sdxl --i2v-random ltx --via-disk \
  --workdir /tmp/petreel-bench --json "$OUT/bench.json" ${BENCH_ARGS:-} 2>&1 \
  | grep -v -E "Loading (pipeline components|weights|checkpoint shards)|Writing model shards" \
  | tee "$OUT/bench.txt"
echo "bench exit: ${PIPESTATUS[0]}" | tee -a "$OUT/bench.txt"

# 5. the GPU tests
timeout "${TEST_TIMEOUT:-240}" python3 -m pytest -m gpu tests/test_gpu.py -p no:cacheprovider -q -rs 2>&1 \
  | tail -40 | tee "$OUT/test_gpu.txt"
echo "pytest exit: ${PIPESTATUS[0]}" | tee -a "$OUT/test_gpu.txt"
