# The model moved here from the portaal app; its table (portaal_cachegeneratie) stays where it is.

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("portaal", "0001_cachegeneratie"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="CacheGeneratie",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("nummer", models.PositiveBigIntegerField(default=0, verbose_name="generatie")),
                    ],
                    options={
                        "verbose_name": "generatie van de paginacache",
                        "verbose_name_plural": "generaties van de paginacache",
                        "db_table": "portaal_cachegeneratie",
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
