"""The platforms' own exports (Meta, LinkedIn, X, YouTube) read into stored facts and month
figures (docs/architecture.md, "Platform exports").

``recognise`` names what a file is by its content (never its name); one reader per source
(``meta_posts``, ``meta_daily``, ``linkedin``, ``x_analytics``, ``youtube``) turns its rows into
``core.export_facts.ExportFact``; ``plan`` checks a whole file against the store (all or
nothing) and says what it would change; ``apply_plan`` writes it in one transaction.
"""
