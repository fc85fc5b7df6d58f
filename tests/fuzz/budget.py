"""The fuzz budget: bounded so that it runs in every `pytest`, scalable for longer runs.

GONGSHI_FUZZ_SCALE=10 (say, in a nightly job) multiplies every example count. A failure
prints the smallest input Hypothesis found; turn it into a case in tests/corpus/ (a file
in tests/corpus/files/ or a Case in cases.py) before fixing the bug.

Default budget: 14,200 examples, about 40 s on an idle 2-core machine (measured):
  test_fuzz_yaml.py     parse_text on random YAML-like text       2,000 examples   ~2.5 s
                        parse_text on mutated sample files        2,000 examples   ~3 s
                        read_document on mutated bytes            1,000 examples   ~1.7 s
  test_fuzz_fields.py   money, count, date, web address        4 x 1,000 examples   ~4 s
  test_fuzz_markdown.py body_html and the body checks             1,500 examples   ~2.2 s
  test_fuzz_check.py    pipeline.check on a mutated sample portal 1,200 examples   ~21 s
  test_fuzz_text.py     escape() on any text (surrogates too)     1,000 examples   ~1.5 s
                        a mobile number written any way           1,000 examples   ~4 s
                        normalise() keeps the lines               500 examples     ~0.5 s
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

SCALE = float(os.environ.get("GONGSHI_FUZZ_SCALE", "1"))


PLANNED: list[int] = []  # examples of every property, for the summary line (conftest.py)


def budget(examples: int) -> settings:
    PLANNED.append(max(1, int(examples * SCALE)))
    return settings(
        max_examples=PLANNED[-1],
        deadline=None,  # a slow example is a finding of its own test (the corpus times them), not a flake
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much,
                               HealthCheck.function_scoped_fixture],
        print_blob=True,  # a failure prints @reproduce_failure(...) to replay it exactly
    )
