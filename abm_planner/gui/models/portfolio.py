"""The portfolio list: every account as one row, kept in step with the plan's changes.

Built for 5,000 accounts and more: the rows are the services' plain ``AccountRow``
records, an edit refreshes only its row (``accounts.account_row``), and the filter
checks each row against a lower-cased search text cached per record, so a
keystroke costs one pass of cheap Python checks and no query.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from abm_planner.gui.models.lookups import LOOKUP_CHANGE_KINDS
from abm_planner.gui.models.record_table import RIGHT, Column, RecordTableModel, text_key
from abm_planner.gui.plan_context import PlanContext
from abm_planner.services.accounts import AccountRow, account_row, list_accounts
from abm_planner.services.changes import Change

# Above this many changed accounts in one notification, one reload beats row-by-row.
BULK_CHANGE_LIMIT = 200


def _score_text(row: AccountRow) -> str:
    return "" if row.fit_score is None else f"{row.fit_score:.0f}"


def _score_key(row: AccountRow) -> float:
    return -1.0 if row.fit_score is None else row.fit_score


def _suggested_text(row: AccountRow) -> str:
    """The tier the fit score suggests, shown only where it disagrees with the assigned one."""
    if row.suggested_tier_id is None or row.suggested_tier_id == row.tier_id:
        return ""
    return row.suggested_tier


def _suggested_key(row: AccountRow) -> int:
    return row.suggested_tier_rank if _suggested_text(row) else 100


PORTFOLIO_COLUMNS: tuple[Column[AccountRow], ...] = (
    Column("Name", lambda r: r.name, lambda r: text_key(r.name)),
    Column("Tier", lambda r: r.tier, lambda r: r.tier_rank),
    Column("Stage", lambda r: r.stage, lambda r: r.stage_rank),
    Column("Fit score", _score_text, _score_key, RIGHT),
    Column("Suggested tier", _suggested_text, _suggested_key),
    Column("Industry", lambda r: r.industry, lambda r: text_key(r.industry)),
    Column("Sales owner", lambda r: r.sales_owner, lambda r: text_key(r.sales_owner)),
    Column("Marketing owner", lambda r: r.marketing_owner, lambda r: text_key(r.marketing_owner)),
    Column("Country", lambda r: r.country, lambda r: text_key(r.country)),
    Column("Stakeholders", lambda r: r.stakeholders, lambda r: r.stakeholders, RIGHT),
)

(
    NAME,
    TIER,
    STAGE,
    FIT_SCORE,
    SUGGESTED_TIER,
    INDUSTRY,
    SALES_OWNER,
    MARKETING_OWNER,
    COUNTRY,
    STAKEHOLDERS,
) = range(len(PORTFOLIO_COLUMNS))


def _account_id(row: AccountRow) -> uuid.UUID:
    return row.id


class PortfolioModel(RecordTableModel[AccountRow]):
    """All accounts of the plan; follows ``context.events.changed`` row by row."""

    translation_context = "PortfolioModel"

    def __init__(self, context: PlanContext, parent: QObject | None = None) -> None:
        super().__init__(PORTFOLIO_COLUMNS, _account_id, parent)
        self._context = context
        self._search_cache: dict[uuid.UUID, str] = {}
        context.events.changed.connect(self._on_changed)
        self.reload()

    def reload(self) -> None:
        self._search_cache.clear()
        self.set_records(list_accounts(self._context.plan))

    def search_text(self, record: AccountRow) -> str:
        """What a search matches against: the visible words of the row, lower-cased."""
        text = self._search_cache.get(record.id)
        if text is None:
            parts = (
                record.name,
                record.industry,
                record.tier,
                record.stage,
                record.sales_owner,
                record.marketing_owner,
                record.region,
                record.country,
            )
            text = " ".join(parts).casefold()
            self._search_cache[record.id] = text
        return text

    def record_changed(self, record: AccountRow) -> None:
        self._search_cache.pop(record.id, None)

    def _on_changed(self, changes: list[Change]) -> None:
        if any(change.kind in LOOKUP_CHANGE_KINDS for change in changes):
            self.reload()
            return
        ids = {i for change in changes if change.kind == "account" for i in change.ids}
        if len(ids) > BULK_CHANGE_LIMIT:
            self.reload()
            return
        for account_id in ids:
            row = account_row(self._context.plan, account_id)
            if row is None:
                self._search_cache.pop(account_id, None)
                self.remove_record(account_id)
            else:
                self.update_record(row)


FILTER_FIELDS = ("tier_id", "stage_id", "industry_id", "owner_id")


@dataclass(frozen=True, slots=True)
class PortfolioCriteria:
    """What the portfolio shows: every search word must match, and every chosen term."""

    words: tuple[str, ...] = ()
    tier_id: uuid.UUID | None = None
    stage_id: uuid.UUID | None = None
    industry_id: uuid.UUID | None = None
    owner_id: uuid.UUID | None = None

    def accepts(self, row: AccountRow, text: str) -> bool:
        if self.tier_id is not None and row.tier_id != self.tier_id:
            return False
        if self.stage_id is not None and row.stage_id != self.stage_id:
            return False
        if self.industry_id is not None and row.industry_id != self.industry_id:
            return False
        if self.owner_id is not None and self.owner_id not in (
            row.sales_owner_id,
            row.marketing_owner_id,
        ):
            return False
        return all(word in text for word in self.words)


class PortfolioFilterModel(QSortFilterProxyModel):
    """Search and filters over a ``PortfolioModel``; sorting is delegated to the source."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._criteria = PortfolioCriteria()
        self._source: PortfolioModel | None = None
        self._verdicts: list[bool] | None = None
        self.setDynamicSortFilter(True)

    def setSourceModel(self, model: QAbstractItemModel) -> None:  # noqa: N802
        assert isinstance(model, PortfolioModel)
        self._source = model
        super().setSourceModel(model)

    @property
    def criteria(self) -> PortfolioCriteria:
        return self._criteria

    def set_search_text(self, text: str) -> None:
        self.set_criteria(replace(self._criteria, words=tuple(text.casefold().split())))

    def set_filter(self, name: str, value: uuid.UUID | None) -> None:
        """``name`` is one of ``tier_id``, ``stage_id``, ``industry_id``, ``owner_id``."""
        if name not in FILTER_FIELDS:
            raise KeyError(f"not a portfolio filter: {name}")
        changes: dict[str, Any] = {name: value}
        self.set_criteria(replace(self._criteria, **changes))

    def set_criteria(self, criteria: PortfolioCriteria) -> None:
        if criteria == self._criteria:
            return
        self.beginFilterChange()
        self._criteria = criteria
        model = self._source
        if model is not None:
            # One tight pass in Python; Qt's per-row calls then only read the answer.
            search = model.search_text
            self._verdicts = [criteria.accepts(row, search(row)) for row in model.records]
        try:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        finally:
            self._verdicts = None

    def filterAcceptsRow(  # noqa: N802
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        del source_parent
        verdicts = self._verdicts
        if verdicts is not None:
            return verdicts[source_row]
        model = self._source
        assert model is not None
        record = model.record(source_row)
        return self._criteria.accepts(record, model.search_text(record))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # The source sorts with Python's sorted(); the proxy keeps its order (sort column
        # -1), so no Python lessThan runs per comparison.
        if self._source is not None:
            self._source.sort(column, order)

    def source_model(self) -> PortfolioModel:
        assert self._source is not None
        return self._source

    def record_at(self, row: int) -> AccountRow:
        """The record shown in proxy row ``row``."""
        return self.source_model().record(self.mapToSource(self.index(row, 0)).row())
