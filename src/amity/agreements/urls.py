from amity.agreements.views import agreements

app_name = "agreements"
urlpatterns = [
    *agreements.AgreementViews.urls(),
    *agreements.VietnameseAgencyViews.urls(),
    *agreements.SignerViews.urls(),
    *agreements.AgreementFileViews.urls(),
    *agreements.ReviewViews.urls(),
    *agreements.CommitmentViews.urls(),
]
