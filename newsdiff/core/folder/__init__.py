"""Many articles -> FolderAnalysis: candidate pairs, story clusters, the suggested base, how much of the base
each copy carries (coverage), site furniture (boilerplate), and the on-disk cache of it all."""
