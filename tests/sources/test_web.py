"""The address checks that keep ``fetch`` away from private networks."""

from __future__ import annotations

import ipaddress

import pytest

from crosswire.errors import InputError
from crosswire.sources.web import BlockedAddressError, check_url, is_public_address


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "10.1.2.3", "172.16.5.4", "192.168.1.1", "169.254.169.254", "::1", "fe80::1", "fd00::1",
     "0.0.0.0", "::ffff:127.0.0.1", "224.0.0.1",
     # IPv4 special ranges: carrier-grade NAT (with Alibaba Cloud's metadata address), "this network",
     # IETF protocol assignments, benchmarking, documentation, reserved, broadcast, multicast
     "100.64.0.1", "100.100.100.200", "100.127.255.254", "0.1.2.3", "192.0.0.1", "192.0.0.170",
     "198.18.0.1", "198.19.255.255", "192.0.2.1", "198.51.100.7", "203.0.113.9", "240.0.0.1",
     "255.255.255.255", "239.255.255.250",
     # IPv4-mapped (the connection is IPv4)
     "::ffff:a9fe:a9fe", "::ffff:10.0.0.1", "::ffff:100.100.100.200", "::ffff:0.0.0.0",
     # IPv4-compatible (deprecated, reserved space): refused whatever it carries
     "::127.0.0.1", "::a9fe:a9fe", "::10.0.0.1", "::93.184.216.34", "::ffff:0:7f00:1",
     # 6to4 2002::/16 wrapping loopback, metadata, private and shared addresses
     "2002:7f00:1::", "2002:a9fe:a9fe::", "2002:a00:1::1", "2002:c0a8:101::", "2002:6440:1::",
     "2002:6464:64c8::", "2002::",
     # NAT64: the well-known prefix wrapping special addresses; the local-use prefix 64:ff9b:1::/48 always
     "64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe", "64:ff9b::a00:1", "64:ff9b::6464:64c8", "64:ff9b:1::a9fe:a9fe",
     "64:ff9b:1::5db8:d822",
     # Teredo 2001::/32 (not globally reachable), with loopback, private, metadata and public clients
     "2001:0:4136:e378:8000:63bf:80ff:fffe", "2001:0:4136:e378:8000:63bf:f5ff:fffe",
     "2001:0:4136:e378:8000:63bf:5601:5601", "2001:0:4136:e378:8000:63bf:a247:27dd",
     # ISATAP interface identifiers (::0:5efe:a.b.c.d, ::200:5efe:a.b.c.d) carrying special addresses
     "fe80::5efe:7f00:1", "2606:4700:10::5efe:a00:1", "2606:4700:10::200:5efe:a9fe:a9fe",
     "2606:4700:10::5efe:7f00:1",
     # IPv6 site-local, unique local, multicast, reserved, documentation, discard, unspecified
     "fec0::1", "fc00::1", "fd12:3456::1", "ff02::1", "ff0e::1", "100::1", "2001:db8::1", "4000::1", "::"],
)  # fmt: skip
def test_private_and_special_addresses_are_not_public(address: str) -> None:
    assert not is_public_address(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    "address",
    ["93.184.216.34", "2606:4700::1111", "192.0.0.9", "::ffff:93.184.216.34",
     # transition forms are judged by the IPv4 address they carry
     "2002:5db8:d822::1", "64:ff9b::5db8:d822", "2606:4700:10::200:5efe:5db8:d822"],
)  # fmt: skip
def test_public_addresses_are_public(address: str) -> None:
    assert is_public_address(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:8000/x", "http://localhost/", "http://[::1]/", "http://169.254.169.254/latest",
     "http://100.100.100.200/latest/meta-data/", "http://100.64.0.1/", "http://[2002:7f00:1::]/",
     "http://[2002:a9fe:a9fe::]/latest", "http://[::ffff:a9fe:a9fe]/", "http://[64:ff9b::7f00:1]/",
     "http://[::127.0.0.1]/", "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/", "http://[fec0::1]/",
     "http://198.18.0.1/", "http://255.255.255.255/"],
)  # fmt: skip
def test_fetching_local_addresses_is_refused(url: str) -> None:
    with pytest.raises(BlockedAddressError, match="--allow-private"):
        check_url(url)


def test_allow_private_lets_loopback_through() -> None:
    check_url("http://127.0.0.1:8000/x", allow_private=True)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "http:///nohost"])
def test_only_http_urls_with_hosts(url: str) -> None:
    with pytest.raises(InputError):
        check_url(url, allow_private=True)
