"""Background tasks of the core: run through Django's task interface (django-tasks)."""

from django_tasks import task


@task()
def run_import_job(job_id: int) -> None:
    from amity.core.imports import execute_job
    from amity.core.models import ImportJob

    execute_job(ImportJob.objects.select_related("user").get(pk=job_id))
