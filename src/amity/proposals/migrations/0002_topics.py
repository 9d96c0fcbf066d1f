"""The six topics of the April 2024 online conference, as the system's own topics."""

from django.db import migrations

TOPICS = [
    ("name", "Tên gọi của hệ thống Liên hiệp các tổ chức hữu nghị Việt Nam",
     "The name of the Viet Nam Union of Friendship Organizations system"),
    ("charter", "Điều lệ, định hướng công tác, phối hợp trong hệ thống và với đối tác",
     "Charter, work orientation and coordination within the system and with partners"),
    ("training", "Đào tạo, bồi dưỡng cán bộ", "Training of officials"),
    ("emulation", "Công tác thi đua, khen thưởng", "Emulation and reward work"),
    ("ministries", "Phối hợp với các bộ, ban, ngành",
     "Coordination with ministries, departments and agencies"),
    ("party-documents", "Thể chế hóa văn bản, quy định của Đảng",
     "Institutionalising the Party's documents and regulations"),
]


def load(apps, schema_editor):
    Topic = apps.get_model("proposals", "Topic")
    for order, (code, name_vi, name_en) in enumerate(TOPICS, start=1):
        Topic.objects.get_or_create(
            code=code, defaults={"name_vi": name_vi, "name_en": name_en, "order": order}
        )


def unload(apps, schema_editor):
    apps.get_model("proposals", "Topic").objects.filter(
        code__in=[code for code, *_ in TOPICS], organization__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("proposals", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
