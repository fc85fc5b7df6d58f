"""Typed records of every data file kind (pydantic v2).

The same models validate the YAML and generate the published JSON Schemas.
"""
