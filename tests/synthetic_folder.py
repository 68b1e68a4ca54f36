"""A generated folder of news copies for tests and benchmarks of the folder analysis.

Several stories, each an original of about `words` words and copies derived from it (or from an
earlier copy): trimmed, partly paraphrased, with typos, added sentences, moved paragraphs and site
furniture (lists of other headlines, comment prompts, photo credits, footers) appended; plus unrelated
articles from the same sites. Some stories are follow-ups of others (an agency's next story on the same
events): their own sentences, and a few paragraphs of the earlier story reused; they are distinct stories. The text comes from MRPC's training sentences when the shared data folder
is present (paraphrases are MRPC's own sentence pairs), otherwise from a synthetic vocabulary, so the
generator stands on its own.

Run: python tests/synthetic_folder.py OUT_FOLDER [--articles 1000] [--seed 1]
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

MRPC_TRAIN = Path(__file__).resolve().parents[2] / "shared" / "data" / "mrpc" / "msr_paraphrase_train.txt"


@dataclass
class SentenceSource:
    """Mutually unrelated sentences to build articles from, each with a paraphrase where one is known.

    No two sentences of `sentences` are paraphrases of each other, so articles built from disjoint
    sentences share nothing but chance words.
    """

    sentences: list[str]
    paraphrases: dict[str, str]


def mrpc_source(path: Path) -> SentenceSource:
    """One sentence of each family of MRPC pairs (sentences linked by pairs), and its partner as paraphrase."""
    pairs: list[tuple[str, str]] = []
    with path.open(encoding="utf-8-sig") as lines:
        next(lines)
        for line in lines:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 5:
                pairs.append((parts[3].strip(), parts[4].strip()))
    family: dict[str, str] = {}

    def root(sentence: str) -> str:
        while family.get(sentence, sentence) != sentence:
            sentence = family[sentence]
        return sentence

    for first, second in pairs:
        a, b = root(first), root(second)
        if a != b:
            family[a] = b
    sentences: list[str] = []
    paraphrases: dict[str, str] = {}
    seen: set[str] = set()
    for first, second in pairs:
        if root(first) not in seen:
            seen.add(root(first))
            sentences.append(first)
            paraphrases[first] = second
    return SentenceSource(sentences, paraphrases)


_ONSETS = ("b", "br", "c", "cr", "d", "dr", "f", "g", "gr", "h", "j", "k", "l", "m", "n", "p", "pl", "r", "s",
           "st", "t", "tr", "v", "w", "z", "sh", "ch", "th")
_VOWELS = ("a", "e", "i", "o", "u", "ai", "ea", "ou")
_CODAS = ("", "", "n", "r", "s", "l", "m", "nd", "st", "rt", "x")
_FUNCTION_WORDS = ("the", "a", "of", "to", "in", "and", "on", "for", "with", "that", "by", "as", "at", "from",
                   "was", "is", "has", "had", "said", "will", "would", "after", "over")


def synthetic_source(rng: random.Random, sentences: int = 12000) -> SentenceSource:
    """Sentences over a made-up vocabulary with Zipf word frequencies; paraphrases swap in synonyms."""

    def pseudo_word() -> str:
        return "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(rng.randint(1, 3)))

    vocabulary = list(dict.fromkeys(pseudo_word() for _ in range(9000)))
    names = [w.capitalize() for w in vocabulary[:1500]]
    common = vocabulary[1500:]
    synonyms = {w: rng.choice(common) for w in common}
    zipf = list(itertools.accumulate(1.0 / (rank + 1) for rank in range(len(common))))

    def sentence() -> list[str]:
        out: list[str] = []
        for _ in range(rng.randint(10, 28)):
            roll = rng.random()
            if roll < 0.35:
                out.append(rng.choice(_FUNCTION_WORDS))
            elif roll < 0.45:
                out.append(rng.choice(names))
            elif roll < 0.48:
                out.append(str(rng.randint(2, 2000)))
            else:
                out.append(rng.choices(common, cum_weights=zipf)[0])
        return out

    def render(tokens: list[str]) -> str:
        text = " ".join(tokens)
        return text[0].upper() + text[1:] + "."

    made: list[str] = []
    paraphrases: dict[str, str] = {}
    for _ in range(sentences):
        tokens = sentence()
        reworded = [synonyms.get(t, t) if rng.random() < 0.4 else t for t in tokens]
        if len(reworded) > 8 and rng.random() < 0.5:
            cut = rng.randint(3, len(reworded) - 3)
            reworded = reworded[cut:] + ["while"] + reworded[:cut]
        original, paraphrase = render(tokens), render(reworded)
        made.append(original)
        paraphrases[original] = paraphrase
    return SentenceSource(made, paraphrases)


def default_source(rng: random.Random) -> SentenceSource:
    """MRPC's training sentences when the shared data is present, else a synthetic vocabulary."""
    return mrpc_source(MRPC_TRAIN) if MRPC_TRAIN.is_file() else synthetic_source(rng)


@dataclass
class Site:
    """An outlet: its furniture recurs on every page it publishes."""

    comment_prompt: list[str]
    footer: str
    credit: str
    headlines: list[str]


# Sentences kept aside for the headlines of site furniture.
_HEADLINE_SENTENCES = 300
# A follow-up story reuses this many paragraphs of the story it follows (a fifth to a third of its text).
REUSED = 3


def _headline(sentence: str, rng: random.Random) -> str:
    words = sentence.rstrip(".!?").split()
    start = rng.randint(0, max(0, len(words) - 9))
    return " ".join(w[:1].upper() + w[1:] for w in words[start : start + rng.randint(5, 10)])


def _sites(rng: random.Random, pool: list[str], count: int) -> list[Site]:
    headlines = [_headline(s, rng) for s in pool]
    prompts = (
        ["Leave a Reply", "Your email address will not be published. Required fields are marked *"],
        ["Comments", "Join the conversation", "Log in to comment"],
        ["One thought on this story", "Leave a Comment"],
        ["Share this article", "Facebook", "Twitter", "Email"],
    )
    sites = []
    for number in range(count):
        name = f"Site{number:02d} News"
        sites.append(
            Site(
                comment_prompt=list(rng.choice(prompts)),
                footer=f"Copyright {name}. All rights reserved",
                credit=f"Photo: {name} / Agency",
                headlines=rng.sample(headlines, 40),
            )
        )
    return sites


def _furniture(site: Site, rng: random.Random) -> tuple[list[str], list[str]]:
    """Lines a page of `site` carries before and after the story."""
    before = [site.credit] if rng.random() < 0.3 else []
    after: list[str] = []
    if rng.random() < 0.6:
        after.append("Latest news")
        after.extend(rng.sample(site.headlines, rng.randint(6, 14)))
    if rng.random() < 0.5:
        after.extend(site.comment_prompt)
    if rng.random() < 0.5:
        after.append(site.footer)
    if rng.random() < 0.2:
        rng.shuffle(after)
    return before, after


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 4 or not word.isalpha():
        return word
    k = rng.randint(1, len(word) - 2)
    roll = rng.random()
    if roll < 0.33:
        return word[:k] + word[k + 1] + word[k] + word[k + 2 :]
    if roll < 0.66:
        return word[:k] + word[k + 1 :]
    return word[:k] + word[k] + word[k:]


@dataclass
class _Story:
    title: str
    paragraphs: list[list[str]]


def _story(sentences: list[str], rng: random.Random, title: str) -> _Story:
    paragraphs: list[list[str]] = []
    position = 0
    while position < len(sentences):
        size = rng.randint(1, 3)
        paragraphs.append(sentences[position : position + size])
        position += size
    return _Story(title, paragraphs)


def _follow_up(story: _Story, sentences: list[str], rng: random.Random, title: str) -> _Story:
    """A new story on the events of `story`: its own `sentences`, with REUSED paragraphs of `story` (its
    background) among them."""
    own = _story(sentences, rng, title)
    reused = [list(p) for p in story.paragraphs[-REUSED:]]
    at = rng.randint(1, len(own.paragraphs))
    return _Story(title, own.paragraphs[:at] + reused + own.paragraphs[at:])


def _derive(story: _Story, source: SentenceSource, pool: list[str], rng: random.Random) -> _Story:
    """A copy of `story`: trimmed, partly paraphrased, with typos, additions and moved paragraphs.

    Added sentences are taken off `pool`, so no two articles share one.
    """
    keep = max(2, round(len(story.paragraphs) * rng.uniform(0.65, 1.0)))
    paragraphs = [list(p) for p in story.paragraphs[:keep] if rng.random() > 0.1 or p is story.paragraphs[0]]
    rewording, typos = rng.uniform(0.0, 0.5), rng.uniform(0.0, 0.03)
    for paragraph in paragraphs:
        for k, sentence in enumerate(paragraph):
            if rng.random() < rewording:
                sentence = source.paraphrases.get(sentence, sentence)
            paragraph[k] = " ".join(_typo(w, rng) if rng.random() < typos else w for w in sentence.split(" "))
    for _ in range(rng.randint(0, 2)):
        if pool:
            rng.choice(paragraphs).insert(0, pool.pop())
    for _ in range(rng.randint(0, 2) if len(paragraphs) > 2 else 0):
        a, b = rng.randrange(1, len(paragraphs)), rng.randrange(1, len(paragraphs))
        paragraphs[a], paragraphs[b] = paragraphs[b], paragraphs[a]
    title = source.paraphrases.get(story.title, story.title) if rng.random() < 0.3 else story.title
    return _Story(title, paragraphs)


def _render(story: _Story, site: Site, rng: random.Random) -> str:
    before, after = _furniture(site, rng)
    blocks = [story.title, *before, *(" ".join(p) for p in story.paragraphs), *after]
    return "\n\n".join(blocks) + "\n"


@dataclass(frozen=True)
class SyntheticFolder:
    """The generated folder and its truth: the story of each file (unrelated articles: a story of one)."""

    folder: Path
    stories: dict[str, int]

    def same_story_pairs(self) -> set[tuple[str, str]]:
        """Every unordered pair of file names of one story, as sorted tuples."""
        by_story: dict[int, list[str]] = {}
        for name, story in self.stories.items():
            by_story.setdefault(story, []).append(name)
        return {(a, b) for names in by_story.values() for a in names for b in names if a < b}

    def precision_recall(self, clusters: Iterable[Iterable[str]]) -> tuple[float, float]:
        """Precision and recall of the same-story pairs that `clusters` (groups of file names) put together."""
        found = {tuple(sorted(pair)) for names in clusters for pair in itertools.combinations(names, 2)}
        truth = self.same_story_pairs()
        hits = len(found & truth)
        return hits / max(1, len(found)), hits / max(1, len(truth))


def generate_folder(
    out: Path,
    articles: int = 1000,
    *,
    stories: int = 12,
    follow_ups: int = 0,
    unrelated_share: float = 0.1,
    words: int = 800,
    seed: int = 1,
    source: SentenceSource | None = None,
) -> SyntheticFolder:
    """Write `articles` article files into `out` (created if needed) and return the truth. The last
    `follow_ups` of the `stories` follow the first ones (see _follow_up)."""
    rng = random.Random(seed)
    source = source or default_source(rng)
    pool = list(source.sentences)
    rng.shuffle(pool)
    mean_words = sum(len(s.split()) for s in pool[:500]) / 500
    per_article = max(3, round(words / mean_words))
    sites = _sites(rng, pool[-_HEADLINE_SENTENCES:], max(4, articles // 25))
    pool = pool[:-_HEADLINE_SENTENCES]

    story_count = max(1, min(stories, articles))
    story_sentences = story_count * per_article
    # Copies take about one added sentence each, and unrelated articles take sentences nobody else uses:
    # sharing sentences would make them copies of each other.
    added = pool[story_sentences : story_sentences + articles]
    unrelated_pool = pool[story_sentences + articles :]
    unrelated = min(round(articles * unrelated_share), len(unrelated_pool) // per_article, articles - story_count)
    copies = articles - unrelated
    story_sizes = [copies // story_count + (1 if k < copies % story_count else 0) for k in range(story_count)]

    texts: list[tuple[str, int]] = []
    originals: list[_Story] = []
    first_follow_up = story_count - min(follow_ups, story_count // 2)
    for story_id, size in enumerate(story_sizes):
        chosen = pool[story_id * per_article : (story_id + 1) * per_article]
        if story_id >= first_follow_up:
            original = _follow_up(originals[story_id - first_follow_up], chosen, rng, _headline(chosen[0], rng))
        else:
            original = _story(chosen, rng, _headline(chosen[0], rng))
        originals.append(original)
        versions = [original]
        texts.append((_render(original, rng.choice(sites), rng), story_id))
        for _ in range(size - 1):
            parent = original if rng.random() < 0.75 else rng.choice(versions)
            copy = _derive(parent, source, added, rng)
            versions.append(copy)
            texts.append((_render(copy, rng.choice(sites), rng), story_id))
    for k in range(unrelated):
        chosen = unrelated_pool[k * per_article : (k + 1) * per_article]
        texts.append((_render(_story(chosen, rng, _headline(chosen[0], rng)), rng.choice(sites), rng), story_count + k))

    rng.shuffle(texts)
    out.mkdir(parents=True, exist_ok=True)
    truth: dict[str, int] = {}
    for number, (text, story_id) in enumerate(texts):
        name = f"{number:04d}_{rng.getrandbits(48):012x}.txt"
        (out / name).write_text(text, encoding="utf-8")
        truth[name] = story_id
    return SyntheticFolder(out, truth)


def main() -> None:
    """Generate a folder from the command line and write its truth as JSON next to it."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--synthetic", action="store_true", help="made-up vocabulary even when MRPC is present")
    args = parser.parse_args()
    source = synthetic_source(random.Random(args.seed)) if args.synthetic else None
    made = generate_folder(args.out, args.articles, seed=args.seed, source=source)
    truth = args.out.with_name(args.out.name + ".truth.json")
    truth.write_text(json.dumps(made.stories, indent=1), encoding="utf-8")
    print(f"{len(made.stories)} articles in {args.out}; truth in {truth}")


if __name__ == "__main__":
    main()
