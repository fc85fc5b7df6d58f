"""Load stage: bytes on disk → YAML trees that remember where every value stood."""
