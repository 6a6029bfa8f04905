"""`make bench`: every speed and memory target of the issues, measured and printed next to it."""
