"""The admin app, with the forum's site as its default (in INSTALLED_APPS before any model
is loaded, so this module imports nothing that needs the app registry)."""

from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig


class AdminConfig(DjangoAdminConfig):
    default_site = "igf.core.admin_site.ForumAdminSite"
