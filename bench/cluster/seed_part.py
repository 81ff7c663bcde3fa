"""Run inside `manage.py shell` by bench/cluster/run.py when CLUSTER_DEMO=schedule: the part
of the demo the load visits (people, bodies, meetings, programme, schedule), as seed_demo
seeds it, without the apps above the schedule (consultations, opinions, outcomes, ...)."""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps

from igf.core.demo import SEED, DemoContext

PART = ("igf.core", "igf.people", "igf.bodies", "igf.meetings", "igf.programme", "igf.schedule")
context = DemoContext(seed=SEED)
for config in apps.get_app_configs():
    if config.name in PART and find_spec(f"{config.name}.demo") is not None:
        import_module(f"{config.name}.demo").seed(context)
        print(f"seeded {config.label}")
