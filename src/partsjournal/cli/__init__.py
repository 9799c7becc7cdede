"""The command layer: Typer only. One module per command group, each with ``register(app)``;
:mod:`partsjournal.cli.root` holds the app, the command table and the one catch point."""

from partsjournal.cli.root import app, main

__all__ = ["app", "main"]
