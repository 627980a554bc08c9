"""Which network addresses news60 connects to: public ones; private ones only when allowed;
link-local and cloud-metadata ones never. An IPv6 form that carries an IPv4 address is judged
by the IPv4 address it carries."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Sequence
from ipaddress import IPv4Address, IPv6Address
from typing import Any

Address = IPv4Address | IPv6Address

# Instance-metadata services hand out cloud credentials to whoever asks from inside the machine.
METADATA = tuple(
    ipaddress.ip_network(n)
    for n in (
        "169.254.0.0/16",  # link-local: AWS, GCP, Azure and OpenStack metadata at 169.254.169.254
        "fd00:ec2::254/128",  # AWS's IPv6 metadata endpoint
        "100.100.100.200/32",  # Alibaba Cloud's metadata endpoint
        "168.63.129.16/32",  # Azure's WireServer, a public address that answers only inside Azure
    )
)
# IPv6 prefixes whose last 32 bits are an IPv4 address the packet ends up at (RFC 6052, 8215).
NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))


def parse(text: str) -> Address:
    """An address as getaddrinfo writes it, IPv6 zone (%eth0) dropped; ValueError if not one."""
    return ipaddress.ip_address(text.split("%", 1)[0])


def embedded(address: Address) -> Address:
    """The IPv4 address an IPv6 form carries (::ffff:a.b.c.d, ::a.b.c.d, NAT64, 6to4), else itself."""
    if isinstance(address, IPv4Address):
        return address
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    value = int(address)
    if 1 < value < 2**32:  # ::a.b.c.d, the deprecated IPv4-compatible form (:: and ::1 excluded)
        return IPv4Address(value)
    if any(address in prefix for prefix in NAT64):
        return IPv4Address(value & 0xFFFFFFFF)
    return address


def describe(address: Address) -> str:
    """The address as written, with the IPv4 it carries: '::ffff:a9fe:a9fe (that is 169.254.169.254)'."""
    inner = embedded(address)
    return f"{address} (that is {inner})" if inner != address else str(address)


def refusal(address: Address, *, allow_private: bool) -> str:
    """Why news60 will not connect to `address` ("" when it may)."""
    inner = embedded(address)
    for candidate in {address, inner}:
        if candidate.is_link_local or any(candidate in net for net in METADATA):
            return "a link-local or cloud-metadata address"
        if candidate.is_multicast:
            return "a multicast address"
    if allow_private:
        return ""
    if not inner.is_global:
        return "a private address"
    return ""


# One getaddrinfo answer: family, kind, proto, canonical name, and the socket address, whose first
# item is the address text (its length differs for IPv4 and IPv6).
AddrInfo = tuple[socket.AddressFamily, socket.SocketKind, int, str, tuple[Any, ...]]


def resolve(host: str, port: int) -> Sequence[AddrInfo]:
    """getaddrinfo's TCP answers for host:port (OSError when the name does not resolve)."""
    try:
        return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except UnicodeError as exc:  # an IDNA label too long or malformed
        raise socket.gaierror(str(exc)) from None


def first_refusal(infos: Sequence[AddrInfo], *, allow_private: bool) -> tuple[Address, str] | None:
    """The first resolved address that may not be reached, and why; None when all may."""
    for info in infos:
        address = parse(info[4][0])
        if reason := refusal(address, allow_private=allow_private):
            return address, reason
    return None


def connect_checked(
    infos: Sequence[AddrInfo], timeout: float | None, source: tuple[str, int] | None = None
) -> socket.socket:
    """A TCP connection to the first of `infos` (already checked) that answers, as
    socket.create_connection makes it; the last error when none does."""
    error: OSError | None = None
    for family, kind, proto, _, sockaddr in infos:
        sock = socket.socket(family, kind, proto)
        try:
            if timeout is not None:
                sock.settimeout(timeout)
            if source:
                sock.bind(source)
            sock.connect(sockaddr)
            return sock
        except OSError as exc:
            error = exc
            sock.close()
    raise error or OSError("no address to connect to")
