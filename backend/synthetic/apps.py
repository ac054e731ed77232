from django.apps import AppConfig


class SyntheticConfig(AppConfig):
    """Synthetic regency-size data for load tests and query plans (never for production)."""

    name = "synthetic"
    verbose_name = "Synthetic data"
