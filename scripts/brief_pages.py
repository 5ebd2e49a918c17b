"""Refresh the pictures of the sample negotiation brief: resources/screenshots/brief-page-N.png.

Writes the brief of the sample offer "sample-lumen" (A4, dated as the sample file) and turns each
page into a PNG with poppler's `pdftoppm`. Runs offscreen; no display needed.

    .venv/bin/python scripts/brief_pages.py [--out resources/screenshots] [--dpi 80] [--pdf brief.pdf]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
OFFER = "sample-lumen"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=str(ROOT / "resources" / "screenshots"), help="folder for the PNGs")
    parser.add_argument("--dpi", type=int, default=80, help="resolution of the PNGs (default 80)")
    parser.add_argument("--pdf", help="also keep the PDF here")
    args = parser.parse_args()
    if shutil.which("pdftoppm") is None:
        print("brief_pages: pdftoppm is missing (Debian/Ubuntu: apt-get install poppler-utils)", file=sys.stderr)
        return 2

    from app.brief import build_brief
    from app.evaluation import evaluator_for_file
    from app.files import read_offer_file
    from app.resources import sample_offers_path
    from ui.pdf.brief_pdf import render_brief_pdf

    brief = build_brief(evaluator_for_file(read_offer_file(sample_offers_path())), OFFER)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        pdf = render_brief_pdf(brief, Path(folder) / "brief.pdf", paper="A4")
        for stale in out.glob("brief-page-*.png"):
            stale.unlink()
        subprocess.run(["pdftoppm", "-png", "-r", str(args.dpi), str(pdf), str(out / "brief-page")], check=True)
        if args.pdf:
            shutil.copyfile(pdf, args.pdf)
    # pdftoppm pads page numbers when there are ten or more pages: brief-page-01.png; keep them plain
    pages = sorted(out.glob("brief-page-*.png"))
    for page in pages:
        number = int(page.stem.rsplit("-", 1)[1])
        page.rename(out / f"brief-page-{number}.png")
    print(f"Wrote {len(pages)} pages of the {brief.summary.company} brief to {out}/brief-page-N.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
