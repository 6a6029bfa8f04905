"""Synthetic people for the report tests: Faker's Ukrainian and Russian names, nothing real."""

from __future__ import annotations

import random

from faker import Faker

from fieldreg.services.session import Session


def register_people(
    session: Session, count: int, *, seed: int = 5, consent_every: int = 2
) -> dict[str, bool]:
    """Register `count` people; every `consent_every`-th one consents to tracing, the others
    refuse. Returns ID -> consented. Some get needs, a status change and a Latin spelling."""
    rng = random.Random(seed)
    fakers = [Faker("uk_UA"), Faker("ru_RU")]
    for faker in fakers:
        faker.seed_instance(seed)
    consented: dict[str, bool] = {}
    for number in range(count):
        faker = fakers[number % 2]
        female = rng.random() < 0.5
        fields: dict[str, object] = {
            "family_name": faker.last_name_female() if female else faker.last_name_male(),
            "given_name": faker.first_name_female() if female else faker.first_name_male(),
            "patronymic": faker.middle_name_female() if female else faker.middle_name_male(),
            "sex": "female" if female else "male",
            "dob": f"{rng.randint(1940, 2020)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            if number % 3
            else str(rng.randint(1940, 2020)),
            "origin_settlement": faker.city(),
        }
        if number % 4 == 0:
            fields["needs"] = ["medical"] if number % 8 else ["mobility", "elderly_alone"]
        if number % 5 == 0:
            fields["latin_family_name"] = "Shevchenko"
            fields["latin_given_name"] = "Olena"
        person_id = session.register(fields)
        agrees = number % consent_every == 0
        session.record_consent(person_id, {"consent_tracing": "yes" if agrees else "no"})
        if number % 3 == 0:
            session.set_status(person_id, "waiting", location="Зала 2")
        consented[person_id] = agrees
    return consented
