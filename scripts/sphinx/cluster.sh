#!/usr/bin/env bash
# A Sphinx cluster on one machine, for tests and local runs: two shard daemons holding the passages
# (real-time indexes) and one aggregator whose distributed indexes fan every query out to the shards.
#
#   scripts/sphinx/cluster.sh install            install Debian's sphinxsearch when searchd is missing
#   scripts/sphinx/cluster.sh start  [NODE...]   write the configs, start the nodes, wait until they answer
#   scripts/sphinx/cluster.sh stop   [NODE...]   stop nodes by the pid in their pid file (SIGTERM, saves RT data)
#   scripts/sphinx/cluster.sh kill   NODE...     SIGKILL a node by pid (a crash: RT data comes back from the binlog)
#   scripts/sphinx/cluster.sh status             one line a node: name, state, pid, SphinxQL address
#   scripts/sphinx/cluster.sh env                the environment that points the engine at this cluster
#
# NODE is agg, shard0, shard1, … (default: every node; shards start before and stop after the aggregator).
# Settings (environment): SPHINX_BASE_PORT (default 19306), SPHINX_SHARD_COUNT (default 2),
# SPHINX_WORK_DIR (default ${TMPDIR:-/tmp}/gov-search-sphinx-$SPHINX_BASE_PORT): configs, data, logs, pids.
# Ports: the aggregator speaks SphinxQL on BASE; shard i on BASE+10(i+1) (SphinxQL) and BASE+10(i+1)+1
# (the binary API the aggregator's agents use). Everything listens on 127.0.0.1 only.
set -euo pipefail

BASE_PORT="${SPHINX_BASE_PORT:-19306}"
SHARD_COUNT="${SPHINX_SHARD_COUNT:-2}"
WORK_DIR="${SPHINX_WORK_DIR:-${TMPDIR:-/tmp}/gov-search-sphinx-$BASE_PORT}"
HOST=127.0.0.1
CHARSET='0..9, a..z, A..Z->a..z'

die() { echo "cluster.sh: $*" >&2; exit 1; }

[[ "$BASE_PORT" =~ ^[0-9]+$ ]] || die "SPHINX_BASE_PORT must be a number, got '$BASE_PORT'"
[[ "$SHARD_COUNT" =~ ^[1-9][0-9]*$ ]] || die "SPHINX_SHARD_COUNT must be a positive number, got '$SHARD_COUNT'"

shard_names() { local i; for ((i = 0; i < SHARD_COUNT; i++)); do echo "shard$i"; done; }
sql_port() { if [[ "$1" == agg ]]; then echo "$BASE_PORT"; else echo $((BASE_PORT + 10 * (${1#shard} + 1))); fi; }
api_port() { echo $(($(sql_port "$1") + 1)); }
node_dir() { echo "$WORK_DIR/$1"; }
pid_of() { local f; f="$(node_dir "$1")/searchd.pid"; [[ -s "$f" ]] && cat "$f" || true; }
alive() { local pid; pid="$(pid_of "$1")"; [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; }
answers() { (exec 3<>"/dev/tcp/$HOST/$(sql_port "$1")") 2>/dev/null; }

valid_node() {
  [[ "$1" == agg ]] && return 0
  [[ "$1" =~ ^shard([0-9]+)$ ]] && ((${BASH_REMATCH[1]} < SHARD_COUNT)) && return 0
  die "unknown node '$1': use agg or shard0..shard$((SHARD_COUNT - 1))"
}

install_sphinx() {
  command -v searchd >/dev/null 2>&1 && return 0
  command -v apt-get >/dev/null 2>&1 || die "searchd is missing and apt-get is not available: install Sphinx 2.2 or Manticore by hand"
  local sudo=""
  [[ "$(id -u)" == 0 ]] || sudo="sudo"
  echo "installing sphinxsearch (Debian package)…" >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq sphinxsearch >/dev/null
  command -v searchd >/dev/null 2>&1 || die "apt-get install sphinxsearch did not provide searchd"
}

searchd_section() {
  local node="$1" dir="$2"
  cat <<EOF
searchd
{
	listen			= $HOST:$(api_port "$node")
	listen			= $HOST:$(sql_port "$node"):mysql41
	log			= $dir/searchd.log
	pid_file		= $dir/searchd.pid
	binlog_path		= $dir/binlog
	binlog_flush		= 2
	workers			= threads
	max_packet_size		= 64M
	read_timeout		= 30
	client_timeout		= 600
	collation_server	= binary
	expansion_limit		= 0
	max_filter_values	= 1048576
	watchdog		= 0
	listen_backlog		= 1024
}
EOF
}

rt_index() {
  local name="$1" dir="$2"
  shift 2
  echo "index $name"
  echo "{"
  echo "	type		= rt"
  echo "	path		= $dir/data/$name"
  echo "	dict		= keywords"
  echo "	min_prefix_len	= 2"
  echo "	min_word_len	= 1"
  echo "	charset_table	= $CHARSET"
  echo "	rt_mem_limit	= 256M"
  local line
  for line in "$@"; do echo "	$line"; done
  echo "}"
}

shard_config() {
  local dir="$1"
  # passages: what searches match and filter on (an agent ships every attribute of every match to the
  # aggregator, so nothing bulky lives here); texts: the passages themselves, read by id.
  rt_index passages "$dir" 'rt_field = words' 'rt_field = bigrams' 'rt_field = heading' 'rt_field = en' \
    'rt_attr_string = pid' 'rt_attr_uint = doc' 'rt_attr_uint = year' 'rt_attr_uint = kind'
  rt_index texts "$dir" 'rt_field = body' 'rt_attr_string = pid' 'rt_attr_uint = doc' 'rt_attr_uint = kind' \
    'rt_attr_uint = ordinal' 'rt_attr_uint = span_start' 'rt_attr_uint = span_end' \
    'rt_attr_uint = paragraph' 'rt_attr_uint = page' 'rt_attr_uint = page_end' 'rt_attr_string = page_breaks' \
    'rt_attr_string = section' \
    'rt_attr_string = text' 'rt_attr_string = text_en' 'rt_attr_string = mkey' 'rt_attr_string = mkey_en'
  rt_index vocab "$dir" 'rt_field = prefix' 'rt_attr_string = term' 'rt_attr_uint = freq' 'rt_attr_uint = len'
  rt_index corpus_meta "$dir" 'rt_field = note' 'rt_attr_string = fingerprint' 'rt_attr_uint = passages' \
    'rt_attr_uint = shard' 'rt_attr_uint = shards' 'rt_attr_uint = vocab'
}

aggregator_config() {
  local index shard
  for index in passages texts vocab; do
    echo "index ${index}_dist"
    echo "{"
    echo "	type			= distributed"
    for shard in $(shard_names); do echo "	agent			= $HOST:$(api_port "$shard"):$index"; done
    echo "	agent_connect_timeout	= 3000"
    echo "	agent_query_timeout	= 30000"
    echo "}"
  done
}

# A shard whose real-time indexes were created under another schema (an older cluster.sh) would keep it:
# Sphinx reads an RT index's attributes from its files, not from the config. Its data is a copy of the
# corpus that the engine reloads, so it is dropped, with a note, when the schema changed.
reset_stale_data() {
  local node="$1" dir="$2" schema
  schema="$(shard_config '' | cksum | cut -d' ' -f1)"
  if [[ -d "$dir/data" && -n "$(ls -A "$dir/data")" && "$(cat "$dir/schema" 2>/dev/null)" != "$schema" ]]; then
    echo "$node: the index schema changed; dropping its old data (the engine reloads the corpus)" >&2
    rm -rf "$dir/data" "$dir/binlog"
  fi
  mkdir -p "$dir/data" "$dir/binlog"
  echo "$schema" >"$dir/schema"
}

write_config() {
  local node="$1" dir
  dir="$(node_dir "$node")"
  [[ "$node" == agg ]] || reset_stale_data "$node" "$dir"
  mkdir -p "$dir/data" "$dir/binlog"
  {
    echo "# written by scripts/sphinx/cluster.sh for node $node; do not edit (rewritten at every start)"
    if [[ "$node" == agg ]]; then aggregator_config; else shard_config "$dir"; fi
    searchd_section "$node" "$dir"
  } >"$dir/sphinx.conf"
}

start_node() {
  local node="$1" dir pid i
  dir="$(node_dir "$node")"
  if alive "$node"; then echo "$node already running (pid $(pid_of "$node"))"; return 0; fi
  answers "$node" && die "port $(sql_port "$node") is taken by another process: set SPHINX_BASE_PORT"
  write_config "$node"
  rm -f "$dir/searchd.pid"
  searchd --config "$dir/sphinx.conf" >"$dir/start.log" 2>&1 || { cat "$dir/start.log" >&2; die "searchd for $node did not start"; }
  for ((i = 0; i < 300; i++)); do
    if alive "$node" && answers "$node"; then
      echo "$node up: pid $(pid_of "$node"), SphinxQL $HOST:$(sql_port "$node")"
      return 0
    fi
    sleep 0.1
  done
  tail -20 "$dir/searchd.log" >&2 || true
  die "$node did not answer on $HOST:$(sql_port "$node") within 30 s"
}

stop_node() {
  local node="$1" signal="${2:-TERM}" pid i
  pid="$(pid_of "$node")"
  if [[ -z "$pid" ]] || ! kill -0 "$pid" 2>/dev/null; then echo "$node not running"; return 0; fi
  kill "-$signal" "$pid"
  for ((i = 0; i < 300; i++)); do
    kill -0 "$pid" 2>/dev/null || { echo "$node stopped (pid $pid, SIG$signal)"; return 0; }
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  echo "$node did not stop within 30 s: killed (pid $pid)" >&2
}

status_node() {
  local node="$1" state=down
  alive "$node" && answers "$node" && state=up
  printf '%-8s %-5s pid=%-8s sql=%s:%s api=%s:%s\n' "$node" "$state" "$(pid_of "$node")" "$HOST" "$(sql_port "$node")" "$HOST" "$(api_port "$node")"
}

print_env() {
  local shards=() agents=() shard
  for shard in $(shard_names); do
    shards+=("$HOST:$(sql_port "$shard")")
    agents+=("$HOST:$(api_port "$shard")")
  done
  echo "export SEARCH_BACKEND=sphinx"
  echo "export SPHINX_AGGREGATOR=$HOST:$(sql_port agg)"
  echo "export SPHINX_SHARDS=$(IFS=,; echo "${shards[*]}")"
  echo "export SPHINX_AGENTS=$(IFS=,; echo "${agents[*]}")"
}

command="${1:-}"
shift || true
nodes=("$@")
for node in "${nodes[@]}"; do valid_node "$node"; done

case "$command" in
  install) install_sphinx ;;
  start)
    install_sphinx
    ((${#nodes[@]})) || mapfile -t nodes < <(shard_names; echo agg)
    for node in "${nodes[@]}"; do start_node "$node"; done
    ;;
  stop)
    ((${#nodes[@]})) || mapfile -t nodes < <(echo agg; shard_names)
    for node in "${nodes[@]}"; do stop_node "$node" TERM; done
    ;;
  kill)
    ((${#nodes[@]})) || die "kill needs a node name (agg, shard0, …)"
    for node in "${nodes[@]}"; do stop_node "$node" KILL; done
    ;;
  status) for node in $(shard_names) agg; do status_node "$node"; done ;;
  env) print_env ;;
  *) die "usage: cluster.sh install|start|stop|kill|status|env [NODE...]" ;;
esac
