"""Configurable CSV column mapping of the queue import: ``[import.columns]`` in the settings,
``--column FIELD=HEADER`` (parsed here, applied in tests/cli), and the rejection report that
says how to map a column that was not recognised."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cm_tui.core import i18n
from cm_tui.core.models import QueueItem
from cm_tui.core.settings import IMPORT_FIELDS, Settings, SettingsError
from cm_tui.io.queue_columns import FIELD_NAMES
from cm_tui.io.queue_import import (
    ImportCancelled,
    ImportOptions,
    ImportRejected,
    import_queue,
    internal_field,
    parse_column_option,
    read_new_items,
)
from cm_tui.io.settings_file import load_settings, template_text

PARIS = ZoneInfo("Europe/Paris")
#: a fan-club export: none of these headers is a known name, except "Réseau"
FAN_CSV = (
    "Réseau;Nom du fan;Contenu du post;Quand\n"
    "instagram;@lea;J'adore !;19/11/2026 09:12\n"
    "facebook;@marc;Et la livraison ?;19/11/2026 10:00\n"
)
FAN_COLUMNS = {"author": "Nom du fan", "text": "Contenu du post", "received_at": "Quand"}


def options(**kw: object) -> ImportOptions:
    base: dict[str, object] = {
        "tz": PARIS,
        "deadline_policy": Settings(language="en", timezone="Europe/Paris").deadline_policy,
    }
    base.update(kw)
    return ImportOptions(**base)  # type: ignore[arg-type]


def fan_file(tmp_path: Path, text: str = FAN_CSV) -> Path:
    path = tmp_path / "fans.csv"
    path.write_text(text, encoding="utf-8")
    return path


def rejected(path: Path, opts: ImportOptions) -> ImportRejected:
    with pytest.raises(ImportRejected) as info:
        import_queue(path, opts)
    return info.value


# ----------------------------------------------------------------------------- settings


def test_settings_file_mapping_imports_unknown_headers(tmp_path: Path) -> None:
    config = tmp_path / "settings.toml"
    config.write_text(
        '[import.columns]\nauthor = "Nom du fan"\ntext = "Contenu du post"\n'
        'received_at = "Quand"\n',
        encoding="utf-8",
    )
    settings = load_settings(config)
    assert dict(settings.import_columns) == FAN_COLUMNS
    path = fan_file(tmp_path)
    # without the mapping the file is refused; with it, both rows come in
    assert "no recognised column" in rejected(path, options()).report()
    result, items = read_new_items(path, options(columns=settings.import_columns))
    assert (result.rows, result.added) == (2, 2)
    lea, marc = items
    assert (lea.author_handle, lea.text, lea.network) == ("@lea", "J'adore !", "instagram")
    assert lea.received_at.isoformat() == "2026-11-19T08:12:00+00:00"  # Paris time read
    assert (marc.author_handle, marc.text) == ("@marc", "Et la livraison ?")


def test_explicit_header_wins_over_a_known_name(tmp_path: Path) -> None:
    path = fan_file(
        tmp_path, "network,author,text,Body,date\nx,@a,subject,the real text,2026-11-19 09:00\n"
    )
    (auto,) = read_new_items(path, options())[1]
    assert auto.text == "subject"
    (mapped,) = read_new_items(path, options(columns={"text": "body"}))[1]  # folded: any case
    assert mapped.text == "the real text"


def test_a_settings_header_missing_from_the_file_falls_back_to_known_names(
    tmp_path: Path,
) -> None:
    """``[import.columns]`` applies to every file: one that uses the usual names still imports."""
    path = fan_file(tmp_path, "network,author,text,date\nx,@a,hello,2026-11-19 09:00\n")
    (item,) = read_new_items(path, options(columns=FAN_COLUMNS))[1]
    assert (item.author_handle, item.text) == ("@a", "hello")


def test_a_strict_header_missing_from_the_file_rejects_it(tmp_path: Path) -> None:
    """``--column`` is said for this file: a header it names must be there."""
    path = fan_file(tmp_path, "network,author,text,date\nx,@a,hello,2026-11-19 09:00\n")
    report = rejected(
        path, options(columns={"text": "Contenu"}, strict_columns=frozenset({"text"}))
    ).report()
    assert "line 1: no column “Contenu” for text (given by --column" in report
    assert "network, author, text, date" in report


BAD_SETTINGS = [
    ({"import": {"columns": {"auteur": "Nom"}}}, "import.columns.auteur", "is not a field"),
    ({"import": {"columns": {"text": 3}}}, "import.columns.text", "is not a column name"),
    ({"import": {"columns": {"text": "  "}}}, "import.columns.text", "is not a column name"),
    ({"import": {"columns": {"text": {"x": "y"}}}}, "import.columns.text", "= {…} is not a col"),
    ({"import": {"columns": "text"}}, "import.columns", "must be a table"),
    ({"import": {"colonnes": {}}}, "import.colonnes", "not a known setting"),
]


@pytest.mark.parametrize(("mapping", "key", "phrase"), BAD_SETTINGS)
def test_a_bad_import_column_setting_is_one_line_naming_file_and_key(
    mapping: dict, key: str, phrase: str
) -> None:
    source = "/home/me/.config/cm-tui/settings.toml"
    with pytest.raises(SettingsError) as info:
        Settings.from_mapping(mapping, source)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f'{source}: "{key}"')
    assert phrase in message
    assert (info.value.source, info.value.key) == (source, key)


def test_a_bad_setting_in_a_file_names_the_file(tmp_path: Path) -> None:
    config = tmp_path / "settings.toml"
    config.write_text('[import.columns]\nauthour = "Nom du fan"\n', encoding="utf-8")
    with pytest.raises(SettingsError) as info:
        load_settings(config)
    assert str(info.value) == (
        f'{config}: "import.columns.authour" is not a field to import; fields: '
        + ", ".join(IMPORT_FIELDS)
    )


def test_the_template_documents_the_mapping_and_round_trips() -> None:
    text = template_text()
    assert "[import.columns]" in text and "--column" in text
    assert Settings.from_mapping(tomllib.loads(text), "t").import_columns == {}
    uncommented = re.sub(r"(?m)^# ((?:\S+ = .*)|(?:\[.+\]))$", r"\1", text)
    example = Settings.from_mapping(tomllib.loads(uncommented), "t")
    assert dict(example.import_columns) == {"author": "Nom du fan", "text": "Contenu"}
    assert Settings.from_mapping(example.to_mapping(), "t") == example


# ----------------------------------------------------------------------------- --column


def test_column_option_parsing() -> None:
    assert parse_column_option("author=Nom du fan") == ("author", "Nom du fan")
    assert parse_column_option(" text = Contenu = long ") == ("text", "Contenu = long")
    for bad in ("author", "auteur=Nom", "text=", "=Nom", ""):
        with pytest.raises(ValueError, match="write FIELD=HEADER") as info:
            parse_column_option(bad)
        assert "\n" not in str(info.value)


def test_every_mappable_field_is_an_import_field() -> None:
    assert {internal_field(name) for name in IMPORT_FIELDS} == set(FIELD_NAMES)
    assert internal_field("author_handle") is None  # the documented name is "author"


# ----------------------------------------------------------------------------- the report


def test_the_unknown_column_report_says_how_to_map_it(tmp_path: Path) -> None:
    path = fan_file(tmp_path)
    report = rejected(path, options()).report()
    assert "line 1: no recognised column for text, received_at, author" in report
    assert "--column text=HEADER" in report
    assert '[import.columns] text = "HEADER"' in report
    assert "Nom du fan, Contenu du post, Quand" in report  # the headers found
    i18n.set_language("fr")
    report = rejected(path, options()).report()
    assert "aucune colonne reconnue pour text" in report
    assert "--column text=EN-TÊTE" in report and "[import.columns]" in report


def test_hostile_headers_in_the_report_stay_on_one_line(tmp_path: Path) -> None:
    path = fan_file(tmp_path, '"a\nb[/]",\x85c\nx,y\n')
    report = rejected(path, options()).report()
    assert len(report.splitlines()) == 2
    assert "a b[/]" in report


def test_a_file_with_thousands_of_columns_is_reported_in_a_short_line(tmp_path: Path) -> None:
    """A 100,000-column header named every column: the reason file beside it weighed 789 KB.
    The report names the first columns and counts the rest."""
    header = ",".join(f"c{i}" for i in range(100_000))
    path = fan_file(tmp_path, header + "\n" + ",".join("x" * 100_000) + "\n")
    report = rejected(path, options()).report()
    assert len(report) < 1_000
    assert "(columns: c0, c1, c2," in report and "c99999" not in report
    assert "and 99,988 more" in report
    i18n.set_language("fr")
    assert "et 99\u202f988 autres" in rejected(path, options()).report()


# ----------------------------------------------------------------------------- read_new_items


def test_read_new_items_writes_nothing_and_dedupes(tmp_path: Path) -> None:
    path = fan_file(tmp_path)
    opts = options(columns=FAN_COLUMNS)
    result, items = read_new_items(path, opts)
    assert (result.added, result.skipped) == (2, 0)
    assert all(isinstance(item, QueueItem) and item.id == 0 for item in items)
    again, fresh = read_new_items(path, opts, existing=lambda: items[:1])
    assert (again.added, again.skipped, [i.author_handle for i in fresh]) == (1, 1, ["@marc"])


def test_read_new_items_rejects_the_whole_file_after_many_good_rows(tmp_path: Path) -> None:
    rows = "".join(f"x,@u{i},hello {i},2026-11-19 09:00\n" for i in range(5000))
    path = fan_file(tmp_path, "network,author,text,date\n" + rows + "x,@bad,oops,never\n")
    with pytest.raises(ImportRejected) as info:
        read_new_items(path, options())
    assert "line 5002:" in info.value.report()


def test_read_new_items_stops_when_cancelled(tmp_path: Path) -> None:
    rows = "".join(f"x,@u{i},hello {i},2026-11-19 09:00\n" for i in range(5000))
    path = fan_file(tmp_path, "network,author,text,date\n" + rows)
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return True

    with pytest.raises(ImportCancelled):
        read_new_items(path, options(), cancelled=cancelled)
    assert asked == [1]  # stopped at the first chunk
