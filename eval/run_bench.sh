#!/usr/bin/env bash
# The standard benchmark runs: configs/bench/{dev-offline,dev-online,general-robustness}.yaml.
#
#   eval/run_bench.sh [--model DIR] [any other `ltmt bench` flag, e.g. --data-dir, --beam 1]
#   RUNS="smoke" eval/run_bench.sh --model runs/base-en-de/best     # one quick end-to-end check
#
# Each run writes runs/bench/NAME/{results.json,results.md,bands.png,hypotheses.jsonl}.
# Data is read from ../shared/data/en-de (the configs' data_dir) unless --data-dir says otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

ltmt() {
    if command -v ltmt >/dev/null 2>&1; then
        command ltmt "$@"
    else
        python -c 'from ltmt.cli.main import run; run()' "$@"
    fi
}

for name in ${RUNS:-dev-offline dev-online general-robustness}; do
    echo "== $name" >&2
    ltmt bench --config "configs/bench/$name.yaml" "$@"
done
