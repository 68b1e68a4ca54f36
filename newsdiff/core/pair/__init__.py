"""Two articles -> Comparison: prepare each side, score every sentence pair (similarity), link them (align),
tell each link's kind and the edits inside it, mark changed facts (facts, altered) and misspellings (spelling)."""
