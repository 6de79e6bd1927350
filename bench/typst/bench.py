#!/usr/bin/env python3
"""Typst side of bench/typst.sh: renders the shared workloads with bench/typst/report.typ.

  bench.py annual ANNUAL.json OUT.pdf     one compile in a fresh process (time it from outside)
  bench.py monthly DATADIR OUTDIR         every DATADIR/*.json to OUTDIR/<stem>.pdf, one process

The monthly run reuses ONE typst.Compiler (fonts loaded once, template parsed once, Typst's
memoization cache kept between documents) and calls Compiler.compile once per report with that
report's sys_inputs, which is how a batch would use the binding.
"""
import glob
import os
import sys

import typst

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATE = os.path.join(HERE, "report.typ")
FONTS = ["/usr/local/share/fonts/huibao", "/usr/share/fonts/truetype/arphic"]
# Only the fonts above (and Typst's embedded ones) are used; system fonts are not scanned.
# root "/" so that the template can read the data file given by its absolute path.
OPTIONS = dict(root="/", font_paths=FONTS, ignore_system_fonts=True)


def main(argv):
    if len(argv) == 4 and argv[1] == "annual":
        data, out = os.path.abspath(argv[2]), argv[3]
        typst.compile(TEMPLATE, output=out, sys_inputs={"data": data}, **OPTIONS)
    elif len(argv) == 4 and argv[1] == "monthly":
        files = sorted(glob.glob(os.path.join(os.path.abspath(argv[2]), "*.json")))
        os.makedirs(argv[3], exist_ok=True)
        compiler = typst.Compiler(TEMPLATE, **OPTIONS)
        for f in files:
            stem = os.path.splitext(os.path.basename(f))[0]
            compiler.compile(output=os.path.join(argv[3], stem + ".pdf"), sys_inputs={"data": f})
        print(f"{len(files)} reports", file=sys.stderr)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
