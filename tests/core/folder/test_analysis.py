"""The folder analysis: clusters, base, coverage, boilerplate, cache, progress and cancellation."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest

from newsdiff.core.folder import analysis as folder
from newsdiff.core.folder import boilerplate, coverage
from newsdiff.core.folder.analysis import FolderAnalysis, analyse_articles, analyse_folder, with_base
from newsdiff.core.folder.clustering import SAME_STORY
from newsdiff.core.model import Kind, Side, Span
from newsdiff.core.pair.compare import compare
from newsdiff.core.read.articles import Article, load_article
from newsdiff.core.run.progress import AnalysisCancelled
from newsdiff.core.text.normalize import typographic
from newsdiff.core.text.segment import paragraph_spans
from tests.conftest import seed
from tests.synthetic_folder import SyntheticFolder, generate_folder, synthetic_source

HEADLINES_002 = ("'The Muppet Show' Star Miss Piggy", "Will Smith Surprises Wife Jada Pinkett")
PROMPTS_000 = ("One thought on", "Leave a Reply", "Your email address will not be published")
LEADS = {
    "000": "President Vladimir Putin on Friday urged beleaguered Ukrainian troops",
    "002": "MOSCOW: President Vladimir Putin on Friday called on beleaguered Ukrainian troops",
    "003": "President Vladimir Putin called on Friday for beleaguered Ukrainian troops",
}


@pytest.fixture(scope="module")
def sample(fixtures_dir: Path) -> FolderAnalysis:
    return analyse_folder(fixtures_dir)


def _index(analysis: FolderAnalysis, prefix: str) -> int:
    return next(i for i, a in enumerate(analysis.articles) if Path(a.article.path).name.startswith(prefix))


def _in_boilerplate(analysis: FolderAnalysis, prefix: str, fragment: str) -> bool:
    item = analysis.articles[_index(analysis, prefix)]
    # The seeds hold en spaces and no-break spaces; typographic() folds them without moving offsets.
    start = typographic(item.article.text).index(typographic(fragment))
    end = start + len(fragment)
    return any(s.start <= start and end <= s.end for s in item.boilerplate)


def test_sample_folder_is_one_story_with_003_or_002_as_base(sample: FolderAnalysis) -> None:
    assert len(sample.articles) == 5
    assert [sorted(c.articles) for c in sample.clusters] == [[0, 1, 2, 3, 4]]
    base = Path(sample.articles[sample.clusters[0].base].article.path).name
    assert base.startswith(("003", "002"))
    assert {a.cluster for a in sample.articles} == {0}


def test_sample_headline_list_and_comment_prompts_are_boilerplate_but_leads_are_not(sample: FolderAnalysis) -> None:
    for fragment in HEADLINES_002:
        assert _in_boilerplate(sample, "002", fragment), fragment
    for fragment in PROMPTS_000:
        assert _in_boilerplate(sample, "000", fragment), fragment
    for prefix, lead in LEADS.items():
        assert not _in_boilerplate(sample, prefix, lead), prefix
    # Every line of 002's list, not only its ends.
    text = sample.articles[_index(sample, "002")].article.text
    for line in text[text.index("'The Muppet Show'") :].splitlines():
        assert _in_boilerplate(sample, "002", line.strip()), line


def test_coverage_counts_other_copies_carrying_each_base_sentence(sample: FolderAnalysis) -> None:
    cluster = sample.clusters[0]
    base = sample.articles[cluster.base]
    assert cluster.coverage
    assert all(0 <= s.copies <= len(cluster.articles) - 1 for s in cluster.coverage)
    lead = base.article.text.index("beleaguered Ukrainian troops")
    lead_sentence = next(s for s in cluster.coverage if s.start <= lead < s.end)
    assert lead_sentence.copies >= 2 and not lead_sentence.boilerplate
    assert any(s.boilerplate for s in cluster.coverage)
    assert base.carries == 1.0
    assert all(0.0 < a.carries < 1.0 for i, a in enumerate(sample.articles) if i != cluster.base)


def test_the_editor_can_choose_another_base(sample: FolderAnalysis) -> None:
    chosen = _index(sample, "002")
    changed = with_base(sample, 0, chosen)
    cluster = changed.clusters[0]
    assert cluster.base == chosen and cluster.articles == sample.clusters[0].articles
    text = changed.articles[chosen].article.text
    assert cluster.coverage and all(0 <= s.start < s.end <= len(text) for s in cluster.coverage)
    assert changed.articles[chosen].carries == 1.0
    assert all(0.0 <= a.carries <= 1.0 for a in changed.articles)
    # 003 is the wire story 002 shortened: it carries all of 002's story.
    assert changed.articles[_index(sample, "003")].carries >= 0.9
    with pytest.raises(ValueError):
        with_base(sample, 0, 99)


def test_pairs_are_scored_candidates_with_similarity_in_unit_range(sample: FolderAnalysis) -> None:
    assert sample.pairs and sample.candidate_pairs == len(sample.pairs)
    assert all(p.a < p.b and 0.0 <= p.similarity <= 1.0 for p in sample.pairs)


def test_boilerplate_is_left_out_of_similarity(fixtures_dir: Path, tmp_path: Path) -> None:
    """Appending 002's headline list to an unrelated text does not make it similar to 002."""
    text_002 = load_article(seed("002")).text
    headlines = text_002[text_002.index("-\n'The Muppet Show'") :]
    unrelated = "Local bakery wins award\n\n" + "\n\n".join(
        f"The bakery on {street} Street sold {n} loaves of rye bread on Saturday morning." for n, street in
        [(120, "Elm"), (95, "Oak"), (210, "Pine"), (80, "Birch")]
    )
    articles = [load_article(seed("002")), Article.from_text(unrelated + "\n\n" + headlines, "bakery.txt")]
    analysis = analyse_articles(articles)
    assert len(analysis.clusters) == 2
    assert all(p.similarity < SAME_STORY for p in analysis.pairs)


def test_shape_rules_keep_a_title_block_and_mark_a_trailing_footer() -> None:
    text = (
        "Council approves new budget\n\nCouncil approves new budget\n\nCouncil approves budget\n\n"
        "The city council approved the new budget on Monday after a long debate.\n\n"
        "The budget raises spending on schools and roads.\n\n"
        "Share this article\n\nFacebook\n\nCopyright Example News"
    )
    paragraphs = paragraph_spans(text)
    flagged = boilerplate.shape_furniture(text, paragraphs)
    assert flagged == {5, 6, 7}


def test_a_paragraph_recurring_across_clusters_is_boilerplate() -> None:
    prints = [[1, 2, 9], [3, 2], [4, 9]]
    assert boilerplate.recurring(prints, [0, 0, 1]) == [{2}, set(), {1}]


def test_spans_join_consecutive_paragraphs() -> None:
    paragraphs = [Span(0, 5), Span(7, 9), Span(11, 20), Span(22, 30)]
    assert boilerplate.spans(paragraphs, {1, 2, 3}) == [Span(7, 30)]
    assert boilerplate.spans(paragraphs, {0, 2}) == [Span(0, 5), Span(11, 20)]


def test_tiny_and_empty_story_articles_are_clusters_of_one() -> None:
    articles = [Article.from_text("Hello", "a.txt"), Article.from_text("Leave a Reply\n\nShare", "b.txt")]
    analysis = analyse_articles(articles)
    assert sorted(c.articles for c in analysis.clusters) == [(0,), (1,)]
    assert all(c.base == c.articles[0] for c in analysis.clusters)


def _precision_recall(made: SyntheticFolder, analysis: FolderAnalysis) -> tuple[float, float]:
    names = [Path(a.article.path).name for a in analysis.articles]
    return made.precision_recall([names[i] for i in c.articles] for c in analysis.clusters)


def test_generated_folder_stories_are_recovered(tmp_path: Path) -> None:
    made = generate_folder(tmp_path / "folder", 100, stories=4, seed=3)
    analysis = analyse_folder(made.folder)
    precision, recall = _precision_recall(made, analysis)
    assert precision >= 0.95 and recall >= 0.95
    assert all(a.boilerplate for a in analysis.articles if "Latest news" in a.article.text)


def test_generator_stands_alone_without_the_shared_data(tmp_path: Path) -> None:
    made = generate_folder(tmp_path / "folder", 40, stories=3, seed=4, source=synthetic_source(random.Random(4)))
    assert len(list(made.folder.iterdir())) == 40
    precision, recall = _precision_recall(made, analyse_folder(made.folder))
    assert precision >= 0.95 and recall >= 0.95


def test_cache_serves_a_second_run_without_recomputing(fixtures_dir: Path, tmp_path: Path, monkeypatch) -> None:
    first = analyse_folder(fixtures_dir, cache_dir=tmp_path / "cache")
    assert (tmp_path / "cache").is_dir()

    def fail(*args, **kwargs):
        raise AssertionError("recomputed despite the cache")

    def no_jobs(jobs, workers=None):
        assert not jobs, "compared again despite the cache"
        yield from ()

    monkeypatch.setattr(folder, "article_features", fail)
    monkeypatch.setattr(folder, "run_jobs", no_jobs)
    second = analyse_folder(fixtures_dir, cache_dir=tmp_path / "cache")
    assert [(a.sha256, a.boilerplate, a.carries) for a in first.articles] == [
        (a.sha256, a.boilerplate, a.carries) for a in second.articles
    ]
    assert first.clusters == second.clusters and first.pairs == second.pairs


def test_results_cached_by_other_code_are_not_used(fixtures_dir: Path, tmp_path: Path, monkeypatch) -> None:
    analyse_folder(fixtures_dir, cache_dir=tmp_path / "cache")
    monkeypatch.setattr(folder, "code_version", lambda: "an updated engine")
    computed = []
    features = folder.article_features
    monkeypatch.setattr(folder, "article_features", lambda text: computed.append(text) or features(text))
    analyse_folder(fixtures_dir, cache_dir=tmp_path / "cache")
    assert len(computed) == 5


def test_a_changed_file_is_analysed_again(tmp_path: Path) -> None:
    folder_path = tmp_path / "folder"
    folder_path.mkdir()
    for prefix in ("000", "003"):
        (folder_path / seed(prefix).name).write_text(load_article(seed(prefix)).text, encoding="utf-8")
    before = analyse_folder(folder_path, cache_dir=tmp_path / "cache")
    target = folder_path / seed("000").name
    target.write_text(target.read_text(encoding="utf-8") + "\n\nA new closing paragraph was added.\n", encoding="utf-8")
    after = analyse_folder(folder_path, cache_dir=tmp_path / "cache")
    assert before.articles[0].sha256 != after.articles[0].sha256
    assert after.articles[0].words == before.articles[0].words + 6


def test_an_unusable_cache_folder_is_ignored(fixtures_dir: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    analysis = analyse_folder(fixtures_dir, cache_dir=blocked / "cache")
    assert len(analysis.clusters) == 1


def test_progress_runs_to_the_total_and_cancel_stops_the_analysis(fixtures_dir: Path) -> None:
    seen: list[tuple[int, int]] = []
    analyse_folder(fixtures_dir, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (10, 10)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)

    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(AnalysisCancelled):
        analyse_folder(fixtures_dir, cancelled=cancelled)


def test_worker_processes_give_the_same_coverage_as_this_process(monkeypatch) -> None:
    base, other = load_article(seed("003")), load_article(seed("002"))
    jobs = [coverage.Job(0, base, (other,)), coverage.Job(1, other, ())]
    here = sorted(coverage.run_jobs(jobs, workers=1), key=lambda r: r.key)
    monkeypatch.setattr(coverage, "POOL_MIN_COMPARISONS", 0)
    there = sorted(coverage.run_jobs(jobs, workers=2), key=lambda r: r.key)
    assert here == there
    assert here[0].carried[0] and here[1].carried == ()


def test_coverage_links_agree_with_compare(tmp_path: Path) -> None:
    made = generate_folder(tmp_path / "folder", 12, stories=1, seed=6)
    generated = [load_article(path) for path in sorted(made.folder.iterdir())[:4]]
    seeds = [load_article(seed(prefix)) for prefix in ("003", "000", "001", "002", "004")]
    pairs = [*itertools.permutations(seeds[:3], 2), (seeds[0], seeds[3]), (seeds[4], seeds[0])]
    for base, other in pairs + list(itertools.permutations(generated, 2)):
        comparison = compare(base, other)
        count = len(comparison.left.sentences)
        linked = {i for i in range(count) if comparison.kind_of(Side.LEFT, i) is not Kind.UNIQUE}
        assert coverage.carried(base, other) == linked


def test_coverage_of_the_other_stories_waits_until_asked(tmp_path: Path) -> None:
    made = generate_folder(tmp_path / "folder", 24, stories=2, unrelated_share=0.0, seed=5)
    lazy = analyse_folder(made.folder, covered=1)
    assert [c.covered for c in lazy.clusters] == [True, False]
    waiting = lazy.clusters[1]
    assert waiting.coverage == ()
    assert all(lazy.articles[m].carries is None for m in waiting.articles if m != waiting.base)
    full = analyse_folder(made.folder)
    covered = with_base(lazy, 1, waiting.base)
    assert covered.clusters[1] == full.clusters[1]
    assert [a.carries for a in covered.articles] == [a.carries for a in full.articles]
