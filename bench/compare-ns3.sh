#!/usr/bin/env bash
# ToeSim against ns-3.37 on the same scenarios, side by side, interleaved on this machine.
#
#   bench/compare-ns3.sh                      # every row, 2 repetitions, medians
#   REPS=1 ONLY='S1_10G$' bench/compare-ns3.sh
#
# Needs Debian's ns-3.37 (apt-get install -y libns3-dev ns3) and ../shared/bench/ns3 (the peer
# programs; built into a scratch copy if its bin/ is missing). Every figure is the wall time of a
# whole process (JVM or ns-3 start included), measured by /usr/bin/time, with peak RSS. Each
# repetition runs every row's ns-3, ToeSim plain and ToeSim TOE back to back, so drift of the
# shared machine hits all three alike. Raw lines go to bench/results/compare-raw.jsonl; the table
# (markdown) to stdout. ToeSim runs with the JVM options ./toesim gives users.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd -P)"
root="$(dirname "$here")"
REPS=${REPS:-2}
ONLY=${ONLY:-.}
NS3=${NS3:-"$root/../shared/bench/ns3"}
GiB=1073741824
MiB=1048576

if ! dpkg -s libns3-dev >/dev/null 2>&1; then
  echo "ns-3.37 missing: apt-get install -y libns3-dev ns3" >&2
  exit 2
fi
if [ ! -x "$NS3/bin/tcpbench" ] || [ ! -x "$NS3/bin/shortconn" ]; then
  scratch="${TMPDIR:-/tmp}/toesim-ns3-build"
  rm -rf "$scratch" && cp -r "$NS3" "$scratch" && (cd "$scratch" && ./build.sh >&2)
  NS3="$scratch"
fi
(cd "$root" && ./mvnw -q -B -o -DskipTests package -pl scenarios -am >&2 || ./mvnw -q -B -DskipTests package -pl scenarios -am >&2)
# a copy of the jar, run with the launcher's JVM options: edits to the tree during a long
# comparison neither rebuild nor change what is measured
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cp "$root/scenarios/target/toesim.jar" "$out/toesim.jar"
read -r -a JVM <<<"$(sed -n 's/^jvm_defaults="\(.*\)"$/\1/p' "$root/toesim")"
TOESIM=(java "${JVM[@]}" -Djava.awt.headless=true -jar "$out/toesim.jar")
TOE_SET=(--set 'hosts[1].nic.model=toe' --set 'hosts[1].offload=always')

# name | ns-3 program and arguments | ToeSim command (after "java -jar toesim.jar")
ROWS=(
  "S1_10G|tcpbench --label=S1_10G --rate=10Gbps --delay=10us --bytes=$GiB|run $here/scenarios/S1_10G.json"
  "S1_10G_buf256k|tcpbench --label=S1_10G_buf256k --buf=262144 --rate=10Gbps --delay=10us --bytes=$GiB|run $here/scenarios/S1_10G_buf256k.json"
  "S1_1G|tcpbench --label=S1_1G --rate=1Gbps --delay=1ms --bytes=$GiB|run $here/scenarios/S1_1G.json"
  "S2_100x10M|tcpbench --label=S2_100x10M --flows=100 --bytes=$((10*MiB)) --rate=10Gbps --delay=10us|run $here/scenarios/S2_100x10M.json"
  "S3_seq_msl1ms|shortconn --label=S3_seq_msl1ms --conns=10000 --concurrency=1 --msl=0.001|bench --only s3 --s3-count 10000"
  "S4_1G|tcpbench --label=S4_1G --errorRate=1e-4 --rate=1Gbps --delay=1ms --bytes=$GiB|run $here/scenarios/S4_1G.json"
)

mkdir -p "$here/results"
RAW="$here/results/compare-raw.jsonl"
: > "$RAW"
timed() { # label variant rep cmd...
  local label=$1 variant=$2 rep=$3 rc
  shift 3
  set +e
  /usr/bin/time -f '%e %M' -o "$out/time" "$@" > "$out/stdout" 2> "$out/stderr"
  rc=$?
  set -e
  read -r wall rss < "$out/time" || { wall=0; rss=0; }
  printf '{"row":"%s","variant":"%s","rep":%d,"exit":%d,"wall_s":%s,"rss_kib":%s}\n' \
    "$label" "$variant" "$rep" "$rc" "$wall" "$rss" >> "$RAW"
  if [ "$rc" != 0 ]; then
    echo "$label $variant rep $rep: exit $rc" >&2
    tail -3 "$out/stderr" >&2
  fi
}

for rep in $(seq 1 "$REPS"); do
  for row in "${ROWS[@]}"; do
    IFS='|' read -r name ns3cmd toesimcmd <<<"$row"
    [[ $name =~ $ONLY ]] || continue
    echo "rep $rep/$REPS: $name" >&2
    # shellcheck disable=SC2086
    timed "$name" ns3 "$rep" "$NS3/bin/"$ns3cmd
    if [[ $toesimcmd == run* ]]; then
      # shellcheck disable=SC2086
      timed "$name" plain "$rep" "${TOESIM[@]}" $toesimcmd --out "$out/r" --quiet
      # shellcheck disable=SC2086
      timed "$name" toe "$rep" "${TOESIM[@]}" $toesimcmd "${TOE_SET[@]}" --out "$out/r" --quiet
    else
      # shellcheck disable=SC2086
      timed "$name" plain "$rep" "${TOESIM[@]}" $toesimcmd
      # shellcheck disable=SC2086
      timed "$name" toe "$rep" "${TOESIM[@]}" $toesimcmd --toe
    fi
  done
done

python3 - "$RAW" <<'EOF'
import json, statistics, sys
runs = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
rows = []
for r in runs:
    if r["row"] not in rows:
        rows.append(r["row"])
def med(row, variant, key):
    v = [r[key] for r in runs if r["row"] == row and r["variant"] == variant and r["exit"] == 0]
    return statistics.median(v) if v else None
print("| scenario | ns-3 s | ToeSim plain / TOE s | ratio plain / TOE | peak RSS ns-3 / plain / TOE MiB |")
print("|---|---|---|---|---|")
for row in rows:
    n, p, t = (med(row, v, "wall_s") for v in ("ns3", "plain", "toe"))
    rn, rp, rt = (med(row, v, "rss_kib") for v in ("ns3", "plain", "toe"))
    f = lambda x: "fails" if x is None else "%.2f" % x
    ratio = lambda a, b: "-" if a is None or b is None or b == 0 else "%.1fx" % (a / b)
    mib = lambda x: "-" if x is None else "%d" % round(x / 1024)
    print("| %s | %s | %s / %s | %s / %s | %s / %s / %s |" % (row, f(n), f(p), f(t), ratio(n, p), ratio(n, t),
          mib(rn), mib(rp), mib(rt)))
EOF
