"""Folder analysis: the story clusters of a folder's copies, a suggested base for each, how much of the base
each copy carries, and each copy's site furniture (boilerplate).

Steps, each measured on the seed articles, METER's wire-and-newspaper copies and generated folders:
1. Per article (cached by the SHA-256 of its text): paragraphs, furniture by shape, paragraph fingerprints,
   skip-gram shingles per paragraph, and a MinHash signature of its rare words.
2. Candidate pairs from MinHash LSH over the rare-word signatures, instead of all n² pairs.
3. Each candidate pair scored by the cosine of the two copies' shingle sets, furniture left out;
   clusters are stories, not topics: average linkage that keeps two dense groups with a thin bridge apart
   (see clustering.py).
4. Paragraphs that recur in copies of different clusters, about other things than their copy's story, are
   furniture too (a site's footer, an offer); a paragraph of prose another copy carries as story never is.
   The pairs are scored again without the furniture and the clusters formed again.
5. The base of a cluster is the copy sharing the most shingles with the others (ties: the longest story).
6. Coverage: the comparison engine tells which base sentences each other copy carries.
"""

from __future__ import annotations

import hashlib
import importlib.util
import time
from collections import Counter
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import numpy as np
from datasketch import MinHashLSH

from newsdiff.core.folder import boilerplate, similarity
from newsdiff.core.folder.cache import AnalysisCache
from newsdiff.core.folder.clustering import story_groups
from newsdiff.core.folder.coverage import Job, chunks, run_jobs
from newsdiff.core.folder.features import ArticleFeatures, article_features, decode, encode, spans_from, whole_number
from newsdiff.core.folder.fingerprint import NUM_PERM, minhash_of
from newsdiff.core.folder.overlap import shared_with_others, story_shingles
from newsdiff.core.model import Span
from newsdiff.core.read.articles import Article, ArticleError, load_folder
from newsdiff.core.run.progress import AnalysisCancelled, Cancelled, Progress

# LSH bands of two rows over 256 permutations (bands x rows = fingerprint.NUM_PERM): a pair sharing 14% of its rare
# words (the least of a real rewrite) becomes a candidate with probability 0.91, one sharing 4% (unrelated stories)
# with 0.18. Fewer rows a band make more pairs candidates.
LSH_BANDS, LSH_ROWS = 128, 2
# The modules whose code decides what is cached (features; coverage by the engine's alignment): cached
# results are used only while their source is unchanged, so an updated engine never meets stale results.
CACHED_BY = (
    "newsdiff.core.folder.features", "newsdiff.core.folder.boilerplate", "newsdiff.core.folder.fingerprint",
    "newsdiff.core.folder.coverage", "newsdiff.core.pair.compare", "newsdiff.core.pair.align",
    "newsdiff.core.pair.similarity", "newsdiff.core.text.segment", "newsdiff.core.text.normalize",
    "newsdiff.core.text.lexicon", "newsdiff.core.pair.embed",
)


@lru_cache(maxsize=1)
def code_version() -> str:
    """A digest of the source of the CACHED_BY modules (their names alone where the source is not at hand)."""
    digest = hashlib.sha256()
    for name in CACHED_BY:
        origin = importlib.util.find_spec(name).origin
        try:
            digest.update(Path(origin).read_bytes())
        except (OSError, TypeError):
            digest.update(name.encode())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class FolderArticle:
    """A copy in the folder: the article, a SHA-256 (of its file's bytes, or of its text when it has no file),
    words, cluster, furniture and base share."""

    article: Article
    sha256: str
    words: int
    cluster: int
    boilerplate: tuple[Span, ...]
    carries: float | None  # how much of its cluster's base it carries (similarity.carries; 1 for the base;
    # None until its cluster's coverage is computed, see analyse_articles)


@dataclass(frozen=True)
class SentenceCoverage:
    """A sentence of a cluster's base and how many other copies of the cluster carry it."""

    start: int
    end: int
    copies: int
    boilerplate: bool


@dataclass(frozen=True)
class Cluster:
    """The copies of one story (indices into FolderAnalysis.articles), its suggested base and its coverage."""

    articles: tuple[int, ...]
    base: int
    coverage: tuple[SentenceCoverage, ...]
    covered: bool = True  # False until its coverage is computed (with_base computes it on demand)


@dataclass(frozen=True)
class ScoredPair:
    """A candidate pair of copies and how alike they are (similarity.alike, in [0, 1], furniture left out)."""

    a: int
    b: int
    similarity: float


@dataclass(frozen=True)
class FolderAnalysis:
    """Everything the overview shows of a folder."""

    articles: tuple[FolderArticle, ...]
    skipped: tuple[ArticleError, ...]
    clusters: tuple[Cluster, ...]
    pairs: tuple[ScoredPair, ...]
    seconds: float

    @property
    def candidate_pairs(self) -> int:
        """How many pairs LSH proposed and were scored."""
        return len(self.pairs)

    def members(self, cluster: int) -> list[int]:
        """The copies of story `cluster`: its base first, then the copies carrying most of the base."""
        found = self.clusters[cluster]
        return sorted(found.articles, key=lambda m: (m != found.base, -(self.articles[m].carries or 0.0)))


class _Tracker:
    """Counts units of work for the progress callback and raises AnalysisCancelled when asked to stop."""

    def __init__(self, total: int, progress: Progress | None, cancelled: Cancelled | None) -> None:
        self.done, self.total = 0, total
        self._progress, self._cancelled = progress, cancelled

    def step(self, units: int = 1) -> None:
        self.done += units
        if self._progress is not None:
            self._progress(self.done, self.total)
        self.check()

    def check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise AnalysisCancelled()


def _features(
    articles: Sequence[Article], hashes: Sequence[str], cache: AnalysisCache, tracker: _Tracker
) -> list[ArticleFeatures]:
    """The features of each article, from the cache when it holds them."""
    found = []
    for article, digest in zip(articles, hashes):
        stored = cache.get_bytes("features", digest)
        try:
            features = decode(stored, len(article.text)) if stored is not None else None
        except ValueError:
            cache.drop("features", digest)
            features = None
        if features is None:
            features = article_features(article.text)
            cache.put_bytes("features", digest, encode(features))
        found.append(features)
        tracker.step()
    cache.flush()
    return found


def _candidates(features: Sequence[ArticleFeatures]) -> list[tuple[int, int]]:
    """Pairs (a, b), a < b, whose rare-word signatures collide in at least one LSH band."""
    lsh = MinHashLSH(num_perm=NUM_PERM, params=(LSH_BANDS, LSH_ROWS))
    signed = [(index, minhash_of(f.signature)) for index, f in enumerate(features) if f.signature is not None]
    for index, minhash in signed:
        lsh.insert(index, minhash)
    pairs = {(index, other) for index, minhash in signed for other in lsh.query(minhash) if other > index}
    return sorted(pairs)


def _score(candidates: Sequence[tuple[int, int]], stories: Sequence[np.ndarray]) -> tuple[np.ndarray, list[int]]:
    """The similarity of each candidate pair, and the cluster of each article."""
    scores = similarity.alike(candidates, stories)
    return scores, story_groups(len(stories), candidates, scores)


def _pass_one_exclusions(features: Sequence[ArticleFeatures]) -> list[set[int]]:
    """Furniture by shape, and short paragraphs found in more than one article (maybe furniture, maybe a
    title): before clusters are known, either is left out of similarity."""
    counts = Counter(value for f in features for value in set(f.fingerprints))
    return [
        set(f.furniture)
        | {
            index
            for index, (value, words) in enumerate(zip(f.fingerprints, f.paragraph_words))
            if words <= boilerplate.LIST_LINE_WORDS and counts[value] > 1
        }
        for f in features
    ]


def _base(members: Sequence[int], stories: Sequence[np.ndarray], story_words: Sequence[int]) -> int:
    """The member sharing the most shingles with the others; ties go to the longest story, then the first."""
    shared = dict(zip(members, shared_with_others(members, stories)))
    return max(members, key=lambda m: (shared[m], story_words[m], -m))


@dataclass
class _BaseCoverage:
    sentences: tuple[Span, ...] | None
    carried: dict[int, frozenset[int]]


def _coverage(
    articles: Sequence[Article],
    hashes: Sequence[str],
    groups: Sequence[tuple[int, list[int]]],
    cache: AnalysisCache,
    tracker: _Tracker,
    workers: int | None,
) -> list[_BaseCoverage]:
    """For each (base, others) group: the base's sentences and the base sentences each other copy carries."""
    found = [_BaseCoverage(None, {}) for _ in groups]
    jobs: list[Job] = []
    owners: list[tuple[int, list[int]]] = []  # by job key: the group and its other copies
    for number, (base, others) in enumerate(groups):
        result = found[number]
        result.sentences = _stored_sentences(cache, hashes[base], len(articles[base].text))
        if result.sentences is not None:
            tracker.step()
        missing = []
        for other in others:
            # without the base's sentences, what copies carry of them cannot be checked: all are compared again
            carried = _stored_carried(cache, f"{hashes[base]}:{hashes[other]}", result.sentences)
            if carried is None:
                missing.append(other)
            else:
                result.carried[other] = carried
                tracker.step()
        if missing or result.sentences is None:
            for chunk in chunks(missing):
                jobs.append(Job(len(owners), articles[base], tuple(articles[m] for m in chunk)))
                owners.append((number, chunk))
    with closing(run_jobs(jobs, workers=workers)) as results:
        for outcome in results:
            number, others = owners[outcome.key]
            base, result = groups[number][0], found[number]
            units = 0
            if result.sentences is None:
                result.sentences = outcome.sentences
                cache.put("sentences", hashes[base], [[s.start, s.end] for s in outcome.sentences])
                units += 1
            for other, carried in zip(others, outcome.carried):
                result.carried[other] = carried
                cache.put("carried", f"{hashes[base]}:{hashes[other]}", sorted(carried))
                units += 1
            cache.flush()
            tracker.step(units)
    return found


def _stored_sentences(cache: AnalysisCache, key: str, length: int) -> tuple[Span, ...] | None:
    """The cached sentence spans of a base text of `length` characters, if well-formed (else dropped)."""
    stored = cache.get("sentences", key)
    if stored is None:
        return None
    try:
        return spans_from(stored, length)
    except (TypeError, ValueError):
        cache.drop("sentences", key)
        return None


def _stored_carried(cache: AnalysisCache, key: str, sentences: Sequence[Span] | None) -> frozenset[int] | None:
    """The cached base sentences a copy carries, if well-formed: distinct sentence numbers of the base in
    increasing order, as they are stored (a planted list of every number would make every copy 100%)."""
    if sentences is None:
        return None
    stored = cache.get("carried", key)
    if stored is None:
        return None
    valid = isinstance(stored, list) and all(whole_number(i) and 0 <= i < len(sentences) for i in stored)
    if not valid or any(a >= b for a, b in zip(stored, stored[1:])):
        cache.drop("carried", key)
        return None
    return frozenset(stored)


def _text_hash(article: Article) -> str:
    # Cached results depend on the text alone, whatever file and encoding it came from.
    return hashlib.sha256(article.text.encode("utf-8", "surrogatepass")).hexdigest()


def _cluster(
    base: int, others: Sequence[int], found: _BaseCoverage, text: str, spans: Sequence[Span]
) -> tuple[Cluster, dict[int, float]]:
    """The cluster with its base's coverage, and the share of the base each of its copies carries.

    `text` and `spans` are the base's text and furniture.
    """
    sentences = found.sentences or ()
    story = [weight > 0 for weight in similarity.story_weights(text, sentences, spans)]
    copies = [sum(1 for o in others if i in found.carried[o]) for i in range(len(sentences))]
    coverage = tuple(SentenceCoverage(s.start, s.end, n, not keep) for s, n, keep in zip(sentences, copies, story))
    carries = {base: 1.0} | {o: similarity.carries(text, sentences, spans, found.carried[o]) for o in others}
    return Cluster(tuple(sorted((base, *others))), base, coverage), carries


@dataclass(frozen=True)
class _Stories:
    """The first half of the analysis: each article's features and furniture, the scored candidate pairs, and
    the clusters as (base, other members) groups, largest first."""

    features: list[ArticleFeatures]
    furniture: list[set[int]]
    candidates: list[tuple[int, int]]
    scores: np.ndarray
    groups: list[tuple[int, list[int]]]

    def closest_to(self, base: int, others: Sequence[int]) -> int | None:
        """The copy of `others` estimated to carry most of `base` (similarity.carries_estimate; ties: the first);
        None when there are none."""
        stories = [story_shingles(self.features[m].shingles, self.furniture[m]) for m in (base, *others)]
        estimates = [similarity.carries_estimate(stories[0], story) for story in stories[1:]]
        return max(zip(others, estimates), key=lambda pair: (pair[1], -pair[0]), default=(None, 0.0))[0]

    def furniture_spans(self) -> tuple[tuple[Span, ...], ...]:
        """Each article's furniture as spans of its text."""
        return tuple(tuple(boilerplate.spans(f.paragraphs, x)) for f, x in zip(self.features, self.furniture))


def _furniture(
    articles: Sequence[Article], features: Sequence[ArticleFeatures], clusters: Sequence[int]
) -> list[set[int]]:
    """Each article's furniture: by shape, and what recurs in copies of other stories without being about its own;
    less what another copy carries as story (a sentence of a story is never furniture)."""
    furniture = [set(f.furniture) for f in features]
    for article, again in enumerate(boilerplate.recurring([f.fingerprints for f in features], clusters)):
        again -= furniture[article]
        if again:
            f = features[article]
            about = boilerplate.about_the_story(articles[article].text, f.paragraphs, furniture[article] | again)
            furniture[article] |= {index for index in again if not about[index]}
    pieces = [[a.text[p.start : p.end] for p in f.paragraphs] for a, f in zip(articles, features)]
    carried = boilerplate.carried_elsewhere(furniture, [f.shingles for f in features], pieces, clusters)
    return [marked - kept for marked, kept in zip(furniture, carried)]


def _stories(articles: Sequence[Article], hashes: Sequence[str], cache: AnalysisCache, tracker: _Tracker) -> _Stories:
    """Features, furniture, candidate pairs, clusters and their suggested bases (no engine comparison)."""
    features = _features(articles, hashes, cache, tracker)
    candidates = _candidates(features)

    first = _pass_one_exclusions(features)
    _, first_clusters = _score(candidates, [story_shingles(f.shingles, x) for f, x in zip(features, first)])
    furniture = _furniture(articles, features, first_clusters)
    stories = [story_shingles(f.shingles, x) for f, x in zip(features, furniture)]
    scores, cluster_of = _score(candidates, stories)
    tracker.check()

    members: dict[int, list[int]] = {}
    for index, cluster in enumerate(cluster_of):
        members.setdefault(cluster, []).append(index)
    ordered = sorted(members.values(), key=lambda m: (-len(m), m[0]))
    story_words = [
        sum(w for index, w in enumerate(f.paragraph_words) if index not in x) for f, x in zip(features, furniture)
    ]
    bases = [_base(m, stories, story_words) for m in ordered]
    groups = [(base, [m for m in group if m != base]) for base, group in zip(bases, ordered)]
    return _Stories(features, furniture, candidates, scores, groups)


@dataclass(frozen=True)
class Outline:
    """What the first half of the analysis tells without comparing the copies sentence by sentence."""

    suggested_base: int  # the copy the others derive from most, in the largest story
    furniture: tuple[tuple[Span, ...], ...]  # each article's site furniture
    closest: int | None  # the copy of the suggested base's story that carries most of it (None: it is alone)


def outline(articles: Sequence[Article], *, cache_dir: Path | None = None) -> Outline | None:
    """The suggested base and each article's site furniture, as the analysis finds them; None for no articles."""
    if not articles:
        return None
    cache = AnalysisCache(cache_dir, code_version())
    try:
        stories = _stories(articles, [_text_hash(a) for a in articles], cache, _Tracker(len(articles), None, None))
    finally:
        cache.close()
    base, others = stories.groups[0]
    return Outline(base, stories.furniture_spans(), stories.closest_to(base, others))


def suggested_base(articles: Sequence[Article], *, cache_dir: Path | None = None) -> int | None:
    """The index of the copy the others derive from most, in the largest story of `articles` (as the overview
    suggests it), without comparing them sentence by sentence; None for no articles."""
    found = outline(articles, cache_dir=cache_dir)
    return None if found is None else found.suggested_base


def analyse_articles(
    articles: Sequence[Article],
    skipped: Sequence[ArticleError] = (),
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    cache_dir: Path | None = None,
    workers: int | None = None,
    covered: int | None = None,
) -> FolderAnalysis:
    """The analysis of these copies (`skipped`: the files that could not be read, reported as such).

    The coverage (how much of its base each copy carries) is computed for the `covered` largest stories (None:
    all of them); the others' clusters are not `covered` and their copies' `carries` None until `with_base`
    computes them (the viewer computes the story on screen first: the coverage is the slowest part).

    `progress(done, total)` is called as work advances and `cancelled()` polled, from the calling thread;
    when it returns true the analysis stops with AnalysisCancelled. Results are cached in `cache_dir`
    (None: no cache). Safe to call from a worker thread. Large folders are compared in `workers` processes
    (default: one per processor, at most four; 1: none), started with the spawn method: a script calling
    this must guard its entry point with `if __name__ == "__main__":`.
    """
    started = time.perf_counter()
    tracker = _Tracker(2 * len(articles), progress, cancelled)
    tracker.check()
    cache = AnalysisCache(cache_dir, code_version())
    try:
        hashes = [_text_hash(a) for a in articles]
        stories = _stories(articles, hashes, cache, tracker)
        groups = stories.groups
        now = groups if covered is None else groups[:covered]
        tracker.total = len(articles) + sum(1 + len(others) for _, others in now)
        found_coverage = _coverage(articles, hashes, now, cache, tracker, workers)
    finally:
        cache.close()

    spans = stories.furniture_spans()
    carries: list[float | None] = [1.0] * len(articles)
    cluster_number = [0] * len(articles)
    clusters = []
    for number, (base, others) in enumerate(groups):
        if number < len(found_coverage):
            cluster, shares = _cluster(base, others, found_coverage[number], articles[base].text, spans[base])
        else:
            cluster = Cluster(tuple(sorted((base, *others))), base, (), covered=False)
            shares = {base: 1.0} | dict.fromkeys(others)
        clusters.append(cluster)
        for member, share in shares.items():
            cluster_number[member], carries[member] = number, share

    return FolderAnalysis(
        articles=tuple(
            FolderArticle(a, a.sha256 or h, len(a.text.split()), cluster_number[i], spans[i], carries[i])
            for i, (a, h) in enumerate(zip(articles, hashes))
        ),
        skipped=tuple(skipped),
        clusters=tuple(clusters),
        pairs=tuple(
            ScoredPair(a, b, round(float(score), 4)) for (a, b), score in zip(stories.candidates, stories.scores)
        ),
        seconds=time.perf_counter() - started,
    )


def analyse_folder(
    folder: Path | str,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    cache_dir: Path | None = None,
    workers: int | None = None,
    covered: int | None = None,
) -> FolderAnalysis:
    """The analysis of the article files of `folder` (see analyse_articles); unreadable files are skipped."""
    articles, errors = load_folder(folder)
    return analyse_articles(
        articles, errors, progress=progress, cancelled=cancelled, cache_dir=cache_dir, workers=workers, covered=covered
    )


def with_base(
    analysis: FolderAnalysis,
    cluster: int,
    base: int,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    cache_dir: Path | None = None,
    workers: int | None = None,
) -> FolderAnalysis:
    """The analysis with article `base` as the base of cluster `cluster` (the editor's choice over the
    suggestion): that cluster's coverage, and the share of the base each of its copies carries, computed
    again. Keywords as for analyse_articles; raises ValueError if `base` is not in the cluster."""
    members = analysis.clusters[cluster].articles
    if base not in members:
        raise ValueError(f"article {base} is not in cluster {cluster}")
    others = [m for m in members if m != base]
    articles = [a.article for a in analysis.articles]
    tracker = _Tracker(len(members), progress, cancelled)
    cache = AnalysisCache(cache_dir, code_version())
    try:
        hashes = [_text_hash(a) for a in articles]
        (found,) = _coverage(articles, hashes, [(base, others)], cache, tracker, workers)
    finally:
        cache.close()
    chosen, shares = _cluster(base, others, found, articles[base].text, analysis.articles[base].boilerplate)
    return replace(
        analysis,
        articles=tuple(replace(a, carries=shares.get(i, a.carries)) for i, a in enumerate(analysis.articles)),
        clusters=tuple(chosen if number == cluster else c for number, c in enumerate(analysis.clusters)),
    )
