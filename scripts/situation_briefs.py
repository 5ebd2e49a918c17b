"""Render the brief of every named situation (tests/situations.py) to PNG pages, to read them.

The situations are the ones the advice is checked against by hand (tests/unit/app/test_situations.py):
a same-day offer, three weeks of silence, below and at the top of the band, an exploding or passed
deadline, under-water options, another currency, closed stages, rounds, a make-whole… Each brief goes
to OUT/<key>/page-N.png (A4, 80 dpi by default) with the PDF beside it, and a line per situation
says what the app says first. Runs offscreen; needs poppler's `pdftoppm`.

    .venv/bin/python scripts/situation_briefs.py [--out /tmp/situation-briefs] [--dpi 80] [KEY ...]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]


def _situations():
    """tests/situations.py, loaded from the checkout (test data: not part of the installed app)."""
    spec = importlib.util.spec_from_file_location("situations", ROOT / "tests" / "situations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["situations"] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default="/tmp/situation-briefs", help="folder for the PDFs and PNGs")
    parser.add_argument("--dpi", type=int, default=80, help="resolution of the PNGs (default 80)")
    parser.add_argument("keys", nargs="*", help="only these situations (default: all)")
    args = parser.parse_args()
    if shutil.which("pdftoppm") is None:
        print("situation_briefs: pdftoppm is missing (apt-get install poppler-utils)", file=sys.stderr)
        return 2

    from app.brief import build_brief
    from app.evaluation import evaluator_for_file
    from app.files import parse_offer_file
    from ui.pdf.brief_pdf import render_brief_pdf

    situations = _situations()
    FORMAT2, SITUATIONS = situations.FORMAT2, situations.SITUATIONS

    out = Path(args.out)
    chosen = [s for s in SITUATIONS if not args.keys or s.key in args.keys]
    for situation in chosen:
        if situation.format2 and not FORMAT2:
            print(f"{situation.key:16} skipped: needs format 2")
            continue
        evaluator = evaluator_for_file(parse_offer_file(json.dumps(situation.offer_file())))
        brief = build_brief(evaluator, "acme")
        folder = out / situation.key
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        pdf = render_brief_pdf(brief, folder / "brief.pdf", paper="A4")
        subprocess.run(["pdftoppm", "-png", "-r", str(args.dpi), str(pdf), str(folder / "page")], check=True)
        pages = sorted(folder.glob("page-*.png"))
        for page in pages:
            page.rename(folder / f"page-{int(page.stem.rsplit('-', 1)[1])}.png")
        first = brief.levers[0] if brief.levers else None
        says = f"{first.title} ({first.plausibility_name})" if first else brief.summary.headline
        print(f"{situation.key:16} {len(pages):2} pages · first: {says}")
    print(f"Briefs in {out}/<situation>/page-N.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
