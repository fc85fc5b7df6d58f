"""The district overview: what a street office or district sees across its communities.

Computations only (三率, red and black lists, the community table); the build that
assembles the communities' sites lives in build/district.py.
"""
