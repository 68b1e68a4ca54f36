"""The review store: kept outside the folder, keyed by file name and content hash, validated on read."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newsdiff.core.output.review import Review, difference_ids, pair_marks, review_folder, store_path
from newsdiff.core.pair.compare import compare
from newsdiff.core.read.articles import load_article

LEFT = "The minister resigned on Monday. She said the budget was wrong. Talks will resume in May.\n"
RIGHT = "The minister resigned on Tuesday. She said the budget was wrong. Nobody else commented.\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "a.txt").write_text(LEFT, encoding="utf-8")
    (folder / "b.txt").write_text(RIGHT, encoding="utf-8")
    return folder


def _pair(folder: Path):
    left, right = load_article(folder / "a.txt"), load_article(folder / "b.txt")
    comparison = compare(left, right)
    return left, right, comparison, comparison.differences()


def _check_first(review: Review, folder: Path, note: str = "") -> None:
    left, right, comparison, differences = _pair(folder)
    first, second = review.file(left), review.file(right)
    ids = difference_ids(comparison, differences, flipped=review.flipped(first, second))
    review.set_mark(first, second, ids[0], checked=True, note=note)


def test_a_check_and_a_note_survive_saving_and_loading_outside_the_folder(folder, tmp_path):
    data = tmp_path / "data"
    review = Review.load(folder, data)
    _check_first(review, folder, note="Ask the desk <b>why</b>")
    review.save()
    assert store_path(folder.resolve(), data).is_file()
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt", "b.txt"]  # nothing written into the folder
    again = Review.load(folder, data)
    assert again.problem == ""
    left, right, comparison, differences = _pair(folder)
    marks = pair_marks(again, comparison, again.file(left), again.file(right), differences)
    assert marks[0].checked and marks[0].note == "Ask the desk <b>why</b>" and not marks[0].stale
    assert not any(m.checked for m in marks[1:])


def test_the_swapped_pair_finds_the_same_review(folder, tmp_path):
    review = Review.load(folder, tmp_path / "data")
    _check_first(review, folder)
    left, right, _comparison, differences = _pair(folder)
    swapped = compare(right, left)
    marks = pair_marks(review, swapped, review.file(right), review.file(left), swapped.differences())
    checked = [d for d, m in zip(swapped.differences(), marks) if m.checked]
    assert len(checked) == 1
    assert checked[0].left == differences[0].right and checked[0].right == differences[0].left


def test_a_changed_copy_shows_its_old_review_as_stale(folder, tmp_path):
    data = tmp_path / "data"
    review = Review.load(folder, data)
    _check_first(review, folder)
    left, _, _, _ = _pair(folder)
    review.set_copy(review.file(left), reviewed=True, note="fine")
    review.save()
    (folder / "b.txt").write_text(RIGHT + "\nA paragraph added later.\n", encoding="utf-8")
    (folder / "a.txt").write_text(LEFT + "\nAnother line.\n", encoding="utf-8")
    again = Review.load(folder, data)
    left, right, comparison, differences = _pair(folder)
    marks = pair_marks(again, comparison, again.file(left), again.file(right), differences)
    assert [m for m in marks if m.checked] and all(m.stale for m in marks if m.checked)
    copy = again.copy_review(again.file(left))
    assert copy.reviewed and copy.note == "fine" and copy.stale


def test_a_corrupt_file_is_kept_aside_and_the_review_starts_empty(folder, tmp_path):
    data = tmp_path / "data"
    path = store_path(folder.resolve(), data)
    path.parent.mkdir(parents=True)
    path.write_text('{"schema": "newsdiff.review/1", "folder": 3', encoding="utf-8")
    review = Review.load(folder, data)
    assert "could not be read" in review.problem
    assert not path.exists()
    kept = list(path.parent.glob(f"{path.stem}.corrupt-*.json"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8").endswith('"folder": 3')
    left, right, comparison, differences = _pair(folder)
    assert not any(
        m.checked for m in pair_marks(review, comparison, review.file(left), review.file(right), differences)
    )


def test_a_file_of_the_wrong_shape_is_refused(folder, tmp_path):
    data = tmp_path / "data"
    path = store_path(folder.resolve(), data)
    path.parent.mkdir(parents=True)
    bad = {"schema": "newsdiff.review/1", "folder": str(folder.resolve()), "pairs": [{"a": "x"}]}
    path.write_text(json.dumps(bad), encoding="utf-8")
    assert Review.load(folder, data).problem
    assert list(path.parent.glob("*.corrupt-*.json"))


def test_saving_is_atomic_a_failed_write_leaves_the_old_review(folder, tmp_path, monkeypatch):
    data = tmp_path / "data"
    review = Review.load(folder, data)
    _check_first(review, folder)
    review.save()
    before = store_path(folder.resolve(), data).read_bytes()

    def fail(*_args, **_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    review.set_session("a.txt", "b.txt", ["shared"])
    with pytest.raises(OSError):
        review.save()
    assert store_path(folder.resolve(), data).read_bytes() == before
    assert [p.name for p in store_path(folder.resolve(), data).parent.iterdir()] == [
        store_path(folder.resolve(), data).name
    ]


def test_the_session_is_kept(folder, tmp_path):
    data = tmp_path / "data"
    review = Review.load(folder, data)
    review.set_session("b.txt", "a.txt", ["typo", "shared"])
    review.save()
    session = Review.load(folder, data).session
    assert (session.base, session.copy_shown, session.hidden) == ("b.txt", "a.txt", ("shared", "typo"))


def test_equal_differences_get_distinct_ids(tmp_path):
    left = tmp_path / "l.txt"
    right = tmp_path / "r.txt"
    left.write_text("Read more.\n\nThe story.\n\nRead more.\n", encoding="utf-8")
    right.write_text("The story.\n", encoding="utf-8")
    comparison = compare(load_article(left), load_article(right))
    ids = difference_ids(comparison, comparison.differences())
    assert len(ids) == 2 and len(set(ids)) == 2


def test_the_review_folder_of_files_is_the_folder_holding_them(folder):
    assert review_folder([str(folder / "a.txt"), str(folder / "b.txt")]) == folder.resolve()


def test_the_report_shows_checked_differences_and_notes_escaped(folder, tmp_path):
    from newsdiff.core.output.report import render_pair_report

    review = Review.load(folder, tmp_path / "data")
    _check_first(review, folder, note="<script>alert(1)</script> ask the desk")
    _left, right, comparison, differences = _pair(folder)
    review.set_copy(review.file(right), reviewed=True, note="Copy <b>fine</b>")
    html = render_pair_report(comparison, review=review)
    assert html.count("&#10003; checked</span>") == 1 + 1  # the difference, and the legend's key
    assert "&lt;script&gt;alert(1)&lt;/script&gt; ask the desk" in html and "<script>alert(1)" not in html
    assert f"1 of {len(differences)} checked by the editor" in html
    assert "&#10003; reviewed</span>" in html and "Copy &lt;b&gt;fine&lt;/b&gt;" in html
    assert "checked by the editor" not in render_pair_report(comparison)


def test_compare_json_carries_the_review_the_viewer_keeps(folder, capsys):
    from newsdiff.cli import main

    review = Review.load(folder)  # the default store: where the viewer and the command line both look
    _check_first(review, folder, note="why Tuesday?")
    review.save()
    assert main(["compare", str(folder / "a.txt"), str(folder / "b.txt"), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    found = document["review"]
    assert found["folder"] == str(folder.resolve()) and found["checked"] == 1
    first = found["differences"][0]
    assert first["checked"] and first["note"] == "why Tuesday?" and not first["stale"]
    assert not any(d["checked"] for d in found["differences"][1:])
    assert found["copies"]["left"] == {"name": "a.txt", "reviewed": False, "note": "", "stale": False}
    assert document["links"] is not None  # the contract's fields stay


def test_the_report_finds_the_review_of_a_file_whose_name_is_shown_escaped(tmp_path):
    from newsdiff.core.output.report import render_pair_report

    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "a\tfirst.txt").write_text(LEFT, encoding="utf-8")  # a tab: shown escaped in the report
    (folder / "b.txt").write_text(RIGHT, encoding="utf-8")
    left, right = load_article(folder / "a\tfirst.txt"), load_article(folder / "b.txt")
    comparison = compare(left, right)
    review = Review.load(folder, tmp_path / "data")
    first, second = review.file(left), review.file(right)
    ids = difference_ids(comparison, comparison.differences(), flipped=review.flipped(first, second))
    review.set_mark(first, second, ids[0], checked=True)
    html = render_pair_report(comparison, review=review)
    assert f"1 of {len(comparison.differences())} checked by the editor" in html
