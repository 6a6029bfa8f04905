"""Synthetic people for benchmarks: Faker's Ukrainian and Russian locales, plus people whose
names were taken down only in Latin letters. Nothing here is real."""

from __future__ import annotations

import random
from collections.abc import Iterator

from faker import Faker

from fieldreg.core.names import transliterate


def people(count: int, seed: int = 7) -> Iterator[dict[str, object]]:
    rng = random.Random(seed)
    fakers = {"uk": Faker("uk_UA"), "ru": Faker("ru_RU")}
    for faker in fakers.values():
        faker.seed_instance(seed)
    needs = ["medical", "mobility", "pregnancy", "disability", "elderly_alone"]
    for _ in range(count):
        locale = "uk" if rng.random() < 0.6 else "ru"
        faker = fakers[locale]
        female = rng.random() < 0.5
        family = faker.last_name_female() if female else faker.last_name_male()
        given = faker.first_name_female() if female else faker.first_name_male()
        middle = faker.middle_name_female() if female else faker.middle_name_male()
        year = rng.randint(1935, 2024)
        person: dict[str, object] = {
            "family_name": family,
            "given_name": given,
            "patronymic": middle,
            "sex": "female" if female else "male",
            "dob": f"{year}"
            if rng.random() < 0.2
            else f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{year}",
            "phone": f"+380{rng.randint(500000000, 999999999)}",
            "origin_settlement": faker.city(),
        }
        if rng.random() < 0.1:  # written down only in Latin letters
            for name in ("family_name", "given_name", "patronymic"):
                person[name] = transliterate(str(person[name]), locale)  # type: ignore[arg-type]
        if rng.random() < 0.15:
            person["needs"] = rng.choice(needs)
        yield person
