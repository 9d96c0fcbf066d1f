"""Background tasks of the core, run through Django's task interface (django-tasks), and the
start of an import's check, which runs here and now or as one of them."""

from django.conf import settings
from django_tasks import task

from amity.core.exports import execute_export
from amity.core.import_files import precheck, read_dataset
from amity.core.imports import execute_check, execute_import, import_dataset, unpacked_size
from amity.core.models import Job
from amity.core.registry import registry


@task()
def run_import_job(job_id: int) -> None:

    execute_import(Job.objects.select_related("user").get(pk=job_id))


@task()
def run_export_job(job_id: int) -> None:

    execute_export(Job.objects.select_related("user").get(pk=job_id))


@task()
def run_import_check(job_id: int) -> None:

    execute_check(Job.objects.select_related("user").get(pk=job_id))


def start_import_check(resource_class, upload, user, *, overwrite: bool = False):
    """Check an uploaded file: a small one here and now, a large one (IMPORT_INLINE_BYTES) in a
    background task with a progress bar, so that no upload keeps its page waiting. Returns the
    job (checked or invalid once checked) and whether a task checks it.
    Raises ImportFileError when the file is refused outright."""
    content = upload.read()
    upload.seek(0)
    plural = registry.entry(resource_class._meta.model).plural
    fields = {
        "user": user,
        "kind": Job.Kind.IMPORT,
        "model_label": plural,
        "file": upload,
        "original_name": upload.name,
    }
    if unpacked_size(content, upload.name) > settings.IMPORT_INLINE_BYTES:
        precheck(content, upload.name)  # size, type, zip bomb, NUL: the reading in the task
        job = Job.objects.create(
            **fields, status=Job.Status.RUNNING, summary={"overwrite": overwrite}
        )
        run_import_check.enqueue(job.pk)
        return job, True
    dataset = read_dataset(content, upload.name)
    summary = import_dataset(resource_class, dataset, user, dry_run=True, overwrite=overwrite)
    job = Job.objects.create(
        **fields,
        status=Job.Status.INVALID if summary["errors"] else Job.Status.CHECKED,
        total_rows=len(dataset),
        summary=summary,
    )
    return job, False
