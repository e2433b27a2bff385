"""Version 7: what each import added or changed, so it can be undone even after a restart.

`import_batch` is one import (its kind, the file's name, when, and when it was undone);
`import_change` lists each row it added (`target_table`, `row_id`), or the fields it
filled in on a row that was there already with their values before (`previous`, JSON),
so undoing puts back exactly those.
"""

from __future__ import annotations

from peewee import (
    Check,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    SqliteDatabase,
    TextField,
)
from playhouse.sqlite_ext import AutoIncrementField


def up(database: SqliteDatabase) -> None:
    class ImportBatch(Model):
        id = AutoIncrementField()
        kind = TextField()
        file_name = TextField(default="")
        imported_at = DateTimeField(index=True)
        undone_at = DateTimeField(null=True)
        summary = TextField(default="")

        class Meta:
            table_name = "import_batch"
            legacy_table_names = False

    class ImportChange(Model):
        id = AutoIncrementField()
        batch = ForeignKeyField(ImportBatch, on_delete="CASCADE")
        target_table = TextField()
        row_id = IntegerField()
        other_id = IntegerField(null=True)  # the second key of a two-key row (contact_tag)
        action = TextField(constraints=[Check("action IN ('added', 'filled')")])
        previous = TextField(default="")  # JSON of the fields filled in, as they were

        class Meta:
            table_name = "import_change"
            legacy_table_names = False

    with database.bind_ctx([ImportBatch, ImportChange]):
        database.create_tables([ImportBatch, ImportChange])
