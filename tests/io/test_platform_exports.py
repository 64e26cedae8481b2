"""The platforms' own exports: recognised by content, read into facts, made into month figures
(all or nothing; overlapping exports counted once; hand-typed figures kept)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cm_tui.core.export_facts import ExportFact
from cm_tui.core.models import MonthlyFigures, Post, PostStatus
from cm_tui.io.exports.plan import ExportPlan, read_export, summary
from cm_tui.io.exports.recognise import recognise
from cm_tui.io.tabular import Bad, ImportRejected
from tests.io.export_files import (
    IG_EN,
    META_EN,
    META_FR,
    X_EN,
    YT_EN,
    YT_FR,
    linkedin_book,
    meta_daily,
    meta_row,
    write_csv,
)

PARIS = ZoneInfo("Europe/Paris")
NETWORKS = ["facebook", "instagram", "linkedin", "x", "youtube"]


def plan_of(path: Path, **kw: object) -> ExportPlan:
    args: dict[str, object] = {
        "zone": PARIS,
        "networks": NETWORKS,
        "stored_facts": [],
        "figures": [],
        "posts": [],
    }
    args.update(kw)
    return read_export(path, **args)  # type: ignore[arg-type]


def month(plan: ExportPlan, network: str, key: str) -> dict[str, int]:
    return dict(plan.touched[(network, key)].values)


def test_meta_posts_english_with_34_columns_and_rounded_ids(tmp_path: Path) -> None:
    header = [*META_EN, "Extra A", "Extra B"]
    rows = [
        meta_row(header, 1, when="03/10/2026 21:00", reach=100, reactions=5),
        meta_row(header, 2, when="03/31/2026 23:30", reach=50, post_id="1.22158E+17"),
    ]
    path = write_csv(tmp_path / "whatever.txt", header, rows)
    found = recognise(path)
    assert found is not None and found.kind == "meta_posts" and not found.french
    plan = plan_of(path)
    assert month(plan, "facebook", "2026-03") == {
        "posts": 2,
        "reach": 150,
        "impressions": 300,
        "reactions": 5,
        "comments": 2,
        "shares": 0,
        "clicks": 6,
    }
    assert plan.months.new[0] == MonthlyFigures(
        "facebook",
        "2026-03",
        posts=2,
        reach=150,
        impressions=300,
        reactions=5,
        comments=2,
        clicks=6,
    )


def test_meta_posts_french_headers_read_day_first(tmp_path: Path) -> None:
    rows = [meta_row(META_FR, 1, when="01/04/2026 10:00", reach=7)]
    path = write_csv(tmp_path / "export.csv", META_FR, rows)
    found = recognise(path)
    assert found is not None and found.kind == "meta_posts" and found.french
    plan = plan_of(path)
    assert list(plan.touched) == [("facebook", "2026-04")]  # 1 April, not 4 January


def test_months_are_cut_in_the_users_zone(tmp_path: Path) -> None:
    # 23:30 UTC on 31 March is 01:30 on 1 April in Paris
    header = X_EN
    row = [
        "9",
        "https://x.com/a/status/9",
        "hello",
        "2026-03-31 23:30:00 +0000",
        "40",
        "5",
        "0.1",
        "1",
        "2",
        "3",
        "4",
        "5",
        "0",
        "0",
        "0",
        "0",
        "0",
        "0",
        "0",
        "0",
        "0",
        "0",
    ]
    path = write_csv(tmp_path / "tweets.csv", header, [row], encoding="utf-8")
    plan = plan_of(path)
    assert month(plan, "x", "2026-04") == {
        "posts": 1,
        "impressions": 40,
        "reactions": 3,
        "comments": 2,
        "shares": 1,
        "clicks": 5,
        "profile_visits": 4,
    }
    assert list(plan_of(path, zone=ZoneInfo("UTC")).touched) == [("x", "2026-03")]


def test_instagram_rows_go_to_instagram(tmp_path: Path) -> None:
    rows = [meta_row(IG_EN, 1, when="03/10/2026 09:00", reach=10, network="instagram")]
    path = write_csv(tmp_path / "ig.csv", IG_EN, rows)
    assert list(plan_of(path).touched) == [("instagram", "2026-03")]


def test_utf16_daily_series_with_sep_preamble(tmp_path: Path) -> None:
    path = meta_daily(
        tmp_path / "reach.csv",
        "Facebook Page reach",
        [("2026-03-30", 10), ("2026-03-31", 20), ("2026-04-01", 5)],
    )
    found = recognise(path)
    assert found is not None and found.kind == "meta_daily"
    plan = plan_of(path)
    assert month(plan, "facebook", "2026-03") == {"reach": 30}
    assert month(plan, "facebook", "2026-04") == {"reach": 5}


def test_overlapping_exports_are_counted_once(tmp_path: Path) -> None:
    first = meta_daily(tmp_path / "28.csv", "Reach", [("2026-03-01", 10), ("2026-03-02", 20)])
    plan = plan_of(first)
    stored = [f.replace(id=i + 1) for i, f in enumerate(plan.new_facts)]
    figures = [r.replace(id=1) for r in plan.months.new]
    second = meta_daily(
        tmp_path / "90.csv", "Reach", [("2026-03-01", 10), ("2026-03-02", 25), ("2026-03-03", 1)]
    )
    again = plan_of(second, stored_facts=stored, figures=figures)
    assert month(again, "facebook", "2026-03") == {"reach": 36}
    assert [f.reach for f in again.updated_facts] == [10, 25]  # now from 90.csv
    assert len(again.new_facts) == 1
    assert again.months.updates == [figures[0].replace(reach=36)]


def test_hand_typed_figures_win_unless_replace(tmp_path: Path) -> None:
    path = meta_daily(tmp_path / "reach.csv", "Reach", [("2026-03-01", 10)])
    typed = [MonthlyFigures("facebook", "2026-03", reach=999, followers=5, id=4)]
    plan = plan_of(path, figures=typed)
    assert plan.months.updates == [] and plan.months.kept == [("facebook", "2026-03", "reach")]
    assert any("--replace" in line for line in summary(plan, True))
    replaced = plan_of(path, figures=typed, replace=True)
    assert replaced.months.updates == [typed[0].replace(reach=10)]


def test_linkedin_workbook_of_several_sheets(tmp_path: Path) -> None:
    path = linkedin_book(
        tmp_path / "page.xlsx", [(datetime(2026, 3, 1), 100, 7), ("03/02/2026", 50, 3)]
    )
    found = recognise(path)
    assert found is not None and found.kind == "linkedin"
    plan = plan_of(path)
    assert month(plan, "linkedin", "2026-03") == {
        "impressions": 150,
        "clicks": 4,
        "reactions": 6,
        "comments": 2,
        "shares": 0,
        "profile_visits": 10,
    }


def test_youtube_total_row_is_skipped_and_french_headers(tmp_path: Path) -> None:
    for header in (YT_EN, YT_FR):
        rows = [
            ["Total", "", "", "", "1000", "10", "3", "5000", "2.1"],
            ["abc123", "My video", "Mar 5, 2026", "60", "400", "4", "1", "2000", "2.0"],
            ["def456", "Other", "2026-03-06", "60", "600", "6", "2", "3000", "2.2"],
        ]
        path = write_csv(tmp_path / "Table data.csv", header, rows, encoding="utf-8")
        plan = plan_of(path)
        assert month(plan, "youtube", "2026-03") == {"posts": 2, "reach": 1000, "impressions": 5000}


def test_posts_are_matched_by_permalink_else_time_and_can_be_created(tmp_path: Path) -> None:
    rows = [
        meta_row(META_EN, 1, when="03/10/2026 21:00", reach=100),
        meta_row(META_EN, 2, when="03/11/2026 09:00", reach=50),
        meta_row(META_EN, 3, when="03/12/2026 09:00", reach=1),
    ]
    path = write_csv(tmp_path / "posts.csv", META_EN, rows)
    posts = [
        Post(
            "facebook",
            datetime(2026, 1, 1, tzinfo=UTC),
            "by link",
            link="http://facebook.com/123/posts/1/",
            id=11,
        ),
        # 09:00 Paris is 08:00 UTC; three minutes later still matches
        Post("facebook", datetime(2026, 3, 11, 8, 3, tzinfo=UTC), "by time", id=12),
    ]
    plan = plan_of(path, posts=posts, create_posts=True)
    matched = {f.permalink.rsplit("/", 1)[1]: f.post for f in plan.new_facts}
    assert matched == {"1": 11, "2": 12, "3": 0}
    assert plan.matched == 2 and plan.unmatched == 1
    [(created, _key)] = plan.new_posts
    assert created.status is PostStatus.PUBLISHED and created.link.endswith("/3")


def test_problems_are_line_numbered_and_nothing_is_kept(tmp_path: Path) -> None:
    rows = [
        meta_row(META_EN, 1, when="03/10/2026 21:00", reach=100),
        meta_row(META_EN, 2, when="someday", reach=1),
        meta_row(META_EN, 3, when="03/10/2026 21:00", reach=1)[:5],
    ]
    rows[0][18] = "12.5"
    path = write_csv(tmp_path / "posts.csv", META_EN, rows)
    with pytest.raises(ImportRejected) as caught:
        plan_of(path)
    lines = [str(p) for p in caught.value.problems]
    assert lines[0].startswith("line 2: Reach: 12.5")
    assert lines[1].startswith("line 3: Publish time: someday")
    assert lines[2].startswith("line 4:")


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (["Post ID", "Permalink", "Reach"], "Meta Business Suite posts export"),
        (["Tweet id", "time", "likes"], "X analytics export"),
        (["Content", "Video publish time", "Watch time (hours)"], "YouTube Studio"),
    ],
)
def test_look_alikes_are_refused_naming_what_was_expected(
    tmp_path: Path, header: list[str], expected: str
) -> None:
    path = write_csv(tmp_path / "a.csv", header, [["1"] * len(header)])
    with pytest.raises(Bad) as caught:
        recognise(path)
    assert expected in str(caught.value) and "lacks" in str(caught.value)


def test_other_look_alikes(tmp_path: Path) -> None:
    daily = tmp_path / "d.csv"
    daily.write_bytes('sep=,\nReach\n"Day","Value"\n'.encode("utf-16"))
    with pytest.raises(Bad, match="line 3 is not Date, Primary"):
        recognise(daily)
    xls = tmp_path / "old.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with pytest.raises(Bad, match="save it as XLSX"):
        recognise(xls)
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Name", "Amount"])
    book.save(tmp_path / "budget.xlsx")
    with pytest.raises(Bad, match="LinkedIn page analytics"):
        recognise(tmp_path / "budget.xlsx")
    queue = write_csv(tmp_path / "q.csv", ["network", "author", "text"], [["x", "@a", "hi"]])
    assert recognise(queue) is None


def test_unknown_network_is_refused(tmp_path: Path) -> None:
    path = meta_daily(tmp_path / "reach.csv", "Instagram reach", [("2026-03-01", 10)])
    with pytest.raises(ImportRejected, match="instagram, which is not among your networks"):
        plan_of(path, networks=["facebook"])


def test_stored_fact_round_trips() -> None:
    fact = ExportFact(
        "facebook",
        "2026-03-01",
        "day",
        "a.csv",
        day=date(2026, 3, 1),
        figures=("reach",),
        reach=3,
    )
    assert ExportFact.from_dict(fact.to_dict()) == fact


def test_head_lines_decode_what_recognition_needs() -> None:
    from cm_tui.io.exports.recognise import HEAD_BYTES, head_lines

    assert head_lines("sep=,\r\nReach\r\n\"Date\",\"Primary\"\r\n".encode("utf-16")) == [
        "sep=,", "Reach", '"Date","Primary"'
    ]  # fmt: skip
    assert head_lines("Réseau;Texte\n".encode("cp1252")) == ["Réseau;Texte"]
    assert head_lines(b"\xef\xbb\xbfPost ID,Permalink\n") == ["Post ID,Permalink"]
    cut = ("Titre\n" + "é" * HEAD_BYTES).encode("utf-8")[:HEAD_BYTES]
    assert head_lines(cut) == ["Titre"]


def test_a_daily_series_names_its_bad_lines(tmp_path: Path) -> None:
    path = meta_daily(tmp_path / "r.csv", "Reach", [("2026-03-01", 1), ("2026-02-30", 2)])
    path.write_bytes(path.read_bytes() + '"2026-03-03","x"\r\n'.encode("utf-16-le"))
    with pytest.raises(ImportRejected) as caught:
        plan_of(path)
    assert [str(p).split(":")[0] for p in caught.value.problems] == ["line 5", "line 6"]


X_FR = [
    "identifiant du Tweet", "permalien du Tweet", "texte du Tweet", "heure", "impressions",
    "engagements", "taux d'engagement", "Retweets", "réponses", "J'aime",
    "clics sur le profil utilisateur", "clics sur l'URL", "clics sur le hashtag",
]  # fmt: skip


def test_x_analytics_french_headers(tmp_path: Path) -> None:
    row = ["7", "https://x.com/a/status/7", "salut", "2026-05-02 08:00:00 +0000", "1 200", "9",
           "0,01", "1", "2", "6", "3", "4", "0"]  # fmt: skip
    path = write_csv(tmp_path / "tweets.csv", X_FR, [row], encoding="utf-8")
    found = recognise(path)
    assert found is not None and found.kind == "x_analytics" and found.french
    assert month(plan_of(path), "x", "2026-05") == {
        "posts": 1, "impressions": 1200, "reactions": 6, "comments": 2, "shares": 1,
        "clicks": 4, "profile_visits": 3,
    }  # fmt: skip


def test_linkedin_french_workbook(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(
        ["Date", "Impressions (naturelles)", "Impressions (total)", "Clics (total)",
         "Réactions (total)", "Commentaires (total)", "Republications (total)"]
    )  # fmt: skip
    sheet.append([datetime(2026, 6, 1), 10, 12, 1, 2, 3, 4])
    book.save(tmp_path / "pages.xlsx")
    assert month(plan_of(tmp_path / "pages.xlsx"), "linkedin", "2026-06") == {
        "impressions": 12, "clicks": 1, "reactions": 2, "comments": 3, "shares": 4,
    }  # fmt: skip
