"""The optional columns a table's rows share: launch dates, market, asset, campaign, channel.

These columns repeat a handful of values over thousands of rows, so
:class:`CommonColumns` judges each distinct combination of their cells once and
remembers the verdict: a row of a 100,000-row file costs one tuple and one
dictionary look-up here. A verdict is either the validated values
(:class:`Common`) or the faults to report, in the order a reader reports them
(:class:`CommonFaults`). Only combinations of plain text cells are remembered;
rows with other cells (numbers, date cells, spreadsheet errors) are judged
afresh, which keeps a spreadsheet error from ever matching the same text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from operator import itemgetter
from pathlib import Path

from culturepanel.i18n import _
from culturepanel.importers.values import (
    AssetChecker,
    CellError,
    DateReader,
    Fault,
    MarketReader,
    cell_text,
)

#: The columns judged together, in the order their cells are looked at.
COMMON = ("launch_start", "launch_end", "market", "asset", "campaign", "channel")


@dataclass(frozen=True)
class Common:
    """The shared columns of a row, validated (``None`` where empty)."""

    campaign: str | None
    channel: str | None
    market: str | None
    launch_start: date | None
    launch_end: date | None
    asset: Path | None


@dataclass(frozen=True)
class CommonFaults:
    """The shared columns of a row are faulty: ``(column, fault)`` pairs to report.

    Empty when the only faults are spreadsheet error cells, which are reported
    on their own.
    """

    faults: tuple[tuple[str, Fault], ...]


def cells_at(indices: Sequence[int]) -> Callable[[Sequence[object]], tuple[object, ...]]:
    """A function taking a row to the tuple of its cells at ``indices`` (in C for most)."""
    if len(indices) > 1:
        return itemgetter(*indices)
    if indices:
        (index,) = indices
        return lambda row: (row[index],)
    return lambda row: ()


class CommonColumns:
    """Judges the shared columns of rows, once per distinct combination of cells."""

    def __init__(self, fields: dict[str, int], folder: Path, defaults: dict[str, str]) -> None:
        self.names = [name for name in COMMON if name in fields]
        self.cells = cells_at([fields[name] for name in self.names])
        self.defaults = defaults
        self.dates = DateReader()
        self.markets = MarketReader()
        self.assets = AssetChecker(folder)
        self._verdicts: dict[tuple[object, ...], Common | CommonFaults] = {}

    def read(self, row: Sequence[object], remember: bool = True) -> Common | CommonFaults:
        """The verdict on ``row``'s shared columns.

        ``remember=False`` when the row holds a spreadsheet error cell: such a
        cell equals its text, so it must not meet a remembered verdict.
        """
        cells = self.cells(row)
        if remember:
            found = self._verdicts.get(cells)
            if found is not None:
                return found
        verdict = self._judge(dict(zip(self.names, cells, strict=True)))
        if remember and all(type(cell) is str for cell in cells):
            self._verdicts[cells] = verdict
        return verdict

    def _judge(self, cells: dict[str, object]) -> Common | CommonFaults:
        faults: list[tuple[str, Fault]] = []
        ok = True
        start = self._date(cells, "launch_start", faults)
        end = self._date(cells, "launch_end", faults)
        if start is False or end is False:
            ok = False
        elif start and end and end < start:
            ok = False
            faults.append(
                (
                    "launch_end",
                    Fault(
                        _("the launch ends ({end}) before it starts ({start}).").format(
                            end=end.isoformat(), start=start.isoformat()
                        ),
                        _("Check the two dates: launch_end must be on or after launch_start."),
                    ),
                )
            )
        raw_market, raw_asset = cells.get("market", ""), cells.get("asset", "")
        market: str | bool | None
        if isinstance(raw_market, CellError) or isinstance(raw_asset, CellError):
            ok = False  # reported as a cell error already
            market = None
        else:
            market = self._market(cell_text(raw_market), faults)
        if market is False:
            ok = False
        asset_text = cell_text(raw_asset)
        asset = None
        if asset_text and not isinstance(raw_asset, CellError):
            found = self.assets.check(asset_text)
            if isinstance(found, Fault):
                ok = False
                faults.append(("asset", found))
            else:
                asset = found
        if not ok:
            return CommonFaults(tuple(faults))
        return Common(
            campaign=self._text(cells, "campaign"),
            channel=self._text(cells, "channel"),
            market=market or None,
            launch_start=start or None,
            launch_end=end or None,
            asset=asset,
        )

    def _date(
        self, cells: dict[str, object], name: str, faults: list[tuple[str, Fault]]
    ) -> date | bool | None:
        value = cells.get(name, "")
        if isinstance(value, CellError):
            return False  # reported as a cell error already
        found = self.dates.read(value)
        if isinstance(found, Fault):
            faults.append((name, found))
            return False
        return found

    def _market(self, text: str, faults: list[tuple[str, Fault]]) -> str | bool | None:
        found = self.markets.read(text)
        if isinstance(found, Fault):
            faults.append(("market", found))
            return False
        return found

    def _text(self, cells: dict[str, object], name: str) -> str | None:
        return cell_text(cells.get(name, "")) or self.defaults.get(name) or None
