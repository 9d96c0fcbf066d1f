"""What every Word document Amity writes shares: a new document in the administrative font, a
line of text, a table whose rows repeat for each item of a list, and saving a template where it
is committed. The template builders of every app (`scripts/build_*_templates.py`) write with
these, so that all the templates read alike; rendering a template is the documents library's
(`amity.documents.library.render`).

python-docx (and lxml's document classes) is read only when a Word file is written: no page or
command needs it loaded at start.
"""

from pathlib import Path

#: the font and size of Decree 30/2020/NĐ-CP (Times New Roman, 13-14 pt)
FONT = "Times New Roman"
#: the colour the built-in templates give their titles: the documents library paints what has
#: it in the identity's colour
COLOUR_MARK = "1F4E79"


def new_document(size: int = 13):
    """An empty document whose normal text is the administrative font at `size` points."""
    from docx import Document
    from docx.shared import Pt

    document = Document()
    document.styles["Normal"].font.name = FONT
    document.styles["Normal"].font.size = Pt(size)
    return document


def line(
    document,
    text: str,
    *,
    bold=False,
    italic=False,
    size=13,
    center=True,
    colour: str = "",
):
    """A paragraph of one run: centred (a title, a name) or justified (a body's text);
    `colour` (hex "1F4E79") marks a run the identity's colour replaces (`library`)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if center else WD_ALIGN_PARAGRAPH.JUSTIFY
    run = paragraph.add_run(text)
    run.bold, run.italic = bold, italic
    run.font.size = Pt(size)
    if colour:
        run.font.color.rgb = RGBColor.from_string(colour)
    return paragraph


def loop_table(document, headers: tuple[str, ...], loop: str, cells: tuple[str, ...]):
    """A table whose header is `headers` and whose rows repeat `cells` for each item of `loop`
    ("row in plan"), in docxtpl's row tags."""
    table = document.add_table(rows=3, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = text
    table.cell(1, 0).text = f"{{%tr for {loop} %}}"
    for cell, text in zip(table.rows[2].cells, cells, strict=True):
        cell.text = text
    table.add_row().cells[0].text = "{%tr endfor %}"
    return table


def save(document, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def to_bytes(document) -> bytes:
    import io

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
