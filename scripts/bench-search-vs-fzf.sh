#!/bin/sh
# newsdigest search QUERY --lines FILE against fzf --filter QUERY < FILE,
# side by side in one run, over the same 100,000 synthetic claim lines and
# the 20 queries of examples/search_latency.rs. Whole processes, timed by
# hyperfine (median of RUNS runs after a warm-up; hyperfine and fzf are
# installed with apt-get when missing); prints per query the
# medians, the ratio newsdigest/fzf and at the end the median ratio.
#
# Run from the repository: scripts/bench-search-vs-fzf.sh [CLAIMS] [RUNS]
set -eu

claims=${1:-100000}
runs=${2:-10}
work=${TMPDIR:-/tmp}/newsdigest-search-vs-fzf
mkdir -p "$work"

missing=""
command -v fzf >/dev/null 2>&1 || missing="$missing fzf"
command -v hyperfine >/dev/null 2>&1 || missing="$missing hyperfine"
if [ -n "$missing" ]; then
    apt-get install -y $missing || { apt-get update && apt-get install -y $missing; }
fi

cargo build --release --quiet --bin newsdigest --example write_claim_lines --example search_latency
bin=target/release/newsdigest
lines="$work/claims-$claims.txt"
target/release/examples/write_claim_lines "$claims" "$lines"
target/release/examples/search_latency --queries > "$work/queries.txt"

echo "$(wc -l < "$lines") lines, $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "fzf $(fzf --version | cut -d' ' -f1), $(hyperfine --version)"
printf '%-18s %8s %8s %10s %10s %7s\n' query nd_hits fzf_hits nd_ms fzf_ms ratio
: > "$work/ratios.txt"
while IFS= read -r query; do
    nd_hits=$("$bin" search "$query" --lines "$lines" | wc -l)
    fzf_hits=$(fzf --filter "$query" < "$lines" | wc -l)
    # Both through hyperfine's shell (its start-up subtracted), output
    # to /dev/null; fzf exits 1 when nothing matches, hence -i.
    hyperfine --style none --warmup 1 --runs "$runs" -i \
        --export-json "$work/run.json" \
        --command-name newsdigest "$bin search '$query' --lines '$lines'" \
        --command-name fzf "fzf --filter '$query' < '$lines'" >/dev/null
    python3 - "$work/run.json" "$query" "$nd_hits" "$fzf_hits" >> "$work/ratios.txt" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
nd, fzf = (r["median"] * 1000 for r in results)
print(f"{sys.argv[2]!r:<18} {sys.argv[3]:>8} {sys.argv[4]:>8} {nd:>10.1f} {fzf:>10.1f} {nd / fzf:>7.2f}")
PY
    tail -n 1 "$work/ratios.txt"
done < "$work/queries.txt"
python3 - "$work/ratios.txt" <<'PY'
import statistics, sys
ratios = [float(line.split()[-1]) for line in open(sys.argv[1])]
print(f"median ratio newsdigest/fzf over {len(ratios)} queries: {statistics.median(ratios):.2f}")
PY
