"""The name matcher: one way to tell whether two spellings name the same person.

Serves the desk's search as you type (`services.search_index`), the coordinator's duplicate
review and the reconciliation of lists of sought persons. Pure Python over rapidfuzz and numpy:
no Qt, no SQLAlchemy, nothing personal kept beyond the caches `phonetic.clear_name_caches` empties.

- `romanise`: Latin spellings per published system (KMU 2010, ICAO 9303, BGN/PCGN, ISO 9,
  GOST 7.79 System B, German, French and Polish practice); `latin` picks the system for a person;
- `equivalents`: the Ukrainian <-> Russian name table in `resources/names/equivalents.tsv`;
- `phonetic`: the cross-script key every spelling of a name is reduced to;
- `keyboard`: text typed with the wrong keyboard layout, read back (the scan parser's tables);
- `initials`: "Гнатюк О. В." and its sound classes;
- `compare`: two records field by field, with a score, a likely/possible label and reasons.
"""
