#!/bin/sh
# ab.sh OLD NEW BOOK ROUNDS RUNS ARGS...: times `vipbook --book BOOK ARGS`
# with two binaries, alternating (OLD, NEW, OLD, NEW...) for ROUNDS rounds
# of RUNS runs each, so a loaded machine weighs on both alike. Prints,
# per binary, the median wall time of each round and the mean user+sys
# CPU time, from hyperfine's JSON.
set -eu
old=$1 new=$2 book=$3 rounds=$4 runs=$5
shift 5
tmp=$(mktemp -d)
i=0
while [ "$i" -lt "$rounds" ]; do
	for bin in "$old" "$new"; do
		hyperfine -N -i --warmup 1 --runs "$runs" --export-json "$tmp/r.json" \
			"$bin --book $book $*" >/dev/null 2>&1
		python3 - "$tmp/r.json" "$bin" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print("%-8s median %7.1f ms  max %7.1f ms  cpu(user+sys) %7.1f ms  [%s]" % (
    sys.argv[2].rsplit("/", 1)[-1], r["median"] * 1000, max(r["times"]) * 1000, (r["user"] + r["system"]) * 1000, r["command"].split(" ", 3)[-1]))
PY
	done
	i=$((i + 1))
done
rm -rf "$tmp"
