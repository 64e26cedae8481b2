"""The stats, competitors and posts imports know their columns' French names (and any case,
accent or spacing), as the queue import does: one header-alias mechanism (``io.headers``)."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cm_tui import cli
from cm_tui.core.models import Competitor, CompetitorMonth, MonthlyFigures
from cm_tui.io.csv_posts import ALIASES as POST_ALIASES
from cm_tui.io.csv_posts import COLUMNS, read_posts_csv
from cm_tui.io.queue_columns import FIELD_NAMES
from cm_tui.io.stats_import import read_competitors_csv, read_figures_csv
from cm_tui.io.tabular import ImportRejected
from cm_tui.store import Store

PARIS = ZoneInfo("Europe/Paris")
NETWORKS = ["facebook", "instagram"]


def write(tmp_path: Path, text: str, name: str = "file.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_figures_with_french_headers(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "Réseau;Mois;Abonnés;Publications;Portée;Impressions;Réactions;Commentaires;Partages;"
        "Clics;Visites du profil\n"
        "facebook;2026-10;4 872;12;9285;20000;300;40;12;150;77\n",
    )
    plan = read_figures_csv(path, NETWORKS, [])
    assert plan.new == [
        MonthlyFigures(
            "facebook",
            "2026-10",
            followers=4872,
            posts=12,
            reach=9285,
            impressions=20000,
            reactions=300,
            comments=40,
            shares=12,
            clicks=150,
            profile_visits=77,
        )
    ]


def test_an_unknown_french_column_is_still_refused_by_name(tmp_path: Path) -> None:
    path = write(tmp_path, "Réseau;Mois;J'aime bien\nfacebook;2026-10;3\n")
    with pytest.raises(ImportRejected) as caught:
        read_figures_csv(path, NETWORKS, [])
    (error,) = [str(p) for p in caught.value.problems]
    assert "(unknown columns: J'aime bien; missing: –)" in error


def test_competitors_with_french_headers(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "Nom;Réseau;Mois;Compte;Abonnés;Publications;Interactions\n"
        "Studio Brume;instagram;2026-10;@brume;2 100;32;950\n",
    )
    plan = read_competitors_csv(path, NETWORKS, [])
    assert plan.new == [
        Competitor(
            "Studio Brume", "instagram", "@brume", (CompetitorMonth("2026-10", 2100, 32, 950),)
        )
    ]


def test_posts_with_french_headers(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "Réseau;Date;Heure;Titre;Texte;Statut;Lien\n"
        "instagram;2026-12-01;09:00;Nouvelle lampe;Découvrez Aurore;draft;https://ex.org/a\n",
    )
    plan = read_posts_csv(path, PARIS, NETWORKS, [])
    (post,) = plan.new
    assert (post.network, post.title, post.text, post.link) == (
        "instagram",
        "Nouvelle lampe",
        "Découvrez Aurore",
        "https://ex.org/a",
    )
    assert post.at.astimezone(PARIS).strftime("%Y-%m-%d %H:%M") == "2026-12-01 09:00"


def test_posts_missing_columns_are_named_in_the_words_of_the_file_format(tmp_path: Path) -> None:
    path = write(tmp_path, "Titre;Texte\nA;B\n")
    with pytest.raises(ImportRejected) as caught:
        read_posts_csv(path, PARIS, NETWORKS, [])
    (error,) = [str(p) for p in caught.value.problems]
    assert "missing columns network, at" in error


def test_every_column_of_the_posts_file_has_its_names() -> None:
    assert set(POST_ALIASES) == {*COLUMNS, "date", "time"}


def test_one_folding_for_every_table() -> None:
    """The queue's known names and the other tables' go through the same folding."""
    from cm_tui.io import headers

    assert headers.fold_name("Reçu le") == "recule"
    assert headers.fold_name(" Visites du PROFIL ") == "visitesduprofil"
    assert "reseau" in FIELD_NAMES["network"]
    aliases = {"network": ("network", "reseau"), "month": ("month", "mois")}
    found = headers.match_columns(["Mois", "RÉSEAU", "Autre"], aliases)
    assert found.fields == {"month": 0, "network": 1}
    assert found.unknown == ["Autre"]


def test_cm_tui_import_stats_accepts_french_headers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "store.json"
    assert cli.main(["demo", "--size", "small", "--db", str(db), "--now", "2026-11-19T09:12"]) == 0
    source = write(tmp_path, "réseau;mois;abonnés\nfacebook;2020-01;10\n", "stats.csv")
    assert cli.main(["import", str(source), "--table", "stats", "--db", str(db)]) == 0, (
        capsys.readouterr().err
    )
    with Store.open(db, readonly=True) as store:
        months = {(f.network, f.month): f.followers for f in store.repo.figures.all()}
    assert months[("facebook", "2020-01")] == 10
