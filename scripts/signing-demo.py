"""Prepare a folder to try digital signing by hand (docs/transcripts/issue23-sign.md):
a SoftHSM2 token with a self-made root and certificates with Vietnamese names
(tests/signing_support.py), and an office database with a held conference, its
petitions, the chair's signature image and the seal.

    python scripts/signing-demo.py FOLDER

Then, in a shell: export SOFTHSM2_CONF=FOLDER/token/softhsm2.conf DOITHOAI_HOME=FOLDER/home
and run doithoai with --db FOLDER/xa.sqlite3. Needs softhsm2 and opensc (Debian)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def main() -> None:
    folder = Path(sys.argv[1]).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    from signing_support import make_token, seal_png, signature_png

    token = make_token(folder / "token")
    os.environ["DOITHOAI_HOME"] = str(folder / "home")
    import models
    from models.demo import samples
    from models.services import signing

    models.open_database(folder / "xa.sqlite3")
    office = samples.office("ubnd_xa")
    conf = samples.conference(office, petitions=5)
    signing.keep_image(office, "chu_ky", signature_png())
    signing.keep_image(office, "con_dau", seal_png())
    print(f"SOFTHSM2_CONF={token.conf}")
    print(f"DOITHOAI_HOME={folder / 'home'}")
    print(f"--db {folder / 'xa.sqlite3'}")
    print(f"PKCS#11: {token.module}  token “{token.label}”  PIN {token.pin}  gốc tin cậy {token.root_pem}")
    print(f"Hội nghị số {conf.id} ngày {conf.date:%d/%m/%Y}")


if __name__ == "__main__":
    main()
