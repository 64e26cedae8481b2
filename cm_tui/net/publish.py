"""Calendar posts on a Mastodon account -> scheduled statuses or published statuses.

Not wired yet: ``run`` returns no publication (see docs/architecture.md, "Connectors": the
5-minute rule lives in ``core.net_rules.schedule_way``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cm_tui.core.net_records import Publication
    from cm_tui.net.connector import Connector
    from cm_tui.net.sync import PassReport, SyncEngine


def run(
    engine: SyncEngine, connectors: dict[str, Connector], report: PassReport
) -> list[Publication]:
    return []
