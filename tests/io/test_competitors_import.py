"""``cm-tui import FILE --table competitors``: competitors and their monthly figures
from CSV, with the same all-or-nothing rules, encodings, dry run and dedupe as ``--table stats``."""

from __future__ import annotations

from pathlib import Path

import pytest

from cm_tui import cli
from cm_tui.core.models import Competitor, CompetitorMonth
from cm_tui.io.stats_import import read_competitors_csv
from cm_tui.io.tabular import ImportRejected

NETWORKS = ["facebook", "instagram"]
GOOD = (
    "Name;Network;Month;Handle;Followers;Posts;Engagements\n"
    "Studio Brume;instagram;2026-09;@nordik;2 000;30;900\n"
    "Studio Brume;Instagram;2026-10;;2 100;32;950\n"
    "Atelier Sud;facebook;2026-10;@sud;5 400;12;\n"
)


def write(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "rivals.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_rows_of_one_competitor_become_one_record(tmp_path: Path) -> None:
    plan = read_competitors_csv(write(tmp_path, GOOD), NETWORKS, [])
    assert plan.updates == []
    assert plan.new == [
        Competitor(
            "Studio Brume",
            "instagram",
            "@nordik",
            (CompetitorMonth("2026-09", 2000, 30, 900), CompetitorMonth("2026-10", 2100, 32, 950)),
        ),
        Competitor("Atelier Sud", "facebook", "@sud", (CompetitorMonth("2026-10", 5400, 12, 0),)),
    ]


def test_a_stored_competitor_gets_its_month_added_or_replaced(tmp_path: Path) -> None:
    stored = [
        Competitor(
            "studio brume", "instagram", "@n", (CompetitorMonth("2026-08", 1900, 1, 2),), id=4
        ),
        Competitor("Studio Brume", "facebook", id=5),  # same name, other network: another account
    ]
    plan = read_competitors_csv(write(tmp_path, GOOD), NETWORKS, stored)
    assert [c.name for c in plan.new] == ["Atelier Sud"]
    (updated,) = plan.updates
    assert (updated.id, updated.name, updated.handle) == (4, "studio brume", "@nordik")
    assert [m.month for m in updated.months] == ["2026-08", "2026-09", "2026-10"]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1252"])
def test_encodings(tmp_path: Path, encoding: str) -> None:
    text = "name,network,month,followers\nCafé Rivière,facebook,2026-10,12\n"
    (rival,) = read_competitors_csv(write(tmp_path, text, encoding), NETWORKS, []).new
    assert rival.name == "Café Rivière" and rival.months[0].followers == 12


def test_every_problem_has_its_line_and_nothing_is_kept(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "name,network,month,followers\n"
        "Good One,facebook,2026-10,10\n"
        ",facebook,2026-10,1\n"
        "Rival,myspace,2026-10,1\n"
        "Rival,facebook,2026-13,1\n"
        "Rival,facebook,2026-10,-5\n"
        "Rival,facebook,2026-11,1,2\n"
        "Rival,facebook,2026-09,1\n"
        "rival,facebook,2026-09,2\n",
    )
    with pytest.raises(ImportRejected) as caught:
        read_competitors_csv(path, NETWORKS, [])
    errors = [str(p) for p in caught.value.problems]
    assert [e.split(":")[0] for e in errors] == [
        "line 3", "line 4", "line 5", "line 6", "line 7", "line 9"
    ]  # fmt: skip
    assert "name is empty" in errors[0]
    assert "already given on line 8" in errors[-1]
    with pytest.raises(ImportRejected) as caught:
        read_competitors_csv(write(tmp_path, "name,likes\nA,3\n"), NETWORKS, [])
    (error,) = [str(p) for p in caught.value.problems]
    assert error.startswith("line 1:") and "likes" in error and "network, month" in error


def _stored(db: Path) -> list[Competitor]:
    from cm_tui.store import Store

    with Store.open(db, readonly=True) as store:
        return store.repo.competitors.all()


def test_the_command_all_or_nothing_dry_run_and_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "store.json"
    assert cli.main(["demo", "--size", "small", "--db", str(db), "--now", "2026-11-19T09:12"]) == 0
    before = _stored(db)
    good = write(tmp_path, GOOD)
    args = ["import", str(good), "--table", "competitors", "--db", str(db)]

    # a bad row rejects the whole file, with its line number; nothing is written
    bad = write(tmp_path, GOOD + "Atelier Nord;facebook;2026-10;;many;;\n", name="bad.csv")
    assert cli.main(["import", str(bad), "--table", "competitors", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "line 5: followers = “many” is not a whole number" in err
    assert "rejected, nothing imported (1 problem)" in err
    assert _stored(db) == before

    assert cli.main([*args, "--dry-run"]) == 0
    assert "competitors to add: 2, to update: 0" in capsys.readouterr().out
    assert _stored(db) == before

    assert cli.main(args) == 0
    assert "competitors added: 2, updated: 0" in capsys.readouterr().out
    after = _stored(db)
    assert len(after) == len(before) + 2
    nordik = next(c for c in after if c.name == "Studio Brume")
    assert [(m.month, m.followers) for m in nordik.months] == [("2026-09", 2000), ("2026-10", 2100)]

    # importing the same file again adds and changes nothing
    assert cli.main(args) == 0
    assert "competitors added: 0, updated: 0" in capsys.readouterr().out
    assert _stored(db) == after
