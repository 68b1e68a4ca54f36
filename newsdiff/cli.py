"""Command line: the GUI by default, subcommands for scripts."""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from newsdiff import __version__

if TYPE_CHECKING:
    from newsdiff.core.folder.analysis import Outline
    from newsdiff.core.output.review import Review
    from newsdiff.core.read.articles import Article, ArticleError

EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it
SUBCOMMANDS = ("compare", "report", "overview")


def _said(error: ArticleError) -> str:
    """An unreadable file and why, for the terminal: the name quoted and the reason escaped as in the overview."""
    from newsdiff.core.output.terminal_text import printable, quoted_name

    return f"{quoted_name(error.path)}: {printable(error.reason)}"


def _compare_command(args: argparse.Namespace) -> int:
    from newsdiff.core.output.json_text import json_text
    from newsdiff.core.output.review import Review, review_folder, review_json
    from newsdiff.core.output.summary import comparison_json, text_summary
    from newsdiff.core.pair.compare import compare
    from newsdiff.core.read.articles import ArticleError, load_article

    try:
        left, right = load_article(args.left), load_article(args.right)
    except ArticleError as error:
        print(f"newsdiff: {_said(error)}", file=sys.stderr)
        return EXIT_UNREADABLE
    comparison = compare(left, right)
    if args.json:
        # The review the viewer keeps for these files: the store of the folder holding them, as the viewer keys it.
        review = Review.load(review_folder([left.path, right.path]))
        document = {**comparison_json(comparison), "review": review_json(review, comparison, left, right)}
        sys.stdout.write(json_text(document))
    else:
        sys.stdout.write(text_summary(comparison))
    return EXIT_OK


def _report_inputs(paths: list[Path]) -> tuple[list[Article], list[ArticleError]]:
    """The articles named by `paths` (folders give their articles), and the files of folders that were skipped."""
    from newsdiff.core.read.articles import ArticleError, load_article, load_folder

    articles: list[Article] = []
    skipped: list[ArticleError] = []
    for path in paths:
        if path.is_dir():
            try:
                found, errors = load_folder(path)
            except OSError as error:
                raise ArticleError(path, error.strerror or str(error)) from None
            articles += found
            skipped += errors
        else:
            articles.append(load_article(path))
    return articles, skipped


def _outline(articles: list[Article]) -> Outline | None:
    """What the folder analysis tells of the articles before any comparison: the suggested base, the furniture."""
    from newsdiff.core.folder.analysis import outline
    from newsdiff.core.places import default_cache_dir

    return outline(articles, cache_dir=default_cache_dir())


def _default_base(articles: list[Article], found: Outline | None, *, pair: bool) -> Article | None:
    """The base when none is given: the first of two files (left stays left), else the copy the overview
    suggests (the one the others derive from most)."""
    if pair or len(articles) < 3 or found is None:
        return articles[0] if articles else None
    return articles[found.suggested_base]


def _report_command(args: argparse.Namespace) -> int:
    from newsdiff.core.folder.base_pairs import compare_with_base
    from newsdiff.core.output.report import write_folder_report, write_pair_report
    from newsdiff.core.output.review import Review, review_folder
    from newsdiff.core.output.safe_write import OutputExistsError, OutputIsInputError, is_input
    from newsdiff.core.output.terminal_text import shown_name
    from newsdiff.core.read.articles import ArticleError, load_article

    if args.output.exists() and not args.force:
        print(f"newsdiff: {OutputExistsError(args.output)}", file=sys.stderr)
        return EXIT_USAGE
    try:
        articles, skipped = _report_inputs(args.paths)
        two_files = len(args.paths) == 2 and not any(path.is_dir() for path in args.paths)
        given = load_article(args.base) if args.base else None
    except ArticleError as error:
        print(f"newsdiff: {_said(error)}", file=sys.stderr)
        return EXIT_UNREADABLE
    for error in skipped:
        print(f"newsdiff: skipped {_said(error)}", file=sys.stderr)
    # The base given may be one of the copies (then it is that copy), or a file of its own.
    among = [a for a in articles if given and Path(a.path).resolve() == Path(given.path).resolve()]
    given = among[0] if among else given
    # Usage is checked before the folder outline, the slow part. No input is ever a target, --force or not:
    # neither an article (the base given among them) nor a file skipped in an input folder (one too large).
    inputs = [a.path for a in [*articles, *([given] if given else [])]] + [e.path for e in skipped]
    if is_input(args.output, inputs):
        print(f"newsdiff: {OutputIsInputError(shown_name(str(args.output)))}", file=sys.stderr)
        return EXIT_USAGE
    folders = [path for path in args.paths if path.is_dir()]
    # Every article, the base among them: one base, the others its copies.
    outlined = articles if given is None or among else [given, *articles]
    if len(outlined) < 2 and not folders:
        print("newsdiff report: give two files, a file and --base, or a folder", file=sys.stderr)
        return EXIT_USAGE
    if len(outlined) < 2:
        print(f"newsdiff: {' '.join(map(str, folders))}: fewer than two readable articles", file=sys.stderr)
        return EXIT_UNREADABLE
    found = _outline(outlined)
    base = given or _default_base(articles, found, pair=two_files)
    furniture = {a.path: spans for a, spans in zip(outlined, found.furniture)} if found else {}
    copies = [a for a in articles if Path(a.path).resolve() != Path(base.path).resolve()]
    comparisons = compare_with_base(base, copies)
    # The editor's review the viewer keeps for these files (checks and notes), keyed as the viewer keys it.
    review = Review.load(review_folder([article.path for article in [base, *copies]]))
    if review.problem:
        print(f"newsdiff: {review.problem}", file=sys.stderr)
    pair = not folders and len(copies) == 1
    try:
        if args.pdf or args.output.suffix.lower() == ".pdf":
            _write_pdf_report(
                args, base, comparisons, skipped, furniture, pair=pair, protected=inputs, review=review
            )
        elif pair:
            write_pair_report(
                comparisons[0], args.output, force=args.force, furniture=furniture, protected=inputs, review=review
            )
        else:
            write_folder_report(
                base, comparisons, args.output, force=args.force, skipped=skipped, furniture=furniture, review=review
            )
    except (OutputExistsError, OutputIsInputError) as error:
        print(f"newsdiff: {error}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as error:
        print(f"newsdiff: {shown_name(str(args.output))}: cannot write: {error.strerror or error}", file=sys.stderr)
        return EXIT_UNREADABLE
    print(shown_name(str(args.output)))
    return EXIT_OK


def _write_pdf_report(
    args: argparse.Namespace,
    base: Article,
    comparisons: list,
    skipped: list[ArticleError],
    furniture: dict,
    *,
    pair: bool,
    protected: list[str],
    review: Review,
) -> None:
    """Write the report as a PDF (Qt lays it out, offscreen: no display is needed)."""
    from newsdiff.core.output.report import folder_report_view, pair_report_view
    from newsdiff.ui.pdf_export import write_pdf

    if pair:
        view = pair_report_view(comparisons[0], furniture=furniture, review=review)
    else:
        view = folder_report_view(base, comparisons, skipped=skipped, furniture=furniture, review=review)
    write_pdf(view, args.output, force=args.force, protected=protected)


def _overview_command(args: argparse.Namespace) -> int:
    from newsdiff.core.folder.analysis import analyse_articles
    from newsdiff.core.output.json_text import json_text
    from newsdiff.core.output.overview_summary import overview_json, overview_table
    from newsdiff.core.output.terminal_text import quoted_name
    from newsdiff.core.places import default_cache_dir
    from newsdiff.core.read.articles import ArticleError, load_folder
    from newsdiff.progress_bar import ProgressBar

    folder = quoted_name(str(args.folder))
    if args.folder.exists() and not args.folder.is_dir():
        print(f"newsdiff overview: {folder}: not a folder (compare takes two files)", file=sys.stderr)
        return EXIT_USAGE
    bar = ProgressBar(sys.stderr, "Analysing")
    try:
        try:
            articles, skipped = load_folder(args.folder)
        except ArticleError as error:
            print(f"newsdiff: {folder}: {error.reason}", file=sys.stderr)
            return EXIT_UNREADABLE
        if not articles:
            for error in skipped:
                print(f"newsdiff: skipped {_said(error)}", file=sys.stderr)
            print(f"newsdiff: {folder}: no readable article files", file=sys.stderr)
            return EXIT_UNREADABLE
        cache_dir = None if args.no_cache else default_cache_dir()
        analysis = analyse_articles(articles, skipped, progress=bar.update, cache_dir=cache_dir)
        bar.clear()
        sys.stdout.write(json_text(overview_json(analysis)) if args.json else overview_table(analysis))
        sys.stdout.flush()
    except KeyboardInterrupt:
        bar.clear()
        print("newsdiff: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdiff",
        description="Compare copies of one news story. Without a subcommand, opens the desktop viewer.",
    )
    parser.add_argument("--version", action="version", version=f"newsdiff {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    compare = commands.add_parser("compare", help="compare two files; a text summary, or --json")
    compare.add_argument("left", type=Path, help="the base copy")
    compare.add_argument("right", type=Path, help="the other copy")
    compare.add_argument("--json", action="store_true", help="print the newsdiff.compare/1 JSON document")
    compare.set_defaults(run=_compare_command)

    report = commands.add_parser(
        "report",
        help="write a self-contained HTML report: two files, or a base against every other copy",
        description="Two files give the report of one pair; a folder (or more files) gives the base against "
        "every other copy, with a summary table first.",
        epilog="Exit status: 0 written; 1 an input could not be read or the report could not be written "
        "(the message names the file); 2 usage, or the output exists and --force was not given.",
    )
    report.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="article files or folders")
    report.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE", help="the report to write (FILE.html, or FILE.pdf)"
    )
    report.add_argument(
        "--base",
        type=Path,
        metavar="FILE",
        help="the copy to compare the others with (default: the first of two files; for more, the one the "
        "others derive from most, as `newsdiff overview` suggests)",
    )
    report.add_argument(
        "--pdf",
        action="store_true",
        help="write a PDF with the same colours and marks rather than HTML (implied by an output name ending in .pdf)",
    )
    report.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    report.set_defaults(run=_report_command)

    overview = commands.add_parser(
        "overview",
        help="the folder analysis: story clusters, suggested bases, coverage, boilerplate",
        description="Clusters the copies of a folder by story, suggests a base for each story and tells how "
        "much of the base each copy carries. A table by default; --json prints the newsdiff.overview/1 "
        "document. Results are cached per file content in $XDG_CACHE_HOME/newsdiff (or ~/.cache/newsdiff).",
        epilog="Exit status: 0 done; 1 the folder or all of its files could not be read (the message says "
        "why); 2 usage; 130 interrupted.",
    )
    overview.add_argument("folder", type=Path, metavar="FOLDER", help="the folder of article files")
    overview.add_argument("--json", action="store_true", help="print the newsdiff.overview/1 JSON document")
    overview.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    overview.set_defaults(run=_overview_command)
    return parser


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsdiff", description="Open the newsdiff desktop viewer.")
    parser.add_argument("paths", nargs="*", type=Path, help="a folder to list, or two files to compare")
    parser.add_argument(
        "--install-desktop",
        action="store_true",
        help="add newsdiff to the desktop's application menu: install its desktop entry, AppStream metainfo "
        "and icons under $XDG_DATA_HOME (or ~/.local/share), then exit",
    )
    return parser


def _install_desktop_command() -> int:
    from newsdiff.desktop_install import install_desktop

    try:
        installed = install_desktop()
    except OSError as error:
        print(f"newsdiff: cannot install the desktop files: {error}", file=sys.stderr)
        return EXIT_UNREADABLE
    for path in installed.files:
        print(path)
    print(f"newsdiff: installed under {installed.data_home}; the menu entry runs {installed.command}", file=sys.stderr)
    return EXIT_OK


def _gui_path_problem(paths: list[Path]) -> int | None:
    """The exit status for viewer arguments that do not all exist (after saying why), else None.

    A word that is no subcommand and names nothing is taken for a mistyped subcommand (usage); a missing
    name that looks like a path (a folder separator or a suffix) is an input that cannot be read.
    """
    from newsdiff.core.output.terminal_text import quoted_name

    for path in paths:
        if os.path.lexists(path):
            continue
        name = quoted_name(str(path))
        if os.sep in str(path) or path.suffix:
            print(f"newsdiff: {name}: no such file or folder", file=sys.stderr)
            return EXIT_UNREADABLE
        near = difflib.get_close_matches(str(path), SUBCOMMANDS, n=1)
        hint = f" (did you mean {near[0]}?)" if near else ""
        print(
            f"newsdiff: {name}: neither a subcommand nor a file or folder{hint}; "
            f"the subcommands are {', '.join(SUBCOMMANDS)}",
            file=sys.stderr,
        )
        return EXIT_USAGE
    return None


def _has_display() -> bool:
    """Whether Qt has somewhere to show the window: a platform chosen (QT_QPA_PLATFORM, e.g. offscreen), an X
    or Wayland display, or a system whose windows need neither (Windows, macOS)."""
    if sys.platform in ("win32", "darwin"):
        return True
    return any(os.environ.get(name) for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"))


def main(argv: list[str] | None = None) -> int:
    """Run newsdiff with the given arguments (default: sys.argv[1:]) and return the exit status."""
    argv = sys.argv[1:] if argv is None else argv
    if argv and (argv[0] in SUBCOMMANDS or argv[0] in ("-h", "--help", "--version")):
        parser = _parser()
        try:
            args = parser.parse_args(argv)
        except SystemExit as stop:
            return int(stop.code or 0)
        return args.run(args)
    try:
        gui_args = _gui_parser().parse_args(argv)
    except SystemExit as stop:
        return int(stop.code or 0)
    if gui_args.install_desktop:
        if gui_args.paths:
            print("newsdiff: --install-desktop takes no paths", file=sys.stderr)
            return EXIT_USAGE
        return _install_desktop_command()
    # Checked before Qt starts: without a display Qt aborts the process (status 134) with a misleading message.
    problem = _gui_path_problem(gui_args.paths)
    if problem is not None:
        return problem
    if not _has_display():
        print(
            "newsdiff: no display to open the viewer on (neither DISPLAY nor WAYLAND_DISPLAY is set); "
            f"without one, use a subcommand: {', '.join(SUBCOMMANDS)} (see newsdiff --help)",
            file=sys.stderr,
        )
        return EXIT_UNREADABLE
    from newsdiff.ui.app import run_gui

    return run_gui([str(p) for p in gui_args.paths])
