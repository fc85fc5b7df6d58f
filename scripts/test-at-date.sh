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
# The suite's own subprocesses (gongshi serve, district workers, git) inherit both. Chromium
# runs on the real clock, through a `chromium` first on PATH that drops libfaketime: under
# it chromium's timers stall (the search worker never starts), and the built site it shows
# is the same on any day.
chromium=$(command -v chromium || true)
if [ -n "$chromium" ]; then
  shim=$(mktemp -d)
  trap 'rm -rf "$shim"' EXIT
  printf '#!/bin/sh\nunset LD_PRELOAD FAKETIME FAKETIME_DONT_FAKE_MONOTONIC\nexec %q "$@"\n' "$chromium" > "$shim/chromium"
  chmod +x "$shim/chromium"
  export PATH="$shim:$PATH"
fi
export LD_PRELOAD="$lib${LD_PRELOAD:+:$LD_PRELOAD}"
export PYTHONPATH="$root/scripts/faketime:$root${PYTHONPATH:+:$PYTHONPATH}"
export NO_MKDOCS_2_WARNING=1
echo "测试时钟：$("$python" -c 'import datetime; print(datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"))')"
"$python" -m pytest -q -p no:cacheprovider "$@"
