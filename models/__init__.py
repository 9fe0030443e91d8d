"""Domain and storage: the dialogue cycle in peewee models and plain services.

Nothing here imports the user interface. Heavy modules (holidays, reportlab) are
imported inside the functions that need them, not at import time.
"""
from ._drivers import import_peewee_without_postgres_driver

import_peewee_without_postgres_driver()

from .audit import AuditEntry  # noqa: E402
from .catalog import (  # noqa: E402
                      FAMILY_PARTY,
                      FAMILY_STATE,
                      Field,
                      HolidayOverride,
                      Office,
                      Official,
                      Person,
                      RecipientList,
                      RuleSetting,
                      Setting,
                      Unit,
                      Village,
)
from .conferences import (  # noqa: E402
                      AgendaItem,
                      Attendance,
                      BroadcastSlot,
                      Conference,
                      ConferenceVillage,
                      Invitee,
)
from .db import close_database, database, open_database
from .errors import (  # noqa: E402
                      Locked,
                      NotFound,
                      StaleEdit,
                      StorageError,
                      UserError,
                      ValidationError,
)
from .petitions import Petition, PetitionEvent
from .plans import Plan
from .register import OutgoingDocument

__all__ = [
    "AgendaItem", "Attendance", "AuditEntry", "BroadcastSlot", "Conference", "ConferenceVillage",
    "FAMILY_PARTY", "FAMILY_STATE", "Field", "HolidayOverride", "Invitee", "Locked", "NotFound",
    "Office", "Official", "OutgoingDocument", "Person", "Petition", "PetitionEvent", "Plan", "RecipientList",
    "RuleSetting", "Setting", "StaleEdit", "StorageError", "Unit", "UserError", "ValidationError",
    "Village", "close_database", "database", "open_database",
]
