"""Every folder of tests is collected: pytest silently skips folders whose names match
norecursedirs (by default "build", which hid tests/build from every run)."""

from __future__ import annotations

from fnmatch import fnmatch

from tests.conftest import ROOT


def test_no_test_folder_matches_norecursedirs(pytestconfig):
    patterns = pytestconfig.getini("norecursedirs")
    folders = sorted({path.parent for path in (ROOT / "tests").rglob("test_*.py")})
    skipped = [folder.relative_to(ROOT).as_posix() for folder in folders
               for part in folder.relative_to(ROOT).parts if any(fnmatch(part, p) for p in patterns)]
    assert skipped == [], f"pytest would not enter these test folders (norecursedirs {patterns})"


def test_every_test_folder_is_a_package():
    # Test modules import their helpers as tests.<folder>.<module>, never as top-level modules.
    folders = sorted({path.parent for path in (ROOT / "tests").rglob("test_*.py")})
    assert [f.relative_to(ROOT).as_posix() for f in folders if not (f / "__init__.py").is_file()] == []
