"""The emulation's kinds of Word document in the template library (`documents.library`): an
award decision, a recipient's certificate, a cluster's results.

The built-in templates (`docx/decision.docx`, `docx/certificate.docx`, `docx/cluster.docx`) are
written by the builders below with python-docx (`python scripts/build_document_templates.py`)
and committed. An administrator may upload a replacement for a kind, for the whole system or
for one organization, styled in Word, as long as it uses the fields its kind lists here (the
gallery refuses any other). Every sentence is given already in the language of the request
(`text.*`), so one template serves Vietnamese and English; the raw fields are given too, for a
template that words things its own way. The heading and the closing of an official document
are stamped by the library, never written in the template.
"""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

from amity.core import docx
from amity.core.docx import COLOUR_MARK
from amity.documents.library import Kind, register

FOLDER = Path(__file__).parent / "docx"
DECISION = FOLDER / "decision.docx"
CERTIFICATE = FOLDER / "certificate.docx"
CLUSTER = FOLDER / "cluster.docx"


# --- the templates, written with python-docx ---------------------------------------------------


def build_decision_template(path: Path = DECISION) -> Path:
    """The decision: its title, subject, number and date, the article naming the recipients
    (each with the achievements the dossier gave), the article of effect, the revocation."""
    document = docx.new_document()
    docx.line(document, "{{ text.title }}", bold=True, size=14, colour=COLOUR_MARK)
    docx.line(document, "{{ text.subject }}", bold=True)
    docx.line(document, "{{ text.number_and_date }}", italic=True)
    docx.line(document, "{{ text.article_1 }}", center=False)
    document.add_paragraph("{%p for recipient in recipients %}")
    docx.line(document, "{{ recipient.index }}. {{ recipient.name }}", center=False)
    document.add_paragraph("{%p if recipient.achievements %}")
    docx.line(document, "{{ recipient.achievements }}", italic=True, size=12, center=False)
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p endfor %}")
    docx.line(document, "{{ text.article_2 }}", center=False)
    document.add_paragraph("{%p if revoked %}")
    docx.line(document, "{{ text.revoked }}", bold=True, center=False)
    document.add_paragraph("{%p endif %}")
    return docx.save(document, path)


def build_certificate_template(path: Path = CERTIFICATE) -> Path:
    """The certificate (bằng khen): the issuer, the award form, the recipient, the year, the
    decision that conferred it and its signer."""
    document = docx.new_document()
    docx.line(document, "{{ issuer_upper }}", bold=True)
    docx.line(document, "{{ award_form_upper }}", bold=True, size=20, colour=COLOUR_MARK)
    docx.line(document, "{{ text.awarded_to }}", italic=True)
    docx.line(document, "{{ nominee }}", bold=True, size=18)
    docx.line(document, "{{ text.achievements }}")
    docx.line(document, "{{ text.decision }}", italic=True, size=12)
    docx.line(document, "{{ signer_position }}", bold=True)
    docx.line(document, "{{ signer_name }}", bold=True)
    return docx.save(document, path)


def build_cluster_template(path: Path = CLUSTER) -> Path:
    """A cluster's results: its members, head and deputy, pact, the ranking in a table with the
    tie-break rule, and the unit proposed for the emulation flag."""
    document = docx.new_document()
    docx.line(document, "{{ text.title }}", bold=True, size=14, colour=COLOUR_MARK)
    for part in ("head", "deputy", "pact"):
        document.add_paragraph(f"{{%p if text.{part} %}}")
        document.add_paragraph(f"{{{{ text.{part} }}}}")
        document.add_paragraph("{%p endif %}")
    document.add_paragraph("{{ text.members }}")
    docx.loop_table(
        document,
        ("{{ labels.rank }}", "{{ labels.unit }}", "{{ labels.total }}", "{{ labels.state }}"),
        "row in ranking",
        ("{{ row.rank }}", "{{ row.unit }}", "{{ row.total }}", "{{ row.state }}"),
    )
    document.add_paragraph("{{ text.tie_rule }}")
    document.add_paragraph("{%p if text.leader %}")
    document.add_paragraph("{{ text.leader }}")
    document.add_paragraph("{%p endif %}")
    return docx.save(document, path)


def build_templates() -> list[Path]:
    return [build_decision_template(), build_certificate_template(), build_cluster_template()]


# --- the kinds, with the fields their templates may use ------------------------------------------

AWARD_DECISION = register(
    Kind(
        "award_decision",
        _("Award decision"),
        DECISION,
        (
            "number",
            "date",
            "award_form",
            "issuer",
            "signer_name",
            "signer_position",
            "revoked",
            "revocation_reason",
            "recipients",
            "text",
        ),
        required=("recipients",),
        build=build_decision_template,
    )
)
AWARD_CERTIFICATE = register(
    Kind(
        "award_certificate",
        _("Certificate of merit"),
        CERTIFICATE,
        (
            "issuer",
            "issuer_upper",
            "award_form",
            "award_form_upper",
            "nominee",
            "year",
            "number",
            "date",
            "signer_name",
            "signer_position",
            "text",
        ),
        required=("nominee",),
        official=False,
        build=build_certificate_template,
    )
)
CLUSTER_RESULTS = register(
    Kind(
        "cluster_results",
        _("Emulation cluster results"),
        CLUSTER,
        (
            "cluster",
            "year",
            "members",
            "head",
            "deputy",
            "pact_signed_on",
            "leader",
            "ranking",
            "labels",
            "text",
        ),
        required=("ranking",),
        build=build_cluster_template,
    )
)
