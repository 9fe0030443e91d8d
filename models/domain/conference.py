"""Hội nghị đối thoại: conferences and what belongs to one."""
from __future__ import annotations

from dataclasses import dataclass, field

import peewee as pw

from models.domain.base import BaseModel
from models.domain.office import Office, Village
from models.domain.plan import Plan
from models.core.words import CONFERENCE_STATUSES
from models.core.words import ConferenceWords as W

# planned → announced → in session → closed → minutes signed → conclusions issued → report sent
STATUSES = ("planned", "announced", "in_session", "closed", "minutes_signed", "conclusions_issued",
            "report_sent")
STATUS_LABELS = CONFERENCE_STATUSES


class Conference(BaseModel):
    office = pw.ForeignKeyField(Office, backref="conferences", on_delete="CASCADE")
    plan = pw.ForeignKeyField(Plan, null=True, backref="conferences", on_delete="SET NULL")
    title = pw.TextField(default="")
    date = pw.DateField()
    start_time = pw.CharField(default="08:00")   # the schedule ("08:00"), as announced
    end_time = pw.CharField(default="")          # the scheduled end, when the plan names one
    # what happened: set by starting and ending the session (F5), corrected in
    # one place (services.live_session.set_actual_times); never the schedule
    actual_start = pw.CharField(default="")
    actual_end = pw.CharField(default="")
    venue = pw.CharField(default="")
    chair = pw.TextField(default="")          # one a line: "Nguyễn Văn A - Chủ tịch UBND xã"
    secretary = pw.CharField(default="")
    topics = pw.TextField(default="")
    invited_groups = pw.TextField(default="")
    status = pw.CharField(default="planned")
    opening_report = pw.TextField(default="")
    conclusions = pw.TextField(default="")    # kết luận của chủ trì
    minutes_signed_on = pw.DateField(null=True)
    report_due_on = pw.DateField(null=True)   # office-set date for the report
    notice_published_on = pw.DateField(null=True)
    invitations_sent_on = pw.DateField(null=True)
    conclusions_published_on = pw.DateField(null=True)
    report_sent_on = pw.DateField(null=True)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)


class ConferenceVillage(BaseModel):
    conference = pw.ForeignKeyField(Conference, backref="village_links", on_delete="CASCADE")
    village = pw.ForeignKeyField(Village, on_delete="CASCADE")

    class Meta:
        indexes = ((("conference", "village"), True),)


class Invitee(BaseModel):
    """Người được mời: a person or a group ("Bí thư Chi bộ các thôn")."""

    conference = pw.ForeignKeyField(Conference, backref="invitees", on_delete="CASCADE")
    name = pw.CharField()
    position = pw.CharField(default="")
    is_group = pw.BooleanField(default=False)
    title = pw.CharField(default="")          # danh xưng: "", "Ông", "Bà" (issue 22 item 3)


class AgendaItem(BaseModel):
    conference = pw.ForeignKeyField(Conference, backref="agenda", on_delete="CASCADE")
    seq = pw.IntegerField()
    title = pw.TextField()
    presenter = pw.CharField(default="")
    planned_start = pw.CharField(default="")  # "08:15"
    planned_minutes = pw.IntegerField(default=0)
    actual_start = pw.DateTimeField(null=True)
    actual_end = pw.DateTimeField(null=True)


ATTENDANCE_GROUPS = {
    "officials": W.OFFICIALS,
    "village_leaders": W.VILLAGE_LEADERS,
    "citizens": W.CITIZENS,
}


class Attendance(BaseModel):
    conference = pw.ForeignKeyField(Conference, backref="attendance", on_delete="CASCADE")
    group = pw.CharField()                    # officials, village_leaders, citizens, guest
    count = pw.IntegerField(default=0)
    name = pw.CharField(default="")           # a named guest
    position = pw.CharField(default="")
    title = pw.CharField(default="")          # a named guest's danh xưng: "", "Ông", "Bà" (issue 22 item 3)


class BroadcastSlot(BaseModel):
    """Lịch phát loa: one reading at one station; the broadcaster ticks it."""

    conference = pw.ForeignKeyField(Conference, backref="broadcasts", on_delete="CASCADE")
    day = pw.DateField()
    slot = pw.CharField()                     # "sáng" / "chiều"
    station = pw.CharField()
    read_at = pw.DateTimeField(null=True)
    read_by = pw.CharField(default="")


# --- who came, as the session recorded it (one summary for the screen and the minutes) ---

@dataclass
class AttendanceSummary:
    counts: dict = field(default_factory=dict)          # group → number
    guests: list = field(default_factory=list)          # (title, name, position)

    @property
    def total(self) -> int:
        return sum(self.counts.values()) + len(self.guests)


def attendance(conf: Conference) -> AttendanceSummary:
    out = AttendanceSummary({g: 0 for g in ATTENDANCE_GROUPS})
    for row in Attendance.select().where(Attendance.conference == conf).order_by(Attendance.id):
        if row.name:
            out.guests.append((row.title, row.name, row.position))
        elif row.group in out.counts:
            out.counts[row.group] += row.count
    return out
