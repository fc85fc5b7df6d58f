"""Scalars keep exactly what the editor typed.

YAML 1.1 resolvers turn `0101` into 65 and `no` into False. We resolve nothing at
load time: a scalar stays text, tagged by how it was written, and each field type
(money, date, text …) decides what that text means. Only an unquoted empty value or
`null`/`~` becomes None.
"""


class Plain(str):
    """An unquoted scalar: a number field may read it as a number."""

    __slots__ = ()


class Quoted(str):
    """A quoted or block scalar: always text, never a number."""

    __slots__ = ()


NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})
