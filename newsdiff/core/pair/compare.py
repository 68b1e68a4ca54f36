"""The analysis of a pair of copies: one pure function from two articles to a Comparison."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Iterable, Sequence

from newsdiff.core.model import Comparison, Document, Kind, Link, Side
from newsdiff.core.pair.align import Group, align, display_rows, moved_groups
from newsdiff.core.pair.altered import Reworded, link_alterations
from newsdiff.core.pair.edits import COPIED_RUN, MOVED_RUNS, Reused, character_edits, runs_of, word_edits
from newsdiff.core.pair.facts import Passage, figure_counts
from newsdiff.core.pair.kinds import kind_of_link
from newsdiff.core.pair.similarity import SentenceFeatures, matrices, sentence_features
from newsdiff.core.pair.spelling import Suspect, document_words, misspellings, suspects
from newsdiff.core.read.articles import Article
from newsdiff.core.run.blas_threads import one_blas_thread
from newsdiff.core.text.lexicon import STOPWORDS
from newsdiff.core.text.normalize import Token, canonical, tokens, words
from newsdiff.core.text.segment import segment

# A line in title case capitalises its words longer than this many letters, its short ones ("a", "of", "the")
# maybe not ("Leave a Reply"); a higher value takes more lines for title case, whose capitals then name no one.
TITLE_CASE_LETTERS = 3


@dataclass(frozen=True)
class Prepared:
    """What compare needs of one article, whatever it is compared with."""

    document: Document
    sentences: tuple[str, ...]
    features: SentenceFeatures
    words: frozenset[str]
    pairs: frozenset[tuple[str, str]]  # its pairs of adjacent content words, case-folded
    runs: frozenset[tuple[str, ...]]  # its runs of COPIED_RUN words, case-folded

    # Taken at the first comparison that needs them: a folder's coverage links sentences without either.
    @cached_property
    def sentence_tokens(self) -> tuple[tuple[Token, ...], ...]:
        """The tokens of each sentence."""
        return tuple(tuple(tokens(self.document.text, s.start, s.end)) for s in self.document.sentences)

    @cached_property
    def sentence_runs(self) -> tuple[frozenset[tuple[str, ...]], ...]:
        """The runs of MOVED_RUNS words of each sentence that hold a content word, case-folded ("would be a" is
        in too many sentences to say that it moved)."""
        return tuple(
            frozenset(run for length in MOVED_RUNS for run in runs_of(ws, length) if not STOPWORDS.issuperset(run))
            for ws in map(words, self.sentences)
        )

    @cached_property
    def suspected(self) -> tuple[Suspect, ...]:
        """The words that look misspelt, unless the other side spells them so too."""
        return suspects(self.document)

    def canonical_of(self, indices: Sequence[int]) -> str:
        """The canonical form of the sentences, joined as one passage."""
        if len(indices) == 1:
            return self.features.canonical[indices[0]]
        return canonical(" ".join(self.sentences[i] for i in indices))

    @cached_property
    def sentence_words(self) -> tuple[tuple[str, ...], ...]:
        """The case-folded words of each sentence."""
        return tuple(tuple(t.folded for t in ts if t.is_word) for ts in self.sentence_tokens)

    @cached_property
    def plain_capitals(self) -> frozenset[int]:
        """The offsets of the words capitalised whatever they are: the first word of each sentence, and every word
        of a line in title case, a heading or a button rather than a sentence ("Leave a Reply": no full stop, and
        every word longer than TITLE_CASE_LETTERS letters capitalised)."""
        found: set[int] = set()
        for ts in self.sentence_tokens:
            word_tokens = [t for t in ts if t.is_word]
            ends_a_sentence = bool(ts) and ts[-1].text in ".!?"
            if len(word_tokens) > 1 and not ends_a_sentence and all(
                t.text[0].isupper() for t in word_tokens if len(t.text) > TITLE_CASE_LETTERS
            ):
                found.update(t.start for t in word_tokens)
            elif word_tokens:
                found.add(word_tokens[0].start)
        return frozenset(found)

    @cached_property
    def sentence_counts(self) -> tuple[tuple[tuple[str, str], ...], ...]:
        """The figure_counts of each sentence: the words its figures count."""
        return tuple(tuple(figure_counts(ws)) for ws in self.sentence_words)

    def passage(self, indices: Sequence[int]) -> Passage:
        """The sentences as the rules of facts read one side of a link."""
        counts = [count for i in indices for count in self.sentence_counts[i]]
        text = " ".join(self.sentences[i] for i in indices)
        return Passage(self.words_of(indices), counts, self.words, self.plain_capitals, text, self.tokens_of(indices))

    def words_of(self, indices: Sequence[int]) -> list[str]:
        """The case-folded words of the sentences, in order."""
        return [word for i in indices for word in self.sentence_words[i]]

    def tokens_of(self, indices: Sequence[int]) -> list[Token]:
        """The tokens of the sentences, in order."""
        return [token for i in indices for token in self.sentence_tokens[i]]


@lru_cache(maxsize=512)
def prepare(article: Article) -> Prepared:
    """The article segmented, with its sentence features; kept, since a folder compares each file many times."""
    document = segment(article)
    sentences = tuple(document.sentence_text(i) for i in range(len(document.sentences)))
    features = sentence_features(sentences)
    word_lists = [words(s) for s in sentences]
    pairs = frozenset(pair for ws in word_lists for pair in zip(ws, ws[1:]) if not STOPWORDS.intersection(pair))
    runs = frozenset(run for ws in word_lists for run in runs_of(ws, COPIED_RUN))
    return Prepared(document, sentences, features, frozenset(document_words(document)), pairs, runs)


def link_groups(left: Prepared, right: Prepared) -> list[Group]:
    """The sentences of two prepared articles linked to each other, before they are classified."""
    return align(matrices(left.features, right.features), left.features, right.features)


def reused(own: Prepared, sentences: Sequence[int]) -> Reused:
    """What a link's sentences of one side offer for reuse to the other side's words (see word_edits)."""
    content, runs = own.features.content, own.sentence_runs
    if len(sentences) == 1:
        return Reused(content[sentences[0]], own.pairs, own.runs, runs[sentences[0]])
    return Reused(
        frozenset().union(*(content[s] for s in sentences)), own.pairs, own.runs,
        frozenset().union(*(runs[s] for s in sentences)),
    )


@one_blas_thread()  # its products are small: see blas_threads
def compare(left: Article, right: Article, *, known_words: Iterable[str] = ()) -> Comparison:
    """How `right` relates to `left`: links, unique sentences, misspellings and display rows.

    `known_words` are case-folded words of other copies of the folder; like the words of the other side,
    they are taken as spelt on purpose and never marked as misspellings.
    """
    lp, rp = prepare(left), prepare(right)
    left_doc, right_doc = lp.document, rp.document
    left_sentences, right_sentences = lp.sentences, rp.sentences
    groups = link_groups(lp, rp)
    moved = moved_groups(groups)

    classified = [
        kind_of_link(lp.canonical_of(g.left), rp.canonical_of(g.right), lp.tokens_of(g.left), rp.tokens_of(g.right))
        for g in groups
    ]
    # Shared and typo links say the same thing by construction; only reworded pairs can have changed a claim.
    reworded = [k for k, (kind, _, _) in enumerate(classified) if kind is Kind.PARAPHRASE]
    alterations = dict(zip(reworded, link_alterations([
        Reworded(classified[k][1], lp.passage(groups[k].left), rp.passage(groups[k].right)) for k in reworded
    ])))

    links = []
    for k, (group, (kind, changes, slips)) in enumerate(zip(groups, classified)):
        if kind is Kind.TYPO:
            edits = character_edits(left_doc, right_doc, changes)
        elif kind is Kind.PARAPHRASE:
            edits = word_edits(
                changes, left_reused=reused(rp, group.right), right_reused=reused(lp, group.left)
            ) + character_edits(left_doc, right_doc, slips)
        else:
            edits = []
        similarity = 1.0 if kind is Kind.SHARED else min(max(group.score, 0.0), 1.0)
        reasons = alterations.get(k, ())
        links.append(
            Link(
                tuple(group.left), tuple(group.right), kind, similarity, k in moved, bool(reasons), tuple(edits),
                reasons,
            )
        )
    linked_left = {i for g in groups for i in g.left}
    linked_right = {j for g in groups for j in g.right}
    known = frozenset(known_words)
    return Comparison(
        left=left_doc,
        right=right_doc,
        links=tuple(links),
        unique_left=tuple(i for i in range(len(left_sentences)) if i not in linked_left),
        unique_right=tuple(j for j in range(len(right_sentences)) if j not in linked_right),
        misspellings=tuple(
            misspellings(left_doc, Side.LEFT, lp.suspected, rp.words | known)
            + misspellings(right_doc, Side.RIGHT, rp.suspected, lp.words | known)
        ),
        rows=tuple(display_rows(left_doc, right_doc, groups, moved)),
    )
