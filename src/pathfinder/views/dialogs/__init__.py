"""Dialogs: about, keyboard shortcuts, the crash report."""
