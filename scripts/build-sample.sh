#!/usr/bin/env bash
# Builds the bundled sample portal from data/ (installs what it needs first).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
.venv/bin/gongshi build --data data --out site
