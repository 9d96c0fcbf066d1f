"""A partner's sort keys are derived in one place, `Partner.derive_sort_names`, which save(), the
demo and the benchmark's bulk writers all call (issue 15)."""

import random

import pytest
from bench import partners as bench_partners

from amity.core.collation import sort_key
from amity.partners.models import Partner

pytestmark = pytest.mark.django_db


def test_the_keys_are_those_of_the_name_shown_in_each_language():
    partner = Partner(kind="ngo", name="Đông Á Foundation", name_vi="Quỹ Đông Á")
    partner.derive_sort_names()
    assert partner.sort_name_vi == sort_key("Quỹ Đông Á")
    assert partner.sort_name_en == sort_key("Đông Á Foundation")  # no English name: its own
    partner.name_en = "East Asia Foundation"
    partner.derive_sort_names()
    assert partner.sort_name_en == sort_key("East Asia Foundation")
    assert partner.search_text == ""  # only the keys


def test_the_search_text_takes_the_contacts_it_is_given():
    partner = Partner(kind="ngo", name="Friends", name_vi="Bạn bè", acronym="FR")
    assert partner.derive_search_text() == "friends ban be fr"
    assert partner.derive_search_text(["Nguyễn Thị Hà"]) == "friends ban be fr nguyen thi ha"


def test_the_benchmarks_partners_have_what_a_save_derives(orgs):
    ids = bench_partners.make_partners(random.Random(7), 5, [orgs.hanoi])
    assert len(ids) == 5
    for partner in Partner.objects.filter(pk__in=ids):
        stored = (partner.search_text, partner.sort_name_vi, partner.sort_name_en)
        partner.derive_fields()
        assert stored == (partner.search_text, partner.sort_name_vi, partner.sort_name_en)
        assert partner.sort_name_vi == sort_key(partner.name_vi)
