from amity.geo import views

app_name = "geo"
urlpatterns = [
    *views.ProvinceViews.urls(),
    *views.CountryViews.urls(),
]
