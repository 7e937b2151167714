#!/usr/bin/env bash
# Runs on the device machine (the repository's root there), through the device tool:
#   run(command="bash eval/heldout_base/device.sh", carry=[".gpu"], timeout_s=600)
# after eval/heldout_base/prepare.sh here. Trains the held-out base for MINUTES minutes (default
# 7: the command must fit the tool's 10 minutes, with reading and encoding the data before the
# budget starts, about a minute, and the last dev evaluation and the export after it),
# then exports its best checkpoint in fp16 and sends it back in pieces under the tool's 16 MiB a
# file: $OUT/base-heldout.tar.a?, with the training log and the summary.
set -euo pipefail
export PYTHONUNBUFFERED=1
MINUTES=${MINUTES:-7}
CONFIG=${CONFIG:-configs/train/base-en-de-gpu-heldout.yaml}
OUT=${OUT:?set OUT: the folder whose files the device tool sends back}
STAGE=.gpu
if ! python3 -c 'import rapidfuzz' 2> /dev/null; then
    python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade \
        --target /tmp/ltmt-site "$STAGE"/whl/*.whl
fi
export PYTHONPATH="$PWD:/tmp/ltmt-site${PYTHONPATH:+:$PYTHONPATH}"
mkdir -p /tmp/ltmt-data
tar -xzf "$STAGE/data.tgz" -C /tmp/ltmt-data
data=$(ls -d /tmp/ltmt-data/*)
ltmt() { python3 -c 'import sys; from ltmt.cli.main import run; sys.argv[0] = "ltmt"; run()' "$@"; }
python3 -c 'import torch; print("torch", torch.__version__, "cuda", torch.cuda.is_available())'
if ! ltmt train base --config "$CONFIG" --data-dir "$data" --output "$STAGE/run" \
    --max-minutes "$MINUTES" > "$OUT/train.log" 2>&1; then
    tail -n 40 "$OUT/train.log"
    exit 1
fi
grep -v "step/s" "$OUT/train.log" | tail -n 20
cp "$STAGE/run/log.jsonl" "$OUT/log.jsonl"
ltmt train export "$STAGE/run/best" --output /tmp/base-heldout --fp16
tar -cf - -C /tmp base-heldout | split -b 15M - "$OUT/base-heldout.tar."
ls -l "$OUT"
