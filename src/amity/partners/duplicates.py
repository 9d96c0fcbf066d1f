"""Likely duplicate partners: the same organization entered twice, under other spellings.

The core works on lightweight `PartnerRecord`s (what `.values()` returns), so that the whole
register is compared without model instances:

1. each record is reduced to comparable features: its names cleaned (no diacritics, no case, no
   legal forms or small words, words in order), acronyms, country, website host and e-mail;
2. *blocking* puts records that share a key into blocks, and only records meeting in a block
   are compared, so that the work grows with the register, not with its square. The keys: the
   cleaned name, also with a rare word put right (a word one typo away elsewhere in the
   register), with two words run together, or less a generic word; the website, the e-mail,
   the organization's own e-mail domain; the acronym with the country;
3. each candidate pair is scored 0-100 from rapidfuzz name similarities and strong signals (same
   website, same e-mail), with the reasons a person can check.

Names are compared by what they mean (`names.meaning`): a Vietnamese name read in English words
("Quỹ Liên kết Thái Bình Dương": foundation link pacific), countries as codes whatever the
language ("Deutschland", "Germany", "Đức": #de); a partner known only by its acronym ("KOFIH",
"ADRA Vietnam") meets the full names that shorten to it (`names.acronyms_of`). Names naming
different countries, or different kinds of body, stay apart.

`find_duplicate_pairs` runs over records, `possible_duplicates` over a queryset (the "possible
duplicates" page) and `likely_duplicates_of` scores one would-be partner against the database
(the create form's warning and the import's flag).
"""

import gc
import re
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import combinations
from urllib.parse import urlsplit

from django.db.models import Count, F, Q
from django.utils.translation import gettext_lazy as _
from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from amity.partners.names import (
    COUNTRY_MARK,
    acronyms_of,
    country_names,
    english_country_name,
    meaning,
    split_camel_case,
    vietnamese_phrases_of,
)
from amity.partners.text import normalise

#: pairs scoring at least this are reported. Chosen on tests/partners/duplicate_cases.py: from
#: 70 to 85 every seeded pair is found and no other; at 90 recall falls to 91% (a typo costs a
#: few points), at 65 false pairs come in. 80 is the middle of the plateau.
DUPLICATE_THRESHOLD = 80

# Why a pair is likely a duplicate: a stable code (tests, API) and the text a person reads.
SAME_NAME = "same_name"
SIMILAR_NAMES = "similar_names"
SAME_WEBSITE = "same_website"
SAME_EMAIL = "same_email"
SAME_ACRONYM = "same_acronym"
SAME_DOMAIN = "same_domain"
IN_VIETNAMESE = "in_vietnamese"
COUNTRY_IN_OTHER_LANGUAGE = "country_in_other_language"
ACRONYM_OF = "acronym_of"
REASONS = {
    SAME_NAME: _("same name after removing diacritics, legal suffixes and word order"),
    SIMILAR_NAMES: _("similar names"),
    SAME_WEBSITE: _("same website"),
    SAME_EMAIL: _("same e-mail"),
    SAME_ACRONYM: _("same acronym and country"),
    SAME_DOMAIN: _("same internet domain"),
    IN_VIETNAMESE: _("same name in Vietnamese"),
    COUNTRY_IN_OTHER_LANGUAGE: _("same name, the country in another language"),
    ACRONYM_OF: _("%(acronym)s is the acronym of %(name)s"),
}

# How much each signal says on its own (0-100); further signals each add SUPPORT_BONUS.
SAME_EMAIL_SCORE = 95
SAME_WEBSITE_SCORE = 90
SAME_ACRONYM_SCORE = 85
#: an acronym alone against a full name it shortens ("KOFIH", "Korea Foundation for ...")
ACRONYM_OF_SCORE = 85
VIET_NAM = frozenset({COUNTRY_MARK + "vn"})
#: an acronym alone standing for more full names than this is left for a person to look up
ACRONYM_CANDIDATES = 6
SAME_DOMAIN_SCORE = 0  # a university's faculties share it: it only supports other signals
SUPPORT_BONUS = 5
#: two partners headquartered in different countries are seldom the same one
COUNTRY_CONFLICT_PENALTY = 20
#: names that mean the same in other words or languages ("Stiftung", "Foundation")
SAME_MEANING_SCORE = 95
#: below this, names are not called similar
SIMILAR_NAMES_MIN = 70

# Name similarity: how much the word-by-word alignment counts against rapidfuzz's whole-string
# ratios (see name_similarity).
ALIGNMENT_WEIGHT = 0.8
#: names that each have words of their own, one of them telling, score at most this
DIFFERENT_WORDS_CAP = 60
#: generic words ("association", "hội") tell little about which organization it is
GENERIC_WEIGHT = 0.25
#: kinds of body: a foundation is not the institute or university of the same name
KINDS_OF_BODY = frozenset(
    """
    foundation association institute university center agency committee council network
    alliance federation union club bank school hospital church embassy consulate academy
    friendship
    """.split()
)
FRIENDSHIP = "friendship"
#: a word with one typing mistake counts nearly as much as the word
TYPO_CREDIT = 0.9
#: shorter words must match exactly: one letter of "usa" changed is another word ("viet" may
#: lose a letter, though)
TYPO_MIN_LENGTH = 4

# Blocking. Exact keys may gather large blocks, likely duplicates all, but a placeholder
# website typed into hundreds of records would make the work quadratic; fuzzy keys that gather
# many records (an acronym, a shared domain) say too little to compare them all.
EXACT_BLOCK_LIMIT = 500
FUZZY_BLOCK_LIMIT = 100
#: a word used at most this often may be a typo: words one typo away from it are looked for
RARE_WORD_LIMIT = 20
#: a telling word in at most this many records puts them in one block
RARE_BLOCK_WORD_LIMIT = 8
#: a short stem shared by more words than this ("ban" in "bank", "band", "bean"...) is skipped
VARIANT_WORDS_LIMIT = 50

# Legal forms say what kind of body it is, never which one; they come and go between records.
LEGAL_FORMS = frozenset(
    """
    inc incorporated ltd limited llc llp plc co corp corporation company gmbh ggmbh mbh ev ag sa
    sas sarl srl spa pty bv nv kk oy ab asbl vzw pte jsc cio scio cic aisbl
    """.split()
)
# Small words that translation and word order add or drop. Not "an", "van" or "do" (Ấn Độ, Văn,
# Đỗ): in Vietnamese they are names; nor "ngo" (Ngô), a legal form elsewhere, a family name here.
STOP_WORDS = frozenset(
    """
    the of and for in at on by with to
    de la le les du des et d l pour au aux sur
    der die das und fur fuer zu von
    del el los las y para por
    di il della e per
    het voor
    och og
    va cua cac tai
    s
    """.split()
)
# Kept in the key (a foundation is not an association) but weighing little in similarity: they
# say what kind of body it is, seldom which one. Vietnamese ones too, word by word as normalised
# ("ủy ban" committee, "thành phố" city, "hợp tác quốc tế" international cooperation).
GENERIC_WORDS = frozenset(
    """
    association society foundation fund trust institute institution organization international
    national federation union council committee center club network alliance friendship friends
    group initiative agency office program project mission university college school academy
    embassy consulate general republic global city province department faculty representative
    country solidarity cooperation
    vietnam viet nam vietnamese #vn united nation
    stiftung fondation fundacion fundacao fondazione verein gesellschaft asociacion associazione
    vereniging stichting universitat universite universidad universita universiteit universidade
    hochschule ecole escuela instituto institut
    hoi huu nghi quy chuc vien trung tam lien hiep dai hoc truong su quan uy ban doan ket tong
    lanh thanh pho tinh hop tac quoc te co van phong dien cong ty
    """.split()
)
# One spelling for words written several ways, so that they meet.
SPELLINGS = {
    "intl": "international",
    "assoc": "association",
    "assn": "association",
    "univ": "university",
    "inst": "institute",
    "natl": "national",
    "soc": "society",
    "dept": "department",
    "ctr": "center",
    "centre": "center",
    "organisation": "organization",
    "programme": "program",
    "fdn": "foundation",
    "associations": "association",
    "govt": "government",
    "int": "international",
    "dev": "development",
    "devt": "development",
    "coop": "cooperation",
    "educ": "education",
    "env": "environment",
    "envt": "environment",
    "mgmt": "management",
    "tech": "technology",
    "hlth": "health",
    "fed": "federation",
    "cttee": "committee",
    "asso": "association",
    "assocn": "association",
    "agcy": "agency",
    "sci": "science",
    "svc": "service",
    "bros": "brothers",
    "childrens": "children",
    "peoples": "people",
}

PUBLIC_MAIL_DOMAINS = frozenset(
    """
    gmail.com googlemail.com hotmail.com outlook.com live.com msn.com aol.com icloud.com me.com
    yahoo.com ymail.com mail.ru yandex.ru gmx.de gmx.net web.de t-online.de orange.fr free.fr
    wanadoo.fr laposte.net libero.it qq.com 163.com 126.com naver.com daum.net hanmail.net
    protonmail.com proton.me zoho.com rediffmail.com vnn.vn fpt.vn
    """.split()
)
# Providers with a domain per country (yahoo.co.jp, hotmail.fr): known by their first label.
PUBLIC_MAIL_NAMES = frozenset("gmail yahoo hotmail outlook live msn aol gmx yandex".split())
# Sites that host many organizations: the page, not the host, is the organization's own.
SHARED_HOSTS = frozenset(
    """
    facebook.com m.facebook.com fb.com linkedin.com twitter.com x.com instagram.com youtube.com
    sites.google.com google.com
    """.split()
)


@dataclass(frozen=True, slots=True)
class PartnerRecord:
    """What duplicate detection reads of a partner (`records_of(queryset)` reads them)."""

    id: int | None
    name: str
    name_vi: str = ""
    name_en: str = ""
    acronym: str = ""
    country_code: str = ""
    website: str = ""
    email: str = ""

    @classmethod
    def from_fields(cls, fields: dict) -> "PartnerRecord":
        """From a form's cleaned data or an import row: `country` may be a Country or absent,
        `country_code` a code."""
        country = fields.get("country")
        code = fields.get("country_code") or getattr(country, "code", "") or ""
        return cls(
            id=fields.get("id"),
            name=fields.get("name") or "",
            name_vi=fields.get("name_vi") or "",
            name_en=fields.get("name_en") or "",
            acronym=fields.get("acronym") or "",
            country_code=code,
            website=fields.get("website") or "",
            email=fields.get("email") or "",
        )


RECORD_FIELDS = ("id", "name", "name_vi", "name_en", "acronym", "website", "email")


def records_of(queryset):
    """The partners of `queryset` as records, read with one `.values()` query."""
    rows = queryset.values(*RECORD_FIELDS, country_code=F("country__code"))
    return [PartnerRecord(**{**row, "country_code": row["country_code"] or ""}) for row in rows]


@dataclass(frozen=True, slots=True)
class DuplicatePair:
    """Two records that are likely the same partner, with a score 0-100 and why."""

    first: PartnerRecord
    second: PartnerRecord
    score: int
    reason_codes: tuple[str, ...]  # strongest first: SAME_EMAIL, SIMILAR_NAMES...
    #: what a reason names: ACRONYM_OF's acronym and name, as written
    details: tuple[tuple[str, str], ...] = ()

    @property
    def reasons(self) -> list[str]:
        """The reasons as a person reads them, in the active language."""
        details = dict(self.details)
        return [
            str(REASONS[code]) % details if code == ACRONYM_OF else str(REASONS[code])
            for code in self.reason_codes
        ]


# --- features -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Name:
    words: tuple[str, ...]  # what it means, cleaned, in written order (names.meaning)
    key: str  # the words sorted: the same for any word order
    joins: frozenset[str]  # adjacent words run together: "ha noi" may be written "hanoi"
    word_set: frozenset[str]
    vietnamese: bool = False  # read as Vietnamese
    country_words: frozenset[str] = frozenset()  # the words that named its countries
    countries: frozenset[str] = frozenset()  # "#de": the countries it names
    written: dict = field(default_factory=dict)  # word -> as written, where they differ


@dataclass(slots=True)
class _Features:
    names: list[_Name]
    name_keys: set[str]
    acronyms: set[str]  # as written: the acronym field, an acronym as name or in brackets
    initials: set[str]  # derived from the names: "Green Hope Foundation" gives "ghf"
    #: the acronyms its full names may be shortened to (names.acronyms_of), with the name and
    #: the country a partner known by the acronym must be of, when it leaves the country out
    shortened: dict[str, tuple[str, str]]
    #: it has a name of its own besides acronyms and places ("ADRA Vietnam" has not)
    telling: bool
    written_acronyms: dict[str, str]  # each of `acronyms` as written
    countries: frozenset[str]  # the countries its names name
    plain_names: list[tuple[str, ...]]  # the words as written
    country: str
    website: str
    email: str
    domains: set[str]  # the organization's own internet domains (website, e-mail)
    words: set[str]  # of all its names


def looks_like_acronym(text: str) -> bool:
    """ "JICA", "VUFO", "iDE": one word, short, mostly capitals."""
    text = text.strip().replace(".", "")
    if not text or len(text) > 12 or any(char.isspace() for char in text):
        return False
    capitals = sum(char.isupper() for char in text)
    return capitals >= 2 and capitals >= sum(char.islower() for char in text)


#: the longest acronym typed as a word ("Danida", "Unicef") looked for as one
ACRONYM_AS_WORD_LENGTH = 8


def _acronym_typed_as_word(text: str) -> bool:
    """ "Danida", "Unicef", "Jica": one short word with a capital first, which may be an
    acronym typed as a word. It stays a name too: only a full name it shortens to makes it an
    acronym (`acronym_of`)."""
    word = text.strip()
    return (
        3 <= len(word) <= ACRONYM_AS_WORD_LENGTH
        and word.isalpha()
        and word[0].isupper()
        and word[1:].islower()
    )


def _join_initials(words: list[str]) -> list[str]:
    """ "e v" (e.V.), "u s a" (U.S.A.): runs of single letters are one abbreviation."""
    joined, run = [], []
    for word in words:
        if len(word) == 1:
            run.append(word)
            continue
        if run:
            joined.append("".join(run))
            run = []
        joined.append(word)
    if run:
        joined.append("".join(run))
    return joined


def clean_words(text: str) -> list[str]:
    """The words that tell which organization a name is: no legal form, no small words."""
    words = [SPELLINGS.get(word, word) for word in _join_initials(normalise(text).split())]
    kept = [word for word in words if word not in LEGAL_FORMS and word not in STOP_WORDS]
    return kept or words  # a name made only of small words still has to match itself


def name_key(text: str) -> str:
    """The same for names that differ only by diacritics, case, legal form and word order."""
    return " ".join(sorted(clean_words(text)))


def website_key(url: str) -> str:
    """The site's host, without scheme, "www." or path: "https://www.oxfam.org/vi" -> oxfam.org.

    Subdomains are kept: a university's faculties have their own. On sites hosting many
    organizations (facebook.com) the page is the organization's own, so the path is kept.
    """
    text = (url or "").strip().lower()
    if not text:
        return ""
    parts = urlsplit(text if "//" in text else f"//{text}")
    host = (parts.hostname or "").removeprefix("www.")
    if host in SHARED_HOSTS:
        page = parts.path.strip("/")
        return f"{host}/{page}" if page else ""
    return host


def email_key(email: str) -> str:
    return (email or "").strip().lower()


def organization_mail_domain(email: str) -> str:
    """The e-mail's domain when it is the organization's own, not a public mail provider's."""
    domain = email_key(email).rpartition("@")[2]
    if not domain or domain in PUBLIC_MAIL_DOMAINS or domain.split(".")[0] in PUBLIC_MAIL_NAMES:
        return ""
    return domain


def _split_bracketed_acronyms(text: str) -> tuple[str, list[str]]:
    """ "Japan International Cooperation Agency (JICA)" -> the name, ["JICA"]."""
    acronyms = []
    while "(" in text and ")" in text.partition("(")[2]:
        before, _open, rest = text.partition("(")
        inside, _close, after = rest.partition(")")
        if not looks_like_acronym(inside):
            break
        acronyms.append(inside)
        text = f"{before} {after}"
    return text, acronyms


def _make_name(
    words: list[str],
    vietnamese: bool = False,
    country_words: frozenset[str] = frozenset(),
    written: dict | None = None,
) -> _Name:
    joins = frozenset(first + second for first, second in zip(words, words[1:], strict=False))
    countries = frozenset(word for word in words if word.startswith(COUNTRY_MARK))
    return _Name(
        tuple(words),
        " ".join(sorted(words)),
        joins,
        frozenset(words),
        vietnamese,
        country_words,
        countries,
        written or {},
    )


def _initials(words: list[str]) -> str:
    return "".join([word[0] for word in words]) if len(words) >= 3 else ""


def _clean(words: list[str]) -> list[str]:
    """A reading's words less legal forms and small words (as `clean_words`)."""
    words = [SPELLINGS.get(word, word) for word in _join_initials(words)]
    kept = [word for word in words if word not in LEGAL_FORMS and word not in STOP_WORDS]
    return kept or words


#: an apostrophe before a word's last letter shortens it: "Int'l", "Ass'n", "Children's"
SHORTENING_APOSTROPHE = re.compile(r"(?<=\w)['’](?=[A-Za-z]\b)")


def _without_shortening_apostrophes(text: str) -> str:
    """ "Int'l" -> "Intl", "Children's" -> "Childrens", which SPELLINGS and plurals read; not
    "d'Action", a French small word before the next."""
    if "'" not in text and "’" not in text:
        return text
    return SHORTENING_APOSTROPHE.sub("", text)


CAPITALS = re.compile(r"[A-Z].?[A-Z]")  # two capitals near each other: maybe an acronym


def _written_words(reading: list[str], folded: list[str]) -> dict[str, str]:
    """Each word of an English reading that differs from the word written ("foundation":
    "fundacion"), for typos to be seen in what was typed."""
    if len(folded) != len(reading) or folded == reading:
        return {}
    return {word: typed for word, typed in zip(reading, folded, strict=True) if word != typed}


def _country_code_at_end(text: str) -> str:
    """ "Oxfam GB" -> "Oxfam United Kingdom": a country's ISO code typed after the name."""
    before, _space, last = text.rstrip().rpartition(" ")
    if before and len(last) == 2 and last.isupper() and last.isalpha():
        name = english_country_name(last)
        if name:
            return f"{before} {name}"
    return text


def _inner_acronyms(text: str) -> list[str]:
    """Acronyms written inside a name ("ADRA Vietnam", "Tổ chức PATH"), unless the whole name
    is written in capitals; or typed as a word beside the office's place alone ("Jica Viet
    Nam")."""
    words = text.split()
    if len(words) < 2:
        return []
    if not CAPITALS.search(text) or not any(char.islower() for char in text):
        if len(words) > len(PLACE_ONLY_WORDS):
            return []  # more words than an acronym and its office's place
        place = [word for word in words if normalise(word) in PLACE_ONLY_WORDS]
        typed = [word for word in words if word not in place and _acronym_typed_as_word(word)]
        return typed if len(typed) == 1 and len(typed) + len(place) == len(words) else []
    return [word for word in words if looks_like_acronym(word) and len(word.strip(".")) >= 2]


#: the words beside an acronym typed as a word that leave it an acronym: the office's place
PLACE_ONLY_WORDS = frozenset({"viet", "nam", "vietnam", "office", "representative"})


def _without_own_acronyms(text: str, inner: list[str]) -> tuple[str, list[str]]:
    """ "MCC - Mennonite Central Committee": the name less the acronym its other words
    shorten to, as if it were in brackets; and the inner acronyms left."""
    for acronym in inner:
        rest = " ".join(word for word in text.split() if word != acronym)
        folded = normalise(split_camel_case(rest)).split()
        if len(folded) >= 2 and normalise(acronym).replace(" ", "") in acronyms_of(folded):
            return rest, [other for other in inner if other != acronym]
    return text, inner


#: what a name's office adds to it, at its start or end ("Caritas Austria Vietnam Office",
#: "Văn phòng đại diện ... tại Việt Nam"): the same organization's own record
OFFICE_WORDS = frozenset({"office", "representative", "representation"})
VIET_NAM_MARK = COUNTRY_MARK + "vn"


def _without_office(words: list[str]) -> list[str]:
    """The words less the office at their start or end, and less Viet Nam at their end where
    it is the office's place: after another country ("Caritas Austria Vietnam"), or with an
    office word. Not in "Hội Liên hiệp Phụ nữ Việt Nam", where it is the union's country."""
    start, end = 0, len(words)
    while end - start > 1 and words[start] in OFFICE_WORDS:
        start += 1
    while end - start > 1 and words[end - 1] in OFFICE_WORDS | {VIET_NAM_MARK}:
        end -= 1
    kept = words[start:end]
    other_country = any(word.startswith(COUNTRY_MARK) and word != VIET_NAM_MARK for word in kept)
    if words[end:] == [VIET_NAM_MARK] and not other_country and start == 0:
        kept = words[start : end + 1]  # Viet Nam alone at the end: the name's own country
    return kept if any(word not in GENERIC_WORDS for word in kept) else words


def _place_only(words: list[str], acronyms: set[str]) -> bool:
    """Whether a reading's words, less its acronyms, only say what kind of body it is and
    where: "ADRA Vietnam", "Tổ chức PATH", "FHI 360"."""
    return all(
        word in acronyms or word in GENERIC_WORDS or word.startswith(COUNTRY_MARK) or word.isdigit()
        for word in words
    )


def _add_acronym(acronyms: dict[str, str], written: str) -> None:
    folded = normalise(written).replace(" ", "")
    if folded and folded not in country_names():  # "USA" names a country, no organization
        acronyms.setdefault(folded, written.strip())


def features_of(record: PartnerRecord) -> _Features:
    names, plain_keys, initials, plain_names = [], set(), set(), []
    acronyms: dict[str, str] = {}
    shortened: dict[str, str] = {}
    telling = False
    if record.acronym:
        _add_acronym(acronyms, record.acronym)
    for raw in (record.name, record.name_vi, record.name_en):
        if not raw or not raw.strip():
            continue
        raw = _without_shortening_apostrophes(raw)
        if looks_like_acronym(raw):
            _add_acronym(acronyms, raw)
            continue
        typed_as_word = _acronym_typed_as_word(raw)
        if typed_as_word:
            _add_acronym(acronyms, raw)
        text, bracketed = _split_bracketed_acronyms(_country_code_at_end(raw))
        inner = _inner_acronyms(text)
        for acronym in [*bracketed, *inner]:
            _add_acronym(acronyms, acronym)
        text, inner = _without_own_acronyms(text, inner)
        plain = clean_words(text)
        if not plain:
            continue
        plain_keys.add(" ".join(sorted(plain)))
        initials.add(_initials(plain))
        camel_split = split_camel_case(text)
        readings, country_words, vietnamese = meaning(camel_split)
        folded = normalise(camel_split).split()
        written = _written_words(readings[0], folded) if readings and not vietnamese else {}
        for reading in readings:
            words = _without_office(_clean(reading))
            names.append(_make_name(words, vietnamese, frozenset(country_words), written))
        if vietnamese and all(_clean(reading) != plain for reading in readings):
            names.append(_make_name(plain, vietnamese))  # a typo in a Vietnamese word
        plain_names.append(tuple(plain))
        if typed_as_word:
            continue  # a name of its own only if the register holds no name it shortens
        if not inner or not _place_only(_clean(readings[0]) if readings else plain, set(acronyms)):
            telling = True
            for acronym, country in acronyms_of(folded).items():
                shortened.setdefault(acronym, (raw.strip(), country))
    website, email = website_key(record.website), email_key(record.email)
    own_site = website if website and "/" not in website else ""
    domains = {domain for domain in (own_site, organization_mail_domain(email)) if domain}
    return _Features(
        names=names,
        name_keys=plain_keys,
        acronyms=set(acronyms),
        initials=initials - {""},
        shortened=shortened,
        telling=telling,
        written_acronyms=acronyms,
        countries=frozenset(country for name in names for country in name.countries),
        country=(record.country_code or "").upper(),
        website=website,
        email=email,
        domains=domains,
        words={word for name in names for word in name.words}
        | {word for words in plain_names for word in words},
        plain_names=plain_names,
    )


# --- scoring ------------------------------------------------------------------------------------


def _one_typo_apart(word: str, other: str) -> bool:
    # OSA counts a swap of two letters as one mistake, as a typist makes it. A number with one
    # digit changed is another number ("Chapter 12", "Chapter 13").
    shorter, longer = sorted((len(word), len(other)))
    return (
        word.isalpha()
        and other.isalpha()
        and shorter >= TYPO_MIN_LENGTH - 1
        and longer >= TYPO_MIN_LENGTH
        and longer - shorter <= 1
        and OSA.distance(word, other, score_cutoff=1) <= 1
    )


_GENERIC_WEIGHTS = dict.fromkeys(GENERIC_WORDS, GENERIC_WEIGHT)


def _own_words(words: tuple[str, ...], others: tuple[str, ...]) -> list[str]:
    """The words of `words` that `others` lacks, each word of `others` answering once: "Ấn Độ"
    and "Đỏ" both give "do", and one "do" does not answer two."""
    if len(set(words)) == len(words) and len(set(others)) == len(others):
        other_set = set(others)
        return [word for word in words if word not in other_set]
    unanswered, own = Counter(others), []
    for word in words:
        if unanswered[word] > 0:
            unanswered[word] -= 1
        else:
            own.append(word)
    return own


def _typo_of(word: str, other: str, written: dict[str, str]) -> bool:
    """One typo apart as read or as written: "Fundaicón" is a typo of "Fundación", which
    reads "foundation"."""
    return _one_typo_apart(word, other) or (
        bool(written) and _one_typo_apart(written.get(word, word), written.get(other, other))
    )


def _alignment(
    first: tuple[str, ...],
    second: tuple[str, ...],
    written: dict[str, str] | None = None,
    home: frozenset[str] = frozenset(),
) -> tuple[float, bool]:
    """How much of each name the other covers (the lower of the two; generic words weigh
    little, a word with a typo nearly as much as the word), and whether each name has words of
    its own, one of them telling: then they are different names ("Japan" and "Korea").

    Exact matches are taken first: in "Tổng lãnh sự quán Mông Cổ" against "Tổng lãnh sự quán
    Anh", "mong" is not a typo of "tong", which "tong" answers.

    A name's country weighs as a generic word when either partner is of that country (`home`,
    as `#xx`): "Tearfund UK" is British Tearfund's record, "Deutsche Welthungerhilfe" German
    Welthungerhilfe's.
    """

    def weight(word: str) -> float:
        return GENERIC_WEIGHT if word in home else _GENERIC_WEIGHTS.get(word, 1.0)

    first_own, second_own = _own_words(first, second), _own_words(second, first)
    first_missing = sum(weight(word) for word in first_own)
    second_missing = sum(weight(word) for word in second_own)
    first_unpaired, second_unpaired = [], list(second_own)
    for word in first_own:
        typo = next(
            (other for other in second_unpaired if _typo_of(word, other, written or {})), None
        )
        if typo is None:
            first_unpaired.append(word)
            continue
        second_unpaired.remove(typo)
        first_missing -= weight(word) * TYPO_CREDIT
        second_missing -= weight(typo) * TYPO_CREDIT
    first_total = sum(weight(word) for word in first)
    second_total = sum(weight(word) for word in second)
    covered = min(1 - first_missing / first_total, 1 - second_missing / second_total)
    telling = any(
        word not in GENERIC_WORDS and word not in home for word in first_unpaired + second_unpaired
    )
    kind = not KINDS_OF_BODY.isdisjoint(first_unpaired + second_unpaired)
    if FRIENDSHIP in first_unpaired + second_unpaired:
        return covered, True  # a friendship society is not the association of its people
    return covered, bool((telling or kind) and first_unpaired and second_unpaired)


def _rejoin(name: _Name, other: _Name) -> tuple[str, ...]:
    """`name`'s words, with two adjacent ones run together where `other` writes them so."""
    if name.joins.isdisjoint(other.word_set):
        return name.words
    words, index = [], 0
    while index < len(name.words):
        pair = "".join(name.words[index : index + 2])
        if index + 1 < len(name.words) and pair in other.word_set:
            words.append(pair)
            index += 2
        else:
            words.append(name.words[index])
            index += 1
    return tuple(words)


def name_similarity(first: _Name, second: _Name, homes: tuple[str, str] = ("", "")) -> int:
    """0-100: a word-by-word alignment, smoothed by rapidfuzz's ratios on the sorted words.

    The alignment tells "Japan" from "Korea" where the string ratios see 85% of letters shared:
    when one name has a telling word of its own and the other any word of its own, they are
    different names however alike ("Hội người Việt Nam" is not "Hội hữu nghị Việt Nam").
    """
    if first.key == second.key:
        return 100
    if _nothing_in_common(first, second) or _other_countries(first.countries, second.countries):
        return 0
    if _a_branch(first, second, homes):
        return 0
    first_words, second_words = _rejoin(first, second), _rejoin(second, first)
    written = {**first.written, **second.written} if first.written or second.written else None
    home = frozenset(homes) - {""}
    covered, different = _alignment(first_words, second_words, written, home)
    if different:
        return min(DIFFERENT_WORDS_CAP, round(100 * covered))
    first_text, second_text = " ".join(sorted(first_words)), " ".join(sorted(second_words))
    ratio = max(
        fuzz.ratio(first_text, second_text),
        fuzz.token_set_ratio(first_text, second_text),
    )
    return round(100 * ALIGNMENT_WEIGHT * covered + (1 - ALIGNMENT_WEIGHT) * ratio)


def _nothing_in_common(first: _Name, second: _Name) -> bool:
    """Names of several words without one word in common are more than one typo apart."""
    return (
        len(first.words) > 1
        and len(second.words) > 1
        and first.word_set.isdisjoint(second.word_set)
        and first.joins.isdisjoint(second.word_set)
        and second.joins.isdisjoint(first.word_set)
    )


def _other_countries(first: frozenset[str], second: frozenset[str]) -> bool:
    """Each names a country the other does not: two branches ("Caritas Austria", "Caritas
    Czech Republic"), or one country's twin of another's ("Japan–Viet Nam", "Korea–Viet Nam")."""
    return bool(first - second and second - first)


def _a_branch(first: _Name, second: _Name, homes: tuple[str, str]) -> bool:
    """One name ends with a country, other than Viet Nam, that the other name does not name
    and its partner is not of (`homes`: each partner's country as `#xx`): a branch and the
    whole ("Fred Hollows Foundation New Zealand", "Fred Hollows Foundation")."""
    for name, other, other_home in ((first, second, homes[1]), (second, first, homes[0])):
        last = name.words[-1] if name.words else ""
        if last.startswith(COUNTRY_MARK) and last not in other.countries | VIET_NAM | {other_home}:
            return True
    return False


def _best_name_similarity(first: _Features, second: _Features) -> tuple[int, str]:
    """The best similarity of their names, and what made two names alike besides their
    words: SIMILAR_NAMES, IN_VIETNAMESE or COUNTRY_IN_OTHER_LANGUAGE."""
    best, why = 0, SIMILAR_NAMES
    homes = (_country_mark(first.country), _country_mark(second.country))
    for first_name in first.names:
        for second_name in second.names:
            similarity = name_similarity(first_name, second_name, homes)
            if similarity > best:
                best, why = similarity, _why_alike(first_name, second_name)
                if best == 100:
                    return best, why
    return best, why


def _country_mark(code: str) -> str:
    return COUNTRY_MARK + code.lower() if code else ""


def _why_alike(first: _Name, second: _Name) -> str:
    if first.vietnamese != second.vietnamese:
        return IN_VIETNAMESE
    if (
        first.countries
        and second.countries
        and _unspaced(first.country_words) != _unspaced(second.country_words)
    ):
        return COUNTRY_IN_OTHER_LANGUAGE
    return SIMILAR_NAMES


def _unspaced(words: frozenset[str]) -> set[str]:
    """ "viet nam" and "vietnam" are one spelling of the country, not another language's; and
    where the office is ("Caritas Austria Vietnam") says nothing of the name's language."""
    return {word.replace(" ", "") for word in words} - {"vietnam"}


def _acronym_signal(first: _Features, second: _Features, names: int) -> int:
    if not (first.country and first.country == second.country):
        return 0
    shared = first.acronyms & (second.acronyms | second.initials) or (
        second.acronyms & first.initials
    )
    if not shared:
        return 0
    if first.names and second.names and names < SIMILAR_NAMES_MIN:
        return 0  # two full names that are not alike: an acronym shared by chance
    return SAME_ACRONYM_SCORE


def acronym_of(first: _Features, second: _Features) -> tuple[str, str] | None:
    """(the acronym, the name) when one of them is only an acronym ("KOFIH", "ADRA Vietnam")
    that the other's full name shortens to, or the other carries too.

    The acronym's side may not name a country the other does not ("ADRA Cambodia" is a
    branch of its own), nor may the partners be of different countries.
    """
    if first.country and second.country and first.country != second.country:
        return None
    for short, full in ((first, second), (second, first)):
        if short.telling or not short.acronyms:
            continue
        if short.countries - full.countries - VIET_NAM:
            continue
        if not full.telling and full.countries - VIET_NAM != short.countries - VIET_NAM:
            continue  # "ADRA" and "ADRA Cambodia": the whole and a branch
        for acronym in sorted(short.acronyms):
            name, country = full.shortened.get(acronym, ("", ""))
            if country and not _of_country(short, country):
                continue  # "FHF" is not the Fred Hollows Foundation New Zealand, unless there
            if not name and acronym in full.acronyms:
                name = _written_name(full) or full.written_acronyms[acronym]
            if name:
                return short.written_acronyms[acronym], name
    return None


def _of_country(features: _Features, code: str) -> bool:
    return features.country == code or COUNTRY_MARK + code.lower() in features.countries


def _written_name(features: _Features) -> str:
    return next((name for name, _country in features.shortened.values()), "")


def compare(first: _Features, second: _Features) -> tuple[int, tuple[str, ...], tuple]:
    """The pair's score 0-100, its reason codes, strongest first, and what they name."""
    signals: dict[str, int] = {}
    details: tuple = ()
    if first.email and first.email == second.email:
        signals[SAME_EMAIL] = SAME_EMAIL_SCORE
    if first.website and first.website == second.website:
        signals[SAME_WEBSITE] = SAME_WEBSITE_SCORE
    conflict = bool(first.country and second.country and first.country != second.country)
    penalty = COUNTRY_CONFLICT_PENALTY if conflict else 0
    if not first.name_keys.isdisjoint(second.name_keys):
        names = 100
        signals[SAME_NAME] = 100 - penalty
    else:
        names, why = _best_name_similarity(first, second)
        if names == 100:  # the same meaning, not the same as written
            names = SAME_MEANING_SCORE
        if names >= SIMILAR_NAMES_MIN:
            signals[why] = names - penalty
    acronym = _acronym_signal(first, second, names)
    if acronym:
        signals[SAME_ACRONYM] = acronym
    elif names < DUPLICATE_THRESHOLD and (shortening := acronym_of(first, second)):
        signals[ACRONYM_OF] = ACRONYM_OF_SCORE
        details = (("acronym", shortening[0]), ("name", shortening[1]))
    if not signals:
        return 0, (), ()
    strong = SAME_EMAIL in signals or SAME_WEBSITE in signals
    if not strong and not first.domains.isdisjoint(second.domains):
        signals[SAME_DOMAIN] = SAME_DOMAIN_SCORE
    ranked = sorted(signals, key=lambda code: -signals[code])
    score = min(100, signals[ranked[0]] + SUPPORT_BONUS * (len(ranked) - 1))
    return score, tuple(ranked), details


# --- blocking -----------------------------------------------------------------------------------


def _one_letter_variants(word: str) -> set[str]:
    """The word and the word less any one letter: two words one typo apart share one of these
    (a changed letter, dropped from both; an added one, dropped from the longer)."""
    return {word} | {word[:index] + word[index + 1 :] for index in range(len(word))}


def typo_neighbours(word_counts: Counter) -> dict[str, set[str]]:
    """For each rare word of the register, the other words one typo away from it.

    A typo makes a word that is rare ("foundaton"); the word it was meant to be is found in
    the register's vocabulary (thousands of words, not tens of thousands of records) through
    the variants less one letter that both share.
    """
    variants = {
        word: _one_letter_variants(word)
        for word in word_counts
        if len(word) >= TYPO_MIN_LENGTH - 1 and word.isalpha()
    }
    by_variant = defaultdict(set)
    for word, its_variants in variants.items():
        for variant in its_variants:
            by_variant[variant].add(word)
    neighbours = {}
    for word, its_variants in variants.items():
        if word_counts[word] > RARE_WORD_LIMIT:
            continue
        near = {
            other
            for variant in its_variants
            if len(by_variant[variant]) <= VARIANT_WORDS_LIMIT
            for other in by_variant[variant]
            if other != word and _one_typo_apart(word, other)
        }
        if near:
            neighbours[word] = near
    return neighbours


def _block_keys(features: _Features, neighbours: dict) -> tuple[set[str], set[str]]:
    """Exact keys (same cleaned name, website, e-mail) and fuzzy ones (the rest)."""
    exact = {f"w:{features.website}", f"e:{features.email}"} - {"w:", "e:"}
    fuzzy = {f"d:{domain}" for domain in features.domains}
    if features.country:
        for acronym in features.acronyms | features.initials:
            fuzzy.add(f"a:{acronym}:{features.country}")
    exact.update(f"n:{key}" for key in features.name_keys)
    for words in features.plain_names:
        exact.update(f"n:{key}" for key in _corrected_keys(words, neighbours))
    for name in {name.words: name for name in features.names}.values():  # readings repeat
        exact.add(f"n:{name.key}")
        exact.update(f"n:{key}" for key in _corrected_keys(name.words, neighbours))
        exact.update(f"n:{key}" for key in _joined_keys(name.words))
        fuzzy.add(f"l:{name.key}")
        fuzzy.update(f"l:{key}" for key in _without_a_generic_word(name.words))
        fuzzy.update(f"l:{key}" for key in _joined_keys(name.words))  # "WaterAid Vietnam"
        telling = [word for word in name.words if word not in GENERIC_WORDS]
        if 2 <= len(telling) < len(name.words):  # "Tổ chức Nông Lương Liên Hợp Quốc"
            fuzzy.add("l:" + " ".join(sorted(telling)))
    return exact, fuzzy


def _corrected_keys(words: tuple[str, ...], neighbours: dict) -> set[str]:
    """The name's key with a rare word replaced by a word one typo away: "Path for Filds"
    meets "Path for Fields" as exactly as if it were spelt right."""
    keys = set()
    for index, word in enumerate(words):
        for other in neighbours.get(word, ()):
            keys.add(" ".join(sorted(words[:index] + (other,) + words[index + 1 :])))
    return keys


def _joined_keys(words: tuple[str, ...]) -> set[str]:
    """The name's key with two adjacent words run together: "Ha Noi" meets "Hanoi"."""
    return {
        " ".join(sorted(words[:index] + (words[index] + words[index + 1],) + words[index + 2 :]))
        for index in range(len(words) - 1)
    }


def _without_a_generic_word(words: tuple[str, ...]) -> set[str]:
    """The name less one generic word meets the name written with or without it ("Hanns
    Seidel" and "Hanns Seidel Foundation"). Dropping a telling word would gather the names
    that share the rest ("Bright Hope Foundation", "Green Hope Foundation"): too many."""
    if len(words) < 2:
        return set()
    return {
        " ".join(sorted(words[:index] + words[index + 1 :]))
        for index, word in enumerate(words)
        if word in GENERIC_WORDS
    }


def _rare_word_keys(features: _Features, word_counts: Counter) -> set[str]:
    """A telling word few records share ("tearfund", "dioxin") gathers them, whatever else
    their names add or drop: a country ("Tearfund UK"), a word ("Agent Orange/Dioxin")."""
    joined = {join for name in features.names for join in name.joins if join in word_counts}
    return {
        f"r:{word}"
        for word in features.words | joined  # "Hà Nội" meets "Hanoi"
        if word_counts[word] <= RARE_BLOCK_WORD_LIMIT
        and len(word) >= TYPO_MIN_LENGTH
        and word not in GENERIC_WORDS
        and not word.startswith(COUNTRY_MARK)
    }


def candidate_pairs(features: list[_Features]) -> set[tuple[int, int]]:
    """Index pairs of records sharing a block small enough to say something."""
    word_counts = Counter(word for feature in features for word in feature.words)
    neighbours = typo_neighbours(word_counts)
    exact_blocks, fuzzy_blocks = defaultdict(list), defaultdict(list)
    for index, feature in enumerate(features):
        exact, fuzzy = _block_keys(feature, neighbours)
        fuzzy.update(_rare_word_keys(feature, word_counts))
        for key in exact:
            exact_blocks[key].append(index)
        for key in fuzzy:
            fuzzy_blocks[key].append(index)
    pairs = set()
    for blocks, limit in ((exact_blocks, EXACT_BLOCK_LIMIT), (fuzzy_blocks, FUZZY_BLOCK_LIMIT)):
        for members in blocks.values():
            if 1 < len(members) <= limit:
                pairs.update(combinations(members, 2))
    pairs.update(_acronym_pairs(features))
    return pairs


def _acronym_pairs(features: list[_Features]) -> set[tuple[int, int]]:
    """Pairs of a record that is only an acronym ("KOFIH", "ADRA Vietnam") and a record whose
    full name shortens to it or that carries it too."""
    shorts, fulls = defaultdict(list), defaultdict(set)
    for index, feature in enumerate(features):
        for acronym in feature.acronyms:
            if feature.telling:
                fulls[acronym].add(index)
            else:
                shorts[acronym].append(index)
    if not shorts:
        return set()
    for index, feature in enumerate(features):
        for acronym in feature.shortened.keys() & shorts.keys():
            fulls[acronym].add(index)
    pairs = set()
    for acronym, members in shorts.items():
        if len(members) > FUZZY_BLOCK_LIMIT:
            continue  # an acronym so common says nothing
        pairs.update(combinations(members, 2))
        for one in members:
            others = _likeliest(features[one], acronym, fulls.get(acronym, ()), features)
            pairs.update((min(one, other), max(one, other)) for other in others)
    return pairs


def _likeliest(short: _Features, acronym: str, candidates, features: list[_Features]) -> list[int]:
    """The full names an acronym may stand for: those of its country first, then those it is
    the initials of, or that carry it, before those it shortens otherwise (leaving a word out,
    taking a syllable); none when it may stand for more than ACRONYM_CANDIDATES: then it says
    too little to tell which."""
    candidates = list(candidates)
    if len(candidates) > ACRONYM_CANDIDATES and short.country:
        candidates = [index for index in candidates if features[index].country == short.country]
    if len(candidates) > ACRONYM_CANDIDATES:
        candidates = [
            index
            for index in candidates
            if acronym in features[index].initials or acronym in features[index].acronyms
        ]
    return candidates if len(candidates) <= ACRONYM_CANDIDATES else []


# --- entry points -------------------------------------------------------------------------------


@contextmanager
def _collector_paused():
    """The batch makes a million small objects, none in a cycle; the garbage collector, run
    every few hundred of them over the whole heap of a web process, took a third of its time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def find_duplicate_pairs(
    records: list[PartnerRecord], threshold: int = DUPLICATE_THRESHOLD
) -> list[DuplicatePair]:
    """Pairs of `records` scoring at least `threshold`, best first."""
    with _collector_paused():
        features = [features_of(record) for record in records]
        found = []
        for first, second in candidate_pairs(features):
            score, reasons, details = compare(features[first], features[second])
            if score >= threshold:
                pair = DuplicatePair(records[first], records[second], score, reasons, details)
                found.append(pair)
    found.sort(key=lambda pair: (-pair.score, pair.first.id or 0, pair.second.id or 0))
    return found


def possible_duplicates(queryset, threshold: int = DUPLICATE_THRESHOLD) -> list[DuplicatePair]:
    """Likely duplicate pairs among the partners of `queryset` (e.g. `visible_to(user)`)."""
    return find_duplicate_pairs(records_of(queryset), threshold)


#: at most this many partners are read to score a would-be partner against
LOOKUP_POOL = 2000
#: a word found in more partners than this does not narrow the search
LOOKUP_WORD_LIMIT = 300
LOOKUP_MAX_WORDS = 6
#: the acronyms of a would-be partner's name looked for as other partners' acronyms
LOOKUP_MAX_ACRONYMS = 24
#: the longest acronym looked for among the full names it may shorten
LOOKUP_ACRONYM_LENGTH = 8


def likely_duplicates_of(
    candidate_fields: dict, queryset, limit: int = 5, threshold: int = DUPLICATE_THRESHOLD
) -> list[DuplicatePair]:
    """Partners of `queryset` that a would-be partner likely duplicates, best first.

    `candidate_fields` is a form's cleaned data or an import row (name, name_vi, name_en,
    acronym, country or country_code, website, email). Each pair's `first` is the would-be
    partner, its `second` the existing one. At most two queries: one counts how rare its
    words are, one reads the partners sharing a rare word, the website, e-mail or acronym.
    """
    candidate = PartnerRecord.from_fields(candidate_fields)
    wanted = features_of(candidate)
    narrowing = _lookup_filter(wanted, queryset)
    if narrowing is None:
        return []
    found = []
    for record in records_of(queryset.filter(narrowing)[:LOOKUP_POOL]):
        score, reasons, details = compare(wanted, features_of(record))
        if score >= threshold:
            found.append(DuplicatePair(candidate, record, score, reasons, details))
    found.sort(key=lambda pair: (-pair.score, pair.second.id))
    return found[:limit]


def _lookup_filter(wanted: _Features, queryset) -> Q | None:
    narrowing = Q()
    if wanted.website:
        narrowing |= Q(website__icontains=wanted.website)
    if wanted.email:
        narrowing |= Q(email__iexact=wanted.email)
    for domain in wanted.domains:
        narrowing |= Q(email__iendswith=f"@{domain}") | Q(website__icontains=domain)
    for acronym in wanted.acronyms:
        narrowing |= Q(acronym__iexact=acronym) | Q(name__iexact=acronym)
    for acronym in wanted.initials:
        narrowing |= Q(acronym__iexact=acronym)
    for acronym in sorted(wanted.shortened)[:LOOKUP_MAX_ACRONYMS]:
        # a partner recorded as its acronym alone or with its place ("ADRA Vietnam")
        narrowing |= (
            Q(acronym__iexact=acronym)
            | Q(name__iexact=acronym)
            | Q(search_text__startswith=f"{acronym} ")
        )
    if not wanted.telling:
        for acronym in sorted(wanted.acronyms)[:2]:
            if 2 <= len(acronym) <= LOOKUP_ACRONYM_LENGTH:  # longer: no regex worth running
                narrowing |= Q(search_text__regex=_shortened_by(acronym))
    for word in _rarest_words(wanted, queryset):
        narrowing |= Q(search_text__contains=word)
    return narrowing or None


def _shortened_by(acronym: str) -> str:
    """A regular expression for the folded names `acronym` may shorten: its letters begin
    words, in order, or go on a word's first syllable ("kofih": korea foundation ...), one
    small word allowed between. Read by SQLite (Python's re) and PostgreSQL alike."""
    letters = [re.escape(letter) for letter in acronym if letter.isalnum()]
    if not letters:
        return "^$"
    steps = "".join(f"(?:{letter}|[a-z0-9]* (?:[a-z0-9]+ )?{letter})" for letter in letters[1:])
    return f"(^| ){letters[0]}{steps}"


def _lookup_words(wanted: _Features) -> set[str]:
    """The candidate's words, and for long ones their halves: a typo leaves one half whole;
    and the Vietnamese words of what it means ("pacific": "thai binh duong")."""
    words = set()
    for word in wanted.words:
        if word.startswith(COUNTRY_MARK):
            continue  # a country is seldom rare, and is looked for by the other words
        words.update(phrase for phrase in vietnamese_phrases_of(word) if len(phrase) >= 3)
        if len(word) >= 3:
            words.add(word)
        if len(word) >= 6:
            half = len(word) // 2
            words.update((word[:half], word[-half:]))
    return words


def _rarest_words(wanted: _Features, queryset) -> list[str]:
    words = sorted(_lookup_words(wanted))
    if not words:
        return []
    counts = queryset.order_by().aggregate(
        **{
            f"w{index}": Count("pk", filter=Q(search_text__contains=word))
            for index, word in enumerate(words)
        }
    )
    usable = [
        (counts[f"w{index}"], word)
        for index, word in enumerate(words)
        if 0 < counts[f"w{index}"] <= LOOKUP_WORD_LIMIT
    ]
    return [word for _count, word in sorted(usable)[:LOOKUP_MAX_WORDS]]
