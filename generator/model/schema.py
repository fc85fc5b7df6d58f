"""The JSON Schema of every data file kind, generated from the models (`gongshi schema`),
and the title each kind goes by in the schemas and in docs/fields.md."""

from __future__ import annotations

import json

from .records import KINDS

SCHEMA_TITLES = {
    "site": "门户设置 site.yml",
    "community": "小区概况 community.yml",
    "committee": "业主委员会 committee.yml",
    "maintenance-fund": "专项维修资金账目 maintenance-fund/<期间>.yml",
    "public-revenue": "公共收益账目 public-revenue/<期间>.yml",
    "vote": "业主共同决定（表决）votes/<编号>.yml",
    "notice": "公示公告 notices/<编号>.yml",
    "inspection": "监督检查 inspections/<编号>.yml",
    "evaluation": "履约考评 evaluations/<期间>.yml",
    "document": "制度文件 documents/<编号>.yml",
    "meeting": "会议与决定 meetings/<编号>.yml",
    "firm": "物业服务企业（全区名录）firms/<编号>.yml",
}


def schema_for(kind: str) -> dict:
    schema = KINDS[kind].model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = SCHEMA_TITLES[kind]
    return schema


def schema_text(kind: str) -> str:
    return json.dumps(schema_for(kind), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
