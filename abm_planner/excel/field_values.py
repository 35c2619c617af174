"""Turning a cell into the value a field stores, or a located issue saying why not.

Shared by the CRM import and the round trip: text is trimmed and length-checked
against the field declarations, lists are matched by label or key (case and
spacing aside), buying roles also by the names HubSpot, LinkedIn and Miller
Heiman use, team members by name or email.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from typing import Any

from abm_planner.domain import vocabularies as vocab
from abm_planner.domain.fields import MAX_MONEY, FieldKind, FieldSpec
from abm_planner.excel import value_parsing as parse
from abm_planner.excel.header_mapping import squash
from abm_planner.excel.import_model import ERROR, INFO, WARNING, ImportIssue, Location
from abm_planner.excel.plan_index import PlanIndex, Term, find_term, name_key
from abm_planner.excel.record_ids import new_record_id

INVALID = object()
Where = Location | Callable[[], Location]  # a callable is only called when there is an issue
_BLANK: dict[FieldKind, Any] = {FieldKind.TERMS: [], FieldKind.FLAG: False}
_LOOKUPS = frozenset({FieldKind.TERM, FieldKind.TERMS, FieldKind.MEMBER})

ROLE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "economic_buyer": ("Economic Buyer", "Economic", "Budget Holder", "Economic Decision Maker"),
    "decision_maker": ("Decision Maker", "Final Decision Maker"),
    "champion": ("Champion", "Coach", "Internal Champion"),
    "technical_evaluator": ("Technical Evaluator", "Technical", "Technical Buyer", "Evaluator"),
    "user": ("User", "End User", "User Buyer"),
    "influencer": ("Influencer",),
    "procurement": ("Procurement", "Purchasing", "Buyer"),
    "legal_compliance": ("Legal & Compliance", "Legal and Compliance", "Legal", "Compliance"),
    "blocker": ("Blocker", "Detractor"),
    "executive_sponsor": ("Executive Sponsor", "Sponsor", "Executive"),
    "other": ("Other",),
}
_ROLE_INDEX = {squash(name): key for key, names in ROLE_SYNONYMS.items() for name in names}
_SLUG = re.compile(r"[^a-z0-9]+")


class FieldReader:
    """Converts values for one import, collecting issues instead of stopping at the first."""

    def __init__(
        self,
        index: PlanIndex,
        issues: list[ImportIssue],
        *,
        decimal_comma: bool = False,
        day_first: bool = False,
        lenient: bool = True,
        exact_text: bool = False,
    ) -> None:
        self.index = index
        self.issues = issues
        self.decimal_comma = decimal_comma
        self.day_first = day_first
        self.lenient = lenient  # CRM files: unknown owners/roles warn; the round trip refuses
        self.exact_text = exact_text  # the round trip keeps '\r\n' as stored
        self.new_terms: dict[tuple[str, str], Term] = {}
        self._readers: dict[FieldKind, Any] = {
            FieldKind.MONEY: lambda _s, v, _w: parse.money(
                v, decimal_comma=decimal_comma, maximum=MAX_MONEY
            ),
            FieldKind.INTEGER: lambda _s, v, _w: parse.whole_number(v, decimal_comma=decimal_comma),
            FieldKind.DATE: lambda _s, v, _w: parse.day(v, day_first=day_first),
            FieldKind.FLAG: lambda _s, v, _w: parse.flag(v),
            FieldKind.TERM: self._term,
            FieldKind.TERMS: lambda _s, v, w: self._roles(v, w),
            FieldKind.MEMBER: self._member,
        }
        self._told: set[tuple[str, str]] = set()
        self._found: dict[tuple[str, object], Any] = {}  # lookups repeat: same role, same owner

    def error(self, where: Where, reason: str) -> Any:
        self.issues.append(ImportIssue(ERROR, reason, _place(where)))
        return INVALID

    def tell_once(self, severity: str, topic: str, value: str, reason: str, where: Where) -> None:
        if (topic, value) not in self._told:
            self._told.add((topic, value))
            self.issues.append(ImportIssue(severity, reason, _place(where)))

    def read(self, spec: FieldSpec, value: object, where: Where) -> Any:
        """The stored value for ``spec``, None for blank, or INVALID (an issue was added)."""
        try:
            parse.check_not_error(value)
            if spec.kind in (FieldKind.TEXT, FieldKind.LONG_TEXT):
                return self._text(spec, value, where)
            if parse.is_blank(value):
                return _BLANK.get(spec.kind)
            if spec.kind in _LOOKUPS:
                key = (spec.name, value)
                found = self._found.get(key)
                if found is None:
                    found = self._readers[spec.kind](spec, value, where)
                    if found is not INVALID:
                        self._found[key] = found
                return found
            return self._readers[spec.kind](spec, value, where)
        except ValueError as problem:
            return self.error(where, f"{spec.label}: {problem}")

    def _text(self, spec: FieldSpec, value: object, where: Where) -> Any:
        text = parse.text(value, line_breaks=not self.exact_text)
        if spec.required and not text:
            return self.error(where, f"{spec.label} cannot be empty")
        if spec.max_length and len(text) > spec.max_length:
            return self.error(
                where,
                f"{spec.label} is too long ({len(text):,} characters, at most {spec.max_length:,})",
            )
        return text

    def _term(self, spec: FieldSpec, value: object, where: Where) -> Any:
        kind = spec.vocabulary or ""
        term = find_term(self.index, kind, value)
        if term is not None:
            return term.id
        label = parse.text(value)
        if kind == vocab.INDUSTRY and self.lenient:
            return self._new_term(kind, label, where).id
        choices = ", ".join(t.label for t in self.index.terms.get(kind, ()))
        return self.error(where, f"{spec.label}: '{label}' is not in the plan's list ({choices})")

    def _new_term(self, kind: str, label: str, where: Where) -> Term:
        key = (kind, squash(label))
        if key not in self.new_terms:
            slug = _SLUG.sub("_", label.casefold()).strip("_")[:60] or "term"
            taken = {t.key for t in self.index.terms.get(kind, ())} | {
                t.key for (k, _), t in self.new_terms.items() if k == kind
            }
            candidate, number = slug, 2
            while candidate in taken:
                candidate, number = f"{slug}_{number}", number + 1
            self.new_terms[key] = Term(new_record_id(), candidate, label[:200], None)
            self.issues.append(
                ImportIssue(
                    INFO, f"'{label}' will be added to the plan's {kind} list", _place(where)
                )
            )
        return self.new_terms[key]

    def _roles(self, value: object, where: Where) -> Any:
        ids: set[uuid.UUID] = set()
        for part in parse.split_list(value, ";,"):
            term = find_term(self.index, vocab.ROLE, part)
            if term is None:
                key = _ROLE_INDEX.get(squash(part))
                term = next((t for t in self.index.terms.get(vocab.ROLE, ()) if t.key == key), None)
            if term is None and not self.lenient:
                return self.error(where, f"Buying roles: '{part}' is not one of the plan's roles")
            if term is None:
                term = next(
                    (t for t in self.index.terms.get(vocab.ROLE, ()) if t.key == "other"), None
                )
                self.tell_once(
                    WARNING,
                    "role",
                    part,
                    f"buying role '{part}' is not known; it is imported as 'Other'",
                    where,
                )
            if term is not None:
                ids.add(term.id)
        return sorted(ids, key=str)

    def _member(self, spec: FieldSpec, value: object, where: Where) -> Any:
        text = parse.text(value)
        found = self.index.member_lookup.get(name_key(text), [])
        if len(set(found)) == 1:
            return found[0]
        if len(set(found)) > 1:
            return self.error(where, f"{spec.label}: several team members are called '{text}'")
        if not self.lenient:
            return self.error(where, f"{spec.label}: '{text}' is not on the plan's team")
        self.tell_once(
            WARNING,
            "member",
            text,
            f"{spec.label}: '{text}' is not on the plan's team; left empty",
            where,
        )
        return None


def _place(where: Where) -> Location:
    return where() if callable(where) else where


def display(  # noqa: PLR0911 - one return per kind of field reads best
    spec: FieldSpec, value: Any, index: PlanIndex, new_terms: dict[Any, Term]
) -> str:
    """A stored value as a person reads it in the preview."""
    if value is None or value in ("", []):
        return ""
    if spec.kind is FieldKind.TERM:
        label = index.term_label.get(value)
        if label is None:
            label = next((t.label for t in new_terms.values() if t.id == value), str(value))
        return label
    if spec.kind is FieldKind.TERMS:
        return "; ".join(index.term_label.get(v, str(v)) for v in value)
    if spec.kind is FieldKind.MEMBER:
        return index.members.get(value, str(value))
    if spec.kind is FieldKind.FLAG:
        return "Yes" if value else "No"
    if spec.kind is FieldKind.MONEY:
        return f"{value:,.2f}"
    return str(value)
