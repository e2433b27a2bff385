"""The People section: contacts, their organisations, timelines and follow-ups."""
