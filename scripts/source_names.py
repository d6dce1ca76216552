#!/usr/bin/env python3
"""Who the digest credits claim passages to, for two builds side by side.

Usage: scripts/source_names.py OLD_BINARY NEW_BINARY

Runs `export --format json` of each build on the default articles and on
every labelled story in tests/data, and prints per build: the claim
passages, how many speak in the article's own voice, the distinct source
names summed over the folders (fewer means one source kept one name), and
sources that are a bare pronoun. Reads only data the project owns.
"""
import json, subprocess, sys, glob, collections
def run(binary, d):
    out = subprocess.run([binary, 'export', d, '--format', 'json'], capture_output=True, text=True).stdout
    return json.loads(out)
dirs = ['articles'] + sorted(glob.glob('tests/data/stories/*/')) + sorted(glob.glob('tests/data/stories-round5/*/'))
tot = collections.Counter()
for binary, tag in [(sys.argv[1], 'old'), (sys.argv[2], 'new')]:
    names = 0; article_voice = 0; passages = 0; pronoun = 0
    for d in dirs:
        j = run(binary, d)
        srcs = set()
        for c in j['claims']:
            for p in c['passages']:
                passages += 1
                s = p.get('source')
                if s is None: article_voice += 1
                else:
                    srcs.add(s)
                    if s.lower() in ('he','she','him','her','they','them','it','we','us'): pronoun += 1
        names += len(srcs)
    print(f"{tag}: {len(dirs)} folders, {passages} claim passages, article's own voice {article_voice}, distinct source names (sum over folders) {names}, pronoun sources {pronoun}")
