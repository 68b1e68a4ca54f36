"""Article -> paragraphs, sentences and tokens: segmentation, typographic normalisation, figures and number
words, country names, and lexicon.py, every word list the engine uses."""
