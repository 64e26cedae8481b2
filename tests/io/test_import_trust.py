"""What a file can do to an import: it is refused with a line- or element-numbered reason, it
never raises anything else, and no comment is dropped as a duplicate unless it is one."""

from __future__ import annotations

import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cm_tui.core.deadline import DeadlinePolicy
from cm_tui.core.models import QueueItem
from cm_tui.io.queue_import import ImportOptions, ImportRejected, ImportResult, import_queue

PARIS = ZoneInfo("Europe/Paris")
NETWORKS = ("facebook", "x", "instagram", "linkedin", "mastodon", "bluesky")


def options(**kw: object) -> ImportOptions:
    base: dict[str, object] = {
        "tz": PARIS,
        "deadline_policy": DeadlinePolicy(60),
        "networks": NETWORKS,
    }
    base.update(kw)
    return ImportOptions(**base)  # type: ignore[arg-type]


def rejected(path: Path, **kw: object) -> str:
    with pytest.raises(ImportRejected) as caught:
        import_queue(path, options(**kw))
    return caught.value.report()


class Sink:
    """A store stand-in: what was written, and the items already there."""

    def __init__(self) -> None:
        self.items: list[QueueItem] = []

    def import_(self, path: Path) -> ImportResult:
        return import_queue(path, options(), existing=lambda: list(self.items), write=self.write)

    def write(self, chunk: list[QueueItem]) -> None:
        self.items.extend(chunk)


# --------------------------------------------------------------------------- one bad file


def test_json_nested_too_deeply_is_a_problem_of_its_element(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 3000, encoding="utf-8")
    assert "element 1: nested too deeply" in rejected(deep)
    second = tmp_path / "second.json"
    good = {"network": "x", "author": "@a", "text": "hi", "date": "2026-11-19 09:00"}
    second.write_text(json.dumps([good]).rstrip("]") + "," + "[" * 3000, encoding="utf-8")
    assert "element 2: nested too deeply" in rejected(second)


def test_json_field_holding_a_structure_is_refused_not_stringified(tmp_path: Path) -> None:
    path = tmp_path / "odd.json"
    rows = [
        {"network": "x", "author": "@a", "text": "ok", "date": "2026-11-19 09:00"},
        {"network": "x", "author": "@b", "text": "ok", "date": "2026-11-19 09:00"},
        {"network": "x", "author": "@c", "text": [[["x"]]], "date": "2026-11-19 09:00"},
    ]
    path.write_text(json.dumps(rows), encoding="utf-8")
    report = rejected(path)
    assert "element 3: " in report and "text" in report
    assert "line 3" not in report


@pytest.mark.parametrize(
    "date", ["31/12/9999 23h59", "9999-12-31T23:59:59+00:00", "0001-01-01T00:00:00+00:00"]
)
def test_a_date_out_of_range_is_a_problem_of_its_line(tmp_path: Path, date: str) -> None:
    path = tmp_path / "far.csv"
    path.write_text(f"network,author,text,date\nx,@a,hello,{date}\n", encoding="utf-8")
    assert "line 2: date out of range" in rejected(path)


def test_a_huge_deadline_policy_cannot_overflow_an_import(tmp_path: Path) -> None:
    path = tmp_path / "ok.csv"
    path.write_text("network,author,text,date\nx,@a,hello,2026-11-19 09:00\n", encoding="utf-8")
    report = rejected(path, deadline_policy=DeadlinePolicy(10**17))
    assert "line 2:" in report


# --------------------------------------------------------------------------- duplicates


def test_ids_reused_by_another_export_are_new_items(tmp_path: Path) -> None:
    sink = Sink()
    first = tmp_path / "first.csv"
    first.write_text(
        "id,network,author,text,date\n"
        "1,x,@alice,Love it,2026-11-19 09:00\n"
        "2,x,@bob,Where is my order?,2026-11-19 09:05\n",
        encoding="utf-8",
    )
    second = tmp_path / "second.csv"
    second.write_text(
        "id,network,author,text,date\n"
        "1,x,@carol,URGENT: the lamp sparks,2026-11-20 09:00\n"
        "2,x,@dave,Hello,2026-11-20 09:05\n",
        encoding="utf-8",
    )
    assert sink.import_(first).added == 2
    result = sink.import_(second)
    assert (result.added, result.skipped, result.reused_ids) == (2, 0, 2)
    assert [i.author_handle for i in sink.items] == ["@alice", "@bob", "@carol", "@dave"]
    again = sink.import_(second)
    assert (again.added, again.skipped) == (0, 2)


def test_two_rows_of_one_file_sharing_an_id_are_both_kept(tmp_path: Path) -> None:
    sink = Sink()
    path = tmp_path / "same.csv"
    path.write_text(
        "id,network,author,text,date\n"
        "7,x,@alice,First,2026-11-19 09:00\n"
        "7,x,@bob,Second,2026-11-19 09:05\n"
        "7,x,@bob,Second,2026-11-19 09:05\n",
        encoding="utf-8",
    )
    result = sink.import_(path)
    assert (result.added, result.skipped, result.reused_ids) == (2, 1, 1)


# --------------------------------------------------------------------------- networks


def test_an_unknown_network_is_refused_with_the_known_ones(tmp_path: Path) -> None:
    path = tmp_path / "typo.csv"
    path.write_text("network,author,text,date\nfacebok,@a,hello,2026-11-19 09:00\n", "utf-8")
    report = rejected(path)
    assert "line 2:" in report and "facebok" in report
    assert "facebook" in report and "mastodon" in report


def test_a_mastodon_export_needs_no_network_flag(tmp_path: Path) -> None:
    path = tmp_path / "notifications.json"
    path.write_text(
        json.dumps(
            [
                {
                    "id": "9",
                    "type": "mention",
                    "created_at": "2026-11-19T08:00:00.000Z",
                    "account": {"acct": "emma@social.example", "display_name": "Emma"},
                    "status": {
                        "id": "109",
                        "created_at": "2026-11-19T08:00:00.000Z",
                        "content": "<p>Hello <b>brand</b></p>",
                        "url": "https://social.example/@emma/109",
                        "visibility": "public",
                        "in_reply_to_id": None,
                    },
                }
            ]
        ),
        encoding="utf-8",
    )
    sink = Sink()
    assert sink.import_(path).added == 1
    (item,) = sink.items
    assert (item.network, item.external_id, item.text) == ("mastodon", "109", "Hello brand")


def test_the_command_line_checks_network_and_says_what_a_dry_run_would_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from cm_tui import cli
    from tests.cli.lines import one_line_error

    db = tmp_path / "s" / "store.json"
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    first.write_text("id,author,text,date\n1,@alice,Love it,2026-11-19 09:00\n", "utf-8")
    second.write_text("id,author,text,date\n1,@carol,URGENT,2026-11-20 09:00\n", "utf-8")
    assert cli.main(["import", str(first), "--network", "facebok", "--db", str(db)]) == 2
    line = one_line_error(capsys.readouterr().err)
    assert "--network" in line and "facebok" in line and "line 2" not in line
    assert cli.main(["import", str(first), "--network", "fb", "--db", str(db)]) == 0
    capsys.readouterr()
    assert cli.main(["import", str(second), "--network", "fb", "--db", str(db), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "1 row reuses an id with different content: it would be imported" in out
