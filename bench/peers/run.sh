#!/bin/sh
# bench/peers/run.sh: vipbook side by side with khard (contacts) and
# taskwarrior (follow-ups) on the same data, timed with hyperfine in one
# run (issue 15 point 6). Not part of make test: it installs Debian
# packages and takes minutes.
#
#   bench/peers/run.sh [CLIENTS]     (default 10000)
#
# It installs khard, taskwarrior and hyperfine from Debian when missing
# (apt-get, as root or through sudo), builds vipbook, writes one demo book,
# exports its clients as a vCard folder for khard (one card per file, as
# khard reads a vdir) and its open follow-ups into taskwarrior, then times:
#   vipbook search / khard list: a Latin name, a Chinese name, four phone digits
#   vipbook brief / task next
#   vipbook task list / task due.before:tomorrow list
#   vipbook --version / task --version (each program's floor)
# The table is printed and written to $OUT/peers.md (OUT defaults to a new
# temporary directory, kept for a look afterwards; REUSE=1 with the same
# OUT keeps the book written by an earlier run).
set -eu
clients=${1:-10000}
repo=$(cd "$(dirname "$0")/../.." && pwd)
out=${OUT:-$(mktemp -d /tmp/vipbook-peers.XXXXXX)}
mkdir -p "$out"

need=""
command -v khard >/dev/null || need="$need khard"
command -v task >/dev/null || need="$need taskwarrior"
command -v hyperfine >/dev/null || need="$need hyperfine"
if [ -n "$need" ]; then
	sudo=""
	[ "$(id -u)" = 0 ] || sudo=sudo
	$sudo apt-get update -qq
	# shellcheck disable=SC2086
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $need
fi

echo "building vipbook and a $clients-client demo book in $out"
(cd "$repo" && go build -o "$out/vipbook" ./cmd/vipbook)
vb="$out/vipbook"
book="$out/book.db"
export XDG_CONFIG_HOME="$out/config" LANG=C.UTF-8
if [ "${REUSE:-}" != 1 ] || [ ! -f "$book" ]; then # REUSE=1 keeps the book of an earlier run in OUT
	rm -f "$book"
	"$vb" --book "$book" demo --clients "$clients" >/dev/null
fi

# khard: a vdir of one card per file.
"$vb" --book "$book" export -o "$out/all.vcf" --force >/dev/null
rm -rf "$out/vcards" && mkdir -p "$out/vcards"
awk -v dir="$out/vcards" '
	/^BEGIN:VCARD/ { n++; f = sprintf("%s/%07d.vcf", dir, n) }
	f { print > f }
	/^END:VCARD/ { close(f); f = "" }' "$out/all.vcf"
mkdir -p "$out/khard"
cat >"$out/khard/khard.conf" <<CONF
[addressbooks]
[[demo]]
path = $out/vcards
[general]
default_action = list
[contact table]
display = first_name
CONF

# taskwarrior: the open follow-ups, with their client in the description.
export TASKRC="$out/taskrc" TASKDATA="$out/task"
rm -rf "$TASKDATA" && mkdir -p "$TASKDATA"
printf 'data.location=%s\nconfirmation=off\nverbose=nothing\nnews.version=2.6.2\n' "$TASKDATA" >"$TASKRC"
"$vb" --book "$book" task list --json >"$out/tasks.json"
python3 - "$out/tasks.json" "$out/taskimport.json" <<'PY'
import json, sys
ts = json.load(open(sys.argv[1]))
out = [{"description": "%s: %s" % (t.get("client_name", ""), t["title"]),
        "due": t["due"].replace("-", "") + "T090000Z", "status": "pending"}
       for t in ts if t.get("status") == "open" and t.get("due")]
json.dump(out, open(sys.argv[2], "w"), ensure_ascii=False)
print("%d open follow-ups for taskwarrior" % len(out))
PY
task import "$out/taskimport.json" >/dev/null 2>&1

# The queries: a Latin name, a Chinese name and four digits of a phone of
# clients in the book.
set -- $("$vb" --book "$book" list --json | python3 -c '
import json, sys
rows = json.load(sys.stdin)
latin = next(r["name"].split()[-1] for r in rows if r["name"].isascii() and " " in r["name"])
han = next(r["name"].split()[0] for r in rows if any(0x4E00 <= ord(c) <= 0x9FFF for c in r["name"].split()[0]))
phone = next(r["phone"][-4:] for r in rows if r.get("phone"))
print(latin, han, phone)')
latin=$1 han=$2 digits=$3
echo "queries: $latin, $han, $digits"

kh="khard -c $out/khard/khard.conf"
hyperfine -N --warmup 3 --runs 20 --export-markdown "$out/peers.md" \
	-n "vipbook search $latin" "$vb --book $book search $latin" \
	-n "khard list $latin" "$kh list $latin" \
	-n "vipbook search $han" "$vb --book $book search $han" \
	-n "khard list $han" "$kh list $han" \
	-n "vipbook search $digits" "$vb --book $book search $digits" \
	-n "khard list $digits" "$kh list $digits" \
	-n "vipbook brief" "$vb --book $book brief" \
	-n "task next" "task next" \
	-n "vipbook task list" "$vb --book $book task list" \
	-n "task due.before:tomorrow list" "task due.before:tomorrow list" \
	-n "vipbook --version" "$vb --version" \
	-n "task --version" "task --version"
echo
echo "$(date -u +%Y-%m-%d), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $clients clients:"
cat "$out/peers.md"
