"""The notebook file: peewee models, opening and closing, migrations and backups. No Qt here."""
