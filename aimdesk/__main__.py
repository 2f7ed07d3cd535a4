from aimdesk.cli import main

raise SystemExit(main())
