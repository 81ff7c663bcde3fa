"""The code's versions and texts in the admin; reports stay out of it (confidential to the
conduct officers, who handle them on their own pages)."""

from django.contrib import admin

from igf.conduct.models import Code, CodeText


class CodeTextInline(admin.StackedInline[CodeText, Code]):
    model = CodeText
    extra = 0


@admin.register(Code)
class CodeAdmin(admin.ModelAdmin[Code]):
    list_display = ("version", "published")
    inlines = (CodeTextInline,)
