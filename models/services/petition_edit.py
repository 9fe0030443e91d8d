"""Correcting a recorded petition, withdrawing it, grouping petitions and
following up a forwarded one.

How it is stored (models/domain/petition.py):
- a correction changes the Petition in place (optimistic locking, audited) and
  writes one PetitionEvent "edited" whose before/after name every changed field;
- withdrawal sets status "withdrawn", ``withdrawn_on`` and ``withdrawn_reason``
  and writes an event "withdrawn"; the board and the statistics leave it out,
  its history stays;
- a group is a head petition (group_parent NULL) and the petitions whose
  ``group_parent`` is the head; joining or leaving writes an event on the
  petition that moved; an action on the board applied to a group writes the
  event on every member;
- a forwarded petition (disposition "forwarded") has status "forwarded"
  ("đã chuyển, chờ trả lời") until the upper level's reply is recorded
  (``upper_reply_*``, status "forwarded_replied"); ``forwarded_to`` names the
  authority, ``forward_number``/``forward_date`` the letter that forwarded it,
  ``followup_on`` the day to ask again."""
from __future__ import annotations

import datetime as dt

from models.core import clock
from models.core.errors import ValidationError
from models.core.text import by_name, clean_line, fold, shorten
from models.core.words import CONTENT, FIELD, FIELD_LABELS, UNIT, VILLAGE
from models.core.words import PetitionEditWords as W
from models.domain.office import Field, Unit, Village
from models.domain.petition import CHANNELS, DISPOSITIONS, STATUSES, TITLES, Petition, citizen_label
from models.services import records
from models.services.petitions import STATUS_FOR, add_event, due_date
from models.services.privacy import stored_name
from models.services.similar import score, similar_petitions, words
from models.services.validate import optional_line, parse_date, required, text

#: fields a correction may change, with what the history calls them
EDITABLE = {
    "citizen_title": W.CITIZEN_TITLE,
    "citizen_name": W.CITIZEN_NAME,
    "citizen_withheld": W.CITIZEN_WITHHELD,
    "citizen_address": W.CITIZEN_ADDRESS,
    "citizen_phone": W.CITIZEN_PHONE,
    "village": VILLAGE,
    "field": FIELD,
    "channel": W.CHANNEL,
    "content": CONTENT,
    "disposition": W.DISPOSITION,
    "answer_on_spot": FIELD_LABELS["answer_on_spot"],
    "answered_by": W.ANSWERED_BY,
    "unit": UNIT,
    "forwarded_to": W.FORWARDED_TO,
    "forward_number": W.FORWARD_NUMBER,
    "forward_date": W.FORWARD_DATE,
    "followup_on": W.FOLLOWUP_ON,
}
#: default days between forwarding and asking the upper level again
FOLLOWUP_DAYS = 30


def _dmy(day) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


#: fields that hold a catalogue row, with its table and label
_CATALOGUE = {"village": (Village, VILLAGE), "field": (Field, FIELD), "unit": (Unit, UNIT)}
#: fields that hold one of a fixed set of codes, with what to say when the value is none of them
_CHOICES = {"disposition": (DISPOSITIONS, W.CHOOSE_DISPOSITION), "channel": (CHANNELS, W.CHOOSE_CHANNEL)}


def _stored(p: Petition, key: str):
    """The value of EDITABLE ``key`` as stored (a catalogue row's id)."""
    return getattr(p, key + "_id" if key in _CATALOGUE else key)


def _shown(p: Petition, key: str) -> str:
    value = _stored(p, key)
    if key in _CATALOGUE:
        model = _CATALOGUE[key][0]
        row = model.get_or_none(model.id == value) if value else None
        return row.name if row else ""
    if key in _CHOICES:
        return _CHOICES[key][0].get(value, value or "")
    if key == "citizen_withheld":
        return W.YES if value else W.NO
    if key == "citizen_name":
        return citizen_label(value, p.citizen_withheld)
    if isinstance(value, dt.date):
        return _dmy(value)
    return str(value or "")


def _by_name(model, office_id: int, value, label: str):
    """A catalogue row from an id, a row, or the beginning of its name (no diacritics
    needed); nothing typed (spaces too) is none. Spaces alone once matched the
    beginning of every name and moved the petition to the first village."""
    if value is None or (isinstance(value, str) and not clean_line(value)):
        return None
    if isinstance(value, model):
        return value
    if isinstance(value, int):
        row = model.get_or_none((model.id == value) & (model.office == office_id))
        if row is None:
            raise ValidationError(W.CHOICE_GONE.format(label=label), field=label)
        return row
    key = fold(value)
    rows = by_name(model.select().where(model.office == office_id))
    hit = (next((r for r in rows if fold(r.name) == key), None)
           or next((r for r in rows if fold(r.name).startswith(key)), None))
    if hit is None:
        raise ValidationError(W.NO_SUCH_NAME.format(label=label.lower(), value=clean_line(value)), field=label)
    return hit


def edit(p: Petition, values: dict, *, expected_version: int | None = None) -> Petition:
    """Correct any field of a recorded petition. ``values`` holds the keys of
    EDITABLE to change (names or ids for village, field and unit); the others
    stay. One history entry lists every changed field, before and after."""
    if p.status == "withdrawn":
        raise ValidationError(W.WITHDRAWN_NO_EDIT)
    changes = {key: _read_value(p.office_id, key, value) for key, value in values.items() if key in EDITABLE}
    merged = {k: changes.get(k, _stored(p, k)) for k in EDITABLE}
    _check_whole(merged)

    if merged["citizen_withheld"]:
        changes["citizen_name"] = stored_name(p.office, merged["citizen_name"], True)
    if "disposition" in changes and changes["disposition"] != p.disposition:
        changes.update(_disposition_follows(p, merged))
    changed = [k for k in changes if k in EDITABLE and changes[k] != _stored(p, k)]
    if not changed:
        raise ValidationError(W.NOTHING_CHANGED)
    before = "; ".join(f"{EDITABLE[k]}: {_shown(p, k)}" for k in changed)
    with Petition._meta.database.atomic():
        records.update(p, changes, expected_version=expected_version)
        p.__rel__.clear()
        after = "; ".join(f"{EDITABLE[k]}: {_shown(p, k)}" for k in changed)
        add_event(p, "edited", ", ".join(EDITABLE[k] for k in changed), before=before, after=after)
    return p


def _read_value(office_id: int, key: str, value):
    """One corrected field as it is stored, or a ValidationError naming the field."""
    if key in _CATALOGUE:
        model, label = _CATALOGUE[key]
        row = _by_name(model, office_id, value, label)
        return row.id if row else None
    if key in ("forward_date", "followup_on"):
        return parse_date(value, EDITABLE[key], field=key) if str(value or "").strip() else None
    if key == "citizen_withheld":
        return bool(value)
    if key == "citizen_title":
        title = clean_line(value)
        if title not in TITLES:
            raise ValidationError(W.TITLE_CHOICES, field=key)
        return title
    if key in _CHOICES:
        choices, message = _CHOICES[key]
        if value not in choices:
            raise ValidationError(message, field=key)
        return value
    if key in ("content", "answer_on_spot"):
        return text(value)
    return optional_line(value, label=EDITABLE[key])


def _check_whole(merged: dict) -> None:
    """The rules between fields, on the petition as it would be after the correction."""
    if not merged["content"].strip():
        raise ValidationError(W.CONTENT_EMPTY, field="content")
    if merged["disposition"] == "in_writing" and not merged["unit"]:
        raise ValidationError(W.IN_WRITING_NEEDS_UNIT, field="unit")
    if merged["disposition"] == "forwarded" and not merged["forwarded_to"]:
        raise ValidationError(W.FORWARDED_NEEDS_AUTHORITY, field="forwarded_to")


def _disposition_follows(p: Petition, merged: dict) -> dict:
    """A new disposition moves the petition to the status it would have had,
    with its closing day, deadline and (forwarded) the day to ask again."""
    disposition = merged["disposition"]
    follows = {"status": STATUS_FOR[disposition],
               "closed_on": p.received_on if disposition == "on_spot" else None,
               "due_on": due_date(p.office, disposition, p.received_on, channel=merged["channel"])}
    if disposition == "forwarded" and not merged["followup_on"]:
        follows["followup_on"] = default_followup(p.received_on)
    return follows


def withdraw(p: Petition, reason: str, *, expected_version: int | None = None,
             today: dt.date | None = None) -> Petition:
    """Rút kiến nghị (the citizen withdrew it, or it was recorded by mistake):
    it leaves the board and the statistics and keeps its history. The members
    of its group stay; the first of them becomes the group's head."""
    if p.status == "withdrawn":
        raise ValidationError(W.ALREADY_WITHDRAWN)
    why = required(reason, W.WITHDRAW_REASON, field="reason", max_len=1000)
    day = today or clock.today()
    with Petition._meta.database.atomic():
        members = [m for m in group_members(p) if m.id != p.id]
        if p.group_parent_id is None and members:
            head = members[0]
            records.update(head, {"group_parent": None})
            for m in members[1:]:
                records.update(m, {"group_parent": head.id})
        records.update(p, {"status": "withdrawn", "withdrawn_on": day, "withdrawn_reason": why,
                           "group_parent": None}, expected_version=expected_version)
        add_event(p, "withdrawn", why, before=STATUSES.get(p.status, p.status), after=STATUSES["withdrawn"])
    return p


# --- groups ------------------------------------------------------------------------------

def group_members(p: Petition) -> list[Petition]:
    """The petitions of ``p``'s group, head first, withdrawn ones left out
    (just ``p`` when it is not grouped)."""
    head = p.group_head_id
    return list(Petition.select().where(((Petition.id == head) | (Petition.group_parent == head))
                                        & (Petition.status != "withdrawn"))
                .order_by(Petition.received_on, Petition.seq, Petition.id)) or [p]


def set_group(p: Petition, head: Petition | int | None) -> Petition:
    """Put ``p`` in the group of ``head`` (None: take it out of its group)."""
    if isinstance(head, int):
        head = Petition.get_or_none((Petition.id == head) & (Petition.office == p.office_id))
        if head is None:
            raise ValidationError(W.GROUP_TARGET_GONE)
    target = (head.group_parent_id or head.id) if head is not None else None
    if target == p.id:
        raise ValidationError(W.GROUP_WITH_ITSELF)
    if target == p.group_parent_id:
        return p
    with Petition._meta.database.atomic():
        if target is not None:
            # p headed a group: its members follow it into the new one
            for member in Petition.select().where(Petition.group_parent == p.id):
                records.update(member, {"group_parent": target})
                add_event(member, "grouped", W.GROUPED_WITH.format(target=target))
        old = p.group_parent_id
        records.update(p, {"group_parent": target})
        if target is None:
            add_event(p, "ungrouped", W.UNGROUPED_FROM.format(old=old))
        else:
            add_event(p, "grouped", W.GROUPED_WITH.format(target=target))
    return p


def group_candidates(office, *, village, field, content: str, conference=None, exclude_ids=(),
                     limit: int = 8) -> list[Petition]:
    """Petitions a new one might join: same village and field first (this
    conference's, then earlier ones), then those with similar words in the
    same field or village. Never a guess: the secretary picks one, or none."""
    out: list[Petition] = []
    seen = set(exclude_ids)

    def take(p):
        head = p.group_head_id
        if head in seen or p.id in seen or p.status == "withdrawn":
            return
        seen.add(head)
        seen.add(p.id)
        out.append(Petition.get_by_id(head) if head != p.id else p)

    if village is not None and field is not None:
        same = (Petition.select().where((Petition.office == office) & (Petition.village == village)
                                        & (Petition.field == field) & (Petition.status != "withdrawn")))
        if conference is not None:
            for p in same.where(Petition.conference == conference).order_by(Petition.seq.desc()):
                take(p)
        for m in similar_petitions(office, village=village, field=field, content=content,
                                   exclude_ids=list(seen), limit=limit, threshold=0.2):
            take(m.petition)
    new = words(content)
    if len(new) >= 2 and (village is not None or field is not None):
        q = Petition.select().where((Petition.office == office) & (Petition.status != "withdrawn")
                                    & (Petition.content != ""))
        q = q.where(Petition.field == field) if field is not None else q.where(Petition.village == village)
        scored = [(score(new, words(p.content)), p) for p in
                  q.order_by(Petition.received_on.desc(), Petition.id.desc()).limit(400)]
        for s, p in sorted((x for x in scored if x[0] >= 0.34), key=lambda x: -x[0]):
            take(p)
    return out[:limit]


def candidate_label(p: Petition) -> str:
    """One line for the candidate list: where, who, what, and the answer."""
    where = f"{p.conference.date:%d/%m/%Y}" if p.conference_id else f"{p.received_on:%d/%m/%Y}"
    answer = p.answer_summary or p.answer_on_spot or p.upper_reply_summary or W.NOT_ANSWERED
    village = p.village.name if p.village_id else ""
    # cut between words (the list wraps a long line; a phrase cut in half misleads)
    return W.CANDIDATE.format(number=p.seq or p.id, where=where, village=village, citizen=p.citizen_label,
                              content=shorten(p.content, 90), answer=shorten(answer, 70))


def for_group(p: Petition, action, *args, expected_version: int | None = None, **kwargs) -> list[Petition]:
    """Apply a board action (board_actions.assign, extend, record_answer,
    close …) to every member of ``p``'s group, each with its own history
    entry; the version check applies to the petition the user saw."""
    members = group_members(p)
    done = []
    with Petition._meta.database.atomic():
        for m in members:
            version = expected_version if m.id == p.id else None
            if m.id != p.id and _skips(action, m):
                continue
            done.append(action(m, *args, expected_version=version, **kwargs))
    return done


def _skips(action, m: Petition) -> bool:
    """A member already in the state the action leads to is left as it is."""
    name = getattr(action, "__name__", "")
    if name in ("assign", "extend", "record_answer"):
        return m.status != "open"
    if name == "close":
        return m.status == "closed"
    if name == "record_upper_reply":
        return m.status != "forwarded"
    return False


# --- forwarded petitions ---------------------------------------------------------------------

def default_followup(received_on: dt.date) -> dt.date:
    return received_on + dt.timedelta(days=FOLLOWUP_DAYS)


def set_forwarding(p: Petition, number: str, on, followup_on=None, *,
                   expected_version: int | None = None) -> Petition:
    """The letter that forwarded the petition (number and date) and the day to follow up."""
    if p.disposition != "forwarded":
        raise ValidationError(W.NOT_FORWARDED)
    changes = {"forward_number": optional_line(number, max_len=60, label=W.LETTER_NUMBER),
               "forward_date": parse_date(on, W.FORWARD_DATE, field="forward_date")
               if str(on or "").strip() else None}
    if str(followup_on or "").strip():
        changes["followup_on"] = parse_date(followup_on, W.FOLLOWUP_ON, field="followup_on")
    with Petition._meta.database.atomic():
        records.update(p, changes, expected_version=expected_version)
        add_event(p, "forward_letter", W.FORWARD_LETTER.format(number=changes["forward_number"],
                                                                day=_dmy(changes["forward_date"])).strip(),
                  after=_dmy(changes.get("followup_on", p.followup_on)))
    return p


def record_upper_reply(p: Petition, number: str, on, summary: str, *, expected_version: int | None = None,
                       today: dt.date | None = None) -> Petition:
    """Ghi trả lời của cấp trên: the forwarded petition leaves "chờ trả lời"."""
    if p.status != "forwarded":
        raise ValidationError(W.NOT_AWAITING_UPPER.format(status=STATUSES.get(p.status, p.status)))
    day = parse_date(on, W.REPLY_DATE, field="answer_date")
    if day > (today or clock.today()):
        raise ValidationError(W.REPLY_DATE_FUTURE.format(day=_dmy(day)), field="answer_date")
    gist = text(summary).strip()
    if not gist:
        raise ValidationError(W.REPLY_SUMMARY_EMPTY, field="answer_summary")
    num = optional_line(number, max_len=60, label=W.LETTER_NUMBER)
    with Petition._meta.database.atomic():
        records.update(p, {"status": "forwarded_replied", "upper_reply_number": num, "upper_reply_date": day,
                           "upper_reply_summary": gist}, expected_version=expected_version)
        add_event(p, "upper_reply", W.UPPER_REPLY.format(number=num, day=_dmy(day)).replace("  ", " "), after=gist)
    return p


def edit_as_typed(petition_id: int, values: dict, shown: dict, expected_version: int) -> Petition:
    """The petition form's save (the live session's Ctrl+D, the board's E): a
    reason written in "withdraw" withdraws the petition; otherwise the fields
    changed from what the form showed (``shown``) are edited."""
    fresh = Petition.get_by_id(petition_id)
    if str(values.get("withdraw") or "").strip():
        return withdraw(fresh, values["withdraw"], expected_version=expected_version)
    changes = {k: v for k, v in values.items() if k != "withdraw" and v != shown.get(k)}
    if "citizen_withheld" in changes:
        changes["citizen_withheld"] = changes["citizen_withheld"] == "yes"
    return edit(fresh, changes, expected_version=expected_version)
