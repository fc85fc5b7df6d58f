"""Every corpus case through `gongshi check` in a subprocess: 60 s, 2 GB, no traceback,
a coded Chinese message (or a clean pass), and nothing from outside data/ in the output.

The legitimate cases marked `build` are also built together, once, and their literal
text must reach the page as typed, with no script or handler the site did not bring.
"""

from __future__ import annotations

import os
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.codes import CODES, allows
from generator.site.safety import scan_site
from tests.pdf_text import pdf_text

from .cases import ALL_CASES, FILE_CASES, LEGITIMATE_BUILD, Case
from .runner import (
    CJK, SECRET, SITE_URL, TIME_LIMIT_S, Result, build, check, files_containing, gongshi, logo_titles, make_project,
    page_text, parse_problems, snapshot, squeeze, title_text,
)


def apply(case: Case, project: Path) -> None:
    data, outside = project / "data", project.parent / "outside"
    for rel, content in case.files.items():
        path = data / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    if case.setup is not None:
        case.setup(data, outside)


def test_corpus_size():
    print(f"\ncorpus: {len(ALL_CASES)} cases ({len(FILE_CASES)} files in tests/corpus/files/, "
          f"{len(ALL_CASES) - len(FILE_CASES)} generated), {len(LEGITIMATE_BUILD)} of them also built")
    assert len({c.id for c in ALL_CASES}) == len(ALL_CASES), "two cases share an id"
    assert len(ALL_CASES) >= 100


@dataclass
class Outcome:
    project: Path
    result: Result
    seconds: float
    before: dict


def _run(case: Case, root: Path) -> Outcome:
    project = make_project(root)
    apply(case, project)
    before = {rel: snapshot(project / rel) if (project / rel).is_dir() else _state(project / rel)
              for rel in case.preserved}
    started = time.monotonic()
    try:
        if case.runner is not None:
            result = case.runner(project)
        elif case.command:
            result = gongshi(list(case.command), project)
        else:
            result = check(project)
    except subprocess.TimeoutExpired:  # fails this case only, not the whole corpus
        result = Result(-1, "", f"killed after {TIME_LIMIT_S} s")
    return Outcome(project, result, time.monotonic() - started, before)


def _state(path: Path):
    return path.read_bytes() if path.is_file() else None


# The one line `check` writes on stderr here: the project is not a git repository, so
# nothing published can be compared (published/base.py).
OUTSIDE_GIT = "已公示数据的比较基准：无（数据目录不在 git 仓库中），不检查已公示的数据是否被悄悄修改。\n"


@pytest.fixture(scope="module")
def outcomes(request, tmp_path_factory) -> dict[str, Outcome]:
    """Every selected case checked once, several at a time (each in its own process and project)."""
    selected = {item.callspec.params["case"].id for item in request.session.items
                if item.nodeid.startswith(request.node.nodeid + "::test_case[")}
    cases = [case for case in ALL_CASES if case.id in selected]
    roots = {case.id: tmp_path_factory.mktemp(f"corpus-{i}") for i, case in enumerate(cases)}
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        futures = {case.id: pool.submit(_run, case, roots[case.id]) for case in cases}
        return {cid: future.result() for cid, future in futures.items()}


@pytest.mark.parametrize("case", ALL_CASES, ids=lambda c: c.id)
def test_case(case: Case, outcomes):
    outcome = outcomes[case.id]
    project, result, elapsed = outcome.project, outcome.result, outcome.seconds

    assert "Traceback" not in result.output, result.output[-3000:]
    assert elapsed < TIME_LIMIT_S
    assert SECRET not in result.output
    assert not list(project.rglob("corpus-pwned")), "a YAML tag ran a command"
    for text in case.absent:
        assert text not in result.output
    if case.command or case.runner:
        _command_case(case, outcome)
        return
    assert result.stderr in ("", OUTSIDE_GIT), result.stderr[-2000:]
    assert result.exit == case.exit, result.stdout[:3000]

    problems = parse_problems(result.stdout)
    errors = [p for p in problems if p.severity == "错误"]
    assert bool(errors) == (case.exit == 1)
    for p in problems:
        # Paths are relative to the current directory (the project): all inside data/.
        assert p.path == "data" or p.path.startswith("data/"), p
        assert CJK.search(p.message), f"message is not Chinese: {p}"
        assert p.code in CODES and allows(p.code, p.severity), f"unregistered code or severity: {p}"
        assert not p.code.startswith("internal."), f"a rule crashed: {p}"
    printed = {p.code for p in problems}
    target = f"data/{case.target}" if case.target else "data"
    for i, expected in enumerate(case.codes):
        code, _, line = expected.partition("@")
        assert code in printed, f"{code} not printed; got {sorted(printed)}\n{result.stdout[:2000]}"
        if i and not line:
            continue  # a consequence elsewhere (e.g. ref.missing after a refused folder)
        at_target = [p for p in problems if p.code == code and p.path == target]
        assert at_target, f"{code} not reported at {target}: {[p for p in problems if p.code == code][:3]}"
        if line:
            assert int(line) in {p.line for p in at_target}, f"{code} not at line {line}: {at_target[:3]}"


def _command_case(case: Case, outcome: Outcome) -> None:
    """Another command than `check`: its exit code and Chinese message; what it must keep
    and what it must remove."""
    project, result = outcome.project, outcome.result
    assert result.exit == case.exit, result.output[-3000:]
    assert case.message and case.message in result.output, result.output[-3000:]
    assert CJK.search(case.message)
    for rel, state in outcome.before.items():
        path = project / rel
        now = snapshot(path) if path.is_dir() else _state(path)
        assert now == state, f"{rel} changed"
        assert state not in (None, {}), f"{rel}: nothing to preserve (the case is wrong)"
    for rel in case.gone:
        assert not (project / rel).exists(), f"{rel} is still there"


# ------------------------------------------------------------------ the shared build

@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory) -> Path:
    """The sample portal with every legitimate `build` case applied, built once (with PDFs)."""
    project = make_project(tmp_path_factory.mktemp("corpus-build"))
    for case in LEGITIMATE_BUILD:
        apply(case, project)
    checked = check(project)
    assert checked.exit == 0, checked.stdout[:3000]
    result = build(project)
    assert result.exit == 0, result.output[-3000:]
    assert "Traceback" not in result.output
    assert SECRET not in result.output
    return project / "site"


def test_corpus_site_is_clean(corpus_site):
    """No script, handler or remote load beyond Material's own (site/safety.py)."""
    assert scan_site(corpus_site, site_url=SITE_URL) == []
    assert files_containing(corpus_site, SECRET) == []


@pytest.mark.parametrize("case", LEGITIMATE_BUILD, ids=lambda c: c.id)
def test_literal_text_reaches_the_page(case: Case, corpus_site):
    page = corpus_site / case.page
    shown = page_text(page)
    for literal in case.literals:
        assert literal in shown, f"{literal[:80]!r} not shown as typed on {case.page}"
    # The browser tab shows the page title as text too (Material prints it unescaped).
    assert "<script" not in page.read_text(encoding="utf-8").split("</title>")[0].split("<title>")[-1]


@pytest.mark.parametrize("case", [c for c in LEGITIMATE_BUILD if c.pdf], ids=lambda c: c.id)
def test_literal_text_reaches_the_printed_notice(case: Case, corpus_site):
    pdf = corpus_site / (case.page.removesuffix("/index.html") + ".pdf")
    text = pdf_text(pdf, "-layout")
    for literal in case.literals:
        assert squeeze(literal) in squeeze(text), f"{literal[:80]!r} not printed as typed in {pdf.name}"


def test_site_title_is_text_in_every_tab(corpus_site):
    title = '示例家园 <script>alert("t")</script> & {{ 7*7 }}'
    for page in ("index.html", "notices/corpus-html/index.html", "404.html"):
        assert title in title_text(corpus_site / page)


def test_site_title_is_escaped_once_in_the_logo_tooltip(corpus_site):
    # Material writes title="{{ config.site_name | e }}" on the logo links: the title is
    # already HTML text, and escaped again the tooltip showed "&lt;script&gt;".
    title = '示例家园 <script>alert("t")</script> & {{ 7*7 }}'
    tooltips = logo_titles(corpus_site / "index.html")
    assert tooltips and all(tooltip == title for tooltip in tooltips), tooltips


def test_formula_in_csv_download_is_text(corpus_site):
    csv = (corpus_site / "downloads" / "maintenance-fund-2025-H1.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK(" in csv
    assert ",=HYPERLINK(" not in csv and '"=HYPERLINK(' not in csv


def test_every_formula_start_in_csv_download_is_text(corpus_site):
    """OWASP CSV injection: full-width forms and starts after spaces, zero-width characters or
    a byte-order mark are escaped like = + - @ (the corpus case formula-starts-in-csv)."""
    import csv

    from .cases import FORMULA_STARTS

    with (corpus_site / "downloads" / "inspections.csv").open(encoding="utf-8-sig", newline="") as handle:
        checks = [row["check"] for row in csv.DictReader(handle) if row["inspection"] == "corpus-csv"]
    assert checks == ["'" + text for text in FORMULA_STARTS]


def test_hidden_files_stay_out_of_the_manifest(corpus_site):
    """A hidden draft in data/ (the case hidden-draft-with-personal-data) is neither read nor listed."""
    import json

    manifest = json.loads((corpus_site / "manifest.json").read_text(encoding="utf-8"))
    assert [path for path in manifest["data"] if any(part.startswith(".") for part in path.split("/"))] == []
    assert ".draft" not in json.dumps(manifest, ensure_ascii=False)


def test_corpus_site_serves_its_own_resize_observer(corpus_site):
    """Browsers without ResizeObserver load gongshi's own file, never unpkg.com (the browser
    test in tests/build/test_build_browser.py runs it)."""
    assert (corpus_site / "assets" / "javascripts" / "resize-observer.js").is_file()
    for page in ("index.html", "notices/corpus-remote/index.html", "404.html"):
        html = (corpus_site / page).read_text(encoding="utf-8")
        assert 'if (!("ResizeObserver" in window)) document.write(' in html
        assert "unpkg" not in html

