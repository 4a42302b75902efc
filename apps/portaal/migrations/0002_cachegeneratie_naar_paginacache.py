# CacheGeneratie moved to the paginacache app; the table stays (state only).

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("portaal", "0001_cachegeneratie"),
        ("paginacache", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="CacheGeneratie")],
            database_operations=[],
        ),
    ]
