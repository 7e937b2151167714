#!/usr/bin/env bash
# Prepares, here on the CPU, the held-out base's run on a lent GPU (issue 12; README.md beside
# this file). Writes .gpu/ (ignored by git): the training data compressed (../shared does not
# travel to the device machine), a rapidfuzz wheel for its Python 3.12 (ltmt's decoder, which
# scores dev BLEU during training, imports it), and the run's tokenizer, trained here so the GPU
# does not wait for it. Then it deletes from the working tree the large tracked files the run
# does not need (the shipped model's weights, eval/results), so that what travels stays under
# the device tool's 64 MiB; put them back with `git checkout -- ltmt/models eval/results`.
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
DATA=${LTMT_DATA_DIR:-../shared/data/en-de}
CONFIG=${CONFIG:-configs/train/base-en-de-gpu-heldout.yaml}
STAGE=.gpu
[ -d "$DATA/l10n/train" ] || { echo "prepare.sh: no data at $DATA (set LTMT_DATA_DIR)" >&2; exit 2; }
grep -qx '/.gpu/' .git/info/exclude 2>/dev/null || echo '/.gpu/' >> .git/info/exclude
rm -rf "$STAGE"
mkdir -p "$STAGE/whl" "$STAGE/run"
name=$(basename "$DATA")
tar -czf "$STAGE/data.tgz" -C "$(dirname "$DATA")" \
    "$name/general/train.en" "$name/general/train.de" \
    "$name/general/dev.en" "$name/general/dev.de" "$name/l10n/train"
rapidfuzz=$(python -c "import rapidfuzz; print(rapidfuzz.__version__)")
python -m pip download -q --no-deps --only-binary=:all: --python-version 3.12 \
    --implementation cp --platform manylinux_2_28_x86_64 --platform manylinux_2_17_x86_64 \
    --platform manylinux2014_x86_64 -d "$STAGE/whl" "rapidfuzz==$rapidfuzz"
ltmt train base --config "$CONFIG" --data-dir "$DATA" --output "$STAGE/run" --tokenizer-only
rm -rf "$STAGE/run/spm"
if [ -z "${KEEP_TREE:-}" ]; then  # KEEP_TREE=1: keep them (to try device.sh here)
    rm -rf ltmt/models/default-en-de/model.safetensors \
        ltmt/models/default-en-de/fusion-attention/model.safetensors eval/results
fi
du -sh "$STAGE"
echo "prepared; now: run(command=\"bash eval/heldout_base/device.sh\", carry=[\".gpu\"], timeout_s=600)"
echo "afterwards: git checkout -- ltmt/models eval/results"
