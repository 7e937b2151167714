#!/usr/bin/env bash
# Prepares, here on the CPU, the held-out base's run on a lent GPU (issue 12; README.md beside
# this file). Writes .gpu/ (ignored by git): the training data compressed (../shared does not
# travel to the device machine), a rapidfuzz wheel for its Python 3.12 (ltmt's decoder, which
# scores dev BLEU during training, imports it), and the run's tokenizer, trained here so the GPU
# does not wait for it. Then it takes the large tracked files the run does not need (the shipped
# model's weights, eval/results) out of git's index and ignores them, so that what travels stays
# under the device tool's 64 MiB; `bash eval/heldout_base/restore.sh` tracks them again. Commit
# nothing in between: the commit would delete them.
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
DATA=${LTMT_DATA_DIR:-../shared/data/en-de}
CONFIG=${CONFIG:-configs/train/base-en-de-gpu-heldout.yaml}
STAGE=.gpu
# tracked, large, and not needed there (150 MB tracked in all, against the tool's 64 MiB)
LARGE="ltmt/models/default-en-de/model.safetensors ltmt/models/default-en-de/fusion-attention/model.safetensors eval/results"
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
if [ -z "${KEEP_TREE:-}" ]; then  # KEEP_TREE=1: leave them (to try device.sh here)
    # untracked and ignored, they stay on disk and do not travel; restore.sh tracks them again
    git rm -r -q --cached $LARGE
    for path in $LARGE; do echo "/$path" >> .git/info/exclude; done
fi
du -sh "$STAGE"
echo "prepared; now: run(command=\"bash eval/heldout_base/device.sh\", carry=[\".gpu\"], timeout_s=600)"
echo "afterwards: bash eval/heldout_base/restore.sh"
