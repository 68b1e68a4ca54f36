"""The METER benchmark's machinery on tiny hand-made examples (no METER data needed): what a word is, how
METER's spans become word labels, how newsdiff's comparison and the baselines label words, and the scores.

The engine's figures on METER are reported by benchmarks/quality/meter.py, not asserted here.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tests.conftest import TESTS

sys.path.insert(0, str(TESTS.parent / "benchmarks" / "quality"))

from meter import disagreements, main, score_story, strongest  # noqa: E402
from meter_data import Label, load_stories, words  # noqa: E402
from meter_labels import (  # noqa: E402
    INSERTED,
    KEPT,
    REPLACED,
    SHARED,
    UNIQUE,
    Confusion,
    Predicted,
    difflib_labels,
    newsdiff_labels,
    trigram_labels,
)
from results_file import write_section  # noqa: E402

from newsdiff.core.model import Comparison, Document, Edit, EditOp, Kind, Link, Sentence, Side, Span  # noqa: E402

V, R, N = Label.VERBATIM, Label.REWRITE, Label.NEW


def test_words_are_letter_and_digit_runs_with_inner_apostrophes():
    text = "Mr O'Brien's 35-year-old son paid £220m — \"twice\"."
    assert [w.text for w in words(text)] == ["Mr", "O'Brien's", "35", "year", "old", "son", "paid", "220m", "twice"]
    assert all(text[w.start : w.end] == w.text for w in words(text))


def _write_story(folder: Path, take: str, paper: bytes, spans: list[dict]) -> None:
    folder.mkdir(parents=True)
    (folder / "PA-x.txt").write_text(take, encoding="utf-8")
    (folder / "paper-x.txt").write_bytes(paper)
    meta = {
        "story": folder.name,
        "copies": [
            {"file": "PA-x.txt", "role": "source"},
            {"file": "paper-x.txt", "role": "newspaper", "lexical_annotation": {"spans": spans}},
        ],
    }
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")


def test_meter_spans_on_a_crlf_file_label_the_words_of_the_normalised_text(tmp_path):
    raw = "Alpha beta.\r\n\r\nGamma, delta-epsilon."
    # Raw offsets: "Alpha beta." 0-11, CRLF CRLF 11-15, "Gamma," 15-21, "delta-epsilon." 22-36.
    spans = [
        {"label": "Verbatim", "start": 0, "end": 5},
        {"label": "Rewrite", "start": 6, "end": 11},
        {"label": "New", "start": 15, "end": 21},
        {"label": "Verbatim", "start": 22, "end": 27},
        {"label": "Rewrite", "start": 27, "end": 30},  # "-ep": most of "epsilon" is unlabelled
        {"label": "New", "start": 30, "end": 36},
    ]
    _write_story(tmp_path / "meter-x", "Alpha beta.", raw.encode("utf-8"), spans)
    [story] = load_stories(tmp_path)
    [paper] = story.papers
    assert paper.text == "Alpha beta.\n\nGamma, delta-epsilon."
    assert [w.text for w in paper.words] == ["Alpha", "beta", "Gamma", "delta", "epsilon"]
    # "epsilon": 2 characters Rewrite, 5 New -> New.
    assert paper.truth == (V, R, N, V, N)
    assert [t.file for t in story.takes] == ["PA-x.txt"]


def test_an_unlabelled_word_has_no_truth(tmp_path):
    _write_story(tmp_path / "meter-x", "One two.", b"One two.", [{"label": "New", "start": 0, "end": 3}])
    [story] = load_stories(tmp_path)
    assert story.papers[0].truth == (N, None)


def _document(text: str, sentences: list[tuple[int, int]]) -> Document:
    return Document("doc", "", text, (Span(0, len(text)),), tuple(Sentence(s, e, 0) for s, e in sentences))


def test_newsdiff_labels_follow_links_edits_and_unique_sentences():
    left = _document("Cats sleep. Dogs bark loudly at night.", [(0, 11), (12, 38)])
    #                  0         1         2         3         4         5
    #                  0123456789012345678901234567890123456789012345678901234567
    right_text = "Cats sleep. Dogs howl loudly at night here. Birds sing."
    right = _document(right_text, [(0, 11), (12, 43), (44, 55)])
    paraphrase = Link(
        (1,), (1,), Kind.PARAPHRASE, 0.8,
        edits=(
            Edit(Side.LEFT, 17, 21, EditOp.REPLACE),
            Edit(Side.RIGHT, 17, 21, EditOp.REPLACE),  # howl
            Edit(Side.RIGHT, 38, 42, EditOp.INSERT),  # here
            Edit(Side.RIGHT, 12, 13, EditOp.INSERT),  # one letter of "Dogs": most of the word is kept
        ),
    )
    comparison = Comparison(
        left, right, (Link((0,), (0,), Kind.SHARED, 1.0), paraphrase), (), (2,), (), ()
    )
    labels = newsdiff_labels(comparison, words(right_text))
    assert [(p.label, p.reason) for p in labels] == [
        (V, SHARED), (V, SHARED),
        (V, KEPT), (R, REPLACED), (V, KEPT), (V, KEPT), (V, KEPT), (N, INSERTED),
        (N, UNIQUE), (N, UNIQUE),
    ]
    assert labels[3].link == 1 and labels[8].link is None


def test_the_strongest_label_over_the_takes_wins():
    assert strongest([[N, R, N, V], [R, V, N, N]]) == (R, V, N, V)
    # On a tie a word linked with an insert edit says more than a unique sentence.
    assert Predicted(N, INSERTED, 0).rank() > Predicted(N, UNIQUE).rank()


def test_difflib_baseline_labels_equal_replaced_and_inserted_words():
    take = "the court ruled on monday".split()
    paper = "the judges ruled yesterday on monday night".split()
    assert difflib_labels(take, paper) == [V, R, V, N, V, V, N]


def test_trigram_baseline_marks_every_word_of_a_shared_trigram():
    take = "a b c d e".split()
    paper = "x a b c y c d e z".split()
    assert trigram_labels(take, paper) == [N, V, V, V, N, V, V, V, N]
    assert trigram_labels(take, ["a", "b"]) == [N, N]


def test_precision_recall_f1_and_macro_f1():
    confusion = Confusion()
    for truth, predicted in [(V, V), (V, V), (V, R), (R, R), (R, N), (N, N), (N, V)]:
        confusion.add(truth, predicted)
    assert confusion.precision(V) == pytest.approx(2 / 3)
    assert confusion.recall(V) == pytest.approx(2 / 3)
    assert confusion.f1(R) == pytest.approx(0.5)
    assert confusion.f1(N) == pytest.approx(0.5)
    assert confusion.macro_f1() == pytest.approx((2 / 3 + 0.5 + 0.5) / 3)
    assert confusion.accuracy() == pytest.approx(4 / 7)
    assert Confusion().macro_f1() == 0.0


def test_a_copied_sentence_is_verbatim_and_an_unrelated_one_new(tmp_path):
    take = "The minister resigned on Friday after a row over expenses.\n\nShe had served for ten years."
    paper = "The minister resigned on Friday after a row over expenses.\n\nBananas are yellow and grow in bunches."
    n_words = len(words(paper))
    spans = [{"label": "Verbatim", "start": 0, "end": 58}, {"label": "New", "start": 60, "end": len(paper)}]
    _write_story(tmp_path / "meter-x", take, paper.encode("utf-8"), spans)
    [story] = load_stories(tmp_path)
    [scored] = score_story(story)
    assert scored.mapped == scored.in_sentence == n_words
    assert scored.labels["newsdiff"] == scored.paper.truth
    assert scored.labels["difflib"][:10] == (V,) * 10 and scored.labels["trigram"][:10] == (V,) * 10
    assert disagreements([scored]) == []


def test_skips_saying_so_when_the_data_is_absent(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("NEWSDIFF_METER", str(tmp_path / "absent"))
    assert main([]) == 0
    assert "skipping" in capsys.readouterr().out


def test_a_section_is_rewritten_alone(tmp_path):
    results = tmp_path / "RESULTS.md"
    write_section(results, "## A", ["first"])
    write_section(results, "## B", ["other"])
    write_section(results, "## A", ["second"])
    text = results.read_text(encoding="utf-8")
    assert "second" in text and "first" not in text and "other" in text
    assert text.index("## A") < text.index("## B")


def test_reach_measures_shared_runs_and_verbatim_runs_without_evidence():
    from meter_reach import in_shared_grams, longest_shared_runs, without_evidence

    take = "the judge said the case was closed".split()
    paper = "yesterday the judge said it was closed".split()
    assert longest_shared_runs(paper, [take]) == [0, 3, 3, 3, 0, 2, 2]
    assert in_shared_grams(paper, [take]) == [False, True, True, True, False, False, False]
    # A Verbatim run with a third or more of its words in a shared trigram has evidence; one with less has none.
    truth = [V, V, V, V, N, V, V]
    assert without_evidence(truth, in_shared_grams(paper, [take])) == [False] * 5 + [True, True]
