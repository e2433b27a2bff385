"""Pathfinder: an offline desktop journal for people changing careers."""

__version__ = "0.1.0"
APP_NAME = "Pathfinder"
