"""Domain and storage: the dialogue cycle in peewee models and plain services.

Rooms, each importing only the rooms below it (import-linter's layers contract in
pyproject.toml; tests/test_architecture.py also fails on any import loop):

- ``models.opening``  opening the office's database (or the demo's): what the app calls first
- ``models.demo``     the demo commune and the test samples, built through the services
- ``models.services`` what the screens and commands call: rules that read and write
- ``models.storage``  where rows live: databases, migrations, files, backups, seals, settings
- ``models.domain``   the tables of the dialogue cycle and the rules that need no service
- ``models.core``     errors, text, clock, words, folders: what everything uses

Nothing here imports the user interface. Heavy modules (holidays, reportlab) are
imported inside the functions that need them, not at import time. This package
re-exports the tables for the screens' convenience; inside ``models`` a module
imports from the module that defines a name.
"""
from models.core._drivers import import_peewee_without_postgres_driver

import_peewee_without_postgres_driver()

from models.domain.audit import AuditEntry
from models.domain.office import (
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
from models.domain.conference import (
                      AgendaItem,
                      Attendance,
                      BroadcastSlot,
                      Conference,
                      ConferenceVillage,
                      Invitee,
)
from models.storage.db import close_database, database, open_database
from models.core.errors import (
                      Locked,
                      NotFound,
                      StaleEdit,
                      StorageError,
                      UserError,
                      ValidationError,
)
from models.domain.petition import Petition, PetitionEvent
from models.domain.plan import Plan
from models.domain.register import OutgoingDocument

__all__ = [
    "AgendaItem", "Attendance", "AuditEntry", "BroadcastSlot", "Conference", "ConferenceVillage",
    "FAMILY_PARTY", "FAMILY_STATE", "Field", "HolidayOverride", "Invitee", "Locked", "NotFound",
    "Office", "Official", "OutgoingDocument", "Person", "Petition", "PetitionEvent", "Plan", "RecipientList",
    "RuleSetting", "Setting", "StaleEdit", "StorageError", "Unit", "UserError", "ValidationError",
    "Village", "close_database", "database", "open_database",
]
