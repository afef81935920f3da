"""The peer conformance suites (Recognizers-Text specs): pass rates held to floors.

Each spec file is scored by ``tests/conformance.py`` (see its docstring for the rules)
and its rate compared with the floor in ``tests/data/conformance/floors.toml``. A
failing test here means a regression: run ``python -m tests.conformance --failures
FILE`` to see which cases changed. When the extractor improves, raise the floors.
"""

from __future__ import annotations

import pytest

try:
    from tests import conformance
except ImportError:  # pytest's default import mode puts tests/ itself on sys.path
    import conformance  # type: ignore[no-redef]

SUITES = {s.path: s for s in conformance.SUITES}


@pytest.fixture(scope="module")
def floors() -> dict[str, dict[str, float]]:
    return conformance.floors().get("floors", {})


@pytest.mark.parametrize("path", list(SUITES))
def test_pass_rate_at_least_floor(path: str, floors: dict[str, dict[str, float]]) -> None:
    suite = SUITES[path]
    result = conformance.run_suite(suite)
    if not result.available:
        pytest.skip(f"{path}: {result.layer}")
    raised = [f"#{case.index} {case.input!r}: {error}" for case, error in result.errors]
    assert not raised, f"{path}: raised on {len(raised)} cases, e.g. " + "; ".join(raised[:3])
    floor = floors.get(path)
    assert floor is not None, f"no floor for {path} in {conformance.FLOORS}"
    for kind in ("strict", "values"):
        passed, total = getattr(result, kind)()
        rate = passed / total if total else 0.0
        assert rate >= floor[kind], (
            f"{path}: {kind} pass rate {passed}/{total} = {rate:.3f} fell below the floor "
            f"{floor[kind]:.2f}; see `python -m tests.conformance --failures fails.txt --only "
            f"{path.rsplit('/', 1)[0]}`"
        )


@pytest.mark.parametrize("path", [*SUITES, "LICENSE"])
def test_spec_files_unchanged(path: str) -> None:
    manifest = conformance.floors().get("sha256", {})
    assert path in manifest, f"{path} is not in the manifest of {conformance.FLOORS}"
    got = conformance.sha256(conformance.SPEC_ROOT / path)
    assert got == manifest[path], (
        f"{path} differs from the vendored spec (sha256 {got}); the peer suites are kept "
        "unchanged: restore the file, or re-vendor all of them and update the README and manifest"
    )


def test_every_skip_names_a_case_and_a_reason() -> None:
    skips = conformance.skips()
    inputs = {(s.path, c.input) for s in conformance.SUITES for c in conformance.load_cases(s)}
    stale = [key for key in skips if key not in inputs]
    assert not stale, f"skips.toml lists cases that no spec file has: {stale}"
    assert all(reason.strip() for reason in skips.values()), "every skip needs a reason"


def test_every_peer_unit_is_mapped() -> None:
    """A peer unit with no counterpart in the harness would fail its cases silently."""
    unmapped = set()
    for suite in conformance.SUITES:
        if suite.model not in {"currency", "dimension"}:
            continue
        for case in conformance.load_cases(suite):
            for e in case.expected:
                if not conformance.unit_choices(suite, e):
                    unmapped.add((suite.path, e.unit))
    assert not unmapped, f"add these to conformance._UNIT_NAMES: {sorted(unmapped)}"
