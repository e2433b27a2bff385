"""The mentor report as one standalone HTML page: its own inline styles, nothing fetched.

The Markdown is rendered and then sanitised like every other Markdown Pathfinder
shows, so only plain formatting and http(s)/mailto links survive.
"""

from __future__ import annotations

import html

from pathfinder.services.markdown_text import to_safe_html

# Kept to what both browsers and Qt's rich text (used for the PDF) understand.
STYLE = """
body { font-family: "Segoe UI", "Helvetica Neue", "DejaVu Sans", Arial, sans-serif;
       font-size: 11pt; line-height: 1.45; color: #1f2328; max-width: 46em;
       margin: 2em auto; padding: 0 1em; }
h1 { font-size: 20pt; margin: 0 0 0.2em 0; }
h2 { font-size: 14pt; margin: 1.4em 0 0.4em 0; color: #1a4d6e;
     border-bottom: 1px solid #c9d6df; padding-bottom: 0.15em; }
h3 { font-size: 12pt; margin: 1.1em 0 0.3em 0; }
h4 { font-size: 11.5pt; margin: 1em 0 0.3em 0; }
h5 { font-size: 11pt; margin: 1em 0 0.3em 0; }
h6 { font-size: 11pt; font-style: italic; margin: 1em 0 0.3em 0; }
blockquote { margin: 0.4em 0 0.8em 0; padding: 0.1em 0 0.1em 0.9em; color: #3d444d;
             border-left: 3px solid #c9d6df; }
table { border-collapse: collapse; margin: 0.4em 0 0.8em 0; }
th, td { border: 1px solid #c9d6df; padding: 0.25em 0.6em; text-align: left;
         vertical-align: top; }
th { background: #eef3f7; }
code, pre { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 10pt; }
pre { background: #f4f6f8; padding: 0.5em; white-space: pre-wrap; }
ul, ol { margin: 0.3em 0 0.8em 0; }
"""


def strip_front_matter(markdown_text: str) -> str:
    if markdown_text.startswith("---\n"):
        end = markdown_text.find("\n---\n", 4)
        if end != -1:
            return markdown_text[end + 5 :].lstrip("\n")
    return markdown_text


def body_html(markdown_text: str) -> str:
    """The report's body as sanitised HTML (for the preview and the PDF)."""
    return to_safe_html(strip_front_matter(markdown_text))


def render_html(markdown_text: str, title: str) -> str:
    """A complete HTML document for the report."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="Pathfinder">\n'
        f"<title>{html.escape(title)}</title>\n"
        f"<style>{STYLE}</style>\n</head>\n<body>\n"
        f"{body_html(markdown_text)}\n</body>\n</html>\n"
    )
