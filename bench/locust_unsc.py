"""Locust workload for the web app: a mixed read load over many distinct URLs.

Each simulated user picks, at random, one of the pages and API calls a reader
of the record makes: the Council on a random date (page and API), a member
(page and API), a resolution's decision (page and API), resolutions of a
random year, the vetoes (all, by member, since a date), a random page of the
record explorer with random filters, and the mandates. Resolution numbers,
member codes and the explorer's page count come from the pool file that
``bench/load_test.py`` writes from the database under test
(``UNSC_LOAD_POOL``), so nearly every request names a different URL: the
cache is not one URL repeated.

Run through ``bench/load_test.py`` (which builds the database, starts the
server and prints p50, p99 and errors); by hand:
``locust -f bench/locust_unsc.py --headless -u 20 -r 20 -t 60s --host URL``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import pathlib
import random

from locust import FastHttpUser, between, tag, task

POOL = json.loads(pathlib.Path(os.environ["UNSC_LOAD_POOL"]).read_text(encoding="utf-8"))
FIRST = dt.date(1946, 1, 17).toordinal()
LAST = dt.date(2027, 12, 31).toordinal()


def _date() -> str:
    return dt.date.fromordinal(random.randint(FIRST, LAST)).isoformat()


def _resolution() -> int:
    return int(random.choice(POOL["resolutions"]))


def _member() -> str:
    return str(random.choice(POOL["members"]))


#: Seconds a user waits between two requests, "LOW-HIGH" (``bench/load_test.py --think``).
#: The default, next to none, makes the run a closed loop of back-to-back requests, where
#: the latency is the number of users over the throughput (Little's law).
THINK = tuple(float(x) for x in os.environ.get("UNSC_LOAD_THINK", "0-0.01").split("-", 1))


class Reader(FastHttpUser):
    """A reader of the record: pages and API calls, with the think time ``THINK``."""

    wait_time = between(THINK[0], THINK[-1])

    @task(4)
    def council_page(self) -> None:
        self.client.get(f"/council/{_date()}", name="/council/[date]")

    @task(4)
    def council_api(self) -> None:
        self.client.get(f"/api/council/{_date()}", name="/api/council/[date]")

    @task(3)
    def member_page(self) -> None:
        self.client.get(f"/members/{_member()}", name="/members/[code]")

    @task(3)
    def member_api(self) -> None:
        self.client.get(f"/api/members/{_member()}", name="/api/members/[code]")

    @tag("decision-page")
    @task(3)
    def decision_page(self) -> None:
        self.client.get(f"/decisions/res:{_resolution()}", name="/decisions/[key]")

    @task(3)
    def decision_api(self) -> None:
        self.client.get(f"/api/decisions/res:{_resolution()}", name="/api/decisions/[key]")

    @task(3)
    def resolutions_of_a_year(self) -> None:
        year = random.randint(1946, 2025)
        self.client.get(f"/api/resolutions?year={year}", name="/api/resolutions?year=[y]")

    @task(2)
    def vetoes(self) -> None:
        choice = random.randrange(3)
        if choice == 0:
            self.client.get("/api/vetoes", name="/api/vetoes")
        elif choice == 1:
            member = random.choice(["CHN", "FRA", "GBR", "RUS", "SUN", "USA"])
            self.client.get(f"/api/vetoes?member={member}", name="/api/vetoes?member=[m]")
        else:
            self.client.get(f"/api/vetoes?since={_date()}", name="/api/vetoes?since=[d]")

    @task(3)
    def explorer(self) -> None:
        view = random.choice(["resolutions", "drafts", "vetoes"])
        if random.random() < 0.5:
            params = f"view={view}&page={random.randint(1, int(POOL['pages'][view]))}"
        else:
            start = random.randint(1946, 2025)
            params = f"view={view}&from={start}&to={min(2025, start + random.randint(0, 5))}"
            if random.random() < 0.3:
                params += f"&member={_member()}&vote={random.choice('YNA')}"
        self.client.get(f"/record?{params}", name="/record?[filters]")

    @task(1)
    def vetoes_page(self) -> None:
        self.client.get("/vetoes", name="/vetoes")

    @task(1)
    def mandates(self) -> None:
        self.client.get(f"/mandates?at={_date()}", name="/mandates?at=[date]")
