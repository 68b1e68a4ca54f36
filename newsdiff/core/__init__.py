"""The engine, pure Python (never Qt), one subpackage per stage, each importing only the stages before it:

read (files -> Article) -> text (Article -> paragraphs, sentences, tokens) -> pair (two articles ->
Comparison) -> folder (many articles -> FolderAnalysis) -> output (reports, JSON, terminal text).
model (the types between stages), places (resources and cache folders) and run (worker processes, progress)
are used by every stage. docs/architecture.md says where a new rule or input format goes.
"""
