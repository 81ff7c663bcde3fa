"""The funding's permission scene."""

from tests.funding.scene import actors, scene  # noqa: F401 - the permission matrix's fixtures
