"""The e-mails of the notifications, sent by a background task (django-tasks) once the
transaction that made them commits: never in the request."""

from django_tasks import task

from amity.inbox.emails import email_each


@task()
def email_notifications(ids: list[int]) -> int:
    return email_each(ids)
