"""Command line: the GUI by default, subcommands for scripts."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from newsdiff import __version__

EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE = 0, 1, 2
SUBCOMMANDS = ("compare", "report", "overview")


def _compare_command(args: argparse.Namespace) -> int:
    from newsdiff.core.articles import ArticleError, load_article
    from newsdiff.core.compare import compare
    from newsdiff.core.summary import comparison_json, text_summary

    try:
        left, right = load_article(args.left), load_article(args.right)
    except ArticleError as error:
        print(f"newsdiff: {error}", file=sys.stderr)
        return EXIT_UNREADABLE
    comparison = compare(left, right)
    if args.json:
        json.dump(comparison_json(comparison), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(text_summary(comparison))
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
    return parser


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsdiff", description="Open the newsdiff desktop viewer.")
    parser.add_argument("paths", nargs="*", type=Path, help="a folder to list, or two files to compare")
    return parser


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
    from newsdiff.ui.app import run_gui

    return run_gui([str(p) for p in gui_args.paths])
