"""The template library: every Word document Amity writes, from the template of its kind, in
the system's identity, under the issuer's letterhead (Decree 30/2020/NĐ-CP).

A kind of document (`Kind`) names its built-in template and the fields its templates may use;
the documents app declares the kinds a `Draft` is written in (decision, official letter, report,
plan, certificate, invitation, notice), and every app that writes documents declares its own in
its `documents.py` (found by `kinds()`, so that this app imports none of them): reporting's
consolidated report, emulation's award decision, training's certificate, …

The active template of a kind for an issuer is the issuer's own upload, else the system's, else
the built-in file (`active_template`). `render` fills it (docxtpl, escaped), stamps the heading
and closing of `core.letterhead`, puts the identity's logo in the heading and its footer line
at the foot of each page, and paints in the identity's colour what the template marks with the
built-in colour. `render_draft` is the one entry point of the generation page.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db.models import F, Q
from django.utils.functional import Promise
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from jinja2 import ChainableUndefined

from amity.core.docx import COLOUR_MARK
from amity.core.letterhead import Letterhead, stamp
from amity.documents.drafting import Draft

FOLDER = Path(__file__).parent / "docx"
#: a template uploaded larger than this is refused (a template is text and styles)
TEMPLATE_MAX_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class Kind:
    """A kind of document: its code, its name, its built-in template and its fields.

    `fields`: the names a template of this kind may use at its top level (a loop's own names
    and the attributes of a field are the template's business); `required`: those it must use,
    without which the document says nothing. `official`: written under a letterhead (a
    certificate is not a letter). `sample`: the context of the gallery's preview; what it does
    not give is shown by its name («subject»). `build`: writes the built-in template."""

    code: str
    label: str | Promise
    builtin: Path
    fields: tuple[str, ...]
    required: tuple[str, ...] = ()
    official: bool = True
    sample: Callable[[], dict] | None = field(default=None, compare=False)
    #: writes the built-in template at a path (scripts/build_document_templates.py)
    build: Callable[[Path], Path] | None = field(default=None, compare=False)

    @property
    def allowed(self) -> set[str]:
        return {*self.fields, *COMMON_FIELDS}


#: what every template may use besides its kind's fields (`identity_context`)
COMMON_FIELDS = ("identity",)

_KINDS: dict[str, Kind] = {}
_discovered = False


def register(kind: Kind) -> Kind:
    """Declare `kind` (an app's `documents.py` does, when it is imported)."""
    _KINDS[kind.code] = kind
    return kind


def kinds() -> list[Kind]:
    """Every kind of document, the documents app's first, then by code."""
    global _discovered
    if not _discovered:
        autodiscover_modules("documents")  # each app's documents.py declares its kinds
        _discovered = True
    drafts = [code for code in SYMBOLS if code in _KINDS]
    others = sorted(code for code in _KINDS if code not in SYMBOLS)
    return [_KINDS[code] for code in [*drafts, *others]]


def kind_of(code: str) -> Kind | None:
    return {kind.code: kind for kind in kinds()}.get(code)


# --- the kinds a Draft is written in -------------------------------------------------------------

#: the symbol of each kind in a document's number (Decree 30, appendix III)
SYMBOLS = {
    "decision": "QĐ",
    "official_letter": "CV",
    "report": "BC",
    "plan": "KH",
    "certificate": "GCN",
    "invitation": "GM",
    "notice": "TB",
}

DRAFT_FIELDS = (
    "kind",
    "title",
    "subject",
    "paragraphs",
    "recipients",
    "issuer",
    "issuer_address",
    "number",
    "place_and_date",
    "signer_position",
    "signer_name",
    "fields",
)


def kind_titles() -> dict[str, str]:
    """The heading of each kind, in the language of the request: the glossary's name of the
    document type, in capitals (an edit in the glossary shows in the next document). An
    official letter has none: its subject line "V/v …" stands under the number."""
    from amity.documents.glossary import names
    from amity.documents.models.register import TermCategory

    named = names(TermCategory.DOCUMENT_TYPE)
    titles = {kind: named.get(kind, kind).upper() for kind in DRAFT_LABELS}
    titles["official_letter"] = ""
    return titles


DRAFT_LABELS = {
    "decision": gettext_lazy("Decision"),
    "official_letter": gettext_lazy("Official letter"),
    "report": gettext_lazy("Report"),
    "plan": gettext_lazy("Plan"),
    "certificate": gettext_lazy("Certificate"),
    "invitation": gettext_lazy("Invitation"),
    "notice": gettext_lazy("Notice"),
}


def _sample_draft() -> dict:
    return {
        "subject": _("On the work of people-to-people diplomacy in the coming year"),
        "paragraphs": [
            _("Pursuant to the Charter of the Union of Friendship Organizations;"),
            _("The body of the document: a paragraph each, justified."),
        ],
        "recipients": [_("The member organizations")],
    }


for _code, _label in DRAFT_LABELS.items():
    register(
        Kind(
            _code,
            _label,
            FOLDER / f"{_code}.docx",
            DRAFT_FIELDS,
            required=("subject", "paragraphs"),
            sample=_sample_draft,
            build=lambda path, code=_code: _build_draft_template(code, path),
        )
    )


def _build_draft_template(kind: str, path: Path) -> Path:
    from amity.documents.docx import build

    return build.build_template(kind, path)


def draft_context(draft: Draft, head: Letterhead) -> dict:
    """What a Draft's template shows, every text in the language of the request."""
    return {
        "kind": draft.kind,
        "title": kind_titles().get(draft.kind, ""),
        "subject": draft.subject,
        "paragraphs": list(draft.paragraphs),
        "recipients": list(draft.recipients),
        "issuer": head.issuer,
        "issuer_address": getattr(draft.issuer, "address", "") or "",
        "number": head.number,
        "place_and_date": head.place_and_date,
        "signer_position": head.signer_position,
        "signer_name": head.signer_name,
        "fields": dict(draft.fields),
    }


def render_draft(draft: Draft, number: str = "") -> bytes:
    """The Word document of `draft`, numbered `number` ("12/CV-VUFO") once issued, through the
    active template of its kind for its issuer."""
    from amity.organizations.letterhead import letterhead_of

    head = letterhead_of(
        draft.issuer, symbol=SYMBOLS.get(draft.kind, "CV"), on=draft.on, recipients=draft.recipients
    )
    head.registered_number = number
    if draft.signer_position:
        head.signer_position = draft.signer_position
    if draft.signer_name:
        head.signer_name = draft.signer_name
    kind = draft.kind if draft.kind in SYMBOLS else "official_letter"
    return render(kind, draft_context(draft, head), head=head, issuer=draft.issuer)


# --- which template, and its bytes -------------------------------------------------------------


def active_template(kind: str, issuer=None):
    """The template of `kind` `issuer` writes in: its own upload, else the system's (a
    `DocumentTemplate`), else None for the built-in file. One query."""
    from amity.documents.models import DocumentTemplate

    own = Q(organization__isnull=True)
    if issuer is not None and getattr(issuer, "pk", None):
        own |= Q(organization=issuer)
    return (
        DocumentTemplate.objects.filter(own, kind=kind)
        .order_by(F("organization").asc(nulls_last=True), "-pk")
        .first()
    )


def template_bytes(template: str | Path, issuer=None) -> bytes:
    """The bytes of the template named by a kind's code (its active one) or by a path."""
    if isinstance(template, Path):
        return file_bytes(template)
    upload = active_template(template, issuer)
    if upload is not None:
        return stored_bytes(upload.file.name)
    kind = kind_of(template)
    if kind is None:
        raise LookupError(f"no kind of document {template!r}")
    return file_bytes(kind.builtin)


def file_bytes(path: Path) -> bytes:
    """A file's bytes, read once per version of it (its modification time and size)."""
    stat = path.stat()
    return _read_file(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=64)
def _read_file(path: str, _mtime_ns: int, _size: int) -> bytes:
    return Path(path).read_bytes()


def stored_bytes(name: str) -> bytes:
    """A stored file's bytes (an uploaded template or logo), read once per version of it."""
    try:
        moment = default_storage.get_modified_time(name).timestamp()
    except (NotImplementedError, OSError):
        # a storage that keeps no modification time (Django's base Storage raises
        # NotImplementedError): the size alone tells a replaced file
        moment = 0.0
    return _read_stored(name, moment, default_storage.size(name))


@lru_cache(maxsize=64)
def _read_stored(name: str, _moment: float, _size: int) -> bytes:
    with default_storage.open(name, "rb") as stored:
        return stored.read()


# --- rendering ---------------------------------------------------------------------------------


def current_identity():
    """The identity of the network (the root's record), or None before one is set."""
    from amity.documents.models import Identity

    return Identity.objects.order_by("pk").first()


def identity_context(identity) -> dict:
    if identity is None:
        return {"name": "", "short_name": "", "footer": "", "colour": f"#{COLOUR_MARK}"}
    return {
        "name": str(identity),
        "name_vi": identity.name_vi,
        "name_en": identity.name_en,
        "short_name": identity.short_name,
        "footer": identity.footer,
        "colour": f"#{identity.colour_hex}",
    }


def render(
    template: str | Path,
    context: dict,
    head: Letterhead | None = None,
    issuer=None,
    *,
    jinja_env=None,
) -> bytes:
    """The template (a kind's code, or a path) filled with `context`, escaped (a name may hold
    "<" or "&"), under the letterhead `head` when the document is an official one; `issuer`
    chooses among the uploaded templates (its own before the system's)."""
    from docxtpl import DocxTemplate

    identity = current_identity()
    document = DocxTemplate(io.BytesIO(template_bytes(template, issuer)))
    document.render({**context, "identity": identity_context(identity)}, jinja_env, autoescape=True)
    word = document.docx
    if head is not None:
        stamp(word, head)
        _put_logo(word, identity)
        _put_footer(word, identity)
    _paint(word, identity)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _put_logo(word, identity) -> None:
    """The logo above the issuer's name, in the heading's left column."""
    if identity is None or not identity.logo:
        return
    from docx.shared import Cm

    cell = word.tables[0].rows[0].cells[0]
    paragraph = cell.paragraphs[0].insert_paragraph_before()
    paragraph.alignment = cell.paragraphs[1].alignment
    paragraph.add_run().add_picture(io.BytesIO(stored_bytes(identity.logo.name)), height=Cm(1.6))


def _put_footer(word, identity) -> None:
    if identity is None or not identity.footer:
        return
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    footer = word.sections[0].footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = footer.add_run(identity.footer)
    run.font.size = Pt(9)


def _paint(word, identity) -> None:
    """Every run the template coloured with the built-in colour takes the identity's."""
    if identity is None or identity.colour_hex == COLOUR_MARK:
        return
    from docx.oxml.ns import qn

    attribute = qn("w:val")
    for colour in word.element.body.iter(qn("w:color")):
        if (colour.get(attribute) or "").upper() == COLOUR_MARK:
            colour.set(attribute, identity.colour_hex)


# --- checking an uploaded template -------------------------------------------------------------


def placeholders(content: bytes) -> set[str]:
    """The names a Word template uses at its top level. Raises ValidationError when the file
    is not a Word document or its tags are not valid."""
    import zipfile

    from docxtpl import DocxTemplate
    from jinja2 import TemplateSyntaxError

    if not content.startswith(b"PK\x03\x04"):
        raise ValidationError(_("The file is not a Word document (.docx)."), code="not_docx")
    try:
        return set(DocxTemplate(io.BytesIO(content)).get_undeclared_template_variables())
    except TemplateSyntaxError as error:
        raise ValidationError(
            _("The template's tags are not valid (line %(line)s): %(message)s")
            % {"line": error.lineno, "message": error.message},
            code="bad_tags",
        ) from error
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, Exception) as error:  # noqa: BLE001
        # python-docx raises many kinds on a damaged file: each is "not a Word document"
        raise ValidationError(
            _("The file is not a Word document (.docx)."), code="not_docx"
        ) from error


def check_template(kind: Kind, content: bytes) -> set[str]:
    """The placeholders of `content`, a template uploaded for `kind`; raises ValidationError
    naming each unknown placeholder and each required one it lacks."""
    if len(content) > TEMPLATE_MAX_BYTES:
        raise ValidationError(
            _("The file is larger than %(size)s MB.") % {"size": TEMPLATE_MAX_BYTES // 2**20},
            code="too_large",
        )
    used = placeholders(content)
    errors = []
    unknown = sorted(used - kind.allowed)
    if unknown:
        errors.append(
            ValidationError(
                _(
                    "Unknown placeholder(s) %(names)s: a template of the kind “%(kind)s” may use "
                    "only %(fields)s."
                )
                % {
                    "names": ", ".join(f"{{{{ {name} }}}}" for name in unknown),
                    "kind": kind.label,
                    "fields": ", ".join(sorted(kind.allowed)),
                },
                code="unknown_placeholder",
            )
        )
    missing = sorted(set(kind.required) - used)
    if missing:
        errors.append(
            ValidationError(
                _(
                    "The template lacks the placeholder(s) %(names)s, which the kind “%(kind)s” "
                    "needs."
                )
                % {
                    "names": ", ".join(f"{{{{ {name} }}}}" for name in missing),
                    "kind": kind.label,
                },
                code="missing_placeholder",
            )
        )
    if errors:
        raise ValidationError(errors)
    _try_filling(content)
    return used


def _try_filling(content: bytes) -> None:
    """Fill the template with a sample of every field, so that a template that would fail
    when a document is written (a filter Word mangled, a call of a field) is refused now."""
    from docxtpl import DocxTemplate
    from jinja2 import Environment

    try:
        document = DocxTemplate(io.BytesIO(content))
        document.render({}, Environment(undefined=_Shown, autoescape=True), autoescape=True)
    except Exception as error:  # noqa: BLE001 -- whatever fails here would fail every document
        raise ValidationError(
            _("The template cannot be filled: %(message)s") % {"message": error},
            code="not_fillable",
        ) from error


# --- the gallery's sample ----------------------------------------------------------------------


def sample_docx(kind: Kind, issuer=None) -> bytes:
    """A document of `kind` from its active template, with its sample context, every field it
    does not give shown by its name: what the gallery previews and offers to download."""
    from jinja2 import Environment

    head = None
    if kind.official and issuer is not None:
        from amity.organizations.letterhead import letterhead_of

        head = letterhead_of(issuer, symbol=SYMBOLS.get(kind.code, "CV"), recipients=[])
    context: dict[str, Any] = kind.sample() if kind.sample else {}
    if kind.code in SYMBOLS and head is not None:
        context = {**draft_context(Draft(kind.code, issuer, ""), head), **context}
    environment = Environment(undefined=_Shown, autoescape=True)
    return render(kind.code, context, head=head, issuer=issuer, jinja_env=environment)


class _Shown(ChainableUndefined):
    """A field the sample does not give: shown as «its name», one item when looped over, true
    when tested, so that every part of the template shows."""

    def __str__(self):
        return f"«{self._undefined_name or '…'}»"

    def __html__(self):
        return str(self)

    def __iter__(self):
        yield _Shown(name=self._undefined_name)

    def __bool__(self):
        return True

    def __len__(self):
        return 1

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return _Shown(name=name)

    def __getitem__(self, name):
        return _Shown(name=str(name))


def preview_blocks(content: bytes) -> list[dict]:
    """The text of a Word document as blocks for an HTML preview, in their order: a paragraph
    (its text, centred or not, bold or not) or a table (its rows of cell texts)."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = Document(io.BytesIO(content))
    blocks: list[dict] = []
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(element, document)
            runs = [run for run in paragraph.runs if run.text.strip()]
            blocks.append(
                {
                    "text": paragraph.text,
                    "center": paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER,
                    "bold": bool(runs) and all(run.bold for run in runs),
                }
            )
        elif tag == "tbl":
            table = Table(element, document)
            rows = [[[p.text for p in cell.paragraphs] for cell in row.cells] for row in table.rows]
            blocks.append({"rows": rows})
    return blocks


# --- uploading and reverting a template --------------------------------------------------------


def may_manage(user, organization=None) -> bool:
    """Whether `user` may upload or revert a template for `organization` (None: the whole
    system's, the system administrator's alone) — as for the identity."""
    from amity.core.scoping import organization_in_scope

    if organization is None:
        return bool(user.is_system_admin)
    return organization_in_scope(user, organization)


def upload_template(kind: Kind, upload, *, by, organization=None, name: str = ""):
    """Make the uploaded Word file the template of `kind` for `organization` (None: the whole
    system), in place of the one it had (kept in the history, restorable from the trash).
    The file is checked first (`check_template`); refused, nothing is written."""
    from django.core.exceptions import PermissionDenied
    from django.core.files.base import ContentFile
    from django.db import transaction

    from amity.core.uploads import describe_upload
    from amity.core.writes import delete_record, save_record
    from amity.documents.models import DocumentTemplate

    if not may_manage(by, organization):
        raise PermissionDenied
    content = upload.read(TEMPLATE_MAX_BYTES + 1)
    check_template(kind, content)
    original, _type = describe_upload(upload)
    record = DocumentTemplate(
        kind=kind.code,
        organization=organization,
        name=(name or f"{kind.label}")[:200],
        original_name=original,
    )
    record.file.save(f"{kind.code}.docx", ContentFile(content), save=False)
    try:
        with transaction.atomic():
            current = _live(kind, organization)
            if current is not None:
                current._history_user = by
                delete_record(current, by)
            save_record(record, by, check_scope=False)
    except BaseException:
        record.file.delete(save=False)  # nothing half-written: no file without its record
        raise
    return record


def revert_template(kind: Kind, *, by, organization=None) -> bool:
    """Put away the uploaded template of `kind` for `organization`: the one above it (the
    system's, or the built-in file) is used again. False when there was none."""
    from django.core.exceptions import PermissionDenied

    from amity.core.writes import delete_record

    if not may_manage(by, organization):
        raise PermissionDenied
    current = _live(kind, organization)
    if current is None:
        return False
    current._history_user = by
    delete_record(current, by)
    return True


def _live(kind: Kind, organization):
    from amity.documents.models import DocumentTemplate

    return (
        DocumentTemplate.objects.select_for_update()
        .filter(kind=kind.code, organization=organization)
        .first()
    )
