"""What one PDF build needs to know, gathered once from the job: mode, flavour, profile, photos.

Everything the drawing code reads comes from here, so the rest of the
exporter never looks at the command-line options or the house style itself.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from layout.errors import BuildError
from layout.i18n import _

PROFILE_DIR = Path(__file__).with_name("profiles")
DEFAULT_PROFILE = PROFILE_DIR / "SNAP-TR002-newsprint.icc"
DEFAULT_CONDITION = "CGATS TR 002"   # registered in the ICC characterization registry
MARK_SPACE = 36.0                   # points beyond the bleed for crop and registration marks
PDFX_FLAVOURS = ("X-4", "X-1a")
# Coarse newsprint screens (85–100 lpi) hide JPEG artefacts well above this quality;
# higher only grows the file the plant has to RIP.
NEWSPRINT_JPEG_QUALITY = 80


@dataclass(frozen=True, slots=True)
class PdfSettings:
    proof: bool               # light RGB screen PDF, no PDF/X
    marks: bool               # crop and registration marks (never on a proof)
    pdfx: str                 # X-4 or X-1a
    profile: Path             # CMYK output profile (embedded in the output intent)
    condition: str            # OutputConditionIdentifier
    target_ppi: float         # photos are resampled down to this at placed size
    min_ppi: float            # warn below this
    jpeg_quality: int

    @property
    def print_ready(self) -> bool:
        return not self.proof

    def mark_space(self) -> float:
        return MARK_SPACE if self.marks and not self.proof else 0.0


def _flavour(requested: str | None, house: str | None) -> str:
    value = (requested or house or "X-4").strip().upper().replace("PDF/", "")
    for name in PDFX_FLAVOURS:
        if value == name.upper():
            return name
    raise BuildError(_("unknown PDF/X flavour {flavour}: choose {choices}").format(
        flavour=repr(requested or house), choices=" or ".join(PDFX_FLAVOURS)))


def _profile(setting: str | None, root: Path | None) -> tuple[Path, str]:
    """The house style's ICC profile (relative to the issue folder) or the bundled one."""
    if not setting:
        return DEFAULT_PROFILE, DEFAULT_CONDITION
    path = Path(setting).expanduser()
    if not path.is_absolute() and root is not None and (root / path).exists():
        path = root / path
    if not path.is_file():
        raise BuildError(_("pdf.icc_profile: ICC profile {name} not found").format(
            name=repr(setting)))
    return path, "Custom"


def settings_for(job) -> PdfSettings:
    """Settings of the PDF build described by an `ExportJob`."""
    style, options = job.issue.style, job.options
    profile, condition = _profile(style.icc_profile, job.issue.root)
    return PdfSettings(
        proof=bool(options.proof), marks=bool(options.marks) and not options.proof,
        pdfx=_flavour(options.pdfx, style.pdfx), profile=profile, condition=condition,
        target_ppi=120.0 if options.proof else style.target_ppi, min_ppi=style.min_ppi,
        jpeg_quality=70 if options.proof else NEWSPRINT_JPEG_QUALITY)
