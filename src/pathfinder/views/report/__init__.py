"""The Report section: the mentor report for a period, and the "share my goals" message."""
