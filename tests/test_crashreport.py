"""The crash report says where the code failed and never what the user wrote."""

from __future__ import annotations

import sys

from pathfinder.crashreport import build_report, write_report


def test_the_report_leaves_out_the_message_and_user_paths(tmp_path) -> None:
    secret = "Dana's salary is 85k and she is leaving Acme"
    try:
        raise ValueError(secret)
    except ValueError:
        exc_type, exc, tb = sys.exc_info()
    assert exc_type is not None and exc is not None
    report = build_report(exc_type, exc, tb, qt_version="6.9")
    assert "builtins.ValueError" in report
    assert "test_the_report_leaves_out_the_message_and_user_paths" in report
    assert secret not in report
    assert str(tmp_path) not in report
    saved = write_report(report, tmp_path / "logs")
    assert saved is not None and saved.read_text() == report
    assert saved.stat().st_mode & 0o777 == 0o600
