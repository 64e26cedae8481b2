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
        followers=None,  # no export gave it: unknown
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


# ---------------------------------------------------------------- what a hostile QA pass found


def stored_after(
    plan: ExportPlan, facts: list[ExportFact], figures: list[MonthlyFigures]
) -> tuple[list[ExportFact], list[MonthlyFigures]]:
    """The store's facts and month figures once ``plan`` is written (ids as the store gives)."""
    by_id = {f.id: f for f in facts}
    for fact in plan.updated_facts:
        by_id[fact.id] = fact
    start = max(by_id, default=0) + 1
    new = [f.replace(id=start + i) for i, f in enumerate(plan.new_facts)]
    months = {r.id: r for r in figures}
    for record in plan.months.updates:
        months[record.id] = record
    first = max(months, default=0) + 1
    added = [r.replace(id=first + i) for i, r in enumerate(plan.months.new)]
    return [*by_id.values(), *new], [*months.values(), *added]


def x_row(ident: str, when: str, impressions: int = 10) -> list[str]:
    return [ident, f"https://x.com/a/status/{ident}", "hi", when, str(impressions), "1", "0.1",
            "0", "0", "1", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"]  # fmt: skip


def test_an_export_without_followers_leaves_them_unknown_and_typed_ones_alone(
    tmp_path: Path,
) -> None:
    path = write_csv(tmp_path / "t.csv", X_EN, [x_row("1", "2026-03-02 10:00:00 +0000")], "utf-8")
    [record] = plan_of(path).months.new
    assert record.followers is None  # shown as "–", not 0
    typed = [MonthlyFigures("x", "2026-03", followers=4000, posts=1, impressions=10, id=3)]
    [updated] = plan_of(path, figures=typed).months.updates
    assert updated == typed[0].replace(reactions=1)  # followers as typed
    # followers from another source (a daily series of the same network) stay as they are
    series = [ExportFact("x", "2026-03-31", "day", "f.csv", day=date(2026, 3, 31),
                         figures=("followers",), followers=120, id=9)]  # fmt: skip
    again = plan_of(path, stored_facts=series, figures=[typed[0].replace(followers=120)])
    assert [r.followers for r in again.months.updates] == [120]
    assert again.touched[("x", "2026-03")].values["followers"] == 120


def test_a_redated_post_moves_to_its_new_month_and_is_counted_once(tmp_path: Path) -> None:
    first = write_csv(
        tmp_path / "march.csv",
        X_EN,
        [x_row(n, f"2026-03-{n:0>2} 10:00:00 +0000") for n in ("1", "2", "3")],
        "utf-8",
    )
    plan = plan_of(first)
    facts, figures = stored_after(plan, [], [])
    # exported again after the platform re-dated two of them, one link written differently
    rows = [x_row("1", "2026-03-01 10:00:00 +0000"), x_row("2", "2026-04-02 10:00:00 +0000"),
            x_row("3", "2026-04-03 10:00:00 +0000")]  # fmt: skip
    rows[2][1] = "http://www.x.com/a/status/3/"
    second = write_csv(tmp_path / "april.csv", X_EN, rows, "utf-8")
    again = plan_of(second, stored_facts=facts, figures=figures)
    assert month(again, "x", "2026-03")["posts"] == 1
    assert month(again, "x", "2026-04")["posts"] == 2
    assert again.new_facts == []
    facts, figures = stored_after(again, facts, figures)
    by_month = {r.month: r for r in figures}
    assert (by_month["2026-03"].posts, by_month["2026-04"].posts) == (1, 2)
    assert (by_month["2026-03"].impressions, by_month["2026-04"].impressions) == (10, 20)
    assert sum(r.posts for r in figures) == 3 == len(facts)


def test_a_partial_daily_series_merges_per_day_and_says_so(tmp_path: Path) -> None:
    whole = meta_daily(
        tmp_path / "nov.csv", "Reach", [(f"2026-11-{d:02d}", 10) for d in range(1, 31)]
    )
    plan = plan_of(whole)
    facts, figures = stored_after(plan, [], [])
    assert not any("part of" in line for line in summary(plan, True))
    part = meta_daily(tmp_path / "3days.csv", "Reach", [(f"2026-11-0{d}", 20) for d in (1, 2, 3)])
    again = plan_of(part, stored_facts=facts, figures=figures)
    assert month(again, "facebook", "2026-11") == {"reach": 330}  # 27 days kept, 3 replaced
    assert again.months.updates == [figures[0].replace(reach=330)]
    lines = summary(again, True)
    [note] = [line for line in lines if "part of" in line]
    assert "1–3 Nov" in note and "27 other days" in note
    # a first file of part of a month says so too
    alone = plan_of(part)
    assert any("only part of" in line and "1–3 Nov" in line for line in summary(alone, True))


def test_a_partial_series_never_replaces_a_month_typed_whole(tmp_path: Path) -> None:
    part = meta_daily(tmp_path / "3days.csv", "Reach", [(f"2026-11-0{d}", 20) for d in (1, 2, 3)])
    typed = [MonthlyFigures("facebook", "2026-11", reach=900, id=2)]
    plan = plan_of(part, figures=typed)
    assert plan.months.updates == [] and plan.months.kept == [("facebook", "2026-11", "reach")]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_workbook_that_is_not_linkedins_is_refused_in_a_sentence(
    tmp_path: Path, language: str
) -> None:
    from openpyxl import Workbook

    from cm_tui.core.i18n import set_language

    book = Workbook()
    book.active.append(["Date", "Impressions (organic)"])
    book.save(tmp_path / "odd.xlsx")
    set_language(language)
    try:
        with pytest.raises(Bad) as caught:
            recognise(tmp_path / "odd.xlsx")
        csv_path = write_csv(
            tmp_path / "li.csv", ["Date", "Impressions (total)", "Clicks (total)"], [["x"] * 3]
        )
        with pytest.raises(Bad) as as_csv:
            recognise(csv_path)
    finally:
        set_language("en")
    text, csv_text = str(caught.value), str(as_csv.value)
    assert "(XLSX)'s" not in text and "d'un classeur" not in text
    if language == "en":
        assert text.startswith("this workbook is not a LinkedIn page analytics export")
        assert "download" in text and "XLSX" in text
        assert csv_text.startswith("this looks like a LinkedIn page analytics sheet saved as CSV")
    else:
        assert text.startswith("ce classeur n'est pas un export des statistiques de page LinkedIn")
        assert "téléchargez" in text and "XLSX" in text
        assert csv_text.startswith("on dirait une feuille de statistiques de page LinkedIn")
    for line in (text, csv_text):
        assert "\n" not in line and line.count("(") == line.count(")")


def test_date_messages_say_the_order_needed_in_every_importer(tmp_path: Path) -> None:
    en = write_csv(
        tmp_path / "en.csv", META_EN, [meta_row(META_EN, 1, when="25/10/2026 21:00", reach=1)]
    )
    fr = write_csv(
        tmp_path / "fr.csv", META_FR, [meta_row(META_FR, 1, when="10/25/2026 21:00", reach=1)]
    )
    book = linkedin_book(tmp_path / "li.xlsx", [("25/10/2026", 1, 1)])
    problems = []
    for path in (en, fr, book):
        with pytest.raises(ImportRejected) as caught:
            plan_of(path)
        problems.append(str(caught.value.problems[0]))
    assert "25/10/2026 21:00 is not a date in MM/DD/YYYY (month first)" in problems[0]
    assert "10/25/2026 21:00 is not a date in DD/MM/YYYY (day first)" in problems[1]
    assert "25/10/2026 is not a date in MM/DD/YYYY (month first)" in problems[2]
    assert all("export the file again" in p for p in problems)


def test_an_ambiguous_date_says_which_order_was_assumed(tmp_path: Path) -> None:
    rows = [meta_row(META_EN, 1, when="03/04/2026 21:00", reach=1)]
    plan = plan_of(write_csv(tmp_path / "en.csv", META_EN, rows))
    assert list(plan.touched) == [("facebook", "2026-03")]
    assert any(
        "03/04/2026 read as MM/DD/YYYY (month first)" in line for line in summary(plan, True)
    )
    rows = [meta_row(META_EN, 1, when="03/24/2026 21:00", reach=1)]  # not ambiguous
    plan = plan_of(write_csv(tmp_path / "en2.csv", META_EN, rows))
    assert not any("read as" in line for line in summary(plan, True))
    rows = [meta_row(META_FR, 1, when="03/04/2026 21:00", reach=1)]
    plan = plan_of(write_csv(tmp_path / "fr.csv", META_FR, rows))
    assert list(plan.touched) == [("facebook", "2026-04")]
    assert any("03/04/2026 read as DD/MM/YYYY (day first)" in line for line in summary(plan, True))


@pytest.mark.parametrize("name", ["page.xlsx", "page.xls", "page.XLSX"])
@pytest.mark.parametrize("head", [b"", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"])
def test_random_bytes_named_as_a_spreadsheet_are_refused_in_one_line(
    tmp_path: Path, name: str, head: bytes
) -> None:
    import random

    path = tmp_path / name
    path.write_bytes(head + random.Random(7).randbytes(3000))
    with pytest.raises(Bad) as caught:
        recognise(path)
    text = str(caught.value)
    assert "\n" not in text
    assert "not a readable spreadsheet" in text or "old Excel file (XLS)" in text
    assert "LinkedIn page analytics" in text and "XLSX" in text


def test_a_linkedin_workbook_named_xls_is_read_by_its_content(tmp_path: Path) -> None:
    # LinkedIn's download may be named .xls while it holds an XLSX workbook
    path = linkedin_book(tmp_path / "page.xlsx", [(datetime(2026, 3, 1), 100, 7)])
    named = path.rename(tmp_path / "page_content.xls")
    found = recognise(named)
    assert found is not None and found.kind == "linkedin"
    assert month(plan_of(named), "linkedin", "2026-03")["impressions"] == 100
