"""Every keyboard shortcut of the viewer, in one table: the menus, the actions and the F1 sheet read it.

Keys are Qt's portable key-sequence strings. Editors live on the keyboard, so every action they use while
reading has a key here (only once-in-a-while ones such as Open Sample Folder do without), and a test checks
that no two actions, and no action and a widget's own key, share one.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QKeySequence

from newsdiff.core.wording import ALTERED_MEANING


@dataclass(frozen=True)
class Shortcut:
    """The keys of one action, with the words the menus and the shortcut sheet show."""

    name: str  # the action's identifier
    keys: tuple[str, ...]  # the first is shown in menus; the others are aliases
    label: str  # menu text (with & for the mnemonic)
    description: str  # one line for the shortcut sheet
    group: str  # heading in the shortcut sheet


GROUPS = ("Files", "Differences", "Review", "Articles", "View", "Help")

SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut("open_folder", ("Ctrl+O",), "Open &Folder…", "Open a folder of copies as the article list", "Files"),
    Shortcut("open_files", ("Ctrl+Shift+O",), "Open F&iles…", "Open files: two open side by side", "Files"),
    Shortcut("export_pair", ("Ctrl+E",), "&Export Report…", "Write the HTML report of the pair shown", "Files"),
    Shortcut(
        "export_folder",
        ("Ctrl+Shift+E",),
        "Export &Folder Report…",
        "Write the HTML report of the base against every other copy",
        "Files",
    ),
    Shortcut(
        "export_pdf",
        ("Ctrl+P",),
        "Export &PDF…",
        "Write the pair shown, or the folder report, as a PDF with the same colours and marks",
        "Files",
    ),
    Shortcut(
        "paste_copy",
        ("Ctrl+V",),
        "&Paste as Copy",
        "Add the clipboard's text or web page selection as a copy of the folder",
        "Files",
    ),
    Shortcut(
        "save_pasted",
        ("Ctrl+Shift+S",),
        "&Save Pasted Copy…",
        "Save the pasted copy shown as a text file (in the folder)",
        "Files",
    ),
    Shortcut("quit", ("Ctrl+Q",), "&Quit", "Quit newsdiff", "Files"),
    Shortcut(
        "next_difference",
        ("Alt+Down", "F8"),
        "&Next Difference",
        "Next difference (after the last, back to the first)",
        "Differences",
    ),
    Shortcut(
        "previous_difference",
        ("Alt+Up", "F7"),
        "&Previous Difference",
        "Previous difference (before the first, on to the last)",
        "Differences",
    ),
    Shortcut("first_difference", ("Alt+Home",), "&First Difference", "First difference", "Differences"),
    Shortcut("last_difference", ("Alt+End",), "&Last Difference", "Last difference", "Differences"),
    Shortcut("next_paraphrase", ("Ctrl+Alt+Down",), "Next P&araphrase", "Next paraphrase", "Differences"),
    Shortcut("previous_paraphrase", ("Ctrl+Alt+Up",), "Previous Paraphrase", "Previous paraphrase", "Differences"),
    Shortcut("next_unique", ("Shift+Alt+Down",), "Next &Unique", "Next unique sentence (added or cut)", "Differences"),
    Shortcut("previous_unique", ("Shift+Alt+Up",), "Previous Unique", "Previous unique sentence", "Differences"),
    Shortcut("next_typo", ("Ctrl+Shift+Alt+Down",), "Next &Typo", "Next typo link", "Differences"),
    Shortcut("previous_typo", ("Ctrl+Shift+Alt+Up",), "Previous Typo", "Previous typo link", "Differences"),
    Shortcut("next_altered", ("Alt+PgDown",), "Next A&ltered", "Next altered link (a fact differs)", "Differences"),
    Shortcut("previous_altered", ("Alt+PgUp",), "Previous Altered", "Previous altered link", "Differences"),
    Shortcut("next_moved", ("Ctrl+Alt+PgDown",), "Next &Moved", "Next moved sentence", "Differences"),
    Shortcut("previous_moved", ("Ctrl+Alt+PgUp",), "Previous Moved", "Previous moved sentence", "Differences"),
    Shortcut("find", ("Ctrl+F",), "&Find…", "Find words in both copies", "Differences"),
    Shortcut("find_next", ("F3",), "Find Ne&xt", "Next match of the search", "Differences"),
    Shortcut("find_previous", ("Shift+F3",), "Find Pre&vious", "Previous match of the search", "Differences"),
    Shortcut("copy", ("Ctrl+C",), "&Copy Sentences", "Copy the sentences of the current difference", "Differences"),
    Shortcut(
        "toggle_checked",
        ("Space",),
        "&Check Difference",
        "Mark the current difference as checked, or not (in the text and the list)",
        "Review",
    ),
    Shortcut(
        "note_difference",
        ("N",),
        "&Note on Difference…",
        "Write, change or remove a note on the current difference (in the text and the list)",
        "Review",
    ),
    Shortcut(
        "next_unchecked",
        ("Shift+F8", "Alt+Right"),
        "Next &Unchecked",
        "Next difference not checked yet",
        "Review",
    ),
    Shortcut(
        "previous_unchecked",
        ("Shift+F7", "Alt+Left"),
        "Previous Unchecked",
        "Previous difference not checked yet",
        "Review",
    ),
    Shortcut(
        "copy_reviewed",
        ("Ctrl+R",),
        "Mark Copy &Reviewed",
        "Mark the copy shown as reviewed, or not",
        "Review",
    ),
    Shortcut("note_copy", ("Ctrl+Shift+N",), "Note on &Copy…", "Write, change or remove a note on the copy shown", "Review"),
    Shortcut(
        "next_article",
        ("Ctrl+PgDown",),
        "&Next Copy",
        "Compare the base with the next copy in the list",
        "Articles",
    ),
    Shortcut(
        "previous_article",
        ("Ctrl+PgUp",),
        "&Previous Copy",
        "Compare the base with the previous copy in the list",
        "Articles",
    ),
    Shortcut("set_base", ("Ctrl+B",), "Make &Base", "Make the selected article the base (left)", "Articles"),
    Shortcut("swap_sides", ("Ctrl+Shift+X",), "&Swap Sides", "Swap base and copy", "Articles"),
    Shortcut("focus_list", ("Ctrl+L",), "Go to &List", "Move the keyboard focus to the article list", "Articles"),
    Shortcut("focus_view", ("Ctrl+J",), "Go to &Text", "Move the keyboard focus to the side-by-side text", "Articles"),
    Shortcut("toggle_shared", ("Ctrl+1",), "Show &Shared", "Show or hide shared sentences", "View"),
    Shortcut("toggle_typo", ("Ctrl+2",), "Show &Typo", "Show or hide typo links", "View"),
    Shortcut("toggle_paraphrase", ("Ctrl+3",), "Show &Paraphrase", "Show or hide paraphrases", "View"),
    Shortcut("toggle_unique", ("Ctrl+4",), "Show &Unique", "Show or hide unique sentences", "View"),
    Shortcut(
        "altered_only",
        ("Ctrl+5",),
        "&Altered Only",
        f"Show only altered links ({ALTERED_MEANING})",
        "View",
    ),
    Shortcut(
        "folder_overview",
        ("Ctrl+Shift+V",),
        "Folder &Overview",
        "Switch between the pair side by side and the folder overview (stories, heat map, coverage)",
        "View",
    ),
    Shortcut(
        "hide_furniture",
        ("Ctrl+6",),
        "Hide Site &Furniture",
        "Hide the site furniture (headline lists, comment prompts, credits) in the pair and the overview",
        "View",
    ),
    Shortcut("zoom_in", ("Ctrl++", "Ctrl+="), "Zoom &In", "Larger text", "View"),
    Shortcut("zoom_out", ("Ctrl+-",), "Zoom &Out", "Smaller text", "View"),
    Shortcut("zoom_reset", ("Ctrl+0",), "&Normal Size", "Text at its normal size", "View"),
    Shortcut("shortcut_sheet", ("F1",), "&Keyboard Shortcuts", "This sheet of shortcuts", "Help"),
)

BY_NAME: dict[str, Shortcut] = {shortcut.name: shortcut for shortcut in SHORTCUTS}

# Keys that widgets handle themselves and that no action may take: moving in the list and in the find field.
# (Space and N are actions' keys, taken only while the text or the list has the focus: TEXT_KEYS.)
RESERVED_KEYS = ("Up", "Down", "PgUp", "PgDown", "Home", "End", "Return", "Enter", "Esc", "Tab", "Shift+Tab")
# Actions whose keys are typed text elsewhere (Space presses a focused button; N goes into a field): they act
# only in the side-by-side text and the article list, and from their menu.
TEXT_KEYS = ("toggle_checked", "note_difference")


def key_sequences(name: str) -> list[QKeySequence]:
    """The key sequences of the action `name`, the main one first."""
    return [QKeySequence(key) for key in BY_NAME[name].keys]


def key_text(name: str) -> str:
    """The main key of the action `name` as this platform writes it (Ctrl+5; on a Mac, ⌘5)."""
    return QKeySequence(BY_NAME[name].keys[0]).toString(QKeySequence.SequenceFormat.NativeText)


def tooltip(name: str) -> str:
    """What the action `name` does, and its key: the tooltip of the action and of a check box standing for it."""
    return f"{BY_NAME[name].description} ({key_text(name)})"


def normalised(key: str) -> str:
    """A key sequence as Qt reads it, in portable text, so that spellings of one key compare equal."""
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.PortableText)


def collisions() -> dict[str, list[str]]:
    """Keys claimed by more than one action (or by an action and a widget), each with the claimants."""
    owners: dict[str, list[str]] = {normalised(key): ["(widgets)"] for key in RESERVED_KEYS}
    for shortcut in SHORTCUTS:
        for key in shortcut.keys:
            owners.setdefault(normalised(key), []).append(shortcut.name)
    return {key: names for key, names in owners.items() if len(names) > 1}
