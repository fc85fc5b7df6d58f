"""gongshi: disclosure portals and notice-board PDFs from a community's YAML data."""

# The one place of the version: pyproject.toml reads it (hatchling's dynamic version),
# `gongshi --version` prints it, `gongshi init` pins it in a portal's requirements.txt.
__version__ = "0.1.0"
