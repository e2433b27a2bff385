"""What the existing Markdown tests leave out: <iframe>, <object>, <svg>, <style>, and
links to file:, data: and vbscript:, spelled in the ways a browser would still follow
(upper case, entities, blanks). Only http(s) and mailto links may reach the screen, and
no tag may load anything."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from pathfinder.services.markdown_text import to_safe_html

HOSTILE = [
    "<iframe src=https://example.org></iframe>",
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "<object data=https://example.org/x.swf></object>",
    "<embed src=https://example.org/x.swf>",
    "<svg onload=alert(1)><circle/></svg>",
    "<style>body{background:url(https://example.org/track)}</style>",
    "<math><mtext><script>alert(1)</script></mtext></math>",
    '<a href="javascript:alert(1)">raw link</a>',
    "[file](file:///etc/passwd)",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[vb](vbscript:msgbox(1))",
    "[upper](JAVASCRIPT:alert(1))",
    "[entity](&#106;avascript:alert(1))",
    "[hex entity](&#x6A;avascript:alert(1))",
    "[blank](\tjavascript:alert(1))",
    "[ref][x]\n\n[x]: javascript:alert(1)",
    "<javascript:alert(1)>",
    "<file:///etc/passwd>",
    "![tracker](https://example.org/pixel.png)",
    '<img src="x" onerror="alert(1)">',
    "<base href=https://example.org/>",
    '<meta http-equiv="refresh" content="0;url=https://example.org">',
    "<form action=https://example.org><input name=x></form>",
]
SHOWN_TAGS = {"p", "a", "code", "pre", "em", "strong", "br", "ul", "ol", "li", "blockquote"}


class Tags(HTMLParser):
    """The tags and attributes of the HTML given to the screen (not the escaped text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))


@pytest.mark.parametrize("text", HOSTILE)
def test_nothing_unsafe_reaches_the_screen(text: str) -> None:
    shown = to_safe_html(f"Before\n\n{text}\n\nAfter")
    tags = Tags()
    tags.feed(shown)
    tags.close()
    for tag, attrs in tags.found:
        assert tag in SHOWN_TAGS, shown
        if tag == "a":
            assert [name for name, _value in attrs] in ([], ["href"]), shown
            for _name, value in attrs:
                assert (value or "").lower().startswith(("http://", "https://", "mailto:")), shown
        else:
            assert attrs == [], shown
    assert "Before" in shown and "After" in shown  # the rest of the text is still there


def test_the_allowed_links_still_work() -> None:
    shown = to_safe_html("[site](https://example.org/a?b=1&c=2) and <mailto:ana@example.org>")
    assert '<a href="https://example.org/a?b=1&amp;c=2">site</a>' in shown
    assert 'href="mailto:ana@example.org"' in shown
