"""The address checks that keep ``fetch`` away from private networks."""

from __future__ import annotations

import ipaddress

import pytest

from crosswire.errors import InputError
from crosswire.sources.web import BlockedAddressError, check_url, is_public_address


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "10.1.2.3", "172.16.5.4", "192.168.1.1", "169.254.169.254", "::1", "fe80::1", "fd00::1",
     "0.0.0.0", "::ffff:127.0.0.1", "224.0.0.1"],
)  # fmt: skip
def test_private_and_special_addresses_are_not_public(address: str) -> None:
    assert not is_public_address(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:4700::1111"])
def test_public_addresses_are_public(address: str) -> None:
    assert is_public_address(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8000/x", "http://localhost/", "http://[::1]/", "http://169.254.169.254/latest"]
)
def test_fetching_local_addresses_is_refused(url: str) -> None:
    with pytest.raises(BlockedAddressError, match="--allow-private"):
        check_url(url)


def test_allow_private_lets_loopback_through() -> None:
    check_url("http://127.0.0.1:8000/x", allow_private=True)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "http:///nohost"])
def test_only_http_urls_with_hosts(url: str) -> None:
    with pytest.raises(InputError):
        check_url(url, allow_private=True)
