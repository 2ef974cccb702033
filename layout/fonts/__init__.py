"""Fonts: the committed faces, their metrics and coverage, and per-character fallback.

The composer measures with `FontSet` (fontTools metrics, cached on disk), so
composing never imports reportlab; exporters get font file paths from here.
"""
from layout.fonts.metrics import FaceMetrics, load_metrics
from layout.fonts.registry import FONT_DIR, FontSet, MissingCharacters, font_set
from layout.fonts.coverage import issue_fonts  # noqa: E402 - uses the registry

__all__ = ["FONT_DIR", "FaceMetrics", "FontSet", "MissingCharacters", "font_set", "issue_fonts",
           "load_metrics"]
