#!/bin/sh
# Keymap loading at two sizes: N and 2N chord bindings in a user keymap,
# timed through the release binary (it loads the keymap, then stops at the
# check for a terminal, exit status 2). A ratio near 2 is linear; near 4
# would be the square of the input.
#
# Run: scripts/keymap-growth.sh [N]   (default 50000)
set -eu
n=${1:-50000}
bin=${NEWSDIGEST:-target/release/newsdigest}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
write_keymap() {
    python3 - "$1" "$2" <<'PY'
import itertools, string, sys
count, path = int(sys.argv[1]), sys.argv[2]
with open(path, "w") as out:
    out.write("[claims]\n")
    keys = itertools.product(string.ascii_lowercase, repeat=4)
    for combo in itertools.islice(keys, count):
        out.write('"f12 %s" = "down"\n' % " ".join(combo))
PY
}
seconds() {
    start=$(date +%s.%N)
    "$bin" --keymap "$1" </dev/null >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}
write_keymap "$n" "$dir/small.toml"
write_keymap $((2 * n)) "$dir/large.toml"
small=$(seconds "$dir/small.toml")
large=$(seconds "$dir/large.toml")
echo "keymap of $n bindings: ${small} s; of $((2 * n)): ${large} s; ratio $(echo "scale=2; $large / $small" | bc)"
