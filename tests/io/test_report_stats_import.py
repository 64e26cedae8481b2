"""``cm-tui import FILE --table stats``: monthly figures from CSV, all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from cm_tui import cli
from cm_tui.core.models import MonthlyFigures
from cm_tui.io.stats_import import read_figures_csv
from cm_tui.io.tabular import ImportRejected

NETWORKS = ["facebook", "instagram"]


def write(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "figures.csv"
    path.write_bytes(text.encode(encoding))
    return path


def test_new_and_updated_figures(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "Network;Month;Followers;Reach;Profile visits\n"
        "facebook;2026-10;4 872;9285;\n"
        "Instagram;2026-09;1 234;5000;12\n",
    )
    stored = [MonthlyFigures("instagram", "2026-09", followers=1, clicks=7, id=3)]
    plan = read_figures_csv(path, NETWORKS, stored)
    assert plan.new == [MonthlyFigures("facebook", "2026-10", followers=4872, reach=9285)]
    # an update keeps the figures the file does not give (clicks) and its id
    assert plan.updates == [
        MonthlyFigures(
            "instagram", "2026-09", followers=1234, reach=5000, profile_visits=12, clicks=7, id=3
        )
    ]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1252"])
def test_encodings(tmp_path: Path, encoding: str) -> None:
    path = write(tmp_path, "network,month,followers\nfacebook,2026-10,12\n", encoding)
    assert read_figures_csv(path, NETWORKS, []).new[0].followers == 12


def test_every_problem_is_reported_and_nothing_is_kept(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "network,month,followers\n"
        "myspace,2026-10,1\n"
        "facebook,2026-13,1\n"
        "facebook,2026-10,-5\n"
        "facebook,2026-11,1,2\n"
        "facebook,2026-09,1\n"
        "facebook,2026-09,2\n",
    )
    with pytest.raises(ImportRejected) as caught:
        read_figures_csv(path, NETWORKS, [])
    errors = [str(p) for p in caught.value.problems]
    assert [e.split(":")[0] for e in errors] == [
        "line 2", "line 3", "line 4", "line 5", "line 7"
    ]  # fmt: skip
    assert "“myspace” is not a known network (known: facebook, instagram)" in errors[0]
    bad = write(tmp_path, "network,likes\nfacebook,3\n")
    with pytest.raises(ImportRejected) as caught:
        read_figures_csv(bad, NETWORKS, [])
    (error,) = [str(p) for p in caught.value.problems]
    assert "likes" in error and "month" in error


def test_the_command_is_all_or_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from cm_tui.store import Store

    db = tmp_path / "store.json"
    assert cli.main(["demo", "--size", "small", "--db", str(db), "--now", "2026-11-19T09:12"]) == 0
    with Store.open(db, readonly=True) as store:
        before = len(store.repo.figures.all())
    good = write(tmp_path, "network,month,followers\nfacebook,2020-01,10\nx,2020-01,20\n")
    assert cli.main(["import", str(good), "--table", "stats", "--db", str(db), "--dry-run"]) == 0
    assert "months of figures to add: 2, to update: 0" in capsys.readouterr().out
    bad = tmp_path / "bad.csv"
    bad.write_text("network,month,followers\nfacebook,2020-02,10\nx,2020-02,ten\n")
    assert cli.main(["import", str(bad), "--table", "stats", "--db", str(db)]) == 1
    assert "line 3" in capsys.readouterr().err
    with Store.open(db, readonly=True) as store:
        assert len(store.repo.figures.all()) == before
    assert cli.main(["import", str(good), "--table", "stats", "--db", str(db)]) == 0
    with Store.open(db, readonly=True) as store:
        months = {(f.network, f.month): f.followers for f in store.repo.figures.all()}
    assert months[("facebook", "2020-01")] == 10 and months[("x", "2020-01")] == 20
    assert len(months) == before + 2
