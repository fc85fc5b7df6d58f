"""The build layer: one run of `gongshi build`, from checked data to the site in --out.

- portal.py:    build_portal, the entry: check, then a one-community or a district build
- single.py:    one community: pages, content/, PDFs, MkDocs, manifest
- district.py:  several: the overview at the root, each community its own site under <slug>/
- jobs.py:      what a worker builds (a community's site, the overview)
- workers.py:   the worker processes and the progress counter
- sitecache.py: built community sites, reused while nothing they depend on changed
- staging.py:   build beside --out, swap it in with two renames, or leave it untouched
- guard.py:     what --out may not be
- manifest.py:  manifest.json, the SHA-256 of every data and site file
- project.py:   the portal's folder around data/, its own site files over gongshi's defaults
- site_files.py: a build's merged overrides/ and content/, and the effective mkdocs.yml
- content.py, pdfs.py: hand-written pages into the docs, notice PDFs
- result.py:    what a build made (BuildResult); a build that cannot be made raises exits.Stop

This package imports nothing itself (`gongshi verify` reads manifest.py without the rest),
and a one-community build never loads the district machinery.
"""
