"""Gaza negotiations dossier: Arabic news articles in, a research dossier out."""

__version__ = "0.1.0"
