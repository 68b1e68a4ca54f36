"""The analysis of a pair of copies: one pure function from two articles to a Comparison."""

from __future__ import annotations

from typing import Iterable

from newsdiff.core.align import align, display_rows, moved_groups
from newsdiff.core.articles import Article
from newsdiff.core.classify import character_edits, kind_of_link, word_edits
from newsdiff.core.model import Comparison, Kind, Link, Side
from newsdiff.core.segment import segment
from newsdiff.core.similarity import matrices, sentence_features
from newsdiff.core.spelling import document_words, misspellings


def compare(left: Article, right: Article, *, known_words: Iterable[str] = ()) -> Comparison:
    """How `right` relates to `left`: links, unique sentences, misspellings and display rows.

    `known_words` are case-folded words of other copies of the folder; like the words of the other side,
    they are taken as spelt on purpose and never marked as misspellings.
    """
    left_doc, right_doc = segment(left), segment(right)
    left_sentences = [left_doc.sentence_text(i) for i in range(len(left_doc.sentences))]
    right_sentences = [right_doc.sentence_text(j) for j in range(len(right_doc.sentences))]
    left_features, right_features = sentence_features(left_sentences), sentence_features(right_sentences)
    groups = align(matrices(left_features, right_features), left_features, right_features)
    moved = moved_groups(groups)

    classified = [kind_of_link(left_doc, right_doc, g.left, g.right) for g in groups]

    links = []
    for k, (group, (kind, changes)) in enumerate(zip(groups, classified)):
        if kind is Kind.TYPO:
            edits = character_edits(left_doc, right_doc, changes)
        else:
            edits = word_edits(changes)
        similarity = 1.0 if kind is Kind.SHARED else min(max(group.score, 0.0), 1.0)
        links.append(
            Link(tuple(group.left), tuple(group.right), kind, similarity, k in moved, edits=tuple(edits))
        )
    linked_left = {i for g in groups for i in g.left}
    linked_right = {j for g in groups for j in g.right}
    left_words, right_words = document_words(left_doc), document_words(right_doc)
    known = set(known_words)
    return Comparison(
        left=left_doc,
        right=right_doc,
        links=tuple(links),
        unique_left=tuple(i for i in range(len(left_sentences)) if i not in linked_left),
        unique_right=tuple(j for j in range(len(right_sentences)) if j not in linked_right),
        misspellings=tuple(
            misspellings(left_doc, Side.LEFT, right_words | known)
            + misspellings(right_doc, Side.RIGHT, left_words | known)
        ),
        rows=tuple(display_rows(left_doc, right_doc, groups, moved)),
    )
