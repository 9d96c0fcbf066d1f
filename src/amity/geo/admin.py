from django.contrib import admin

from .models import Country, Province


class ReferenceDataAdmin(admin.ModelAdmin):
    """View-only: the data comes from scripts/build_geo_data.py through a migration, so a
    correction belongs there, where every database gets it."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Province)
class ProvinceAdmin(ReferenceDataAdmin):
    list_display = ("code", "name", "name_en", "kind", "is_current", "successor")
    list_filter = ("is_current", "kind")
    search_fields = ("code", "name", "full_name", "name_en")
    list_select_related = ("successor",)


@admin.register(Country)
class CountryAdmin(ReferenceDataAdmin):
    list_display = ("code", "alpha3", "numeric", "name_en", "name_vi", "region")
    list_filter = ("region",)
    search_fields = ("code", "alpha3", "numeric", "name_en", "name_vi")
