"""The Compass section: the why and its history, target roles, goals."""
