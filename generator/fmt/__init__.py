"""`gongshi fmt`: data files rewritten in one canonical form.

Web forms (Decap CMS) and hand edits write the same data in many shapes: comments
dropped, `60000` for `60000.00`, amounts in quotes, keys shuffled, short mappings
spread over lines. fmt writes every file the same way, so a pull request's diff shows
what changed and nothing else:

- the `# yaml-language-server: $schema=…` line first (editors check as you type);
- keys in the order of the data model (docs/fields.md), unknown keys after them;
- money and area with exactly two decimals, from the text as written (never a float);
  a quoted number that is a plain decimal becomes a number;
- small value objects as flow mappings and lists of plain values as flow lists
  (shape.py says which);
- comments kept where the file had them.

It never changes what a value means, and fmt(fmt(x)) == fmt(x).
"""

from .canonical import canonical_text

__all__ = ["canonical_text"]
