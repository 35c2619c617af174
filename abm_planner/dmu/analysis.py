"""One account's whole DMU analysis: findings, status, influence ranking, warm path."""

from __future__ import annotations

from datetime import date

from abm_planner.dmu.findings import find_gaps, status_of
from abm_planner.dmu.ranking import influence_ranking, warm_path
from abm_planner.dmu.records import AccountAnalysis, AccountDMU


def analyse_dmu(dmu: AccountDMU, today: date) -> AccountAnalysis:
    """Analyse one account; ``today`` dates the staleness of touches."""
    findings = find_gaps(dmu, today)
    status, reasons = status_of(findings)
    path = warm_path(dmu)
    return AccountAnalysis(
        account_id=dmu.account_id,
        account=dmu.account,
        status=status,
        reasons=reasons,
        findings=tuple(findings),
        influence_ranking=tuple(influence_ranking(dmu)),
        warm_path_ids=tuple(p.id for p in path) if path is not None else None,
        warm_path=tuple(p.name for p in path) if path is not None else None,
    )
