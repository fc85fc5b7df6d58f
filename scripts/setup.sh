#!/usr/bin/env bash
# Installs what gongshi needs on a Debian machine (as root): system packages when
# missing, then a virtual environment in .venv with the project and its test tools.
# Safe to run again: it installs only what is missing or changed.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
command -v python3 >/dev/null 2>&1 || need+=(python3)
python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || need+=(python3-venv)
command -v git >/dev/null 2>&1 || need+=(git)
# fonts for the notice-board PDFs (CJK), poppler for PDF tests, chromium for browser tests,
# zbar for reading the printed QR codes back.
have_pkg fonts-noto-cjk || need+=(fonts-noto-cjk)
# a Latin-only font, for the test that PDFs refuse to print without a Chinese font
[ -d /usr/share/fonts/truetype/dejavu ] || need+=(fonts-dejavu-core)
command -v fc-list >/dev/null 2>&1 || need+=(fontconfig)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v zbarimg >/dev/null 2>&1 || need+=(zbar-tools)
# node and npm: gongshi build --admin fetches the Decap CMS bundle with npm pack; the web
# forms' local backend (decap-server, also used by the browser test) runs on node.
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm >/dev/null 2>&1 || need+=(npm)
# WeasyPrint's native libraries (present on most machines; named here for minimal images)
ldconfig -p 2>/dev/null | grep -q libpango-1.0 || need+=(libpango-1.0-0 libpangoft2-1.0-0)

if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "缺少系统软件包：${need[*]}。请以 root 运行，或先执行：sudo apt-get install ${need[*]}" >&2
    exit 3
  fi
  echo "安装系统软件包：${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
stamp=.venv/.gongshi-installed
want=$(sha256sum pyproject.toml | cut -c1-16)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q -e '.[test]'
  echo "$want" > "$stamp"
fi

# decap-server from the committed lock file (package-lock.json), again whenever it changes.
npm_stamp=node_modules/.gongshi-installed
npm_want=$(sha256sum package-lock.json | cut -c1-16)
if [ "$(cat "$npm_stamp" 2>/dev/null)" != "$npm_want" ]; then
  npm ci --no-audit --no-fund --loglevel=error
  echo "$npm_want" > "$npm_stamp"
fi
