"""The sales–marketing agreement on plain data: rubric, tiers, rules, handoff, metrics.

Nothing here touches the plan file: services read the records, hand them over as
small dataclasses and write back what comes out (fit scores to cache, sentences to
show). That keeps every rule testable without a database and usable by the CLI.
"""
