"""The app's screens. NAVIGATION lists the main screens in order: mode name,
label, key, and the module:Class that draws it (imported when first shown)."""
from __future__ import annotations

NAVIGATION = [
    ("dashboard", "Tổng quan", "f2", "tui.screens.dashboard:DashboardScreen"),
    ("plans", "Kế hoạch", "f3", "tui.screens.plans:PlansScreen"),
    ("conferences", "Hội nghị", "f4", "tui.screens.conferences:ConferencesScreen"),
    ("session", "Phiên họp", "f5", "tui.screens.session:SessionScreen"),
    ("board", "Theo dõi", "f6", "tui.screens.board:BoardScreen"),
    ("documents", "Văn bản", "f7", "tui.screens.documents:DocumentsScreen"),
    ("catalog", "Danh mục", "f8", "tui.screens.catalog:CatalogScreen"),
]


def load(path: str):
    import importlib

    module, _, name = path.partition(":")
    return getattr(importlib.import_module(module), name)
