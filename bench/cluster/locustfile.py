"""What remote participants do when a session starts (run by bench/cluster/run.py).

Each simulated participant has its own loopback address (127.1.x.y), so per-address limits
(nginx's limit_req, the sign-in limits) treat them as the different people they stand for.
Every acknowledged (2xx after its redirect) star is appended to CLUSTER_WRITES, one line
"email session", so the run can check that each is in the database afterwards.
"""

from __future__ import annotations

import itertools
import os
import random
import re
import threading
from typing import Any

from locust import HttpUser, between, task
from requests.adapters import HTTPAdapter

SESSIONS = [int(pk) for pk in os.environ["CLUSTER_SESSIONS"].split(",")]
MEETING = os.environ["CLUSTER_MEETING"]
PASSWORD = os.environ["CLUSTER_PASSWORD"]
ACCOUNTS = int(os.environ["CLUSTER_ACCOUNTS"])
WRITES = os.environ["CLUSTER_WRITES"]
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_numbers = itertools.count()
_lock = threading.Lock()


class SourceAddressAdapter(HTTPAdapter):
    def __init__(self, address: str) -> None:
        self.address = address
        super().__init__(pool_maxsize=2)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["source_address"] = (self.address, 0)
        super().init_poolmanager(*args, **kwargs)


class Participant(HttpUser):
    wait_time = between(1, 4)

    def on_start(self) -> None:
        self.number = next(_numbers) % ACCOUNTS
        address = f"127.1.{self.number // 250}.{self.number % 250 + 1}"
        self.client.mount("http://", SourceAddressAdapter(address))
        self.email = f"cluster{self.number}@example.org"
        self.signed_in = False
        self.session = random.choice(SESSIONS)
        # A session starts: the schedule, the session's page, then signing in to star it.
        self.schedule()
        self.session_page()
        self.sign_in()

    def _csrf(self, path: str, name: str) -> str | None:
        with self.client.get(path, name=name, catch_response=True) as response:
            found = CSRF.search(response.text)
            if response.status_code != 200 or not found:
                response.failure(f"no form ({response.status_code})")
                return None
            return found.group(1)

    @task(3)
    def schedule(self) -> None:
        self.client.get(f"/programme/meetings/{MEETING}/schedule/", name="schedule")

    @task(3)
    def session_page(self) -> None:
        self.client.get(f"/programme/sessions/{self.session}/", name="session")

    @task(4)
    def star(self) -> None:
        if not self.signed_in:
            self.sign_in()
            return
        token = self._csrf(f"/programme/sessions/{self.session}/", "session (signed in)")
        if token is None:
            return
        with self.client.post(
            f"/programme/sessions/{self.session}/star/",
            data={"csrfmiddlewaretoken": token, "starred": "1"},
            name="star",
            catch_response=True,
        ) as response:
            if response.status_code == 200 and "/accounts/login/" not in response.url:
                with _lock, open(WRITES, "a") as stream:
                    stream.write(f"{self.email} {self.session}\n")
            else:
                response.failure(f"star answered {response.status_code} at {response.url}")
        self.session = random.choice(SESSIONS)

    @task(1)
    def agenda(self) -> None:
        if self.signed_in:
            self.client.get(f"/programme/meetings/{MEETING}/agenda/", name="agenda")

    def sign_in(self) -> None:
        token = self._csrf("/accounts/login/", "sign-in form")
        if token is None:
            return
        with self.client.post(
            "/accounts/login/",
            data={"csrfmiddlewaretoken": token, "login": self.email, "password": PASSWORD},
            name="sign in",
            catch_response=True,
        ) as response:
            if response.status_code == 200 and "/accounts/login/" not in response.url:
                self.signed_in = True
            else:
                response.failure(f"sign-in answered {response.status_code} at {response.url}")
