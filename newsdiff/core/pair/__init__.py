"""Two articles -> Comparison: prepare each side, score every sentence pair (similarity), link them (align),
tell each link's differing runs (changes), its kind (kinds) and the edits inside it (edits), mark changed facts
(facts, altered) and misspellings (spelling)."""
