"""Background tasks of the core, run through Django's task interface (django-tasks)."""

from django_tasks import task


@task()
def run_import_job(job_id: int) -> None:
    from amity.core.imports import execute_import
    from amity.core.models import Job

    execute_import(Job.objects.select_related("user").get(pk=job_id))


@task()
def run_export_job(job_id: int) -> None:
    from amity.core.exports import execute_export
    from amity.core.models import Job

    execute_export(Job.objects.select_related("user").get(pk=job_id))


@task()
def run_import_check(job_id: int) -> None:
    from amity.core.imports import execute_check
    from amity.core.models import Job

    execute_check(Job.objects.select_related("user").get(pk=job_id))
