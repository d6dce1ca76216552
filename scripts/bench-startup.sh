#!/bin/sh
# Start-up: launch → first frame drawn, on the five default articles, in a
# real terminal (a detached tmux session, which answers the cursor queries
# of the interface). `newsdigest --exit-after-first-frame` draws one frame,
# restores the terminal, exits and prints its own figures to standard
# error; the wall-clock time of the whole process (start-up, frame,
# restore, exit) is taken around it by the shell. Prints each run and the
# medians.
#
# Run from the repository: scripts/bench-startup.sh [RUNS [FLAGS...]]
# (e.g. `scripts/bench-startup.sh 11 --transformer`: the first run fills the
# vector cache when it is empty, the median is warm).
set -eu

runs=${1:-11}
[ $# -gt 0 ] && shift
flags="$*"
work=$(mktemp -d "${TMPDIR:-/tmp}/newsdigest-startup.XXXXXX")
socket="$work/tmux.sock"
cargo build --release --quiet --bin newsdigest
bin=$(pwd)/target/release/newsdigest

cat > "$work/runs.sh" <<SH
cd '$(pwd)'
for i in \$(seq $runs); do
    start=\$(date +%s%N)
    '$bin' $flags --exit-after-first-frame 2>> '$work/reported.txt'
    end=\$(date +%s%N)
    echo \$(( (end - start) / 1000 )) >> '$work/wall-us.txt'
done
touch '$work/done'
SH
tmux -S "$socket" -f /dev/null new-session -d -x 100 -y 30 "sh '$work/runs.sh'"
while [ ! -e "$work/done" ]; do sleep 0.2; done
tmux -S "$socket" kill-server 2>/dev/null || true

echo "$(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$work" <<'PY'
import re, statistics, sys
work = sys.argv[1]
wall = [int(l) / 1000 for l in open(f"{work}/wall-us.txt")]
reported = open(f"{work}/reported.txt").read()
frames = [float(x) for x in re.findall(r"restored ([0-9.]+) ms after launch", reported)]
digests = [float(x) for x in re.findall(r"built in ([0-9.]+) ms\)", reported)]
for i, w in enumerate(wall):
    f = frames[i] if i < len(frames) else float("nan")
    d = digests[i] if i < len(digests) else float("nan")
    print(f"run {i + 1:>2}: process {w:7.1f} ms, first frame {f:7.1f} ms after main, articles+digest {d:7.1f} ms")
print(f"median of {len(wall)} runs: process {statistics.median(wall):.1f} ms, "
      f"first frame {statistics.median(frames):.1f} ms after main, "
      f"articles+digest {statistics.median(digests):.1f} ms")
PY
rm -rf "$work"
