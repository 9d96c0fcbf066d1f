"""The production settings with e-mail written to files (AMITY_MAIL_DIR), for the schedulers of
tests/load/test_cluster.py, which count the reminders sent."""

import os

from amity.settings import *  # noqa: F403

EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ["AMITY_MAIL_DIR"]
