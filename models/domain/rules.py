"""Deadline rules: defaults with their legal source (data/catalog/rules.json),
overridden per office by RuleSetting rows."""
from __future__ import annotations

from dataclasses import dataclass, replace

import data

from models.domain.office import RuleSetting
from models.core.words import RuleWords as W


@dataclass(frozen=True)
class Rule:
    key: str
    label: str
    direction: str          # "before" or "after" the conference
    days: int
    unit: str               # "calendar" or "working"
    source: str
    consecutive_days: int = 0

    @property
    def wording(self) -> str:
        unit = W.WORKING_DAYS if self.unit == "working" else W.DAYS
        when = W.BEFORE if self.direction == "before" else "sau"
        prefix = W.AT_LATEST if self.direction == "before" else W.WITHIN
        return W.RULE_TEXT.format(prefix=prefix, days=self.days, unit=unit, when=when)


def default_rules() -> dict[str, Rule]:
    out = {}
    for r in data.load_json("catalog/rules.json")["rules"]:
        out[r["key"]] = Rule(r["key"], r["label"], r["direction"], int(r["days"]), r["unit"],
                             r["source"], int(r.get("consecutive_days", 0)))
    return out


def office_rules(office) -> dict[str, Rule]:
    """The office's rules: its own days where it set them, and each source
    citing a law or the office's own plan ("{office}" is its name)."""
    name = getattr(office, "name", "") or W.OFFICE_DEFAULT
    rules = {k: replace(r, source=r.source.replace("{office}", name)) for k, r in default_rules().items()}
    for s in RuleSetting.select().where(RuleSetting.office == office):
        if s.key in rules:
            rules[s.key] = replace(rules[s.key], days=s.days, unit=s.unit)
    return rules
