"""Bytes to text: byte-order marks, UTF-8, legacy encodings guessed from the bytes; hints about damaged text.

charset-normalizer alone misreads short Western European news copies (measured here: seeds re-encoded as
Windows-1252 came back as cp775, mac_roman or big5hkscs), so its guesses follow a short list of encodings that
news copies are saved in, and each candidate's decoding is scored for how natural its non-ASCII characters
look: the least odd decoding wins, earlier in the list on a tie. Rare encodings (ISO-8859-5, the CJK ones)
come from charset-normalizer's guesses only, so that they never win a tie against a common one.
"""

from __future__ import annotations

import codecs
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import ftfy
import ftfy.badness
from charset_normalizer import from_bytes


class ContentError(ValueError):
    """Bytes that do not hold a readable article; the message is the reason, for the user."""


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, the encoding used, whether it was guessed, and how many bytes were not in it."""

    text: str
    encoding: str
    guessed: bool = False
    foreign_bytes: int = 0  # bytes of a UTF-8 file that are not UTF-8, read as Windows-1252 instead
    # the encodings guessed for lines of a UTF-8 file that are in another one (mixed encodings), in order
    line_encodings: tuple[str, ...] = ()


BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

SIGNATURES = (  # file-type magic numbers, for a reason more useful than "binary"
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old-style Office file (such as .doc); save it as .docx"),
    (b"{\\rtf", "an RTF document; save it as .docx or .txt"),
    (b"\x7fELF", "a program"),
)

# The encodings news copies are saved in when not in Unicode, most common first (the tie-break order).
LEGACY_ENCODINGS = (
    "cp1252",
    "iso8859_15",
    "cp1250",
    "iso8859_2",
    "cp1251",
    "koi8_r",
    "cp1253",
    "iso8859_7",
    "cp1254",
    "cp1257",
    "iso8859_13",
    "cp1255",
    "cp1256",
)

SAMPLE_BYTES = 32 * 1024  # enough to tell encodings apart, small enough to score a dozen of them quickly
CONTROL_SHARE = 0.01  # more control characters than this share (0 to 1) of the text: binary, not an article
# charset-normalizer's first guesses tried after the legacy encodings: more reach rarer encodings, more slowly.
CHARSET_GUESSES = 3
# A text whose letters are at least this share (0 to 1) ASCII is English or the like: its few letters of another
# script are Latin letters read in the wrong encoding. With it, short Polish Windows-1250 text is no longer read as
# KOI8-R, and 20,000 random legacy-encoded texts read back.
MOSTLY_ASCII = 0.9

_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f\x80-\x9f\ud800-\udfff\ue000-\uf8ff\ufff0-\ufffc]")

# Characters ordinary in news text: quotes, dashes, spaces, currency, marks.
_COMMON = set("’‘´ʼ“”„‚«»‹›–—‐‑…•·€£¥¢°§©®™¡¿\u00a0\u2002\u2003\u2009\u200a\u202f\u00ad")
_IN_WORD = set("’‘´ʼ'-‐‑·")  # apostrophes and hyphens sit inside words; other symbols do not
_RARE_LETTERS = set("þðÞÐªºƒµţŢ")
# The accented letters of languages written in Latin script: a right decoding's letters mostly fit one of them
# ("Pøedseda" has Danish ø among Czech letters: Czech read as Windows-1252).
LATIN_ALPHABETS = (
    "àâæçéèêëîïôœùûüÿ",  # French
    "äöüß",  # German
    "áéíñóúü",  # Spanish
    "áâãàçéêíóôõú",  # Portuguese
    "àèéìíîòóùú",  # Italian
    "éëïóöüè",  # Dutch
    "æøåéó",  # Danish, Norwegian
    "åäöé",  # Swedish, Finnish
    "áðéíóúýþæö",  # Icelandic
    "ąćęłńóśźż",  # Polish
    "áčďéěíňóřšťúůýž",  # Czech
    "áäčďéíĺľňóôŕšťúýž",  # Slovak
    "áéíóöőúüű",  # Hungarian
    "ăâîșțşţ",  # Romanian
    "čćđšž",  # Croatian, Slovene, Serbian, Bosnian
    "çğıöşüâîİ",  # Turkish
    "āčēģīķļņšūž",  # Latvian
    "ąčęėįšųūž",  # Lithuanian
    "äöõüšž",  # Estonian
    "àçéèíïóòúü",  # Catalan
)


def decode(data: bytes, declared: str | None = None) -> Decoded:
    """The text of `data`: by its byte-order mark, as UTF-8, in the `declared` encoding, else the likeliest guess.

    Raises ContentError when the bytes are binary or fit no text encoding.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            name = encoding_label(encoding)
            try:
                return _checked(Decoded(data.decode(encoding), encoding))
            except UnicodeDecodeError:
                raise ContentError(f"undecodable: it starts with a {name} mark but is not valid {name}") from None
    for signature, kind in SIGNATURES:
        if data.startswith(signature):
            raise ContentError(f"not a text file: {kind}")
    nul = b"\x00" in data
    if nul or len(data) - len(data.translate(None, _CONTROL_BYTES)) > CONTROL_SHARE * len(data):
        # UTF-16 saved without its mark: ASCII letters come with a NUL byte each, others with control bytes
        utf16 = _utf16_without_mark(data)
        if utf16 is not None:
            return utf16
        raise ContentError(f"binary file ({'it contains NUL bytes' if nul else 'it is full of control characters'})")
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError:
        pass
    mixed = _by_lines(data)
    if mixed is not None:
        return _checked(mixed)
    codec = _codec(declared) if declared else None
    if codec:
        # A wrong declaration is common on saved pages: one that fails, gives control characters (Windows-1252
        # quotes read as ISO-8859-2) or names no text codec (base64) is ignored and the encoding guessed.
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            text = None
        if text is not None and not _NOT_TEXT.search(text):
            return Decoded(text, codec)
    return _checked(_guess(data))


# Natural text in a script that separates words has at least this share (0 to 1) of ASCII white space; binary
# data read as UTF-16, or UTF-16 read in the wrong byte order (a space then reads as U+2000), has hardly any
# (English prose: about 0.17, Russian 0.13).
MIN_SPACE_SHARE = 0.05
# The letters of a natural text are at least this share (0 to 1) of one script (a Russian text quoting English
# names stays above it); binary data read as UTF-16 mixes scripts at random.
MAIN_SCRIPT_SHARE = 0.8


def _utf16_without_mark(data: bytes) -> Decoded | None:
    """The text of `data` as UTF-16 without a byte-order mark, little- or big-endian, if it reads as natural
    text in either; else None. Little-endian first: Windows saves it so."""
    if len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        letters = [_script(char) for char in text[:SAMPLE_BYTES] if char.isalpha()]
        main = Counter(letters).most_common(1)[0][1] if letters else 0
        sample = text[:SAMPLE_BYTES]
        if (
            len(_NOT_TEXT.findall(sample)) <= CONTROL_SHARE * len(sample)
            and sum(char in " \t\n\r" for char in sample) >= MIN_SPACE_SHARE * len(sample)
            and main >= MAIN_SCRIPT_SHARE * len(letters)
        ):
            return Decoded(text, encoding, guessed=True)
    return None


# A file has UTF-8 lines when its lines that are valid UTF-8 hold at least this many multi-byte sequences: one
# could be chance in a legacy encoding (cp1251 "Рё" is UTF-8 "и"), two in separate words hardly are.
MIN_UTF8_SEQUENCES = 2


def _by_lines(data: bytes) -> Decoded | None:
    """The text of a UTF-8 file with lines or bytes in other encodings (pasted together from several sources),
    each line read as what it is; None if the file is not UTF-8 in part.

    A line that is mostly UTF-8 keeps its stray bytes as Windows-1252 (a UTF-8 file with some Windows-1252 pasted
    in, or cut inside a character); a line with no UTF-8 in it is read in the legacy encoding that looks most
    natural for it (one code page for the whole file would garble the lines in others). Scoring is slow (some
    microseconds a character): once GUESS_BUDGET bytes were scored, later lines take the commonest guess so far.
    """
    lines = data.splitlines(keepends=True)
    valid = []
    for line in lines:
        try:
            line.decode("utf-8")
            valid.append(True)
        except UnicodeDecodeError:
            valid.append(False)
    in_valid_lines = sum(len(_UTF8_SEQUENCE.findall(line)) for line, ok in zip(lines, valid) if ok)
    if in_valid_lines < MIN_UTF8_SEQUENCES and _foreign_to_utf8(data) is None:
        return None
    pieces: list[str] = []
    foreign = 0
    guessed: Counter[str] = Counter()
    budget = GUESS_BUDGET
    for line, ok in zip(lines, valid):
        stray = None if ok else _foreign_to_utf8(line)
        if ok or stray is not None:
            pieces.append(line.decode("utf-8", errors=_CP1252_FALLBACK))
            foreign += stray or 0
            continue
        encoding = _likeliest_legacy(line[:LINE_SAMPLE]) if budget > 0 else guessed.most_common(1)[0][0]
        budget -= min(len(line), LINE_SAMPLE)
        try:
            pieces.append(line.decode(encoding))
        except UnicodeDecodeError:  # the sample fitted, the rest did not
            encoding = "iso8859_15"  # reads any bytes
            pieces.append(line.decode(encoding))
        guessed[encoding] += 1
    return Decoded("".join(pieces), "utf-8", foreign_bytes=foreign, line_encodings=tuple(guessed))


# The bytes of a line scored to guess its encoding, and of all lines of a file: enough to tell encodings apart,
# few enough to keep a file of mixed encodings within a second.
LINE_SAMPLE = 1024
GUESS_BUDGET = SAMPLE_BYTES


def _likeliest_legacy(sample: bytes) -> str:
    """The legacy encoding in which `sample` reads most naturally (earlier in the list on a tie); the first with
    nothing odd ends the search. ISO-8859-15, among them, reads any bytes."""
    scored = []
    for rank, encoding in enumerate(LEGACY_ENCODINGS):
        try:
            scored.append((_oddity(sample.decode(encoding)), rank, encoding))
        except UnicodeDecodeError:
            continue
        if scored[-1][0] == 0:
            break
    return min(scored)[2]


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH_BYTES = bytes(range(0x80, 0x100))
_CP1252_FALLBACK = "newsdiff-cp1252-fallback"


def _foreign_to_utf8(data: bytes) -> int | None:
    """The number of bytes outside valid UTF-8 sequences if `data` is mostly UTF-8 (a UTF-8 file with some
    Windows-1252 pasted in, or one cut inside a character), else None.

    Valid multi-byte UTF-8 sequences hardly ever occur by chance in legacy-encoded text, where most accented
    letters are lone high bytes; so at least as many valid sequences as stray bytes says UTF-8.
    """
    sequences = _UTF8_SEQUENCE.findall(data)
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    stray = high - sum(map(len, sequences))
    return stray if sequences and len(sequences) >= stray else None


def _cp1252_fallback(error: UnicodeDecodeError) -> tuple[str, int]:
    """Decoding error handler: bytes that are not UTF-8 read as Windows-1252."""
    return "".join(_byte_as_cp1252(b) for b in error.object[error.start : error.end]), error.end


def _codec(label: str) -> str | None:
    """Python's codec for an encoding label, with ISO-8859-1 and ASCII read as Windows-1252 as browsers do."""
    try:
        name = codecs.lookup(label.strip()).name
    except LookupError:
        return None
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def _guess(data: bytes) -> Decoded:
    """The most natural-looking decoding of `data` among the legacy encodings and charset-normalizer's guesses.

    A decoding with nothing odd about it ends the search: no later candidate can beat it, and charset-normalizer
    (a few milliseconds a file) is then never asked.
    """
    sample = data[:SAMPLE_BYTES]
    scored = []
    for rank, encoding in enumerate(_candidates(sample)):
        try:
            text = codecs.getincrementaldecoder(encoding)().decode(sample, final=len(sample) == len(data))
        except (UnicodeDecodeError, LookupError):
            continue
        scored.append((_oddity(text), rank, encoding))
        if scored[-1][0] == 0:
            break
    for _, _, encoding in sorted(scored):
        try:
            return Decoded(data.decode(encoding), encoding, guessed=True)
        except UnicodeDecodeError:
            continue  # the sample fitted, the rest did not
    raise ContentError("undecodable: its bytes fit no text encoding")


def _candidates(sample: bytes) -> Iterator[str]:
    """The legacy encodings in order, then charset-normalizer's first guesses for `sample` (asked only if reached)."""
    yield from LEGACY_ENCODINGS
    guesses = [match.encoding for match in from_bytes(sample)][:CHARSET_GUESSES]
    yield from (encoding for encoding in guesses if encoding not in LEGACY_ENCODINGS)


def _checked(decoded: Decoded) -> Decoded:
    """`decoded`, unless its text is mostly control or private characters (binary data that happened to decode)."""
    text = decoded.text
    if len(_NOT_TEXT.findall(text, 0, SAMPLE_BYTES)) > CONTROL_SHARE * min(len(text), SAMPLE_BYTES):
        raise ContentError(f"binary file (as {encoding_label(decoded.encoding)} it is full of control characters)")
    return decoded


_EAST_ASIAN = {"CJK", "HIRAGANA", "KATAKANA", "HALFWIDTH", "FULLWIDTH", "IDEOGRAPHIC"}  # mixed freely in one word


@lru_cache(maxsize=4096)
def _script(char: str) -> str:
    """The writing system of a letter, from the first word of its Unicode name: LATIN, CYRILLIC, GREEK, CJK, …"""
    script = unicodedata.name(char, "?").split(" ", 1)[0]
    return "CJK" if script in _EAST_ASIAN else script


def _oddity(text: str) -> float:
    """How unnatural the non-ASCII characters of `text` look: scripts mixed inside words, symbols inside words,
    capitals inside lower-case words, runs of accented letters, rare signs, accented Latin letters that no one
    language uses together. 0 for plain ASCII."""
    score = 0.0
    latin_letters: Counter[str] = Counter()
    for match in re.finditer(r"[^\x00-\x7f]", text):
        i = match.start()
        char = match.group()
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        category = unicodedata.category(char)
        if category[0] == "C" and char != "\u00ad":
            score += 5
        elif category[0] == "L":
            script = _script(char)
            if script == "LATIN":
                latin_letters[char.lower()] += 1
            score += sum(2 for n in (before, after) if n.isalpha() and _script(n) != script)
            score += char.isupper() and before.islower()
            score += char in _RARE_LETTERS
            # three accented Latin letters in a row: what Greek or Cyrillic looks like read as Latin
            accented = [not n.isascii() and n.isalpha() for n in (before, after)]
            score += 0.5 * (script == "LATIN" and all(accented))
        elif category != "Zs":
            score += 2 * (before.isalpha() and after.isalpha() and char not in _IN_WORD)
            score += char not in _COMMON
            # a sign such as ° or © glued to the start of a word ("°rodki"): a letter misread as a symbol
            score += category in ("So", "Sm", "Sk") and after.isalpha() and not before.isalnum()
    best_fit = max(sum(n for letter, n in latin_letters.items() if letter in alphabet) for alphabet in LATIN_ALPHABETS)
    return score + latin_letters.total() - best_fit + _foreign_letters(text)


def _foreign_letters(text: str) -> float:
    """Half a point for each letter of another script in a text written almost wholly in ASCII letters: a
    few Cyrillic or Greek letters among Latin words are Latin letters read in the wrong encoding."""
    letters = [ch for ch in text if ch.isalpha()]
    foreign = [ch for ch in letters if not ch.isascii() and _script(ch) != "LATIN"]
    ascii_share = sum(ch.isascii() for ch in letters) / (len(letters) or 1)
    return 0.5 * len(foreign) if ascii_share >= MOSTLY_ASCII else 0.0


def encoding_label(encoding: str) -> str:
    """The familiar name of a Python codec: Windows-1252, ISO-8859-2, UTF-16, KOI8-R."""
    name = codecs.lookup(encoding).name
    if name.startswith("cp125"):
        return "Windows-" + name[2:]
    if name.startswith("iso8859-"):
        return "ISO-8859-" + name[8:]
    return name.upper().replace("-SIG", "")


def _byte_as_cp1252(byte: int) -> str:
    """How a byte shows when read as Windows-1252 (its five holes read as Latin-1, as browsers do)."""
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


codecs.register_error(_CP1252_FALLBACK, _cp1252_fallback)

# A mojibake hint quotes at most this many of the sequences it found.
MAX_EXAMPLES = 3
_NON_ASCII_WORD = re.compile(r"\S*[^\x00-\x7f]\S*")


def mojibake(text: str) -> dict[str, str]:
    """The mojibake found in `text`, each with the text that was meant, as ftfy repairs it: UTF-8 read as
    Windows-1252 or Latin-1 (`Mayorâ€™s`, `Mayorâ\x80\x99s`), once or twice over (`NoÃƒÂ«l`).

    Each word with non-ASCII characters is asked once (a text has a few thousand such words at most); the
    sequence quoted is the part that differs, so that a hint reads `"â€™" for "’"`.
    """
    found: dict[str, str] = {}
    for word in dict.fromkeys(_NON_ASCII_WORD.findall(text)):
        if not ftfy.badness.is_bad(word):
            continue
        meant = ftfy.fix_encoding(word)
        if meant == word:
            continue
        head = len(os.path.commonprefix([word, meant]))
        tail = len(os.path.commonprefix([word[head:][::-1], meant[head:][::-1]]))
        found.setdefault(word[head : len(word) - tail], meant[head : len(meant) - tail])
    return found


def _visible(text: str) -> str:
    """The text with characters that do not print (the C1 controls of Latin-1 mojibake) as \\x escapes."""
    return "".join(char if char.isprintable() else f"\\x{ord(char):02x}" for char in text)


def text_hints(text: str) -> tuple[str, ...]:
    """Plain-language notes about damage in `text` that is shown as found: mojibake, replacement characters."""
    hints = []
    found = mojibake(text)
    if found:
        count = sum(text.count(seen) for seen in found)
        examples = ", ".join(
            f'"{_visible(seen)}" for "{_visible(meant)}"' for seen, meant in list(found.items())[:MAX_EXAMPLES]
        )
        hints.append(
            f"mojibake: {examples} ({count} in all): text read in the wrong encoding before this copy was saved"
        )
    lost = text.count("\ufffd")
    if lost:
        plural = "s" * (lost > 1)
        hints.append(f"{lost} replacement character{plural} (�): characters were lost in an earlier conversion")
    return tuple(hints)
