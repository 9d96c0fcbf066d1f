from django.urls import path

from amity.partners import views

app_name = "partners"
urlpatterns = [
    path("statistics/", views.statistics, name="statistics"),
    path("suggestions/", views.suggestions, name="suggestions"),
    path("partners/duplicates/", views.duplicates, name="duplicates"),
    path("partners/merge/", views.merge, name="merge"),
    path(
        "ngo-registrations/expiring/", views.expiring_registrations, name="expiring_registrations"
    ),
    *views.PartnerViews.urls(),
    *views.RelationshipHolderViews.urls(),
    *views.ContactViews.urls(),
    *views.NgoRegistrationViews.urls(),
    *views.InteractionViews.urls(),
    *views.FollowUpViews.urls(),
    *views.FieldOfWorkViews.urls(),
]
