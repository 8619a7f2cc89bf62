"""Reading an HTTP response from outside without letting it take more memory or time than allowed.

httpx decodes ``Content-Encoding`` one network chunk at a time, each chunk decompressed whole before
anyone can count it: a few kilobytes of nested gzip become gigabytes in one call. Here the raw bytes
are read and every layer of encoding is undone with an output limit, so no layer ever holds more than
the cap (plus one byte, to know it was passed), whatever the compression ratio.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Iterable

import httpx

# What we can undo ourselves under a cap; anything else is refused rather than decoded blindly.
DECODABLE = {"gzip", "x-gzip", "deflate"}
IDENTITY = {"", "identity"}
MAX_LAYERS = 3


class TooLarge(Exception):
    """The body (or one of its decoded layers) is larger than the cap."""


class BadEncoding(Exception):
    """The body is in an encoding we do not undo, or its compressed data is broken."""


class _Inflater:
    """One layer of gzip or deflate, undone incrementally with a limit on what it may produce."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        # 32 + MAX_WBITS reads a gzip or a zlib header, whichever is there.
        self.decoder = zlib.decompressobj(32 + zlib.MAX_WBITS)
        self.raw_deflate = False
        self.produced = 0

    def feed(self, data: bytes, cap: int) -> bytes:
        out = bytearray()
        while data:
            room = cap - self.produced - len(out) + 1
            try:
                chunk = self.decoder.decompress(data, room)
            except zlib.error:
                if self.encoding == "deflate" and not self.raw_deflate and self.produced == 0 and not out:
                    # Some servers send raw deflate without the zlib header.
                    self.raw_deflate = True
                    self.decoder = zlib.decompressobj(-zlib.MAX_WBITS)
                    continue
                raise BadEncoding(f"broken {self.encoding} data") from None
            out += chunk
            if self.produced + len(out) > cap:
                raise TooLarge
            if not chunk and self.decoder.unconsumed_tail == data:
                break  # no progress possible with this input (it waits for more)
            data = self.decoder.unconsumed_tail
            if self.decoder.eof:
                # A gzip stream may hold several members one after the other.
                rest = self.decoder.unused_data
                self.decoder = zlib.decompressobj(32 + zlib.MAX_WBITS)
                data = rest + data
                if not rest.strip(b"\x00"):
                    break
        self.produced += len(out)
        return bytes(out)


def encodings(response: httpx.Response) -> list[str]:
    """The response's content codings, in the order they were applied (the last one is undone first)."""
    header = response.headers.get("content-encoding", "")
    return [part.strip().lower() for part in header.split(",") if part.strip().lower() not in IDENTITY]


def decode_capped(chunks: Iterable[bytes], layers: list[str], cap: int, deadline: float | None = None) -> bytes:
    """Join ``chunks`` (raw bytes as received), undoing ``layers`` of encoding, never past ``cap`` bytes.

    Raises :class:`TooLarge` as soon as the raw bytes or any decoded layer pass ``cap``,
    :class:`BadEncoding` for an encoding we do not undo, and ``httpx.ReadTimeout`` past ``deadline``
    (a ``time.monotonic()`` value).
    """
    unknown = [name for name in layers if name not in DECODABLE]
    if unknown or len(layers) > MAX_LAYERS:
        raise BadEncoding(f"content encoding {', '.join(unknown or layers)}")
    inflaters = [_Inflater(name) for name in reversed(layers)]
    body = bytearray()
    received = 0
    for chunk in chunks:
        received += len(chunk)
        if received > cap:
            raise TooLarge
        data = chunk
        for inflater in inflaters:
            data = inflater.feed(data, cap)
            if not data:
                break
        body += data
        if len(body) > cap:
            raise TooLarge
        if deadline is not None and time.monotonic() > deadline:
            raise httpx.ReadTimeout("The whole transfer took too long.")
    return bytes(body)


def read_capped(response: httpx.Response, cap: int, deadline: float | None = None) -> bytes:
    """The decoded body of a streamed ``response``, at most ``cap`` bytes, raw and decoded alike."""
    declared = response.headers.get("content-length", "")
    if declared.isascii() and declared.isdigit() and int(declared) > cap:
        raise TooLarge
    return decode_capped(response.iter_raw(), encodings(response), cap, deadline)


def text_of(response: httpx.Response, data: bytes) -> str:
    """``data`` decoded with the response's declared charset (UTF-8 when none or an unknown one)."""
    charset = response.charset_encoding or "utf-8"
    try:
        return data.decode(charset, errors="replace")
    except LookupError:
        return data.decode("utf-8", errors="replace")
