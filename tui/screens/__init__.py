"""The app's screens. NAVIGATION lists the main screens in order: mode name,
label, key, and the module:Class that draws it (imported when first shown)."""
from __future__ import annotations

from ..words import ScreenNames as W

NAVIGATION = [
    ("dashboard", W.DASHBOARD, "f2", "tui.screens.dashboard:DashboardScreen"),
    ("plans", W.PLANS, "f3", "tui.screens.plans:PlansScreen"),
    ("conferences", W.CONFERENCES, "f4", "tui.screens.conferences:ConferencesScreen"),
    ("session", W.SESSION, "f5", "tui.screens.session:SessionScreen"),
    ("board", W.BOARD, "f6", "tui.screens.board:BoardScreen"),
    ("documents", W.DOCUMENTS, "f7", "tui.screens.documents:DocumentsScreen"),
    ("catalog", W.CATALOG, "f8", "tui.screens.catalog:CatalogScreen"),
]


def load(path: str):
    import importlib

    module, _, name = path.partition(":")
    return getattr(importlib.import_module(module), name)
