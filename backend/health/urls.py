from django.urls import URLPattern, URLResolver, path

from health.views import children, dashboards, mothers, pregnancies, public

urlpatterns: list[URLPattern | URLResolver] = [
    path("mothers/", mothers.MotherListCreateView.as_view(), name="health-mothers"),
    path("mothers/mine/", mothers.MotherMineView.as_view(), name="health-mothers-mine"),
    path("mothers/lookup/", mothers.MotherLookupView.as_view(), name="health-mothers-lookup"),
    path("mothers/<uuid:pk>/", mothers.MotherDetailView.as_view(), name="health-mother"),
    path(
        "mothers/<uuid:pk>/link-account/",
        mothers.MotherLinkAccountView.as_view(),
        name="health-mother-link-account",
    ),
    path(
        "mothers/<uuid:pk>/access-log/",
        mothers.MotherAccessLogView.as_view(),
        name="health-mother-access-log",
    ),
    path(
        "mothers/<uuid:pk>/pregnancies/",
        mothers.MotherPregnanciesView.as_view(),
        name="health-mother-pregnancies",
    ),
    path(
        "mothers/<uuid:pk>/children/",
        mothers.MotherChildrenView.as_view(),
        name="health-mother-children",
    ),
    path(
        "pregnancies/<uuid:pk>/", pregnancies.PregnancyDetailView.as_view(), name="health-pregnancy"
    ),
    path(
        "pregnancies/<uuid:pk>/end/",
        pregnancies.PregnancyEndView.as_view(),
        name="health-pregnancy-end",
    ),
    path(
        "pregnancies/<uuid:pk>/visits/",
        pregnancies.VisitListCreateView.as_view(),
        name="health-pregnancy-visits",
    ),
    path(
        "pregnancies/<uuid:pk>/delivery/",
        pregnancies.DeliveryCreateView.as_view(),
        name="health-pregnancy-delivery",
    ),
    path(
        "pregnancies/<uuid:pk>/postnatal-contacts/",
        pregnancies.PostnatalView.as_view(),
        name="health-pregnancy-postnatal",
    ),
    path("children/", children.ChildListView.as_view(), name="health-children"),
    path("children/<uuid:pk>/", children.ChildDetailView.as_view(), name="health-child"),
    path(
        "children/<uuid:pk>/immunizations/",
        children.ImmunizationView.as_view(),
        name="health-child-immunizations",
    ),
    path(
        "children/<uuid:pk>/measurements/",
        children.MeasurementListCreateView.as_view(),
        name="health-child-measurements",
    ),
    path(
        "children/<uuid:pk>/growth-chart/",
        children.GrowthChartView.as_view(),
        name="health-child-growth-chart",
    ),
    path("growth/zscores/", public.ZScoreCalculatorView.as_view(), name="health-zscores"),
    path("schedule/", public.ScheduleView.as_view(), name="health-schedule"),
    path("worklist/", dashboards.WorklistView.as_view(), name="health-worklist"),
    path("stats/", dashboards.StatsView.as_view(), name="health-stats"),
]
