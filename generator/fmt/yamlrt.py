"""ruamel.yaml set up for round trips that keep every plain scalar's text as written.

ruamel keeps comments, key order and flow/block style; its own number and date types
would re-spell values (and a float cannot hold 17 significant digits). Here every plain
int, float, timestamp, boolean and null (`~`, `null`) is loaded as `Verbatim`: the text itself, with the tag
it resolved to, and written back unchanged unless fmt replaces it.
"""

from __future__ import annotations

import io

from ruamel.yaml import YAML
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import ScalarString

# Wide enough that no line is ever wrapped: a wrapped summary is a diff nobody typed.
NO_WRAP = 1 << 16


class Verbatim(ScalarString):
    """A plain scalar's text and the YAML tag it resolves to (int, float, timestamp, bool, null).

    A ScalarString, because ruamel's containers give a plain str that replaces a quoted
    value the old value's quotes: a Verbatim replaces it as it is, unquoted."""

    __slots__ = ("tag",)

    def __new__(cls, text: str, tag: str):
        value = ScalarString.__new__(cls, text)
        value.tag = tag
        return value


NULL_TAG = "tag:yaml.org,2002:null"


class _Constructor(RoundTripConstructor):
    def _verbatim(self, node):
        if node.tag == NULL_TAG and not node.value:
            return None  # an empty value is written back empty
        return Verbatim(node.value, node.tag)


for _tag in ("int", "float", "timestamp", "bool", "null"):
    _Constructor.add_constructor(f"tag:yaml.org,2002:{_tag}", _Constructor._verbatim)


class _Representer(RoundTripRepresenter):
    def _represent_verbatim(self, data: Verbatim):
        return self.represent_scalar(data.tag, str(data))


_Representer.add_representer(Verbatim, _Representer._represent_verbatim)


def round_trip_yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    yaml.Representer = _Representer
    yaml.preserve_quotes = True
    yaml.allow_unicode = True
    yaml.width = NO_WRAP
    yaml.indent(mapping=2, sequence=4, offset=2)  # "entries:\n  - id: …", as the spec writes it
    return yaml


def load(text: str):
    return round_trip_yaml().load(text)


def dump(data) -> str:
    out = io.StringIO()
    round_trip_yaml().dump(data, out)
    return out.getvalue()
