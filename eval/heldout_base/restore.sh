#!/usr/bin/env bash
# Undoes what prepare.sh did to git's index: the large files it untracked are tracked again, and
# its lines leave .git/info/exclude (the files themselves never left the disk).
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
LARGE="ltmt/models/default-en-de/model.safetensors ltmt/models/default-en-de/fusion-attention/model.safetensors eval/results"
for path in $LARGE; do
    grep -vxF "/$path" .git/info/exclude > .git/info/exclude.new || true
    mv .git/info/exclude.new .git/info/exclude
done
git reset -q -- $LARGE
git status --short | head -5
