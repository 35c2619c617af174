"""An import preview as a person reads it in a terminal (``import --dry-run``)."""

from __future__ import annotations

from collections.abc import Mapping

from abm_planner.excel.change_nouns import count_of, count_text
from abm_planner.excel.import_model import ADD, CHANGE, DELETE, ImportPreview

SHOWN = 15
_VERBS = {ADD: "add", CHANGE: "change", DELETE: "delete"}


def format_preview(preview: ImportPreview, *, shown: int = SHOWN) -> str:
    lines = [f"Import into {preview.plan_location}", ""]
    for sheet in preview.sheets:
        kind = sheet.kind or "not imported"
        lines.append(
            f"{sheet.title}: {kind} ({sheet.reason}); header on row {sheet.header_row}, "
            f"{sheet.rows:,} data rows"
        )
        lines += [f"    {note}" for note in sheet.notes]
        for column in sheet.columns:
            if sheet.kind == "round_trip":
                continue
            target = column.label if column.field else f"- ({column.how})"
            lines.append(f"    {column.header or '(no header)':<40} -> {target}")
    lines.append("")
    if preview.counts:
        lines.append("Counts: " + ", ".join(count_text(k, v) for k, v in preview.counts.items()))
    for action in (ADD, CHANGE, DELETE):
        changes = [c for c in preview.changes if c.action == action]
        if not changes:
            continue
        lines.append(f"\nTo {_VERBS[action]} ({len(changes):,}):")
        for change in changes[:shown]:
            where = f" [{change.account}]" if change.account else ""
            conflict = f"  CONFLICT: {change.conflict}" if change.conflict else ""
            lines.append(f"  {change.kind} {change.name}{where}{conflict}")
            if action == CHANGE:
                lines += [f"      {f.label}: '{f.old}' -> '{f.new}'" for f in change.fields[:8]]
        if len(changes) > shown:
            lines.append(f"  ... and {len(changes) - shown:,} more")
    if preview.issues:
        lines.append("\nIssues:")
        for issue in preview.issues[: shown * 2]:
            lines.append(f"  {issue.severity}: {issue}")
        if len(preview.issues) > shown * 2:
            lines.append(f"  ... and {len(preview.issues) - shown * 2:,} more")
    return "\n".join(lines)


def applied_text(
    added: Mapping[str, int], changed: Mapping[str, int], deleted: Mapping[str, int]
) -> str:
    """What an import wrote, by kind: "added 1 play, 3 touches; deleted 1 whitespace cell"."""
    done = [
        f"{verb} " + ", ".join(count_of(kind, n) for kind, n in counts.items())
        for verb, counts in (("added", added), ("changed", changed), ("deleted", deleted))
        if counts
    ]
    return "; ".join(done) or "nothing to change"


def skipped_text(contacts: int) -> str:
    """The contacts a CRM import left out because their account is not known."""
    were = "was" if contacts == 1 else "were"
    return f"{count_of('contact', contacts)} without a known account {were} skipped."


def conflicts_text(conflicts: int) -> str:
    """The conflicting changes an import without a selection left out."""
    change = "change" if conflicts == 1 else "changes"
    return (
        f"{conflicts:,} {change} conflicting with edits made in the plan since the export "
        f"{'was' if conflicts == 1 else 'were'} left out; see them with --dry-run."
    )
