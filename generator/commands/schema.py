"""`gongshi schema`: write the JSON Schema of every data file kind (model/schema.py)."""

from __future__ import annotations

from pathlib import Path

from ..exits import ExitCode
from ..model.records import KINDS
from ..model.schema import schema_text


def run(out_dir: Path) -> ExitCode:
    out_dir.mkdir(parents=True, exist_ok=True)
    for kind in KINDS:
        (out_dir / f"{kind}.schema.json").write_text(schema_text(kind), encoding="utf-8")
    print(f"已写入 {len(KINDS)} 个 JSON Schema 到 {out_dir}/")
    return ExitCode.OK
