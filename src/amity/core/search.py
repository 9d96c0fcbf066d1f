"""Search across domains: one query finds partners, people, activities, events, reports… that
the user may see, grouped by kind, best first.

Each app declares what it indexes in its own `search.py`, found like `dashboard.py`:

    from amity.core.search import Kind, register

    register(Kind("partners.Partner", fields=("name", "name_vi", "name_en", "acronym"),
                  summary=lambda partner: partner.get_kind_display(), order=10))

The index (`core.models.SearchEntry`) holds one row a record: its name in both languages, a
one-line summary and the folded text of its fields (lower case, no marks, đ as d: `fold`). It
follows the records: a save or a delete marks the record, and once the transaction commits the
marked records are read again and their rows written or removed (a soft-deleted record leaves
the index). Writes that send no signal (the bulk import, the demo loader) call `reindex` or
`rebuild`; `amity search_index --rebuild` rebuilds it all.

Who may see a record is not copied into the index: a copy would go stale whenever a scope's
inputs change (an event's co-organizers, an organization moved in the tree, a partner made
restricted). A search reads the matching rows first (a bounded number, through the trigram
index: SQLite's FTS5 or PostgreSQL's pg_trgm), then asks, in one query, each kind's own
`visible_to(user)` which of their records the user may see, and ranks and counts only those, so
nothing shown or counted leaks, and a stale row (a record deleted without a signal) is never
shown. Each kind's `visible_to` is compiled to SQL once for a user's scope (`_scope`: keyed on
the user's and their organization's own fields, so that a change of either is a new scope).

A mistyped word is forgiven: when nothing matches, each word the index does not know is replaced
by the closest word it knows (`SearchWord`, rapidfuzz), and the search runs once more.
"""

import json
import re
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connection, connections, router, transaction
from django.db.models import Q, Value
from django.db.models.expressions import RawSQL
from django.db.models.signals import post_delete, post_save
from django.urls import NoReverseMatch, reverse
from django.utils.html import escape
from django.utils.http import urlencode
from django.utils.module_loading import module_has_submodule
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import override
from rapidfuzz import process
from rapidfuzz.distance import OSA

from amity.core.collation import fold
from amity.core.queries import sqlite_has_table
from amity.core.registry import registry

#: results of each kind on the page of every kind; with one kind asked for, KIND_PAGE
PER_KIND = 5
KIND_PAGE = 50
#: matching rows read before ranking: the count of a kind past it is shown as "N+"
MATCH_CAP = 300
#: rows whose name starts with the query, read apart so that the best are never past the cap
PREFIX_CAP = 50
#: a query is read up to this length and this many words
QUERY_LENGTH = 200
QUERY_WORDS = 12
#: words shorter than this are not in the trigram index: they narrow what longer words found,
#: or, alone, match the start of a name
TRIGRAM = 3
#: the folded text kept for a record (the title first, so a cut keeps what matters most)
TEXT_LENGTH = 2000
KEY_LENGTH = 100
TITLE_LENGTH = 300
#: words of the vocabulary: letters only (an identifier is not mistyped into another), and a
#: word shorter than FUZZY_WORD is too short to correct
FUZZY_WORD = 4
WORD_LENGTH = 40
FUZZY_POOL = 50_000
FTS_TABLE = "core_searchentry_fts"
BATCH = 500

_LETTERS = re.compile(r"^[^\W\d_]+$")
# what a query keeps: letters, digits and the joiners of identifiers (VN-DFAT-123, 12/QĐ-TW)
_NOT_QUERY = re.compile(r"[^\w\s\-./]|_")


@dataclass(frozen=True)
class Kind:
    """What an app indexes of one model.

    - `fields`: the attribute paths whose text a search finds the record by (names, titles,
      identifiers, acronyms, numbers and symbols), `partner__name` through a relation;
    - `title` and `summary`: what the result shows, functions of a record, read in each language
      (by default its `str()` and nothing); they may read only `related`, which the index
      reads with the records (`select_related`);
    - `label`: the kind's name, plural (by default the model's `verbose_name_plural`);
    - `order`: the place of its group on the page;
    - `list_url`, `detail_url`: the URL names of its list (which takes `?q=`) and of a record,
      by default `<app>:<model>_list` and `<app>:<model>`.
    """

    model: str
    fields: tuple[str, ...]
    title: Callable[[Any], str] | None = None
    summary: Callable[[Any], str] | None = None
    label: Any = ""
    related: tuple[str, ...] = ()
    order: int = 100
    list_url: str = ""
    detail_url: str = ""

    @property
    def model_class(self):
        return registry.entry(self.model).model

    @property
    def plural(self) -> str:
        """The kind's key in the index, the page and the API: the registry's plural."""
        return registry.entry(self.model).plural

    @property
    def name(self):
        return self.label or self.model_class._meta.verbose_name_plural

    def url_name(self, suffix: str = "") -> str:
        meta = self.model_class._meta
        return f"{meta.app_label}:{meta.model_name}{suffix}"

    def record_url(self, pk: int) -> str:
        return reverse(self.detail_url or self.url_name(), args=[pk])

    def see_all_url(self, query: str) -> str:
        try:
            return f"{reverse(self.list_url or self.url_name('_list'))}?{urlencode({'q': query})}"
        except NoReverseMatch:
            return ""

    def title_of(self, record) -> str:
        return str(self.title(record) if self.title else record)

    def summary_of(self, record) -> str:
        return str(self.summary(record)) if self.summary else ""

    def texts_of(self, record) -> Iterator[str]:
        for path in self.fields:
            value: Any = record
            for part in path.split("__"):
                value = getattr(value, part, None)
                if value is None:
                    break
            if value not in (None, ""):
                yield str(value)


def joined(*parts) -> str:
    """The parts of a summary that say something, in one line: "NGO · France"."""
    return " · ".join(str(part) for part in parts if part)


_kinds: dict[str, Kind] = {}  # by model label, lower case
_discovered = False


def register(kind: Kind) -> Kind:
    """Index `kind`'s model: called by an app's `search.py` (a second call replaces the first)."""
    _kinds[kind.model.lower()] = kind
    return kind


def discover() -> None:
    """Import the registered apps' `search` modules and follow their models' writes (called
    once the apps are ready: `CoreConfig.ready`)."""
    global _discovered
    if _discovered:
        return
    from importlib import import_module

    from django.apps import apps as django_apps

    for app in registry.apps():
        config = django_apps.get_app_config(app.label)
        if module_has_submodule(config.module, "search"):
            import_module(f"{config.name}.search")
    for kind in _kinds.values():
        model = kind.model_class
        post_save.connect(_record_saved, sender=model, dispatch_uid=f"search-{kind.model}")
        post_delete.connect(_record_saved, sender=model, dispatch_uid=f"search-del-{kind.model}")
    _discovered = True


def kinds() -> list[Kind]:
    """Every indexed kind, in the page's order."""
    discover()
    return sorted(_kinds.values(), key=lambda kind: (kind.order, kind.plural))


def kind_of(model) -> Kind | None:
    return _kinds.get(model._meta.label_lower)


def by_plural() -> dict[str, Kind]:
    return {kind.plural: kind for kind in kinds()}


# --- keeping the index ----------------------------------------------------------------------------

_state = threading.local()


@contextmanager
def paused():
    """Writes inside are not followed one by one (the demo loader, a benchmark's generator):
    the caller rebuilds the index after."""
    previous = getattr(_state, "paused", False)
    _state.paused = True
    try:
        yield
    finally:
        _state.paused = previous


def _record_saved(sender, instance, **kwargs):
    if getattr(_state, "paused", False) or kwargs.get("raw"):
        return
    mark(sender, [instance.pk])


def mark(model, pks: Iterable[int]) -> None:
    """Reindex these records of `model` once the transaction commits (at once outside one): the
    marks of a transaction are gathered, so a form's save or an import's batch is one write."""
    kind = kind_of(model)
    if kind is None:
        return
    pks = [pk for pk in pks if pk is not None]
    if not connection.in_atomic_block:
        reindex(kind, pks)
        return
    pending = getattr(_state, "pending", None)
    if pending is None:
        pending = _state.pending = defaultdict(set)
    pending[kind.model.lower()].update(pks)
    # One callback a mark: the first to run writes every mark gathered, the others find none.
    # (A mark of a rolled-back savepoint is written too: reading the record again, it finds
    # what the database holds, so it is harmless.)
    transaction.on_commit(_flush)


def _flush() -> None:
    pending = getattr(_state, "pending", None)
    _state.pending = None
    for label, pks in (pending or {}).items():
        reindex(_kinds[label], sorted(pks))


def reindex(kind: Kind, pks: list[int]) -> None:
    """Write the rows of these records anew; a record deleted (soft or not) loses its row."""
    model = kind.model_class
    for start in range(0, len(pks), BATCH):
        chunk = pks[start : start + BATCH]
        records = model._default_manager.select_related(*kind.related).filter(pk__in=chunk)
        _write(kind, list(records), chunk)


def _write(kind: Kind, records: list, pks: Iterable[int]) -> None:
    from amity.core.models import SearchEntry

    entries = [entry_for(kind, record) for record in records]
    with transaction.atomic():
        SearchEntry.objects.filter(kind=kind.plural, object_id__in=list(pks)).delete()
        SearchEntry.objects.bulk_create(entries, batch_size=BATCH)
        _learn(entry.text for entry in entries)


def entry_for(kind: Kind, record):
    from amity.core.models import SearchEntry

    with override("vi"):
        title_vi, summary_vi = kind.title_of(record), kind.summary_of(record)
    with override("en"):
        title_en, summary_en = kind.title_of(record), kind.summary_of(record)
    parts = dict.fromkeys([title_vi, title_en, *kind.texts_of(record)])  # once each, in order
    text = " ".join(fold(" ".join(parts)).split())
    return SearchEntry(
        kind=kind.plural,
        object_id=record.pk,
        title_vi=title_vi[:TITLE_LENGTH],
        title_en=title_en[:TITLE_LENGTH],
        summary_vi=summary_vi[:TITLE_LENGTH],
        summary_en=summary_en[:TITLE_LENGTH],
        key=" ".join(fold(title_vi).split())[:KEY_LENGTH],
        text=text[:TEXT_LENGTH],
    )


def _learn(texts: Iterable[str]) -> None:
    """Add the words of `texts` to the vocabulary that corrects mistyped words."""
    from amity.core.models import SearchWord

    words = {
        word
        for text in texts
        for word in text.split()
        if FUZZY_WORD <= len(word) <= WORD_LENGTH and _LETTERS.match(word)
    }
    SearchWord.objects.bulk_create(
        [SearchWord(word=word, length=len(word)) for word in sorted(words)],
        batch_size=BATCH,
        ignore_conflicts=True,
    )


def rebuild(only: Iterable[str] = (), progress: Callable[[str, int, int], None] | None = None):
    """Write the index anew: every kind, or the plurals in `only`; `progress(plural, done,
    total)` is told after each batch. Returns the number of rows written."""
    from amity.core.models import SearchEntry, SearchWord

    chosen = [kind for kind in kinds() if not only or kind.plural in set(only)]
    written = 0
    if not only:
        SearchWord.objects.all().delete()
    for kind in chosen:
        model = kind.model_class
        SearchEntry.objects.filter(kind=kind.plural).delete()
        pks = list(model._default_manager.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(pks), BATCH):
            chunk = pks[start : start + BATCH]
            records = model._default_manager.select_related(*kind.related).filter(pk__in=chunk)
            entries = [entry_for(kind, record) for record in records]
            SearchEntry.objects.bulk_create(entries, batch_size=BATCH)
            _learn(entry.text for entry in entries)
            written += len(entries)
            if progress:
                progress(kind.plural, min(start + BATCH, len(pks)), len(pks))
    return written


# --- searching ------------------------------------------------------------------------------------


@dataclass
class Hit:
    kind: str
    id: int
    title: str
    summary: str
    url: str
    highlighted: SafeString


@dataclass
class Group:
    kind: Kind
    count: int
    more: bool  # the count is a lower bound (more matched than were read)
    see_all: str
    hits: list[Hit] = field(default_factory=list)

    @property
    def plural(self) -> str:
        return self.kind.plural

    @property
    def label(self):
        return self.kind.name


@dataclass
class Results:
    query: str  # as the user typed it (cut to QUERY_LENGTH)
    words: list[str]  # folded, as matched
    corrected: str = ""  # the query after typos were corrected, if they were
    groups: list[Group] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(group.count for group in self.groups)


def query_words(text: str) -> list[str]:
    """The folded words of a query: no marks, no case, no characters but letters, digits and
    the joiners of identifiers; at most QUERY_WORDS, each once."""
    cleaned = _NOT_QUERY.sub(" ", fold(text[:QUERY_LENGTH]))
    words = [word.strip("-./") for word in cleaned.split()]
    return list(dict.fromkeys(word[:WORD_LENGTH] for word in words if word))[:QUERY_WORDS]


def search(user, text: str, *, kind: str = "") -> Results:
    """What `user` may see that matches `text`, grouped by kind (only `kind`, a plural, if
    given), best first: the name equal to the query, then starting with it, then holding it
    at the start of a word, then anywhere, then a match in another field; shorter names
    first. A fixed number of queries, whatever the data."""
    text = (text or "")[:QUERY_LENGTH]
    words = query_words(text)
    results = Results(query=text, words=words)
    available = by_plural()
    if kind and kind not in available:
        return results
    chosen = [available[kind]] if kind else list(available.values())
    if not words or not user or not user.is_authenticated:
        return results
    per_kind = KIND_PAGE if kind else PER_KIND
    results.groups = _groups(user, words, chosen, per_kind, text)
    if not results.groups:
        corrected = _corrected(words)
        if corrected != words:
            results.corrected = " ".join(corrected)
            results.words = corrected
            results.groups = _groups(user, corrected, chosen, per_kind, results.corrected)
    return results


def _groups(user, words: list[str], chosen: list[Kind], per_kind: int, text: str) -> list[Group]:
    candidates, capped = _candidates(words, [kind.plural for kind in chosen])
    if not candidates:
        return []
    rows = _ranked(user, words, candidates, chosen, per_kind)
    language_en = _language_is_english()
    groups: dict[str, Group] = {}
    plural_kinds = {kind.plural: kind for kind in chosen}
    for row in rows:
        kind = plural_kinds[row.kind]
        group = groups.get(row.kind)
        if group is None:
            group = groups[row.kind] = Group(
                kind=kind,
                count=row.total,
                more=row.kind in capped,
                see_all=kind.see_all_url(text),
            )
        title = (row.title_en if language_en else "") or row.title_vi
        summary = (row.summary_en if language_en else "") or row.summary_vi
        group.hits.append(
            Hit(
                kind=row.kind,
                id=row.object_id,
                title=title,
                summary=summary,
                url=kind.record_url(row.object_id),
                highlighted=highlight(title, [" ".join(words), *words]),
            )
        )
    return [groups[kind.plural] for kind in chosen if kind.plural in groups]


def _language_is_english() -> bool:
    from django.utils.translation import get_language

    return (get_language() or "vi").startswith("en")


#: what is read of a matching row: all but its text
_ROW = ("pk", "kind", "object_id", "title_vi", "title_en", "summary_vi", "summary_en", "key")


@dataclass(frozen=True)
class _Row:
    """A matching row of the index (`total`: the visible matches of its kind, once ranked)."""

    pk: int
    kind: str
    object_id: int
    title_vi: str
    title_en: str
    summary_vi: str
    summary_en: str
    key: str
    total: int = 0


def _candidates(words: list[str], plurals: list[str]) -> tuple[dict[int, _Row], set]:
    """The matching rows (all but their text), read unranked up to MATCH_CAP,
    plus up to PREFIX_CAP whose name starts with the query; and the kinds of which more may
    have matched than were read."""
    from amity.core.models import SearchEntry

    rows = SearchEntry.objects.all()
    every_kind = set(plurals) == set(by_plural())
    if not every_kind:
        # one kind asked for; with all of them, no condition that might lead the planner to
        # read the kinds' index rather than the text's
        rows = rows.filter(kind__in=plurals)
    phrase = " ".join(words)
    # the names that start with the query, along the key's index: the best are never lost
    starting = rows.filter(key__gte=phrase, key__lt=phrase + "\uffff", key__startswith=phrase)
    found = {row[0]: _Row(*row) for row in starting.values_list(*_ROW)[:PREFIX_CAP]}
    long_words = [word for word in words if len(word) >= TRIGRAM]
    if not long_words:
        return found, set()
    if _has_full_text_index():
        read = _matching_full_text(words, long_words, [] if every_kind else plurals)
    else:
        matching = _containing(rows, words).order_by()
        read = [_Row(*row) for row in matching.values_list(*_ROW)[: MATCH_CAP + 1]]
    capped = {row.kind for row in read} if len(read) > MATCH_CAP else set()
    found.update((row.pk, row) for row in read[:MATCH_CAP])
    return found, capped


def _containing(rows, words: list[str]):
    """Rows whose text holds every word (on PostgreSQL the trigram GIN index answers LIKE)."""
    for word in words:
        rows = rows.filter(text__contains=word)
    return rows


def _matching_full_text(words: list[str], long_words: list[str], plurals: list[str]) -> list:
    """The first MATCH_CAP + 1 rows holding every word, read along SQLite's FTS5 trigram table
    (the long words), the short words by LIKE after, of the kinds in `plurals` (every kind if
    none). The table leads (CROSS JOIN): its matches stream and the read stops at the cap,
    where `id IN (its matches)` had every match read first (11 ms against 3 for two frequent
    words of 200,000 rows)."""
    from amity.core.models import SearchEntry

    match = " AND ".join('"{}"'.format(word.replace('"', '""')) for word in long_words)
    conditions, params = [f"{FTS_TABLE} MATCH %s"], [match]
    if plurals:
        conditions.append(f"entry.kind IN ({', '.join(['%s'] * len(plurals))})")
        params += plurals
    for word in words:
        if len(word) < TRIGRAM:
            conditions.append("entry.text LIKE %s ESCAPE '\\'")
            params.append("%{}%".format(re.sub(r"([%_\\])", r"\\\1", word)))
    columns = ", ".join(f"entry.{'id' if name == 'pk' else name}" for name in _ROW)
    sql = (
        f"SELECT {columns} FROM {FTS_TABLE} CROSS JOIN {SearchEntry._meta.db_table} AS entry"
        f" ON entry.id = {FTS_TABLE}.rowid WHERE {' AND '.join(conditions)}"
        f" LIMIT {MATCH_CAP + 1}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [_Row(*row) for row in cursor.fetchall()]


def _ranked(user, words, candidates: dict, chosen: list[Kind], per_kind: int) -> list:
    """The first `per_kind` candidates of each kind that `user` may see, best first, each with
    the count of its kind's visible candidates (`total`). One query asks each kind's
    `visible_to` which of its candidates' records the user may see (`_visible`); the few
    hundred rows read with the candidates are ranked here, which costs less than compiling the
    same ranking into SQL."""
    by_kind: dict[str, list[int]] = defaultdict(list)
    for row in candidates.values():
        by_kind[row.kind].append(row.object_id)
    visible = _visible(user, [kind for kind in chosen if kind.plural in by_kind], by_kind)
    phrase = " ".join(words)
    grouped: dict[str, list] = defaultdict(list)
    for row in candidates.values():
        if (row.kind, row.object_id) in visible:
            grouped[row.kind].append(row)
    ranked = []
    for plural in sorted(grouped):
        found = sorted(grouped[plural], key=lambda row: _order(row, phrase))
        for row in found[:per_kind]:
            ranked.append(replace(row, total=len(found)))
    return ranked


def _visible(user, chosen: list[Kind], ids: dict[str, list[int]]) -> set[tuple[str, int]]:
    """(plural, id) of the records among `ids` (by plural) that `user` may see: each kind's
    scope with its ids, one query for them all (`UNION ALL`)."""
    from amity.core.models import SearchEntry

    alias = router.db_for_read(SearchEntry) or "default"
    parts, params = [], []
    identity = _scope_identity(user)
    for kind in chosen:
        scope = _scope(kind, user, alias, identity)
        if scope is not None:
            parts.append(scope.sql)
            params += scope.params_for(ids[kind.plural], connections[alias].vendor)
    if not parts:
        return set()
    with connections[alias].cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        return {(plural, object_id) for plural, object_id in cursor.fetchall()}


# --- each kind's scope, compiled once for each user's scope -------------------------------------

#: compiled scopes kept (kinds × users × their organizations), the least recently used dropped
SCOPE_CACHE = 2000
#: the user's fields that say nothing of what they may see (a log-in is not a new scope)
_NOT_SCOPE = frozenset({"password", "last_login"})
_IDS = object()  # the place of a search's ids in a compiled scope's parameters
_scopes: OrderedDict[tuple, "_Scope | None"] = OrderedDict()
_scopes_lock = threading.Lock()


@dataclass(frozen=True)
class _Scope:
    """One kind's "which of these ids may the user see", compiled: `sql` selects (plural, id);
    its parameters are `params`, with the ids at `slot`."""

    sql: str
    params: tuple
    slot: int

    def params_for(self, ids: list[int], vendor: str) -> list:
        values = list(self.params)
        values[self.slot] = list(ids) if vendor == "postgresql" else json.dumps(ids)
        return values


def _scope(kind: Kind, user, alias: str, identity: tuple) -> _Scope | None:
    """`kind`'s scope for `user`, compiled (None: the user sees none of the kind). Compiling
    `visible_to` costs more than running it (a unit officer's fifteen kinds took 40 ms a
    search), so each is compiled once per scope identity: the user's and their organization's
    own fields, everything `visible_to` reads to write its query (the data it reads through
    subqueries, holders or co-organizers, is read when the query runs). A change of role, of
    organization or of the organization's place in the tree is another identity: nothing to
    invalidate, and a stale entry is never read again."""
    key = (alias, kind.model, identity)
    with _scopes_lock:
        if key in _scopes:
            _scopes.move_to_end(key)
            return _scopes[key]
    scope = _compiled_scope(kind, user, alias)
    with _scopes_lock:
        _scopes[key] = scope
        while len(_scopes) > SCOPE_CACHE:
            _scopes.popitem(last=False)
    return scope


def _scope_identity(user) -> tuple:
    """The user's scope identity (`_scope`)."""
    organization = user.organization
    return (_own_fields(user, _NOT_SCOPE), organization and _own_fields(organization))


def _own_fields(record, leave=frozenset()) -> tuple:
    fields = record._meta.concrete_fields
    values = (getattr(record, f.attname) for f in fields if f.name not in leave)
    return tuple(value if isinstance(value, Hashable) else repr(value) for value in values)


#: the ids of a search, one parameter: an array on PostgreSQL, a JSON list on SQLite
_IDS_SQL = {"postgresql": "SELECT unnest(%s::bigint[])"}
_IDS_SQL_ELSE = "SELECT value FROM json_each(%s)"


def _compiled_scope(kind: Kind, user, alias: str) -> _Scope | None:
    ids = _IDS_SQL.get(connections[alias].vendor, _IDS_SQL_ELSE)
    records = kind.model_class.objects.using(alias).visible_to(user)
    chosen = records.filter(pk__in=RawSQL(ids, [_IDS])).order_by()
    query = chosen.annotate(_plural=Value(kind.plural)).values_list("_plural", "pk").query
    try:
        sql, params = query.get_compiler(using=alias).as_sql()
    except EmptyResultSet:  # `none()`: the user sees nothing of the kind
        return None
    slot = next(index for index, value in enumerate(params) if value is _IDS)
    return _Scope(sql=sql, params=tuple(params), slot=slot)


def _order(row, phrase: str) -> tuple:
    """Best first: the name equal to the query, then starting with it, then holding it at the
    start of a word, then anywhere, then a match in another field (or the words apart); of
    equal ones, the shorter name, then the name, then the older record."""
    key = row.key
    if key == phrase:
        rank = 0
    elif key.startswith(phrase):
        rank = 1
    elif f" {phrase}" in key:
        rank = 2
    elif phrase in key:
        rank = 3
    else:
        rank = 4
    return (rank, len(key), key, row.pk)


def _has_full_text_index() -> bool:
    return sqlite_has_table(FTS_TABLE)


def _corrected(words: list[str]) -> list[str]:
    """`words` with each word the index does not know replaced by the closest it knows (two
    queries), or as they were."""
    from amity.core.models import SearchWord

    correctable = [word for word in words if len(word) >= FUZZY_WORD and _LETTERS.match(word)]
    if not correctable:
        return words
    known = set(SearchWord.objects.filter(word__in=correctable).values_list("word", flat=True))
    unknown = [word for word in correctable if word not in known]
    if not unknown:
        return words
    near = Q()
    for word in unknown:
        near |= Q(length__gte=len(word) - 2, length__lte=len(word) + 2)
    pool = list(SearchWord.objects.filter(near).values_list("word", flat=True)[:FUZZY_POOL])
    replaced = {}
    for word in unknown:
        # the fewest edits (two letters swapped count one), then the same length (a swap or a
        # wrong letter is likelier than a missing one), then alphabetical: the same answer on
        # every run
        near_words = process.extract(
            word, pool, scorer=OSA.distance, score_cutoff=_edits_allowed(word), limit=None
        )
        if near_words:
            best = min(
                near_words, key=lambda found: (found[1], abs(len(found[0]) - len(word)), found[0])
            )
            replaced[word] = best[0]
    return [replaced.get(word, word) for word in words]


def _edits_allowed(word: str) -> int:
    return 1 if len(word) < 7 else 2


def highlight(title: str, words: list[str]) -> SafeString:
    """`title` escaped, with the words that start like `words` (folded) in <mark>."""
    folded, origin = [], []
    for index, char in enumerate(title):
        for folded_char in fold(char):
            folded.append(folded_char)
            origin.append(index)
    flat = "".join(folded)
    marked = [False] * len(title)
    for word in words:
        # at the start of a word only: "ha" marks "Hà", not the "hà" inside "thành"
        for found in re.finditer(r"(?<!\w)" + re.escape(word), flat):
            for position in range(found.start(), found.end()):
                marked[origin[position]] = True
    out, inside = [], False
    for char, on in zip(title, marked, strict=True):
        if on != inside:
            out.append("<mark>" if on else "</mark>")
            inside = on
        out.append(escape(char))
    if inside:
        out.append("</mark>")
    return mark_safe("".join(out))  # noqa: S308 - every character is escaped above
