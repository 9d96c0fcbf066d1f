from django.urls import path

from amity.aid import views

app_name = "aid"
urlpatterns = [
    path("statistics/", views.statistics_page, name="statistics"),
    path("donors/options/", views.donor_options, name="donor_options"),
    path("activities/iati/", views.iati_export, name="iati_export"),
    path("activities/iati/import/", views.iati_import, name="iati_import"),
    *views.ActivityViews.urls(),
    *views.ActivityProvinceViews.urls(),
    *views.ActivitySectorViews.urls(),
    *views.ParticipatingOrgViews.urls(),
    *views.BudgetViews.urls(),
    *views.ActivityDocumentViews.urls(),
    *views.TransactionViews.urls(),
    *views.UnplacedLocationViews.urls(),
    *views.RateViews.urls(),
]
