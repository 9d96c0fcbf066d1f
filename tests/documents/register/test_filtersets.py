"""Each filter of the register's lists narrows the list as it says (`tests.filtersets`)."""

from amity.documents.models import RegisterEntry
from tests.documents.register import test_models_generic_register as generic
from tests.filtersets import Case, FilterSetTestCase


def signer_case(self, orgs, a, b):
    RegisterEntry.all_objects.filter(pk=a.pk).update(signer="Nguyễn Văn An")
    RegisterEntry.all_objects.filter(pk=b.pk).update(signer="Trần Thị Bình")
    return Case({"signer": "văn an"}, [a])


class TestRegisterEntryFilters(FilterSetTestCase):
    model_case = generic.TestRegisterEntry
    cases = {"signer": signer_case}
    not_filtered = {
        "received_on": "the date of the document is the register's date filter",
        "sender_organization": "found by the text search on the sender",
        "source_type": "the record a document was drafted from lists it on its own page",
    }


class TestRegisterFileFilters(FilterSetTestCase):
    model_case = generic.TestRegisterFile
    not_filtered = {"pdf_status": "a state of the conversion, shown beside each file"}


class TestTermFilters(FilterSetTestCase):
    model_case = generic.TestTerm
    not_filtered = {"organization": "the system's terms have none; the category sorts them"}
