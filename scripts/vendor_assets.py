"""Copy the front-end files the pages use from node_modules into the app's static folder.

The app serves them itself (whitenoise): on the federation's intranet there is no CDN.
Run by `make assets` after `npm ci`.
"""

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE = ROOT / "node_modules"
VENDOR = ROOT / "src" / "amity" / "static" / "vendor"

FILES = {
    "bootstrap/dist/css/bootstrap.min.css": "bootstrap/bootstrap.min.css",
    "bootstrap/dist/css/bootstrap.min.css.map": "bootstrap/bootstrap.min.css.map",
    "bootstrap/dist/js/bootstrap.bundle.min.js": "bootstrap/bootstrap.bundle.min.js",
    "bootstrap/dist/js/bootstrap.bundle.min.js.map": "bootstrap/bootstrap.bundle.min.js.map",
    "bootstrap-icons/font/bootstrap-icons.min.css": "bootstrap-icons/bootstrap-icons.min.css",
    "bootstrap-icons/font/fonts/bootstrap-icons.woff2": (
        "bootstrap-icons/fonts/bootstrap-icons.woff2"
    ),
    "bootstrap-icons/font/fonts/bootstrap-icons.woff": "bootstrap-icons/fonts/bootstrap-icons.woff",
    "htmx.org/dist/htmx.min.js": "htmx/htmx.min.js",
    "echarts/dist/echarts.min.js": "echarts/echarts.min.js",
    "tom-select/dist/js/tom-select.complete.min.js": "tom-select/tom-select.complete.min.js",
    "tom-select/dist/js/tom-select.complete.min.js.map": (
        "tom-select/tom-select.complete.min.js.map"
    ),
    "tom-select/dist/css/tom-select.bootstrap5.min.css": "tom-select/tom-select.bootstrap5.min.css",
    "tom-select/dist/css/tom-select.bootstrap5.min.css.map": (
        "tom-select/tom-select.bootstrap5.min.css.map"
    ),
    "flatpickr/dist/flatpickr.min.js": "flatpickr/flatpickr.min.js",
    "flatpickr/dist/flatpickr.min.css": "flatpickr/flatpickr.min.css",
    "flatpickr/dist/l10n/vn.js": "flatpickr/l10n/vn.js",
}


def main() -> int:
    missing = [source for source in FILES if not (NODE / source).exists()]
    if missing:
        print("missing in node_modules (run npm ci):", *missing, sep="\n  ", file=sys.stderr)
        return 1
    for source, target in FILES.items():
        destination = VENDOR / target
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(NODE / source, destination)
    print(f"copied {len(FILES)} files into {VENDOR.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
