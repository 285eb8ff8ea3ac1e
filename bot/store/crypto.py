"""Encryption at rest for what users write: message text, intake answers, LINE user ids.

Columns typed `EncryptedText` / `EncryptedJSON` are stored as Fernet tokens (AES-128-CBC with
HMAC-SHA256). Keys come from `TSUNAGU_DATA_KEYS` (comma-separated, newest first): new writes use the
first key, reads try every key, so a key is rotated by putting a new one in front and running
`tsunagu rotate-keys`. Without `TSUNAGU_DATA_KEYS`, one key is derived from the secret key.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import Text, TypeDecorator
from sqlalchemy.engine import Dialect

DERIVATION_INFO = b"tsunagu data key v1"


class DataKeyError(ValueError):
    """A data key is malformed, or a stored value was written with a key that is not configured."""


class Keyring:
    """The data keys in use: the first encrypts, all decrypt."""

    def __init__(self, keys: list[bytes]) -> None:
        if not keys:
            raise DataKeyError("at least one data key is needed")
        try:
            self.fernets = [Fernet(key) for key in keys]
        except ValueError as exc:
            raise DataKeyError("TSUNAGU_DATA_KEYS: each key must be 32 url-safe base64 bytes") from exc
        self.multi = MultiFernet(self.fernets)

    def encrypt(self, plain: bytes) -> str:
        """Encrypt with the newest key."""
        return self.multi.encrypt(plain).decode("ascii")

    def decrypt(self, token: str) -> bytes:
        """Decrypt with whichever configured key wrote the token."""
        try:
            return self.multi.decrypt(token.encode("ascii"))
        except InvalidToken as exc:
            raise DataKeyError("stored value was encrypted with a key not in TSUNAGU_DATA_KEYS") from exc

    def rotate(self, token: str) -> str:
        """Re-encrypt a token with the newest key."""
        return self.multi.rotate(token.encode("ascii")).decode("ascii")

    def is_current(self, token: str) -> bool:
        """True when the token was written with the newest key."""
        try:
            self.fernets[0].decrypt(token.encode("ascii"))
        except InvalidToken:
            return False
        return True


def derive_key(secret: bytes) -> bytes:
    """A Fernet key derived from the secret key (HKDF-SHA256)."""
    raw = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=DERIVATION_INFO).derive(secret)
    return base64.urlsafe_b64encode(raw)


def generate_key() -> str:
    """A new random data key, for TSUNAGU_DATA_KEYS."""
    return Fernet.generate_key().decode("ascii")


_keyring: Keyring | None = None


def configure(data_keys: str | None, secret: bytes) -> Keyring:
    """Install the process-wide keyring from TSUNAGU_DATA_KEYS, or from the secret key."""
    global _keyring
    keys = [k.strip().encode("ascii") for k in (data_keys or "").split(",") if k.strip()]
    _keyring = Keyring(keys or [derive_key(secret)])
    return _keyring


def keyring() -> Keyring:
    """The configured keyring."""
    if _keyring is None:
        raise RuntimeError("encryption keys are not configured (bot.store.crypto.configure)")
    return _keyring


class EncryptedText(TypeDecorator[str]):
    """A string stored encrypted."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        """Encrypt on the way in."""
        return None if value is None else keyring().encrypt(value.encode("utf-8"))

    def process_result_value(self, value: str | None, dialect: Dialect) -> str | None:
        """Decrypt on the way out."""
        return None if value is None else keyring().decrypt(value).decode("utf-8")


class EncryptedJSON(TypeDecorator[Any]):
    """A JSON value stored encrypted."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        """Serialize and encrypt on the way in."""
        if value is None:
            return None
        return keyring().encrypt(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))

    def process_result_value(self, value: str | None, dialect: Dialect) -> Any:
        """Decrypt and parse on the way out."""
        return None if value is None else json.loads(keyring().decrypt(value))
