"""A contact's web address: the quick check for plain addresses agrees with the full one."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pathfinder.services import contact_fields
from pathfinder.services.contact_fields import clean_url
from pathfinder.services.validation import ValidationError


def by_urlsplit(value: str) -> str | None:
    """What clean_url answered before the quick check: the address, or None if refused."""
    url = value.strip()
    if not url:
        return ""
    if "://" not in url:
        url = "https://" + url
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or "." not in parts.netloc or " " in url:
        return None
    return url


def answer(value: str) -> str | None:
    try:
        return clean_url("linkedin_url", value)
    except ValidationError:
        return None
    except ValueError:  # urlsplit's own refusal (a broken [IPv6] host), as before
        return None


PIECES = st.sampled_from(
    ["http", "https", "ftp", "://", ":", "/", ".", "-", "a", "B", "7", "in", "com", "?", "#",
     "=", "&", " ", "\t", "[", "]", "@", "%", "é", "linkedin", "www", "x.y", "..", "\n"]
)  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(st.lists(PIECES, max_size=12).map("".join))
def test_the_quick_check_answers_as_urlsplit_does(value: str) -> None:
    assert answer(value) == by_urlsplit(value)


@pytest.mark.parametrize(
    "value",
    [
        "https://www.linkedin.com/in/ana-ruiz",
        "linkedin.com/in/ana",
        "http://example.org",
        "https://a.b/c?d=e#f",
    ],
)
def test_plain_addresses_take_the_quick_way(value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(_: str) -> None:
        raise AssertionError("urlsplit was asked")

    monkeypatch.setattr(contact_fields, "urlsplit", refuse)
    assert clean_url("linkedin_url", value).startswith("http")


@settings(max_examples=3000, deadline=None)
@given(st.lists(PIECES, max_size=12).map("".join))
def test_the_host_of_an_address_is_urlsplits(value: str) -> None:
    from pathfinder.services.contact_fields import url_host

    url = answer(value)
    if url:
        assert url_host(url) == (urlsplit(url).hostname or "").casefold()


def test_a_linkedin_address_is_told_from_a_website() -> None:
    from pathfinder.services.contact_fields import url_host

    assert url_host("https://www.LinkedIn.com/in/ana") == "www.linkedin.com"
    assert url_host("https://user@example.org:8080/x") == "example.org"
