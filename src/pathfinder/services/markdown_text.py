"""Markdown to HTML that is safe to show: only an allow-list of tags and attributes survives.

Notes are the user's own, but text pasted from elsewhere can carry HTML; nothing
but plain formatting and http(s)/mailto links is ever passed to the screen.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import markdown

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "strong",
    "em",
    "b",
    "i",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "del",
    "s",
}
VOID_TAGS = {"br", "hr"}
SAFE_SCHEMES = ("http://", "https://", "mailto:")
SKIP_CONTENT = {"script", "style", "iframe", "object"}


class _Sanitiser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIP_CONTENT:
            self._skipping += 1
            return
        if self._skipping or tag not in ALLOWED_TAGS:
            return
        kept = ""
        if tag == "a":
            href = dict(attrs).get("href") or ""
            if href.strip().lower().startswith(SAFE_SCHEMES):
                kept = f' href="{html.escape(href.strip(), quote=True)}"'
        self.out.append(f"<{tag}{kept}>")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP_CONTENT:
            self._skipping = max(0, self._skipping - 1)
            return
        if not self._skipping and tag in ALLOWED_TAGS and tag not in VOID_TAGS:
            self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.out.append(html.escape(data, quote=False))


def sanitise(fragment: str) -> str:
    parser = _Sanitiser()
    parser.feed(fragment)
    parser.close()
    return "".join(parser.out)


# A "<" that starts anything but an autolink is the user's text, not HTML: escaping it
# before rendering shows "<script>" as written instead of passing markup through.
_RAW_TAG = re.compile(r"<(?!(?:https?://|mailto:)[^>\s]*>)")


def to_safe_html(text: str) -> str:
    """Render Markdown (with tables and sane lists); raw HTML shows as text, and only the
    allowed tags reach the screen."""
    rendered = markdown.markdown(_RAW_TAG.sub("&lt;", text), extensions=["tables", "sane_lists"])
    return sanitise(rendered)
