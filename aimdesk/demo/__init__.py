"""Demo data: invented member lists of audited supplier sites, with the truth behind them.

Pure Python (no Qt). ``write_member_files`` writes, under one folder, the layout that
``tools/score_dataset.py`` reads: ``members/<file>``, ``mapping/<member>.json`` and
``truth.csv``. The ``aimdesk demo DIR`` command calls it and then imports every file.

Modules: ``countries`` (places and name parts), ``sites`` (the true sites), ``members``
(member profiles and file layouts), ``noise`` (how members write a site), ``audits``
(audit dates, firms, date formats), ``records`` (who lists which site), ``layouts``
(rows of each sheet), ``writers`` (xlsx, xls, ods, csv/tsv/txt), ``generate`` (the API),
``recognition`` (statements signed and benchmarks passed) and ``build`` (the workspace).
"""

from __future__ import annotations

from aimdesk.demo.generate import DEFAULT_AS_OF, DEFAULT_SEED, DemoManifest, MemberFile, write_member_files

__all__ = ["DEFAULT_AS_OF", "DEFAULT_SEED", "DemoManifest", "MemberFile", "write_member_files"]
