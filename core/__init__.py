"""The bottom layer: what every app of the project may import, and which imports none of them.

Page and row bases, the one visibility rule (``core.visibility``), how relations follow a
reader's language (``core.links``), what is translated or synchronised (``core.fields``),
filters, pagination, feeds, dates, alphabets, sharing metadata and the shared template tags.
"""
