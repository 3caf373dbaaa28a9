"""Pure analysis: loading, normalising, segmenting and analysing documents.

Nothing here imports typer or rich, prints, exits or reads argv.
"""
