"""The monthly report (issue 6): Markdown against a golden file, CSV, self-contained HTML, and
``cm-tui report`` while the app holds the store's lock."""

from __future__ import annotations

import csv
import html
import io
import os
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cm_tui import cli
from cm_tui.core import i18n
from cm_tui.core.models import (
    AdCampaign,
    CampaignCheck,
    Competitor,
    CompetitorMonth,
    MonthlyFigures,
    NetworkProfile,
    Post,
    PostStatus,
    QueueItem,
    QueueKind,
    QueueStatus,
)
from cm_tui.core.stats import kpi_targets_from_pref
from cm_tui.io.charts import format_change
from cm_tui.io.report import MonthReport, build_report, render_csv, render_html, render_markdown

PARIS = ZoneInfo("Europe/Paris")
GOLDEN = Path(__file__).parent / "golden" / "report-2026-03.md"
NETWORKS = [
    NetworkProfile("instagram", "Instagram", 2200, 1, 3),
    NetworkProfile("x", "X (Twitter)", 280, 1, 2),
]


def _item(received: datetime, minutes: int, network: str) -> QueueItem:
    return QueueItem(
        kind=QueueKind.COMMENT,
        network=network,
        author_handle="@a",
        text="t",
        received_at=received,
        deadline=received + timedelta(hours=1),
        status=QueueStatus.REPLIED,
        replied_at=received + timedelta(minutes=minutes),
    )


def sample_report() -> MonthReport:
    figures = [
        MonthlyFigures("instagram", "2026-01", followers=1000, reach=2000, reactions=50,
                       comments=10, clicks=20, impressions=3000, profile_visits=40),
        MonthlyFigures("instagram", "2026-02", followers=1010, reach=1000, reactions=40,
                       comments=5, shares=5, clicks=25, impressions=1500, profile_visits=30),
        MonthlyFigures("instagram", "2026-03", followers=1050, reach=1000, reactions=20,
                       clicks=30, impressions=1600, profile_visits=33),
        MonthlyFigures("x", "2026-03", followers=500, reach=800, reactions=30),
    ]  # fmt: skip
    posts = [
        Post("instagram", datetime(2026, 3, 2, 9, tzinfo=UTC), "Spring | *new* [/] <lamps>",
             status=PostStatus.PUBLISHED),
        Post("x", datetime(2026, 3, 31, 23, 30, tzinfo=UTC), "Counts for April in Paris",
             status=PostStatus.PUBLISHED),
        Post("x", datetime(2026, 3, 5, 9, tzinfo=UTC), "A draft", status=PostStatus.DRAFT),
        Post("instagram", datetime(2026, 3, 9, 9, tzinfo=UTC), "Behind the scenes",
             status=PostStatus.PUBLISHED),
    ]  # fmt: skip
    base = datetime(2026, 3, 10, 8, tzinfo=UTC)
    queue = [_item(base + timedelta(hours=i), m, "instagram") for i, m in enumerate([10, 30, 90])]
    queue.append(_item(datetime(2026, 3, 31, 23, 30, tzinfo=UTC), 5, "x"))  # April in Paris
    competitors = [
        Competitor("Nordik Lab", "instagram", "@nordik",
                   (CompetitorMonth("2026-02", 2000, 30, 900),
                    CompetitorMonth("2026-03", 2100, 32, 950))),
    ]  # fmt: skip
    campaigns = [
        AdCampaign("Spring", "instagram", date(2026, 3, 1), date(2026, 4, 30), 600.0,
                   checks=tuple(CampaignCheck(date(2026, 3, d), 10.0, 4) for d in range(1, 11))),
        AdCampaign("Old", "x", date(2025, 11, 1), date(2025, 11, 30), 100.0),
    ]  # fmt: skip
    return build_report(
        "2026-03",
        figures=figures,
        networks=NETWORKS,
        posts=posts,
        queue_items=queue,
        competitors=competitors,
        campaigns=campaigns,
        targets=kpi_targets_from_pref({"x": {"followers_growth_pct": 1.0}}),
        baseline=None,
        tz=PARIS,
        today=date(2026, 4, 2),
    )


def test_markdown_report_matches_the_golden_file() -> None:
    text = render_markdown(sample_report())
    if os.environ.get("CM_TUI_UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_markdown_report_content() -> None:
    text = render_markdown(sample_report())
    assert "| Followers | 1,050 | ▲ 4.0% | ▲ 5.0% | ✅ met |" in text
    assert "| Engagement rate | 2.00% | ▼ 60.0% | ▼ 33.3% | ❌ missed |" in text
    # user text cannot break the table or inject Markdown
    assert "Spring \\| \\*new\\* \\[/\\] \\<lamps\\>" in text
    assert "Counts for April" not in text and "A draft" not in text
    assert "| Instagram | 3 | 3 | 30 | 90 | 66.7% |" in text  # median 30, p90 90, 2 of 3
    assert "| Nordik Lab | Instagram | 2,100 | ▲ 5.0% | 32 | 950 |" in text
    spring = "| Spring | Instagram | Mar 1, 2026 → Apr 30, 2026 | 600.00 | 100.00 | 40 | 2.50 |"
    assert spring in text
    assert "Months are counted in the time zone Europe/Paris." in text
    assert "Old" not in text  # not running in March
    # every table row has as many cells as its header
    for block in re.findall(r"((?:^\|.*\n)+)", text, flags=re.M):
        widths = {row.count(" | ") for row in block.splitlines() if not row.startswith("|--")}
        assert len(widths) == 1, block


def test_french_report_writes_numbers_and_dates_as_the_french_tab() -> None:
    """CLDR French: a narrow no-break space between thousands, a decimal comma, a no-break
    space before %, French month names; the same text as the Stats tab's
    (``io.charts.format_change`` / ``core.locale``)."""
    before = i18n.language()
    i18n.set_language("fr")
    try:
        text = render_markdown(sample_report())
        assert format_change(4.0) == "▲ 4,0\u00a0%"
    finally:
        i18n.set_language(before)
    assert "| Abonnés | 1\u202f050 | ▲ 4,0\u00a0% | ▲ 5,0\u00a0% | ✅ atteint |" in text
    assert "| Taux d'engagement | 2,00\u00a0% |" in text
    assert "# Rapport mensuel — mars 2026" in text
    assert "| 1 mars 2026 → 30 avr. 2026 | 600,00 | 100,00 | 40 | 2,50 | 100,00 | 31\u00a0% |" in (
        text
    )
    assert "Généré le 2 avril 2026. Mois de référence : janv. 2026." in text
    assert "dans le fuseau horaire Europe/Paris" in text and "heure de" not in text


def test_csv_report_has_raw_numbers() -> None:
    rows = list(csv.DictReader(io.StringIO(render_csv(sample_report()))))
    followers = next(r for r in rows if r["network"] == "instagram" and r["figure"] == "followers")
    assert followers["value"] == "1050" and followers["previous"] == "1010"
    assert followers["baseline_month"] == "2026-01" and followers["change_baseline_pct"] == "5"
    assert followers["kpi_met"] == "true"
    share = next(r for r in rows if r["network"] == "instagram" and r["figure"] == "on_time_share")
    assert float(share["value"]) == pytest.approx(2 / 3, abs=1e-4) and share["kpi_met"] == "false"


def test_html_report_is_self_contained_with_inline_charts() -> None:
    page = render_html(sample_report())
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page and "<link" not in page and "@font-face" not in page
    assert "@import" not in page and not re.search(r"\ssrc=", page)
    assert not re.search(r"url\((?!#)", page)  # only the SVGs' own clip paths
    # the only URL is the SVG namespace (an identifier, never loaded)
    assert set(re.findall(r"https?://[^\s\"')<]+", page)) == {"http://www.w3.org/2000/svg"}
    assert "<lamps>" not in page  # escaped
    assert "<td>Spring | *new* [/] &lt;lamps&gt;</td>" in page


def test_html_report_embeds_the_charts_of_the_tab() -> None:
    page = render_html(sample_report())
    svgs = re.findall(r"<svg\b.*?</svg>", page, flags=re.S)
    assert len(svgs) == 7 and page.count("<svg") == 7
    names = [html.unescape(name) for name in re.findall(r"<title>([^<]*)</title>", "".join(svgs))]
    assert names == [
        "Followers",
        "Engagement rate",
        "Posts vs target",
        "Median response (min)",
        "Answered on time (%)",
        "Followers: us vs competitors",
        "Campaign spend and results",
    ]
    # each chart draws its data, with the tab's labels: networks, targets, rivals, campaigns
    assert "Instagram" in svgs[0] and "X (Twitter)" in svgs[0]
    assert "Instagram target" in svgs[2]
    assert "Nordik Lab" in svgs[5]
    assert "Spring · spend (EUR)" in svgs[6] and "Spring · results" in svgs[6]
    assert "no data" not in page.lower()


def test_html_report_from_the_store_reads_twelve_months_for_the_charts(tmp_path: Path) -> None:
    from cm_tui.core.settings import Settings
    from cm_tui.io.report import gather
    from cm_tui.store import Store

    db = tmp_path / "store.json"
    assert cli.main(["demo", "--size", "year", "--db", str(db), "--now", "2026-11-19T09:12"]) == 0
    settings = Settings(timezone="Europe/Paris", language="en")
    with Store.open(db, readonly=True) as store:
        networks = settings.network_profiles(store.repo.networks.all())
        today = date(2026, 11, 19)
        lean = gather(store.repo, "2026-10", networks=networks, tz=PARIS, today=today)
        full = gather(store.repo, "2026-10", networks=networks, tz=PARIS, today=today, charts=True)
    assert {m for _n, m in lean.responses} <= {"2026-10"}  # the Markdown report reads one month
    assert len({m for _n, m in full.responses}) > 1
    assert render_markdown(lean) == render_markdown(full)  # the tables are the same


def test_report_command_works_while_the_app_holds_the_lock(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from cm_tui.store import Store

    db = tmp_path / "store.json"
    assert cli.main(["demo", "--size", "small", "--db", str(db), "--now", "2026-11-19T09:12"]) == 0
    capsys.readouterr()
    with Store.open(db):  # the app is running
        out = tmp_path / "r.html"
        args = ["report", "2026-10", "--db", str(db), "--now", "2026-11-19T09:12"]
        assert cli.main([*args, "--format", "html", "--out", str(out)]) == 0
        assert "<svg" in out.read_text(encoding="utf-8")
        assert cli.main(args) == 0
        text = capsys.readouterr().out
        assert text.startswith("# Monthly report — Oct 2026")
        assert "## Responses" in text and "## Published posts" in text
    assert cli.main(["report", "2026-13", "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "YYYY-MM" in err


def test_archived_between_reads_only_the_items_of_the_local_month(tmp_path: Path) -> None:
    from cm_tui.core.stats import month_bounds
    from cm_tui.store import Store

    received = [
        datetime(2026, 3, 31, 21, 59, tzinfo=UTC),  # 23:59 on March 31 in Paris
        datetime(2026, 3, 31, 23, 30, tzinfo=UTC),  # 01:30 on April 1 in Paris
        datetime(2026, 4, 15, 12, 0, 0, 500, tzinfo=UTC),
        datetime(2026, 4, 30, 22, 0, tzinfo=UTC),  # 00:00 on May 1 in Paris
    ]
    with Store.open(tmp_path / "store.json") as store:
        store.repo.queue.add_archived(_item(r, 5, "x") for r in received)
        start, end = month_bounds("2026-04", PARIS)
        found = store.repo.queue.archived_between(start, end)
        assert [i.received_at for i in found] == received[1:3]
        assert list(store.repo.queue.iter_archived(cache=False)) != []
