"""The app's own key bindings for whatever has focus: the focused widget, the
widgets around it, its screen, then the app. Only bindings with an id count:
those are ours, described in Vietnamese; Textual's built-in widget keys
(cursor movement and the like) have none and stay out of F1 and Ctrl+P."""
from __future__ import annotations


def active_bindings(screen, app):
    """(node, binding) pairs, nearest first, one per action."""
    nodes = []
    node = screen.focused
    while node is not None and node is not screen:
        nodes.append(node)
        node = node.parent
    nodes += [screen, app]
    seen = set()
    for node in nodes:
        for b in getattr(node, "BINDINGS", []):
            if not hasattr(b, "action") or not getattr(b, "id", None) or not b.description:
                continue
            if b.action in seen:
                continue
            seen.add(b.action)
            yield node, b
