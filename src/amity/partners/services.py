"""Domain logic of the partner database beyond CRUD: the writers of its records, holding, search,
dormancy, suggestions."""

import copy
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import connection
from django.db.models import (
    Case,
    Count,
    Exists,
    FloatField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.translation import gettext as _
from rapidfuzz import fuzz, process
from simple_history.utils import bulk_create_with_history

from amity.core.queries import sqlite_has_table
from amity.core.scoping import branch_of
from amity.core.writes import Writer
from amity.organizations.models import Organization
from amity.partners.choices import HolderRole, PartnerStatus
from amity.partners.models import Interaction, Partner, RelationshipHolder
from amity.partners.text import normalise

# --- writers: the steps every write of a partner's records brings (form, API, import) ----------


class PartnerWriter(Writer):
    """A new partner is held by its creator's organization (`hold_for_creator`)."""

    def after_save(self, record, user, created):
        if created:
            hold_for_creator(record, user)

    def after_save_batch(self, records, user, created):
        if created:
            hold_all_for_creator(list(records), user)


class PartnerChildWriter(Writer):
    """A record whose partner keeps a summary of it: the partner (and the one it left, when it
    moved to another) is refreshed after each write, deletion or restoration."""

    def refresh(self, partner_ids) -> None:
        raise NotImplementedError

    def before_save(self, record, user, created):
        # The partner it belonged to, read before the save: moved away, that one changes too.
        stored = None
        if not created:
            stored = type(record).all_objects.filter(pk=record.pk).values_list("partner_id")
            stored = stored.first()
        record._partner_before = stored[0] if stored else None

    def after_save(self, record, user, created):
        self.refresh({record.partner_id, getattr(record, "_partner_before", None)} - {None})

    def after_save_batch(self, records, user, created):
        self.refresh({record.partner_id for record in records})

    def after_delete(self, record, user):
        self.refresh({record.partner_id})

    after_restore = after_delete


class ContactWriter(PartnerChildWriter):
    """The partner's search text holds its contacts' names."""

    def refresh(self, partner_ids):
        refresh_search_text(partner_ids)


class InteractionWriter(PartnerChildWriter):
    """The partner's last contact is the date of its latest interaction."""

    def refresh(self, partner_ids):
        refresh_last_contact(partner_ids)


def refresh_search_text(partner_ids) -> None:
    """The search text of these partners, read again with their live contacts' names: derived
    data, written without a change of the partner's own history or version."""
    for partner in Partner.all_objects.filter(pk__in=list(partner_ids)):
        Partner.all_objects.filter(pk=partner.pk).update(search_text=partner.derive_search_text())


def refresh_last_contact(partner_ids) -> None:
    """The last contact of these partners: the date of their latest live interaction (derived
    data that lists filter on, written without a change of the partner's history)."""
    latest = (
        Interaction.objects.filter(partner_id=OuterRef("pk"))
        .order_by("-occurred_on")
        .values("occurred_on")[:1]
    )
    Partner.all_objects.filter(pk__in=list(partner_ids)).update(last_contact_on=Subquery(latest))


# --- holding ------------------------------------------------------------------------------------


def hold_for_creator(partner: Partner, user) -> None:
    """A partner entered by a unit officer is held by that officer's organization (CONTRACT.md),
    so that it stays in the officer's scope; the centre's entries are held by whoever it names."""
    if user.edits_everything or user.organization is None:
        return
    holder, created = RelationshipHolder.objects.get_or_create(
        partner=partner,
        organization=user.organization,
        defaults={"role": HolderRole.LEAD, "since": date.today()},
    )
    if created:
        holder._history_user = user


def hold_all_for_creator(partners: list[Partner], user) -> None:
    """`hold_for_creator` for a batch of new partners (an import), in one write."""
    if user.edits_everything or user.organization is None:
        return
    holders = [
        RelationshipHolder(
            partner=partner,
            organization=user.organization,
            role=HolderRole.LEAD,
            since=date.today(),
        )
        for partner in partners
    ]
    bulk_create_with_history(holders, RelationshipHolder, default_user=user)


# --- dormancy -----------------------------------------------------------------------------------


def dormant_cutoff(today: date | None = None) -> date:
    """Partners whose last contact is before this date are dormant."""
    today = today or timezone.localdate()
    months = settings.PARTNER_DORMANT_MONTHS
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    return today.replace(year=year, month=month + 1, day=min(today.day, 28))


def dormant_filter(today: date | None = None) -> Q:
    """Active or prospective partners quiet for PARTNER_DORMANT_MONTHS months, counted from the
    last interaction, else from the relationship's start, else from the record's creation: a
    partner entered a minute ago has not been neglected yet.

    The one rule of dormancy: the list's filter, the home page's panel, the detail's flag and the
    suggestions all read it."""
    cutoff = dormant_cutoff(today)
    # midnight of the cut-off day where the site is, so that a record made that day is not quiet
    created_before = timezone.make_aware(datetime.combine(cutoff, time.min))
    never_contacted = Q(last_contact_on__isnull=True) & (
        Q(relationship_since__lt=cutoff)
        | Q(relationship_since__isnull=True, created_at__lt=created_before)
    )
    quiet = Q(last_contact_on__lt=cutoff) | never_contacted
    return quiet & Q(status__in=[PartnerStatus.ACTIVE, PartnerStatus.PROSPECTIVE])


# --- registrations ------------------------------------------------------------------------------


def expiring_filter(today: date | None = None) -> Q:
    """Registrations that end within PARTNER_REGISTRATION_ALERT_DAYS days (and have not ended)."""
    today = today or date.today()
    horizon = today + timedelta(days=settings.PARTNER_REGISTRATION_ALERT_DAYS)
    return Q(expires_on__gte=today, expires_on__lte=horizon)


# --- search -------------------------------------------------------------------------------------

FUZZY_MIN_SCORE = 70
FUZZY_POOL = 3000
FUZZY_MATCHES = 50  # typo'd searches want the few likeliest partners, not a long list
SEARCH_KNOWN_MATCHES = 1000  # up to this many matches are read once and named by id
#: how alike (rapidfuzz ratio, 0-100) a misspelt word must be to a word of the partner's text
WORD_MIN_SIMILARITY = 60
#: what a word found inside a longer word ("123" in "1234") counts, against 1 for a whole word
WORD_INSIDE = 0.9


def search(queryset, text: str):
    """Partners matching `text` in any name, acronym or contact name, best first.

    Insensitive to case and Vietnamese diacritics (the normalised `search_text`); every word
    must match. When nothing matches exactly, typos are forgiven: a query whose other words
    match exactly is ranked by those words and the misspelt ones' similarity
    (`_partly_misspelt`); a query none of whose words match is ranked as a whole, by trigram
    similarity on PostgreSQL's index and on SQLite over a bounded pool with rapidfuzz.
    """
    query = normalise(text)
    if not query:
        return queryset
    exact = _containing_every_word(queryset, query.split())
    # The match is the costly part (the full-text index, or LIKE): it is read once, unordered
    # and bounded, which also tells whether to fall back to typos. A short list of matches is
    # then named by id, so that counting and paging them need not match again.
    matches = list(exact.order_by().values_list("pk", flat=True)[: SEARCH_KNOWN_MATCHES + 1])
    if not matches:
        ranked = _partly_misspelt(queryset, query.split())
        return ranked if ranked is not None else _fuzzy(queryset, query)
    if len(matches) <= SEARCH_KNOWN_MATCHES:
        # a unit officer's scope (its holders' subquery) is read once
        exact = _named_by_id(queryset, matches)
    return exact.annotate(
        relevance=Case(
            When(search_text__startswith=query, then=Value(3.0)),
            When(search_text__contains=query, then=Value(2.0)),
            default=Value(1.0),
            output_field=FloatField(),
        )
    ).order_by("-relevance", "name")


FTS_TABLE = "partners_partner_fts"
FTS_MIN_WORD = 3  # the trigram index finds words of three letters or more


def _containing_every_word(queryset, words, piece_groups=()):
    """Partners whose search text contains every word and, if given, at least one piece of
    each group: from the SQLite full-text index where there is one (migration 0004), else by
    LIKE (PostgreSQL's GIN trigram index serves it)."""
    indexed = [word for word in words if len(word) >= FTS_MIN_WORD]
    groups = [group for group in piece_groups if all(len(p) >= FTS_MIN_WORD for p in group)]
    if (indexed or groups) and _has_full_text_index():
        # one MATCH for the whole condition; words and pieces are [a-z0-9] only
        terms = [f'"{word}"' for word in indexed]
        terms += ["(" + " OR ".join(f'"{piece}"' for piece in group) + ")" for group in groups]
        rows = RawSQL(
            f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [" AND ".join(terms)]
        )
        queryset = queryset.filter(pk__in=rows)
        words = [word for word in words if len(word) < FTS_MIN_WORD]
        piece_groups = [group for group in piece_groups if group not in groups]
    for word in words:
        queryset = queryset.filter(search_text__contains=word)
    for group in piece_groups:
        some = Q()
        for piece in group:
            some |= Q(search_text__contains=piece)
        queryset = queryset.filter(some)
    return queryset


def _sharing_a_piece(queryset, pieces):
    """Partners whose search text contains at least one of `pieces` (3-letter bits of words)."""
    return _containing_every_word(queryset, [], [sorted(pieces)])


def _pieces(word: str) -> list[str]:
    """The start and the end of a word (a typo rarely spoils both), what a pool is drawn by."""
    return sorted({word[:3], word[-3:]}) if len(word) >= 3 else [word]


def _partly_misspelt(queryset, words):
    """A query some of whose words match exactly and the others not at all, ranked by every
    word it matches exactly and the misspelt ones by similarity, or None when it is not such
    a query (or nothing is alike).

    When many names share words, a pool drawn by the misspelt word alone misses the intended
    partner; drawn by the words that match, it holds it. The pool is bounded (`FUZZY_POOL`):
    past it, it is narrowed by the misspelt words' pieces, at the cost of one more query.
    """
    known = _known_words(queryset, words)
    misspelt = [word for word in words if word not in known]
    if not known or not misspelt:
        return None
    rows = _pool(_containing_every_word(queryset, sorted(known)))
    if len(rows) > FUZZY_POOL:
        # Too many to read: narrowed to those sharing the start or the end of each misspelt
        # word, which a short word's typo may spoil, hence not always.
        pieces = [_pieces(word) for word in misspelt]
        rows = _pool(_containing_every_word(queryset, sorted(known), pieces))[:FUZZY_POOL]
    scored = []
    for pk, text, name in rows:
        score = _word_score(words, known, text)
        if score is not None:
            scored.append((-score, name, pk))
    if not scored:
        return None
    order = [pk for _score, _name, pk in sorted(scored)[:FUZZY_MATCHES]]
    return _ranked(_named_by_id(queryset, order), order)


def _named_by_id(queryset, ids):
    """The partners `ids` found through `queryset`: named by id, they need neither its scope nor
    its filters again, but keep what it reads with them (the list's country, its prefetches),
    or each row of a page would read its own."""
    named = queryset.model._default_manager.filter(pk__in=ids)
    named.query.select_related = copy.deepcopy(queryset.query.select_related)
    return named.prefetch_related(*queryset._prefetch_related_lookups)


def _pool(queryset) -> list[tuple[int, str, str]]:
    """Up to one more than `FUZZY_POOL` candidates, unordered (no sort of the pool)."""
    return list(queryset.order_by().values_list("pk", "search_text", "name")[: FUZZY_POOL + 1])


def _known_words(queryset, words) -> set[str]:
    """The words of the query that some partner of `queryset` contains, in one query."""
    probes = {
        f"w{number}": Exists(_containing_every_word(queryset, [word]))
        for number, word in enumerate(words)
    }
    row = queryset.model._default_manager.order_by().annotate(**probes).values(*probes).first()
    if row is None:
        return set()
    return {word for number, word in enumerate(words) if row[f"w{number}"]}


def _word_score(words, known, text: str) -> float | None:
    """1 for each word the text holds as a word, `WORD_INSIDE` for one inside a longer word,
    the similarity (0-1) of the likest word for a misspelt one; None if one has none alike."""
    tokens = text.split()
    whole = set(tokens)
    score = 0.0
    for word in words:
        if word in whole:
            score += 1.0
        elif word in known and word in text:
            score += WORD_INSIDE
        else:
            likest = process.extractOne(
                word, tokens, scorer=fuzz.ratio, score_cutoff=WORD_MIN_SIMILARITY
            )
            if likest is None:
                return None
            score += likest[1] / 100
    return score


def _ranked(queryset, order):
    """`queryset` in the order of the ids `order`, its `relevance` falling along it."""
    ranking = Case(
        *[When(pk=pk, then=Value(float(len(order) - i))) for i, pk in enumerate(order)],
        output_field=FloatField(),
    )
    return queryset.annotate(relevance=ranking).order_by("-relevance")


def _has_full_text_index() -> bool:
    return sqlite_has_table(FTS_TABLE)


def _fuzzy(queryset, query: str):
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import TrigramWordSimilarity

        # The lookup is pg_trgm's word-similarity operator, which the GIN index answers;
        # filtering on the annotated similarity would compute it for every partner.
        return (
            queryset.filter(search_text__trigram_word_similar=query)
            .annotate(relevance=TrigramWordSimilarity(query, "search_text"))
            .order_by("-relevance", "name")
        )
    # SQLite has no similarity operator: narrow to rows sharing the start or the end of a word
    # (a typo rarely spoils both), then score them in Python, word order aside (WRatio).
    pieces = set()
    for word in query.split():
        pieces |= set(_pieces(word))
    pool = _sharing_a_piece(queryset, pieces).order_by()  # unordered: no sort of the pool
    candidates = dict(pool.values_list("pk", "search_text")[:FUZZY_POOL])
    matches = process.extract(
        query, candidates, scorer=fuzz.WRatio, score_cutoff=FUZZY_MIN_SCORE, limit=FUZZY_MATCHES
    )
    order = [pk for _text, _score, pk in matches]
    if not order:
        return queryset.none()
    return _ranked(queryset.filter(pk__in=order), order)


# --- suggestions ("finding new partners") ----------------------------------------------------


@dataclass
class Suggestion:
    partner: Partner
    reasons: list[str] = field(default_factory=list)
    score: float = 0.0


def chosen_organization(user, organization_id: int | None):
    """The organization `organization_id` if the user may see it, else (no id given) the user's
    own; None when the one asked for, or the user's own, may not be seen."""
    visible = Organization.objects.visible_to(user)
    if organization_id is not None:
        return visible.filter(pk=organization_id).first()
    home = user.organization
    return home if home is not None and visible.filter(pk=home.pk).exists() else None


def _interests(organization):
    """Fields and countries of the partners the organization (and those under it) hold."""
    # Through the branch's organization ids (`any_of`), read from the holders' organization
    # index, rather than a join on the tree path row by row.
    holders = RelationshipHolder.objects.filter(organization__any_of=branch_of(organization))
    held = Partner.objects.filter(pk__in=holders.values("partner_id"))
    fields: Counter[int | None] = Counter(held.values_list("fields", flat=True))
    countries: Counter[int | None] = Counter(held.values_list("country", flat=True))
    fields.pop(None, None)
    countries.pop(None, None)
    return held, fields, countries


def suggestions_for(organization, user, limit: int = 20) -> list[Suggestion]:
    """Partners to approach, and held partners gone quiet, each with why.

    Interests are read from what the organization already does: the fields and countries of
    the partners it holds. A partner it does not hold that works in those fields and countries
    is a candidate, ranked by how much it shares and how strong and recent it is.
    """
    held, fields, countries = _interests(organization)
    top_fields = [pk for pk, _count in fields.most_common(5)]
    top_countries = [pk for pk, _count in countries.most_common(5)]
    candidates = (
        Partner.objects.visible_to(user)
        .exclude(pk__in=held.values("pk"))
        .filter(status__in=[PartnerStatus.ACTIVE, PartnerStatus.PROSPECTIVE])
        .filter(Q(fields__in=top_fields) | Q(country__in=top_countries))
        .annotate(
            shared_fields=Count("fields", filter=Q(fields__in=top_fields), distinct=True),
        )
        .select_related("country")
        .prefetch_related("fields")
        .distinct()
    )
    suggestions = [_approach(partner, top_fields, top_countries) for partner in candidates[:500]]
    suggestions.sort(key=lambda suggestion: -suggestion.score)
    quiet = [
        Suggestion(
            partner,
            [
                _("You hold this partner but have had no contact since %(date)s.")
                % {"date": partner.last_contact_on.strftime("%d/%m/%Y")}
                if partner.last_contact_on
                else _("You hold this partner but no contact is recorded.")
            ],
            score=0,
        )
        for partner in held.filter(dormant_filter()).select_related("country").distinct()[:limit]
    ]
    return suggestions[:limit] + quiet


def _approach(partner, top_fields, top_countries) -> Suggestion:
    reasons, score = [], 0.0
    shared = [f for f in partner.fields.all() if f.pk in top_fields]
    if shared:
        names = ", ".join(str(f) for f in shared)
        reasons.append(_("Works in your fields: %(fields)s.") % {"fields": names})
        score += 2 * len(shared)
    if partner.country_id in top_countries:
        reasons.append(
            _("Based in a country you work with: %(country)s.") % {"country": partner.country}
        )
        score += 2
    if partner.strength:
        score += partner.strength / 2
    if partner.last_contact_on and partner.last_contact_on >= dormant_cutoff():
        reasons.append(_("Recently in contact with the network."))
        score += 1
    return Suggestion(partner, reasons, score)
