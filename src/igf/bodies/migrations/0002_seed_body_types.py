"""Seed the body types the IGF has, with their capability flags (igf-facts, seed documents)."""

from typing import Any

from django.db import migrations

TYPES: list[dict[str, Any]] = [
    {"slug": "mag", "name": "Multistakeholder Advisory Group", "name_plural": "Multistakeholder Advisory Groups",
     "has_fixed_terms": True, "min_stakeholder_groups": 4, "has_mailing_list": True,
     "meetings_open_by_default": True, "order": 10},
    {"slug": "mag-working-group", "name": "MAG working group", "name_plural": "MAG working groups",
     "has_mailing_list": True, "order": 20},
    {"slug": "bpf", "name": "Best Practice Forum", "name_plural": "Best Practice Forums",
     "has_open_membership": True, "min_stakeholder_groups": 3, "has_mailing_list": True,
     "may_publish_for_comment": True, "is_intersessional": True, "order": 30},
    {"slug": "dc", "name": "Dynamic Coalition", "name_plural": "Dynamic Coalitions",
     "has_open_membership": True, "min_stakeholder_groups": 3, "needs_annual_report": True,
     "annual_report_due": "03-31", "has_mailing_list": True, "may_publish_for_comment": True,
     "is_intersessional": True, "order": 40},
    {"slug": "pn", "name": "Policy Network", "name_plural": "Policy Networks",
     "has_open_membership": True, "min_stakeholder_groups": 3, "has_mailing_list": True,
     "may_publish_for_comment": True, "is_intersessional": True, "order": 50},
    {"slug": "pn-mwg", "name": "Policy Network working group", "name_plural": "Policy Network working groups",
     "has_fixed_terms": True, "min_stakeholder_groups": 4, "has_mailing_list": True,
     "may_publish_for_comment": True, "order": 60},
    {"slug": "nri", "name": "National, regional or youth IGF initiative",
     "name_plural": "National, regional and youth IGF initiatives", "min_stakeholder_groups": 3,
     "needs_annual_report": True, "annual_report_due": "03-31", "is_initiative": True, "order": 70},
    {"slug": "secretariat", "name": "Secretariat", "name_plural": "Secretariats",
     "meetings_open_by_default": False, "order": 80},
    {"slug": "working-group", "name": "Working group", "name_plural": "Working groups",
     "has_mailing_list": True, "may_publish_for_comment": True, "order": 90},
]  # fmt: skip


def seed(apps: Any, schema_editor: Any) -> None:
    body_type = apps.get_model("bodies", "BodyType")
    for values in TYPES:
        body_type.objects.update_or_create(slug=values["slug"], defaults=values)


class Migration(migrations.Migration):
    dependencies = [("bodies", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
