"""The article inside a saved web page or a Word document: its title and its paragraphs as blank-line separated
blocks."""

from __future__ import annotations

import io
import logging
import re
import zipfile
from dataclasses import dataclass

from newsdiff.core.read.decoding import ContentError, Decoded, decode, encoding_label

# trafilatura logs every page it cannot parse at ERROR level; newsdiff reports those pages itself.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

HEAD_BYTES = 4096  # where a page names its encoding and where newsdiff's report carries its generator tag
MAX_UNPACKED = 64 * 1024 * 1024  # a Word file whose parts unpack to more than this is refused (a zip bomb)
# A Word file of more paragraphs and tables than this, or more XML elements in its text part, is refused: a part of
# millions of tiny paragraphs (60 MB of them unpacked from 250 KB took over 120 s and 6-8 GB) would hold the folder
# up. An article runs to some hundreds of paragraphs, and the text limit of a plain file (5 MB) to 10,000 of 500
# bytes; python-docx takes some tens of microseconds over each. A paragraph is some tens of elements (runs, their
# properties, bookmarks): a million bounds the parsed tree to some hundred MB whatever the part holds.
MAX_WORD_BLOCKS = 10_000
MAX_WORD_ELEMENTS = 1_000_000
_WORD_DOCUMENT = "word/document.xml"
_CHUNK = 64 * 1024  # bytes of the document part decompressed and parsed at a time
# trafilatura's time grows faster than the page (measured here: 24,000 paragraphs 1.9 s, 125,000 68 s); news
# pages hold a few thousand elements, so a page over this is no article page and is refused rather than waited on
MAX_PAGE_ELEMENTS = 30_000
MAX_OUTLET = 80  # characters of a page's site name kept: a name, not a paragraph someone put in a meta tag

REPORT_MARKER = re.compile(rb"""<meta\s+name=["']generator["']\s+content=["']newsdiff\b""", re.IGNORECASE)
_DECLARED_CHARSET = re.compile(
    rb"""(?:<meta[^>]+charset|<\?xml[^>]+encoding)\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")  # lxml refuses one in text already decoded
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")  # HTML collapses these; a no-break space stays


@dataclass(frozen=True)
class Extracted:
    """The article found in a file: its title (empty if it has none), its text, notes about how it was read, and
    the outlet that published it when the file says (a web page's site name or host; empty otherwise)."""

    title: str
    text: str
    hints: tuple[str, ...] = ()
    outlet: str = ""


def decoding_hints(decoded: Decoded) -> tuple[str, ...]:
    """Notes on how the bytes were read where it is not plain: a guessed encoding (a guess can be wrong), bytes
    of another encoding inside a UTF-8 file, or lines of other encodings in it."""
    if decoded.guessed:
        label = encoding_label(decoded.encoding)
        return (f"read as {label}, an encoding guessed from its bytes (the file names none, or a wrong one)",)
    hints = []
    if decoded.line_encodings:
        labels = " and ".join(encoding_label(encoding) for encoding in decoded.line_encodings)
        hints.append(f"mixed encodings: lines that are not UTF-8 read as {labels}, guessed line by line")
    if decoded.foreign_bytes:
        count = decoded.foreign_bytes
        hints.append(f"{count} byte{'s' * (count > 1)} not valid UTF-8 in a UTF-8 file: read as Windows-1252")
    return tuple(hints)


def is_newsdiff_report(head: bytes) -> bool:
    """Whether `head`, the start of a file, is that of an HTML report newsdiff wrote."""
    return REPORT_MARKER.search(head) is not None


def looks_like_html(head: bytes) -> bool:
    """Whether `head`, the start of a file of unknown type, is an HTML page."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith((b"<!doctype html", b"<html")) or (start.startswith(b"<?xml") and b"<html" in start)


def page_article(data: bytes) -> Extracted:
    """The main article of a saved web page: its text (navigation, adverts and comments left out) and title."""
    if is_newsdiff_report(data[:HEAD_BYTES]):
        raise ContentError("a report written by newsdiff, not an article")
    declared = _DECLARED_CHARSET.search(data[:HEAD_BYTES])
    decoded = decode(data, declared.group(1).decode("ascii") if declared else None)
    title, blocks, outlet = _page_blocks(_page_tree(decoded.text))
    if not blocks:
        raise ContentError("no article text found in the web page")
    if title and not any(_same_words(title, block) for block in blocks[:3]):
        blocks.insert(0, title)  # the headline sat outside the article element; it is part of the story as shown
    return Extracted(title or blocks[0], "\n\n".join(blocks), decoding_hints(decoded), outlet)


def _page_tree(markup: str):  # noqa: ANN202 - an lxml.html element
    """The parsed page; ContentError if it holds nothing or too many elements to extract from in bounded time."""
    from lxml import etree, html

    try:
        tree = html.document_fromstring(_XML_DECLARATION.sub("", markup, count=1))
    except (etree.ParserError, ValueError):
        raise ContentError("no article text found in the web page") from None
    elements = sum(1 for _ in tree.iter())
    if elements > MAX_PAGE_ELEMENTS:
        raise ContentError(
            f"too large a web page to find the article in ({elements:,} elements; the limit is {MAX_PAGE_ELEMENTS:,})"
        )
    return tree


def _page_blocks(tree) -> tuple[str, list[str], str]:  # noqa: ANN001 - an lxml.html element
    """trafilatura's title and main-text blocks of a page (paragraphs, headings, list items, quotes, tables),
    and its site name or host."""
    import trafilatura  # 0.3 s to import: only when a page is opened

    try:
        document = trafilatura.bare_extraction(
            tree, with_metadata=True, include_comments=False, include_tables=True, include_formatting=False
        )
    except Exception as error:  # noqa: BLE001 - any parser failure on untrusted markup is this file's problem
        raise ContentError(f"the web page could not be parsed ({type(error).__name__})") from None
    if document is None or document.body is None:
        return "", [], ""
    blocks: list[str] = []
    for element in document.body:
        if element.tag == "list":
            blocks += [_inline_text(item) for item in element.findall("item")]
        elif element.tag == "table":
            rows = (" | ".join(filter(None, map(_inline_text, row.findall("cell")))) for row in element.iter("row"))
            blocks.append("\n".join(filter(None, rows)))
        else:
            blocks.append(_inline_text(element))
    named = (document.title, document.sitename or document.hostname)
    title, outlet = (_HTML_SPACE.sub(" ", value or "").strip() for value in named)
    return title, [block for block in blocks if block], outlet[:MAX_OUTLET]


def _inline_text(element) -> str:  # noqa: ANN001 - an lxml element of trafilatura's output tree
    """The text of an element as a browser shows it: white space collapsed, a line break for each <lb/>."""
    from lxml import etree

    parts = []
    for event, node in etree.iterwalk(element, events=("start", "end")):
        if event == "start":
            parts.append("\n" if node.tag == "lb" else _HTML_SPACE.sub(" ", node.text or ""))
        elif node is not element:
            parts.append(_HTML_SPACE.sub(" ", node.tail or ""))
    return "\n".join(filter(None, (line.strip(" ") for line in "".join(parts).split("\n"))))


def _same_words(a: str, b: str) -> bool:
    """Whether two strings hold the same words, ignoring case and spacing."""
    return a.casefold().split() == b.casefold().split()


def word_article(data: bytes, max_bytes: int) -> Extracted:
    """The text of a Word (.docx) document: its paragraphs and table rows in order; the first line is its title.

    The document part is decompressed and parsed as a stream, one paragraph or table at a time, so that neither
    a part that unpacks to far more than its archive declares nor one of millions of tiny paragraphs is ever held
    whole: ContentError once it unpacks past MAX_UNPACKED, holds more than MAX_WORD_ELEMENTS elements or
    MAX_WORD_BLOCKS paragraphs and tables, or its text runs past `max_bytes` (UTF-8), the limit on a plain file.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        declared = sum(info.file_size for info in archive.infolist())
        member = archive.getinfo(_WORD_DOCUMENT)
    except KeyError:
        raise ContentError("not a Word file: the archive holds no word/document.xml") from None
    # zipfile raises NotImplementedError for an entry it cannot read (a damaged version or compression field).
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
        raise ContentError("not a readable Word file: it is not a complete .docx (zip) archive") from None
    if declared > MAX_UNPACKED:
        raise ContentError(f"refused: its parts unpack to {declared:,} bytes (the limit is {MAX_UNPACKED:,})")
    try:
        blocks = _word_blocks(archive, member, max_bytes)
    except ContentError:
        raise
    except Exception as error:  # noqa: BLE001 - a damaged archive or XML can fail anywhere inside python-docx
        raise ContentError(f"a damaged Word file ({type(error).__name__}: {error})") from None
    text = "\n\n".join(blocks)
    if not text:
        raise ContentError("empty Word document: it holds no text")
    return Extracted("", text)


def _word_blocks(archive: zipfile.ZipFile, member: zipfile.ZipInfo, max_bytes: int) -> list[str]:
    """The non-empty paragraphs and tables of the document part, as python-docx reads them (see _word_block),
    each parsed as soon as it ends and then dropped from the tree."""
    from docx.oxml.ns import qn
    from docx.oxml.parser import element_class_lookup  # python-docx's element classes: its text, its tables
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    from lxml import etree

    body, block_tags = qn("w:body"), (qn("w:p"), qn("w:tbl"))
    parser = etree.XMLPullParser(events=("start", "end"), remove_blank_text=True, resolve_entities=False)
    parser.set_element_class_lookup(element_class_lookup)
    blocks: list[str] = []
    unpacked = text_bytes = count = elements = 0
    with archive.open(member) as stream:
        while chunk := stream.read(_CHUNK):
            unpacked += len(chunk)
            if unpacked > MAX_UNPACKED:
                raise ContentError(f"refused: its text part unpacks to over {MAX_UNPACKED:,} bytes (the limit)")
            parser.feed(chunk)
            for event, element in parser.read_events():
                if event == "start":
                    elements += 1
                    if elements > MAX_WORD_ELEMENTS:
                        raise ContentError(f"refused: over {MAX_WORD_ELEMENTS:,} XML elements (the limit)")
                    continue
                parent = element.getparent()
                if element.tag not in block_tags or parent is None or parent.tag != body:
                    continue  # not a paragraph or table, or one inside a table: read with that table
                count += 1
                if count > MAX_WORD_BLOCKS:
                    raise ContentError(f"refused: over {MAX_WORD_BLOCKS:,} paragraphs and tables (the limit)")
                item = Paragraph(element, None) if element.tag == block_tags[0] else Table(element, None)
                block = _word_block(item)
                if block:
                    blocks.append(block)
                    text_bytes += len(block.encode("utf-8")) + 2
                    if text_bytes > max_bytes:
                        raise ContentError(f"too large: its text runs over {max_bytes:,} bytes (the limit)")
                # Done with it: drop it and whatever came before it in the body.
                element.clear()
                while element.getprevious() is not None:
                    del parent[0]
    parser.close()
    return blocks


def _word_block(item) -> str:  # noqa: ANN001 - a python-docx Paragraph or Table
    """A paragraph's text, or a table's rows (cells separated by " | ", one row a line)."""
    if hasattr(item, "rows"):
        # a cell spanning columns is listed once per column, as the same object
        rows = (" | ".join(filter(None, (cell.text.strip() for cell in dict.fromkeys(row.cells)))) for row in item.rows)
        return "\n".join(filter(None, rows))
    return item.text.strip()
