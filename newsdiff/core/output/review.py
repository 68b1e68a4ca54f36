"""The editor's review of a folder: the differences checked, the copies reviewed, the notes, and the session
(the base, the copy shown, the kinds hidden), kept outside the folder and never in an article.

One JSON file per folder, `reviews/<digest of the folder's path>.json` under the data folder
($XDG_DATA_HOME/newsdiff), written atomically and validated on read: a file that fails validation is moved
aside (`….corrupt-<time>.json`, kept for the user) and the review starts empty, saying so.

A copy is named by its path relative to the folder and the sha256 of its bytes; a review made of other bytes
than the file holds now is *stale*: still shown, marked as such, never dropped. A difference is named by the
text of its sentences on both sides (and which of equal ones it is), so it keeps its review when the same texts
are compared again, and a difference a changed copy still shows keeps its stale check. A pair's review serves
both orders of the pair (swapping the sides keeps it): it is stored with its files in the order of their names.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from newsdiff.core.model import Comparison, Difference, Side
from newsdiff.core.output.safe_write import write_text_atomically
from newsdiff.core.places import default_data_dir
from newsdiff.core.read.articles import Article

SCHEMA = "newsdiff.review/1"
REVIEWS = "reviews"  # the subfolder of the data folder holding one review file per folder
MAX_STORE_BYTES = 64 * 1024 * 1024  # a review file larger than this is not read (a folder's notes are kilobytes)
ID_DIGEST_CHARS = 24  # hex digits of a difference's text digest kept in its id: 96 bits, no collision in practice


# ----- the file, as validated on read


class _Strict(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class FileRecord(_Strict):
    """A copy as it was when reviewed: its name in the folder and the sha256 of its bytes."""

    name: str
    sha256: str


class CopyRecord(_Strict):
    """The review of one copy (as it was: `file`)."""

    file: FileRecord
    reviewed: bool = False
    note: str = ""
    updated: str = ""


class DifferenceRecord(_Strict):
    """The review of one difference."""

    checked: bool = False
    note: str = ""


class PairRecord(_Strict):
    """The review of one pair of copies (as they were), its files in the order of their names."""

    a: FileRecord
    b: FileRecord
    differences: dict[str, DifferenceRecord] = Field(default_factory=dict)
    updated: str = ""


class SessionRecord(_Strict):
    """Where the editor was in the folder: the base, the copy shown (names in the folder), the kinds hidden."""

    base: str | None = None
    copy_shown: str | None = None
    hidden: tuple[str, ...] = ()


class StoreRecord(_Strict):
    """A review file."""

    schema_: str = Field(alias="schema", pattern=f"^{SCHEMA}$")
    folder: str
    copies: tuple[CopyRecord, ...] = ()
    pairs: tuple[PairRecord, ...] = ()
    session: SessionRecord = SessionRecord()


Record = TypeVar("Record", CopyRecord, PairRecord)


# ----- what the front ends read


@dataclass(frozen=True)
class Mark:
    """The review of one difference as shown: checked, its note, and whether that review was made of other
    bytes than the copies hold now (stale)."""

    checked: bool = False
    note: str = ""
    stale: bool = False


@dataclass(frozen=True)
class CopyReview:
    """The review of one copy as shown."""

    reviewed: bool = False
    note: str = ""
    stale: bool = False


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def review_folder(paths: Sequence[str]) -> Path:
    """The folder whose review holds these files: the folder holding them all (for a folder that is opened,
    that folder itself), so the viewer and the command line find one review for the same files."""
    parents = [str(Path(path).resolve().parent) for path in paths if path]
    return Path(os.path.commonpath(parents)) if parents else Path.cwd().resolve()


def store_path(folder: Path, data_dir: Path | None = None) -> Path:
    """The review file of `folder` under `data_dir` (default: the data folder)."""
    digest = hashlib.sha256(str(folder).encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return (data_dir if data_dir is not None else default_data_dir()) / REVIEWS / f"{digest}.json"


def file_sha256(article: Article) -> str:
    """The sha256 of the article's bytes (of its UTF-8 text for text from memory)."""
    return article.sha256 or hashlib.sha256(article.text.encode("utf-8", "surrogatepass")).hexdigest()


def difference_ids(comparison: Comparison, differences: Sequence[Difference], *, flipped: bool = False) -> list[str]:
    """The ids of `differences`: a digest of the text of their sentences on both sides (white space folded),
    then `#n` for the n-th difference of the same text. `flipped` names them as the swapped pair would, so that
    a pair's review serves both orders."""
    ids: list[str] = []
    seen: dict[str, int] = {}
    for difference in differences:
        texts = [
            [" ".join(comparison.document(side).sentence_text(s).split()) for s in difference.sentences(side)]
            for side in Side
        ]
        if flipped:
            texts.reverse()
        digest = hashlib.sha256(json.dumps(texts, ensure_ascii=False).encode("utf-8", "surrogatepass")).hexdigest()
        digest = digest[:ID_DIGEST_CHARS]
        occurrence = seen.get(digest, 0)
        seen[digest] = occurrence + 1
        ids.append(f"{digest}#{occurrence}")
    return ids


class Review:
    """The review of one folder: read with `load`, changed with the set_ methods, kept with `save`."""

    def __init__(self, folder: Path, path: Path, record: StoreRecord, problem: str = "") -> None:
        self.folder = folder
        self.path = path
        self._record = record
        self.problem = problem  # why the stored review could not be read ("" when it could)

    @classmethod
    def load(cls, folder: Path | str, data_dir: Path | None = None) -> Review:
        """The review of `folder` (its resolved path): empty when there is none; a file that cannot be read or
        fails validation is moved aside and named in `problem`, never deleted."""
        folder = Path(folder).resolve()
        path = store_path(folder, data_dir)
        empty = StoreRecord(schema=SCHEMA, folder=str(folder))
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            return cls(folder, path, empty)
        except OSError as error:
            return cls(folder, path, empty, f"{path}: cannot be read: {error.strerror or error}")
        try:
            if size > MAX_STORE_BYTES:
                raise ValueError(f"larger than {MAX_STORE_BYTES // (1024 * 1024)} MB")
            record = StoreRecord.model_validate_json(path.read_bytes())
            if record.folder != str(folder):
                raise ValueError(f"it is the review of {record.folder}")
        except (OSError, ValueError, ValidationError) as error:
            kept = path.with_name(f"{path.stem}.corrupt-{datetime.now().strftime('%Y%m%d-%H%M%S')}.json")
            try:
                path.rename(kept)
                where = f"kept aside as {kept}"
            except OSError:
                where = "left where it is"
            reason = str(error).splitlines()[0] if str(error) else type(error).__name__
            return cls(folder, path, empty, f"The saved review of this folder could not be read ({reason}); {where}.")
        return cls(folder, path, record)

    def save(self) -> None:
        """Write the review atomically (readers see the old file or the whole new one)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomically(self.path, self._record.model_dump_json(by_alias=True, indent=1), force=True)

    # ----- naming files

    def file(self, article: Article) -> FileRecord:
        """How the review names `article`: its path relative to the folder, and its bytes' sha256."""
        return self.file_of(article.path, file_sha256(article))

    def file_of(self, path: str, sha256: str) -> FileRecord:
        """How the review names the file at `path` whose bytes have the checksum `sha256`."""
        try:
            name = Path(path).resolve().relative_to(self.folder).as_posix()
        except ValueError:
            name = str(Path(path).resolve())
        return FileRecord(name=name, sha256=sha256)

    # ----- copies

    def copy_review(self, file: FileRecord) -> CopyReview:
        """The review of the copy `file`: the one of its bytes, else the latest of other bytes (stale)."""
        current = self._copy_record(file)
        if current is not None:
            return CopyReview(current.reviewed, current.note)
        older = self._latest(c for c in self._record.copies if c.file.name == file.name)
        return CopyReview(older.reviewed, older.note, stale=True) if older is not None else CopyReview()

    def set_copy(self, file: FileRecord, *, reviewed: bool | None = None, note: str | None = None) -> None:
        """Mark the copy `file` reviewed (or not) and/or give it a note ("" removes it)."""
        current = self._copy_record(file) or CopyRecord(file=file)
        changed = current.model_copy(
            update={
                "reviewed": current.reviewed if reviewed is None else reviewed,
                "note": current.note if note is None else note.strip(),
                "updated": _now(),
            }
        )
        copies = tuple(c for c in self._record.copies if c.file != file) + (changed,)
        self._record = self._record.model_copy(update={"copies": copies})

    def _copy_record(self, file: FileRecord) -> CopyRecord | None:
        return next((c for c in self._record.copies if c.file == file), None)

    # ----- pairs

    def marks(self, left: FileRecord, right: FileRecord, ids: Sequence[str]) -> list[Mark]:
        """The review of each difference of the pair (`ids`: from `difference_ids`, flipped as `flipped` says):
        from the review of these bytes, else from the latest review of the same files' other bytes (stale)."""
        a, b = sorted((left, right), key=lambda f: f.name)
        current = self._pair_record(a, b)
        older = self._latest(
            p for p in self._record.pairs if (p.a.name, p.b.name) == (a.name, b.name) and p is not current
        )
        marks = []
        for id_ in ids:
            if current is not None and id_ in current.differences:
                found = current.differences[id_]
                marks.append(Mark(found.checked, found.note))
            elif older is not None and id_ in older.differences:
                found = older.differences[id_]
                marks.append(Mark(found.checked, found.note, stale=True))
            else:
                marks.append(Mark())
        return marks

    def set_mark(
        self, left: FileRecord, right: FileRecord, id_: str, *, checked: bool | None = None, note: str | None = None
    ) -> None:
        """Check (or uncheck) the difference `id_` of the pair and/or give it a note ("" removes it)."""
        a, b = sorted((left, right), key=lambda f: f.name)
        current = self._pair_record(a, b) or PairRecord(a=a, b=b)
        before = current.differences.get(id_, DifferenceRecord())
        after = DifferenceRecord(
            checked=before.checked if checked is None else checked,
            note=before.note if note is None else note.strip(),
        )
        differences = {k: v for k, v in current.differences.items() if k != id_}
        if after.checked or after.note:
            differences[id_] = after
        changed = current.model_copy(update={"differences": differences, "updated": _now()})
        pairs = tuple(p for p in self._record.pairs if p is not current) + (changed,)
        self._record = self._record.model_copy(update={"pairs": pairs})

    def flipped(self, left: FileRecord, right: FileRecord) -> bool:
        """Whether the pair is stored the other way round (right before left): its ids are then `flipped`."""
        return left.name > right.name

    def _pair_record(self, a: FileRecord, b: FileRecord) -> PairRecord | None:
        return next((p for p in self._record.pairs if (p.a, p.b) == (a, b)), None)

    @staticmethod
    def _latest(records: Iterable[Record]) -> Record | None:
        """The record changed last (ISO times in UTC sort as text)."""
        return max(records, key=lambda record: record.updated, default=None)

    # ----- the session

    @property
    def session(self) -> SessionRecord:
        """Where the editor was when the folder was last open."""
        return self._record.session

    def set_session(self, base: str | None, copy_shown: str | None, hidden: Sequence[str]) -> None:
        """Remember the base, the copy shown (names in the folder) and the kinds hidden."""
        session = SessionRecord(base=base, copy_shown=copy_shown, hidden=tuple(sorted(hidden)))
        self._record = self._record.model_copy(update={"session": session})


def pair_marks(
    review: Review, comparison: Comparison, left: FileRecord, right: FileRecord, differences: Sequence[Difference]
) -> list[Mark]:
    """The review of each of `differences` of the comparison of the files `left` and `right`."""
    ids = difference_ids(comparison, differences, flipped=review.flipped(left, right))
    return review.marks(left, right, ids)


def review_json(review: Review, comparison: Comparison, left: Article, right: Article) -> dict[str, Any]:
    """The review of a pair for `compare --json` (the `review` field of newsdiff.compare/1, docs/json.md)."""
    differences = comparison.differences()
    marks = pair_marks(review, comparison, review.file(left), review.file(right), differences)
    copies = {}
    for side, article in ((Side.LEFT, left), (Side.RIGHT, right)):
        file = review.file(article)
        copy = review.copy_review(file)
        copies[side.value] = {"name": file.name, "reviewed": copy.reviewed, "note": copy.note, "stale": copy.stale}
    return {
        "folder": str(review.folder),
        "store": str(review.path),
        "problem": review.problem,
        "checked": sum(1 for mark in marks if mark.checked and not mark.stale),
        "copies": copies,
        "differences": [
            {
                "left": list(difference.left),
                "right": list(difference.right),
                "kind": difference.kind.value,
                "link": difference.link,
                "checked": mark.checked,
                "note": mark.note,
                "stale": mark.stale,
            }
            for difference, mark in zip(differences, marks)
        ],
    }
