"""Queue import: encodings x delimiters x line endings, formats, malformed files, dedupe."""

from __future__ import annotations

import codecs
import csv
import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cm_tui.cli import main
from cm_tui.core.models import QueueItem, QueueKind
from cm_tui.core.settings import Settings
from cm_tui.io.queue_import import (
    ImportOptions,
    ImportRejected,
    ImportResult,
    import_queue,
    iter_items,
)
from cm_tui.store import Store

PARIS = ZoneInfo("Europe/Paris")
HEADER_EN = ["network", "author", "name", "text", "received at", "kind", "id", "ambassador"]
HEADER_FR = ["Réseau", "Auteur", "Nom", "Texte", "Reçu le", "Type", "Identifiant", "Ambassadeur"]
ROWS = [
    [
        "facebook",
        "@jean",
        "Jean Dupont",
        "Bonjour, votre café est « top »; merci !",
        "19/11/2026 09:12",
        "commentaire",
        "fb-1",
        "oui",
    ],
    ["x", "@anna", "Anna", 'She said "hi"\nand left', "2026-11-19T08:00:00Z", "dm", "", "non"],
    [
        "instagram",
        "@zoé",
        "",
        "Ça coûte 1 234,50 € ? [/] [@click=app.quit]x[/]",
        "19/11/2026 9h05",
        "mention",
        "ig-7",
        "",
    ],
]


def options(**kw: object) -> ImportOptions:
    base = {
        "tz": PARIS,
        "deadline_policy": Settings(language="en", timezone="Europe/Paris").deadline_policy,
    }
    base.update(kw)
    return ImportOptions(**base)  # type: ignore[arg-type]


def read_items(path: Path, **kw: object) -> list[QueueItem]:
    result = ImportResult("auto")
    out = []
    for line, item in iter_items(path, options(**kw), result):
        assert isinstance(item, QueueItem), (line, item)
        out.append(item)
    return out


def write_csv(
    path: Path,
    header: list[str],
    rows: list[list[str]],
    delimiter: str,
    newline: str,
    encoding: str,
) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline)
    writer.writerow(header)
    writer.writerows(rows)
    text = buffer.getvalue()
    if encoding == "utf-8-sig":
        data = codecs.BOM_UTF8 + text.encode("utf-8")
    elif encoding == "utf-16":
        data = text.encode("utf-16")  # with BOM
    else:
        data = text.encode(encoding)
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("header", [HEADER_EN, HEADER_FR])
def test_matrix_gives_identical_items(
    tmp_path: Path, encoding: str, delimiter: str, newline: str, header: list[str]
) -> None:
    reference = read_items(write_csv(tmp_path / "ref.csv", HEADER_EN, ROWS, ",", "\n", "utf-8"))
    path = write_csv(tmp_path / "x.csv", header, ROWS, delimiter, newline, encoding)
    assert read_items(path) == reference
    jean, anna, zoe = reference
    assert jean.received_at == datetime(2026, 11, 19, 8, 12, tzinfo=UTC)  # naive = Paris
    assert jean.deadline == jean.received_at + timedelta(hours=1)
    assert jean.kind is QueueKind.COMMENT and jean.ambassador and jean.external_id == "fb-1"
    assert anna.kind is QueueKind.MESSAGE and anna.text == 'She said "hi"\nand left'
    assert zoe.author_handle == "@zoé" and zoe.received_at.hour == 8 and zoe.received_at.minute == 5
    assert zoe.text == "Ça coûte 1 234,50 € ? [/] [@click=app.quit]x[/]"


def test_windows_1252_is_strict_and_bad_bytes_are_refused(tmp_path: Path) -> None:
    good = tmp_path / "w.csv"
    good.write_bytes("network,author,text,date\nx,@a,café €,2026-01-01\n".encode("cp1252"))
    assert read_items(good)[0].text == "café €"
    bad = tmp_path / "bad.csv"  # 0x81 is undefined in Windows-1252 and invalid UTF-8
    bad.write_bytes(b"network,author,text,date\nx,@a,caf\x81,2026-01-01\n")
    with pytest.raises(ImportRejected) as caught:
        import_queue(bad, options())
    assert "byte 33" in caught.value.report()


def test_clean_text_and_keywords_at_import(tmp_path: Path) -> None:
    path = tmp_path / "k.csv"
    path.write_text(
        'network,author,text,date\nx,@a\u202e,"Love Café Nova\x1b[31m!",2026-01-01 10:00\n',
        encoding="utf-8",
    )
    (item,) = read_items(path, keywords=("cafe nova", "other"))
    assert item.text == "Love Café Nova!" and item.author_handle == "@a"
    assert item.keywords == ("cafe nova",)


MALFORMED = {
    "unterminated quote": (
        b'network,author,text,date\nx,@a,ok,2026-01-01\nx,@b,"never closed,2026-01-01\n'
        b"x,@c,more,2026-01-01\n",
        "line 3: unterminated quoted field",
    ),
    "ragged row": (
        b"network,author,text,date\nx,@a,ok,2026-01-01\nx,@b,two,fields,2026-01-01,z\n",
        "line 3: 6 fields where the header has 4",
    ),
    "huge field": (
        b"network,author,text,date\nx,@a," + b"a" * 200_000 + b",2026-01-01\n",
        "line 2: a field is longer than",
    ),
    "NUL byte": (
        b"network,author,text,date\nx,@a,ok,2026-01-01\nx,@b,n\x00ul,2026-01-01\n",
        "line 3: contains a NUL byte",
    ),
    "bad date": (b"network,author,text,date\nx,@a,ok,yesterday\n", "line 2: “yesterday”"),
    "missing column": (b"network,author,date\nx,@a,2026-01-01\n", "line 1: no recognised column"),
    "bad kind": (
        b"network,author,text,date,kind\nx,@a,ok,2026-01-01,tweet\n",
        "line 2: “tweet” is not a kind",
    ),
}


@pytest.mark.parametrize("case", list(MALFORMED))
def test_malformed_files_are_rejected_whole(tmp_path: Path, case: str) -> None:
    data, expected = MALFORMED[case]
    path = tmp_path / "bad.csv"
    path.write_bytes(data)
    db = tmp_path / "s" / "store.json"
    db.parent.mkdir()
    with Store.open(db) as store:
        with pytest.raises(ImportRejected) as caught:
            import_queue(
                path, options(), write=store.repo.queue.add_many, transaction=store.transaction
            )
        assert store.repo.queue.count() == 0
    assert expected in caught.value.report()


def test_a_bad_row_after_many_good_chunks_writes_nothing(tmp_path: Path) -> None:
    lines = ["network,author,text,date"] + [f"x,@u{n},hello {n},2026-01-01" for n in range(5000)]
    lines.append("x,@last,bad,not a date")
    path = tmp_path / "big.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "s" / "store.json"
    db.parent.mkdir()
    with Store.open(db) as store:
        with pytest.raises(ImportRejected) as caught:
            import_queue(
                path, options(), write=store.repo.queue.add_many, transaction=store.transaction
            )
        assert store.repo.queue.count() == 0
    assert caught.value.count == 1 and "line 5002" in caught.value.report()
    with Store.open(db) as store:
        assert store.repo.queue.count() == 0


def test_json_jsonl_and_mastodon(tmp_path: Path) -> None:
    objects = [
        {
            "network": "x",
            "author": {"handle": "@a", "name": "A", "ambassador": True},
            "text": "hi [/]",
            "received_at": "2026-11-19T09:00:00",
            "kind": "review",
            "id": 5,
        },
        {"réseau": "facebook", "auteur": "@b", "texte": "salut", "date": "19/11/2026 10:00"},
    ]
    as_json = tmp_path / "a.json"
    as_json.write_text(json.dumps(objects), encoding="utf-8")
    as_jsonl = tmp_path / "a.jsonl"
    as_jsonl.write_text("\n".join(json.dumps(o) for o in objects) + "\n", encoding="utf-8")
    items = read_items(as_json)
    assert items == read_items(as_jsonl)
    assert items[0].ambassador and items[0].kind is QueueKind.REVIEW
    assert items[0].external_id == "5" and items[0].deadline - items[0].received_at == timedelta(
        hours=1
    )
    notifications = [
        {"id": "1", "type": "favourite", "account": {"acct": "z"}, "created_at": "2026-01-01"},
        {
            "id": "2",
            "type": "mention",
            "created_at": "2026-11-19T08:00:00.000Z",
            "account": {"acct": "eve@example.social", "display_name": "Eve"},
            "status": {
                "id": "109",
                "content": "<p>@<span>shop</span> hello &amp; [b]x[/b]</p><p>line 2<br>line 3</p>",
                "url": "https://example.social/@eve/109",
                "visibility": "public",
                "in_reply_to_id": None,
                "created_at": "2026-11-19T08:00:00.000Z",
            },
        },
        {
            "id": "3",
            "type": "mention",
            "created_at": "2026-11-19T08:05:00.000Z",
            "account": {"acct": "bob", "display_name": ""},
            "status": {
                "id": "110",
                "content": "<p>secret</p>",
                "visibility": "direct",
                "created_at": "2026-11-19T08:05:00.000Z",
            },
        },
    ]
    masto = tmp_path / "notifications.json"
    masto.write_text(json.dumps(notifications), encoding="utf-8")
    eve, bob = read_items(masto, network="mastodon")
    assert eve.text == "@shop hello & [b]x[/b]\n\nline 2\nline 3"
    assert eve.kind is QueueKind.MENTION and eve.author_handle == "@eve@example.social"
    assert eve.external_id == "109" and eve.network == "mastodon"
    assert bob.kind is QueueKind.MESSAGE


def test_cli_import_dedupes_and_dry_run(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    db = tmp_path / "s" / "store.json"
    db.parent.mkdir()
    Store.open(db).close()
    path = write_csv(tmp_path / "a.csv", HEADER_FR, ROWS, ";", "\r\n", "cp1252")
    args = ["import", str(path), "--db", str(db), "--tz", "Europe/Paris"]
    assert main([*args, "--dry-run"]) == 0
    assert "would be imported" in capsys.readouterr().out
    with Store.open(db) as store:
        assert store.repo.queue.count() == 0
    assert main(args) == 0
    assert "Imported 3 items" in capsys.readouterr().out
    assert main(args) == 0  # again: nothing new (ids, else content hash)
    assert "Imported 0 items" in capsys.readouterr().out
    with Store.open(db) as store:
        assert store.repo.queue.count() == 3
    bad = tmp_path / "bad.csv"
    bad.write_bytes(MALFORMED["ragged row"][0])
    assert main(["import", str(bad), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "rejected, nothing imported" in err and "line 3:" in err
    assert main(["import", str(bad), "--db", str(db), "--tz", "Mars/Base"]) == 2


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1).filter(
        lambda s: s.strip() and s.strip("\u2028\u2029\x85") == s.strip()
    ),
    delimiter=st.sampled_from([",", ";", "\t"]),
)
def test_any_text_survives_a_csv_round_trip(tmp_path: Path, text: str, delimiter: str) -> None:
    from cm_tui.core.textsafe import clean_text

    path = write_csv(
        tmp_path / "h.csv",
        HEADER_EN,
        [["x", "@a", "", text, "2026-01-01", "", "", ""]],
        delimiter,
        "\n",
        "utf-8",
    )
    (item,) = read_items(path)
    assert item.text == clean_text(text).strip("\n")
