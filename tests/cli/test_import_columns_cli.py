"""``cm-tui import FILE --column FIELD=HEADER`` and ``[import.columns]`` in the settings file."""

from __future__ import annotations

from pathlib import Path

import pytest

from cm_tui.cli import main
from cm_tui.store import Store

FAN_CSV = (
    "Réseau;Nom du fan;Contenu du post;Quand\n"
    "instagram;@lea;J'adore !;19/11/2026 09:12\n"
    "facebook;@marc;Et la livraison ?;19/11/2026 10:00\n"
)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "s" / "store.json"
    path.parent.mkdir()
    Store.open(path).close()
    return path


@pytest.fixture
def fans(tmp_path: Path) -> Path:
    path = tmp_path / "fans.csv"
    path.write_text(FAN_CSV, encoding="utf-8")
    return path


def stored(db: Path) -> dict[str, str]:
    with Store.open(db) as store:
        return {item.author_handle: item.text for item in store.repo.queue.all()}


def run(capsys: pytest.CaptureFixture, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_column_flags_map_the_file(db: Path, fans: Path, capsys: pytest.CaptureFixture) -> None:
    args = ["import", str(fans), "--db", str(db), "--tz", "Europe/Paris"]
    code, _out, err = run(capsys, *args)
    assert code == 1
    assert "--column text=HEADER" in err and "[import.columns]" in err
    assert stored(db) == {}
    columns = ["--column", "author=Nom du fan", "--column", "text=contenu du post"]
    code, out, _err = run(capsys, *args, *columns, "--column", "received_at=Quand")
    assert code == 0, _err
    assert "Imported 2 items" in out
    assert stored(db) == {"@lea": "J'adore !", "@marc": "Et la livraison ?"}


def test_settings_mapping_applies_and_column_overrides_it(
    tmp_home: Path, db: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    (tmp_home / "settings.toml").write_text(
        '[import.columns]\nauthor = "Nom du fan"\ntext = "Contenu du post"\n'
        'received_at = "Quand"\n',
        encoding="utf-8",
    )
    path = tmp_path / "two.csv"
    path.write_text(
        "Réseau;Nom du fan;Contenu du post;Quand;Résumé\n"
        "instagram;@lea;J'adore !;19/11/2026 09:12;r1\n"
        "facebook;@marc;Et la livraison ?;19/11/2026 10:00;r2\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "import", str(path), "--db", str(db), "--dry-run")
    assert code == 0, err
    assert "2 items would be imported" in out
    code, out, err = run(capsys, "import", str(path), "--db", str(db), "--column", "text=Résumé")
    assert code == 0, err
    assert stored(db) == {"@lea": "r1", "@marc": "r2"}  # --column text won, the rest kept


def test_a_column_header_not_in_the_file_is_refused(
    db: Path, fans: Path, capsys: pytest.CaptureFixture
) -> None:
    code, _out, err = run(capsys, "import", str(fans), "--db", str(db), "--column", "text=Body")
    assert code == 1
    assert "no column “Body” for text (given by --column" in err
    assert stored(db) == {}


@pytest.mark.parametrize("value", ["auteur=Nom du fan", "author", "text="])
def test_a_bad_column_flag_is_a_usage_error(
    db: Path, fans: Path, capsys: pytest.CaptureFixture, value: str
) -> None:
    code, out, err = run(capsys, "import", str(fans), "--db", str(db), "--column", value)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "write FIELD=HEADER" in err
    assert "author, author_name, text" in err


def test_column_is_for_the_queue_only(db: Path, fans: Path, capsys: pytest.CaptureFixture) -> None:
    code, _out, err = run(
        capsys, "import", str(fans), "--db", str(db), "--table", "posts", "--column", "text=x"
    )
    assert code == 2
    assert "--column applies to the queue import only" in err


def test_a_bad_settings_mapping_stops_the_command_with_one_line(
    tmp_home: Path, db: Path, fans: Path, capsys: pytest.CaptureFixture
) -> None:
    settings = tmp_home / "settings.toml"
    settings.write_text('[import.columns]\ntext = ""\n', encoding="utf-8")
    code, _out, err = run(capsys, "import", str(fans), "--db", str(db))
    assert code == 2
    assert err.count("\n") == 1
    assert f'{settings}: "import.columns.text" = "" is not a column name' in err


def test_help_lists_the_flag(capsys: pytest.CaptureFixture) -> None:
    assert main(["import", "--help"]) == 0
    assert "--column FIELD=HEADER" in capsys.readouterr().out


def test_column_is_for_csv_files_only(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    path = tmp_path / "items.jsonl"
    path.write_text('{"network": "x", "author": "@a", "text": "hi", "date": "2026-11-19"}\n')
    code, _out, err = run(capsys, "import", str(path), "--db", str(db), "--column", "text=body")
    assert code == 1
    assert "--column applies to CSV files only" in err
    assert stored(db) == {}
    code, _out, err = run(capsys, "import", str(path), "--db", str(db))
    assert code == 0, err
    assert stored(db) == {"@a": "hi"}
