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
- content.py, pdfs.py, project.py: hand-written pages, notice PDFs, the files beside data/
- result.py:    what a build made (BuildResult); a build that cannot be made raises exits.Stop

This package imports nothing itself (`gongshi verify` reads manifest.py without the rest),
and a one-community build never loads the district machinery.
"""
