"""The syndication benchmark's machinery: its truth is consistent and its scoring counts what it should.

The engine's figures on the benchmark are reported by benchmarks/quality/syndication.py, not asserted here.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import pytest

from tests.conftest import TESTS

sys.path.insert(0, str(TESTS.parent / "benchmarks" / "quality"))

from mrpc_data import TRAIN, data_dir  # noqa: E402
from syndication import evaluate, make_cases, write_section  # noqa: E402
from syndication_cases import KIND_OF_OP, Case, TruthLink, TruthSentence, _related, make_case  # noqa: E402
from syndication_pool import Source, content_words, counts_differ, load_pool, make_pool  # noqa: E402
from syndication_scores import KINDS, MARKS, Score, map_sentences, score_case  # noqa: E402

from newsdiff.core.model import Comparison, Document, Kind, Link, Misspelling, Sentence, Side, Span  # noqa: E402
from newsdiff.core.pair.compare import compare  # noqa: E402
from newsdiff.core.read.articles import Article  # noqa: E402
from newsdiff.core.text.normalize import canonical  # noqa: E402

# Unrelated news-like sentences with numbers, names, quotes, apostrophes, dashes, clause boundaries and
# rewordings: enough for small cases without MRPC.
SENTENCES = [
    ("The city council approved a budget of $4.2 million for road repairs on Tuesday.",
     "On Tuesday the council passed a $4.2 million plan to fix the roads."),
    ("Police said the driver, a 34-year-old man from Leeds, was arrested at the scene.",
     "The driver, 34, of Leeds was detained at the scene, according to police."),
    ("Shares of Norvex rose 12 percent after the company raised its forecast for the year.",
     "Norvex stock climbed 12 percent once the firm lifted its outlook for the year."),
    ('"We have never seen anything like this," said Maria Okafor, a local farmer.', None),
    ("The museum's new wing will open to visitors in the spring, and it will house the Hallam collection.", None),
    ("Rescue teams searched the hillside for three days before the weather closed in.",
     "For three days rescuers combed the slope until storms forced them back."),
    ("The airline cancelled 240 flights -- most of them domestic -- because of the strike.", None),
    ("Voters in Carrow rejected the proposal by a margin of two to one.", None),
    ("The report found that hospital waiting times had doubled since 2015, but funding had not kept pace.", None),
    ("Engineers at the plant spotted the leak during a routine inspection in March.",
     "The leak was found by plant engineers on a routine check in March."),
    ("The festival drew about 80,000 visitors over the weekend, organisers said.", None),
    ("A spokesman for the ministry declined to comment on the talks with Belgrave.", None),
    ("The team's coach said the players had trained hard, while the fans had waited a long time.", None),
    ("Heavy rain flooded dozens of homes along the river, and the mayor declared an emergency.", None),
    ("The bank kept its main interest rate at 3.5 percent for the fourth month in a row.",
     "For a fourth straight month the bank left its key rate unchanged at 3.5 percent."),
    ("Scientists in Tromsdal recorded the warmest winter since measurements began.", None),
    ("The school will add two new classrooms before the autumn term begins.", None),
    ("Firefighters brought the blaze under control shortly before midnight.",
     "The fire was contained by firefighters just before midnight."),
    ('"It\'s a difficult decision for everyone involved," the minister told reporters.', None),
    ("The court ordered the company to pay compensation to 61 former workers.", None),
    ("Traffic on the bridge will be limited to one lane until the repairs are finished.", None),
    ("Local fishermen say the catch has fallen sharply over the past decade.", None),
    ("The new stadium, designed by Pellman Architects, seats nearly 45,000 people.", None),
    ("Officials expect the census results to be published early next year.", None),
    ("The orchestra will tour seven countries, and it will end its season in Vienna.", None),
    ("Prices for fresh vegetables jumped after an unusually dry summer.", None),
    ("The charity distributed blankets and hot meals to hundreds of families.", None),
    ("Investigators have not yet determined what caused the train to derail near Ostby.", None),
]


@lru_cache(maxsize=1)
def small_cases() -> tuple[Case, ...]:
    pool = make_pool([Source(text, paraphrase) for text, paraphrase in SENTENCES])
    return tuple(make_case(pool, seed, 0, size=(12, 16)) for seed in range(6))


def oracle(case: Case) -> Comparison:
    """The comparison a perfect engine would return: the truth itself, in the engine's model."""

    def document(side: str) -> Document:
        sentences = case.sentences(side)
        paragraphs = []
        for number in range(sentences[-1].paragraph + 1):
            members = [s for s in sentences if s.paragraph == number]
            paragraphs.append(Span(members[0].start, members[-1].end))
        return Document(side, "", case.text(side), tuple(paragraphs),
                        tuple(Sentence(s.start, s.end, s.paragraph) for s in sentences))

    links = tuple(Link(t.left, t.right, Kind(t.kind), 1.0, t.moved, t.altered) for t in case.links)
    linked = {side: {i for t in case.links for i in t.sentences(side)} for side in ("left", "right")}
    unique = {side: tuple(i for i in range(len(case.sentences(side))) if i not in linked[side]) for side in linked}
    misspellings = tuple(Misspelling(Side.RIGHT, m.start, m.end, m.word, None) for m in case.misspellings if m.counted)
    return Comparison(document("left"), document("right"), links, unique["left"], unique["right"], misspellings, ())


def with_links(comparison: Comparison, links: tuple[Link, ...]) -> Comparison:
    """The comparison with other links, its unique sentences following from them."""
    linked = {side: {i for link in links for i in link.sentences(side)} for side in Side}
    unique = {side: tuple(i for i in range(len(comparison.document(side).sentences)) if i not in linked[side]) for side in Side}
    return Comparison(comparison.left, comparison.right, links, unique[Side.LEFT], unique[Side.RIGHT],
                      comparison.misspellings, comparison.rows)


def assert_perfect(score: Score) -> None:
    assert not score.errors, [e.type for e in score.errors]
    for key, counts in score.counts.items():
        assert counts.truth == counts.predicted == counts.correct, key


def test_truth_sentences_are_the_texts_own_sentences() -> None:
    for case in small_cases():
        for side in ("left", "right"):
            text, sentences = case.text(side), case.sentences(side)
            assert sentences and sentences[0].start == 0 and sentences[-1].end == len(text)
            for before, after in zip(sentences, sentences[1:]):
                gap = text[before.end : after.start]
                assert gap == (" " if after.paragraph == before.paragraph else "\n\n")
                assert after.paragraph - before.paragraph in (0, 1)
            assert all(case.sentence_text(side, i).strip() == case.sentence_text(side, i) for i in range(len(sentences)))


def test_every_sentence_is_linked_once_or_unique_by_its_op() -> None:
    ops = set()
    for case in small_cases():
        for side, unique_op in (("left", "cut"), ("right", "added")):
            held = [i for link in case.links for i in link.sentences(side)]
            assert len(held) == len(set(held))
            for i, sentence in enumerate(case.sentences(side)):
                assert (i in held) == (sentence.op != unique_op)
                ops.add(sentence.op)
        for link in case.links:
            assert {case.sentences("left")[i].op for i in link.left} == {link.op}
            assert {case.sentences("right")[j].op for j in link.right} == {link.op}
            assert (len(link.left), len(link.right)) == {"split": (1, 2), "merged": (2, 1)}.get(link.op, (1, 1))
            if link.op != "paraphrase":
                assert link.altered == (link.op == "changed")
    assert ops >= set(KIND_OF_OP) | {"cut", "added"}


def test_a_paraphrase_that_counts_one_thing_by_other_figures_is_altered_in_the_truth() -> None:
    """The user guide (docs/guide.md) calls such a pair altered, whatever MRPC's annotators called it."""
    base = "Rescue teams searched the hillside for three days before the weather closed in."
    sources = [Source(text, "For four days rescuers combed the slope until storms forced them back." if text == base
                      else paraphrase) for text, paraphrase in SENTENCES]
    pool = make_pool(sources)
    paraphrases = [
        (case.sentence_text("left", link.left[0]), link.altered)
        for case in (make_case(pool, seed, 0, size=(12, 16)) for seed in range(6))
        for link in case.links
        if link.op == "paraphrase"
    ]
    assert (base, True) in paraphrases
    assert all(not altered for text, altered in paraphrases if text != base)


@pytest.mark.parametrize(
    "first, second, differ",
    [
        ("SARS has killed 296 people on the mainland.", "The disease has killed 300 people there.", True),
        ("Cisco earned $991 million, or 14 cents a share.", "Cisco reported $987 million, or 14 cents a share.", True),
        ("Police charged three men.", "Police charged four men.", True),
        ("The fire killed 12 people.", "Twelve people died: the fire killed twelve people.", False),
        ("They lost 14.7 pounds, against 5.8 pounds for the others.", "They lost 15 pounds.", False),
        ("Sixty-one people died.", "At least 61 people died.", False),
        ("Shares were sold at $US13.15 each.", "Shares were sold at $13.15 each.", False),
        ("Shares rose 4 cents, to $16.96, in Monday trading.", "Shares were up 4 cents at $16.96 in late trade.", False),
    ],
)
def test_counts_differ_where_one_thing_is_counted_by_two_figures(first: str, second: str, differ: bool) -> None:
    assert counts_differ(first, second) is differ
    assert counts_differ(second, first) is differ


def test_linked_texts_differ_as_their_op_says() -> None:
    for case in small_cases():
        for link in case.links:
            left = " ".join(case.sentence_text("left", i) for i in link.left)
            right = " ".join(case.sentence_text("right", j) for j in link.right)
            if link.op == "verbatim":
                assert left == right
            elif link.op == "typographic":
                assert left != right and canonical(left) == canonical(right)
            else:
                assert canonical(left) != canonical(right)


def test_misspellings_are_the_typed_words_of_typo_sentences() -> None:
    counted = 0
    for case in small_cases():
        for m in case.misspellings:
            assert case.derived[m.start : m.end] == m.word
            j = next(k for k, s in enumerate(case.right) if s.start <= m.start < s.end)
            assert case.right[j].op == "typo"
            counted += m.counted
            if m.counted:
                assert m.word.islower()
    assert counted


def test_moved_links_are_those_off_the_one_longest_in_order_chain() -> None:
    moved = 0
    for case in small_cases():
        links = sorted(case.links, key=lambda t: t.left[0])
        kept = [t.right[0] for t in links if not t.moved]
        assert kept == sorted(kept)
        positions = [t.right[0] for t in links]
        longest = [1] * len(positions)
        for k in range(len(positions)):
            longest[k] += max((longest[j] for j in range(k) if positions[j] < positions[k]), default=0)
        assert max(longest) == len(kept)
        moved += sum(t.moved for t in links)
    assert moved


def test_cases_are_deterministic_by_seed_and_index() -> None:
    pool = make_pool([Source(text, paraphrase) for text, paraphrase in SENTENCES])
    assert make_case(pool, 3, 0, size=(12, 16)) == make_case(pool, 3, 0, size=(12, 16))
    assert make_case(pool, 3, 0, size=(12, 16)) != make_case(pool, 4, 0, size=(12, 16))


def test_the_truth_itself_scores_perfectly() -> None:
    for case in small_cases():
        score = score_case(case, oracle(case))
        assert_perfect(score)
        assert score.clean == score.sentences


def test_a_missing_link_costs_exactly_its_pairs_and_kinds() -> None:
    case = small_cases()[0]
    perfect = oracle(case)
    dropped = next(k for k, t in enumerate(case.links) if t.op == "verbatim")
    score = score_case(case, with_links(perfect, perfect.links[:dropped] + perfect.links[dropped + 1 :]))
    pairs = score.tally("links")
    assert (pairs.truth - pairs.correct, pairs.predicted - pairs.correct) == (1, 0)
    assert score.tally("shared").truth - score.tally("shared").correct == 2
    assert score.tally("unique").predicted - score.tally("unique").correct == 2
    assert [e.type for e in score.errors] == ["verbatim: not linked"]


def test_a_wrong_kind_and_a_false_mark_are_counted() -> None:
    case = small_cases()[0]
    perfect = oracle(case)
    k = next(k for k, t in enumerate(case.links) if t.op == "typo" and not t.moved)
    links = list(perfect.links)
    links[k] = replace(links[k], kind=Kind.PARAPHRASE, moved=True)
    score = score_case(case, with_links(perfect, tuple(links)))
    assert score.tally("typo").correct == score.tally("typo").truth - 2
    assert score.tally("paraphrase").predicted == score.tally("paraphrase").correct + 2
    assert score.tally("moved").predicted == score.tally("moved").correct + 2
    assert score.tally("links").correct == score.tally("links").truth
    assert [e.type for e in score.errors] == ["typo: typo taken for paraphrase"]


def test_an_engine_sentence_cut_in_two_maps_to_the_truth_sentence_it_mostly_covers() -> None:
    truth = (TruthSentence(0, 20, 0, "verbatim"), TruthSentence(21, 30, 0, "verbatim"))
    engine = (Sentence(0, 5, 0), Sentence(6, 30, 0))
    mapping = map_sentences(truth, engine)
    assert mapping.best == (1, 1)
    assert mapping.covers == ((0,), (0, 1))
    assert mapping.exact == (False, False)


def test_the_engine_on_a_base_against_itself_scores_perfectly() -> None:
    for case in small_cases()[:2]:
        verbatim = tuple(replace(s, op="verbatim") for s in case.left)
        links = tuple(TruthLink((i,), (i,), "verbatim", False, False) for i in range(len(verbatim)))
        itself = Case(case.name, case.base, case.base, verbatim, verbatim, links, ())
        score = score_case(itself, compare(Article.from_text(case.base, "a"), Article.from_text(case.base, "b")))
        assert_perfect(score)
        assert score.tally("shared").truth == 2 * len(verbatim)


def test_the_results_section_is_replaced_and_the_others_kept(tmp_path: Path) -> None:
    results = tmp_path / "RESULTS.md"
    results.write_text("# Quality benchmarks\n\n## MRPC\n\nmrpc figures\n", encoding="utf-8")
    write_section(results, ["first"])
    write_section(results, ["second"])
    text = results.read_text(encoding="utf-8")
    assert text.count("## Syndication benchmark") == 1 and "second" in text and "first" not in text
    assert "## MRPC\n\nmrpc figures\n" in text
    results.write_text(text + "\n## Later\n\nlater figures\n", encoding="utf-8")
    write_section(results, ["third"])
    text = results.read_text(encoding="utf-8")
    assert "third" in text and "second" not in text and text.endswith("## Later\n\nlater figures\n")


@pytest.mark.skipif(not (data_dir() / TRAIN).exists(), reason="MRPC not found")
def test_mrpc_cases_score_every_kind_and_mark() -> None:
    cases = make_cases(load_pool(), seed=1, articles=3)
    score = evaluate(cases)
    assert score.sentences["left"] == sum(len(c.left) for c in cases)
    for key in (*KINDS, *MARKS, "links", "misspelling"):
        assert score.tally(key).truth > 0, key


@pytest.mark.skipif(not (data_dir() / TRAIN).exists(), reason="MRPC not found")
def test_added_sentences_share_the_story_s_topics_but_none_of_its_sentences() -> None:
    """As an outlet's own sentences do: an unrelated sentence must stay unique though it names what the story
    names."""
    pool = load_pool()
    added = on_topic = 0
    for case in make_cases(pool, seed=1, articles=5):
        base = [content_words(case.sentence_text("left", i)) for i in range(len(case.left))]
        topics = frozenset().union(*base) & pool.topics.keys()
        for index, sentence in enumerate(case.right):
            if sentence.op != "added":
                continue
            words = content_words(case.sentence_text("right", index))
            added += 1
            on_topic += bool(words & topics)
            assert not any(_related(words, other) for other in base)
    assert added and on_topic >= added / 2
