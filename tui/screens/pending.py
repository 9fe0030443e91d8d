"""Screens whose work is not built yet say so plainly (no pretend content)."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from ..widgets.keybar import KeyBar
from .base import AppScreen


class PendingScreen(AppScreen):
    LABEL = ""

    def compose(self) -> ComposeResult:
        yield Static(f" {self.LABEL}", classes="screen-title")
        yield Static(f"Màn hình {self.LABEL} chưa có trong phiên bản này.", classes="pending")
        yield KeyBar()


class PlansPending(PendingScreen):
    LABEL = "Kế hoạch"


class ConferencesPending(PendingScreen):
    LABEL = "Hội nghị"


class SessionPending(PendingScreen):
    LABEL = "Phiên họp"


class BoardPending(PendingScreen):
    LABEL = "Theo dõi"
