"""Keys and sealing: passphrase KDF, recovery keys, key slots, field sealing.

Imports only the standard library, `cryptography` and `fieldreg.core`.
"""
