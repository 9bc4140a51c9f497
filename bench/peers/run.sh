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
#   vipbook search / khard list -f: a Latin name, a Chinese name, four phone digits
#   vipbook brief / task next
#   vipbook task list / task due.before:tomorrow list
#   vipbook --version / task --version (each program's floor)
# Before timing, it checks that both sides hold the same data: as many
# cards as clients, as many pending tasks as open follow-ups, and each query
# finding the same names on both sides. Each command runs at least 5 and at
# most RUNS (20) times within hyperfine's time budget: khard takes seconds a
# run. The table (median wall time, CPU time = user+sys, the ratios and
# the targets of issue 15 point 6) is printed and written to $OUT/peers.md;
# on a loaded machine read the CPU columns. OUT defaults to a new temporary
# directory, kept for a look afterwards; REUSE=1 with the same OUT keeps
# the book written by an earlier run.
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
(cd "$repo" && CGO_ENABLED=0 go build -o "$out/vipbook" ./cmd/vipbook) # as make build
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
display = formatted_name
CONF

# taskwarrior: the open follow-ups (open or snoozed, due on the day they
# are due or snoozed to), with their client in the description.
export TASKRC="$out/taskrc" TASKDATA="$out/task"
rm -rf "$TASKDATA" && mkdir -p "$TASKDATA"
printf 'data.location=%s\nconfirmation=off\nverbose=nothing\nnews.version=2.6.2\n' "$TASKDATA" >"$TASKRC"
"$vb" --book "$book" task list --json >"$out/tasks.json"
python3 - "$out/tasks.json" "$out/taskimport.json" <<'PY'
import json, sys
ts = json.load(open(sys.argv[1]))
out = [{"description": "%s: %s" % (t.get("client_name", ""), t["title"]),
        "due": (t.get("snoozed_until") or t["due"]).replace("-", "") + "T090000Z", "status": "pending"}
       for t in ts if t.get("status") in ("open", "snoozed")]
json.dump(out, open(sys.argv[2], "w"), ensure_ascii=False)
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
kh="khard -c $out/khard/khard.conf"

# The same data on both sides: cards and clients, pending tasks and open
# follow-ups (and those due before tomorrow), and the names each query finds.
{
	echo "clients: vipbook $("$vb" --book "$book" list --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))'), khard $(ls "$out/vcards" | wc -l) cards"
	today=$(date +%Y-%m-%d)
	echo "open follow-ups: vipbook $(python3 -c 'import json,sys; print(len([t for t in json.load(open(sys.argv[1])) if t["status"] in ("open","snoozed")]))' "$out/tasks.json"), taskwarrior $(task count status:pending) pending"
	echo "due before tomorrow: vipbook $(python3 -c 'import json,sys; print(len([t for t in json.load(open(sys.argv[1])) if t["status"] in ("open","snoozed") and (t.get("snoozed_until") or t["due"]) <= sys.argv[2]]))' "$out/tasks.json" "$today"), taskwarrior $(task due.before:tomorrow count)"
	for q in "$latin" "$han" "$digits"; do
		"$vb" --book "$book" search "$q" --json >"$out/q.json"
		$kh list -f -p -d formatted_name "$q" >"$out/q.txt" || true
		python3 - "$q" "$out/q.json" "$out/q.txt" <<'PY'
import json, sys
q, vj, kt = sys.argv[1:]
v = sorted(r["name"] for r in json.load(open(vj)))
k = sorted(l.split("\t")[1] for l in open(kt) if "\t" in l)
same = "the same names" if v == k else "differ: only vipbook %s, only khard %s" % (
    sorted(set(v) - set(k))[:5], sorted(set(k) - set(v))[:5])
print("query %s: vipbook %d clients, khard %d: %s" % (q, len(v), len(k), same))
PY
	done
} | tee "$out/same.txt"

runs=${RUNS:-20}
hyperfine -N --warmup 1 --min-runs 5 --max-runs "$runs" --export-json "$out/peers.json" \
	-n "vipbook search $latin" "$vb --book $book search $latin" \
	-n "khard list -f $latin" "$kh list -f $latin" \
	-n "vipbook search $han" "$vb --book $book search $han" \
	-n "khard list -f $han" "$kh list -f $han" \
	-n "vipbook search $digits" "$vb --book $book search $digits" \
	-n "khard list -f $digits" "$kh list -f $digits" \
	-n "vipbook brief" "$vb --book $book brief" \
	-n "task next" "task next" \
	-n "vipbook task list" "$vb --book $book task list" \
	-n "task due.before:tomorrow list" "task due.before:tomorrow list" \
	-n "vipbook --version" "$vb --version" \
	-n "task --version" "task --version"

commit=$(cd "$repo" && git rev-parse --short HEAD)
python3 - "$out/peers.json" "$commit" "$clients" "$(date -u '+%Y-%m-%d %H:%M UTC')" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')" <<'PY' | tee "$out/peers.md"
import json, sys
res, commit, clients, when, cores, load, cpu = sys.argv[1:]
rs = json.load(open(res))["results"]
by = {r["command"]: r for r in rs}
ms = lambda s: "%.1f" % (s * 1000)
def cpu_of(r): return r["user"] + r["system"]
print("vipbook %s, %s clients, %s, %s cores (%s), load average %s" % (commit, clients, when, cores, cpu, load))
print()
print("| vipbook | median | CPU | peer | median | CPU | peer/vipbook (wall, CPU) | target | |")
print("|---|---|---|---|---|---|---|---|---|")
names = list(by)
for i in range(0, len(names), 2):
    v, p = by[names[i]], by[names[i + 1]]
    if names[i] == "vipbook --version":
        want = 1.0
    elif "brief" in names[i]:
        want = 5.0
    elif "task list" in names[i]:
        want = 3.0
    else:
        want = 20.0
    rw, rc = p["median"] / v["median"], cpu_of(p) / cpu_of(v)
    verdict = "met" if rc >= want else "gap: %.1fx short" % (want / rc)
    print("| `%s` | %s ms | %s ms | `%s` | %s ms | %s ms | %.1fx, %.1fx | >= %gx | %s (CPU) |" % (
        names[i], ms(v["median"]), ms(cpu_of(v)), names[i + 1], ms(p["median"]), ms(cpu_of(p)), rw, rc, want, verdict))
PY
echo
cat "$out/same.txt"
