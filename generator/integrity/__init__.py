"""Integrity: a manifest of every published byte, so owners can check what they read."""
