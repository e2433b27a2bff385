"""The Conversations section: informational interviews, the question bank, outreach drafts
and events."""
