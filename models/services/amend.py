"""The versions of a register entry.

Nothing issued is changed in place: a correction (``documents.start_correction``)
is issued as a new entry of the register of outgoing documents that supersedes
the previous one, which stays readable. This module follows that chain.
"""
from __future__ import annotations

from models.domain.register import OutgoingDocument


def document_versions(doc: OutgoingDocument) -> list[OutgoingDocument]:
    """Every version of the document ``doc`` belongs to, oldest first."""
    root = doc
    seen = {root.id}
    while root.supersedes_id is not None and root.supersedes_id not in seen:
        root = OutgoingDocument.get_by_id(root.supersedes_id)
        seen.add(root.id)
    out, frontier = [root], [root.id]
    while frontier:
        children = list(OutgoingDocument.select().where(OutgoingDocument.supersedes.in_(frontier))
                        .order_by(OutgoingDocument.version, OutgoingDocument.id))
        out += children
        frontier = [c.id for c in children]
    return out
