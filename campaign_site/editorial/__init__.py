"""Editorial work: the rules editors publish under, beyond Wagtail's own.

Owns a refusal to publish that a rule of the campaign raises from inside a save and the admin
shows as a message (``publishing``, and ``manage.py publish_scheduled``, cron's scheduled
publish), the admin's reports' safe spreadsheet exports and the pages a report may show a user
(``reports``), the check on page moves (``wagtail_hooks``) and ``manage.py ensure_admin``.

May import: nothing of the project's (it is the floor the other rooms stand on).
"""
