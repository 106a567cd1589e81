#!/usr/bin/env bash
# Reelgate benchmarks: builds the server if needed, starts it on 127.0.0.1 (embedded H2, and with --pg also on a
# throwaway local PostgreSQL cluster), measures every figure next to its baseline in the same run and prints one
# Markdown table. See bench/README.md.
#
#   bench/run.sh            full mode (about 10-20 minutes)
#   bench/run.sh --quick    short durations and small counts (a few minutes)
#   bench/run.sh --pg       also on PostgreSQL (needs a local postgresql server installation: initdb, pg_ctl)
#
# Environment: BENCH_JAR (server jar to use), BENCH_JAVA_OPTS (JVM options of the server), BENCH_KEEP=1 (keep the
# temp directory with the server logs), BENCH_NO_WRK=1 (use the Java load generator even if wrk is installed),
# BENCH_X264_PRESET (ffmpeg baseline preset when libopenh264 is missing, default veryfast),
# BENCH_ONLY=callbacks|upstream|webhooks|streams|submit (run only that scenario).
set -euo pipefail

MODE=full
WITH_PG=0
for arg in "$@"; do
    case "$arg" in
        --quick) MODE=quick ;;
        --pg) WITH_PG=1 ;;
        -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
        *) echo "unknown option: $arg (try --help)" >&2; exit 2 ;;
    esac
done

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
JAR=${BENCH_JAR:-$ROOT/reelgate-server/target/reelgate-server.jar}
JAVA=${JAVA:-java}

if [[ "$MODE" == quick ]]; then
    WARM=3; LOAD_SECS=10; CONNS=64
    DISPATCH_SAMPLES=8; RENDER_RUNS=1
    SUBMIT_COUNT_1=300; SUBMIT_COUNT_N=1000; SUBMIT_SECS=20; SUBMIT_CLIENTS=16; SUBMIT_WARM=1000
    SCALE_SMALL=10000; SCALE_LARGE=100000; SCALE_CONNS=16
    SWEEP_ROWS=10000; SWEEP_TIMEOUT=300
    CALLBACK_COUNT=1000
    UPSTREAM_COUNT=2000; UPSTREAM_WINDOW=12
    WEBHOOK_COUNT=20
    STREAM_SUBSCRIBERS=5000; STREAM_EVENTS=5
else
    WARM=10; LOAD_SECS=30; CONNS=64
    DISPATCH_SAMPLES=40; RENDER_RUNS=3
    SUBMIT_COUNT_1=2000; SUBMIT_COUNT_N=4000; SUBMIT_SECS=60; SUBMIT_CLIENTS=16; SUBMIT_WARM=2000
    SCALE_SMALL=10000; SCALE_LARGE=1000000; SCALE_CONNS=16
    SWEEP_ROWS=100000; SWEEP_TIMEOUT=1200
    CALLBACK_COUNT=1000
    UPSTREAM_COUNT=2000; UPSTREAM_WINDOW=30
    WEBHOOK_COUNT=50
    STREAM_SUBSCRIBERS=5000; STREAM_EVENTS=20
fi

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ------------------------------------------------------------------ build and tools

if [[ ! -f "$JAR" ]]; then
    log "building the server jar (./mvnw -B -q -DskipTests package)"
    (cd "$ROOT" && ./mvnw -B -q -DskipTests package) || die "build failed"
fi
[[ -f "$JAR" ]] || die "no server jar at $JAR"

can_apt() { [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; }
apt_updated=0
apt_install() {
    can_apt || return 1
    if [[ $apt_updated -eq 0 ]]; then apt-get update -qq >/dev/null 2>&1 || true; apt_updated=1; fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1
}

USE_WRK=0
if [[ "${BENCH_NO_WRK:-0}" != 1 ]]; then
    command -v wrk >/dev/null 2>&1 || { log "installing wrk"; apt_install wrk || true; }
    command -v wrk >/dev/null 2>&1 && USE_WRK=1
fi
[[ $USE_WRK -eq 1 ]] || log "wrk not available: using the Java load generator (bench/Bench.java)"
command -v ffmpeg >/dev/null 2>&1 || { log "installing ffmpeg"; apt_install ffmpeg || true; }
HAVE_FFMPEG=0; command -v ffmpeg >/dev/null 2>&1 && HAVE_FFMPEG=1

WORK=$(mktemp -d /tmp/reelgate-bench.XXXXXX)
chmod 755 "$WORK"
SERVER_PID=""
PG_DATA=""
cleanup() {
    set +e
    [[ -n "$SERVER_PID" ]] && stop_server
    [[ -n "$PG_DATA" ]] && pg_stop
    if [[ "${BENCH_KEEP:-0}" == 1 ]]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# JDBC drivers for the baselines and the seeding, taken from the server jar itself (same versions as the server)
mkdir -p "$WORK/lib"
(cd "$WORK/lib" && unzip -q -j -o "$JAR" 'BOOT-INF/lib/h2-*.jar' 'BOOT-INF/lib/postgresql-*.jar') \
    || die "cannot extract the JDBC drivers from $JAR (is unzip installed?)"
CP=$(ls "$WORK"/lib/*.jar | paste -sd:)
bench_java() { "$JAVA" -cp "$CP" "$BENCH_DIR/Bench.java" "$@"; }
kv() { tr ' ' '\n' <<<"$2" | sed -n "s/^$1=//p" | head -1; }   # kv NAME "a=1 b=2"

# ------------------------------------------------------------------ results table

RESULTS="$WORK/results.tsv"
: >"$RESULTS"
# row DB FIGURE MEASURED BASELINE_VALUE BASELINE_DESC RATIO TARGET
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$RESULTS"; log "result: $*"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || a == "NaN" || b == "NaN" || b + 0 == 0) print "n/a"; else printf "%.2f", a / b }'; }
fmt() { awk -v v="$1" 'BEGIN { if (v == "" || v == "NaN") print "n/a"; else if (v + 0 >= 100) printf "%.0f", v; else printf "%.2f", v }'; }

# ------------------------------------------------------------------ server lifecycle

free_port() {
    local p
    for _ in $(seq 1 200); do
        p=$((20000 + RANDOM % 40000))
        (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return 0; }
    done
    die "no free port found"
}

DB_ARGS=()
NEXT_PORT=""
# start_server DATA_DIR [extra server args...]: sets SERVER_PID, BASE, KEY. The port is NEXT_PORT when set (for a
# server that must be told its own address, e.g. as public-base-url), else a free one.
start_server() {
    local data=$1; shift
    mkdir -p "$data"
    PORT=${NEXT_PORT:-$(free_port)}
    NEXT_PORT=""
    BASE="http://127.0.0.1:$PORT"
    local logf="$data/server.log"
    # shellcheck disable=SC2086
    "$JAVA" ${BENCH_JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
        --reelgate.data-dir="$data" --reelgate.rate-limit.enabled=false --reelgate.dev-key.credits=1000000000 \
        "${DB_ARGS[@]}" "$@" >>"$logf" 2>&1 &
    SERVER_PID=$!
    local i
    for i in $(seq 1 240); do
        if curl -fsS -o /dev/null "$BASE/actuator/health/liveness" 2>/dev/null \
           && [[ -s "$data/dev-api-key.txt" ]]; then
            KEY=$(tr -d '[:space:]' <"$data/dev-api-key.txt")
            ADMIN=$( [[ -f "$data/admin-token.txt" ]] && tr -d '[:space:]' <"$data/admin-token.txt" || true)
            log "server up on $BASE (pid $SERVER_PID) after ${i}s"
            return 0
        fi
        kill -0 "$SERVER_PID" 2>/dev/null || { tail -30 "$logf" >&2; SERVER_PID=""; die "server exited during start"; }
        sleep 1
    done
    tail -30 "$logf" >&2
    die "server did not become live within 240 s"
}

stop_server() {
    [[ -n "$SERVER_PID" ]] || return 0
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    local i
    for i in $(seq 1 90); do
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 1
    done
    if kill -0 "$SERVER_PID" 2>/dev/null; then kill -KILL "$SERVER_PID" 2>/dev/null || true; fi
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
}

proc_kb() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$SERVER_PID/status"; }

# ------------------------------------------------------------------ load generation

to_ms() {  # wrk latency "1.23ms" / "850.00us" / "1.02s" -> milliseconds
    awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000; printf "%.3f", n }'
}

# load URL CONNS SECONDS [IDPREFIX IDCOUNT] -> "rps=.. p50_ms=.. p99_ms=.. errors=.."
# URL may contain {id}, replaced per request by a random seeded task id (IDPREFIX, 0..IDCOUNT-1).
load() {
    local url=$1 conns=$2 secs=$3 prefix=${4:-} count=${5:-0}
    if [[ $USE_WRK -eq 1 ]]; then
        local out="$WORK/wrk.out" script=()
        if [[ -n "$prefix" ]]; then
            cat >"$WORK/ids.lua" <<EOF
local n = $count
local path = "${url#http://*/}"
math.randomseed(os.time())
request = function()
  local id = string.format("${prefix}0000000-0000-4000-8000-%012d", math.random(0, n - 1))
  return wrk.format("GET", "/" .. string.gsub(path, "{id}", id))
end
EOF
            script=(-s "$WORK/ids.lua")
        fi
        local hdr=()
        [[ "$url" == */api/* ]] && hdr=(-H "Authorization: Bearer $KEY")
        wrk -t2 -c"$conns" -d"${secs}s" --timeout 10s --latency "${hdr[@]}" "${script[@]}" "$url" >"$out" 2>&1 \
            || { cat "$out" >&2; die "wrk failed"; }
        local rps p50 p99 non2xx sock
        rps=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
        p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")
        p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
        non2xx=$(awk '/Non-2xx/ { print $NF }' "$out"); non2xx=${non2xx:-0}
        sock=$(awk '/Socket errors/ { gsub(/[^0-9 ]/, ""); s = 0; for (i = 1; i <= NF; i++) s += $i; print s }' "$out")
        sock=${sock:-0}
        echo "rps=$rps p50_ms=$p50 p99_ms=$p99 errors=$((non2xx + sock))"
    else
        local k=-
        [[ "$url" == */api/* ]] && k=$KEY
        if [[ -n "$prefix" ]]; then bench_java load "$url" "$conns" "$secs" "$k" "$prefix" "$count"
        else bench_java load "$url" "$conns" "$secs" "$k"; fi
    fi
}

# ------------------------------------------------------------------ PostgreSQL

PG_BIN=""
pg_find() {
    local d
    for d in "$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent)")" /usr/lib/postgresql/*/bin; do
        if [[ -x "$d/initdb" && -x "$d/pg_ctl" ]]; then PG_BIN=$(cd "$d" && pwd -P); return 0; fi
    done
    return 1
}
as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_start() {
    PG_PORT=$(free_port)
    PG_DATA="$WORK/pg/data"
    mkdir -p "$WORK/pg"
    [[ $(id -u) -eq 0 ]] && chown postgres "$WORK/pg"
    as_pg "$PG_BIN/initdb" -D "$PG_DATA" --auth=trust -U postgres -E UTF8 >"$WORK/pg-initdb.log" 2>&1 || return 1
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$WORK/pg/server.log" -w -t 60 \
        -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1" start >/dev/null || return 1
}
pg_stop() { as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null 2>&1 || true; PG_DATA=""; }
pg_createdb() {
    as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qAt -c "CREATE DATABASE $1" >/dev/null 2>&1 \
        || as_pg psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qAt -c "CREATE DATABASE $1" >/dev/null
}

# ------------------------------------------------------------------ ffmpeg baseline (once, shared by both databases)

FF_720=""; FF_1080=""; FF_CODEC="none"
ffmpeg_baseline() {
    [[ $HAVE_FFMPEG -eq 1 ]] || { log "ffmpeg unavailable: render baseline skipped"; return 0; }
    local codec_opts
    if ffmpeg -hide_banner -encoders 2>/dev/null | grep -q libopenh264; then
        FF_CODEC="libopenh264"
        codec_opts=(-c:v libopenh264 -threads 1 -slices 1)
    else
        FF_CODEC="libx264 -preset ${BENCH_X264_PRESET:-veryfast}"
        codec_opts=(-c:v libx264 -preset "${BENCH_X264_PRESET:-veryfast}" -threads 1)
    fi
    local size kbps times t0 t1 r
    for size in 1280x720 1920x1080; do
        # the server's bitrate: 4000 kbps at 1280x720, scaled by the pixel count
        kbps=$(( 4000 * ${size%x*} * ${size#*x} / (1280 * 720) ))
        times=()
        for r in $(seq 1 "$RENDER_RUNS"); do
            t0=$(date +%s.%N)
            timeout 300 ffmpeg -hide_banner -loglevel error -y -f lavfi -i "testsrc2=size=$size:rate=24" -frames:v 120 \
                "${codec_opts[@]}" -b:v "${kbps}k" -g 24 -pix_fmt yuv420p -movflags +faststart "$WORK/ff-$size.mp4" \
                || { log "ffmpeg failed"; return 0; }
            t1=$(date +%s.%N)
            times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')")
        done
        local median
        median=$(printf '%s\n' "${times[@]}" | sort -g | awk '{ a[NR] = $1 } END { print a[int(NR / 2) + 1] }')
        if [[ $size == 1280x720 ]]; then FF_720=$median; else FF_1080=$median; fi
    done
    log "ffmpeg ($FF_CODEC): 720p ${FF_720}s, 1080p ${FF_1080}s"
}

# ------------------------------------------------------------------ callbacks

# callbacks_phase DB: tasks cancelled at once (no workers), 10 % calling back a receiver that never answers, the rest a
# fast one; the fast receiver's latency from cancel to callback, beside a bare POST loop to it (bench/CallbackBench.java)
callbacks_phase() {
    local db=$1 d="$WORK/$1-callbacks" r
    set_db "$db" callbacks "$d"
    start_server "$d" --reelgate.dispatch.workers=0 --reelgate.outbound.allow-private-networks=true
    r=$("$JAVA" "$BENCH_DIR/CallbackBench.java" "$BASE" "$KEY" "$CALLBACK_COUNT" "${BENCH_CALLBACK_HANGING:-10}" 120)
    local what="$CALLBACK_COUNT callbacks, $(kv hanging "$r") to a receiver that never answers ($(kv delivered "$r")/$(kv fast "$r") fast delivered)"
    row "$db" "callbacks: fast receiver p50, cancel answered -> callback received, $what" "$(fmt "$(kv p50_ms "$r")") ms" \
        "$(fmt "$(kv base_p50_ms "$r")") ms" "bare POST loop to the same receiver" \
        "$(ratio "$(kv p50_ms "$r")" "$(kv base_p50_ms "$r")")" "(latency; lower is better)"
    row "$db" "callbacks: fast receiver p99 (from cancel sent: p50 $(fmt "$(kv sent_p50_ms "$r")") ms, p99 $(fmt "$(kv sent_p99_ms "$r")") ms; the cancel itself: p50 $(fmt "$(kv cancel_p50_ms "$r")") ms, p99 $(fmt "$(kv cancel_p99_ms "$r")") ms)" \
        "$(fmt "$(kv p99_ms "$r")") ms" "$(fmt "$(kv base_p99_ms "$r")") ms" \
        "bare POST loop to the same receiver" "$(ratio "$(kv p99_ms "$r")" "$(kv base_p99_ms "$r")")" "p99 < 1000 ms"
    stop_server
}

# ------------------------------------------------------------------ upstream in flight

# upstream_phase DB: UPSTREAM_COUNT tasks parked at a fake Runway API inside bench/UpstreamBench.java (status answers
# after 200 ms, polled every 6 s): poll lag p50/p99 and server CPU, beside a bare async GET loop to the same fake;
# then the lag while 20 tasks succeed at once with a multi-second video to download and re-encode
upstream_phase() {
    local db=$1 d="$WORK/$1-upstream" r fport video=-
    set_db "$db" upstream "$d"
    mkdir -p "$d"
    if [[ $HAVE_FFMPEG -eq 1 ]]; then
        video="$WORK/upstream-output.mp4"
        [[ -f "$video" ]] || ffmpeg -v error -y -f lavfi -i testsrc2=size=1280x720:rate=24 -t 8 -c:v libx264 \
            -preset veryfast -pix_fmt yuv420p "$video"
    fi
    fport=$(free_port)
    "$JAVA" "$BENCH_DIR/UpstreamBench.java" "$fport" "$d" "$UPSTREAM_COUNT" "$UPSTREAM_WINDOW" "$video" \
        >"$d/upstream-bench.out" 2>"$d/upstream-bench.err" &
    local bench_pid=$!
    start_server "$d" --reelgate.engine.runway.api-secret="key_bench$(printf '0%.0s' $(seq 1 60))" \
        --reelgate.engine.runway.base-url="http://127.0.0.1:$fport" --reelgate.engine.runway.poll-interval=6s \
        --reelgate.routing.generate=runway --reelgate.outbound.allowed-hosts=127.0.0.1 ${UPSTREAM_SERVER_ARGS:-}
    echo "$BASE $SERVER_PID" >"$d/bench-server.txt"
    wait "$bench_pid" || { cat "$d/upstream-bench.err" >&2; stop_server; log "upstream scenario failed"; return 0; }
    r=$(cat "$d/upstream-bench.out")
    local what="$(kv parked "$r") tasks parked, 200 ms answers, polled every 6 s ($(kv polls "$r") polls; server CPU $(kv cpu_pct "$r") % of a core, bare loop's process $(kv base_cpu_pct "$r") %)"
    row "$db" "upstream in flight: poll lag p50 (poll arrival - previous answer - 6 s), $what" "$(fmt "$(kv p50_ms "$r")") ms" \
        "$(fmt "$(kv base_p50_ms "$r")") ms" "bare async GET loop, same schedule, same fake" \
        "$(ratio "$(kv p50_ms "$r")" "$(kv base_p50_ms "$r")")" "(latency; lower is better)"
    row "$db" "upstream in flight: poll lag p99 (max $(fmt "$(kv max_ms "$r")") ms)" "$(fmt "$(kv p99_ms "$r")") ms" \
        "$(fmt "$(kv base_p99_ms "$r")") ms" "bare async GET loop" \
        "$(ratio "$(kv p99_ms "$r")" "$(kv base_p99_ms "$r")")" "p99 < 1000 ms"
    row "$db" "upstream in flight: poll lag p99 while 20 results are collected ($(kv downloaded "$r")/20 downloaded, $(kv collect_polls "$r") polls; p50 $(fmt "$(kv collect_p50_ms "$r")") ms)" \
        "$(fmt "$(kv collect_p99_ms "$r")") ms" "$(fmt "$(kv base_p99_ms "$r")") ms" "bare async GET loop" \
        "$(ratio "$(kv collect_p99_ms "$r")" "$(kv base_p99_ms "$r")")" "p99 < 1000 ms"
    stop_server
}

# ------------------------------------------------------------------ webhook completion

WEBHOOK_SECRET=whsec_cmVlbGdhdGUtYmVuY2gtd2ViaG9va3Mh   # "reelgate-bench-webhooks!": Standard Webhooks, 24 bytes
WEBHOOK_RUN_MS=3000; WEBHOOK_SPREAD_MS=5000; WEBHOOK_GAP_MS=300

# webhooks_phase DB: WEBHOOK_COUNT tasks of a registry model routed to replicate, at a fake Replicate inside
# bench/WebhookBench.java whose runs end 3 s + up to one poll interval (5 s) after their create; provider end ->
# success with the engine's webhooks on (public-base-url = the server's own base, so the fake can call back), beside
# the same with polling only (no public-base-url: the engine's default poll-interval, 5 s)
webhooks_phase() {
    local db=$1 video="$WORK/webhook-output.mp4" on off
    [[ $HAVE_FFMPEG -eq 1 ]] || { log "ffmpeg unavailable: webhook scenario skipped"; return 0; }
    [[ -f "$video" ]] || ffmpeg -v error -y -f lavfi -i testsrc2=size=640x360:rate=24 -t 2 -c:v libx264 \
        -preset veryfast -pix_fmt yuv420p "$video"
    webhook_run "$db" webhooks "$video" || return 0
    on=$WEBHOOK_RESULT
    webhook_run "$db" polling "$video" || return 0
    off=$WEBHOOK_RESULT
    local what="$WEBHOOK_COUNT tasks at a fake Replicate, runs end 3-8 s after create, one submit every $WEBHOOK_GAP_MS ms ($(kv done "$on")/$(kv done "$off") succeeded; webhooks $(kv webhooks_ok "$on")/$(kv webhooks_sent "$on") accepted; $(kv polls "$on") / $(kv polls "$off") status reads, of which $(kv repolls "$on") / $(kv repolls "$off") of an already succeeded run)"
    local base="polling only (no public-base-url, poll-interval 5 s default)"
    row "$db" "webhook completion: p50 provider end -> success event, $what" "$(fmt "$(kv p50_ms "$on")") ms" \
        "$(fmt "$(kv p50_ms "$off")") ms" "$base" "$(ratio "$(kv p50_ms "$on")" "$(kv p50_ms "$off")")" \
        "(latency; lower is better)"
    row "$db" "webhook completion: p99 provider end -> success (max $(fmt "$(kv max_ms "$on")") ms; polling only: max $(fmt "$(kv max_ms "$off")") ms)" \
        "$(fmt "$(kv p99_ms "$on")") ms" "$(fmt "$(kv p99_ms "$off")") ms" "polling only" \
        "$(ratio "$(kv p99_ms "$on")" "$(kv p99_ms "$off")")" "(latency; lower is better)"
    row "$db" "webhook completion: p50 submit answered -> success" "$(fmt "$(kv sub_p50_ms "$on")") ms" \
        "$(fmt "$(kv sub_p50_ms "$off")") ms" "polling only" \
        "$(ratio "$(kv sub_p50_ms "$on")" "$(kv sub_p50_ms "$off")")" "(latency; lower is better)"
    row "$db" "webhook completion: p99 submit answered -> success" "$(fmt "$(kv sub_p99_ms "$on")") ms" \
        "$(fmt "$(kv sub_p99_ms "$off")") ms" "polling only" \
        "$(ratio "$(kv sub_p99_ms "$on")" "$(kv sub_p99_ms "$off")")" "(latency; lower is better)"
}

# webhook_run DB MODE VIDEO: one server (MODE webhooks or polling) against a fresh fake; sets WEBHOOK_RESULT (not run
# in a subshell, so the exit trap still knows the server)
webhook_run() {
    local db=$1 mode=$2 video=$3 d="$WORK/$1-webhooks-$2" fport callback=()
    set_db "$db" "webhooks-$mode" "$d"
    mkdir -p "$d"
    fport=$(free_port)
    NEXT_PORT=$(free_port)
    [[ $mode == webhooks ]] && callback=(--reelgate.api.public-base-url="http://127.0.0.1:$NEXT_PORT")
    "$JAVA" "$BENCH_DIR/WebhookBench.java" "$fport" "$d" "$WEBHOOK_COUNT" "$WEBHOOK_RUN_MS" "$WEBHOOK_SPREAD_MS" \
        "$WEBHOOK_GAP_MS" "$WEBHOOK_SECRET" "$video" >"$d/webhook-bench.out" 2>"$d/webhook-bench.err" &
    local bench_pid=$!
    # shellcheck disable=SC2086
    start_server "$d" --reelgate.engine.replicate.api-token="r8_bench$(printf '0%.0s' $(seq 1 32))" \
        --reelgate.engine.replicate.base-url="http://127.0.0.1:$fport/v1" \
        --reelgate.engine.replicate.webhook-secret="$WEBHOOK_SECRET" --reelgate.outbound.allowed-hosts=127.0.0.1 \
        "--reelgate.routing.models[bytedance/v1-pro-text-to-video]=replicate" "${callback[@]}" ${WEBHOOK_SERVER_ARGS:-}
    echo "$BASE $SERVER_PID" >"$d/bench-server.txt"
    if ! wait "$bench_pid"; then
        cat "$d/webhook-bench.err" >&2; stop_server; log "webhook scenario ($mode) failed"; return 1
    fi
    stop_server
    WEBHOOK_RESULT=$(cat "$d/webhook-bench.out")
    log "webhooks ($mode): $WEBHOOK_RESULT"
}

# ------------------------------------------------------------------ streams

# streams_phase DB: STREAM_SUBSCRIBERS concurrent SSE subscribers of one key, STREAM_EVENTS task changes fanned out to
# all of them; latency from the event's own "at" to arrival, and heap per subscriber, beside a bare fan-out of the same
# lines to as many loopback sockets (bench/StreamBench.java)
streams_phase() {
    local db=$1 d="$WORK/$1-streams" r
    set_db "$db" streams "$d"
    start_server "$d" --reelgate.dispatch.workers=0 ${STREAM_SERVER_ARGS:-}
    r=$("$JAVA" "$BENCH_DIR/StreamBench.java" "$BASE" "$KEY" "$SERVER_PID" "$STREAM_SUBSCRIBERS" "$STREAM_EVENTS")
    local what="$(kv open "$r")/$(kv subscribers "$r") subscribers open, $STREAM_EVENTS events, $(kv deliveries "$r")/$(kv expected "$r") delivered"
    row "$db" "streams: fan-out p50, event at -> received, $what" "$(fmt "$(kv p50_ms "$r")") ms" \
        "$(fmt "$(kv base_p50_ms "$r")") ms" "same lines written to as many loopback sockets in one loop" \
        "$(ratio "$(kv p50_ms "$r")" "$(kv base_p50_ms "$r")")" "(latency; lower is better)"
    row "$db" "streams: fan-out p99" "$(fmt "$(kv p99_ms "$r")") ms" "$(fmt "$(kv base_p99_ms "$r")") ms" \
        "bare socket fan-out" "$(ratio "$(kv p99_ms "$r")" "$(kv base_p99_ms "$r")")" "-"
    row "$db" "streams: heap per subscriber after full GC (heap $(fmt "$(kv heap_before_mb "$r")") -> $(fmt "$(kv heap_after_mb "$r")") MiB)" \
        "$(fmt "$(kv heap_per_sub_kb "$r")") KiB" "-" "-" "-" "-"
    stop_server
}

# ------------------------------------------------------------------ submit

# submit_phase DB SCRATCH_URL USER PASS: durable submits against a server with no workers (nothing is rendered, tasks
# stay 'wait'), by 1 and by SUBMIT_CLIENTS clients, beside a bare single-row INSERT loop into the same kind of database
submit_phase() {
    local db=$1 scratch_url=$2 scratch_user=$3 scratch_pass=$4 d r b
    d="$WORK/$db-submit"
    set_db "$db" submit "$d"
    start_server "$d" --reelgate.dispatch.workers=0
    bench_java submit "$BASE" "$KEY" 4 "$SUBMIT_WARM" 60 >/dev/null   # warm-up: the JIT compiles the submit path first
    r=$(bench_java submit "$BASE" "$KEY" 1 "$SUBMIT_COUNT_1" "$SUBMIT_SECS")
    b=$(bench_java insert "$scratch_url" "$scratch_user" "$scratch_pass" 1 "$SUBMIT_COUNT_1" "$SUBMIT_SECS")
    row "$db" "submit, durable POST generate/s, 1 client (errors $(kv errors "$r"))" "$(fmt "$(kv per_s "$r")")" \
        "$(fmt "$(kv per_s "$b")")" "single-row INSERT loop, 1 thread, autocommit" "$(ratio "$(kv per_s "$r")" "$(kv per_s "$b")")" "-"
    r=$(bench_java submit "$BASE" "$KEY" "$SUBMIT_CLIENTS" "$SUBMIT_COUNT_N" "$SUBMIT_SECS")
    b=$(bench_java insert "$scratch_url" "$scratch_user" "$scratch_pass" "$SUBMIT_CLIENTS" "$SUBMIT_COUNT_N" "$SUBMIT_SECS")
    row "$db" "submit, durable POST generate/s, $SUBMIT_CLIENTS clients (errors $(kv errors "$r"))" "$(fmt "$(kv per_s "$r")")" \
        "$(fmt "$(kv per_s "$b")")" "single-row INSERT loop, $SUBMIT_CLIENTS threads" "$(ratio "$(kv per_s "$r")" "$(kv per_s "$b")")" "-"
    # the same clients with a key each: one key's submits queue on its balance row from the charge to the commit
    local keys
    keys=$(bench_java keys "$BASE" "$ADMIN" "$SUBMIT_CLIENTS" 1000000000)
    r=$(bench_java submit "$BASE" "$keys" "$SUBMIT_CLIENTS" "$SUBMIT_COUNT_N" "$SUBMIT_SECS")
    row "$db" "submit, durable POST generate/s, $SUBMIT_CLIENTS clients with a key each (errors $(kv errors "$r"))" \
        "$(fmt "$(kv per_s "$r")")" "$(fmt "$(kv per_s "$b")")" "single-row INSERT loop, $SUBMIT_CLIENTS threads" \
        "$(ratio "$(kv per_s "$r")" "$(kv per_s "$b")")" ">= 0.30 (PostgreSQL)"
    stop_server
}

# ------------------------------------------------------------------ one database's suite

run_suite() {
    local db=$1 scratch_url=$2 scratch_user=$3 scratch_pass=$4 dburl_of=$5
    local d r b
    log "=== $db ==="
    if [[ "${BENCH_ONLY:-}" == callbacks ]]; then callbacks_phase "$db"; return 0; fi
    if [[ "${BENCH_ONLY:-}" == upstream ]]; then upstream_phase "$db"; return 0; fi
    if [[ "${BENCH_ONLY:-}" == webhooks ]]; then webhooks_phase "$db"; return 0; fi
    if [[ "${BENCH_ONLY:-}" == streams ]]; then streams_phase "$db"; return 0; fi
    if [[ "${BENCH_ONLY:-}" == submit ]]; then submit_phase "$db" "$scratch_url" "$scratch_user" "$scratch_pass"; return 0; fi

    # --- main server: dispatch latency, preview render, status polling, memory
    d="$WORK/$db-main"
    set_db "$db" main "$d"
    start_server "$d"
    r=$(bench_java dispatch "$BASE" "$KEY" "$DISPATCH_SAMPLES" 300)
    row "$db" "dispatch latency p50, submit -> generating via SSE, idle engine ($(kv samples "$r") samples, $(kv missed "$r") missed)" \
        "$(fmt "$(kv p50_ms "$r")") ms" "$(fmt "$(kv submit_p50_ms "$r")") ms" "the submit's own HTTP answer (same samples)" \
        "$(ratio "$(kv p50_ms "$r")" "$(kv submit_p50_ms "$r")")" "p50 < 50 ms"
    row "$db" "dispatch latency p99" "$(fmt "$(kv p99_ms "$r")") ms" "$(fmt "$(kv submit_p99_ms "$r")") ms" \
        "the submit's own HTTP answer" "$(ratio "$(kv p99_ms "$r")" "$(kv submit_p99_ms "$r")")" "-"

    local quality ff task=""
    for quality in 720p 1080p; do
        r=$(bench_java render "$BASE" "$KEY" "$quality" "$RENDER_RUNS" 600)
        [[ -z "$task" ]] && task=$(kv task "$r")
        ff=$FF_720; [[ $quality == 1080p ]] && ff=$FF_1080
        row "$db" "preview render, 5 s $quality (120 frames; median of $(kv runs "$r"))" "$(fmt "$(kv seconds "$r")") s" \
            "$(fmt "$ff") s" "ffmpeg CLI, testsrc2, $FF_CODEC" "$(ratio "$(kv seconds "$r")" "$ff")" "(time; lower is better)"
    done
    [[ -n "$task" ]] || die "no finished task to poll (render failed; see $d/server.log)"

    local detail="$BASE/api/v1/runway/record-detail?taskId=$task" live="$BASE/actuator/health/liveness"
    load "$live" "$CONNS" "$WARM" >/dev/null
    load "$detail" "$CONNS" "$WARM" >/dev/null
    b=$(load "$live" "$CONNS" "$LOAD_SECS")
    local rss_idle hwm
    rss_idle=$(proc_kb VmRSS)
    echo 5 >"/proc/$SERVER_PID/clear_refs" 2>/dev/null || log "cannot reset VmHWM: peak RSS includes earlier phases"
    r=$(load "$detail" "$CONNS" "$LOAD_SECS")
    hwm=$(proc_kb VmHWM)
    row "$db" "status polling record-detail, req/s at $CONNS conns (errors $(kv errors "$r"))" "$(fmt "$(kv rps "$r")")" \
        "$(fmt "$(kv rps "$b")")" "/actuator/health/liveness (no auth, no DB)" "$(ratio "$(kv rps "$r")" "$(kv rps "$b")")" ">= 0.70"
    row "$db" "status polling p50 latency" "$(fmt "$(kv p50_ms "$r")") ms" "$(fmt "$(kv p50_ms "$b")") ms" "liveness" \
        "$(ratio "$(kv p50_ms "$r")" "$(kv p50_ms "$b")")" "(latency; lower is better)"
    row "$db" "status polling p99 latency" "$(fmt "$(kv p99_ms "$r")") ms" "$(fmt "$(kv p99_ms "$b")") ms" "liveness" \
        "$(ratio "$(kv p99_ms "$r")" "$(kv p99_ms "$b")")" "(latency; lower is better)"
    row "$db" "memory: peak RSS (VmHWM) under the polling load" "$((hwm / 1024)) MiB" "$((rss_idle / 1024)) MiB" \
        "RSS of the same server at rest just before" "$(ratio "$hwm" "$rss_idle")" "-"
    stop_server

    submit_phase "$db" "$scratch_url" "$scratch_user" "$scratch_pass"
    callbacks_phase "$db"
    upstream_phase "$db"
    webhooks_phase "$db"
    streams_phase "$db"

    # --- scale: seed finished tasks with the server stopped (H2 holds a file lock), restart, measure
    d="$WORK/$db-scale"
    set_db "$db" scale "$d"
    start_server "$d" && stop_server      # creates the schema and the dev key
    local url; url=$($dburl_of "$d")
    local small_p99="" n prev=0 s
    for n in "$SCALE_SMALL" "$SCALE_LARGE"; do
        s=$(bench_java seed "$url" "$DB_USER" "$DB_PASS" b "$prev" "$n" done)
        log "seeded $((n - prev)) tasks in $(kv seconds "$s") s"
        prev=$n
        start_server "$d"
        # longer warm-up: a restarted JVM is cold, and H2 may still be tidying the file after the bulk insert
        load "$BASE/api/v1/runway/record-detail?taskId={id}" "$SCALE_CONNS" "$((WARM * 3))" b "$n" >/dev/null
        r=$(load "$BASE/api/v1/runway/record-detail?taskId={id}" "$SCALE_CONNS" "$LOAD_SECS" b "$n")
        stop_server
        if [[ -z "$small_p99" ]]; then
            small_p99=$(kv p99_ms "$r")
            row "$db" "scale: record-detail p99, $n tasks, random ids, $SCALE_CONNS conns ($(fmt "$(kv rps "$r")") req/s)" \
                "$(fmt "$small_p99") ms" "" "-" "-" "-"
        else
            row "$db" "scale: record-detail p99, $n tasks, random ids, $SCALE_CONNS conns ($(fmt "$(kv rps "$r")") req/s)" \
                "$(fmt "$(kv p99_ms "$r")") ms" "$(fmt "$small_p99") ms" "same, $SCALE_SMALL tasks" \
                "$(ratio "$(kv p99_ms "$r")" "$small_p99")" "~1.0 (flat)"
        fi
    done

    # --- retention: expired rows on top of the large table; the first sweep runs 30 s after start
    s=$(bench_java seed "$url" "$DB_USER" "$DB_PASS" e 0 "$SWEEP_ROWS" expired)
    log "seeded $SWEEP_ROWS expired tasks in $(kv seconds "$s") s"
    start_server "$d" --reelgate.retention.sweep-interval=1s
    r=$(bench_java expiry "$BASE" "$KEY" "$(id_of e 0)" "$(id_of e $((SWEEP_ROWS - 1)))" "$SWEEP_TIMEOUT")
    stop_server
    local expired_logged
    expired_logged=$(grep -c 'result expired' "$d/server.log" || true)
    b=$(bench_java sweepbase "$scratch_url" "$scratch_user" "$scratch_pass" "$SWEEP_ROWS" "$SWEEP_TIMEOUT")
    row "$db" "retention sweep of $SWEEP_ROWS expired tasks (first -> last expired; $expired_logged logged)" \
        "$(fmt "$(kv seconds "$r")") s" "$(fmt "$(kv seconds "$b")") s" "JDBC: SELECT 500 + UPDATE per row, no files" \
        "$(ratio "$(kv seconds "$r")" "$(kv seconds "$b")")" "(time; lower is better)"
}

id_of() { printf '%s0000000-0000-4000-8000-%012d' "$1" "$2"; }

h2_url() { echo "jdbc:h2:file:$1/db/reelgate;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0"; }
pg_url() { echo "jdbc:postgresql://127.0.0.1:$PG_PORT/$(basename "$1" | tr '-' '_' | tr '[:upper:]' '[:lower:]')"; }

# set_db DB PHASE DATA_DIR: server database arguments for one phase (PostgreSQL: a fresh database per phase)
set_db() {
    if [[ $1 == H2 ]]; then
        DB_ARGS=(); DB_USER=sa; DB_PASS=-
    else
        local name; name=$(basename "$3" | tr '-' '_' | tr '[:upper:]' '[:lower:]')
        pg_createdb "$name"
        DB_ARGS=(--spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/$name" --spring.datasource.username=postgres
                 --spring.datasource.password=)
        DB_USER=postgres; DB_PASS=-
    fi
}

# ------------------------------------------------------------------ main

START=$(date +%s)
LOADAVG_START=$(cut -d' ' -f1-3 /proc/loadavg)
log "mode $MODE; jar $JAR; work dir $WORK; load generator $([[ $USE_WRK -eq 1 ]] && echo wrk || echo Bench.java)"
[[ -n "${BENCH_ONLY:-}" ]] || ffmpeg_baseline

# the INSERT baseline's database: a separate H2 file with the server's URL options
run_suite H2 "jdbc:h2:file:$WORK/scratch-h2/scratch;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0" sa - h2_url

if [[ $WITH_PG -eq 1 ]]; then
    if ! pg_find; then
        log "SKIPPING PostgreSQL: no initdb/pg_ctl found (Debian: apt-get install postgresql)"
    elif ! pg_start; then
        log "SKIPPING PostgreSQL: could not start a throwaway cluster (see $WORK/pg-initdb.log)"; PG_DATA=""
    else
        log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{ print $3 }') on 127.0.0.1:$PG_PORT"
        pg_createdb scratch
        run_suite PostgreSQL "jdbc:postgresql://127.0.0.1:$PG_PORT/scratch" postgres - pg_url
        pg_stop
    fi
fi

# ------------------------------------------------------------------ the table
MEM_KB=$(awk '/^MemTotal:/ { print $2 }' /proc/meminfo)
CPU=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
echo
echo "Reelgate benchmark, $MODE mode, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores ($CPU), $((MEM_KB / 1024 / 1024)) GiB RAM,"
echo "$("$JAVA" -version 2>&1 | head -1), load generator $([[ $USE_WRK -eq 1 ]] && echo "wrk -t2" || echo Bench.java),"
echo "load average before the run: $LOADAVG_START, after: $(cut -d' ' -f1-3 /proc/loadavg), took $(( $(date +%s) - START )) s"
echo
echo "| DB | Figure | Measured | Baseline | Baseline is | Ratio (measured / baseline) | Target |"
echo "|---|---|---|---|---|---|---|"
awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, ($4 == "" ? "-" : $4), $5, $6, $7 }' "$RESULTS"
