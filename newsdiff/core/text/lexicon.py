"""Every word list of the engine, once, each with what it is for; the rules import them from here.

The words are case-folded, as the rules compare them. What a number word states (its value) is number
machinery, and lives in figures.py with the code that reads figures.
"""

from __future__ import annotations

# Words that carry no content: their overlap says nothing about reuse (similarity, folder fingerprints), a run of
# them alone was moved or reworded by no one (compare, edits), and none of them names or counts a thing (facts).
STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being has have had
    do does did it its this that these those he she they we you i his her their our your him them us me
    will would can could should may might must shall not no so than then there here which who whom whose
    what when where why how all any some such into over under about after before also just only very said
    says say""".split()
)


# Words that negate: adding or dropping one reverses the claim, however few letters it takes (could, couldn't).
NEGATIONS = frozenset("not no never none nobody nothing neither nor without cannot nowhere".split())


def is_negation(word: str) -> bool:
    """Whether a case-folded word negates: a negation word, or a verb with "n't"."""
    return word in NEGATIONS or word.endswith("n't")


# Contractions that lost their apostrophe on the way (dont, isnt): a negation a typo away.
UNMARKED_CONTRACTIONS = frozenset(
    f"{verb}nt" for verb in "do does did is was are were have has had wo would could should ca ai".split()
)

# The negations that govern the word after them ("would not cut", "never met", "no evidence"); not "without",
# which paraphrases a verb as often as it negates one ("without power" / "lost power"). Besides, any "n't".
GOVERNING_NEGATIONS = frozenset("not never no cannot".split()) | UNMARKED_CONTRACTIONS

# Words that deny as a negation does: a paraphrase trades "would not comment" for "declined to comment", "did not
# say" for "refused to say", "if not repealed" for "unless repealed".
DENYING = frozenset(
    """decline declined declines declining refuse refused refuses refusing fail failed fails failing failure deny
    denied denies denying lack lacked lacks lacking reject rejected rejects rejecting unable avoid avoided stop
    stopped ceased halted ban banned banning barred barring absent absence missing little rather instead only
    hardly scarcely barely longer yet unless except""".split()
)


# Days and months: like numbers, one changed for another changes a fact, however few letters differ.
DATE_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
    september october november december today yesterday tomorrow tonight""".split()
)


# Words that are numbers: changing one changes a fact, however few letters differ (million/billion).
NUMBER_WORDS = frozenset(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
    seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand
    thousands million millions billion billions trillion trillions dozen dozens first second third fourth fifth
    sixth seventh eighth ninth tenth half quarter""".split()
)

# Vague quantities are numbers too, of no value but their own: "thousands" of troops are not "hundreds" of them.
VAGUE_QUANTITIES = ("dozens", "scores", "hundreds", "thousands", "millions", "billions")

# Number words that scale the figure before them: "991 million" counts millions (of whatever follows).
SCALES = frozenset("hundred thousand million billion trillion".split())

# Words that join the members of a list of figures (2000, 2001 and 2002; 10 to 12).
LIST_JOINERS = frozenset("and or to through".split())


# Words that say which way a figure went. One way on one side and the other way on the other, at the same
# place, reverses the claim ("Brent rose 31 cents" / "Brent fell 38 cents"), however close the spelling or the
# rest of the sentence. Not "added": it is more often "he added" than "added 200 jobs".
UPWARD = frozenset(
    """rise rises rose risen rising up gain gains gained gaining increase increased increases increasing climb
    climbed climbs climbing jump jumped jumps higher grew grow grows growing soar soared surge surged surging
    advance advanced advancing rallied rally""".split()
)
DOWNWARD = frozenset(
    """fall falls fell fallen falling down drop drops dropped dropping decline declined declines declining decrease
    decreased decreases lose loses lost losing slip slipped slips slid lower shrank shrink plunge plunged tumble
    tumbled dip dipped dips eased eases shed sank sink slump slumped""".split()
)


# Titles stand before a name and are no name of their own: "Dr Hollingworth" and "Peter Hollingworth" are one man.
TITLES = frozenset(
    """mr mrs ms miss dr sir lord lady dame president prime minister secretary senator sen rep gov governor general
    gen col capt sgt lt judge justice chancellor king queen prince princess pope rev father professor prof chief
    inspector detective officer sheriff mayor""".split()
)

# Abbreviations whose full stop ends no sentence ("Mr. Smith", "Sen. Warren"): a quotation is not cut after one.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr st gen sen rep gov lt col sgt jr sr prof rev no vs etc inc ltd co corp dept fig approx est".split()
)


# The verbs of saying, as they end an attribution ("..., a senior official said Monday.", "..., according to
# the ministry."): the altered model's features take a sentence's claim to be the sentence without it.
SAYING = (
    "said", "says", "told", "tells", "added", "adds", "according to", "stated", "wrote", "writes", "reported",
    "explained", "noted", "insisted", "argued", "claimed", "testified", "warned",
)



# Where each letter lies on a QWERTY keyboard (row, column), the rows staggered as on the keys: a letter struck
# for the key next to it is a slip of the fingers, not another word.
KEY_POSITIONS = {
    letter: (row, column + offset)
    for row, (letters, offset) in enumerate((("qwertyuiop", 0.0), ("asdfghjkl", 0.25), ("zxcvbnm", 0.75)))
    for column, letter in enumerate(letters)
}
