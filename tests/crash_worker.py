"""Registers people in a loop and prints each ID only after `register` returned (= committed).
Run by tests/test_crash_safety.py, which kills it with SIGKILL at random moments."""

from __future__ import annotations

import sys
from pathlib import Path

from fieldreg.services import vault
from fieldreg.services.paths import DataDir


def main() -> None:
    directory = DataDir(Path(sys.argv[1]))
    session = vault.open_session(directory, operator=None, passphrase=sys.argv[2], load=False)
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        person_id = session.register(
            {"family_name": "Ткаченко", "given_name": "Тест", "dob": str(1940 + n % 80)},
            new_household=n % 7 == 0,
        )
        if n % 3 == 0:
            session.set_status(person_id, "waiting", note="черга")
        print(person_id, flush=True)


if __name__ == "__main__":
    main()
