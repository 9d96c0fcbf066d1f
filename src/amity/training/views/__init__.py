"""The training pages, by what they are about (one module each, as the models): programmes and
modules (`programmes`), courses with their sessions, quotas and materials (`courses`), and the
enrolment: nominations, attendance, results, feedback (`enrolment`). The registry names each
module's generic views by their full path."""
