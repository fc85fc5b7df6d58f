#!/usr/bin/env bash
# Runs the test suite with the wall clock of every process reading DATE, to show that no
# test depends on the day it runs (a test must pin its date: --as-of or SOURCE_DATE_EPOCH).
#   bash scripts/test-at-date.sh 2030-06-01 [pytest arguments]
# Uses Debian's libfaketime (installed when missing). Not part of .ci/run.
# PYTHON=/path/to/python uses that interpreter instead of setting up .venv.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

date=${1:-}
if ! [[ $date =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || ! command date -d "$date" >/dev/null 2>&1; then
  echo "用法：bash scripts/test-at-date.sh YYYY-MM-DD [pytest 参数]" >&2
  exit 2
fi
shift

lib=$(ls /usr/lib/*/faketime/libfaketime.so.1 2>/dev/null | head -n1 || true)
if [ -z "$lib" ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "缺少 libfaketime。请以 root 运行，或先执行：sudo apt-get install faketime" >&2
    exit 3
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq faketime >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq faketime >/dev/null; }
  lib=$(ls /usr/lib/*/faketime/libfaketime.so.1 | head -n1)
fi

if [ -n "${PYTHON:-}" ]; then
  python=$PYTHON
else
  bash scripts/setup.sh
  python=.venv/bin/python
fi

# 04:00 UTC is noon in Beijing: the date is DATE in UTC and in Asia/Shanghai alike. Given
# as an offset from now, so the machine's own time zone does not move it.
export FAKETIME="+$(( $(command date -u -d "$date 04:00:00" +%s) - $(command date +%s) ))s"
# Only the wall clock: see scripts/faketime/sitecustomize.py for why.
export FAKETIME_DONT_FAKE_MONOTONIC=1
# The suite's own subprocesses (gongshi serve, district workers, git) inherit both. Two
# programs run on the real clock, through a shim first on PATH that drops libfaketime:
# chromium, whose timers stall under it (the search worker never starts), and npm, which
# fetches the pinned Decap CMS over TLS and would find every certificate expired or not yet
# valid. What they produce (the page a built site shows, a tarball checked by its SHA-512)
# is the same on any day.
shim=$(mktemp -d)
trap 'rm -rf "$shim"' EXIT
for tool in chromium npm; do
  real=$(command -v "$tool" || true)
  [ -n "$real" ] || continue
  printf '#!/bin/sh\nunset LD_PRELOAD FAKETIME FAKETIME_DONT_FAKE_MONOTONIC\nexec %q "$@"\n' "$real" > "$shim/$tool"
  chmod +x "$shim/$tool"
done
export PATH="$shim:$PATH"
export LD_PRELOAD="$lib${LD_PRELOAD:+:$LD_PRELOAD}"
export PYTHONPATH="$root/scripts/faketime:$root${PYTHONPATH:+:$PYTHONPATH}"
export NO_MKDOCS_2_WARNING=1
echo "测试时钟：$("$python" -c 'import datetime; print(datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"))')"
"$python" -m pytest -q -p no:cacheprovider "$@"
