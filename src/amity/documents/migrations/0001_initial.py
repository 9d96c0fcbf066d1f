# The app's first migration, empty: the register (0002) and the orientations (0003) follow it.
from django.db import migrations


class Migration(migrations.Migration):
    initial = True
    dependencies: list = []
    operations: list = []
