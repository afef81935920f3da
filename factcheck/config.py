"""Settings: one frozen value, read from ``factcheck.toml`` or ``[tool.factcheck]`` in
``pyproject.toml`` and overridden by command-line flags. Changed only by copy."""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.errors import ConfigError
from factcheck.model import Severity

__all__ = ["Config", "load_config"]

_SEVERITIES = ("info", "warning", "error")


@dataclass(frozen=True, slots=True)
class Config:
    """What a run uses. ``tolerance_rel`` is the relative error a conversion may have
    and still be consistent (5%: wire services round conversions to two or three
    significant digits); ``fail_on`` is the least severity that fails a run."""

    tolerance_rel: float = 0.05
    fail_on: Severity = "error"
    rates: str | None = None
    lang: str | None = None
    locale: str | None = None
    other_date_years: int = 5
    embedder: str = "use"
    # Cosine similarities (docs/clusters.md says how they were chosen): the mean of
    # context and subject similarity proposes a pair; then the subjects must agree, the
    # masked contexts must be close (closer within one document), or, for a claim
    # with no subject, the contexts alone must be very close.
    propose_min: float = 0.5
    subject_min: float = 0.7
    context_min: float = 0.35
    repeat_context_min: float = 0.25
    context_alone_min: float = 0.8
    # Figures whose intervals overlap are grouped on weaker evidence (a restatement can
    # only agree): proposed from this mean similarity, with this context similarity and,
    # when both have a subject, this subject similarity, or with no subject test at all
    # when both figures are closed intervals and the contexts are this close.
    agree_propose_min: float = 0.35
    agree_context_min: float = 0.4
    agree_subject_min: float = 0.45
    agree_context_alone: float = 0.6
    # Two figures from two articles whose digits differ by two adjacent ones swapped
    # (782.000 / 728,000), the commonest typo of a figure copied by hand, or that have
    # the same digits at another scale (40,400 millones / 404 billion), are grouped when
    # their masked contexts are this close, whatever their subjects but unrelated ones.
    slip_context_min: float = 0.45
    # ... or this close when both name their subject and the subjects are as alike as
    # `subject_min` asks ("IAG transportó # de pasajeros, un 5,5 % más que ..." / "The
    # group carried # passengers in 2024 across its airlines, which also include ...").
    slip_named_context_min: float = 0.2
    # Percentage points a stated share or growth rate may be off beyond the rounding
    # of the figures; 0 holds the text to its own written precision.
    tolerance_points: float = 0.0
    # Relative slack of a multiplier word: "se duplicó" is a ratio of 2 ± 5%.
    multiplier_rel: float = 0.05

    def __post_init__(self) -> None:
        if not 0 < self.tolerance_rel < 1:
            raise ConfigError(f"tolerance_rel must be between 0 and 1, not {self.tolerance_rel!r}")
        if self.tolerance_points < 0 or not 0 <= self.multiplier_rel < 1:
            raise ConfigError(
                "tolerance_points must be at least 0 and multiplier_rel between 0 and 1, not "
                f"{self.tolerance_points!r} and {self.multiplier_rel!r}"
            )
        if self.fail_on not in _SEVERITIES:
            raise ConfigError(
                f"fail_on must be one of {', '.join(_SEVERITIES)}, not {self.fail_on!r}"
            )

    def replace(self, **changes: Any) -> Config:
        """A copy with some settings changed; ``None`` values leave a setting as it is."""
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})


def _table(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: cannot read settings: {error}") from error
    if path.name == "pyproject.toml":
        return dict(data.get("tool", {}).get("factcheck", {}))
    return dict(data.get("factcheck", data))


def load_config(folder: str | Path | None = None, **overrides: Any) -> Config:
    """Settings from ``factcheck.toml`` (or ``pyproject.toml``'s ``[tool.factcheck]``)
    in ``folder`` (default: the working directory), then ``overrides``.

    >>> load_config("/nonexistent", tolerance_rel=0.02).tolerance_rel
    0.02
    """
    where = Path(folder) if folder is not None else Path.cwd()
    values: dict[str, Any] = {}
    for name in ("pyproject.toml", "factcheck.toml"):
        if (where / name).is_file():
            values.update(_table(where / name))
    known = {f.name for f in dataclasses.fields(Config)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise ConfigError(
            f"unknown setting(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}"
        )
    return Config(**values).replace(**overrides)
