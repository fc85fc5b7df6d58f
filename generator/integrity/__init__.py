"""Integrity: re-hash a published site against the manifest.json its build wrote
(build/manifest.py), so owners can check what they read."""
