"""`newsdiff compare`: the text summary, the `newsdiff.compare/1` JSON contract of docs/json.md, exit codes."""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsdiff.cli import EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE, main
from newsdiff.core.model import KINDS, Side
from newsdiff.core.pair.compare import compare
from newsdiff.core.read.articles import load_article
from tests.conftest import seed

CONTRACT_KINDS = ("shared", "typo", "paraphrase", "unique")  # the names docs/json.md fixes for the JSON
PAIRS = [("003", "000"), ("003", "002"), ("001", "004")]


def _run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(["compare", *args])
    out, err = capsys.readouterr()
    return status, out, err


def _json(capsys, left: Path, right: Path) -> dict:
    status, out, _ = _run(capsys, str(left), str(right), "--json")
    assert status == EXIT_OK
    return json.loads(out)


def _check_side(side: dict, path: Path) -> None:
    article = load_article(path)
    assert side["path"] == str(path)
    assert side["title"] == article.title
    assert side["text"] == article.text
    assert isinstance(side["outlet"], str)
    text = side["text"]
    previous_end = 0
    for sentence in side["sentences"]:
        start, end, paragraph = sentence["start"], sentence["end"], sentence["paragraph"]
        assert previous_end <= start < end <= len(text)
        assert text[previous_end:start].strip() == ""  # outside sentences only white space
        span = side["paragraphs"][paragraph]
        assert span["start"] <= start and end <= span["end"]
        previous_end = end
    assert text[previous_end:].strip() == ""


@pytest.mark.parametrize(("left", "right"), PAIRS)
def test_json_is_the_contract_of_design_md(capsys, left: str, right: str) -> None:
    doc = _json(capsys, seed(left), seed(right))
    assert doc["schema"] == "newsdiff.compare/1"
    assert set(doc) >= {"schema", "left", "right", "links", "unique", "misspellings", "rows", "stats"}
    _check_side(doc["left"], seed(left))
    _check_side(doc["right"], seed(right))

    for name in ("left", "right"):
        count = len(doc[name]["sentences"])
        linked = [i for link in doc["links"] for i in link[name]]
        every = sorted(linked + doc["unique"][name])
        assert every == list(range(count)), "each sentence in exactly one link or in unique"
        kinds = {kind: 0 for kind in CONTRACT_KINDS}
        for link in doc["links"]:
            kinds[link["kind"]] += len(link[name])
        kinds["unique"] = len(doc["unique"][name])
        assert doc["stats"][name] == kinds
        rows = [p for row in doc["rows"] for p in row[name]]
        assert sorted(rows) == list(range(len(doc[name]["paragraphs"])))

    for link in doc["links"]:
        assert link["kind"] in ("shared", "typo", "paraphrase")
        assert link["left"] and link["right"]
        assert 0.0 <= link["similarity"] <= 1.0
        assert isinstance(link["moved"], bool) and isinstance(link["altered"], bool)
        for edit in link["edits"]:
            side = doc[edit["side"]]
            assert edit["op"] in ("replace", "insert", "delete")
            assert edit["op"] != "insert" or edit["side"] == "right"
            assert edit["op"] != "delete" or edit["side"] == "left"
            inside = [s for i, s in enumerate(side["sentences"]) if i in link[edit["side"]]]
            assert any(s["start"] <= edit["start"] < edit["end"] <= s["end"] for s in inside)
    for mark in doc["misspellings"]:
        text = doc[mark["side"]]["text"]
        assert text[mark["start"]:mark["end"]] == mark["word"]
        assert mark["suggestion"] is None or isinstance(mark["suggestion"], str)


def test_json_says_what_compare_says(capsys) -> None:
    doc = _json(capsys, seed("003"), seed("000"))
    comparison = compare(load_article(seed("003")), load_article(seed("000")))
    assert len(doc["links"]) == len(comparison.links)
    assert [(link["left"], link["right"], link["kind"]) for link in doc["links"]] == [
        (list(link.left), list(link.right), link.kind.value) for link in comparison.links
    ]
    anihilate = next(m for m in doc["misspellings"] if m["word"] == "anihilate")
    assert anihilate["side"] == "right" and anihilate["suggestion"] == "annihilate"


def _counts_table(out: str) -> dict[str, list[int]]:
    rows = re.findall(r"^(left|right)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*$", out, re.MULTILINE)
    return {side: [int(n) for n in numbers] for side, *numbers in rows}


def test_text_summary_gives_counts_then_the_differences(capsys) -> None:
    status, out, _ = _run(capsys, str(seed("003")), str(seed("000")))
    assert status == EXIT_OK
    comparison = compare(load_article(seed("003")), load_article(seed("000")))
    assert _counts_table(out) == {
        side.value: [comparison.stats(side)[kind] for kind in KINDS] for side in Side
    }
    differences = re.findall(r"^#(\d+) (\w+)", out, re.MULTILINE)
    assert [int(number) for number, _ in differences] == list(range(1, len(differences) + 1))
    # The headings "'Horrible massacre' -" and "'Horrible massacre'" are shared: a dash at the end is typography.
    assert {kind for _, kind in differences} == {"paraphrase", "unique"}
    assert "  right: anihilate -> annihilate" in out.split("misspellings:")[1]


def test_text_summary_says_what_changed_in_an_altered_link(capsys, tmp_path: Path) -> None:
    left, right = tmp_path / "wire.txt", tmp_path / "outlet.txt"
    left.write_text("Storm\n\nThe storm killed at least 42 people on the coast, officials said.\n", encoding="utf-8")
    right.write_text("Storm\n\nOfficials said the storm had left at least 48 people dead on the coast.\n", encoding="utf-8")
    status, out, _ = _run(capsys, str(left), str(right))
    assert status == EXIT_OK
    assert "paraphrase [altered: another figure for the same thing]" in out


def test_text_summary_of_an_article_against_itself_has_no_differences(capsys) -> None:
    status, out, _ = _run(capsys, str(seed("003")), str(seed("003")))
    assert status == EXIT_OK
    sentences = len(compare(load_article(seed("003")), load_article(seed("003"))).left.sentences)
    assert _counts_table(out) == {"left": [sentences, 0, 0, 0], "right": [sentences, 0, 0, 0]}
    assert not re.search(r"^#\d+", out, re.MULTILINE)


def test_unreadable_input_exits_1_naming_the_file(capsys, tmp_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x00\x01\x02 not text")
    status, out, err = _run(capsys, str(seed("003")), str(binary))
    assert status == EXIT_UNREADABLE
    assert "photo.txt" in err and out == ""


def test_missing_argument_is_a_usage_error(capsys) -> None:
    status, out, err = _run(capsys, str(seed("003")))
    assert status == EXIT_USAGE
    assert "usage: newsdiff compare" in err and out == ""


# --- hostile names and text ----------------------------------------------------------------------------------


def _strict_newsdiff(*args: str) -> subprocess.CompletedProcess[bytes]:
    """newsdiff in a process of its own whose standard output refuses anything that is not UTF-8."""
    root = str(Path(__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict", "PYTHONPATH": root}
    code = "import sys; from newsdiff.cli import main; sys.exit(main())"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, env=env, timeout=120)


def test_control_characters_in_a_copy_never_reach_the_terminal(capsys, tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.txt"
    story = seed("000").read_text(encoding="utf-8")
    hostile.write_text("Evil \x1b]0;pwned\x07title\x1b[2J\n\n" + story.replace(".", ".\x1b[31m", 3), encoding="utf-8")
    status, out, _ = _run(capsys, str(hostile), str(seed("003")))
    assert status == EXIT_OK
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", out)
    assert "(Evil \\E]0;pwned\\x07title\\E[2J)" in out


def test_a_name_that_is_not_utf8_under_a_strict_utf8_stdout(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9.txt")
    shutil.copy(seed("000"), tmp_path / name)
    left = str(tmp_path / name)
    text = _strict_newsdiff("compare", left, str(seed("003")))
    assert text.returncode == EXIT_OK, text.stderr
    assert text.stdout.decode("utf-8").startswith(f"left:  $'{tmp_path}/caf\\xe9.txt'  (")
    done = _strict_newsdiff("compare", left, str(seed("003")), "--json")
    assert done.returncode == EXIT_OK, done.stderr
    document = json.loads(done.stdout.decode("utf-8"))
    assert document["left"]["path"] == left  # Python reads the \udce9 escape back into the same name
    assert base64.b64decode(document["left"]["path_base64"]) == os.fsencode(left)
    assert "path_base64" not in document["right"]
