"""A SoftHSM2 token for signing tests, benches and transcripts: a self-made
root CA and certificates with Vietnamese names, the keys and certificates
imported with OpenSC's pkcs11-tool. Debian: softhsm2, opensc (.ci/run)."""
from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

SO_PIN = "87654321"
PIN = "kyso-2468"  # not hex: it cannot turn up by chance in a signature or a SHA-256
TOKEN = "UBND Ky Khang"
#: key label → (common name, organisation, days valid from now (start, end), key usage)
PEOPLE = {
    "chu-tich": ("Hồ Xuân Trính", "", (-30, 365), "sign"),
    "co-quan": ("Ủy ban nhân dân xã Kỳ Khang", "Ủy ban nhân dân xã Kỳ Khang", (-30, 365), "sign"),
    "dang-uy": ("Đảng ủy xã Kỳ Khang", "Đảng ủy xã Kỳ Khang", (-30, 365), "sign"),
    "het-han": ("Hồ Xuân Trính", "", (-400, -2), "sign"),
    "chua-hieu-luc": ("Hồ Xuân Trính", "", (5, 400), "sign"),
    "ma-hoa": ("Hồ Xuân Trính", "", (-30, 365), "encrypt"),
    "nguoi-khac": ("Lê Văn Cường", "", (-30, 365), "sign"),
}


def softhsm_module() -> str | None:
    for p in ("/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
              "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so"):
        if os.path.exists(p):
            return p
    return None


@dataclass
class Token:
    folder: Path
    module: str
    conf: Path
    root_pem: Path
    label: str = TOKEN
    pin: str = PIN

    def env(self) -> dict:
        return {**os.environ, "SOFTHSM2_CONF": str(self.conf)}

    def pin_file(self, folder: Path, pin: str | None = None, mode: int = 0o600) -> Path:
        path = folder / f"pin-{mode:o}.txt"
        path.write_text((pin or self.pin) + "\n")
        path.chmod(mode)
        return path


def _name(cn: str, org: str):
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    attrs = [x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"), x509.NameAttribute(NameOID.COMMON_NAME, cn)]
    if org:
        attrs.insert(1, x509.NameAttribute(NameOID.ORGANIZATION_NAME, org))
    return x509.Name(attrs)


def make_pki(folder: Path, now: dt.datetime | None = None):
    """The root CA and one certificate per entry of PEOPLE; writes root.pem and
    KEY.key.der / KEY.crt.der. Returns the root certificate."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    now = now or dt.datetime.now(dt.timezone.utc)
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca_name = _name("CA Thử nghiệm Đối thoại", "Đối thoại (kiểm thử)")
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=800))
          .not_valid_after(now + dt.timedelta(days=3650))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=False,
                                       data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                       crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
          .sign(ca_key, hashes.SHA256()))
    (folder / "root.pem").write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    for label, (cn, org, (start, end), usage) in PEOPLE.items():
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        sign = usage == "sign"
        cert = (x509.CertificateBuilder().subject_name(_name(cn, org)).issuer_name(ca_name)
                .public_key(key.public_key()).serial_number(x509.random_serial_number())
                .not_valid_before(now + dt.timedelta(days=start)).not_valid_after(now + dt.timedelta(days=end))
                .add_extension(x509.KeyUsage(digital_signature=sign, content_commitment=sign,
                                             key_encipherment=not sign, data_encipherment=False,
                                             key_agreement=False, key_cert_sign=False, crl_sign=False,
                                             encipher_only=False, decipher_only=False), critical=True)
                .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
                               critical=False)
                .sign(ca_key, hashes.SHA256()))
        (folder / f"{label}.key.der").write_bytes(key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
        (folder / f"{label}.crt.der").write_bytes(cert.public_bytes(serialization.Encoding.DER))
    return ca


def make_token(folder: Path) -> Token:
    """A fresh SoftHSM2 token in ``folder`` holding every key of PEOPLE."""
    module = softhsm_module()
    if module is None:
        raise RuntimeError("SoftHSM2 is not installed (Debian: apt-get install softhsm2 opensc)")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "tokens").mkdir(exist_ok=True)
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n")
    make_pki(folder)
    token = Token(folder, module, conf, folder / "root.pem")
    env = token.env()
    subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", TOKEN, "--so-pin", SO_PIN,
                    "--pin", PIN], env=env, check=True, capture_output=True)
    for i, label in enumerate(PEOPLE, start=1):
        for kind, suffix in (("privkey", "key"), ("cert", "crt")):
            subprocess.run(["pkcs11-tool", "--module", module, "--token-label", TOKEN, "--login", "--pin", PIN,
                            "--write-object", str(folder / f"{label}.{suffix}.der"), "--type", kind,
                            "--id", f"{i:02x}", "--label", label, "--usage-sign"] if kind == "privkey" else
                           ["pkcs11-tool", "--module", module, "--token-label", TOKEN, "--login", "--pin", PIN,
                            "--write-object", str(folder / f"{label}.{suffix}.der"), "--type", kind,
                            "--id", f"{i:02x}", "--label", label], env=env, check=True, capture_output=True)
    return token


def signature_png(width: int = 420, height: int = 180) -> bytes:
    """A blue handwritten-looking signature on a transparent background."""
    import io
    import math

    from PIL import Image, ImageDraw

    im = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    pts = [(20 + t * 3.6, height / 2 + 45 * math.sin(t / 9) * math.cos(t / 23)) for t in range(0, 105)]
    d.line(pts, fill=(20, 40, 170, 255), width=6, joint="curve")
    d.line([(60, 130), (360, 60)], fill=(20, 40, 170, 255), width=4)
    d.arc((250, 40, 360, 150), 200, 520, fill=(20, 40, 170, 255), width=5)
    buf = io.BytesIO()
    im.save(buf, "PNG")
    return buf.getvalue()


def seal_png(size: int = 400) -> bytes:
    """A red round seal (rings and a star) on a transparent background."""
    import io
    import math

    from PIL import Image, ImageDraw

    im = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    red = (210, 20, 30, 230)
    d.ellipse((6, 6, size - 6, size - 6), outline=red, width=14)
    d.ellipse((70, 70, size - 70, size - 70), outline=red, width=6)
    c, r = size / 2, size / 5
    star = [(c + (r if i % 2 == 0 else r * 0.4) * math.sin(i * math.pi / 5),
             c - (r if i % 2 == 0 else r * 0.4) * math.cos(i * math.pi / 5)) for i in range(10)]
    d.polygon(star, fill=red)
    for i in range(36):
        a = i * math.pi / 18
        d.ellipse((c + 160 * math.cos(a) - 6, c + 160 * math.sin(a) - 6, c + 160 * math.cos(a) + 6,
                   c + 160 * math.sin(a) + 6), fill=red)
    buf = io.BytesIO()
    im.save(buf, "PNG")
    return buf.getvalue()
