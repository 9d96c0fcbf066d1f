"""The pages in Vietnamese say everything in Vietnamese: no column header left in English, no
raw choice code (`provincial_union`) shown to people, no unit written twice ("(USD, USD)").

Logged in as the central officer and as the Ha Noi officer on the demo data set (loaded once
for the suite: `shared_demo`), every list page of the registry, the first record's page and the
add form of every model, and the main pages are read in Vietnamese, and in English for
comparison.
"""

import html
import re

import pytest
from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from amity.accounts.models import User
from amity.core.registry import registry
from amity.reporting.choices import SubmissionState
from amity.reporting.models import Indicator, Submission

MAIN_PAGES = [
    "home",
    "organizations:tree",
    "events:calendar",
    "partners:statistics",
    "partners:suggestions",
    "aid:statistics",
    "reporting:home",
    "reporting:consolidation",
]

#: header texts that are the same in both languages by nature: codes, acronyms, standards
SAME_IN_BOTH = {"#", "ID", "IATI", "DAC", "ISO", "USD", "VND", "Email", "E-mail", "URL", "%"}

#: a column header or row label: <th …>text</th>
HEADER = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
TAG = re.compile(r"<[^>]+>")
HIDDEN = re.compile(r"<(script|style|template)\b.*?</\1>", re.S)
#: a unit written twice: "(điểm) (điểm)", "(USD, USD)"
DOUBLED_UNIT = re.compile(r"\(([^()]{1,20})\)\s*\(\1\)|\(([^(),]{1,20}), \2\)")
#: a yes/no filter left unset filters nothing: "Tất cả", not Django's "Chưa xác định"
UNSET_CHOICE = re.compile(r'<option value="unknown"[^>]*>\s*Chưa xác định')


def text_of(fragment: str) -> str:
    return " ".join(html.unescape(TAG.sub(" ", fragment)).split())


def visible_text(page: str) -> str:
    return text_of(HIDDEN.sub(" ", page))


def headers(page: str) -> list[str]:
    return [text_of(cell) for cell in HEADER.findall(HIDDEN.sub(" ", page))]


def raw_codes() -> set[str]:
    """Every choice code of every model with an underscore: what a person should never read."""
    codes = set()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            for value, _label in getattr(field, "flatchoices", None) or ():
                if isinstance(value, str) and "_" in value:
                    codes.add(value)
    return codes


def english_only(vietnamese: list[str], english: list[str]) -> list[str]:
    """The headers of the Vietnamese page that read as in English: the same words on the
    English page, made of letters, not a code or a number."""
    return [
        text
        for text in vietnamese
        if text in english
        and re.search(r"[a-z]{2}", text)
        and text not in SAME_IN_BOTH
        and not text.isupper()
    ]


def pages_for(user) -> list[str]:
    urls = [reverse(name) for name in MAIN_PAGES]
    # the report being filled in, where the indicators show their units
    draft = Submission.objects.visible_to(user).filter(state=SubmissionState.DRAFT).first()
    if draft is not None:
        urls.append(reverse("reporting:entry", args=[draft.pk]))
    for entry in registry.models():
        views = entry.load("views")
        if views is None:
            continue
        try:
            urls.append(reverse(views.url_name("list")))
        except NoReverseMatch:
            continue
        first = views.model.objects.visible_to(user).order_by("pk").first()
        if first is not None:
            urls.append(reverse(views.url_name(), args=[first.pk]))
        if views.may_add(user):
            urls.append(reverse(views.url_name("add")))
    return urls


def problems_of(client, url: str, codes: set[str]) -> list[str]:
    vietnamese = client.get(url, {"lang": "vi"}, follow=True)
    assert vietnamese.status_code == 200, url
    english = client.get(url, {"lang": "en"}, follow=True)
    page = vietnamese.content.decode()
    found = [
        f"{url}: English header {text!r}"
        for text in english_only(headers(page), headers(english.content.decode()))
    ]
    shown = visible_text(page)
    found += [
        f"{url}: raw code {code!r}"
        for code in codes
        if re.search(rf"(?<![\w/.-]){re.escape(code)}(?![\w/.-])", shown)
    ]
    found += [f"{url}: doubled unit {m.group(0)!r}" for m in DOUBLED_UNIT.finditer(shown)]
    if UNSET_CHOICE.search(page):
        found.append(f"{url}: a yes/no filter's unset choice reads 'Chưa xác định', not 'Tất cả'")
    return found


@pytest.mark.parametrize("username", ["central", "hanoi"])
def test_every_page_speaks_vietnamese(client, shared_demo, username):
    user = User.objects.get(username=username)
    client.force_login(user)
    codes = raw_codes()
    found = [problem for url in pages_for(user) for problem in problems_of(client, url, codes)]
    assert found == [], "\n".join(found)


@pytest.mark.parametrize(
    ("model", "field", "vietnamese"),
    [
        ("aid.ActivityDocument", "title", "tiêu đề"),  # a heading, not a job title
        ("events.Session", "title", "tiêu đề"),
        ("partners.Contact", "title", "chức danh"),  # a contact's job
        ("organizations.Position", "title", "chức danh"),
        ("partners.NgoRegistration", "number", "số"),  # not "lần thứ"
        ("organizations.Congress", "number", "lần thứ"),  # the 7th congress
    ],
)
def test_a_word_is_translated_by_what_it_means_there(model, field, vietnamese):
    with translation.override("vi"):
        assert str(apps.get_model(model)._meta.get_field(field).verbose_name) == vietnamese
    with translation.override("en"):
        assert str(apps.get_model(model)._meta.get_field(field).verbose_name) == field


def test_the_unit_of_an_indicator_is_shown_once():
    assert Indicator(unit="USD", currency="USD").unit_label == "USD"
    assert Indicator(unit="triệu đồng", currency="VND").unit_label == "triệu đồng, VND"
    assert Indicator(unit="", currency="VND").unit_label == "VND"
    assert Indicator(unit="điểm", currency="").unit_label == "điểm"
