from django.contrib import admin

from .models import Herkomst, ImportItem, ImportRun, WachtendRecord


class ImportItemInline(admin.TabularInline):
    model = ImportItem
    fields = ["volgnummer", "naam", "soort", "status", "reden"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = ["gestart_op", "bron", "bronnaam", "gestart_door", "status", "aangemaakt", "bijgewerkt", "mislukt"]
    list_filter = ["bron", "status"]
    readonly_fields = [f.name for f in ImportRun._meta.fields]
    inlines = [ImportItemInline]


@admin.register(ImportItem)
class ImportItemAdmin(admin.ModelAdmin):
    list_display = ["naam", "run", "soort", "status"]
    list_filter = ["status", "soort"]
    search_fields = ["naam", "reden", "checksum"]
    raw_id_fields = ["run", "herkomst"]


@admin.register(Herkomst)
class HerkomstAdmin(admin.ModelAdmin):
    list_display = ["bron_systeem", "bron_id", "soort", "jaar", "status"]
    list_filter = ["status", "soort", "bron_systeem"]
    search_fields = ["bron_id", "titel", "original_url"]


@admin.register(WachtendRecord)
class WachtendRecordAdmin(admin.ModelAdmin):
    list_display = ["bron_systeem", "bron_id", "entity_type", "verwerkt"]
    list_filter = ["entity_type", "verwerkt"]
    search_fields = ["bron_id"]
